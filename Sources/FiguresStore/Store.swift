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

    /// A page stored already and left as it is.
    static func unchanged(storedReferenceDate: String?) -> IngestOutcome {
        IngestOutcome(status: .unchanged, observationsAdded: 0, storedReferenceDate: storedReferenceDate)
    }
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

/// What a write does with a page whose content is stored already: the policy applied to the reference date
/// stored and the one written, decided here once for every engine. An engine carries it out in the
/// transaction that writes, with the stored row it has just looked up (another process may have stored the
/// page since the caller looked); `FiguresStore.ingest` asks it first, so that a page left as it is is not
/// extracted for nothing.
enum StoredPageAction: Equatable {
    /// Leave the page and its observations; the write reports it `.unchanged`.
    case keep(storedReferenceDate: String?)
    /// Replace its observations by the new extraction and rewrite its row; the write reports it `.reextracted`.
    case reextract(storedReferenceDate: String?)

    /// `storedReferenceDate` of either case is the date stored when the page is written with another one (it
    /// is reported, whatever is done: the user sees that the same page came with two dates), else nil.
    init(policy: StoredPagePolicy, storedReferenceDate stored: String, reference: Day) {
        let otherDate = stored == reference.description ? nil : stored
        switch policy {
        case .keep: self = .keep(storedReferenceDate: otherDate)
        case .redate where otherDate == nil: self = .keep(storedReferenceDate: nil)
        case .redate, .reextract: self = .reextract(storedReferenceDate: otherDate)
        }
    }
}

/// Why a database was not opened. The messages are for the user.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missing(path: String)
    case notSQLite(path: String)
    case foreign(path: String, tables: [String])
    case newer(path: String, schemaVersion: Int)
    case empty(path: String)
    case readOnly(path: String)
    /// A PostgreSQL server that could not be reached or logged in to.
    case unreachable(location: String, server: String, reason: String)
    /// A `postgresql://` URL that could not be read.
    case badLocation(url: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "no database at \(path): run `figures ingest PATH…` first (or pass --db / set FIGURES_DB)"
        case .notSQLite(let path):
            return "\(path) is not a SQLite database (so not a figures database); left untouched"
        case .foreign(let path, let tables):
            let listed = tables.prefix(6).joined(separator: ", ") + (tables.count > 6 ? ", …" : "")
            if FiguresStore.isPostgresURL(path) {
                return "\(path) holds tables that are not figures' (\(listed)); left untouched — give another database, or a schema of its own with ?schema=NAME"
            }
            return "\(path) is a SQLite database but not a figures database (its tables: \(listed)); left untouched — give another --db"
        case .newer(let path, let version):
            return "\(path) was made by a newer figures (schema version \(version); this figures knows up to \(FiguresStore.schemaVersion)): upgrade figures to read it"
        case .empty(let path):
            return "\(path) holds no figures data yet: run `figures ingest --db \(path) PATH…` first"
        case .readOnly(let path):
            return "\(path) was opened for reading only"
        case .unreachable(let location, let server, let reason):
            return "cannot connect to the PostgreSQL server at \(server) (\(location)): \(reason)"
        case .badLocation(let url, let reason):
            return "\(url): \(reason)"
        }
    }
}

/// The store of pages and their observations, in SQLite (a file: the embedded default) or in PostgreSQL
/// (a `postgresql://` or `postgres://` URL: a server shared by many writers). Both hold the same schema
/// and give the same answers: what is worked out from stored rows (the latest value, series, subject
/// summaries, the date and period checks of filters) is done here, once, over the rows a `StoreBackend`
/// reads; the backends only store and read rows.
///
/// Opened either for writing (ingest: creates and migrates the schema) or for reading (query, export,
/// reports: no migration, no change). Both refuse a database that is not a figures database, or one made
/// by a newer figures, before touching it.
public final class FiguresStore: Sendable {
    /// Where the data is, as shown in messages: the file's path, or the server's URL without its password.
    public let path: String
    /// The engine that stores and reads the rows.
    public let backend: any StoreBackend

    /// `PRAGMA application_id` of a figures database ("FIGS"), set by the migration to schema v2:
    /// what tells a figures database from any other SQLite file (PostgreSQL: the `figures_meta` table).
    public static let applicationID: Int32 = 0x4649_4753
    /// `PRAGMA user_version` this build writes and reads: the number of the last migration it knows.
    public static let schemaVersion = 4

    /// Whether a `--db` value names a PostgreSQL server (`postgresql://…`, `postgres://…`) rather than a file.
    public static func isPostgresURL(_ location: String) -> Bool {
        PostgresLocation.isURL(location)
    }

    /// A `--db` value as shown in messages: a path as it is, a URL without its password.
    public static func displayName(of location: String) -> String {
        guard isPostgresURL(location) else { return location }
        return (try? PostgresLocation(url: location).display) ?? PostgresStore.redacted(location)
    }

    /// Opens the database for writing, as `init(writingAt:)`.
    public convenience init(path: String) throws {
        try self.init(writingAt: path)
    }

    /// Opens the database for writing: creates it (a file, or the tables on a server) when missing or empty,
    /// migrates it to this build's schema. Refuses a database that is not a figures database or was made by
    /// a newer figures.
    public convenience init(writingAt location: String) throws {
        if Self.isPostgresURL(location) {
            self.init(backend: try PostgresStore(url: location, writing: true))
        } else {
            self.init(backend: try SQLiteStore(writingAt: location))
        }
    }

    /// Opens an existing figures database for reading only: no migration, no write. Refuses a missing or
    /// empty database, one that is not a figures database, or a newer one.
    public convenience init(readingAt location: String) throws {
        if Self.isPostgresURL(location) {
            self.init(backend: try PostgresStore(url: location, writing: false))
        } else {
            self.init(backend: try SQLiteStore(readingAt: location))
        }
    }

    public init(backend: any StoreBackend) {
        self.backend = backend
        self.path = backend.location
    }

    /// The SQLite engine, when this store is a file (for tests and tools that look at the file itself).
    var sqlite: SQLiteStore? { backend as? SQLiteStore }

    /// Whether an error is the database failing (full disk, I/O error, file not writable, locked, corrupt,
    /// server gone) rather than one page's data being refused (a constraint, a value too big): the first
    /// kind fails every page after it the same way.
    public static func isStorageFailure(_ error: any Error) -> Bool {
        if let failure = SQLiteStore.isStorageFailure(error) { return failure }
        if let failure = PostgresStore.isStorageFailure(error) { return failure }
        return false
    }

    /// An error in a few words (the database's message, without the statement that met it).
    public static func reason(_ error: any Error) -> String {
        SQLiteStore.reason(error) ?? PostgresStore.reason(error) ?? "\(error)"
    }

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
        try backend.pagesWithText(after: id, limit: limit)
    }

    /// Pages stored without their text (before schema v4): `reextract` cannot extract them again.
    public func pagesWithoutText() throws -> Int {
        try backend.pagesWithoutText()
    }

    /// The reference date a page with this content was stored with, or nil when it is not stored.
    public func storedReferenceDate(of identity: PageIdentity) throws -> String? {
        try backend.storedReferenceDate(of: identity)
    }

    /// Stores a page and its observations unless the same content is already stored (then `policy` says
    /// whether it is extracted again).
    public func ingest(content: String, sourcePath: String, reference: Day, policy: StoredPagePolicy = .keep, now: Date = Date()) throws -> IngestOutcome {
        let identity = PageIdentity(content)
        if let date = try storedReferenceDate(of: identity),
           case .keep(let storedReferenceDate) = StoredPageAction(policy: policy, storedReferenceDate: date, reference: reference) {
            return .unchanged(storedReferenceDate: storedReferenceDate)
        }
        let page = PageToStore(content: content, identity: identity, sourcePath: sourcePath, reference: reference,
                               extraction: Extractor.extract(content, reference: reference), policy: policy)
        return try store(page, now: now)
    }

    /// Writes a page already extracted (so that extraction can run in parallel), in one transaction.
    public func store(_ page: PageToStore, now: Date = Date()) throws -> IngestOutcome {
        try backend.store(page, stamp: Self.timestamp(now))
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
    /// rolled back alone and reported, the others are kept.
    ///
    /// A failure of the database rather than of a page (see `isStorageFailure`) stops the batch there:
    /// the pages before it are committed when the transaction still can be, and every later page would
    /// only fail the same way. Throws when nothing of the batch could be committed.
    public func store(_ pages: [PageToStore], now: Date = Date()) throws -> BatchOutcome {
        try backend.store(pages, stamp: Self.timestamp(now))
    }

    /// ISO 8601 UTC timestamp, without a formatter object per page.
    static func timestamp(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: t >= 0 ? t / 86400 : (t - 86399) / 86400)
        let secs = ((t % 86400) + 86400) % 86400
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))Z"
    }

    /// Observations matching the filter, by date (a period-only row by its period's last day) then subject.
    public func observations(matching f: ObservationFilter) throws -> [StoredObservation] {
        try backend.observations(prefiltered: f).filter(f.keeps)
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
        try backend.tariffs(subjects: subjects, targets: targets, since: since)
    }

    /// Every observation, in a stable order, visited one at a time (export streams rather than loading all).
    public func forEachObservation(_ body: (StoredObservation) throws -> Void) throws {
        try forEachObservation(matching: ObservationFilter(), body)
    }

    /// The observations matching a filter, in page order, visited one at a time.
    public func forEachObservation(matching f: ObservationFilter, _ body: (StoredObservation) throws -> Void) throws {
        try backend.forEachObservation(prefiltered: f) { item in
            if f.keeps(item) { try body(item) }
        }
    }

    public struct Counts: Sendable { public var pages: Int; public var observations: Int }

    public func counts() throws -> Counts { try backend.counts() }

    /// Subjects that have at least one observation, for "did you mean" messages.
    public func subjects() throws -> [String] { try backend.subjects() }

    /// The subject names of this database: what `query`, `series`, `plot` and `tariffs` resolve names with.
    public func subjectNames() throws -> SubjectNames {
        SubjectNames(storedSubjects: try subjects())
    }

    /// Targets that have at least one observation (countries charged, tenors…).
    public func targets() throws -> [String] { try backend.targets() }

    /// Metrics that have at least one observation.
    public func metrics() throws -> [String] { try backend.metrics() }

    /// The extractor versions that wrote the observations, most recent first.
    public func extractorVersions() throws -> [String] { try backend.extractorVersions() }

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

    /// Observations of one subject, kind and metric: of its dated rows (with their first and last date), or
    /// of its period-only rows of one period. What `subjectSummaries` is made from.
    public struct SubjectGroup: Sendable {
        public var subject: String
        public var kind: String
        public var metric: String
        public var count: Int
        public var first: String?
        public var last: String?
        public var period: String?
        public init(subject: String, kind: String, metric: String, count: Int, first: String?, last: String?, period: String?) {
            self.subject = subject; self.kind = kind; self.metric = metric; self.count = count
            self.first = first; self.last = last; self.period = period
        }
    }

    /// Per subject and kind: its metrics, number of observations, first and last day.
    public func subjectSummaries() throws -> [SubjectSummary] {
        let rows = try backend.subjectGroups()
        let names = SubjectNames(storedSubjects: Set(rows.map(\.subject)).sorted())
        var out: [String: SubjectSummary] = [:]
        for row in rows {
            let id = names.canonical(row.subject)
            let kind = row.kind
            let key = SubjectNames.key(id) + "\u{1}" + kind
            var s = out[key] ?? SubjectSummary(id: id, kind: kind, metrics: [], count: 0, first: nil, last: nil)
            let metric = row.metric
            if !s.metrics.contains(metric) { s.metrics.append(metric) }
            s.count += row.count
            var days = [Day?]()
            if let f = row.first { days += [Day(iso: f), Day(iso: row.last ?? f)] }
            else if let p = row.period, let r = PeriodRange(p) { days += [r.first, r.last] }
            for case let d? in days {
                s.first = min(s.first ?? d, d)
                s.last = max(s.last ?? d, d)
            }
            out[key] = s
        }
        return out.values.map { var s = $0; s.metrics.sort(); return s }.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
    }
}
