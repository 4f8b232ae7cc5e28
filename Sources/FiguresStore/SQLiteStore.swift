import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import FiguresExtraction
import FiguresQuantities

/// The SQLite store: pages and their observations, with migrations, WAL and foreign keys on.
///
/// Opened either for writing (ingest: creates and migrates the schema) or for reading (query, export,
/// reports: a read-only connection that runs no migration and never changes the file, and in WAL mode
/// never waits for a writer). Both refuse a file that is not a figures database, or one made by a newer
/// figures, before touching it.
final class SQLiteStore: StoreBackend {
    let path: String
    var location: String { path }
    /// The read API goes through this: the writer's pool, or a read-only queue.
    let reader: any DatabaseReader
    /// Nil when opened for reading.
    let writer: DatabasePool?
    /// The observation table has the `scope` column (schema v3; an older file read by a reader has none).
    let hasScope: Bool

    /// Opens the database for writing: creates it when the file is missing or empty, migrates it to this
    /// build's schema. Refuses a file that is not a figures database or was made by a newer figures.
    init(writingAt path: String) throws {
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
        self.hasScope = true
    }

    /// Opens an existing figures database for reading only: no migration, no write, no lock held against
    /// writers. Refuses a missing or empty file, a file that is not a figures database, or a newer one.
    init(readingAt path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let (queue, contents) = try Self.openReadOnly(path: path)
        guard contents == .figures else {
            try? queue.close()
            throw contents.refusal(path: path)
        }
        self.reader = queue
        self.writer = nil
        self.hasScope = (try? queue.read { db in try db.columns(in: "observation").contains { $0.name == "scope" } }) ?? false
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
        if applicationID == FiguresStore.applicationID {
            let superseded = try migrator.hasBeenSuperseded(db)
            if userVersion > FiguresStore.schemaVersion || superseded { return .newerFigures(schemaVersion: userVersion) }
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
            try db.execute(sql: "PRAGMA application_id = \(FiguresStore.applicationID)")
            try db.execute(sql: "PRAGMA user_version = 2")
            // content_hash is, from now on, the hash of the page's normalised text (PageIdentity.textHash).
            // Pages stored before keep the hash of their text as read: the text is not stored, so it cannot be
            // recomputed. hash_basis says which a row holds.
            try db.alter(table: "page") { t in
                t.add(column: "hash_basis", .text).notNull().defaults(to: "bytes")
            }
        }
        migrator.registerMigration("v3: scope, views for other tools") { db in
            try db.execute(sql: "PRAGMA user_version = 3")
            // what a tariff or rate covers (fentanyl duties, steel and aluminium, autos), where the text names it
            try db.alter(table: "observation") { t in t.add(column: "scope", .text) }
            try db.execute(sql: Self.viewsSQL)
        }
        migrator.registerMigration("v4: page text, title and source; views latest and series") { db in
            try db.execute(sql: "PRAGMA user_version = 4")
            // the page's decoded text, stored plain (no compression: Foundation on Linux has no zlib API), so
            // that `figures reextract` can extract it again; NULL for pages stored before this migration
            try db.alter(table: "page") { t in
                t.add(column: "text", .text)
                t.add(column: "title", .text)
                t.add(column: "source", .text)
            }
            try db.execute(sql: "DROP VIEW latest_value; DROP VIEW observation_view;")
            try db.execute(sql: Self.viewsV4SQL)
        }
        return migrator
    }

    /// Views for Datasette and `sqlite3`, created by the v3 migration (readers never create them):
    /// - `observation_view`: every observation with its page's path, reference date and ingest time, and
    ///   `day`: its date, else the last day of its period (years, quarters, months, spans of them);
    /// - `latest_value`: per subject, metric, target and period, the row with the latest day (then the
    ///   latest ingested);
    /// - `tariff_changes`: the tariffs report's columns (levied_by, on, scope, previous, new, new_high,
    ///   change_pp, measure, date, qualifier, text, page);
    /// - `subjects`: per subject and kind, its metrics, count, first and last date or period.
    static let viewsSQL = """
        CREATE VIEW observation_view AS
          SELECT o.id, o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.scope,
                 o.date, o.period,
                 COALESCE(o.date,
                   CASE
                     WHEN o.period GLOB '[12][0-9][0-9][0-9]' THEN o.period || '-12-31'
                     WHEN o.period GLOB '*[12][0-9][0-9][0-9]-Q[1-4]' THEN substr(o.period, -7, 4) || '-' ||
                       CASE substr(o.period, -1) WHEN '1' THEN '03-31' WHEN '2' THEN '06-30' WHEN '3' THEN '09-30' ELSE '12-31' END
                     WHEN o.period GLOB '*[12][0-9][0-9][0-9]-[01][0-9]' THEN date(substr(o.period, -7) || '-01', '+1 month', '-1 day')
                   END) AS day,
                 o.text, o.start, o.end, o.extractor_version, o.rule,
                 p.source_path AS page, p.reference_date AS page_reference_date, p.ingested_at AS page_ingested_at, o.page_id
          FROM observation o JOIN page p ON p.id = o.page_id;
        CREATE VIEW latest_value AS
          SELECT * FROM (
            SELECT v.*, ROW_NUMBER() OVER (PARTITION BY v.subject, v.metric, COALESCE(v.target, ''), COALESCE(v.period, '')
                                           ORDER BY v.day DESC, v.page_ingested_at DESC, v.id DESC) AS n
            FROM observation_view v WHERE v.day IS NOT NULL)
          WHERE n = 1;
        CREATE VIEW tariff_changes AS
          SELECT o.subject AS levied_by, o.target AS "on", o.scope, o.previous, o.value AS new, o.value_high AS new_high,
                 CASE WHEN o.previous IS NULL THEN NULL ELSE round(o.value - o.previous, 6) END AS change_pp,
                 CASE o.metric WHEN 'tariff_rate' THEN 'rate' WHEN 'tariff_exempt_share' THEN 'exempt share' ELSE o.metric END AS measure,
                 o.date, o.qualifier, o.text, p.source_path AS page
          FROM observation o JOIN page p ON p.id = o.page_id WHERE o.kind = 'tariff';
        CREATE VIEW subjects AS
          SELECT subject, kind, group_concat(DISTINCT metric) AS metrics, COUNT(*) AS count,
                 MIN(COALESCE(date, period)) AS first, MAX(COALESCE(date, period)) AS last
          FROM observation GROUP BY subject, kind;
        """

    /// Views of schema v4 (replacing v3's `observation_view` and `latest_value`):
    /// - `observation_view`: as in v3, plus the page's `page_title` and `page_source`;
    /// - `series`: one row per subject, metric, target (NULL for most) and date (or period, for a period-only row; dated rows with a
    ///   relative period such as `1w` are left out, as `figures series` does) with the value `SeriesRule`
    ///   chooses — the value most observations state (values compared to 9 decimals), on a tie the one from
    ///   the page ingested last, then the highest row id — and `sources`, `agree`, `disagree`, `pages`;
    /// - `latest`: per kind, subject, metric, target and period (a period-only row by the period's shape:
    ///   year, half, quarter, month, span), the row of `series`' rule on the latest day;
    /// - `latest_value`: the same rows as `latest` (its v3 name).
    static let viewsV4SQL = """
        CREATE VIEW observation_view AS
          SELECT o.id, o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.scope,
                 o.date, o.period,
                 COALESCE(o.date,
                   CASE
                     WHEN o.period GLOB '[12][0-9][0-9][0-9]' THEN o.period || '-12-31'
                     WHEN o.period GLOB '*[12][0-9][0-9][0-9]-H[12]' THEN substr(o.period, -7, 4) || CASE substr(o.period, -1) WHEN '1' THEN '-06-30' ELSE '-12-31' END
                     WHEN o.period GLOB '*[12][0-9][0-9][0-9]-Q[1-4]' THEN substr(o.period, -7, 4) || '-' ||
                       CASE substr(o.period, -1) WHEN '1' THEN '03-31' WHEN '2' THEN '06-30' WHEN '3' THEN '09-30' ELSE '12-31' END
                     WHEN o.period GLOB '*[12][0-9][0-9][0-9]-[01][0-9]' THEN date(substr(o.period, -7) || '-01', '+1 month', '-1 day')
                   END) AS day,
                 o.text, o.start, o.end, o.extractor_version, o.rule,
                 p.source_path AS page, p.reference_date AS page_reference_date, p.ingested_at AS page_ingested_at, o.page_id,
                 p.title AS page_title, p.source AS page_source
          FROM observation o JOIN page p ON p.id = o.page_id;
        CREATE VIEW series AS
          SELECT subject, metric, label AS date, day, value, value_high, unit, kind, target, period, sources, agree,
                 sources - agree AS disagree, pages, id AS observation_id, page
          FROM (
            SELECT g.*, ROW_NUMBER() OVER (PARTITION BY g.subject COLLATE NOCASE, g.metric COLLATE NOCASE, COALESCE(g.target, ''), g.label
                                           ORDER BY g.agree DESC, g.page_ingested_at DESC, g.id DESC) AS choice
            FROM (
              SELECT v.*, COALESCE(v.date, v.period) AS label,
                     COUNT(*) OVER (PARTITION BY v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''), COALESCE(v.date, v.period),
                                    round(v.value, 9), round(COALESCE(v.value_high, -1e300), 9)) AS agree,
                     COUNT(*) OVER (PARTITION BY v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''), COALESCE(v.date, v.period)) AS sources,
                     -- distinct pages (SQLite has no COUNT(DISTINCT) window): dense ranks up plus down, minus one
                     DENSE_RANK() OVER (PARTITION BY v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''), COALESCE(v.date, v.period) ORDER BY v.page_id)
                       + DENSE_RANK() OVER (PARTITION BY v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''), COALESCE(v.date, v.period) ORDER BY v.page_id DESC)
                       - 1 AS pages
              FROM observation_view v
              WHERE v.day IS NOT NULL AND NOT (v.date IS NOT NULL AND v.period IS NOT NULL)) g)
          WHERE choice = 1;
        CREATE VIEW latest AS
          SELECT id, kind, subject, metric, value, value_high, unit, previous, target, qualifier, scope, date, period, day,
                 sources, agree, sources - agree AS disagree, text, page, page_reference_date, page_ingested_at, page_title, page_source
          FROM (
            SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.kind, c.subject COLLATE NOCASE, c.metric COLLATE NOCASE, c.target_key, c.span
                                           ORDER BY c.day DESC, c.agree DESC, c.page_ingested_at DESC, c.id DESC) AS n
            FROM (
              SELECT v.*, COALESCE(v.target, '') AS target_key,
                     CASE WHEN v.date IS NOT NULL THEN COALESCE(v.period, '')
                          WHEN v.period GLOB '[12][0-9][0-9][0-9]' THEN 'year'
                          WHEN v.period GLOB '[12][0-9][0-9][0-9]-H[12]' THEN 'half'
                          WHEN v.period GLOB '[12][0-9][0-9][0-9]-Q[1-4]' THEN 'quarter'
                          WHEN v.period GLOB '[12][0-9][0-9][0-9]-[01][0-9]' THEN 'month'
                          ELSE 'span ' || v.period END AS span,
                     COUNT(*) OVER (PARTITION BY v.kind, v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''),
                                    v.day, COALESCE(v.period, ''), round(v.value, 9), round(COALESCE(v.value_high, -1e300), 9)) AS agree,
                     COUNT(*) OVER (PARTITION BY v.kind, v.subject COLLATE NOCASE, v.metric COLLATE NOCASE, COALESCE(v.target, ''),
                                    v.day, COALESCE(v.period, '')) AS sources
              FROM observation_view v WHERE v.day IS NOT NULL) c)
          WHERE n = 1;
        CREATE VIEW latest_value AS SELECT * FROM latest;
        """

    /// Up to `limit` pages that have their text stored, with ids above `id`, by id.
    func pagesWithText(after id: Int64, limit: Int) throws -> [FiguresStore.StoredPageText] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, text, source_path, reference_date, ingested_at FROM page
                WHERE text IS NOT NULL AND id > ? ORDER BY id LIMIT ?
                """, arguments: [id, limit]).map {
                FiguresStore.StoredPageText(id: $0["id"], text: $0["text"], sourcePath: $0["source_path"], referenceDate: $0["reference_date"],
                               ingestedAt: $0["ingested_at"])
            }
        }
    }

    /// Pages stored without their text (before schema v4): `reextract` cannot extract them again.
    func pagesWithoutText() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page WHERE text IS NULL") ?? 0 }
    }

    /// The reference date a page with this content was stored with, or nil when it is not stored.
    func storedReferenceDate(of identity: PageIdentity) throws -> String? {
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

    /// Writes a page already extracted, in one transaction.
    func store(_ page: FiguresStore.PageToStore, stamp: String) throws -> IngestOutcome {
        try requireWriter().write { db in try Self.write(page, stamp: stamp, db) }
    }

    /// Writes many pages in one transaction, each page inside its own savepoint: a page that fails is
    /// rolled back alone and reported, the others are kept. One commit for the lot matters for speed:
    /// every commit copies the index pages it touched into the write-ahead log, and a page's figures
    /// touch index pages all over (subjects, metrics and dates come in no order).
    ///
    /// A failure of the database rather than of a page (see `isStorageFailure`) stops the batch there:
    /// the pages before it are committed when the transaction still can be, and every later page would
    /// only fail the same way. Throws when nothing of the batch could be committed.
    func store(_ pages: [FiguresStore.PageToStore], stamp: String) throws -> FiguresStore.BatchOutcome {
        try requireWriter().write { db in
            var outcome = FiguresStore.BatchOutcome(results: [], storageFailure: nil)
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
                    if Self.isStorageFailure(error) ?? false {
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
    /// every page after it the same way. Nil for an error that is not SQLite's.
    static func isStorageFailure(_ error: any Error) -> Bool? {
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE: return false
        default: return true
        }
    }

    /// An error in a few words (SQLite's message, without the statement that met it); nil for another's error.
    static func reason(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// Writes the page row and its observations; for a page stored already, what `StoredPageAction` says:
    /// `.unchanged`, or its observations replaced by the new extraction (another process may have stored the
    /// page since the caller looked).
    static func write(_ page: FiguresStore.PageToStore, stamp: String, _ db: Database) throws -> IngestOutcome {
        let pageID: Int64
        let stamp = page.ingestedAt ?? stamp
        let title = FiguresStore.title(of: page.content), source = page.extraction.source
        var outcome = IngestOutcome(status: .new, observationsAdded: page.extraction.observations.count, storedReferenceDate: nil)
        if let stored = try storedPage(page.identity, db) {
            switch StoredPageAction(policy: page.policy, storedReferenceDate: stored.referenceDate, reference: page.reference) {
            case .keep(let storedReferenceDate):
                return .unchanged(storedReferenceDate: storedReferenceDate)
            case .reextract(let storedReferenceDate):
                pageID = stored.id
                try db.execute(sql: "DELETE FROM observation WHERE page_id = ?", arguments: [pageID])
                outcome.status = .reextracted
                outcome.observationsRemoved = db.changesCount
                outcome.storedReferenceDate = storedReferenceDate
                // the row takes the normalised hash if it had the old kind: no row has that hash, or the
                // lookup would have found that row first
                try db.execute(sql: """
                    UPDATE page SET content_hash = ?, hash_basis = 'normalised', source_path = ?, reference_date = ?,
                                    ingested_at = ?, byte_count = ?, text = ?, title = ?, source = ?
                    WHERE id = ?
                    """, arguments: [page.identity.textHash, page.sourcePath, page.reference.description, stamp,
                                     page.content.utf8.count, page.content, title, source, pageID])
            }
        } else {
            try db.execute(sql: """
                INSERT INTO page (content_hash, hash_basis, source_path, reference_date, ingested_at, byte_count, text, title, source)
                VALUES (?, 'normalised', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [page.identity.textHash, page.sourcePath, page.reference.description, stamp, page.content.utf8.count,
                                 page.content, title, source])
            pageID = db.lastInsertedRowID
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO observation (page_id, kind, subject, metric, value, value_high, unit, previous, target, qualifier,
                                     date, period, text, start, end, extractor_version, rule, scope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // The rows are bound and stepped with SQLite's own calls on GRDB's cached statement: GRDB's arguments
        // (an array of boxed values a row, each string copied to a C string) cost as much as SQLite's insert.
        // The values stored are the same: text as text (copied by SQLite), numbers as REAL or INTEGER, nil as NULL.
        let statement = insert.sqliteStatement
        for o in page.extraction.observations {
            sqlite3_reset(statement)
            var k: Int32 = 0
            func next() -> Int32 { k += 1; return k }
            sqlite3_bind_int64(statement, next(), pageID)
            bindText(o.kind, statement, next()); bindText(o.subject, statement, next()); bindText(o.metric, statement, next())
            sqlite3_bind_double(statement, next(), o.value)
            bindDouble(o.valueHigh, statement, next())
            bindText(o.unit, statement, next())
            bindDouble(o.previous, statement, next())
            bindText(o.target, statement, next()); bindText(o.qualifier, statement, next()); bindText(o.date, statement, next())
            bindText(o.period, statement, next()); bindText(o.text, statement, next())
            sqlite3_bind_int64(statement, next(), Int64(o.start)); sqlite3_bind_int64(statement, next(), Int64(o.end))
            bindText(extractorVersion, statement, next()); bindText(o.rule, statement, next()); bindText(o.scope, statement, next())
            let code = sqlite3_step(statement)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(statement)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: insert.sql)
            }
        }
        sqlite3_reset(statement)
        return outcome
    }

    /// SQLite copies the bytes (SQLITE_TRANSIENT), as GRDB binds strings.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bindText(_ value: String?, _ statement: OpaquePointer, _ index: Int32) {
        guard var value else { sqlite3_bind_null(statement, index); return }
        value.withUTF8 { bytes in
            // an empty string is text, not NULL: a non-nil pointer of length 0
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress {
                    sqlite3_bind_text(statement, index, base, Int32(chars.count), transient)
                } else {
                    sqlite3_bind_text(statement, index, "", 0, transient)
                }
            }
        }
    }

    private static func bindDouble(_ value: Double?, _ statement: OpaquePointer, _ index: Int32) {
        if let value { sqlite3_bind_double(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }


    /// The columns `decode` reads (`scope` as NULL from a file older than schema v3).
    var selectColumns: String {
        """
        SELECT o.id, o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.date, o.period,
               o.text, o.start, o.end, o.rule, o.extractor_version, \(hasScope ? "o.scope" : "NULL AS scope"),
               p.source_path, p.content_hash, p.ingested_at
        FROM observation o JOIN page p ON p.id = o.page_id
        """
    }

    static func decode(_ row: Row) -> StoredObservation {
        var o = Observation(kind: row["kind"], subject: row["subject"], metric: row["metric"], value: row["value"],
                            valueHigh: row["value_high"], unit: row["unit"], previous: row["previous"], target: row["target"],
                            qualifier: row["qualifier"], date: row["date"], period: row["period"], text: row["text"],
                            start: row["start"], end: row["end"], rule: row["rule"])
        o.scope = row["scope"]
        return StoredObservation(observation: o, page: row["source_path"], pageHash: row["content_hash"], extractorVersion: row["extractor_version"],
                                 id: row["id"], ingestedAt: row["ingested_at"], scope: row["scope"])
    }

    /// Observations that the filter's SQL keeps (`FiguresStore` applies `keeps`), by date then subject.
    func observations(prefiltered f: ObservationFilter) throws -> [StoredObservation] {
        let (whereClause, args) = f.sql()
        let sql = selectColumns + whereClause + " ORDER BY o.date IS NULL, o.date, o.kind, o.subject, o.metric, o.id"
        return try reader.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// Per subject and metric (and target, and period for dated rows), the latest value on or before `day`:


    /// Tariff observations levied by any of `subjects` on any of `targets` (stored spellings, any case), oldest first.
    func tariffs(subjects: [String]?, targets: [String]?, since: Day?) throws -> [StoredObservation] {
        var clauses = ["o.kind = 'tariff'"], args: [any DatabaseValueConvertible] = []
        for (column, list) in [("o.subject", subjects), ("o.target", targets)] {
            guard let list else { continue }
            clauses.append("(" + (list.isEmpty ? "0" : list.map { _ in "\(column) = ? COLLATE NOCASE" }.joined(separator: " OR ")) + ")")
            args += list.map { $0 as any DatabaseValueConvertible }
        }
        if let d = since { clauses.append("(o.date IS NULL OR o.date >= ?)"); args.append(d.description) }
        let sql = selectColumns + " WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY o.subject, o.target, o.date IS NULL, o.date, o.id"
        return try reader.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
    }

    /// The observations that the filter's SQL keeps, in page order, visited one at a time.
    func forEachObservation(prefiltered f: ObservationFilter, _ body: (StoredObservation) throws -> Void) throws {
        let (whereClause, args) = f.sql()
        try reader.read { db in
            let cursor = try Row.fetchCursor(db, sql: selectColumns + whereClause + " ORDER BY p.id, o.id", arguments: StatementArguments(args))
            while let row = try cursor.next() {
                try body(Self.decode(row))
            }
        }
    }

    func counts() throws -> FiguresStore.Counts {
        try reader.read { db in
            FiguresStore.Counts(pages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0,
                   observations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observation") ?? 0)
        }
    }

    /// Subjects that have at least one observation, for "did you mean" messages.
    func subjects() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT subject FROM observation ORDER BY subject") }
    }

    /// Targets that have at least one observation (countries charged, tenors…).
    func targets() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT target FROM observation WHERE target IS NOT NULL ORDER BY target") }
    }

    /// Metrics that have at least one observation.
    func metrics() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT metric FROM observation ORDER BY metric") }
    }

    /// The extractor versions that wrote the observations, most recent first.
    func extractorVersions() throws -> [String] {
        try reader.read { db in
            try String.fetchAll(db, sql: "SELECT extractor_version FROM observation GROUP BY extractor_version ORDER BY MAX(id) DESC")
        }
    }

    /// Observations per subject, kind and metric, dated rows apart from period-only rows by period.
    func subjectGroups() throws -> [FiguresStore.SubjectGroup] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT subject, kind, metric, COUNT(*) AS n, MIN(date) AS first, MAX(date) AS last, period
                FROM observation GROUP BY subject, kind, metric, date IS NULL, CASE WHEN date IS NULL THEN period END
                """).map {
                FiguresStore.SubjectGroup(subject: $0["subject"], kind: $0["kind"], metric: $0["metric"], count: $0["n"],
                                          first: $0["first"], last: $0["last"], period: $0["period"])
            }
        }
    }
}
