import XCTest
import Foundation
import FiguresExtraction
import FiguresQuantities
@testable import FiguresStore
import FiguresText
import GRDB

/// Issue 9, the store's part: readers that never write, files that are not figures databases, the schema
/// set up under a lock, pages identified by their normalised text, re-dating and re-extraction.
final class StoreReliabilityTests: XCTestCase {
    var folder: URL!
    var path: String { folder.appendingPathComponent("store.sqlite").path }

    override func setUpWithError() throws { folder = try makeScratchFolder("store") }

    override func tearDown() { removeScratchFolder(folder) }

    let reference = Day(year: 2025, month: 3, day: 7)

    /// A page whose teasers depend on its line ends: read with CR line ends as one line, it gives other figures.
    static let page = "台股收盤\n加權指數上漲120.5點\n美元兌台幣收30.12元\n中央社 ・ 1 天前 ・ 發起對話\n美國對越南關稅\n從46%下調至20%\n"

    /// The same page as another editor or system saves it.
    static var variants: [(name: String, text: String)] {
        [("BOM", "\u{FEFF}" + page),
         ("CRLF", page.replacingOccurrences(of: "\n", with: "\r\n")),
         ("CR", page.replacingOccurrences(of: "\n", with: "\r")),
         ("trailing blank lines and spaces", page + "\n\n  \t\n")]
    }

    /// A figures database with a page, closed (and so checkpointed: the write-ahead log is emptied into the file).
    func makeDatabase() throws {
        let store = try FiguresStore(writingAt: path)
        _ = try store.ingest(content: "加權指數上漲120.5點，收23,456.78點。美國對越南課徵的關稅從46%下調至20%。", sourcePath: "a.txt", reference: reference)
    }

    func snapshot(_ path: String) throws -> (bytes: Data, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as! Date)
    }

    func exerciseEveryRead(_ store: FiguresStore) throws {
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertFalse(try store.observations(matching: ObservationFilter(subject: "TAIEX")).isEmpty)
        XCTAssertFalse(try store.latest(asOf: reference, subject: nil, metric: nil, kind: nil).isEmpty)
        XCTAssertFalse(try store.tariffs(subject: "US", target: nil, since: nil).isEmpty)
        XCTAssertFalse(try store.subjects().isEmpty)
        var rows = 0
        try store.forEachObservation { _ in rows += 1 }
        XCTAssertGreaterThan(rows, 2)
    }

    // MARK: readers

    func testReaderNeverChangesTheFileEvenWhenItIsReadOnly() throws {
        try makeDatabase()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "closing the writer checkpoints the log")
        // As root, permissions do not stop writes: the bytes and the modification time say whether it was written.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let before = try snapshot(path)
        Thread.sleep(forTimeInterval: 0.01)   // a write would move the modification time past this
        do {
            let store = try FiguresStore(readingAt: path)
            try exerciseEveryRead(store)
        }
        let after = try snapshot(path)
        XCTAssertEqual(after.bytes, before.bytes, "a reader changes no byte of the database")
        XCTAssertEqual(after.modified, before.modified)
    }

    func testReaderIsNotBlockedByAWriterHoldingItsLock() throws {
        try makeDatabase()
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let writerPath = path
        // another process's ingest, in the middle of a transaction: the write lock is held, a row is written
        // but not committed
        let writer = Thread {
            defer { done.signal() }
            do {
                let queue = try DatabaseQueue(path: writerPath)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "BEGIN IMMEDIATE")
                    try db.execute(sql: """
                        INSERT INTO page (content_hash, source_path, reference_date, ingested_at, byte_count)
                        VALUES ('uncommitted', 'b.txt', '2025-03-08', '2025-03-08T00:00:00Z', 1)
                        """)
                    held.signal()
                    release.wait()
                    try db.execute(sql: "COMMIT")
                }
            } catch {
                XCTFail("writer: \(error)")
                held.signal()
            }
        }
        writer.start()
        held.wait()
        let started = Date()
        let store = try FiguresStore(readingAt: path)
        XCTAssertEqual(try store.counts().pages, 1, "the committed data, not the writer's pending row")
        try exerciseEveryRead(store)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "a reader does not wait for the writer")
        release.signal()
        done.wait()
        XCTAssertEqual(try store.counts().pages, 2, "the next read sees the commit")
    }

    func testAMissingDatabaseIsNotCreatedByAReader() throws {
        XCTAssertThrowsError(try FiguresStore(readingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("no database"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    // MARK: files that are not figures databases

    func testAFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let bytes = Data(String(repeating: "not a database, a page of text\n", count: 200).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        for open in [{ try FiguresStore(readingAt: self.path) }, { try FiguresStore(writingAt: self.path) }] {
            XCTAssertThrowsError(try open()) { error in
                XCTAssertTrue("\(error)".contains("not a SQLite database"), "\(error)")
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
    }

    func testAForeignSQLiteFileIsRefusedByReadersAndTheWriterAndGetsNoTable() throws {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoice (amount) VALUES (12.5)")
            }
        }
        let before = try snapshot(path)
        for open in [{ try FiguresStore(readingAt: self.path) }, { try FiguresStore(writingAt: self.path) }] {
            XCTAssertThrowsError(try open()) { error in
                XCTAssertTrue("\(error)".contains("not a figures database") && "\(error)".contains("invoice"), "\(error)")
            }
        }
        XCTAssertEqual(try snapshot(path).bytes, before.bytes, "no table added, not even switched to WAL")
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        XCTAssertEqual(tables, ["invoice"])
    }

    func testADatabaseFromANewerFiguresIsRefused() throws {
        try makeDatabase()
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "PRAGMA user_version = \(FiguresStore.schemaVersion + 1)")
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3: something to come')")
            }
        }
        let before = try snapshot(path)
        for open in [{ try FiguresStore(readingAt: self.path) }, { try FiguresStore(writingAt: self.path) }] {
            XCTAssertThrowsError(try open()) { error in
                XCTAssertTrue("\(error)".contains("newer figures") && "\(error)".contains("upgrade"), "\(error)")
            }
        }
        XCTAssertEqual(try snapshot(path).bytes, before.bytes)
    }

    func testAnEmptyFileIsInitialisedByTheWriterOnly() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try FiguresStore(readingAt: path)) { error in
            XCTAssertTrue("\(error)".contains("no figures data"), "\(error)")
        }
        let store = try FiguresStore(writingAt: path)
        XCTAssertEqual(try store.counts().pages, 0)
        let header = try store.sqlite!.reader.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        XCTAssertEqual(header.0, FiguresStore.applicationID)
        XCTAssertEqual(header.1, FiguresStore.schemaVersion)
    }

    /// A database made before the schema had an id and a version (schema v1) is still read as it is, and
    /// migrated when written to; its pages, hashed on their text as read, are still recognised.
    func testADatabaseOfSchemaV1IsReadAsItIsAndMigratedByTheWriter() throws {
        let oldPage = "加權指數上漲120.5點，收23,456.78點。\n"
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                    INSERT INTO grdb_migrations VALUES ('v1: pages and observations');
                    CREATE TABLE page (id INTEGER PRIMARY KEY AUTOINCREMENT, content_hash TEXT NOT NULL UNIQUE, source_path TEXT NOT NULL,
                                       reference_date TEXT NOT NULL, ingested_at TEXT NOT NULL, byte_count INTEGER NOT NULL);
                    CREATE TABLE observation (id INTEGER PRIMARY KEY AUTOINCREMENT,
                        page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE, kind TEXT NOT NULL, subject TEXT NOT NULL,
                        metric TEXT NOT NULL, value DOUBLE NOT NULL, value_high DOUBLE, unit TEXT, previous DOUBLE, target TEXT,
                        qualifier TEXT, date TEXT, period TEXT, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                        extractor_version TEXT NOT NULL, rule TEXT NOT NULL DEFAULT '');
                    """)
                // figures before v2 stored the SHA-256 of the text as read, trailing line end included
                try db.execute(sql: "INSERT INTO page VALUES (1, ?, 'old.txt', '2025-03-07', '2025-03-07T00:00:00Z', 40)",
                               arguments: [PageIdentity(oldPage).bytesHash])
                try db.execute(sql: "INSERT INTO observation (page_id, kind, subject, metric, value, unit, date, text, start, \"end\", extractor_version) VALUES (1, 'index', 'TAIEX', 'close', 23456.78, 'pt', '2025-03-07', '23,456.78點', 13, 23, 'figures-0.1.0')")
            }
        }
        XCTAssertNotEqual(PageIdentity(oldPage).bytesHash, PageIdentity(oldPage).textHash)
        let before = try snapshot(path)
        do {
            let reader = try FiguresStore(readingAt: path)
            XCTAssertEqual(try reader.observations(matching: ObservationFilter(subject: "TAIEX")).map(\.observation.value), [23456.78])
        }
        XCTAssertEqual(try snapshot(path).bytes, before.bytes)

        let writer = try FiguresStore(writingAt: path)
        let again = try writer.ingest(content: oldPage, sourcePath: "old.txt", reference: reference)
        XCTAssertEqual(again.status, .unchanged, "a page stored by schema v1 is recognised by the hash of its bytes")
        XCTAssertEqual(try writer.sqlite!.reader.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }, FiguresStore.applicationID)
    }

    // MARK: the schema is set up once

    func testConcurrentFirstOpensOfANewDatabaseDoNotRace() throws {
        for round in 0..<5 {
            let path = folder.appendingPathComponent("race-\(round).sqlite").path
            let errors = ErrorList()
            let reference = self.reference
            DispatchQueue.concurrentPerform(iterations: 4) { k in
                do {
                    let store = try FiguresStore(writingAt: path)
                    _ = try store.ingest(content: "加權指數上漲\(k)0.5點。", sourcePath: "p\(k).txt", reference: reference)
                } catch { errors.append(error) }
            }
            XCTAssertEqual(errors.all.map { "\($0)" }, [], "round \(round)")
            let store = try FiguresStore(readingAt: path)
            XCTAssertEqual(try store.counts().pages, 4)
            XCTAssertEqual(try store.counts().observations, 4)
        }
    }

    // MARK: a page is its normalised text

    func testThePageSavedWithABOMCRLFCROrTrailingBlanksIsTheSamePage() throws {
        let identity = PageIdentity(Self.page)
        for (name, text) in Self.variants {
            XCTAssertEqual(PageIdentity(text).textHash, identity.textHash, name)
            XCTAssertNotEqual(PageIdentity(text).bytesHash, identity.bytesHash, name)
        }
        let store = try FiguresStore(writingAt: path)
        XCTAssertEqual(try store.ingest(content: Self.page, sourcePath: "page.txt", reference: reference).status, .new)
        let stored = try store.counts()
        for (name, text) in Self.variants {
            XCTAssertEqual(try store.ingest(content: text, sourcePath: "\(name).txt", reference: reference).status, .unchanged, name)
        }
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.counts().observations, stored.observations)
    }

    func testLineEndsAndABOMDoNotChangeWhatIsExtracted() throws {
        let plain = Extractor.extract(Self.page, reference: reference).observations
        XCTAssertGreaterThanOrEqual(plain.count, 2)
        for (name, text) in Self.variants {
            let observations = Extractor.extract(text, reference: reference).observations
            if name == "CRLF" {
                // offsets count line ends as they stand: each CR before a figure moves it by one
                XCTAssertEqual(observations.map { Self.withoutOffsets($0) }, plain.map { Self.withoutOffsets($0) }, name)
                let scalars = Array(text.unicodeScalars)
                for o in observations {
                    XCTAssertEqual(String(String.UnicodeScalarView(scalars[o.start..<o.end])), o.text, "span of \(o.text)")
                }
            } else {
                // a lone CR folds to LF one for one, and a BOM is not counted: offsets too are the same
                XCTAssertEqual(observations, plain, name)
            }
        }
    }

    static func withoutOffsets(_ o: Observation) -> Observation {
        var o = o
        o.start = 0
        o.end = 0
        return o
    }

    // MARK: re-dating and re-extraction

    /// The one decision both engines carry out for a page stored already: each policy, with the date stored
    /// the one written or another (which is reported either way).
    func testStoredPageActionOfEachPolicy() {
        let same = reference.description, other = "2024-01-05"
        func action(_ policy: StoredPagePolicy, _ stored: String) -> StoredPageAction {
            StoredPageAction(policy: policy, storedReferenceDate: stored, reference: reference)
        }
        XCTAssertEqual(action(.keep, same), .keep(storedReferenceDate: nil))
        XCTAssertEqual(action(.keep, other), .keep(storedReferenceDate: other))
        XCTAssertEqual(action(.redate, same), .keep(storedReferenceDate: nil))
        XCTAssertEqual(action(.redate, other), .reextract(storedReferenceDate: other))
        XCTAssertEqual(action(.reextract, same), .reextract(storedReferenceDate: nil))
        XCTAssertEqual(action(.reextract, other), .reextract(storedReferenceDate: other))
    }

    func testAPageStoredWithAWrongDateIsReextractedWithTheRightOne() throws {
        let store = try FiguresStore(writingAt: path)
        let wrong = Day(year: 2024, month: 1, day: 5)
        let first = try store.ingest(content: Self.page, sourcePath: "page.txt", reference: wrong)
        XCTAssertEqual(first.status, .new)
        XCTAssertTrue(try store.observations(matching: ObservationFilter()).allSatisfy { $0.observation.date?.hasPrefix("2024-01") ?? true })

        let kept = try store.ingest(content: Self.page, sourcePath: "page.txt", reference: reference, policy: .keep)
        XCTAssertEqual(kept.status, .unchanged)
        XCTAssertEqual(kept.storedReferenceDate, "2024-01-05", "says it was stored with another date")

        let redated = try store.ingest(content: Self.page, sourcePath: "page.txt", reference: reference, policy: .redate)
        XCTAssertEqual(redated.status, .reextracted)
        XCTAssertEqual(redated.storedReferenceDate, "2024-01-05")
        XCTAssertEqual(redated.observationsRemoved, first.observationsAdded)
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.counts().observations, first.observationsAdded, "replaced, not added to")
        let expected = Extractor.extract(Self.page, reference: reference).observations
        XCTAssertEqual(Set(try store.observations(matching: ObservationFilter()).map(\.observation.identityForTest)),
                       Set(expected.map(\.identityForTest)))
        XCTAssertEqual(try store.storedReferenceDate(of: PageIdentity(Self.page)), reference.description)

        let sameDate = try store.ingest(content: Self.page, sourcePath: "page.txt", reference: reference, policy: .redate)
        XCTAssertEqual(sameDate.status, .unchanged, "re-dating to the date it has does nothing")
        let forced = try store.ingest(content: Self.variants[1].text, sourcePath: "page-crlf.txt", reference: reference, policy: .reextract)
        XCTAssertEqual(forced.status, .reextracted)
        XCTAssertNil(forced.storedReferenceDate)
        XCTAssertEqual(try store.counts().pages, 1)
        XCTAssertEqual(try store.observations(matching: ObservationFilter()).first?.page, "page-crlf.txt")
    }
}

/// Errors gathered from concurrent work.
final class ErrorList: @unchecked Sendable {
    private var errors: [any Error] = []
    private let lock = NSLock()
    func append(_ error: any Error) { lock.withLock { errors.append(error) } }
    var all: [any Error] { lock.withLock { errors } }
}
