import Foundation
import PostgresNIO
import FiguresExtraction
import FiguresQuantities

/// The PostgreSQL store: the schema of the SQLite store on a server that many figures processes write to
/// at once.
///
/// - Identity: the table `figures_meta` holds the application id and the schema version (SQLite's
///   `application_id` and `user_version`); a schema with other tables and no `figures_meta` is refused as
///   foreign, one with a newer version as newer.
/// - Schema set-up (create, migrate) runs in one transaction under a transaction-scoped advisory lock, so
///   that two first writers do not both create the tables.
/// - A page is stored once: `page.content_hash` is unique, the insert is `ON CONFLICT DO NOTHING`, and a
///   page another writer stored first is then treated as stored (its row locked `FOR UPDATE` while its
///   observations are replaced). A batch is one transaction with a savepoint per page, as in SQLite; one
///   that meets a deadlock or a serialization failure is run again from its start.
/// - Same answers as SQLite: text columns use the "C" collation (byte order, as SQLite's BINARY), filters
///   that ignore case compare `lower()` of "C" text (ASCII only, as NOCASE), NULLs sort first where SQLite
///   puts them first.
///
/// postgres-nio is asynchronous; this store is used from synchronous code (the CLI, a writer queue), so
/// every call waits for its `EventLoopFuture` on the caller's thread (never an event-loop thread). A store
/// has one connection for reads and, when opened for writing, one for writes, each used by one caller at
/// a time.
final class PostgresStore: StoreBackend, @unchecked Sendable {
    let settings: PostgresLocation
    let location: String
    let reader: Connection
    let writer: Connection?

    init(url: String, writing: Bool) throws {
        let settings: PostgresLocation
        do { settings = try PostgresLocation(url: url) } catch {
            throw StoreError.badLocation(url: Self.redacted(url), reason: "\(error)")
        }
        self.settings = settings
        location = settings.display
        let first = try Connection.open(settings)
        do {
            if writing {
                try Self.setUpSchema(first, settings: settings)
                writer = first
                reader = try Connection.open(settings)
            } else {
                let contents = try Self.contents(first)
                guard case .figures = contents else { throw contents.refusal(path: settings.display) }
                writer = nil
                reader = first
            }
        } catch {
            first.close()
            throw error
        }
    }

    deinit {
        writer?.close()
        reader.close()
    }

    /// A URL with its password (if any) replaced, for a message about a URL that could not be read.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else { return url }
        let info = url[scheme.upperBound..<at]
        guard let colon = info.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    // MARK: connections

    /// One connection, used by one caller at a time (a recursive lock: a caller that reads while it
    /// visits rows uses the same connection).
    final class Connection: @unchecked Sendable {
        let connection: PostgresConnection
        let lock = NSRecursiveLock()
        static let logger: Logger = {
            var logger = Logger(label: "figures.postgres")
            logger.logLevel = .critical
            return logger
        }()

        init(_ connection: PostgresConnection) { self.connection = connection }

        static func open(_ settings: PostgresLocation) throws -> Connection {
            var configuration: PostgresConnection.Configuration
            if let socket = settings.socketPath {
                configuration = .init(unixSocketPath: socket, username: settings.user, password: settings.password, database: settings.database)
            } else {
                configuration = .init(host: settings.host, port: settings.port, username: settings.user, password: settings.password,
                                      database: settings.database, tls: try tls(settings.sslMode))
            }
            configuration.options.connectTimeout = .seconds(Int64(settings.connectTimeout))
            if let schema = settings.schema {
                configuration.options.additionalStartupParameters = [("search_path", PostgresStore.quoted(schema))]
            }
            do {
                let connection = try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                                id: 1, logger: logger).wait()
                return Connection(connection)
            } catch {
                throw StoreError.unreachable(location: settings.display, server: settings.serverDescription,
                                             reason: PostgresStore.reason(error) ?? "\(error)")
            }
        }

        static func tls(_ mode: PostgresLocation.SSLMode) throws -> PostgresConnection.Configuration.TLS {
            var tls = TLSConfiguration.makeClientConfiguration()
            switch mode {
            case .disable, .allow: return .disable
            case .prefer, .require: tls.certificateVerification = .none
            case .verifyCA: tls.certificateVerification = .noHostnameVerification
            case .verifyFull: tls.certificateVerification = .fullVerification
            }
            let context = try NIOSSLContext(configuration: tls)
            return mode == .prefer ? .prefer(context) : .require(context)
        }

        @discardableResult
        func query(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
            try lock.withLock {
                try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: Self.logger).wait()
            }
        }

        /// Runs `body` in a transaction (committed when it returns, rolled back when it throws), again from
        /// its start when the server aborts it to break a deadlock or for a serialization failure (unless
        /// `retrying` is false: a body that hands rows to a caller must not hand them twice).
        func transaction<T>(_ begin: String = "BEGIN", retrying: Bool = true, _ body: () throws -> T) throws -> T {
            try lock.withLock {
                var attempt = 0
                while true {
                    attempt += 1
                    try query(begin)
                    do {
                        let result = try body()
                        try query("COMMIT")
                        return result
                    } catch {
                        _ = try? query("ROLLBACK")
                        if retrying, attempt < 8, let state = PostgresStore.sqlState(error), state == "40P01" || state == "40001" {
                            Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.05) * Double(attempt))
                            continue
                        }
                        throw error
                    }
                }
            }
        }

        func close() {
            _ = try? connection.close().wait()
        }
    }

    /// An identifier in double quotes.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    // MARK: errors

    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Nil for an error that is not PostgreSQL's. A page's data refused (a data exception, a constraint, a
    /// trigger's exception, a value too large) is that page's failure; anything else (the connection lost,
    /// the disk full, the server shutting down) the database's.
    static func isStorageFailure(_ error: any Error) -> Bool? {
        guard let error = error as? PSQLError else { return nil }
        guard let state = error.serverInfo?[.sqlState] else { return true }
        return !(state.hasPrefix("22") || state.hasPrefix("23") || state == "P0001" || state == "54000")
    }

    /// The server's message (or what went wrong with the connection), without the statement.
    static func reason(_ error: any Error) -> String? {
        guard let error = error as? PSQLError else { return nil }
        if let message = error.serverInfo?[.message] {
            return message
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            if let underlying = error.underlying { return "\(error.code): \(Self.describe(underlying))" }
            return "\(error.code)"
        case .authMechanismRequiresPassword:
            return "the server asks for a password: give it in the URL (postgresql://user:password@…) or PGPASSWORD"
        default:
            return error.underlying.map(Self.describe) ?? "\(error.code)"
        }
    }

    static func describe(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        if let failure = error as? NIOConnectionError {
            if let first = failure.connectionErrors.first { return describe(first.error) }
            if failure.dnsAAAAError != nil || failure.dnsAError != nil { return "the host name could not be resolved" }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return "no answer (connect timeout)" }
        return "\(error)"
    }

    // MARK: schema

    enum Contents: Equatable {
        case empty, figures(version: Int), newer(version: Int), foreign(tables: [String])

        func refusal(path: String) -> StoreError {
            switch self {
            case .empty, .figures: return .empty(path: path)
            case .newer(let version): return .newer(path: path, schemaVersion: version)
            case .foreign(let tables): return .foreign(path: path, tables: tables)
            }
        }
    }

    /// What the connection's schema (the first of its search path) holds.
    static func contents(_ c: Connection) throws -> Contents {
        let tables = try c.query("""
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1
            """).map { try $0.decode(String.self) }
        if tables.isEmpty { return .empty }
        guard tables.contains("figures_meta") else { return .foreign(tables: tables) }
        var meta: [String: String] = [:]
        for row in try c.query("SELECT key, value FROM figures_meta") {
            let (key, value) = try row.decode((String, String).self)
            meta[key] = value
        }
        guard meta["application_id"] == String(FiguresStore.applicationID), let version = meta["schema_version"].flatMap(Int.init) else {
            return .foreign(tables: tables)
        }
        return version > FiguresStore.schemaVersion ? .newer(version: version) : .figures(version: version)
    }

    /// Creates the schema (or, later, migrates it) under an advisory lock held to the end of the transaction.
    static func setUpSchema(_ c: Connection, settings: PostgresLocation) throws {
        try c.transaction {
            var binds = PostgresBindings()
            binds.append(settings.schema ?? "")
            try c.query("SELECT pg_advisory_xact_lock(\(FiguresStore.applicationID), hashtext($1))", binds)
            if let schema = settings.schema {
                try c.query("CREATE SCHEMA IF NOT EXISTS \(quoted(schema))")
            }
            switch try contents(c) {
            case .empty:
                if try c.query("SELECT 1 FROM pg_namespace WHERE nspname = current_schema()").isEmpty {
                    throw StoreError.badLocation(url: settings.display, reason: "no schema to create the tables in (the search path names none that exists)")
                }
                for statement in schemaV4 { try c.query(statement) }
            case .figures(let version) where version == FiguresStore.schemaVersion:
                break
            case .figures:
                // no PostgreSQL schema older than v4 was ever written: the migrations will go here
                break
            case let other:
                throw other.refusal(path: settings.display)
            }
        }
    }

    /// Schema v4 in PostgreSQL: the tables, indexes and views of the SQLite store's migrations v1 to v4.
    static let schemaV4: [String] = [
        """
        CREATE TABLE figures_meta (key text COLLATE "C" PRIMARY KEY, value text COLLATE "C" NOT NULL)
        """,
        """
        INSERT INTO figures_meta (key, value) VALUES ('application_id', '\(FiguresStore.applicationID)'),
                                                     ('schema_version', '\(FiguresStore.schemaVersion)')
        """,
        """
        CREATE TABLE page (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          content_hash text COLLATE "C" NOT NULL UNIQUE,
          source_path text COLLATE "C" NOT NULL,
          reference_date text COLLATE "C" NOT NULL,
          ingested_at text COLLATE "C" NOT NULL,
          byte_count bigint NOT NULL,
          hash_basis text COLLATE "C" NOT NULL DEFAULT 'bytes',
          text text COLLATE "C",
          title text COLLATE "C",
          source text COLLATE "C"
        )
        """,
        """
        CREATE TABLE observation (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          page_id bigint NOT NULL REFERENCES page (id) ON DELETE CASCADE,
          kind text COLLATE "C" NOT NULL,
          subject text COLLATE "C" NOT NULL,
          metric text COLLATE "C" NOT NULL,
          value double precision NOT NULL CHECK (value <> 'NaN'),
          value_high double precision,
          unit text COLLATE "C",
          previous double precision,
          target text COLLATE "C",
          qualifier text COLLATE "C",
          date text COLLATE "C",
          period text COLLATE "C",
          text text COLLATE "C" NOT NULL,
          start bigint NOT NULL,
          "end" bigint NOT NULL,
          extractor_version text COLLATE "C" NOT NULL,
          rule text COLLATE "C" NOT NULL DEFAULT '',
          scope text COLLATE "C"
        )
        """,
        "CREATE INDEX observation_page_id ON observation (page_id)",
        "CREATE INDEX observation_subject_metric_date ON observation (subject, metric, date)",
        "CREATE INDEX observation_kind_date ON observation (kind, date)",
        // the views of SQLite's schema v4, in PostgreSQL's SQL (GLOB as regular expressions, NOCASE as
        // lower(), SQLite's date arithmetic as PostgreSQL's)
        """
        CREATE VIEW observation_view AS
          SELECT o.id, o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.scope,
                 o.date, o.period,
                 COALESCE(o.date,
                   CASE
                     WHEN o.period ~ '^[12][0-9]{3}$' THEN o.period || '-12-31'
                     WHEN o.period ~ '[12][0-9]{3}-H[12]$' THEN substr(right(o.period, 7), 1, 4) || CASE right(o.period, 1) WHEN '1' THEN '-06-30' ELSE '-12-31' END
                     WHEN o.period ~ '[12][0-9]{3}-Q[1-4]$' THEN substr(right(o.period, 7), 1, 4) || '-' ||
                       CASE right(o.period, 1) WHEN '1' THEN '03-31' WHEN '2' THEN '06-30' WHEN '3' THEN '09-30' ELSE '12-31' END
                     WHEN o.period ~ '[12][0-9]{3}-(0[1-9]|1[0-2])$'
                       THEN to_char(to_date(right(o.period, 7) || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day', 'YYYY-MM-DD')
                   END) COLLATE "C" AS day,
                 o.text, o.start, o."end", o.extractor_version, o.rule,
                 p.source_path AS page, p.reference_date AS page_reference_date, p.ingested_at AS page_ingested_at, o.page_id,
                 p.title AS page_title, p.source AS page_source
          FROM observation o JOIN page p ON p.id = o.page_id
        """,
        """
        CREATE VIEW series AS
          SELECT subject, metric, label AS date, day, value, value_high, unit, kind, target, period, sources, agree,
                 sources - agree AS disagree, pages, id AS observation_id, page
          FROM (
            SELECT g.*, ROW_NUMBER() OVER (PARTITION BY lower(g.subject), lower(g.metric), COALESCE(g.target, ''), g.label
                                           ORDER BY g.agree DESC, g.page_ingested_at DESC, g.id DESC) AS choice
            FROM (
              SELECT v.*, COALESCE(v.date, v.period) AS label,
                     COUNT(*) OVER (PARTITION BY lower(v.subject), lower(v.metric), COALESCE(v.target, ''), COALESCE(v.date, v.period),
                                    round(v.value::numeric, 9), round(COALESCE(v.value_high, -1e300)::numeric, 9)) AS agree,
                     COUNT(*) OVER (PARTITION BY lower(v.subject), lower(v.metric), COALESCE(v.target, ''), COALESCE(v.date, v.period)) AS sources,
                     DENSE_RANK() OVER (PARTITION BY lower(v.subject), lower(v.metric), COALESCE(v.target, ''), COALESCE(v.date, v.period) ORDER BY v.page_id)
                       + DENSE_RANK() OVER (PARTITION BY lower(v.subject), lower(v.metric), COALESCE(v.target, ''), COALESCE(v.date, v.period) ORDER BY v.page_id DESC)
                       - 1 AS pages
              FROM observation_view v
              WHERE v.day IS NOT NULL AND NOT (v.date IS NOT NULL AND v.period IS NOT NULL)) g) chosen
          WHERE choice = 1
        """,
        """
        CREATE VIEW latest AS
          SELECT id, kind, subject, metric, value, value_high, unit, previous, target, qualifier, scope, date, period, day,
                 sources, agree, sources - agree AS disagree, text, page, page_reference_date, page_ingested_at, page_title, page_source
          FROM (
            SELECT c.*, ROW_NUMBER() OVER (PARTITION BY c.kind, lower(c.subject), lower(c.metric), c.target_key, c.span
                                           ORDER BY c.day DESC, c.agree DESC, c.page_ingested_at DESC, c.id DESC) AS n
            FROM (
              SELECT v.*, COALESCE(v.target, '') AS target_key,
                     CASE WHEN v.date IS NOT NULL THEN COALESCE(v.period, '')
                          WHEN v.period ~ '^[12][0-9]{3}$' THEN 'year'
                          WHEN v.period ~ '^[12][0-9]{3}-H[12]$' THEN 'half'
                          WHEN v.period ~ '^[12][0-9]{3}-Q[1-4]$' THEN 'quarter'
                          WHEN v.period ~ '^[12][0-9]{3}-[01][0-9]$' THEN 'month'
                          ELSE 'span ' || v.period END AS span,
                     COUNT(*) OVER (PARTITION BY v.kind, lower(v.subject), lower(v.metric), COALESCE(v.target, ''),
                                    v.day, COALESCE(v.period, ''), round(v.value::numeric, 9), round(COALESCE(v.value_high, -1e300)::numeric, 9)) AS agree,
                     COUNT(*) OVER (PARTITION BY v.kind, lower(v.subject), lower(v.metric), COALESCE(v.target, ''),
                                    v.day, COALESCE(v.period, '')) AS sources
              FROM observation_view v WHERE v.day IS NOT NULL) c) ranked
          WHERE n = 1
        """,
        "CREATE VIEW latest_value AS SELECT * FROM latest",
        """
        CREATE VIEW tariff_changes AS
          SELECT o.subject AS levied_by, o.target AS "on", o.scope, o.previous, o.value AS new, o.value_high AS new_high,
                 CASE WHEN o.previous IS NULL THEN NULL ELSE round((o.value - o.previous)::numeric, 6)::double precision END AS change_pp,
                 CASE o.metric WHEN 'tariff_rate' THEN 'rate' WHEN 'tariff_exempt_share' THEN 'exempt share' ELSE o.metric END AS measure,
                 o.date, o.qualifier, o.text, p.source_path AS page
          FROM observation o JOIN page p ON p.id = o.page_id WHERE o.kind = 'tariff'
        """,
        """
        CREATE VIEW subjects AS
          SELECT subject, kind, string_agg(DISTINCT metric, ',') AS metrics, COUNT(*) AS count,
                 MIN(COALESCE(date, period)) AS first, MAX(COALESCE(date, period)) AS last
          FROM observation GROUP BY subject, kind
        """,
    ]

    // MARK: reading

    static let selectColumns = """
        SELECT o.id, o.kind, o.subject, o.metric, o.value, o.value_high, o.unit, o.previous, o.target, o.qualifier, o.date, o.period,
               o.text, o.start, o."end", o.rule, o.extractor_version, o.scope, p.source_path, p.content_hash, p.ingested_at
        FROM observation o JOIN page p ON p.id = o.page_id
        """

    static func decode(_ row: PostgresRow) throws -> StoredObservation {
        var cells = row.makeIterator()
        func next<T: PostgresDecodable>(_: T.Type = T.self) throws -> T { try cells.next()!.decode(T.self) }
        let id: Int64 = try next(), kind: String = try next(), subject: String = try next(), metric: String = try next()
        let value: Double = try next(), valueHigh: Double? = try next(), unit: String? = try next(), previous: Double? = try next()
        let target: String? = try next(), qualifier: String? = try next(), date: String? = try next(), period: String? = try next()
        let text: String = try next(), start: Int = try next(), end: Int = try next(), rule: String = try next()
        let version: String = try next(), scope: String? = try next()
        let page: String = try next(), hash: String = try next(), ingestedAt: String = try next()
        var o = Observation(kind: kind, subject: subject, metric: metric, value: value, valueHigh: valueHigh, unit: unit, previous: previous,
                            target: target, qualifier: qualifier, date: date, period: period, text: text, start: start, end: end, rule: rule)
        o.scope = scope
        return StoredObservation(observation: o, page: page, pageHash: hash, extractorVersion: version, id: id, ingestedAt: ingestedAt, scope: scope)
    }

    /// The filter's conditions in PostgreSQL's SQL (those of `ObservationFilter.sql()`).
    static func whereClause(_ f: ObservationFilter, _ binds: inout PostgresBindings) -> String {
        func parameter(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        var clauses: [String] = []
        if let s = f.subject { clauses.append("lower(o.subject) = lower(\(parameter(s))::text COLLATE \"C\")") }
        if let list = f.subjects {
            clauses.append(list.isEmpty ? "false" : "o.subject IN (" + list.map { parameter($0) }.joined(separator: ",") + ")")
        }
        if let m = f.metric { clauses.append("lower(o.metric) = lower(\(parameter(m))::text COLLATE \"C\")") }
        if let k = f.kind { clauses.append("lower(o.kind) = lower(\(parameter(k))::text COLLATE \"C\")") }
        if let t = f.target { clauses.append("lower(o.target) = lower(\(parameter(t))::text COLLATE \"C\")") }
        if f.period != nil { clauses.append("o.period IS NOT NULL") }
        var dated: [String] = []
        if let d = f.first { dated.append("o.date >= \(parameter(d.description))") }
        if let d = f.last { dated.append("o.date <= \(parameter(d.description))") }
        if !dated.isEmpty { clauses.append("((" + dated.joined(separator: " AND ") + ") OR (o.date IS NULL AND o.period IS NOT NULL))") }
        return clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
    }

    func observations(prefiltered f: ObservationFilter) throws -> [StoredObservation] {
        var binds = PostgresBindings()
        let sql = Self.selectColumns + Self.whereClause(f, &binds) + " ORDER BY o.date IS NULL, o.date, o.kind, o.subject, o.metric, o.id"
        return try reader.query(sql, binds).map(Self.decode)
    }

    /// Reads through a cursor in a read-only transaction (one snapshot), 1,000 rows at a time.
    func forEachObservation(prefiltered f: ObservationFilter, _ body: (StoredObservation) throws -> Void) throws {
        var binds = PostgresBindings()
        let sql = Self.selectColumns + Self.whereClause(f, &binds) + " ORDER BY o.page_id, o.id"
        try reader.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", retrying: false) {
            try reader.query("DECLARE figures_rows NO SCROLL CURSOR FOR " + sql, binds)
            while true {
                let rows = try reader.query("FETCH FORWARD 1000 FROM figures_rows")
                if rows.isEmpty { break }
                for row in rows { try body(try Self.decode(row)) }
            }
            try reader.query("CLOSE figures_rows")
        }
    }

    func tariffs(subjects: [String]?, targets: [String]?, since: Day?) throws -> [StoredObservation] {
        var binds = PostgresBindings()
        var clauses = ["o.kind = 'tariff'"]
        for (column, list) in [("o.subject", subjects), ("o.target", targets)] {
            guard let list else { continue }
            clauses.append("(" + (list.isEmpty ? "false" : list.map { value -> String in
                binds.append(value)
                return "lower(\(column)) = lower($\(binds.count)::text COLLATE \"C\")"
            }.joined(separator: " OR ")) + ")")
        }
        if let d = since {
            binds.append(d.description)
            clauses.append("(o.date IS NULL OR o.date >= $\(binds.count))")
        }
        let sql = Self.selectColumns + " WHERE " + clauses.joined(separator: " AND ")
            + " ORDER BY o.subject, o.target NULLS FIRST, o.date IS NULL, o.date, o.id"
        return try reader.query(sql, binds).map(Self.decode)
    }

    func counts() throws -> FiguresStore.Counts {
        let row = try reader.query("SELECT (SELECT COUNT(*) FROM page), (SELECT COUNT(*) FROM observation)").first!
        let (pages, observations) = try row.decode((Int, Int).self)
        return FiguresStore.Counts(pages: pages, observations: observations)
    }

    func strings(_ sql: String) throws -> [String] {
        try reader.query(sql).map { try $0.decode(String.self) }
    }

    func subjects() throws -> [String] { try strings("SELECT DISTINCT subject FROM observation ORDER BY subject") }
    func targets() throws -> [String] { try strings("SELECT DISTINCT target FROM observation WHERE target IS NOT NULL ORDER BY target") }
    func metrics() throws -> [String] { try strings("SELECT DISTINCT metric FROM observation ORDER BY metric") }
    func extractorVersions() throws -> [String] {
        try strings("SELECT extractor_version FROM observation GROUP BY extractor_version ORDER BY MAX(id) DESC")
    }

    func subjectGroups() throws -> [FiguresStore.SubjectGroup] {
        try reader.query("""
            SELECT subject, kind, metric, COUNT(*), MIN(date), MAX(date), CASE WHEN date IS NULL THEN period END
            FROM observation GROUP BY subject, kind, metric, date IS NULL, CASE WHEN date IS NULL THEN period END
            """).map { row in
            let (subject, kind, metric, count, first, last, period) = try row.decode((String, String, String, Int, String?, String?, String?).self)
            return FiguresStore.SubjectGroup(subject: subject, kind: kind, metric: metric, count: count, first: first, last: last, period: period)
        }
    }

    func pagesWithText(after id: Int64, limit: Int) throws -> [FiguresStore.StoredPageText] {
        var binds = PostgresBindings()
        binds.append(id)
        binds.append(Int64(limit))
        return try reader.query("""
            SELECT id, text, source_path, reference_date, ingested_at FROM page
            WHERE text IS NOT NULL AND id > $1 ORDER BY id LIMIT $2
            """, binds).map { row in
            let (id, text, path, date, at) = try row.decode((Int64, String, String, String, String).self)
            return FiguresStore.StoredPageText(id: id, text: text, sourcePath: path, referenceDate: date, ingestedAt: at)
        }
    }

    func pagesWithoutText() throws -> Int {
        try reader.query("SELECT COUNT(*) FROM page WHERE text IS NULL").first!.decode(Int.self)
    }

    func storedReferenceDate(of identity: PageIdentity) throws -> String? {
        try Self.storedPage(identity, reader, lock: false)?.referenceDate
    }

    struct StoredPage { var id: Int64; var referenceDate: String }

    /// The page stored with this identity (see `SQLiteStore.storedPage`); `lock`: its row locked until the
    /// end of the transaction, so that two writers do not replace its observations at once.
    static func storedPage(_ identity: PageIdentity, _ c: Connection, lock: Bool) throws -> StoredPage? {
        var binds = PostgresBindings()
        binds.append(identity.textHash)
        binds.append(identity.bytesHash)
        let rows = try c.query("""
            SELECT id, reference_date FROM page WHERE content_hash IN ($1, $2) ORDER BY content_hash = $1 DESC LIMIT 1\(lock ? " FOR UPDATE" : "")
            """, binds)
        return try rows.first.map { row in
            let (id, date) = try row.decode((Int64, String).self)
            return StoredPage(id: id, referenceDate: date)
        }
    }

    // MARK: writing

    func requireWriter() throws -> Connection {
        guard let writer else { throw StoreError.readOnly(path: location) }
        return writer
    }

    func store(_ page: FiguresStore.PageToStore, stamp: String) throws -> IngestOutcome {
        let c = try requireWriter()
        return try c.transaction { try Self.write(page, stamp: stamp, c) }
    }

    func store(_ pages: [FiguresStore.PageToStore], stamp: String) throws -> FiguresStore.BatchOutcome {
        let c = try requireWriter()
        return try c.transaction {
            var outcome = FiguresStore.BatchOutcome(results: [], storageFailure: nil)
            outcome.results.reserveCapacity(pages.count)
            for page in pages {
                try c.query("SAVEPOINT figures_page")
                do {
                    let written = try Self.write(page, stamp: stamp, c)
                    try c.query("RELEASE SAVEPOINT figures_page")
                    outcome.results.append(.success(written))
                } catch let failure {
                    // a deadlock or serialization failure: the whole transaction is run again
                    if let state = Self.sqlState(failure), state == "40P01" || state == "40001" { throw failure }
                    // the page's changes are undone; when even that fails, the transaction is lost
                    do { try c.query("ROLLBACK TO SAVEPOINT figures_page") } catch { throw failure }
                    if Self.isStorageFailure(failure) ?? false {
                        outcome.storageFailure = failure
                        break
                    }
                    outcome.results.append(.failure(failure))
                }
            }
            return outcome
        }
    }

    /// Writes the page row and its observations (see `SQLiteStore.write`).
    static func write(_ page: FiguresStore.PageToStore, stamp: String, _ c: Connection) throws -> IngestOutcome {
        let stamp = page.ingestedAt ?? stamp
        let title = FiguresStore.title(of: page.content), source = page.extraction.source
        var outcome = IngestOutcome(status: .new, observationsAdded: page.extraction.observations.count, storedReferenceDate: nil)
        // the page row's columns, $1…$8 of both the insert and the update
        func pageColumns() -> PostgresBindings {
            var binds = PostgresBindings()
            binds.append(page.identity.textHash)
            binds.append(page.sourcePath)
            binds.append(page.reference.description)
            binds.append(stamp)
            binds.append(Int64(page.content.utf8.count))
            binds.append(page.content)
            binds.append(title)
            binds.append(source)
            return binds
        }
        var pageID: Int64? = nil
        var stored = try storedPage(page.identity, c, lock: true)
        var attempts = 0
        while stored == nil && pageID == nil {
            attempts += 1
            let binds = pageColumns()
            let inserted = try c.query("""
                INSERT INTO page (content_hash, hash_basis, source_path, reference_date, ingested_at, byte_count, text, title, source)
                VALUES ($1, 'normalised', $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING RETURNING id
                """, binds)
            if let row = inserted.first {
                pageID = try row.decode(Int64.self)
            } else {
                // another writer stored the same page since the look-up: it is a stored page now (unless that
                // writer's row went away again, when the insert is tried once more)
                stored = try storedPage(page.identity, c, lock: true)
                if stored == nil && attempts >= 5 { throw Race(page: page.sourcePath) }
            }
        }
        if let stored {
            switch StoredPageAction(policy: page.policy, storedReferenceDate: stored.referenceDate, reference: page.reference) {
            case .keep(let storedReferenceDate):
                return .unchanged(storedReferenceDate: storedReferenceDate)
            case .reextract(let storedReferenceDate):
                pageID = stored.id
                var binds = PostgresBindings()
                binds.append(stored.id)
                let deleted = try c.query("DELETE FROM observation WHERE page_id = $1", binds)
                outcome.status = .reextracted
                outcome.observationsRemoved = deleted.metadata.rows ?? 0
                outcome.storedReferenceDate = storedReferenceDate
                var update = pageColumns()
                update.append(stored.id)
                try c.query("""
                    UPDATE page SET content_hash = $1, hash_basis = 'normalised', source_path = $2, reference_date = $3,
                                    ingested_at = $4, byte_count = $5, text = $6, title = $7, source = $8
                    WHERE id = $9
                    """, update)
            }
        }
        try insertObservations(page.extraction.observations, pageID: pageID!, c)
        return outcome
    }

    struct Race: Error, CustomStringConvertible {
        var page: String
        var description: String { "\(page): stored and removed again by other writers while this one wrote it" }
    }

    static let observationColumns = 18

    /// The observations in multi-row inserts of up to 1,000 rows (18,000 parameters; the limit is 65,535).
    static func insertObservations(_ observations: [Observation], pageID: Int64, _ c: Connection) throws {
        var start = 0
        while start < observations.count {
            let chunk = observations[start..<min(observations.count, start + 1000)]
            start += chunk.count
            var binds = PostgresBindings(capacity: chunk.count * observationColumns)
            var rows: [String] = []
            rows.reserveCapacity(chunk.count)
            for o in chunk {
                let first = binds.count
                binds.append(pageID)
                binds.append(o.kind); binds.append(o.subject); binds.append(o.metric); binds.append(o.value); binds.append(o.valueHigh)
                binds.append(o.unit); binds.append(o.previous); binds.append(o.target); binds.append(o.qualifier); binds.append(o.date)
                binds.append(o.period); binds.append(o.text); binds.append(Int64(o.start)); binds.append(Int64(o.end))
                binds.append(extractorVersion); binds.append(o.rule); binds.append(o.scope)
                rows.append("(" + (first + 1...first + observationColumns).map { "$\($0)" }.joined(separator: ",") + ")")
            }
            try c.query("""
                INSERT INTO observation (page_id, kind, subject, metric, value, value_high, unit, previous, target, qualifier,
                                         date, period, text, start, "end", extractor_version, rule, scope)
                VALUES \(rows.joined(separator: ","))
                """, binds)
        }
    }
}
