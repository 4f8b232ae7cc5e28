import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore
import FiguresText

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--db PATH` (or `--db postgresql://…`), else `FIGURES_DB`, else `figures.sqlite` in the current folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite database file, or a PostgreSQL server as postgresql://user:password@host:port/database (default: $FIGURES_DB, else ./figures.sqlite).", valueName: "path|url"), completion: .file())
    var path: String?

    var resolvedPath: String {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["FIGURES_DB"], !env.isEmpty { return env }
        return "figures.sqlite"
    }

    /// For commands that only read (query, export, tariffs): read-only, no migration, never a change to the
    /// file; a missing file, one that is not a figures database, or one made by a newer figures is refused.
    func openForReading() throws -> FiguresStore {
        let path = resolvedPath
        do {
            return try FiguresStore(readingAt: path)
        } catch let error as StoreError {
            throw CLIError("\(error)")
        } catch {
            throw CLIError("cannot open the database at \(FiguresStore.displayName(of: path)): \(FiguresStore.reason(error))")
        }
    }

    /// For ingest: creates the database when missing, migrates it; refuses files that are not figures
    /// databases rather than adding tables to them.
    func openForWriting() throws -> FiguresStore {
        let path = resolvedPath
        do {
            return try FiguresStore(writingAt: path)
        } catch let error as StoreError {
            throw CLIError("\(error)")
        } catch {
            throw CLIError("cannot open the database at \(FiguresStore.displayName(of: path)): \(FiguresStore.reason(error))")
        }
    }
}

/// An error with a plain message for the user; exits 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Standard error, unbuffered.
func warn(_ message: String) {
    FileHandle.standardError.write(("figures: " + message + "\n").data(using: .utf8)!)
}

/// `--encoding`: how to read the bytes of pages, when detecting is not wanted.
struct EncodingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Encoding of the pages: utf-8, utf-16, gb18030 or big5. Default: detected (byte-order mark, UTF-8, else GB18030 or Big5).", valueName: "encoding"))
    var encoding: EncodingChoice?
}

extension EncodingChoice: ExpressibleByArgument {}

/// Reads a page — a file, a FIFO, `<(…)`, or `-` for standard input — and decodes it (see `TextDecoder`).
/// A file that is not text is refused; invalid sequences in a text file are replaced by U+FFFD and
/// counted in a warning; `verbose` notes the encoding on stderr.
func readPage(_ path: String, encoding: EncodingChoice? = nil, verbose: Bool = false) throws -> String {
    let bytes = try readBytes(path)
    let decoded: DecodedText
    do { decoded = try TextDecoder.decode(bytes, as: encoding) } catch {
        throw CLIError("skipping \(path): \(error)")
    }
    if verbose {
        let how = decoded.byteOrderMark ? "byte-order mark" : encoding != nil ? "--encoding" : "detected"
        warn("\(path): \(decoded.encoding.rawValue) (\(how))")
    }
    if decoded.replacements > 0 {
        let sequences = decoded.replacements == 1 ? "1 invalid byte sequence" : "\(decoded.replacements) invalid byte sequences"
        warn("\(path): \(sequences) in \(decoded.encoding.rawValue) replaced by U+FFFD")
    }
    return decoded.text
}

/// The bytes of a file or stream, read with read(2) until end of file: FIFOs and `/dev/fd/N` have no
/// size to ask for in advance.
func readBytes(_ path: String) throws -> [UInt8] {
    if path == "-" { return try readToEnd(STDIN_FILENO, name: "standard input") }
    var info = stat()
    guard stat(path, &info) == 0 else {
        throw CLIError("cannot read \(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
    }
    if info.st_mode & S_IFMT == S_IFDIR { throw CLIError("cannot read \(path): it is a folder (ingest takes folders; extract takes files)") }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw CLIError("cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    return try readToEnd(descriptor, name: path, expectedSize: Int(info.st_size))
}

func readToEnd(_ descriptor: Int32, name: String, expectedSize: Int = 0) throws -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(expectedSize + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n < 0 { throw CLIError("cannot read \(name): \(String(cString: strerror(errno)))") }
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<n])
    }
}

/// Reference dates recorded beside pages: an `index.tsv` (page name, reference date) in the page's folder,
/// read once per folder. A line that is not the header and gives no valid date is an error naming the
/// file and line: a page must not quietly fall back to today's date.
final class ReferenceDateIndex: @unchecked Sendable {
    static let shared = ReferenceDateIndex()
    private let lock = NSLock()
    private var folders: [String: Result<[String: Day], CLIError>] = [:]

    func date(for path: String) throws -> Day? {
        let url = URL(fileURLWithPath: path)
        let table = try dates(inFolder: url.deletingLastPathComponent().path)
        return table[url.deletingPathExtension().lastPathComponent] ?? table[url.lastPathComponent]
    }

    /// The folder's recorded dates (none when it has no index.tsv).
    func dates(inFolder folder: String) throws -> [String: Day] {
        try lock.withLock {
            if folders[folder] == nil {
                do throws(CLIError) { folders[folder] = .success(try Self.read(folder: folder)) } catch { folders[folder] = .failure(error) }
            }
            return try folders[folder]!.get()
        }
    }

    static func read(folder: String) throws(CLIError) -> [String: Day] {
        let file = (folder as NSString).appendingPathComponent("index.tsv")
        guard FileManager.default.fileExists(atPath: file) else { return [:] }
        let bytes: [UInt8]
        do { bytes = try readBytes(file) } catch let error as CLIError { throw error } catch { throw CLIError("cannot read \(file)") }
        var dates: [String: Day] = [:]
        for (number, line) in lines(of: String(decoding: bytes, as: UTF8.self)).enumerated() {
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if cols.allSatisfy(\.isEmpty) || cols[0].hasPrefix("#") { continue }
            if number == 0 && cols.count >= 2 && cols[1] == "reference_date" { continue }   // the header
            guard cols.count >= 2 else { throw CLIError("\(file), line \(number + 1): no reference date (want: page<TAB>YYYY-MM-DD)") }
            dates[cols[0]] = try parseReferenceDate(cols[1], source: "\(file), line \(number + 1)")
        }
        return dates
    }
}

/// Lines ended by LF, CRLF (one Swift `Character`) or CR, empty ones kept so that numbers stay right.
func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
}

/// A reference date as given in index.tsv (`source` names the file and line for the message).
func parseReferenceDate(_ text: String, source: String) throws(CLIError) -> Day {
    guard let day = Day(iso: text) else { throw CLIError("\(source): '\(text)' is not a date (YYYY-MM-DD)") }
    guard Day.supportedYears.contains(day.year) else { throw CLIError("\(source): \(text): \(yearOutOfRange)") }
    return day
}

let yearOutOfRange = "years outside \(Day.supportedYears.lowerBound)–\(Day.supportedYears.upperBound) are not supported"

/// Refuses dates given on the command line outside the supported years (0000-01-01 is a typo, and would
/// resolve 週五 to a day in year -1).
func requireSupportedYears(_ options: KeyValuePairs<String, Day?>) throws {
    for case let (name, day?) in options where !Day.supportedYears.contains(day.year) {
        throw ValidationError("\(name) \(day): \(yearOutOfRange)")
    }
}

func recordedReferenceDate(for path: String) throws -> Day? { try ReferenceDateIndex.shared.date(for: path) }

func today() -> Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)
}

/// Pages that fell back to today's date (reported once, not once per page).
final class TodayFallback: @unchecked Sendable {
    static let shared = TodayFallback()
    private let lock = NSLock()
    private var warned = false
    func note(_ path: String, _ day: Day) {
        lock.lock(); defer { lock.unlock() }
        guard !warned else { return }
        warned = true
        warn("no --date and no index.tsv beside \(path): using today, \(day), as the reference date (and for any other such page)")
    }
}

/// The reference date of a page: `--date`, else the date recorded beside it, else today (with a note).
func referenceDate(_ explicit: Day?, for path: String) throws -> Day {
    if let explicit { return explicit }
    if path != "-", let recorded = try recordedReferenceDate(for: path) { return recorded }
    let d = today()
    TodayFallback.shared.note(path, d)
    return d
}
