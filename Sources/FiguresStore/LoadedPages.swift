import Foundation
import GRDB
import FiguresExtraction

/// Observations made elsewhere (`figures extract --input jsonl` on Spark, Hadoop, GNU parallel) stored by
/// `figures load`.
///
/// A loaded page has no text here, so it cannot be identified by its text as an ingested page is. It is
/// identified by its page id: its `page` row has `content_hash` = `id:` + the id (no SHA-256 hex digest
/// starts so, so it never meets an ingested page), `hash_basis` = `page_id`, `source_path` = the id (what
/// query and export show as the page), `reference_date` = the date the mapper used (empty when the
/// input does not say), `byte_count` 0 and no text, title or source. Loading a page id again replaces
/// the page's observations — or leaves it untouched when they are the same — and never adds a second row.
extension FiguresStore {
    /// One page's observations as loaded.
    public struct LoadedPage: Sendable {
        public var id: String
        /// The reference date the page was extracted with, when the input gives it.
        public var referenceDate: String?
        public var observations: [Observation]
        /// The extractor version of each observation (parallel to `observations`).
        public var versions: [String]
        /// True when earlier observations of this page were already loaded in this run: add to them
        /// rather than replace them (a page whose lines came in two runs of the input).
        public var appending: Bool

        public init(id: String, referenceDate: String?, observations: [Observation], versions: [String], appending: Bool = false) {
            self.id = id
            self.referenceDate = referenceDate
            self.observations = observations
            self.versions = versions
            self.appending = appending
        }
    }

    public struct LoadOutcome: Sendable {
        public enum Status: String, Sendable { case new, unchanged, replaced, appended }
        public var status: Status
        public var added: Int
        public var removed: Int
    }

    /// The `content_hash` of a loaded page.
    public static func loadedPageKey(_ id: String) -> String { "id:" + id }

    /// Writes loaded pages in one transaction.
    public func load(_ pages: [LoadedPage], now: Date = Date()) throws -> [LoadOutcome] {
        let stamp = Self.timestamp(now)
        // loaded pages are written with SQLite's statements; the PostgreSQL store does not take them yet
        guard let sqlite = backend as? SQLiteStore else {
            throw StoreError.badLocation(url: path, reason: "figures load writes into a SQLite database only (not yet PostgreSQL): load into a SQLite file, or ingest the pages into PostgreSQL")
        }
        return try sqlite.requireWriter().write { db in try pages.map { try Self.writeLoaded($0, stamp: stamp, db) } }
    }

    static func writeLoaded(_ page: LoadedPage, stamp: String, _ db: Database) throws -> LoadOutcome {
        let key = loadedPageKey(page.id)
        let stored = try Row.fetchOne(db, sql: "SELECT id, reference_date FROM page WHERE content_hash = ?", arguments: [key])
        var outcome = LoadOutcome(status: .new, added: page.observations.count, removed: 0)
        let pageID: Int64
        if let stored {
            pageID = stored["id"]
            if page.appending {
                outcome.status = .appended
            } else {
                let sameDate = page.referenceDate == nil || page.referenceDate == stored["reference_date"]
                let have = try Row.fetchAll(db, sql: """
                    SELECT kind, subject, metric, value, value_high, unit, previous, target, qualifier, date, period, scope, text,
                           start, end, extractor_version
                    FROM observation WHERE page_id = ?
                    """, arguments: [pageID]).map(Self.loadKey)
                let want = zip(page.observations, page.versions).map { Self.loadKey($0, version: $1) }
                if sameDate && have.sorted() == want.sorted() {
                    return LoadOutcome(status: .unchanged, added: 0, removed: 0)
                }
                try db.execute(sql: "DELETE FROM observation WHERE page_id = ?", arguments: [pageID])
                outcome.removed = db.changesCount
                outcome.status = .replaced
                try db.execute(sql: "UPDATE page SET reference_date = ?, ingested_at = ? WHERE id = ?",
                               arguments: [page.referenceDate ?? stored["reference_date"], stamp, pageID])
            }
        } else {
            try db.execute(sql: """
                INSERT INTO page (content_hash, hash_basis, source_path, reference_date, ingested_at, byte_count, text, title, source)
                VALUES (?, 'page_id', ?, ?, ?, 0, NULL, NULL, NULL)
                """, arguments: [key, page.id, page.referenceDate ?? "", stamp])
            pageID = db.lastInsertedRowID
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO observation (page_id, kind, subject, metric, value, value_high, unit, previous, target, qualifier,
                                     date, period, text, start, end, extractor_version, rule, scope)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (o, version) in zip(page.observations, page.versions) {
            try insert.execute(arguments: [pageID, o.kind, o.subject, o.metric, o.value, o.valueHigh, o.unit, o.previous, o.target,
                                           o.qualifier, o.date, o.period, o.text, o.start, o.end, version, o.rule, o.scope])
        }
        return outcome
    }

    /// An observation's stored fields as one comparable string (to tell a page loaded again unchanged).
    static func loadKey(_ o: Observation, version: String) -> String {
        func d(_ v: Double?) -> String { v.map { "\($0)" } ?? "∅" }
        func s(_ v: String?) -> String { v ?? "∅" }
        return [o.kind, o.subject, o.metric, d(o.value), d(o.valueHigh), s(o.unit), d(o.previous), s(o.target), s(o.qualifier),
                s(o.date), s(o.period), s(o.scope), o.text, "\(o.start)", "\(o.end)", version].joined(separator: "\u{1}")
    }

    static func loadKey(_ row: Row) -> String {
        var o = Observation(kind: row["kind"], subject: row["subject"], metric: row["metric"], value: row["value"],
                            valueHigh: row["value_high"], unit: row["unit"], previous: row["previous"], target: row["target"],
                            qualifier: row["qualifier"], date: row["date"], period: row["period"], text: row["text"],
                            start: row["start"], end: row["end"])
        o.scope = row["scope"]
        return loadKey(o, version: row["extractor_version"])
    }
}
