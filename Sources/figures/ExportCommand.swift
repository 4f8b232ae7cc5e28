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

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let store = try database.openForReading()
        var bytes = [UInt8]()
        if bom { bytes += [0xEF, 0xBB, 0xBF] }
        let formatter = ObservationFormatter()
        let writer = CSVWriter(separator: format == .tsv ? "\t" : ",")
        if format != .jsonl { bytes += Array(writer.row(ObservationFormatter.csvColumns).utf8) }
        var count = 0
        try store.forEachObservation { row in
            let line = format == .jsonl
                ? formatter.jsonLine(row.observation, page: row.page, version: row.extractorVersion) + "\n"
                : formatter.csvRow(row.observation, page: row.page, version: row.extractorVersion, writer: writer)
            bytes += Array(line.utf8)
            count += 1
        }
        if let output {
            // write beside the target, then move into place: an interrupted export never leaves half a file
            let temporary = output + ".partial"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw CLIError("cannot write \(output)")
            }
            _ = try? FileManager.default.removeItem(atPath: output)
            do { try FileManager.default.moveItem(atPath: temporary, toPath: output) } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
            warn("wrote \(count) observations to \(output)")
        } else {
            var out = Output()
            out.write(String(decoding: bytes, as: UTF8.self))
            out.flush()
        }
    }
}
