import XCTest
import Foundation
import FiguresData
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore
import FiguresText
import GRDB

final class StoreTests: XCTestCase {
    var path: String!

    override func setUp() { path = scratchDatabasePath("test") }

    override func tearDown() { removeDatabase(at: path) }

    let page = "加權指數上漲120.5點，收23,456.78點。\n中央社 ・ 1 天前 ・ 發起對話美國聯準會宣布降息1碼。美國對越南課徵的關稅從46%下調至20%。"
    let reference = Day(year: 2025, month: 3, day: 7)

    /// A batch is one transaction with a savepoint per page: the page that fails is left out alone.
    func testBatchKeepsEveryPageButTheOneThatFails() throws {
        let store = try FiguresStore(path: path)
        // a trigger stands in for any failure while writing one page's observations
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON observation WHEN NEW.text = '777.7點' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        try queue.close()
        let texts = ["加權指數上漲120.5點。", "加權指數上漲777.7點。", "加權指數下跌33.3點。"]
        let pages = texts.enumerated().map { k, text in
            FiguresStore.PageToStore(content: text, sourcePath: "p\(k).txt", reference: reference,
                                     extraction: Extractor.extract(text, reference: reference))
        }
        let batch = try store.store(pages)
        XCTAssertNil(batch.storageFailure, "a page refused by a constraint is that page's failure, not the database's")
        let results = batch.results
        XCTAssertEqual(results.map { if case .success = $0 { return true } else { return false } }, [true, false, true])
        XCTAssertEqual(try store.counts().pages, 2, "the failed page leaves no page row behind")
        XCTAssertEqual(try store.counts().observations, 2)
        XCTAssertNil(try store.storedReferenceDate(of: pages[1].identity))
    }

    func testRoundTripAndIdempotentIngest() throws {
        let store = try FiguresStore(path: path)
        let first = try store.ingest(content: page, sourcePath: "a.txt", reference: reference)
        XCTAssertEqual(first.status, .new)
        let expected = Extractor.extract(page, reference: reference).observations
        XCTAssertEqual(first.observationsAdded, expected.count)
        XCTAssertGreaterThanOrEqual(expected.count, 4)

        let again = try store.ingest(content: page, sourcePath: "copy-of-a.txt", reference: reference)
        XCTAssertEqual(again.status, .unchanged)
        XCTAssertEqual(again.observationsAdded, 0)
        XCTAssertEqual(try store.counts().observations, expected.count)
        XCTAssertEqual(try store.counts().pages, 1)

        // every field survives the round trip
        var stored: [Observation] = []
        try store.forEachObservation { stored.append($0.observation) }
        XCTAssertEqual(Set(stored.map { $0.identityForTest }), Set(expected.map { $0.identityForTest }))
        let close = try store.observations(matching: ObservationFilter(subject: "taiex", metric: "close"))
        XCTAssertEqual(close.count, 1)
        XCTAssertEqual(close.first?.observation.value, 23456.78)
        XCTAssertEqual(close.first?.page, "a.txt")
    }

    func testReopenKeepsDataAndAsOf() throws {
        do {
            let store = try FiguresStore(path: path)
            _ = try store.ingest(content: "加權指數收23,000點。", sourcePath: "d1.txt", reference: Day(year: 2025, month: 3, day: 3))
            _ = try store.ingest(content: "加權指數收23,500點。", sourcePath: "d2.txt", reference: Day(year: 2025, month: 3, day: 5))
        }
        let store = try FiguresStore(path: path)
        XCTAssertEqual(try store.counts().pages, 2)
        let asOf4 = try store.latest(asOf: Day(year: 2025, month: 3, day: 4), subject: "TAIEX", metric: "close", kind: nil)
        XCTAssertEqual(asOf4.map(\.observation.value), [23000])
        let asOf5 = try store.latest(asOf: Day(year: 2025, month: 3, day: 5), subject: "TAIEX", metric: "close", kind: nil)
        XCTAssertEqual(asOf5.map(\.observation.value), [23500])
        let range = try store.observations(matching: ObservationFilter(subject: "TAIEX", from: Day(year: 2025, month: 3, day: 4), to: Day(year: 2025, month: 3, day: 9)))
        XCTAssertEqual(range.map(\.observation.value), [23500])
    }

    func testTariffChangesListPreviousAndLevels() throws {
        let store = try FiguresStore(path: path)
        _ = try store.ingest(content: page, sourcePath: "a.txt", reference: reference)
        let rows = TariffReport.rows(try store.tariffs(subject: "US", target: "VN", since: nil))
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0][3], "46")
        XCTAssertEqual(rows[0][4], "20")
        XCTAssertEqual(rows[0][6], "-26", "change_pp, after new_high")
    }
}

extension Observation {
    var identityForTest: String {
        "\(kind)|\(subject)|\(metric)|\(value)|\(valueHigh as Any)|\(unit as Any)|\(previous as Any)|\(target as Any)|\(qualifier as Any)|\(date as Any)|\(period as Any)|\(text)|\(start)|\(end)"
    }
}

final class CSVTests: XCTestCase {
    /// A strict RFC 4180 reader, to check what the writer produces.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" && chars.first == "\n" { chars.removeFirst(); row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    func testCommaQuoteAndNewlineSurviveARoundTrip() {
        let tricky = "營收,\"年增\"\n30%"
        let o = Observation(kind: "financial", subject: "ACME, Inc.", metric: "revenue", value: 1.5e9, unit: "TWD", text: tricky, start: 0, end: 5)
        let csv = ObservationFormatter().render([(o, "pages/a \"b\",c.txt", "v1")], as: .csv)
        let rows = Self.parse(csv)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0], ObservationFormatter.csvColumns)
        let header = rows[0]
        let row = rows[1]
        XCTAssertEqual(row.count, header.count)
        XCTAssertEqual(row[header.firstIndex(of: "text")!], tricky)
        XCTAssertEqual(row[header.firstIndex(of: "subject")!], "ACME, Inc.")
        XCTAssertEqual(row[header.firstIndex(of: "page")!], "pages/a \"b\",c.txt")
        XCTAssertEqual(row[header.firstIndex(of: "value")!], "1500000000")
        XCTAssertTrue(csv.hasSuffix("\r\n"))
    }
}

final class TextTests: XCTestCase {
    func testDisplayWidthCountsCJKAsTwo() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("日經225"), 7)
        XCTAssertEqual(DisplayWidth.of("５０％"), 6)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    }

    func testTableColumnsAlignUnderChinese() {
        let table = TableRenderer(headers: ["subject", "v"], rows: [["HSI/金融", "1"], ["N225", "22"]], rightAligned: [1]).render()
        let lines = table.split(separator: "\n").map(String.init)
        let widths = Set(lines.map { DisplayWidth.of($0) })
        XCTAssertEqual(widths.count, 1, table)
    }

    func testDayArithmetic() {
        let d = Day(year: 2025, month: 12, day: 13)
        XCTAssertEqual(d.weekday, 6)
        XCTAssertEqual(d.latest(weekday: 5).description, "2025-12-12")
        XCTAssertEqual(d.latest(weekday: 6).description, "2025-12-13")
        XCTAssertEqual(d.latest(dayOfMonth: 28)?.description, "2025-11-28")
        XCTAssertEqual(Day(year: 2024, month: 3, day: 1).adding(days: -1).description, "2024-02-29")
        XCTAssertEqual(Day(ordinal: d.ordinal), d)
        XCTAssertNil(Day(iso: "2025-02-30"))
    }

    /// SwiftPM embeds the files themselves, so only the lists of names can fall behind the folder.
    func testEmbeddedTablesMatchDataFolder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = root.appendingPathComponent("data")
        let names = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".tsv") }
        XCTAssertFalse(names.isEmpty)
        XCTAssertEqual(Set(names), Set(EmbeddedData.files.keys), "name every table of data/ in Package.swift (tables) and data/EmbeddedData.swift")
        for name in names {
            let text = try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(EmbeddedData.files[name], text, name)
        }
    }

    func testLexiconTablesAreWellFormed() {
        let companies = TableFile.rows(named: "companies.tsv")
        XCTAssertGreaterThanOrEqual(companies.count, 200)
        for row in companies { XCTAssertEqual(row.count, 3, row.joined(separator: "\t")) }
        for name in ["indices.tsv", "countries.tsv", "banks.tsv", "currencies.tsv", "cues.tsv", "commodities.tsv", "yields.tsv"] {
            for row in TableFile.rows(named: name) { XCTAssertGreaterThanOrEqual(row.count, 2, "\(name): \(row)") }
        }
    }
}
