import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every stored observation with its source, as CSV, TSV or JSON lines.",
        discussion: """
        CSV follows RFC 4180 (UTF-8, CRLF line ends, one header row; fields with a comma, quote or line
        break are quoted). --bom writes the UTF-8 byte-order mark Excel needs to show Chinese correctly.
        Text cells that begin with = + - @ get a leading ' so that a spreadsheet does not run them.
        -o writes a new file or replaces a regular file whole (written beside it, then renamed); a folder,
        symbolic link, device, FIFO or the database itself is refused.
        --bom is for csv and tsv only: with jsonl it is refused (a JSON reader fails on a byte-order mark).
        The filters are query's: --subject (an id or any name), --metric, --kind, --on or --from/--to (a
        figure of a period with no date when its period overlaps them). Nothing matching writes the header
        (exit 0, a note on stderr).
        Columns: \(ObservationFormatter.csvColumns.joined(separator: ","))

        Example:
          figures export --bom -o figures.csv
          figures export --format jsonl > figures.jsonl
          figures export --subject 台積電 --from 2025-01-01 -o tsmc.csv
        """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, tsv, jsonl }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "csv, tsv or jsonl.")
    var format: ExportFormat = .csv

    @Flag(help: "Start the file with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Option(name: .shortAndLong, help: "Write to this file (new, or a regular file to replace) instead of standard output.", completion: .file())
    var output: String?

    @Option(help: "Only this subject: an id or any name (N225, 日經, 台積電, USDTWD…).", completion: Completion.subjects)
    var subject: String?

    @Option(help: "Only this metric (any case).")
    var metric: String?

    @Option(help: "Only this kind: index, equity, fx, rate, tariff, financial, macro, commodity.", completion: Completion.kinds)
    var kind: String?

    @Option(help: "Only figures dated this day (or of a period that includes it).")
    var on: Day?

    @Option(help: "Only figures dated on or after this day.")
    var from: Day?

    @Option(help: "Only figures dated on or before this day.")
    var to: Day?

    func validate() throws {
        if bom && format == .jsonl {
            throw ValidationError("--bom is for csv and tsv: a byte-order mark at the start of JSON lines breaks JSON readers")
        }
        try requireSupportedYears(["--on": on, "--from": from, "--to": to])
        try QueryCommand.validateKind(kind)
        if on != nil && (from != nil || to != nil) { throw ValidationError("--on cannot be combined with --from/--to") }
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() throws {
        // the target is checked before the database is opened: a refused -o touches nothing
        if let output { try OutputTarget.check(output, database: database.resolvedPath) }
        let store = try database.openForReading()
        var filter = ObservationFilter(kind: kind?.lowercased(), on: on, from: from, to: to)
        if subject != nil || metric != nil {
            let lookup = try Lookup(store)
            filter.subjects = try subject.map { try lookup.subject($0) }
            filter.metric = try metric.map { try lookup.metric($0) }
        }
        let file = try output.map { try AtomicFile(replacing: $0) }
        let out = file.map { Output(descriptor: $0.descriptor, name: $0.path) } ?? Output()
        let count: Int
        do {
            count = try write(store, filter: filter, to: out)
            try out.flush()
            try file?.commit()
        } catch {
            file?.discard()
            throw error
        }
        if count == 0 { noteEmpty("observations to export") }
        if let output { warn("wrote \(count) observations to \(output)") }
    }

    /// Writes every observation in the chosen format; returns how many.
    func write(_ store: FiguresStore, filter: ObservationFilter, to out: Output) throws -> Int {
        if bom { try out.write(bytes: [0xEF, 0xBB, 0xBF]) }
        let formatter = ObservationFormatter()
        let writer = ObservationFormatter.csvWriter(separator: format == .tsv ? "\t" : ",")
        if format != .jsonl { try out.write(writer.row(ObservationFormatter.csvColumns)) }
        var count = 0
        try store.forEachObservation(matching: filter) { row in
            let line = format == .jsonl
                ? formatter.jsonLine(row.observation, page: row.page, version: row.extractorVersion) + "\n"
                : formatter.csvRow(row.observation, page: row.page, version: row.extractorVersion, writer: writer)
            try out.write(line)
            count += 1
        }
        return count
    }
}
