import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import FiguresExtraction
import FiguresQuantities

/// An observation as stored: the spec's fields plus where it came from.
public struct StoredObservation: Sendable, Hashable {
    public var observation: Observation
    /// The page's source path as ingested.
    public var page: String
    public var pageHash: String
    public var extractorVersion: String
    /// The observation's row id (0 when not read from a database).
    public var id: Int64 = 0
    /// When its page was (last) ingested, ISO 8601 UTC.
    public var ingestedAt: String = ""
    /// What a rate covers (fentanyl duties, steel and aluminium, autos…), where the text names it: the
    /// `scope` column of schema v3 (NULL until extraction sets it).
    public var scope: String? = nil

    public init(observation: Observation, page: String, pageHash: String, extractorVersion: String, id: Int64 = 0,
                ingestedAt: String = "", scope: String? = nil) {
        self.observation = observation
        self.page = page
        self.pageHash = pageHash
        self.extractorVersion = extractorVersion
        self.id = id
        self.ingestedAt = ingestedAt
        self.scope = scope
    }

    /// The day the figure is about: its date, else the last day of its period (company results, macro).
    public var day: Day? {
        if let d = observation.date { return Day(iso: d) }
        return observation.period.flatMap(PeriodRange.init)?.last
    }
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
///
/// Subjects and metrics match without regard to case. A row with a period and no date (company results,
/// macro figures) matches a date filter when its period overlaps the dates asked for (see `PeriodRange`).
public struct ObservationFilter: Sendable {
    public var subject: String?
    /// Stored subject spellings, any of which matches (what `SubjectNames.resolve` gives).
    public var subjects: [String]?
    public var metric: String?
    public var kind: String?
    public var on: Day?
    public var from: Day?
    public var to: Day?
    /// The period as stored (`1w`, `2025-Q3`), or a calendar period (`2025`, `2025-Q3`) that a row's period lies within.
    public var period: String?
    public var target: String?
    public init(subject: String? = nil, subjects: [String]? = nil, metric: String? = nil, kind: String? = nil, on: Day? = nil,
                from: Day? = nil, to: Day? = nil, period: String? = nil, target: String? = nil) {
        self.subject = subject
        self.subjects = subjects
        self.metric = metric
        self.kind = kind
        self.on = on
        self.from = from
        self.to = to
        self.period = period
        self.target = target
    }

    var first: Day? { on ?? from }
    var last: Day? { on ?? to }

    /// SQL conditions (a superset of the rows: period rows are checked again by `keeps`).
    func sql() -> (String, [any DatabaseValueConvertible]) {
        var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
        if let s = subject { clauses.append("o.subject = ? COLLATE NOCASE"); args.append(s) }
        if let list = subjects {
            clauses.append("o.subject IN (" + (list.isEmpty ? "NULL" : list.map { _ in "?" }.joined(separator: ",")) + ")")
            args += list.map { $0 as any DatabaseValueConvertible }
        }
        if let m = metric { clauses.append("o.metric = ? COLLATE NOCASE"); args.append(m) }
        if let k = kind { clauses.append("o.kind = ? COLLATE NOCASE"); args.append(k) }
        if let t = target { clauses.append("o.target = ? COLLATE NOCASE"); args.append(t) }
        if period != nil { clauses.append("o.period IS NOT NULL") }
        var dated: [String] = []
        if let d = first { dated.append("o.date >= ?"); args.append(d.description) }
        if let d = last { dated.append("o.date <= ?"); args.append(d.description) }
        if !dated.isEmpty { clauses.append("((" + dated.joined(separator: " AND ") + ") OR (o.date IS NULL AND o.period IS NOT NULL))") }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), args)
    }

    /// The checks SQL does not make: a period-only row's period against the dates, and `period`.
    public func keeps(_ row: StoredObservation) -> Bool {
        let o = row.observation
        if o.date == nil, first != nil || last != nil {
            guard let range = o.period.flatMap(PeriodRange.init), range.overlaps(from: first, to: last) else { return false }
        }
        if let period {
            guard let p = o.period else { return false }
            if p.lowercased() != period.lowercased() {
                guard let want = PeriodRange(period), let have = PeriodRange(p), have.first >= want.first, have.last <= want.last else { return false }
            }
        }
        return true
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
    /// The observation table has the `scope` column (schema v3; an older file read by a reader has none).
    let hasScope: Bool

    /// `PRAGMA application_id` of a figures database ("FIGS"), set by the migration to schema v2:
    /// what tells a figures database from any other SQLite file.
    public static let applicationID: Int32 = 0x4649_4753
    /// `PRAGMA user_version` this build writes and reads: the number of the last migration it knows.
    public static let schemaVersion = 4

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
        self.hasScope = true
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

    /// A page's title: its first non-empty line, trimmed, at most 200 characters.
    public static func title(of text: String) -> String? {
        // line by line up to the first that is not blank (splitting the whole page into lines first cost
        // more than extracting it)
        var lineStart = text.startIndex
        var i = text.startIndex
        while true {
            let atEnd = i == text.endIndex
            if atEnd || text[i] == "\n" || text[i] == "\r\n" || text[i] == "\r" {
                if lineStart < i {
                    let t = text[lineStart..<i].trimmingCharacters(in: .whitespacesAndNewlines)
                    if !t.isEmpty { return String(t.prefix(200)) }
                }
                if atEnd { return nil }
                i = text.index(after: i)
                lineStart = i
            } else {
                i = text.index(after: i)
            }
        }
    }

    /// A stored page's text and provenance, for `reextract`.
    public struct StoredPageText: Sendable {
        public var id: Int64
        public var text: String
        public var sourcePath: String
        public var referenceDate: String
        public var ingestedAt: String
    }

    /// Up to `limit` pages that have their text stored, with ids above `id`, by id.
    public func pagesWithText(after id: Int64, limit: Int) throws -> [StoredPageText] {
        try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, text, source_path, reference_date, ingested_at FROM page
                WHERE text IS NOT NULL AND id > ? ORDER BY id LIMIT ?
                """, arguments: [id, limit]).map {
                StoredPageText(id: $0["id"], text: $0["text"], sourcePath: $0["source_path"], referenceDate: $0["reference_date"],
                               ingestedAt: $0["ingested_at"])
            }
        }
    }

    /// Pages stored without their text (before schema v4): `reextract` cannot extract them again.
    public func pagesWithoutText() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page WHERE text IS NULL") ?? 0 }
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
        /// When set (by `reextract`), the page keeps this ingest time instead of the time of this write.
        public var ingestedAt: String?

        public init(content: String, identity: PageIdentity? = nil, sourcePath: String, reference: Day, extraction: Extraction,
                    policy: StoredPagePolicy = .keep, ingestedAt: String? = nil) {
            self.ingestedAt = ingestedAt
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
        let stamp = page.ingestedAt ?? stamp
        let title = Self.title(of: page.content), source = page.extraction.source
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

    /// ISO 8601 UTC timestamp, without a formatter object per page.
    static func timestamp(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: t >= 0 ? t / 86400 : (t - 86399) / 86400)
        let secs = ((t % 86400) + 86400) % 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
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

    /// Observations matching the filter, by date (a period-only row by its period's last day) then subject.
    public func observations(matching f: ObservationFilter) throws -> [StoredObservation] {
        let (whereClause, args) = f.sql()
        let sql = selectColumns + whereClause + " ORDER BY o.date IS NULL, o.date, o.kind, o.subject, o.metric, o.id"
        let rows = try reader.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(Self.decode)
        }
        return rows.filter(f.keeps)
    }

    /// Per subject and metric (and target, and period for dated rows), the latest value on or before `day`:
    /// a dated row by its date, a period-only row (company results, macro) by its period's last day, one
    /// row per length of period (a quarter, nine months, a year). Values stated differently for that day
    /// are settled by `SeriesRule` (most sources agree, then the latest ingested).
    public func latest(asOf day: Day, subject: String?, metric: String?, kind: String?) throws -> [StoredObservation] {
        try latest(asOf: day, matching: ObservationFilter(subject: subject, metric: metric, kind: kind))
    }

    public func latest(asOf day: Day, matching filter: ObservationFilter) throws -> [StoredObservation] {
        var f = filter
        f.on = nil; f.from = nil; f.to = day
        var groups: [String: [StoredObservation]] = [:]
        for row in try observations(matching: f) {
            guard let d = row.day, d <= day else { continue }
            let o = row.observation
            let span: String
            if o.date == nil, let range = o.period.flatMap(PeriodRange.init) {
                span = "span \(Int((Double(range.last.ordinal - range.first.ordinal) / 30.4).rounded()))"
            } else {
                span = o.period ?? ""
            }
            let key = [o.kind, SubjectNames.key(o.subject), o.metric, o.target ?? "", span].joined(separator: "\u{1}")
            groups[key, default: []].append(row)
        }
        let chosen = groups.values.compactMap { rows -> StoredObservation? in
            let last = rows.compactMap(\.day).max()
            return SeriesRule.choose(rows.filter { $0.day == last })?.chosen
        }
        return chosen.sorted { ($0.observation.kind, $0.observation.subject, $0.observation.metric, $0.observation.target ?? "", $0.observation.period ?? "")
            < ($1.observation.kind, $1.observation.subject, $1.observation.metric, $1.observation.target ?? "", $1.observation.period ?? "") }
    }

    /// Tariff observations, oldest first.
    public func tariffs(subject: String?, target: String?, since: Day?) throws -> [StoredObservation] {
        try tariffs(subjects: subject.map { [$0] }, targets: target.map { [$0] }, since: since)
    }

    /// Tariff observations levied by any of `subjects` on any of `targets` (stored spellings, any case), oldest first.
    public func tariffs(subjects: [String]?, targets: [String]?, since: Day?) throws -> [StoredObservation] {
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

    /// Every observation, in a stable order, visited one at a time (export streams rather than loading all).
    public func forEachObservation(_ body: (StoredObservation) throws -> Void) throws {
        try forEachObservation(matching: ObservationFilter(), body)
    }

    /// The observations matching a filter, in page order, visited one at a time.
    public func forEachObservation(matching f: ObservationFilter, _ body: (StoredObservation) throws -> Void) throws {
        let (whereClause, args) = f.sql()
        try reader.read { db in
            let cursor = try Row.fetchCursor(db, sql: selectColumns + whereClause + " ORDER BY p.id, o.id", arguments: StatementArguments(args))
            while let row = try cursor.next() {
                let item = Self.decode(row)
                if f.keeps(item) { try body(item) }
            }
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

    /// The subject names of this database: what `query`, `series`, `plot` and `tariffs` resolve names with.
    public func subjectNames() throws -> SubjectNames {
        SubjectNames(storedSubjects: try subjects())
    }

    /// Targets that have at least one observation (countries charged, tenors…).
    public func targets() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT target FROM observation WHERE target IS NOT NULL ORDER BY target") }
    }

    /// Metrics that have at least one observation.
    public func metrics() throws -> [String] {
        try reader.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT metric FROM observation ORDER BY metric") }
    }

    /// The extractor versions that wrote the observations, most recent first.
    public func extractorVersions() throws -> [String] {
        try reader.read { db in
            try String.fetchAll(db, sql: "SELECT extractor_version FROM observation GROUP BY extractor_version ORDER BY MAX(id) DESC")
        }
    }

    /// What is stored about one subject (sector spellings of both scripts counted as one).
    public struct SubjectSummary: Sendable, Hashable {
        public var id: String
        public var kind: String
        public var metrics: [String]
        public var count: Int
        /// Earliest and latest day: dates, and the first and last days of periods.
        public var first: Day?
        public var last: Day?
    }

    /// Per subject and kind: its metrics, number of observations, first and last day.
    public func subjectSummaries() throws -> [SubjectSummary] {
        let rows = try reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT subject, kind, metric, COUNT(*) AS n, MIN(date) AS first, MAX(date) AS last, period
                FROM observation GROUP BY subject, kind, metric, date IS NULL, CASE WHEN date IS NULL THEN period END
                """)
        }
        let names = SubjectNames(storedSubjects: Set(rows.map { $0["subject"] as String }).sorted())
        var out: [String: SubjectSummary] = [:]
        for row in rows {
            let id = names.canonical(row["subject"])
            let kind: String = row["kind"]
            let key = SubjectNames.key(id) + "\u{1}" + kind
            var s = out[key] ?? SubjectSummary(id: id, kind: kind, metrics: [], count: 0, first: nil, last: nil)
            let metric: String = row["metric"]
            if !s.metrics.contains(metric) { s.metrics.append(metric) }
            s.count += row["n"] as Int
            var days = [Day?]()
            if let f: String = row["first"] { days += [Day(iso: f), Day(iso: row["last"] as String? ?? f)] }
            else if let p: String = row["period"], let r = PeriodRange(p) { days += [r.first, r.last] }
            for case let d? in days {
                s.first = min(s.first ?? d, d)
                s.last = max(s.last ?? d, d)
            }
            out[key] = s
        }
        return out.values.map { var s = $0; s.metrics.sort(); return s }.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }
}
