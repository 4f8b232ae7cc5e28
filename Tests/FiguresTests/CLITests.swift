import XCTest
import Foundation

/// The `figures` binary end to end, on the seed page that ships in seeds/.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var seed: String { root.appendingPathComponent("seeds/000_ebbe0d012c511b39.txt").path }

    static var binary: URL {
        // the test bundle sits in the build products folder beside the executable
        var dir = Bundle(for: CLITests.self).bundleURL
        while dir.path != "/" {
            let candidate = dir.deletingLastPathComponent().appendingPathComponent("figures")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/figures")
    }

    var scratch: URL!

    override func setUpWithError() throws { scratch = try makeScratchFolder("cli") }

    override func tearDown() { removeScratchFolder(scratch) }

    @discardableResult
    func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessOutput {
        try runFigures(args, in: scratch, environment: env.mapValues { $0 }, stdin: stdin.map { Data($0.utf8) })
    }

    func testExtractPrintsTheContractOnTheSeed() throws {
        let r = try run(["extract", "--format", "jsonl", "--date", "2025-12-13", Self.seed])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 50)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        for o in objects {
            for key in ["kind", "subject", "metric", "value", "value_high", "unit", "previous", "target", "qualifier", "date", "period", "text", "start", "end"] {
                XCTAssertTrue(o.keys.contains(key), "missing \(key)")
            }
        }
        XCTAssertTrue(objects.contains { $0["subject"] as? String == "N225" && $0["metric"] as? String == "close" && $0["value"] as? Double == 50836.55 && $0["date"] as? String == "2025-12-12" })
        // spans point at the text in Unicode scalars
        let page = Array(try String(contentsOfFile: Self.seed, encoding: .utf8).unicodeScalars)
        for o in objects {
            let s = o["start"] as! Int, e = o["end"] as! Int
            XCTAssertEqual(String(String.UnicodeScalarView(page[s..<e])), o["text"] as? String)
        }
    }

    func testExtractReadsTheRecordedDateAndStdinAndReportsUnreadableFiles() throws {
        let withIndex = try run(["extract", Self.seed])
        XCTAssertEqual(withIndex.status, 0)
        XCTAssertTrue(withIndex.out.contains("\"date\":\"2025-12-12\""), "the date comes from seeds/index.tsv")
        let piped = try run(["extract", "--date", "2025-03-07", "-"], stdin: "加權指數上漲120.5點。")
        XCTAssertTrue(piped.out.contains("\"subject\":\"TAIEX\""), piped.out + piped.err)
        let missing = try run(["extract", "--date", "2025-12-13", "no-such-page.txt", Self.seed])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no-such-page.txt"))
        XCTAssertTrue(missing.out.contains("N225"), "the readable file is still processed")
        let badDate = try run(["extract", "--date", "2025-13-01", Self.seed])
        XCTAssertNotEqual(badDate.status, 0)
        XCTAssertTrue(badDate.err.contains("date"))
    }

    func testIngestQueryExportTariffs() throws {
        let db = scratch.appendingPathComponent("t.sqlite").path
        let first = try run(["ingest", "--db", db, Self.root.appendingPathComponent("seeds").path])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.out.contains("pages: 1 new, 0 unchanged"), first.out)
        let second = try run(["ingest", "--db", db, Self.seed])
        XCTAssertTrue(second.out.contains("pages: 0 new, 1 unchanged; observations added: 0"), second.out)

        let q = try run(["query", "N225", "close", "--on", "2025-12-12", "--format", "jsonl"], env: ["FIGURES_DB": db])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertTrue(q.out.contains("50836.55") && q.out.contains("000_ebbe0d012c511b39.txt"), q.out)
        let none = try run(["query", "NOPE", "--db", db])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.err.contains("NOPE"))

        let csvPath = scratch.appendingPathComponent("out.csv").path
        let e = try run(["export", "--db", db, "--bom", "-o", csvPath])
        XCTAssertEqual(e.status, 0, e.err)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = CSVTests.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        XCTAssertEqual(rows.first?.prefix(13).joined(separator: ","), "kind,subject,metric,value,value_high,unit,previous,target,qualifier,date,period,text,page")
        XCTAssertGreaterThan(rows.count, 50)

        let t = try run(["tariffs", "--db", db, "--target", "MY"])
        XCTAssertEqual(t.status, 0, t.err)
        XCTAssertTrue(t.out.contains("24") && t.out.contains("19") && t.out.contains("-5"), t.out)
    }

    func testDemoRunsWithNoFlagsFromAnyFolder() throws {
        let r = try run(["demo"], env: ["FIGURES_DB": scratch.appendingPathComponent("demo.sqlite").path])
        XCTAssertEqual(r.status, 0, r.err)
        for heading in ["Index levels and moves", "Exchange rates", "Interest rates and moves", "Tariff changes", "Company figures"] {
            XCTAssertTrue(r.out.contains(heading), heading)
        }
        XCTAssertTrue(r.out.contains("50836.55"))
    }

    func testMissingDatabaseIsAClearError() throws {
        let r = try run(["query", "N225", "--db", scratch.appendingPathComponent("none.sqlite").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.err.contains("no database"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("none.sqlite").path))
    }

    func testNumbersShowsQuantities() throws {
        let r = try run(["numbers", "營收2兆7629.64億元，年增36.4%，降息1碼"])
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, r.out)
        XCTAssertTrue(lines[0].contains("\"value\":2762964000000"))
        XCTAssertTrue(lines[2].contains("\"unit\":\"pp\""))
    }

    func testExplainListsRulesAndMisses() throws {
        let r = try run(["explain", "--date", "2025-12-13", Self.seed])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("index close"))
        XCTAssertTrue(r.out.contains("product code"))
        XCTAssertTrue(r.out.contains("(was 1.35) [max]"), "previous values and qualifiers are shown")
        XCTAssertTrue(r.out.contains("1w"), "periods are shown beside dates")
    }
}
