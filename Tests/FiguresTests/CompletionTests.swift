import XCTest
import Foundation
import FiguresQuantities
import FiguresStore
@testable import figures

/// `figures --generate-completion-script`: files and folders for paths, kinds and formats as lists,
/// subjects from the database.
final class CompletionTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws { dir = try makeScratchFolder("completion") }

    override func tearDown() { removeScratchFolder(dir) }

    func run(_ args: [String]) throws -> ProcessOutput { try runFigures(args, in: dir) }

    func testBashScriptCompletesPathsKindsFormatsAndSubjects() throws {
        let r = try run(["--generate-completion-script", "bash"])
        XCTAssertEqual(r.status, 0)
        let script = r.out
        XCTAssertTrue(script.contains("__figures_add_completions -f"), "paths complete as files and folders")
        XCTAssertTrue(script.contains("'commodity'$'\\n''equity'$'\\n''financial'"), "kinds")
        XCTAssertTrue(script.contains("'jsonl'$'\\n''json'$'\\n''table'$'\\n''csv'$'\\n''tsv'"), "formats")
        XCTAssertTrue(script.contains("'csv'$'\\n''tsv'$'\\n''jsonl'"), "export formats")
        for command in ["query", "series", "plot", "subjects", "export", "tariffs"] {
            XCTAssertTrue(script.contains("__figures_custom_complete ---completion \(command) -- "), "subjects of \(command) from the database")
        }
    }

    func testSubjectsCompleteFromTheDatabase() throws {
        let db = dir.appendingPathComponent("f.sqlite").path
        let store = try FiguresStore(path: db)
        _ = try store.ingest(content: "加權指數上漲120.5點，收23,456.78點。日經指數收50,836.55點。", sourcePath: "a.txt",
                             reference: Day(year: 2025, month: 3, day: 7))
        let stored = try store.subjects()
        XCTAssertGreaterThanOrEqual(stored.count, 2, "\(stored)")
        let all = Completion.storedSubjects(words: ["figures", "query", "--db", db, ""], prefix: "")
        XCTAssertEqual(all, Set(try store.subjectSummaries().map(\.id)).sorted())
        let first = try XCTUnwrap(all.first)
        let prefix = String(first.prefix(1)).lowercased()
        XCTAssertEqual(Completion.storedSubjects(words: ["figures", "query", "--db=\(db)", prefix], prefix: prefix),
                       all.filter { $0.lowercased().hasPrefix(prefix) })
        // no database, or not a figures one: nothing, and no file made
        let missing = dir.appendingPathComponent("none.sqlite").path
        XCTAssertEqual(Completion.storedSubjects(words: ["figures", "query", "--db", missing, ""], prefix: ""), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        let junk = dir.appendingPathComponent("junk.sqlite")
        try Data("not a database".utf8).write(to: junk)
        XCTAssertEqual(Completion.storedSubjects(words: ["figures", "series", "--db", junk.path, ""], prefix: ""), [])
        // through the binary, as the shell calls it
        let r = try run(["---completion", "query", "--", "positional@0", "4", "0", "figures", "query", "--db", db, ""])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out.split(separator: "\n").map(String.init), all)
    }
}
