import ArgumentParser
import FiguresExtraction
import FiguresQuantities
import FiguresReports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why each figure of a page was or was not taken.",
        discussion: """
        Lists each observation with the rule and lexicon entries that produced it, then every number
        in the page that produced no observation, with the reason (a date, a count, an ordinal, a
        product code, part of a name, or no rule matched).

        Example:
          figures explain --date 2025-12-13 seeds/000_ebbe0d012c511b39.txt
        """
    )

    @Option(help: "Reference date of the page (YYYY-MM-DD). Default: the date in an index.tsv beside it, else today.")
    var date: Day?

    @OptionGroup var encoding: EncodingOptions

    @Flag(name: .shortAndLong, help: "Say on stderr which encoding the page was read in.")
    var verbose = false

    @Argument(help: ArgumentHelp("The page to explain; - for standard input.", valueName: "file"), completion: .file())
    var file: String

    func validate() throws { try requireSupportedYears(["--date": date]) }

    func run() throws {
        let content: String
        do { content = try readPage(file, encoding: encoding.encoding, verbose: verbose) } catch { warn("\(error)"); throw ExitCode(1) }
        let reference = try referenceDate(date, for: file)
        let extraction = Extractor.extract(content, reference: reference)
        let out = Output()
        try out.write("Page \(file): reference date \(reference), locale \(extraction.locale.rawValue), \(extraction.teaserCount) teaser(s)\n\n")
        try out.write("Observations (\(extraction.observations.count))\n")
        let rows = extraction.observations.map { o in
            ["\(o.start)", o.text, "\(o.kind) \(o.subject) \(o.metric)\(o.target.map { " →\($0)" } ?? "")",
             ObservationFormatter.valueText(o) + " " + (o.unit ?? "") + (o.previous.map { " (was \(ObservationFormatter.number($0)))" } ?? "")
                + (o.qualifier.map { " [\($0)]" } ?? ""),
             [o.date, o.period].compactMap { $0 }.joined(separator: " "), o.rule]
        }
        try out.write(TableRenderer(headers: ["at", "text", "observation", "value", "date/period", "rule and lexicon"], rows: rows,
                                rightAligned: [0], maxCellWidth: 60).render())
        try out.write("\nNumbers that gave no observation (\(extraction.unused.count))\n")
        let unusedRows = extraction.unused.map { ["\($0.start)", $0.text, $0.reason] }
        try out.write(TableRenderer(headers: ["at", "text", "why not"], rows: unusedRows, rightAligned: [0], maxCellWidth: 60).render())
        try out.flush()
    }
}
