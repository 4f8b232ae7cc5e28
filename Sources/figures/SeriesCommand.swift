import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresStore

/// Options shared by `series` and `plot`: the dates, period and target of the series.
struct SeriesOptions: ParsableArguments {
    @Option(help: "From this day (a period's figure when its period ends on or after it).")
    var from: Day?

    @Option(help: "To this day (a period's figure when its period starts on or before it).")
    var to: Day?

    @Option(help: "Figures of this period (1w, 2025-Q3…); by default dated figures without one, and figures of a period with no date.")
    var period: String?

    @Option(help: "Only figures about this target (a tariff's country, a rate's tenor); needed when a subject's figures have several.")
    var target: String?

    func validate() throws {
        try requireSupportedYears(["--from": from, "--to": to])
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    /// The series of each (subject, metric) as typed, resolved with `lookup`.
    func series(_ requests: [(subject: String, metric: String)], lookup: Lookup) throws -> [Series] {
        try requests.map { request in
            let spellings = try lookup.subject(request.subject)
            let metric = try lookup.metric(request.metric)
            let shown = lookup.names.canonical(spellings[0])
            let ids = Set(spellings.map(SubjectNames.key))
            let subject = ids.count == 1 ? shown : request.subject
            let s = try lookup.store.series(subject: subject, spellings: spellings, metric: metric,
                                            filter: ObservationFilter(from: from, to: to, period: period, target: target))
            if s.targets.count > 1 {
                throw CLIError("\(subject) \(metric) has figures about several targets (\(s.targets.joined(separator: ", "))): choose one with --target")
            }
            if ids.count > 1 { warn("\(request.subject) stands for \(spellings.joined(separator: ", ")): their figures are one series") }
            return s
        }
    }
}

struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "One value per date of a subject's metric, with how many sources agreed.",
        discussion: """
        Conflicts: when several observations give a figure for the same date, the value most of them
        agree on is the series' value; on a tie, the value from the page ingested last (then the last
        extracted). `sources` counts the observations for the date, `agree` those that gave the chosen
        value, `disagree` the others, and `other_values` lists what the others said.

        A figure of a period with no date (company results, macro) is one row, labelled with its period
        and placed at its last day. Figures with a relative period (a weekly move, `1w`) are another
        series: ask for it with --period 1w.

        SUBJECT is an id or any name `query` takes (日經, 台積電, USDTWD…); give several subjects before
        the metric for several series, and --wide for one row per date and one column per subject (CSV
        unless --format says otherwise). On a terminal, the table ends with a sparkline.

        Example:
          figures series N225 close --from 2025-01-01
          figures series 日經 恆指 close --wide -o closes.csv
          figures series USD/TWD close --format json
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("One or more subjects, then the metric.", valueName: "subject… metric"), completion: Completion.subjects)
    var arguments: [String]

    @OptionGroup var options: SeriesOptions

    @Flag(help: "One row per date, one column per subject (default format csv).")
    var wide = false

    @Option(help: "Output format: table, csv, tsv, json or jsonl (default table; csv with --wide).")
    var format: OutputFormat?

    @Option(name: .shortAndLong, help: "Write to this file (new, or a regular file to replace) instead of standard output.", completion: .file())
    var output: String?

    func validate() throws {
        if arguments.count < 2 { throw ValidationError("give a subject and a metric (figures series N225 close)") }
    }

    func run() throws {
        try Destination.check(output, database: database)
        let store = try database.openForReading()
        let lookup = try Lookup(store)
        let metric = arguments.last!
        let series = try options.series(arguments.dropLast().map { ($0, metric) }, lookup: lookup)
        let format = self.format ?? (wide ? .csv : .table)
        if series.allSatisfy({ $0.points.isEmpty }) { noteEmpty("values of \(arguments.dropLast().joined(separator: ", ")) \(metric) in that range") }
        let sparkline = format == .table && output == nil && isTerminal() && !wide
        try Destination.write(to: output) { out in
            try out.write(wide ? SeriesReport.renderWide(series, as: format) : SeriesReport.render(series, as: format))
            if sparkline { for s in series where !s.points.isEmpty { try out.write(Sparkline.line(s)) } }
        }
        if let output { warn("wrote \(series.reduce(0) { $0 + $1.points.count }) values to \(output)") }
    }
}

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "A line chart (SVG) of one or more series.",
        discussion: """
        Takes SUBJECT METRIC pairs; each is the series `figures series` gives (one value per date, the
        value most sources agree on). The chart has a dated x axis, a y axis labelled with the unit,
        one line per series with a legend (with its observation count) and a caption. Written with -o
        (or to standard output when it is not a terminal).

        Example:
          figures plot N225 close -o n225.svg
          figures plot 日經 close 恆指 close --from 2025-06-01 -o asia.svg
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Pairs of subject and metric.", valueName: "subject metric"), completion: Completion.subjects)
    var arguments: [String]

    @OptionGroup var options: SeriesOptions

    @Option(help: "Chart title (default: the series' names).")
    var title: String?

    @Option(name: .shortAndLong, help: "Write the SVG to this file (new, or a regular file to replace).", completion: .file())
    var output: String?

    func validate() throws {
        if arguments.isEmpty || arguments.count % 2 != 0 {
            throw ValidationError("give pairs of subject and metric (figures plot N225 close HSI close -o chart.svg)")
        }
    }

    func run() throws {
        if output == nil && isTerminal() { throw CLIError("plot writes SVG: give -o chart.svg (or redirect standard output)") }
        try Destination.check(output, database: database)
        let store = try database.openForReading()
        let lookup = try Lookup(store)
        let pairs = stride(from: 0, to: arguments.count, by: 2).map { (arguments[$0], arguments[$0 + 1]) }
        let series = try options.series(pairs, lookup: lookup)
        if series.allSatisfy({ $0.points.isEmpty }) { throw CLIError("nothing to plot: no values in that range") }
        try Destination.write(to: output) { out in try out.write(SVGChart(series: series, title: title).render()) }
        if let output {
            warn("wrote \(output): \(series.count) series, \(series.reduce(0) { $0 + $1.points.count }) values from \(series.reduce(0) { $0 + $1.observations }) observations")
        }
    }
}
