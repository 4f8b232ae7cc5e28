import ArgumentParser
import Foundation
import FiguresExtraction
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
        Columns: \(ObservationFormatter.csvColumns.joined(separator: ","))

        Example:
          figures export --bom -o figures.csv
          figures export --format jsonl > figures.jsonl
        """
    )

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case csv, tsv, jsonl }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "csv, tsv or jsonl.")
    var format: ExportFormat = .csv

    @Flag(help: "Start the file with a UTF-8 byte-order mark (for Excel).")
    var bom = false

    @Option(name: .shortAndLong, help: "Write to this file (new, or a regular file to replace) instead of standard output.")
    var output: String?

    func run() throws {
        // the target is checked before the database is opened: a refused -o touches nothing
        if let output { try OutputTarget.check(output, database: database.resolvedPath) }
        let store = try database.openForReading()
        let file = try output.map { try AtomicFile(replacing: $0) }
        let out = file.map { Output(descriptor: $0.descriptor, name: $0.path) } ?? Output()
        let count: Int
        do {
            count = try write(store, to: out)
            try out.flush()
            try file?.commit()
        } catch {
            file?.discard()
            throw error
        }
        if let output { warn("wrote \(count) observations to \(output)") }
    }

    /// Writes every observation in the chosen format; returns how many.
    func write(_ store: FiguresStore, to out: Output) throws -> Int {
        if bom { try out.write(bytes: [0xEF, 0xBB, 0xBF]) }
        let formatter = ObservationFormatter()
        let writer = ObservationFormatter.csvWriter(separator: format == .tsv ? "\t" : ",")
        if format != .jsonl { try out.write(writer.row(ObservationFormatter.csvColumns)) }
        var count = 0
        try store.forEachObservation { row in
            let line = format == .jsonl
                ? formatter.jsonLine(row.observation, page: row.page, version: row.extractorVersion) + "\n"
                : formatter.csvRow(row.observation, page: row.page, version: row.extractorVersion, writer: writer)
            try out.write(line)
            count += 1
        }
        return count
    }
}
