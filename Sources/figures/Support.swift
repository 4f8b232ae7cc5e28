import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension OutputFormat: ExpressibleByArgument {}

/// `--db PATH`, else `FIGURES_DB`, else `figures.sqlite` in the current folder.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp("SQLite database file (default: $FIGURES_DB, else ./figures.sqlite).", valueName: "path"))
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
            throw CLIError("cannot open the database at \(path): \(FiguresStore.reason(error))")
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
            throw CLIError("cannot open the database at \(path): \(FiguresStore.reason(error))")
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

/// Standard output through a buffer: printing thousands of lines one `print` at a time is slow.
struct Output {
    private var buffer = [UInt8]()
    init() { buffer.reserveCapacity(1 << 16) }
    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads a page: a path, or `-` for standard input. Invalid UTF-8 is replaced, never fatal.
func readPage(_ path: String) throws -> String {
    if path == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return String(decoding: data, as: UTF8.self)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError("cannot read \(path): no such file")
    }
    if isDirectory.boolValue { throw CLIError("cannot read \(path): it is a folder (ingest takes folders; extract takes files)") }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("cannot read \(path): permission denied or unreadable")
    }
    return String(decoding: data, as: UTF8.self)
}

/// Reference dates recorded beside pages: an `index.tsv` (page name, reference date) in the page's folder,
/// read once per folder.
final class ReferenceDateIndex: @unchecked Sendable {
    static let shared = ReferenceDateIndex()
    private let lock = NSLock()
    private var folders: [String: [String: Day]] = [:]

    func date(for path: String) -> Day? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        lock.lock(); defer { lock.unlock() }
        if folders[folder] == nil {
            var dates: [String: Day] = [:]
            if let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent("index.tsv")) {
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                    if cols.count >= 2, let d = Day(iso: cols[1]) { dates[cols[0]] = d }
                }
            }
            folders[folder] = dates
        }
        let table = folders[folder]!
        return table[url.deletingPathExtension().lastPathComponent] ?? table[url.lastPathComponent]
    }
}

func recordedReferenceDate(for path: String) -> Day? { ReferenceDateIndex.shared.date(for: path) }

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
func referenceDate(_ explicit: Day?, for path: String) -> Day {
    if let explicit { return explicit }
    if path != "-", let recorded = recordedReferenceDate(for: path) { return recorded }
    let d = today()
    TodayFallback.shared.note(path, d)
    return d
}
