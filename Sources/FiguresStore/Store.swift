import Foundation
import GRDB
import FiguresExtraction
import FiguresQuantities

/// An observation as stored: the spec's fields plus where it came from.
public struct StoredObservation: Sendable, Hashable {
    public var observation: Observation
    /// The page's source path as ingested.
    public var page: String
    public var pageHash: String
    public var extractorVersion: String
}

/// What one page's ingest did.
public struct IngestOutcome: Sendable {
    public enum Status: String, Sendable { case new, unchanged }
    public var status: Status
    public var observationsAdded: Int
    /// When the same content was stored earlier under another reference date.
    public var storedReferenceDate: String?
}

/// Filters for `observations(matching:)`.
public struct ObservationFilter: Sendable {
    public var subject: String?
    public var metric: String?
    public var kind: String?
    public var on: Day?
    public var from: Day?
    public var to: Day?
    public init(subject: String? = nil, metric: String? = nil, kind: String? = nil, on: Day? = nil, from: Day? = nil, to: Day? = nil) {
        self.subject = subject
        self.metric = metric
        self.kind = kind
        self.on = on
        self.from = from
        self.to = to
    }
}

/// The SQLite store: pages and their observations, with migrations, WAL and
/// foreign keys on. One write transaction per page keeps a failed ingest from
/// leaving half a page behind.
public final class FiguresStore: Sendable {
    public let path: String
    let pool: DatabasePool

    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // WAL with synchronous=NORMAL: a commit no longer waits for a disk flush (only checkpoints do), so one
        // transaction per page stays cheap; the database can lose the last commits on power loss, never consistency.
        // A 64 MB page cache keeps the observation indexes in memory while a large ingest inserts into them
        // in key order that is random (subject, metric, date); SQLite's default 2 MB cache rereads them.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536") }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: pages and observations") { db in
            try db.create(table: "page") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("content_hash", .text).notNull().unique()
                t.column("source_path", .text).notNull()
                t.column("reference_date", .text).notNull()
                t.column("ingested_at", .text).notNull()
                t.column("byte_count", .integer).notNull()
            }
            try db.create(table: "observation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("page_id", .integer).notNull().indexed().references("page", onDelete: .cascade)
                t.column("kind", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("metric", .text).notNull()
                t.column("value", .double).notNull()
                t.column("value_high", .double)
                t.column("unit", .text)
                t.column("previous", .double)
                t.column("target", .text)
                t.column("qualifier", .text)
                t.column("date", .text)
                t.column("period", .text)
                t.column("text", .text).notNull()
                t.column("start", .integer).notNull()
                t.column("end", .integer).notNull()
                t.column("extractor_version", .text).notNull()
                t.column("rule", .text).notNull().defaults(to: "")
            }
            try db.create(index: "observation_subject_metric_date", on: "observation", columns: ["subject", "metric", "date"])
            try db.create(index: "observation_kind_date", on: "observation", columns: ["kind", "date"])
        }
        return migrator
    }

    /// The content hash a page is stored under.
    public static func contentHash(_ content: String) -> String { SHA256.hex(Array(content.utf8)) }

    /// The reference date a page with this content hash was stored with, or nil when it is not stored.
    public func storedReferenceDate(hash: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT reference_date FROM page WHERE content_hash = ?", arguments: [hash])
        }
    }

    /// Stores a page and its observations unless the same content is already stored.
    public func ingest(content: String, sourcePath: String, reference: Day, now: Date = Date()) throws -> IngestOutcome {
        let hash = Self.contentHash(content)
        if let date = try storedReferenceDate(hash: hash) {
            return IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: date == reference.description ? nil : date)
        }
        return try store(content: content, hash: hash, sourcePath: sourcePath, reference: reference,
                         extraction: Extractor.extract(content, reference: reference), now: now)
    }

    /// Writes a page already extracted (so that extraction can run in parallel), in one transaction.
    public func store(content: String, hash: String, sourcePath: String, reference: Day, extraction: Extraction, now: Date = Date()) throws -> IngestOutcome {
        let page = PageToStore(content: content, hash: hash, sourcePath: sourcePath, reference: reference, extraction: extraction)
        return try pool.write { db in try Self.insert(page, stamp: Self.timestamp(now), db) }
    }

    /// A page and its extraction, ready to be written.
    public struct PageToStore: Sendable {
        public var content: String
        public var hash: String
        public var sourcePath: String
        public var reference: Day
        public var extraction: Extraction

        public init(content: String, hash: String, sourcePath: String, reference: Day, extraction: Extraction) {
            self.content = content
            self.hash = hash
            self.sourcePath = sourcePath
            self.reference = reference
            self.extraction = extraction
        }
    }

    /// Writes many pages in one transaction, each page inside its own savepoint: a page that fails is
    /// rolled back alone and reported, the others are kept. One commit for the lot matters for speed:
    /// every commit copies the index pages it touched into the write-ahead log, and a page's figures
    /// touch index pages all over (subjects, metrics and dates come in no order).
    public func store(_ pages: [PageToStore], now: Date = Date()) throws -> [Result<IngestOutcome, any Error>] {
        let stamp = Self.timestamp(now)
        return try pool.write { db in
            var results: [Result<IngestOutcome, any Error>] = []
            results.reserveCapacity(pages.count)
            for page in pages {
                var outcome: IngestOutcome? = nil
                do {
                    try db.inSavepoint {
                        outcome = try Self.insert(page, stamp: stamp, db)
                        return .commit
                    }
                    results.append(.success(outcome!))
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    /// The page row and its observations; `.unchanged` when the content is stored already (another
    /// process may have stored it since the caller looked).
    static func insert(_ page: PageToStore, stamp: String, _ db: Database) throws -> IngestOutcome {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM page WHERE content_hash = ?", arguments: [page.hash]) == true {
            return IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: nil)
        }
        try db.execute(sql: "INSERT INTO page (content_hash, source_path, reference_date, ingested_at, byte_count) VALUES (?, ?, ?, ?, ?)",
                       arguments: [page.hash, page.sourcePath, page.reference.description, stamp, page.content.utf8.count])
        let pageID = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: """
            INSERT INTO observation (page_id, kind, subject, metric, value, value_high, unit, previous, target, qualifier,
                                     date, period, text, start, end, extractor_version, rule)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for o in page.extraction.observations {
            // the arguments match the statement by construction: skip GRDB's per-row validation
            insert.setUncheckedArguments([pageID, o.kind, o.subject, o.metric, o.value, o.valueHigh, o.unit, o.previous, o.target,
                                          o.qualifier, o.date, o.period, o.text, o.start, o.end, extractorVersion, o.rule])
            try insert.execute()
        }
        return IngestOutcome(status: .new, observationsAdded: page.extraction.observations.count, storedReferenceDate: nil)
    }

    /// ISO 8601 UTC timestamp, without a formatter object per page.
    static func timestamp(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: t >= 0 ? t / 86400 : (t - 86399) / 86400)
        let secs = ((t % 86400) + 86400) % 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }

    static let selectColumns = """
        SELECT o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.date, o.period,
               o.text, o.start, o.end, o.rule, o.extractor_version, p.source_path, p.content_hash
        FROM observation o JOIN page p ON p.id = o.page_id
        """

    static func decode(_ row: Row) -> StoredObservation {
        let o = Observation(kind: row["kind"], subject: row["subject"], metric: row["metric"], value: row["value"],
                            valueHigh: row["value_high"], unit: row["unit"], previous: row["previous"], target: row["target"],
                            qualifier: row["qualifier"], date: row["date"], period: row["period"], text: row["text"],
                            start: row["start"], end: row["end"], rule: row["rule"])
        return StoredObservation(observation: o, page: row["source_path"], pageHash: row["content_hash"], extractorVersion: row["extractor_version"])
    }

    /// Observations matching the filter, by date then subject. Subjects match without regard to case.
    public func observations(matching f: ObservationFilter) throws -> [StoredObservation] {
        var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
        if let s = f.subject { clauses.append("o.subject = ? COLLATE NOCASE"); args.append(s) }
        if let m = f.metric { clauses.append("o.metric = ?"); args.append(m) }
        if let k = f.kind { clauses.append("o.kind = ?"); args.append(k) }
        if let d = f.on { clauses.append("o.date = ?"); args.append(d.description) }
        if let d = f.from { clauses.append("o.date >= ?"); args.append(d.description) }
        if let d = f.to { clauses.append("o.date <= ?"); args.append(d.description) }
        let sql = Self.selectColumns + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
            + " ORDER BY o.date IS NULL, o.date, o.kind, o.subject, o.metric, o.id"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// Per subject and metric, the latest value dated on or before `day`.
    public func latest(asOf day: Day, subject: String?, metric: String?, kind: String?) throws -> [StoredObservation] {
        var clauses = ["o.date IS NOT NULL", "o.date <= ?"], args: [any DatabaseValueConvertible] = [day.description]
        if let s = subject { clauses.append("o.subject = ? COLLATE NOCASE"); args.append(s) }
        if let m = metric { clauses.append("o.metric = ?"); args.append(m) }
        if let k = kind { clauses.append("o.kind = ?"); args.append(k) }
        let sql = """
            WITH ranked AS (
              SELECT o.id, ROW_NUMBER() OVER (PARTITION BY o.kind, o.subject, o.metric, COALESCE(o.target, ''), COALESCE(o.period, '')
                                              ORDER BY o.date DESC, o.id DESC) AS n
              FROM observation o WHERE \(clauses.joined(separator: " AND "))
            )
            \(Self.selectColumns) JOIN ranked r ON r.id = o.id AND r.n = 1
            ORDER BY o.kind, o.subject, o.metric
            """
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// Tariff observations, oldest first.
    public func tariffs(subject: String?, target: String?, since: Day?) throws -> [StoredObservation] {
        var clauses = ["o.kind = 'tariff'"], args: [any DatabaseValueConvertible] = []
        if let s = subject { clauses.append("o.subject = ? COLLATE NOCASE"); args.append(s) }
        if let t = target { clauses.append("o.target = ? COLLATE NOCASE"); args.append(t) }
        if let d = since { clauses.append("(o.date IS NULL OR o.date >= ?)"); args.append(d.description) }
        let sql = Self.selectColumns + " WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY o.subject, o.target, o.date IS NULL, o.date, o.id"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// Every observation, in a stable order, visited one at a time (export streams rather than loading all).
    public func forEachObservation(_ body: (StoredObservation) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: Self.selectColumns + " ORDER BY p.id, o.id")
            while let row = try cursor.next() { try body(Self.decode(row)) }
        }
    }

    public struct Counts: Sendable { public var pages: Int; public var observations: Int }

    public func counts() throws -> Counts {
        try pool.read { db in
            Counts(pages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0,
                   observations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation") ?? 0)
        }
    }

    /// Subjects that have at least one observation, for "did you mean" messages.
    public func subjects() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM observation ORDER BY subject") }
    }
}
