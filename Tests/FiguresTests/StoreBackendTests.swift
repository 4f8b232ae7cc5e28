import XCTest
import Foundation
import GRDB
import PostgresNIO
import FiguresExtraction
import FiguresQuantities
import FiguresReports
@testable import FiguresStore

/// Issue 11 item 3: the same store on SQLite and on PostgreSQL.
///
/// The PostgreSQL tests need a server: its URL in FIGURES_TEST_PG (`scripts/pg-test-server` starts one
/// and prints it; `.ci/run` does). Without it they are skipped, saying so. Each test works in a schema of
/// its own (`?schema=`), dropped at the end.
enum TestPostgres {
    static let skipMessage = "PostgreSQL tests skipped: FIGURES_TEST_PG is not set (start a server with `FIGURES_TEST_PG=$(scripts/pg-test-server) swift test`)"

    static var url: String? {
        ProcessInfo.processInfo.environment["FIGURES_TEST_PG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func requireServer() throws -> String {
        guard let url else { throw XCTSkip(skipMessage) }
        return url
    }

    /// A URL naming a new schema of its own on the test server.
    static func freshSchema() throws -> String {
        let base = try requireServer()
        let name = "figures_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return base + (base.contains("?") ? "&" : "?") + "schema=" + name
    }

    /// Runs SQL on the server, in the schema the URL names (for set-up and checks the store does not offer).
    @discardableResult
    static func sql(_ url: String, _ statement: String) throws -> PostgresQueryResultRows {
        let connection = try PostgresStore.Connection.open(try PostgresLocation(url: url))
        defer { connection.close() }
        return PostgresQueryResultRows(try connection.query(statement))
    }

    static func drop(_ url: String) {
        guard let location = try? PostgresLocation(url: url), let schema = location.schema,
              let connection = try? PostgresStore.Connection.open(location) else { return }
        defer { connection.close() }
        _ = try? connection.query("DROP SCHEMA IF EXISTS \(PostgresStore.quoted(schema)) CASCADE")
    }
}

/// Rows of a PostgreSQL result as text (every value cast to text in the query).
struct PostgresQueryResultRows {
    var rows: [[String?]]
    init(_ result: PostgresQueryResult) {
        rows = result.map { row in row.map { cell in (try? cell.decode(String?.self)) ?? nil } }
    }
}

/// What a database is for a test: a SQLite file or a PostgreSQL schema.
protocol StoreTestCase: XCTestCase {
    var location: String! { get }
}

/// The store's behaviour, one body for both engines (each engine's test class runs every body).
enum StoreContract {
    static let reference = Day(year: 2025, month: 3, day: 7)
    static let page = "加權指數上漲120.5點，收23,456.78點。\n中央社 ・ 1 天前 ・ 發起對話美國聯準會宣布降息1碼。美國對越南課徵的關稅從46%下調至20%。"

    static func roundTripAndIdempotentIngest(_ location: String) throws {
        let store = try FiguresStore(writingAt: location)
        let first = try store.ingest(content: page, sourcePath: "a.txt", reference: reference)
        XCTAssertEqual(first.status, .new)
        let expected = Extractor.extract(page, reference: reference).observations
        XCTAssertEqual(first.observationsAdded, expected.count)
        XCTAssertGreaterThanOrEqual(expected.count, 4)
        let again = try store.ingest(content: page, sourcePath: "copy-of-a.txt", reference: reference)
        XCTAssertEqual(again.status, .unchanged)
        let variants = ["\u{FEFF}" + page, page.replacingOccurrences(of: "\n", with: "\r\n"), page.replacingOccurrences(of: "\n", with: "\r"), page + "\n\n  \t\n"]
        for (k, text) in variants.enumerated() {
            XCTAssertEqual(try store.ingest(content: text, sourcePath: "variant\(k).txt", reference: reference).status, .unchanged, "variant \(k)")
        }
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.counts().observations, expected.count)
        var stored: [Observation] = []
        try store.forEachObservation { stored.append($0.observation) }
        XCTAssertEqual(Set(stored.map(\.identityForTest)), Set(expected.map(\.identityForTest)), "every field survives the round trip")
        let close = try store.observations(matching: ObservationFilter(subject: "taiex", metric: "CLOSE"))
        XCTAssertEqual(close.map(\.observation.value), [23456.78], "subject and metric match in any case")
        XCTAssertEqual(close.first?.page, "a.txt")
        XCTAssertEqual(close.first?.extractorVersion, extractorVersion)
        XCTAssertEqual(try store.storedReferenceDate(of: PageIdentity(page)), reference.description)
        XCTAssertEqual(try store.extractorVersions(), [extractorVersion])
    }

    static func reopenKeepsDataAndAsOf(_ location: String) throws {
        do {
            let store = try FiguresStore(writingAt: location)
            _ = try store.ingest(content: "加權指數收23,000點。", sourcePath: "d1.txt", reference: Day(year: 2025, month: 3, day: 3))
            _ = try store.ingest(content: "加權指數收23,500點。", sourcePath: "d2.txt", reference: Day(year: 2025, month: 3, day: 5))
        }
        for store in [try FiguresStore(writingAt: location), try FiguresStore(readingAt: location)] {
            XCTAssertEqual(try store.counts().pages, 2)
            let asOf4 = try store.latest(asOf: Day(year: 2025, month: 3, day: 4), subject: "TAIEX", metric: "close", kind: nil)
            XCTAssertEqual(asOf4.map(\.observation.value), [23000])
            let asOf5 = try store.latest(asOf: Day(year: 2025, month: 3, day: 5), subject: "TAIEX", metric: "close", kind: nil)
            XCTAssertEqual(asOf5.map(\.observation.value), [23500])
            let range = try store.observations(matching: ObservationFilter(subject: "TAIEX", from: Day(year: 2025, month: 3, day: 4),
                                                                           to: Day(year: 2025, month: 3, day: 9)))
            XCTAssertEqual(range.map(\.observation.value), [23500])
        }
        let reader = try FiguresStore(readingAt: location)
        XCTAssertThrowsError(try reader.ingest(content: "加權指數收1點。", sourcePath: "x.txt", reference: reference)) { error in
            guard case StoreError.readOnly = error else { return XCTFail("\(error)") }
        }
    }

    static func tariffChanges(_ location: String) throws {
        let store = try FiguresStore(writingAt: location)
        _ = try store.ingest(content: page, sourcePath: "a.txt", reference: reference)
        let rows = TariffReport.rows(try store.tariffs(subject: "us", target: "vn", since: nil))
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows.first?[3], "46")
        XCTAssertEqual(rows.first?[4], "20")
        XCTAssertEqual(rows.first?[6], "-26", "change_pp, after new_high")
        XCTAssertEqual(try store.tariffs(subjects: [], targets: nil, since: nil).count, 0)
        XCTAssertEqual(try store.tariffs(subject: nil, target: nil, since: Day(year: 2030, month: 1, day: 1)).count, 0)
    }

    static func redateAndReextract(_ location: String) throws {
        let store = try FiguresStore(writingAt: location)
        let text = StoreReliabilityTests.page
        let wrong = Day(year: 2024, month: 1, day: 5)
        let first = try store.ingest(content: text, sourcePath: "page.txt", reference: wrong)
        XCTAssertEqual(first.status, .new)
        let kept = try store.ingest(content: text, sourcePath: "page.txt", reference: reference, policy: .keep)
        XCTAssertEqual(kept.status, .unchanged)
        XCTAssertEqual(kept.storedReferenceDate, "2024-01-05")
        let redated = try store.ingest(content: text, sourcePath: "page.txt", reference: reference, policy: .redate)
        XCTAssertEqual(redated.status, .reextracted)
        XCTAssertEqual(redated.storedReferenceDate, "2024-01-05")
        XCTAssertEqual(redated.observationsRemoved, first.observationsAdded)
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.counts().observations, first.observationsAdded, "replaced, not added to")
        XCTAssertEqual(try store.storedReferenceDate(of: PageIdentity(text)), reference.description)
        let sameDate = try store.ingest(content: text, sourcePath: "page.txt", reference: reference, policy: .redate)
        XCTAssertEqual(sameDate.status, .unchanged)
        let forced = try store.ingest(content: StoreReliabilityTests.variants[1].text, sourcePath: "page-crlf.txt", reference: reference, policy: .reextract)
        XCTAssertEqual(forced.status, .reextracted)
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.observations(matching: ObservationFilter()).first?.page, "page-crlf.txt")
        // reextract: the stored text, extracted again, keeps its ingest time
        let pages = try store.pagesWithText(after: 0, limit: 10)
        XCTAssertEqual(pages.count, 1)
        XCTAssertEqual(try store.pagesWithoutText(), 0)
        let again = try store.store(pages.map {
            FiguresStore.PageToStore(content: $0.text, sourcePath: $0.sourcePath, reference: Day(iso: $0.referenceDate)!,
                                     extraction: Extractor.extract($0.text, reference: Day(iso: $0.referenceDate)!), policy: .reextract,
                                     ingestedAt: "2000-01-01T00:00:00Z")
        })
        XCTAssertNil(again.storageFailure)
        XCTAssertEqual(try store.observations(matching: ObservationFilter()).first?.ingestedAt, "2000-01-01T00:00:00Z")
    }

    static func seriesRule(_ location: String) throws {
        let store = try FiguresStore(writingAt: location)
        let t0 = Date(timeIntervalSince1970: 1_750_000_000)
        _ = try store.ingest(content: "加權指數收23,456.78點。（甲）", sourcePath: "a.txt", reference: reference, now: t0)
        _ = try store.ingest(content: "加權指數收23,456.78點。（乙）", sourcePath: "b.txt", reference: reference, now: t0 + 10)
        _ = try store.ingest(content: "加權指數收23,999點。（丙）", sourcePath: "c.txt", reference: reference, now: t0 + 20)
        _ = try store.ingest(content: "加權指數收22,000點。（丁）", sourcePath: "d.txt", reference: reference.adding(days: -1), now: t0 + 30)
        let all = try store.observations(matching: ObservationFilter(metric: "close"))
        XCTAssertEqual(all.count, 4)
        let subject = all[0].observation.subject
        let series = try store.series(subject: subject, spellings: [subject], metric: "close")
        XCTAssertEqual(series.points.map(\.label), ["2025-03-06", "2025-03-07"])
        XCTAssertEqual(series.points.map(\.value), [22000, 23456.78])
        XCTAssertEqual(series.points.last?.agree, 2)
        XCTAssertEqual(series.points.last?.disagree, 1)
        XCTAssertEqual(series.points.last?.pages, 3)
        XCTAssertEqual(try store.latest(asOf: reference, subject: subject, metric: "close", kind: nil).map(\.observation.value), [23456.78])
        let summaries = try store.subjectSummaries()
        XCTAssertEqual(summaries.count, 1)
        XCTAssertEqual(summaries.first?.count, 4)
        XCTAssertEqual(summaries.first?.first, reference.adding(days: -1))
        XCTAssertEqual(summaries.first?.last, reference)
    }
}

final class SQLiteStoreContractTests: XCTestCase, StoreTestCase {
    var location: String!

    override func setUp() { location = scratchDatabasePath("contract") }

    override func tearDown() { removeDatabase(at: location) }

    func testRoundTripAndIdempotentIngest() throws { try StoreContract.roundTripAndIdempotentIngest(location) }
    func testReopenKeepsDataAndAsOf() throws { try StoreContract.reopenKeepsDataAndAsOf(location) }
    func testTariffChanges() throws { try StoreContract.tariffChanges(location) }
    func testRedateAndReextract() throws { try StoreContract.redateAndReextract(location) }
    func testSeriesRule() throws { try StoreContract.seriesRule(location) }
}

final class PostgresStoreContractTests: XCTestCase, StoreTestCase {
    var location: String!

    override func setUpWithError() throws {
        location = try TestPostgres.freshSchema()
    }

    override func tearDown() {
        if let location { TestPostgres.drop(location) }
    }

    func testRoundTripAndIdempotentIngest() throws { try StoreContract.roundTripAndIdempotentIngest(location) }
    func testReopenKeepsDataAndAsOf() throws { try StoreContract.reopenKeepsDataAndAsOf(location) }
    func testTariffChanges() throws { try StoreContract.tariffChanges(location) }
    func testRedateAndReextract() throws { try StoreContract.redateAndReextract(location) }
    func testSeriesRule() throws { try StoreContract.seriesRule(location) }

    // MARK: what only PostgreSQL has to show

    /// A reader of a schema with nothing in it says so; a schema with other tables is refused, by readers
    /// and writers, and left as it was; so is one made by a newer figures.
    func testEmptyForeignAndNewerSchemasAreRefused() throws {
        XCTAssertThrowsError(try FiguresStore(readingAt: location)) { error in
            guard case StoreError.empty = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("holds no figures data yet"), "\(error)")
            XCTAssertFalse("\(error)".contains(":figures@"), "no password in messages: \(error)")
        }
        let foreign = try TestPostgres.freshSchema()
        defer { TestPostgres.drop(foreign) }
        let schema = try PostgresLocation(url: foreign).schema!
        try TestPostgres.sql(foreign, "CREATE SCHEMA \(schema)")
        try TestPostgres.sql(foreign, "CREATE TABLE \(schema).accounts (id int)")
        for open in [{ try FiguresStore(readingAt: foreign) }, { try FiguresStore(writingAt: foreign) }] {
            XCTAssertThrowsError(try open()) { error in
                guard case StoreError.foreign(_, let tables) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(tables, ["accounts"])
            }
        }
        XCTAssertEqual(try TestPostgres.sql(foreign, "SELECT count(*)::text FROM pg_tables WHERE schemaname = '\(schema)'").rows, [["1"]])

        _ = try FiguresStore(writingAt: location)
        try TestPostgres.sql(location, "UPDATE figures_meta SET value = '\(FiguresStore.schemaVersion + 1)' WHERE key = 'schema_version'")
        for open in [{ try FiguresStore(readingAt: self.location) }, { try FiguresStore(writingAt: self.location) }] {
            XCTAssertThrowsError(try open()) { error in
                guard case StoreError.newer(_, let version) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(version, FiguresStore.schemaVersion + 1)
            }
        }
    }

    /// A batch is one transaction with a savepoint per page: the page that fails is left out alone.
    func testBatchKeepsEveryPageButTheOneThatFails() throws {
        let store = try FiguresStore(writingAt: location)
        // a trigger stands in for any failure while writing one page's observations
        try TestPostgres.sql(location, """
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.text = '777.7點' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$
            """)
        try TestPostgres.sql(location, "CREATE TRIGGER refuse BEFORE INSERT ON observation FOR EACH ROW EXECUTE FUNCTION refuse()")
        let texts = ["加權指數上漲120.5點。", "加權指數上漲777.7點。", "加權指數下跌33.3點。"]
        let pages = texts.enumerated().map { k, text in
            FiguresStore.PageToStore(content: text, sourcePath: "p\(k).txt", reference: StoreContract.reference,
                                     extraction: Extractor.extract(text, reference: StoreContract.reference))
        }
        let batch = try store.store(pages)
        XCTAssertNil(batch.storageFailure, "a page refused by a trigger is that page's failure, not the database's")
        XCTAssertEqual(batch.results.map { if case .success = $0 { return true } else { return false } }, [true, false, true])
        if case .failure(let error) = batch.results[1] {
            XCTAssertFalse(FiguresStore.isStorageFailure(error))
            XCTAssertEqual(FiguresStore.reason(error), "refused")
        }
        XCTAssertEqual(try store.counts().pages, 2, "the failed page leaves no page row behind")
        XCTAssertEqual(try store.counts().observations, 2)
        XCTAssertNil(try store.storedReferenceDate(of: pages[1].identity))
    }

    /// Several processes' worth of writers at once, on a schema none of them has created yet: one schema,
    /// every page once, counts that add up.
    func testConcurrentWritersStoreEveryPageOnce() throws {
        let texts = (0..<40).map { k in "加權指數上漲\(k).5點，收\(20_000 + k)點。日經指數收\(40_000 + k)點。" }
        let expected = texts.map { Extractor.extract($0, reference: StoreContract.reference).observations.count }.reduce(0, +)
        let errors = ErrorList()
        let location = self.location!
        concurrently(6) { writer in
            do {
                let store = try FiguresStore(writingAt: location)
                // every writer stores every page, each in its own order, in batches of 7, and page by page
                var order = Array(texts.indices)
                order.shuffle()
                for chunk in stride(from: 0, to: order.count, by: 7).map({ Array(order[$0..<min(order.count, $0 + 7)]) }) {
                    if writer % 2 == 0 {
                        let batch = try store.store(chunk.map {
                            FiguresStore.PageToStore(content: texts[$0], sourcePath: "w\(writer)-\($0).txt", reference: StoreContract.reference,
                                                     extraction: Extractor.extract(texts[$0], reference: StoreContract.reference))
                        })
                        for case .failure(let error) in batch.results { errors.append(error) }
                        if let failure = batch.storageFailure { errors.append(failure) }
                    } else {
                        for k in chunk { _ = try store.ingest(content: texts[k], sourcePath: "w\(writer)-\(k).txt", reference: StoreContract.reference) }
                    }
                }
            } catch {
                errors.append(error)
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        let store = try FiguresStore(readingAt: location)
        XCTAssertEqual(try store.counts().pages, texts.count)
        XCTAssertEqual(try store.counts().observations, expected)
        XCTAssertEqual(try TestPostgres.sql(location, "SELECT count(*)::text FROM (SELECT content_hash FROM page GROUP BY content_hash HAVING count(*) > 1) d").rows,
                       [["0"]])
        XCTAssertEqual(try TestPostgres.sql(location, "SELECT count(*)::text FROM figures_meta").rows, [["2"]], "the schema was made once")

        // and re-extraction by several writers at once replaces, never doubles
        concurrently(4) { _ in
            do {
                let store = try FiguresStore(writingAt: location)
                for text in texts.shuffled().prefix(15) {
                    _ = try store.ingest(content: text, sourcePath: "again.txt", reference: StoreContract.reference, policy: .reextract)
                }
            } catch {
                errors.append(error)
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        XCTAssertEqual(try store.counts().pages, texts.count)
        XCTAssertEqual(try store.counts().observations, expected)
    }
}

/// Runs `body` on `count` threads at once (not a pool's few), and waits for them all.
func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let done = DispatchSemaphore(value: 0)
    for k in 0..<count {
        let thread = Thread {
            body(k)
            done.signal()
        }
        thread.start()
    }
    for _ in 0..<count { done.wait() }
}

/// The connection URL, and what happens when no server answers (no server needed).
final class PostgresLocationTests: XCTestCase {
    func testURLs() throws {
        let a = try PostgresLocation(url: "postgresql://fig%40user:p%3Ass@db.local:6543/news?schema=s1&sslmode=disable", environment: [:])
        XCTAssertEqual(a.user, "fig@user")
        XCTAssertEqual(a.password, "p:ss")
        XCTAssertEqual(a.host, "db.local")
        XCTAssertEqual(a.port, 6543)
        XCTAssertEqual(a.database, "news")
        XCTAssertEqual(a.schema, "s1")
        XCTAssertEqual(a.sslMode, .disable)
        XCTAssertNil(a.socketPath)
        XCTAssertEqual(a.display, "postgresql://fig%40user@db.local:6543/news?schema=s1")

        let b = try PostgresLocation(url: "postgres://me@/figures?host=/tmp/pg", environment: [:])
        XCTAssertEqual(b.socketPath, "/tmp/pg/.s.PGSQL.5432")
        XCTAssertEqual(b.display, "postgresql://me@/figures?host=/tmp/pg")
        let c = try PostgresLocation(url: "postgresql://%2Fvar%2Frun%2Fpostgresql:5433/x", environment: ["PGUSER": "u"])
        XCTAssertEqual(c.socketPath, "/var/run/postgresql/.s.PGSQL.5433")
        XCTAssertEqual(c.user, "u")
        let d = try PostgresLocation(url: "postgresql://[::1]:5000", environment: ["PGUSER": "u", "PGPASSWORD": "secret"])
        XCTAssertEqual(d.host, "::1")
        XCTAssertEqual(d.port, 5000)
        XCTAssertEqual(d.database, "u")
        XCTAssertEqual(d.password, "secret")
        XCTAssertEqual(d.sslMode, .prefer)

        for bad in ["postgresql://h:port/db", "postgresql://h/db?sslmode=sometimes", "postgresql://h/db?colour=blue", "postgresql://h:70000/db"] {
            XCTAssertThrowsError(try PostgresLocation(url: bad, environment: [:]), bad)
            XCTAssertThrowsError(try FiguresStore(readingAt: bad), bad) { error in
                guard case StoreError.badLocation = error else { return XCTFail("\(bad): \(error)") }
            }
        }
        XCTAssertTrue(FiguresStore.isPostgresURL("POSTGRES://x"))
        XCTAssertFalse(FiguresStore.isPostgresURL("postgresql.sqlite"))
        XCTAssertEqual(FiguresStore.displayName(of: "postgresql://u:secret@h:1/d"), "postgresql://u@h:1/d")
        XCTAssertEqual(FiguresStore.displayName(of: "postgresql://u:secret@h:port/d"), "postgresql://u:***@h:port/d")
    }

    /// No server on the port: a clear error, for readers and writers, and the CLI exits 1 with it.
    func testNoServerIsAClearErrorNotACrash() throws {
        let url = "postgresql://figures:secret@127.0.0.1:1/figures?connect_timeout=5"
        for open in [{ try FiguresStore(readingAt: url) }, { try FiguresStore(writingAt: url) }] {
            XCTAssertThrowsError(try open()) { error in
                guard case StoreError.unreachable = error else { return XCTFail("\(error)") }
                XCTAssertTrue("\(error)".contains("cannot connect to the PostgreSQL server at 127.0.0.1:1"), "\(error)")
                XCTAssertTrue("\(error)".lowercased().contains("refused"), "\(error)")
                XCTAssertFalse("\(error)".contains("secret"), "\(error)")
            }
        }
        let scratch = try makeScratchFolder("no-server")
        defer { removeScratchFolder(scratch) }
        for args in [["query", "--db", url], ["ingest", "--db", url, CLITests.seed], ["export", "--db", url]] {
            let r = try runFigures(args, in: scratch)
            let message = r.err
            XCTAssertEqual(r.status, 1, "\(args[0]): \(message)")
            XCTAssertTrue(message.hasPrefix("figures: cannot connect to the PostgreSQL server at 127.0.0.1:1"), "\(args[0]): \(message)")
            XCTAssertFalse(message.contains("secret"), message)
        }
    }
}
