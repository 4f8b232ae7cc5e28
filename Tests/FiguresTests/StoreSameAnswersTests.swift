import XCTest
import Foundation
import GRDB
import FiguresExtraction
import FiguresQuantities
import FiguresReports
@testable import FiguresStore

/// Same commands, same answers: the same pages ingested into SQLite and into PostgreSQL by the `figures`
/// binary, then every reading command's output compared, and the store's answers compared row for row.
final class StoreSameAnswersTests: XCTestCase {
    var scratch: URL!
    var postgres: String!
    var sqlite: String { scratch.appendingPathComponent("same.sqlite").path }

    override func setUpWithError() throws {
        postgres = try TestPostgres.freshSchema()
        scratch = try makeScratchFolder("same")
    }

    override func tearDown() {
        if let postgres { TestPostgres.drop(postgres) }
        removeScratchFolder(scratch)
    }

    /// Runs the binary on one of the databases; its outputs name it `DB`.
    func figures(_ args: [String], db: String) throws -> ProcessOutput {
        let r = try runFigures(args + ["--db", db], in: scratch)
        let shown = FiguresStore.displayName(of: db)
        func clean(_ s: String) -> String { s.replacingOccurrences(of: shown, with: "DB") }
        return (r.status, clean(r.out), clean(r.err))
    }

    /// Runs the command on both databases; their outputs (the database's name aside) must be the same.
    @discardableResult
    func same(_ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let a = try figures(args, db: sqlite), b = try figures(args, db: postgres)
        XCTAssertEqual(a.status, b.status, "\(args): exit status; SQLite: \(a.err) PostgreSQL: \(b.err)", file: file, line: line)
        XCTAssertEqual(a.out, b.out, "\(args): standard output", file: file, line: line)
        XCTAssertEqual(a.err, b.err, "\(args): standard error", file: file, line: line)
        return a.out
    }

    func testTheSamePagesGiveTheSameAnswers() throws {
        // a generated corpus of teasers of every kind, and the seed page
        let corpus = try generateCorpus(mb: "0.15", seed: "11")
        let seeds = CLITests.root.appendingPathComponent("seeds").path

        let ingest = try same(["ingest", corpus.path, seeds])
        XCTAssertTrue(ingest.contains(" new, 0 unchanged"), ingest)
        XCTAssertTrue(try same(["ingest", corpus.path]).contains("pages: 0 new,"), "ingesting again adds nothing")
        try same(["ingest", "--date", "2025-06-30", seeds])   // re-dated
        try same(["ingest", "--force", "-v", seeds])          // re-extracted

        let a = try FiguresStore(readingAt: sqlite), b = try FiguresStore(readingAt: postgres)
        XCTAssertGreaterThan(try a.counts().observations, 300)
        XCTAssertEqual(try a.counts().pages, try b.counts().pages)
        XCTAssertEqual(try a.counts().observations, try b.counts().observations)
        func rows(_ s: FiguresStore, _ f: ObservationFilter = ObservationFilter()) throws -> [String] {
            try s.observations(matching: f).map { "\($0.id) \($0.observation.identityForTest) \($0.observation.scope ?? "-") \($0.observation.rule) \($0.page) \($0.pageHash) \($0.extractorVersion)" }
        }
        XCTAssertEqual(try rows(a), try rows(b))
        var exportA: [String] = [], exportB: [String] = []
        try a.forEachObservation { exportA.append("\($0.id) \($0.observation.identityForTest)") }
        try b.forEachObservation { exportB.append("\($0.id) \($0.observation.identityForTest)") }
        XCTAssertEqual(exportA, exportB)
        XCTAssertEqual(try a.subjects(), try b.subjects())
        XCTAssertEqual(try a.metrics(), try b.metrics())
        XCTAssertEqual(try a.targets(), try b.targets())
        XCTAssertEqual(try a.extractorVersions(), try b.extractorVersions())
        XCTAssertEqual(try a.subjectSummaries(), try b.subjectSummaries())
        XCTAssertEqual(try MarketReport.render(store: a), try MarketReport.render(store: b))
        let summaries = try a.subjectSummaries()
        var pairs = 0
        for s in summaries {
            for metric in s.metrics {
                let spellings = Array(Set(try a.observations(matching: ObservationFilter(subject: s.id)).map(\.observation.subject)))
                let sa = try a.series(subject: s.id, spellings: spellings, metric: metric), sb = try b.series(subject: s.id, spellings: spellings, metric: metric)
                XCTAssertEqual(sa.points.map { "\($0.label) \($0.value) \($0.sources) \($0.agree) \($0.pages)" },
                               sb.points.map { "\($0.label) \($0.value) \($0.sources) \($0.agree) \($0.pages)" }, "\(s.id) \(metric)")
                pairs += 1
            }
        }
        XCTAssertGreaterThan(pairs, 10)
        for day in ["2024-01-01", "2025-06-30", "2026-12-31"] {
            let asOf = Day(iso: day)!
            XCTAssertEqual(try a.latest(asOf: asOf, matching: ObservationFilter()).map(\.id), try b.latest(asOf: asOf, matching: ObservationFilter()).map(\.id), day)
        }
        XCTAssertEqual(try a.tariffs(subject: nil, target: nil, since: nil).map(\.id), try b.tariffs(subject: nil, target: nil, since: nil).map(\.id))

        // the commands, on both
        for format in ["table", "jsonl", "csv"] { try same(["query", "--format", format]) }
        try same(["query", "--as-of", "2025-12-31"])
        try same(["query", "--kind", "INDEX", "--from", "2025-01-01", "--to", "2025-12-31"])
        try same(["query", "--period", "2025"])
        try same(["query", "close"])
        try same(["query", "TAIEX"])
        try same(["query", "nosuchthing"])
        try same(["export"])
        try same(["export", "--format", "jsonl", "--kind", "fx"])
        try same(["subjects"])
        try same(["subjects", "--format", "json"])
        try same(["tariffs"])
        try same(["tariffs", "--format", "csv"])
        let top = summaries.sorted { $0.count > $1.count }.prefix(4)
        for s in top {
            try same(["series", s.id, s.metrics[0]])
            try same(["series", s.id, s.metrics[0], "--format", "json"])
        }
        if let s = top.first { try same(["plot", s.id, s.metrics[0]]) }
        try same(["reextract"])
        XCTAssertEqual(try rows(a), try rows(b), "after reextract")
    }

    func generateCorpus(mb: String, seed: String) throws -> URL {
        let corpus = scratch.appendingPathComponent("corpus-\(seed)")
        let gen = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                 ["python3", CLITests.root.appendingPathComponent("scripts/gen-corpus").path, corpus.path, "--mb", mb, "--seed", seed],
                                 in: scratch)
        XCTAssertEqual(gen.status, 0, "scripts/gen-corpus: \(gen.err)")
        return corpus
    }

    /// Four `figures ingest` processes at once on the same pages into one PostgreSQL database: each page
    /// stored once (the others find it stored), and the answers those of one ingest into SQLite.
    func testConcurrentIngestProcesses() throws {
        let corpus = try generateCorpus(mb: "0.08", seed: "5")
        let pages = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.count
        XCTAssertGreaterThan(pages, 5)
        var running: [(Process, Pipe)] = []
        for _ in 0..<4 {
            let p = testProcess(CLITests.binary, ["ingest", "-q", "--db", postgres, corpus.path], in: scratch)
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            running.append((p, out))
        }
        var new = 0, unchanged = 0
        for (p, out) in running {
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, text)
            // pages: N new, M unchanged; …
            let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            XCTAssertGreaterThanOrEqual(numbers.count, 2, text)
            new += numbers.first ?? 0
            unchanged += numbers.dropFirst().first ?? 0
        }
        XCTAssertEqual(new, pages, "each page stored by one process")
        XCTAssertEqual(unchanged, 3 * pages, "and found stored by the other three")
        XCTAssertEqual(try figures(["ingest", corpus.path], db: sqlite).status, 0)
        try same(["query", "--format", "jsonl"])
        try same(["subjects"])
    }

    /// The views of schema v4 hold the same rows in both.
    func testTheViewsAgree() throws {
        let pages = (0..<12).map { k in "加權指數收\(23_000 + k % 3)點。日經225指數收在\(50_000 + k)點。美國對越南課徵的關稅從46%下調至\(20 + k % 2)%。（\(k)）" }
        for location in [sqlite, postgres!] {
            let store = try FiguresStore(writingAt: location)
            let t0 = Date(timeIntervalSince1970: 1_750_000_000)
            for (k, page) in pages.enumerated() {
                _ = try store.ingest(content: page, sourcePath: "p\(k).txt", reference: Day(year: 2025, month: 3, day: 1 + k % 4), now: t0 + Double(k))
            }
        }
        let queries = [
            "SELECT subject, metric, date, day, value, sources, agree, disagree, pages, observation_id, page FROM series ORDER BY subject, metric, date",
            "SELECT id, kind, subject, metric, value, date, day, sources, agree, disagree FROM latest ORDER BY id",
            "SELECT id FROM latest_value ORDER BY id",
            "SELECT levied_by, \"on\", previous, new, change_pp, measure, date, page FROM tariff_changes ORDER BY page, date",
            "SELECT subject, kind, count, first, last FROM subjects ORDER BY subject, kind",
            "SELECT id, day, page, page_title FROM observation_view ORDER BY id",
        ]
        let queue = try DatabaseQueue(path: sqlite)
        defer { try? queue.close() }
        for sql in queries {
            let lite = try queue.read { db in
                try Row.fetchAll(db, sql: sql).map { row in Array(row.databaseValues.map { $0.isNull ? nil : Self.text($0) }) }
            }
            let columns = sql.replacingOccurrences(of: "SELECT ", with: "").components(separatedBy: " FROM ")[0]
                .split(separator: ",").enumerated().map { "(\($1.trimmingCharacters(in: .whitespaces)))::text AS c\($0)" }.joined(separator: ", ")
            let pgSQL = "SELECT " + columns + " FROM " + sql.components(separatedBy: " FROM ")[1]
            let pg = try TestPostgres.sql(postgres, pgSQL).rows.map { $0.map { $0.map(Self.normalised) } }
            XCTAssertFalse(lite.isEmpty, sql)
            XCTAssertEqual(lite.count, pg.count, sql)
            if let k = lite.indices.first(where: { $0 < pg.count && lite[$0] != pg[$0] }) {
                XCTFail("\(sql): row \(k): SQLite \(lite[k]), PostgreSQL \(pg[k])")
            }
        }
    }

    /// A value as text, numbers in one spelling (23000.0 and 23000 alike).
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .int64(let i): return "\(i)"
        case .double(let d): return normalised("\(d)")
        case .string(let s): return s
        default: return "\(value)"
        }
    }

    static func normalised(_ s: String) -> String {
        if let d = Double(s), s.first.map({ $0.isNumber || $0 == "-" }) == true, !s.contains("-") || s.hasPrefix("-") {
            return d == d.rounded() && abs(d) < 1e15 ? "\(Int64(d))" : "\(d)"
        }
        return s
    }
}
