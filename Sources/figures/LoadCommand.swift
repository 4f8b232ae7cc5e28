import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Store observations made elsewhere (extract --input jsonl on Spark, Hadoop, GNU parallel).",
        discussion: """
        FILE (or - for standard input) holds observations as `figures extract --input jsonl` writes them:
        JSON lines with page_id (page_date and extractor_version when given), or its csv/tsv with a header
        row; the outputs of many mappers may be concatenated (repeated header rows are skipped). The
        format is --format, else told from the first line. `figures export` output is read too (its
        `page` is the page id).

        A page is identified by its page id (not by its text, which the observations do not carry):
        loading a page id again replaces that page's observations, or leaves it as it is when they are
        the same, and never stores a page twice. Within one run, a page's lines may come in several runs
        of the input: they are all kept. A page that gave no observation leaves no line, so no page row.
        A bad line (not JSON, a missing field, a value that is not a number) is reported with its line
        number and skipped; the rest are stored and the exit status is 1 (fix the line and load the file
        again: its pages are replaced whole).

        Example:
          scripts/pages-jsonl pages/ | figures extract --input jsonl - | figures load --db news.sqlite -
          figures load --db news.sqlite spark-out/part-*
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tsv }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "jsonl, csv or tsv (default: told from the first line of each file).")
    var format: Format?

    @Argument(help: ArgumentHelp("Files of observations; - for standard input.", valueName: "file"), completion: .file())
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE (or - for standard input)") }
    }

    func run() throws {
        let store = try database.openForWriting()
        var loader = Loader(store: store)
        var unreadable = 0
        for file in files {
            let reader: LineReader
            do { reader = try LineReader(path: file) } catch { warn("\(error)"); unreadable += 1; continue }
            try loader.read(reader, format: format)
        }
        try loader.finish()
        let t = loader.tally
        let out = Output()
        var pages = "\(t.new) new, \(t.unchanged) unchanged, \(t.replaced) replaced"
        if loader.badLines > 0 { pages += "; \(loader.badLines) bad line\(loader.badLines == 1 ? "" : "s") skipped" }
        try out.write("pages: \(pages); observations added: \(t.added), removed: \(t.removed); database: \(store.path)\n")
        try out.flush()
        if loader.badLines > 0 || unreadable > 0 { throw ExitCode(1) }
    }
}

/// Reads observation lines, groups them by page, and writes pages in batches (one transaction a batch).
struct Loader {
    let store: FiguresStore
    struct Tally { var new = 0, unchanged = 0, replaced = 0, added = 0, removed = 0 }
    var tally = Tally()
    var badLines = 0
    /// Page ids written in this run: lines of theirs that come later are added, not a replacement.
    var seen = Set<String>()
    var batch: [FiguresStore.LoadedPage] = []
    var batchIndex: [String: Int] = [:]
    var batchObservations = 0

    static let batchPages = 256
    static let batchObservationLimit = 50_000

    init(store: FiguresStore) { self.store = store }

    struct Record {
        var pageID: String
        var pageDate: String?
        var observation: Observation
        var version: String
    }

    struct BadRecord: Error, CustomStringConvertible { let description: String }

    mutating func read(_ reader: LineReader, format: LoadCommand.Format?) throws {
        // the first line that is not blank tells the format
        var first: ArraySlice<UInt8>?
        while let line = try reader.next() {
            if line.allSatisfy({ [0x20, 0x09, 0x0D].contains($0) }) { continue }
            first = line
            break
        }
        guard let first else { return }
        reader.pushBack(first)
        let body = first.starts(with: [0xEF, 0xBB, 0xBF]) ? first.dropFirst(3) : first
        let chosen: LoadCommand.Format
        if let format {
            chosen = format
        } else if body.first == UInt8(ascii: "{") {
            chosen = .jsonl
        } else if body.starts(with: Array("kind\t".utf8)) {
            chosen = .tsv
        } else if body.starts(with: Array("kind,".utf8)) {
            chosen = .csv
        } else {
            throw CLIError("\(reader.name): cannot tell the format from its first line (JSON lines start with {, CSV and TSV with a header row starting kind): give --format")
        }
        if chosen == .jsonl {
            while let line = try reader.next() {
                let lineNumber = reader.lineNumber
                var bytes = line
                if bytes.last == 0x0D { bytes = bytes.dropLast() }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                do { try add(Self.record(json: bytes)) } catch let error as BadRecord {
                    warn("\(reader.name), line \(lineNumber): \(error); line skipped")
                    badLines += 1
                }
            }
        } else {
            var csv = CSVRecordReader(reader, separator: chosen == .tsv ? 0x09 : 0x2C)
            guard let header = try csv.next() else { return }
            var names = header.fields
            if let f = names.first, f.hasPrefix("\u{FEFF}") { names[0] = String(f.dropFirst()) }
            let columns = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            for required in ["kind", "subject", "metric", "value", "text", "start", "end"] where columns[required] == nil {
                throw CLIError("\(reader.name), line \(header.line): the header has no column \(required)")
            }
            guard columns["page_id"] != nil || columns["page"] != nil else {
                throw CLIError("\(reader.name), line \(header.line): the header has no column page_id (or page)")
            }
            while true {
                let record: CSVRecordReader.Record?
                do { record = try csv.next() } catch let error as BadRecord {
                    warn("\(reader.name), line \(csv.lastLine): \(error)")
                    badLines += 1
                    break
                }
                guard let record else { break }
                if record.fields == names || record.fields == header.fields { continue }   // the header of another mapper's output
                if record.fields.count == 1 && record.fields[0].isEmpty { continue }        // a blank line
                do { try add(Self.record(fields: record.fields, columns: columns, headerCount: names.count)) } catch let error as BadRecord {
                    warn("\(reader.name), line \(record.line): \(error); line skipped")
                    badLines += 1
                }
            }
        }
    }

    /// Adds a record to its page: a page ends where a line of another page comes.
    mutating func add(_ r: Record) throws {
        if let i = batchIndex[r.pageID] {
            batch[i].observations.append(r.observation)
            batch[i].versions.append(r.version)
        } else {
            if batch.count >= Self.batchPages || batchObservations >= Self.batchObservationLimit { try writeBatch() }
            batchIndex[r.pageID] = batch.count
            batch.append(FiguresStore.LoadedPage(id: r.pageID, referenceDate: r.pageDate, observations: [r.observation], versions: [r.version],
                                                 appending: seen.contains(r.pageID)))
            seen.insert(r.pageID)
        }
        batchObservations += 1
    }

    mutating func finish() throws { try writeBatch() }

    mutating func writeBatch() throws {
        guard !batch.isEmpty else { return }
        let outcomes: [FiguresStore.LoadOutcome]
        do { outcomes = try store.load(batch) } catch {
            throw CLIError("cannot write to \(store.path): \(FiguresStore.reason(error)); this batch of \(batch.count) pages is not stored (the pages before it are); load the same input again once it can be written to")
        }
        for o in outcomes {
            switch o.status {
            case .new: tally.new += 1
            case .unchanged: tally.unchanged += 1
            case .replaced: tally.replaced += 1
            case .appended: break
            }
            tally.added += o.added
            tally.removed += o.removed
        }
        batch.removeAll(keepingCapacity: true)
        batchIndex.removeAll(keepingCapacity: true)
        batchObservations = 0
    }

    // MARK: reading one record

    static func record(json bytes: ArraySlice<UInt8>) throws -> Record {
        let object: JSONObjectLine
        do { object = try JSONObjectLine(bytes) } catch { throw BadRecord(description: error.description) }
        func string(_ key: String, required: Bool = false) throws -> String? {
            switch object[key] {
            case .string(let s)?: return s
            case nil, .null?: if required { throw BadRecord(description: "no \(key)") } else { return nil }
            default: throw BadRecord(description: "\(key) is not a string")
            }
        }
        func number(_ key: String, required: Bool = false) throws -> Double? {
            switch object[key] {
            case .number(let n)?:
                guard let d = Double(n), d.isFinite else { throw BadRecord(description: "\(key) \(n) is not a finite number") }
                return d
            case nil, .null?: if required { throw BadRecord(description: "no \(key)") } else { return nil }
            default: throw BadRecord(description: "\(key) is not a number")
            }
        }
        func integer(_ key: String) throws -> Int {
            guard case .number(let n)? = object[key] else { throw BadRecord(description: "no \(key) (an integer)") }
            guard let i = Int(n) else { throw BadRecord(description: "\(key) \(n) is not an integer") }
            return i
        }
        let pageID: String
        switch object["page_id"] ?? object["page"] {
        case .string(let s)? where !s.isEmpty: pageID = s
        case .number(let n)?: pageID = n
        default: throw BadRecord(description: "no page_id (a non-empty string or a number)")
        }
        var o = Observation(kind: try string("kind", required: true)!, subject: try string("subject", required: true)!,
                            metric: try string("metric", required: true)!, value: try number("value", required: true)!,
                            valueHigh: try number("value_high"), unit: try string("unit"), previous: try number("previous"),
                            target: try string("target"), qualifier: try string("qualifier"), date: try string("date"),
                            period: try string("period"), text: try string("text", required: true)!, start: try integer("start"),
                            end: try integer("end"))
        o.scope = try string("scope")
        let pageDate = try string("page_date")
        if let pageDate { try checkDate(pageDate) }
        return Record(pageID: pageID, pageDate: pageDate, observation: o, version: try string("extractor_version") ?? extractorVersion)
    }

    static func checkDate(_ s: String) throws {
        guard Day(iso: s) != nil else { throw BadRecord(description: "page_date '\(s)' is not a date (YYYY-MM-DD)") }
    }

    static func record(fields: [String], columns: [String: Int], headerCount: Int) throws -> Record {
        func cell(_ name: String) -> String? {
            guard let i = columns[name], i < fields.count else { return nil }
            var s = fields[i]
            // a text cell that a spreadsheet would run as a formula was written with a leading '
            if MapperColumns.text.contains(name), s.hasPrefix("'"), let second = s.unicodeScalars.dropFirst().first,
               "=+-@\t\r".unicodeScalars.contains(second) {
                s.removeFirst()
            }
            return s.isEmpty ? nil : s
        }
        func required(_ name: String) throws -> String {
            guard let s = cell(name) else { throw BadRecord(description: "no \(name)") }
            return s
        }
        func number(_ name: String) throws -> Double? {
            guard let s = cell(name) else { return nil }
            guard let d = Double(s), d.isFinite else { throw BadRecord(description: "\(name) '\(s)' is not a number") }
            return d
        }
        func integer(_ name: String) throws -> Int {
            let s = try required(name)
            guard let i = Int(s) else { throw BadRecord(description: "\(name) '\(s)' is not an integer") }
            return i
        }
        guard fields.count == headerCount else {
            throw BadRecord(description: "\(fields.count) fields, the header has \(headerCount)")
        }
        guard let pageID = cell("page_id") ?? cell("page") else { throw BadRecord(description: "no page_id") }
        var o = Observation(kind: try required("kind"), subject: try required("subject"), metric: try required("metric"),
                            value: try number("value") ?? { throw BadRecord(description: "no value") }(),
                            valueHigh: try number("value_high"), unit: cell("unit"), previous: try number("previous"),
                            target: cell("target"), qualifier: cell("qualifier"), date: cell("date"), period: cell("period"),
                            text: try required("text"), start: try integer("start"), end: try integer("end"))
        o.scope = cell("scope")
        let pageDate = cell("page_date")
        if let pageDate { try checkDate(pageDate) }
        return Record(pageID: pageID, pageDate: pageDate, observation: o, version: cell("extractor_version") ?? extractorVersion)
    }
}

/// RFC 4180 records over lines: a quoted field may hold separators, doubled quotes and line breaks;
/// a record ends in CRLF or LF. TSV (separator tab) has no quoting.
struct CSVRecordReader {
    let reader: LineReader
    let separator: UInt8
    /// The line the last record started on.
    private(set) var lastLine = 0

    struct Record { var fields: [String]; var line: Int }

    init(_ reader: LineReader, separator: UInt8) {
        self.reader = reader
        self.separator = separator
    }

    mutating func next() throws -> Record? {
        guard var line = try reader.next() else { return nil }
        lastLine = reader.lineNumber
        let quoting = separator != 0x09
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        if lastLine == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        while true {
            var i = line.startIndex
            while i < line.endIndex {
                let b = line[i]
                if inQuotes {
                    if b == 0x22 {
                        if i + 1 < line.endIndex && line[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                        inQuotes = false
                    } else {
                        field.append(b)
                    }
                } else if b == separator {
                    fields.append(String(decoding: field, as: UTF8.self))
                    field.removeAll(keepingCapacity: true)
                } else if quoting && b == 0x22 && field.isEmpty {
                    inQuotes = true
                } else if b == 0x0D && i + 1 == line.endIndex {
                    // the CR of a CRLF record end
                } else {
                    field.append(b)
                }
                i += 1
            }
            guard inQuotes else { break }
            // a line break inside a quoted field
            field.append(0x0A)
            guard let more = try reader.next() else {
                throw Loader.BadRecord(description: "a quoted field is not closed before the end of the input")
            }
            line = more
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return Record(fields: fields, line: lastLine)
    }
}
