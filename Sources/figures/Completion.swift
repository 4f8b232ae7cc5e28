import ArgumentParser
import Foundation
import FiguresStore

/// Shell completion (`figures --generate-completion-script bash|zsh|fish`): paths complete as files and
/// folders (`.file()`), kinds and formats as their lists, subjects from the database.
enum Completion {
    static let kinds: CompletionKind = .list(QueryCommand.kinds.sorted())

    /// The subject ids stored in the database that the command line names (`--db P`, else `FIGURES_DB`,
    /// else ./figures.sqlite), opened read-only as every reading command does.
    static let subjects: CompletionKind = .custom { words, _, prefix in storedSubjects(words: words, prefix: prefix) }

    /// The stored subject ids starting with `prefix` (any case); [] on any error (no database, not a
    /// figures database, a newer one…): completion never fails loudly.
    static func storedSubjects(words: [String], prefix: String) -> [String] {
        var arguments: [String] = []
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { arguments = ["--db", unquoted(words[i + 1])] }
            else if word.hasPrefix("--db=") { arguments = ["--db", unquoted(String(word.dropFirst(5)))] }
        }
        guard let options = try? DatabaseOptions.parse(arguments),
              let store = try? FiguresStore(readingAt: options.resolvedPath),
              let summaries = try? store.subjectSummaries() else { return [] }
        let wanted = unquoted(prefix).lowercased()
        return Set(summaries.map(\.id)).filter { wanted.isEmpty || $0.lowercased().hasPrefix(wanted) }.sorted()
    }

    /// A shell word without the quotes around it (completion gets words verbatim).
    static func unquoted(_ word: String) -> String {
        var w = word
        if w.count >= 2, let f = w.first, f == "'" || f == "\"", w.last == f { w = String(w.dropFirst().dropLast()) }
        if w.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { w = home + w.dropFirst() }
        return w
    }
}
