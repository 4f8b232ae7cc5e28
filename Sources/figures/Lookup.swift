import ArgumentParser
import Foundation
import FiguresReports
import FiguresStore

/// Subjects and metrics as people type them, resolved against what the database holds (the rules are
/// `SubjectNames` and `MetricNames` in FiguresStore); misses are one message with suggestions.
struct Lookup {
    let store: FiguresStore
    let names: SubjectNames
    let metrics: [String]

    init(_ store: FiguresStore) throws {
        self.store = store
        names = try store.subjectNames()
        metrics = try store.metrics()
    }

    /// The stored spellings `query` stands for; an error naming close subjects when none.
    func subject(_ query: String, role: String = "subject") throws -> [String] {
        switch names.resolve(query) {
        case .stored(let spellings): return spellings
        case .notStored(let ids):
            if ids.count == 1 && SubjectNames.key(ids[0]) == SubjectNames.key(query) {
                throw CLIError("\(ids[0]) has no observations in \(store.path) (`figures subjects` lists those that have)")
            }
            throw CLIError("\(query) is \(ids.joined(separator: " or ")), which has no observations in \(store.path)")
        case .unknown(let suggestions):
            var message = "no \(role) '\(query)' in \(store.path)"
            message += suggestions.isEmpty ? " (`figures subjects` lists them)" : "; did you mean: \(suggestions.joined(separator: ", "))"
            throw CLIError(message)
        }
    }

    /// The stored targets (countries charged, tenors…) `query` stands for: ids or names, as subjects.
    func target(_ query: String) throws -> [String] {
        let targets = SubjectNames(storedSubjects: try store.targets())
        switch targets.resolve(query) {
        case .stored(let spellings): return spellings
        case .notStored(let ids): return ids
        case .unknown(let suggestions):
            throw CLIError("no target '\(query)' in \(store.path)" + (suggestions.isEmpty ? "" : "; did you mean: \(suggestions.joined(separator: ", "))"))
        }
    }

    /// Whether `query` names a stored subject (for `query close`: a word that is no subject but a metric).
    func isSubject(_ query: String) -> Bool {
        if case .stored = names.resolve(query) { return true }
        return false
    }

    /// The stored metric `query` means (any case); an error naming close metrics when none.
    func metric(_ query: String) throws -> String {
        if let m = MetricNames.resolve(query, stored: metrics) { return m }
        let close = MetricNames.suggestions(for: query, stored: metrics)
        throw CLIError("no metric '\(query)' in \(store.path)" + (close.isEmpty ? " (metrics: \(metrics.prefix(12).joined(separator: ", "))…)" : "; did you mean: \(close.joined(separator: ", "))"))
    }
}

/// Where a command's output goes: standard output, or with `-o FILE` a file written whole (checked by
/// `OutputTarget`, written through `AtomicFile`).
enum Destination {
    /// Checks `-o` before anything else is done (a refused target touches nothing).
    static func check(_ path: String?, database: DatabaseOptions) throws {
        if let path { try OutputTarget.check(path, database: database.resolvedPath) }
    }

    /// Runs `body` with the output, then flushes (and puts the file in place).
    static func write(to path: String?, _ body: (Output) throws -> Void) throws {
        let file = try path.map { try AtomicFile(replacing: $0) }
        let out = file.map { Output(descriptor: $0.descriptor, name: $0.path) } ?? Output()
        do {
            try body(out)
            try out.flush()
            try file?.commit()
        } catch {
            file?.discard()
            throw error
        }
    }
}

/// Whether standard output (or another descriptor) is a terminal.
func isTerminal(_ descriptor: Int32 = STDOUT_FILENO) -> Bool { isatty(descriptor) == 1 }

/// What an empty result prints on stderr; the document itself (a header, `[]`) still goes to stdout.
func noteEmpty(_ what: String) { warn("no \(what) (empty result)") }
