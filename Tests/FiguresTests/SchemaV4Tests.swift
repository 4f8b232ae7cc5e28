import XCTest
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresStore
import GRDB

/// Schema v4: page text (reextract), page title and source, the `series` and `latest` views.
final class SchemaV4Tests: XCTestCase {
    var path: String!

    override func setUp() { path = scratchDatabasePath("v4") }

    override func tearDown() { removeDatabase(at: path) }

    func testPageKeepsTextTitleAndSource() throws {
        let page = "  \n  台股收盤 加權指數上漲  \n加權指數上漲120.5點，收23,456.78點。\n中央社財經 ・ 1 天前 ・ 發起對話美國聯準會宣布降息1碼。"
        let store = try FiguresStore(path: path)
        _ = try store.ingest(content: page, sourcePath: "a.txt", reference: Day(year: 2025, month: 3, day: 7))
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let row = try queue.read { db in try Row.fetchOne(db, sql: "SELECT text, title, source FROM page")! }
        XCTAssertEqual(row["text"] as String?, page)
        XCTAssertEqual(row["title"] as String?, "台股收盤 加權指數上漲")
        XCTAssertEqual(row["source"] as String?, "中央社財經")
        let viewed = try queue.read { db in try Row.fetchOne(db, sql: "SELECT page_title, page_source FROM observation_view LIMIT 1")! }
        XCTAssertEqual(viewed["page_title"] as String?, "台股收盤 加權指數上漲")
        XCTAssertEqual(viewed["page_source"] as String?, "中央社財經")
        XCTAssertEqual(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, 4)
        XCTAssertEqual(FiguresStore.title(of: String(repeating: "字", count: 300))?.count, 200)
        XCTAssertNil(FiguresStore.title(of: " \n\t\n"))
        // a page without a footer has no source
        _ = try store.ingest(content: "加權指數下跌33.3點。", sourcePath: "b.txt", reference: Day(year: 2025, month: 3, day: 8))
        XCTAssertEqual(try queue.read { db in try String?.fetchOne(db, sql: "SELECT source FROM page WHERE source_path = 'b.txt'") }, .some(nil))
    }

    /// `series`: one row per date with the value most pages agree on; `latest`: the newest date's.
    func testSeriesAndLatestViewsFollowTheSeriesRule() throws {
        let store = try FiguresStore(path: path)
        let day = Day(year: 2025, month: 3, day: 7)
        let t0 = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try store.ingest(content: "加權指數收23,456.78點。（甲）", sourcePath: "a.txt", reference: day, now: t0)
        _ = try store.ingest(content: "加權指數收23,456.78點。（乙）", sourcePath: "b.txt", reference: day, now: t0 + 10)
        _ = try store.ingest(content: "加權指數收23,999點。（丙）", sourcePath: "c.txt", reference: day, now: t0 + 20)
        _ = try store.ingest(content: "加權指數收22,000點。（丁）", sourcePath: "d.txt", reference: day.adding(days: -1), now: t0 + 30)
        let all = try store.observations(matching: ObservationFilter(metric: "close"))
        XCTAssertEqual(all.count, 4, "\(all.map(\.observation))")
        let subject = all[0].observation.subject
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT date, value, sources, agree, disagree, pages FROM series WHERE subject = ? AND metric = 'close' ORDER BY date",
                             arguments: [subject])
        }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0]["date"] as String, "2025-03-06")
        XCTAssertEqual(rows[1]["date"] as String, "2025-03-07")
        XCTAssertEqual(rows[1]["value"] as Double, 23456.78, "two pages agree, the later single page does not win")
        XCTAssertEqual(rows[1]["sources"] as Int, 3)
        XCTAssertEqual(rows[1]["agree"] as Int, 2)
        XCTAssertEqual(rows[1]["disagree"] as Int, 1)
        XCTAssertEqual(rows[1]["pages"] as Int, 3)
        // the CLI's series says the same
        let cli = try store.series(subject: subject, spellings: [subject], metric: "close")
        XCTAssertEqual(cli.points.map(\.value), rows.map { $0["value"] as Double })
        XCTAssertEqual(cli.points.map(\.sources), rows.map { $0["sources"] as Int })
        for view in ["latest", "latest_value"] {
            let latest = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT date, value, sources FROM \(view) WHERE subject = ? AND metric = 'close'", arguments: [subject])
            }
            XCTAssertEqual(latest.count, 1, view)
            XCTAssertEqual(latest.first?["date"] as String?, "2025-03-07", view)
            XCTAssertEqual(latest.first?["value"] as Double?, 23456.78, view)
        }
        let asOf = try store.latest(asOf: day, subject: subject, metric: "close", kind: nil)
        XCTAssertEqual(asOf.map(\.observation.value), [23456.78], "the view and --as-of agree")
        // the v3 views are still there
        for view in ["tariff_changes", "subjects", "observation_view"] {
            XCTAssertNoThrow(try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(view)") }, view)
        }
    }
}

/// `figures reextract`: every stored page extracted again from its stored text, provenance kept.
final class ReextractCLITests: XCTestCase {
    func testReextractRebuildsObservationsAndSkipsPagesWithoutText() throws {
        let dir = try makeScratchFolder("reextract")
        defer { removeScratchFolder(dir) }
        let db = dir.appendingPathComponent("f.sqlite").path
        let other = dir.appendingPathComponent("other.txt")
        try "加權指數下跌33.3點。".write(to: other, atomically: true, encoding: .utf8)
        func run(_ args: [String]) throws -> ProcessOutput { try runFigures(args, in: dir) }
        XCTAssertEqual(try run(["ingest", "-q", "--db", db, "--date", "2025-12-13", CLITests.seed]).status, 0)
        XCTAssertEqual(try run(["ingest", "-q", "--db", db, "--date", "2025-12-14", other.path]).status, 0)
        let queue = try DatabaseQueue(path: db)
        struct Snapshot: Equatable { var pages: [[String?]]; var observations: Int }
        func snapshot() throws -> Snapshot {
            try queue.read { db in
                Snapshot(pages: try Row.fetchAll(db, sql: "SELECT source_path, reference_date, ingested_at FROM page ORDER BY id").map {
                             [$0["source_path"], $0["reference_date"], $0["ingested_at"]] },
                         observations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation")!)
            }
        }
        let original = try snapshot()
        let seedCount = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation WHERE page_id = 1")! }
        XCTAssertGreaterThan(seedCount, 50)
        // an older extractor's output: fewer observations, another version; the second page predates stored text
        try queue.write { db in
            try db.execute(sql: "DELETE FROM observation WHERE page_id = 1 AND id % 2 = 0")
            try db.execute(sql: "UPDATE observation SET extractor_version = 'figures-0.0.1'")
            try db.execute(sql: "UPDATE page SET text = NULL WHERE id = 2")
        }
        let damaged = try snapshot()
        try queue.close()
        let r = try run(["reextract", "--db", db])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("re-extracted 1 page"), r.out)
        XCTAssertTrue(r.out.contains("before: 2 pages, \(damaged.observations) observations; after: 2 pages, \(original.observations) observations"), r.out)
        XCTAssertTrue(r.err.contains("1 page stored without text"), r.err)
        XCTAssertTrue(r.err.contains("ingest their files again"), r.err)
        let check = try DatabaseQueue(path: db)
        defer { try? check.close() }
        let after = try check.read { db in
            Snapshot(pages: try Row.fetchAll(db, sql: "SELECT source_path, reference_date, ingested_at FROM page ORDER BY id").map {
                         [$0["source_path"], $0["reference_date"], $0["ingested_at"]] },
                     observations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation")!)
        }
        XCTAssertEqual(after, original, "observations rebuilt, source path, reference date and ingest time kept")
        let versions = try check.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT extractor_version FROM observation WHERE page_id = 1") }
        XCTAssertEqual(versions, [extractorVersion])
        let skipped = try check.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT extractor_version FROM observation WHERE page_id = 2") }
        XCTAssertEqual(skipped, ["figures-0.0.1"], "a page without text is left as it was")
    }
}
