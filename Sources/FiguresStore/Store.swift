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
    public enum Status: String, Sendable {
        case new, unchanged
        /// Stored before, extracted again (with another reference date, or forced): its observations replaced.
        case reextracted
    }
    public var status: Status
    public var observationsAdded: Int
    /// Observations of the earlier extraction that a re-extraction removed.
    public var observationsRemoved: Int = 0
    /// When the same content was stored earlier under another reference date: that date.
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

/// What to do with a page whose content is stored already.
public enum StoredPagePolicy: Sendable {
    /// Leave it: same content, nothing to add.
    case keep
    /// Extract it again when it was stored with another reference date (a wrong date corrected).
    case redate
    /// Extract it again whatever its date (after an upgrade of the rules).
    case reextract
}

/// Why a database was not opened. The messages are for the user.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missing(path: String)
    case notSQLite(path: String)
    case foreign(path: String, tables: [String])
    case newer(path: String, schemaVersion: Int)
    case empty(path: String)
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no database at \(path): run `figures ingest PATH…` first (or pass --db / set FIGURES_DB)"
        case .notSQLite(let path):
            return "\(path) is not a SQLite database (so not a figures database); left untouched"
        case .foreign(let path, let tables):
            let listed = tables.prefix(6).joined(separator: ", ") + (tables.count > 6 ? ", …" : "")
            return "\(path) is a SQLite database but not a figures database (its tables: \(listed)); left untouched — give another --db"
        case .newer(let path, let version):
            return "\(path) was made by a newer figures (schema version \(version); this figures knows up to \(FiguresStore.schemaVersion)): upgrade figures to read it"
        case .empty(let path):
            return "\(path) holds no figures data yet: run `figures ingest --db \(path) PATH…` first"
        case .readOnly(let path):
            return "\(path) was opened for reading only"
        }
    }
}

/// The SQLite store: pages and their observations, with migrations, WAL and foreign keys on.
///
/// Opened either for writing (ingest: creates and migrates the schema) or for reading (query, export,
/// reports: a read-only connection that runs no migration and never changes the file, and in WAL mode
/// never waits for a writer). Both refuse a file that is not a figures database, or one made by a newer
/// figures, before touching it.
public final class FiguresStore: Sendable {
    public let path: String
    /// The read API goes through this: the writer's pool, or a read-only queue.
    let reader: any DatabaseReader
    /// Nil when opened for reading.
    let writer: DatabasePool?

    /// `PRAGMA application_id` of a figures database ("FIGS"), set by the migration to schema v2:
    /// what tells a figures database from any other SQLite file.
    public static let applicationID: Int32 = 0x4649_4753
    /// `PRAGMA user_version` this build writes and reads: the number of the last migration it knows.
    public static let schemaVersion = 2

    /// Opens the database for writing, as `init(writingAt:)`.
    public convenience init(path: String) throws {
        try self.init(writingAt: path)
    }

    /// Opens the database for writing: creates it when the file is missing or empty, migrates it to this
    /// build's schema. Refuses a file that is not a figures database or was made by a newer figures.
    public init(writingAt path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        // WAL with synchronous=NORMAL: a commit no longer waits for a disk flush (only checkpoints do), so one
        // transaction per page stays cheap; the database can lose the last commits on power loss, never consistency.
        // A 64 MB page cache keeps the observation indexes in memory while a large ingest inserts into them
        // in key order that is random (subject, metric, date); SQLite's default 2 MB cache rereads them.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536") }
        // Two first ingests into the same new file must not both create the tables (GRDB's migrator reads
        // which migrations are applied outside the transaction that applies them): the check and the
        // migrations run under an exclusive lock shared by every figures process.
        let pool = try SchemaLock.holding(forDatabaseAt: path) { () throws -> DatabasePool in
            // looked at before the pool is opened: opening it switches the file to WAL, a change to a foreign file
            if FileManager.default.fileExists(atPath: path) {
                let contents = try Self.inspect(path: path)
                if contents != .empty && contents != .figures { throw contents.refusal(path: path) }
            }
            let pool = try DatabasePool(path: path, configuration: config)
            try Self.migrator.migrate(pool)
            return pool
        }
        self.writer = pool
        self.reader = pool
    }

    /// Opens an existing figures database for reading only: no migration, no write, no lock held against
    /// writers. Refuses a missing or empty file, a file that is not a figures database, or a newer one.
    public init(readingAt path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let (queue, contents) = try Self.openReadOnly(path: path)
        guard contents == .figures else {
            try? queue.close()
            throw contents.refusal(path: path)
        }
        self.reader = queue
        self.writer = nil
    }

    static var readOnlyConfiguration: Configuration {
        var config = Configuration()
        config.readonly = true
        // In WAL mode a reader never waits for a writer; the timeout is for the rare moments SQLite itself
        // needs (a writer's checkpoint resetting the log, recovery after a crash).
        config.busyMode = .timeout(5)
        return config
    }

    /// A read-only connection to the file and what the file holds.
    ///
    /// A reader of a WAL database needs its shared-memory file (`-shm`), which it creates when missing. In a
    /// folder it cannot write to (a database shared read-only) it cannot, and SQLite refuses to read; when
    /// there is no write-ahead log either, every committed page is in the file and no writer can be at work
    /// (it could not create its log), so the file is read as immutable, which needs no shared memory.
    static func openReadOnly(path: String) throws -> (DatabaseQueue, Contents) {
        func open(_ location: String) throws -> (DatabaseQueue, Contents) {
            let queue = try DatabaseQueue(path: location, configuration: readOnlyConfiguration)
            do { return (queue, try queue.read(contents)) } catch { try? queue.close(); throw error }
        }
        do {
            do {
                return try open(path)
            } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode)
                        && !FileManager.default.fileExists(atPath: path + "-wal") {
                return try open(URL(fileURLWithPath: path).absoluteString + "?immutable=1")
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notSQLite(path: path)
        }
    }

    /// What a file holds, told from its schema before anything else is done with it.
    enum Contents: Equatable {
        /// No table: a new (or zero-byte) file.
        case empty
        /// A figures database this build can read (it may need migrations to be written to).
        case figures
        case newerFigures(schemaVersion: Int)
        case foreign(tables: [String])

        /// Why a file with these contents is not opened (a figures database never is refused; an empty
        /// one only by readers).
        func refusal(path: String) -> StoreError {
            switch self {
            case .empty, .figures: return .empty(path: path)
            case .newerFigures(let version): return .newer(path: path, schemaVersion: version)
            case .foreign(let tables): return .foreign(path: path, tables: tables)
            }
        }
    }

    /// Looks at a file through a read-only connection, which changes nothing in it.
    static func inspect(path: String) throws -> Contents {
        let (queue, contents) = try openReadOnly(path: path)
        try queue.close()
        return contents
    }

    static func contents(_ db: Database) throws -> Contents {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if applicationID == Self.applicationID {
            let superseded = try migrator.hasBeenSuperseded(db)
            if userVersion > schemaVersion || superseded { return .newerFigures(schemaVersion: userVersion) }
            return .figures
        }
        if applicationID == 0 && userVersion == 0 {
            if tables.isEmpty { return .empty }
            // made by figures before schema v2, which set no application id
            if Set(tables).isSuperset(of: ["grdb_migrations", "page", "observation"]),
               try migrator.appliedIdentifiers(db).contains(Self.firstMigration) {
                let superseded = try migrator.hasBeenSuperseded(db)
                return superseded ? .newerFigures(schemaVersion: 0) : .figures
            }
        }
        return .foreign(tables: tables)
    }

    static let firstMigration = "v1: pages and observations"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(firstMigration) { db in
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
        migrator.registerMigration("v2: figures id, schema version, normalised page hash") { db in
            // The file says what it is: readers refuse files without this id, and versions newer than theirs.
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 2")
            // content_hash is, from now on, the hash of the page's normalised text (PageIdentity.textHash).
            // Pages stored before keep the hash of their text as read: the text is not stored, so it cannot be
            // recomputed. hash_basis says which a row holds.
            try db.alter(table: "page") { t in
                t.add(column: "hash_basis", .text).notNull().defaults(to: "bytes")
            }
        }
        return migrator
    }

    /// The reference date a page with this content was stored with, or nil when it is not stored.
    public func storedReferenceDate(of identity: PageIdentity) throws -> String? {
        try reader.read { db in try Self.storedPage(identity, db)?.referenceDate }
    }

    struct StoredPage { var id: Int64; var referenceDate: String }

    /// The page stored with this identity: by its normalised text's hash, or, for pages stored before schema
    /// v2, by the hash of its text as read; a row of the first kind first.
    static func storedPage(_ identity: PageIdentity, _ db: Database) throws -> StoredPage? {
        let row = try Row.fetchOne(db, sql: """
            SELECT id, reference_date FROM page WHERE content_hash IN (?, ?) ORDER BY content_hash = ? DESC LIMIT 1
            """, arguments: [identity.textHash, identity.bytesHash, identity.textHash])
        return row.map { StoredPage(id: $0["id"], referenceDate: $0["reference_date"]) }
    }

    func requireWriter() throws -> DatabasePool {
        guard let writer else { throw StoreError.readOnly(path: path) }
        return writer
    }

    /// Stores a page and its observations unless the same content is already stored (then `policy` says
    /// whether it is extracted again).
    public func ingest(content: String, sourcePath: String, reference: Day, policy: StoredPagePolicy = .keep, now: Date = Date()) throws -> IngestOutcome {
        let identity = PageIdentity(content)
        if let date = try storedReferenceDate(of: identity) {
            let again = policy == .reextract || (policy == .redate && date != reference.description)
            if !again {
                return IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: date == reference.description ? nil : date)
            }
        }
        let page = PageToStore(content: content, identity: identity, sourcePath: sourcePath, reference: reference,
                               extraction: Extractor.extract(content, reference: reference), policy: policy)
        return try store(page, now: now)
    }

    /// Writes a page already extracted (so that extraction can run in parallel), in one transaction.
    public func store(_ page: PageToStore, now: Date = Date()) throws -> IngestOutcome {
        try requireWriter().write { db in try Self.write(page, stamp: Self.timestamp(now), db) }
    }

    /// A page and its extraction, ready to be written.
    public struct PageToStore: Sendable {
        public var content: String
        public var identity: PageIdentity
        public var sourcePath: String
        public var reference: Day
        public var extraction: Extraction
        public var policy: StoredPagePolicy

        public init(content: String, identity: PageIdentity? = nil, sourcePath: String, reference: Day, extraction: Extraction,
                    policy: StoredPagePolicy = .keep) {
            self.content = content
            self.identity = identity ?? PageIdentity(content)
            self.sourcePath = sourcePath
            self.reference = reference
            self.extraction = extraction
            self.policy = policy
        }
    }

    /// What a batch write did: a result for each page written, in order, and, when the database itself
    /// failed (disk full, file not writable), that error: the pages after it were not attempted.
    public struct BatchOutcome: Sendable {
        public var results: [Result<IngestOutcome, any Error>]
        public var storageFailure: (any Error)?
    }

    /// Writes many pages in one transaction, each page inside its own savepoint: a page that fails is
    /// rolled back alone and reported, the others are kept. One commit for the lot matters for speed:
    /// every commit copies the index pages it touched into the write-ahead log, and a page's figures
    /// touch index pages all over (subjects, metrics and dates come in no order).
    ///
    /// A failure of the database rather than of a page (see `isStorageFailure`) stops the batch there:
    /// the pages before it are committed when the transaction still can be, and every later page would
    /// only fail the same way. Throws when nothing of the batch could be committed.
    public func store(_ pages: [PageToStore], now: Date = Date()) throws -> BatchOutcome {
        let stamp = Self.timestamp(now)
        return try requireWriter().write { db in
            var outcome = BatchOutcome(results: [], storageFailure: nil)
            outcome.results.reserveCapacity(pages.count)
            for page in pages {
                var written: IngestOutcome? = nil
                do {
                    try db.inSavepoint {
                        written = try Self.write(page, stamp: stamp, db)
                        return .commit
                    }
                    outcome.results.append(.success(written!))
                } catch {
                    if Self.isStorageFailure(error) {
                        // SQLite may have rolled the whole transaction back (it does on a full disk): then
                        // nothing of the batch is stored, and saying otherwise would be wrong
                        guard db.isInsideTransaction else { throw error }
                        outcome.storageFailure = error
                        break
                    }
                    outcome.results.append(.failure(error))
                }
            }
            return outcome
        }
    }

    /// Whether an error is the database failing (full disk, I/O error, file not writable, locked, corrupt)
    /// rather than one page's data being refused (a constraint, a value too big): the first kind fails
    /// every page after it the same way.
    public static func isStorageFailure(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE: return false
        default: return true
        }
    }

    /// An error in a few words (SQLite's message, without the statement that met it).
    public static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// Writes the page row and its observations; for a page stored already, `.unchanged`, or, as its policy
    /// says, its observations replaced by the new extraction (another process may have stored the page
    /// since the caller looked).
    static func write(_ page: PageToStore, stamp: String, _ db: Database) throws -> IngestOutcome {
        let pageID: Int64
        var outcome = IngestOutcome(status: .new, observationsAdded: page.extraction.observations.count, storedReferenceDate: nil)
        if let stored = try storedPage(page.identity, db) {
            let differentDate = stored.referenceDate != page.reference.description
            switch page.policy {
            case .keep:
                return IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: differentDate ? stored.referenceDate : nil)
            case .redate where !differentDate:
                return IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: nil)
            case .redate, .reextract:
                pageID = stored.id
                try db.execute(sql: "DELETE FROM observation WHERE page_id = ?", arguments: [pageID])
                outcome.status = .reextracted
                outcome.observationsRemoved = db.changesCount
                outcome.storedReferenceDate = differentDate ? stored.referenceDate : nil
                // the row takes the normalised hash if it had the old kind: no row has that hash, or the
                // lookup would have found that row first
                try db.execute(sql: """
                    UPDATE page SET content_hash = ?, hash_basis = 'normalised', source_path = ?, reference_date = ?,
                                    ingested_at = ?, byte_count = ?
                    WHERE id = ?
                    """, arguments: [page.identity.textHash, page.sourcePath, page.reference.description, stamp,
                                     page.content.utf8.count, pageID])
            }
        } else {
            try db.execute(sql: """
                INSERT INTO page (content_hash, hash_basis, source_path, reference_date, ingested_at, byte_count)
                VALUES (?, 'normalised', ?, ?, ?, ?)
                """, arguments: [page.identity.textHash, page.sourcePath, page.reference.description, stamp, page.content.utf8.count])
            pageID = db.lastInsertedRowID
        }
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
        return outcome
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
        return try reader.read { db in
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
        return try reader.read { db in
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
        return try reader.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// Every observation, in a stable order, visited one at a time (export streams rather than loading all).
    public func forEachObservation(_ body: (StoredObservation) throws -> Void) throws {
        try reader.read { db in
            let cursor = try Row.fetchCursor(db, sql: Self.selectColumns + " ORDER BY p.id, o.id")
            while let row = try cursor.next() { try body(Self.decode(row)) }
        }
    }

    public struct Counts: Sendable { public var pages: Int; public var observations: Int }

    public func counts() throws -> Counts {
        try reader.read { db in
            Counts(pages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0,
                   observations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation") ?? 0)
        }
    }

    /// Subjects that have at least one observation, for "did you mean" messages.
    public func subjects() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM observation ORDER BY subject") }
    }
}
