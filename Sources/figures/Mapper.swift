import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresText

/// `figures extract --input jsonl`: pages as JSON lines in, observations with their page id out — a
/// mapper that any engine can run (Spark's `RDD.pipe`, Hadoop streaming, GNU parallel).
///
/// Input, one page a line: `{"id": "…", "date": "YYYY-MM-DD", "text": "…"}`; `id` is a string or a
/// number (kept as written), `date` may be missing or null when `--date` is given; other keys are
/// ignored; blank lines are skipped. The text goes through the same decoding (a leading byte-order
/// mark dropped, text that is not text refused) and the same extraction as a page file, so the
/// observations are those of `figures extract --format jsonl --date D` on a file holding the text.
///
/// Output, jsonl: each observation as `--format jsonl` prints it, plus `page_id`, `page_date` (the
/// reference date used) and `extractor_version`, in input order. csv/tsv: `MapperColumns.all`, one
/// header row. A bad line (not JSON, no id, no text, a bad date, not text) is reported on stderr with
/// its file and line number and skipped; the others are still processed, and the exit status is 1.
///
/// Memory stays flat: lines are read in blocks and processed in small batches on all cores. When
/// the input has nothing more to read yet (a pipe), what has been read is processed and written out
/// before waiting, so each line's observations come out without waiting for the next line.
struct Mapper {
    let format: OutputFormat
    let fallbackDate: Day?
    let out: Output
    var pending: [PageLine] = []
    var pendingBytes = 0
    var badLines = 0

    /// A batch is processed when it holds this many pages or bytes of text (or the input would wait).
    static let batchPages = 64
    static let batchBytes = 4 << 20

    struct PageLine: Sendable {
        var id: String
        var date: Day
        var text: String
    }

    init(format: OutputFormat, fallbackDate: Day?, out: Output) {
        self.format = format
        self.fallbackDate = fallbackDate
        self.out = out
    }

    /// Processes every line of `reader`; bad lines are reported and counted in `badLines`.
    mutating func run(_ reader: LineReader) throws {
        while let line = try reader.next(beforeWaiting: { try self.flushBatch(); try self.out.flush() }) {
            let page: PageLine?
            do { page = try Self.parse(line, fallbackDate: fallbackDate) } catch {
                warn("\(reader.name), line \(reader.lineNumber): \(error); line skipped")
                badLines += 1
                continue
            }
            guard let page else { continue }
            pending.append(page)
            pendingBytes += page.text.utf8.count
            if pending.count >= Self.batchPages || pendingBytes >= Self.batchBytes { try flushBatch() }
        }
        try flushBatch()
    }

    struct BadLine: Error, CustomStringConvertible { let description: String }

    /// A page line, or nil for a blank line.
    static func parse(_ raw: ArraySlice<UInt8>, fallbackDate: Day?) throws -> PageLine? {
        var line = raw
        if line.last == 0x0D { line = line.dropLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        let object: JSONObjectLine
        do { object = try JSONObjectLine(line) } catch { throw BadLine(description: error.description) }
        let id: String
        switch object["id"] {
        case .string(let s) where !s.isEmpty: id = s
        case .number(let n): id = n
        case nil, .null?, .string?: throw BadLine(description: "no page id (\"id\": a non-empty string or a number)")
        default: throw BadLine(description: "the page id (\"id\") is not a string or a number")
        }
        let date: Day
        switch object["date"] {
        case .string(let s):
            guard let d = Day(iso: s) else { throw BadLine(description: "page \(id): bad date '\(s)' (want YYYY-MM-DD)") }
            guard Day.supportedYears.contains(d.year) else { throw BadLine(description: "page \(id): date \(s): \(yearOutOfRange)") }
            date = d
        case nil, .null?:
            guard let fallbackDate else { throw BadLine(description: "page \(id): no date (\"date\": \"YYYY-MM-DD\") and no --date") }
            date = fallbackDate
        default: throw BadLine(description: "page \(id): bad date (\"date\" is not a string)")
        }
        guard case .string(let raw)? = object["text"] else { throw BadLine(description: "page \(id): no text (\"text\": a string)") }
        // the text's UTF-8 goes through the decoding a page file gets (a byte-order mark dropped, binary refused)
        let text: String
        do { text = try TextDecoder.decode(Array(raw.utf8), as: .utf8).text } catch {
            throw BadLine(description: "page \(id): \(error)")
        }
        return PageLine(id: id, date: date, text: text)
    }

    /// Extracts and writes the pending pages, in order.
    mutating func flushBatch() throws {
        guard !pending.isEmpty else { return }
        let pages = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        // pages within a chunk are extracted (and their lines written) on all cores; a larger page is
        // extracted chunk by chunk below, each chunk written as it is ready — as `figures extract` does
        let format = format
        let texts = parallelMap(pages) { page -> String in
            guard page.text.utf8.count <= Extractor.chunkBytes else { return "" }
            return Self.render(Extractor.extract(page.text, reference: page.date).observations, of: page, as: format)
        }
        for (page, text) in zip(pages, texts) {
            guard page.text.utf8.count > Extractor.chunkBytes else { try out.write(text); continue }
            try Extractor.extractChunks(page.text, reference: page.date) { chunk in
                try out.write(Self.render(chunk.observations, of: page, as: format))
            }
        }
    }

    /// The observations of a page as output lines.
    static func render(_ observations: [Observation], of page: PageLine, as format: OutputFormat) -> String {
        var text = ""
        let formatter = ObservationFormatter()
        if format == .jsonl {
            // the contract's object as `--format jsonl` writes it, with the page's fields added at its end
            let suffix = ",\"page_id\":" + JSONWriter.quote(page.id) + ",\"page_date\":\"\(page.date)\",\"extractor_version\":"
                + JSONWriter.quote(extractorVersion) + "}\n"
            for o in observations {
                let line = formatter.jsonLine(o)
                text += line.dropLast()
                text += suffix
            }
        } else {
            let csv = MapperColumns.writer(separator: format == .tsv ? "\t" : ",")
            for o in observations { text += MapperColumns.row(o, pageID: page.id, pageDate: page.date.description, version: extractorVersion, writer: csv) }
        }
        return text
    }
}

/// The CSV (and TSV) columns of the mapper, which `figures load` reads back.
enum MapperColumns {
    static let all = ["kind", "subject", "metric", "value", "value_high", "unit", "previous", "target", "qualifier", "date", "period",
                      "scope", "text", "start", "end", "page_id", "page_date", "extractor_version"]
    /// Free text, which gets a leading ' where a spreadsheet would run it as a formula (`load` takes it off).
    static let text: Set<String> = ["subject", "target", "qualifier", "scope", "text", "page", "page_id"]

    static func writer(separator: Character) -> CSVWriter {
        CSVWriter(separator: separator, headers: all, text: text)
    }

    static func row(_ o: Observation, pageID: String, pageDate: String, version: String, writer: CSVWriter) -> String {
        func n(_ d: Double?) -> String { d.map(JSONWriter.number) ?? "" }
        return writer.row([o.kind, o.subject, o.metric, n(o.value), n(o.valueHigh), o.unit ?? "", n(o.previous), o.target ?? "",
                           o.qualifier ?? "", o.date ?? "", o.period ?? "", o.scope ?? "", o.text, String(o.start), String(o.end),
                           pageID, pageDate, version])
    }
}
