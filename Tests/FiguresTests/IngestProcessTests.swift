import XCTest
import Foundation

/// `figures ingest` and the readers as processes: killed with SIGKILL, out of file space, two at once,
/// re-dating, a read-only database.
final class IngestProcessTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try makeScratchFolder("ingest") }

    override func tearDown() { removeScratchFolder(scratch) }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// A folder of small teaser pages with an index.tsv of reference dates; page k gives four figures.
    func writePages(_ count: Int, in name: String = "pages", from first: Int = 0) throws -> String {
        let folder = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var index = ""
        for k in first..<(first + count) {
            let page = "台股收盤\n加權指數上漲\(k).5點，收\(20000 + k)點。\n中央社 ・ 1 天前 ・ 發起對話\n"
                + "美元兌台幣收\(30 + k % 7).\(k % 90 + 10)元，美國聯準會宣布降息\(1 + k % 3)碼。\n"
            try page.write(to: folder.appendingPathComponent(String(format: "p%04d.txt", k)), atomically: false, encoding: .utf8)
            index += String(format: "p%04d\t2025-%02d-%02d\n", k, 1 + k % 12, 1 + k % 28)
        }
        try index.write(to: folder.appendingPathComponent("index.tsv"), atomically: false, encoding: .utf8)
        return folder.path
    }

    /// The binary (or, with `shell`, the words as a `sh -c` command line) set up to run in the scratch
    /// folder, its outputs in pipes, not started: for the tests that kill it or run two at once.
    func process(_ arguments: [String], shell: Bool = false) -> (Process, Pipe, Pipe) {
        let (executable, words) = command(arguments, shell: shell)
        let p = testProcess(executable, words, in: scratch)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        return (p, out, err)
    }

    @discardableResult
    func run(_ arguments: [String], shell: Bool = false) throws -> ProcessOutput {
        let (executable, words) = command(arguments, shell: shell)
        return try runProcess(executable, words, in: scratch)
    }

    func command(_ arguments: [String], shell: Bool) -> (URL, [String]) {
        shell ? (URL(fileURLWithPath: "/bin/sh"), ["-c", arguments.joined(separator: " ")]) : (CLITests.binary, arguments)
    }

    func export(_ db: String) throws -> [String] {
        let r = try run(["export", "--db", db, "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(whereSeparator: \.isNewline).map(String.init).sorted()
    }

    // MARK: kill -9

    func testIngestKilledAtRandomMomentsThenRerunEqualsACleanIngest() throws {
        let pages = try writePages(200)
        let clean = path("clean.sqlite")
        let started = Date()
        let first = try run(["ingest", "--db", clean, pages])
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(first.status, 0, first.err)
        let expected = try export(clean)
        XCTAssertEqual(expected.count, 1 + 200 * 4, "a header and four figures a page")

        let killed = path("killed.sqlite")
        var generator = SystemRandomNumberGenerator()
        var killedRuns = 0
        for _ in 0..<5 {
            let (p, _, _) = process(["ingest", "--db", killed, pages])
            try p.run()
            // anywhere from start-up and schema creation to the last commit
            Thread.sleep(forTimeInterval: Double.random(in: 0.005...max(0.05, duration), using: &generator))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); killedRuns += 1 }
            p.waitUntilExit()
        }
        let rerun = try run(["ingest", "--db", killed, pages])
        XCTAssertEqual(rerun.status, 0, rerun.err)
        XCTAssertEqual(try export(killed), expected, "\(killedRuns) runs killed, then one to the end: the same observations as a clean ingest")
    }

    // MARK: disk full

    /// The file-size limit (RLIMIT_FSIZE, which binds root too) stands in for a full disk: writes past it fail
    /// with EFBIG, as they fail with ENOSPC on a full disk. SIGXFSZ is ignored so that the write fails
    /// rather than the process being killed.
    func testIngestStopsAtTheFirstWriteFailureWithOneMessageAndARerunCompletes() throws {
        let pages = try writePages(700)
        let db = path("full.sqlite")
        // 1000 blocks of 512 bytes: room for the first batch of 256 pages, not for the rest
        let r = try run(["trap '' XFSZ; ulimit -f 1000; exec", CLITests.binary.path, "ingest", "--db", db, pages], shell: true)
        XCTAssertEqual(r.status, 1, r.out + r.err)
        let messages = r.err.split(whereSeparator: \.isNewline)
        XCTAssertEqual(messages.count, 1, "one message, not one per page: \(r.err)")
        XCTAssertTrue(r.err.contains("cannot write to") && r.err.contains("stopped after storing"), r.err)
        let stored = Int(r.err.components(separatedBy: "stopped after storing ").last!.prefix { $0.isNumber }) ?? -1
        XCTAssertTrue(stored < 700 && stored % 256 == 0, "whole batches stored, and said: \(r.err)")

        // what it says was stored is what is there, and a run with room adds the rest
        let count = try run(["export", "--db", db, "--format", "csv"])
        XCTAssertEqual(count.status, 0, count.err)
        XCTAssertEqual(count.out.split(whereSeparator: \.isNewline).count, 1 + stored * 4)
        let rerun = try run(["ingest", "--db", db, pages])
        XCTAssertEqual(rerun.status, 0, rerun.err)
        XCTAssertTrue(rerun.out.contains("pages: \(700 - stored) new, \(stored) unchanged"), rerun.out)
    }

    // MARK: two ingests at once

    func testTwoFirstIngestsIntoANewDatabaseBothSucceed() throws {
        let a = try writePages(60, in: "a"), b = try writePages(60, in: "b", from: 1000)
        for round in 0..<3 {
            let db = path("both-\(round).sqlite")
            let first = process(["ingest", "--db", db, a]), second = process(["ingest", "--db", db, b])
            try first.0.run()
            try second.0.run()
            let errors = [first, second].map { String(decoding: $0.2.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
            first.0.waitUntilExit()
            second.0.waitUntilExit()
            XCTAssertEqual(first.0.terminationStatus, 0, errors[0])
            XCTAssertEqual(second.0.terminationStatus, 0, errors[1])
            XCTAssertEqual(try export(db).count, 1 + 120 * 4, "round \(round)")
        }
    }

    // MARK: re-dating, --force

    func testIngestWithAnotherDateReextractsAndForceReextractsEverything() throws {
        let page = path("page.txt")
        try "加權指數上漲120.5點，收23,456.78點。".write(toFile: page, atomically: false, encoding: .utf8)
        let db = path("d.sqlite")
        XCTAssertEqual(try run(["ingest", "--db", db, "--date", "2024-02-02", page]).status, 0)

        let redated = try run(["ingest", "--db", db, "--date", "2025-03-07", page])
        XCTAssertEqual(redated.status, 0, redated.err)
        XCTAssertTrue(redated.out.contains("re-dated") && redated.out.contains("2024-02-02") && redated.out.contains("2025-03-07"), redated.out)
        XCTAssertTrue(redated.out.contains("0 new, 0 unchanged, 1 re-extracted"), redated.out)
        let q = try run(["query", "TAIEX", "close", "--db", db, "--format", "csv"])
        XCTAssertTrue(q.out.contains("2025-03-07") && !q.out.contains("2024-02-02"), q.out)
        XCTAssertEqual(q.out.split(whereSeparator: \.isNewline).count, 2, "replaced, not added to")

        let unchanged = try run(["ingest", "--db", db, page])
        XCTAssertTrue(unchanged.out.contains("0 new, 1 unchanged"), unchanged.out)
        XCTAssertFalse(unchanged.err.contains("today"), "a stored page needs no date: \(unchanged.err)")
        let same = try run(["ingest", "--db", db, "--date", "2025-03-07", page])
        XCTAssertTrue(same.out.contains("0 new, 1 unchanged"), same.out)

        let forced = try run(["ingest", "--db", db, "--force", page])
        XCTAssertEqual(forced.status, 0, forced.err)
        XCTAssertTrue(forced.out.contains("1 re-extracted") && !forced.out.contains("re-dated"), forced.out)
        let after = try run(["query", "TAIEX", "close", "--db", db, "--format", "csv"])
        XCTAssertEqual(after.out, q.out, "forced without --date: the date it was stored with")
    }

    // MARK: readers

    func testReadersWorkOnAReadOnlyDatabaseAndChangeNothing() throws {
        let pages = try writePages(20)
        let db = path("ro.sqlite")
        XCTAssertEqual(try run(["ingest", "--db", db, pages]).status, 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let modified = try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as! Date
        for command in [["query", "TAIEX"], ["query", "--kind", "fx", "--as-of", "2025-12-31"], ["export"], ["tariffs"]] {
            let r = try run(command + ["--db", db])
            XCTAssertTrue(r.status == 0 || (command == ["tariffs"] && r.status == 1), "\(command): \(r.err)")
            XCTAssertFalse(r.err.contains("locked") || r.err.contains("readonly"), r.err)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: db)[.modificationDate] as! Date, modified)
    }

    func testReadersAndIngestRefuseAForeignFileWithAClearMessage() throws {
        let foreign = path("notes.txt")
        try "meeting notes\n".write(toFile: foreign, atomically: false, encoding: .utf8)
        for command in [["query", "TAIEX"], ["export"], ["tariffs"], ["ingest", try writePages(1)]] {
            let r = try run(command + ["--db", foreign])
            XCTAssertEqual(r.status, 1, "\(command)")
            XCTAssertTrue(r.err.contains("not a SQLite database"), "\(command): \(r.err)")
        }
        XCTAssertEqual(try String(contentsOfFile: foreign, encoding: .utf8), "meeting notes\n")
    }
}
