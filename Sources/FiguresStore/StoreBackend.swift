import FiguresExtraction
import FiguresQuantities

/// What a storage engine does for `FiguresStore`: store pages with their observations, read rows back.
///
/// `FiguresStore` is what the commands use; it works out everything that is computed from rows (the
/// checks of a filter that SQL does not make, the latest value, series, subject summaries) the same way
/// whatever the engine. An engine answers the same questions with the same rows in the same order:
/// text compared byte by byte (SQLite's BINARY, PostgreSQL's "C"), ASCII case folded where a filter
/// ignores case (SQLite's NOCASE), NULLs first in ascending order.
///
/// Two engines: `SQLiteStore` (a file; the default) and `PostgresStore` (a server, for many writers).
public protocol StoreBackend: Sendable {
    /// Where the data is, as shown to the user: a path, or a URL without its password.
    var location: String { get }

    /// The rows that the filter's SQL conditions keep (`ObservationFilter.keeps` is applied by the caller),
    /// ordered by `date IS NULL, date, kind, subject, metric, id`.
    func observations(prefiltered filter: ObservationFilter) throws -> [StoredObservation]
    /// The same rows ordered by page id then row id, one at a time.
    func forEachObservation(prefiltered filter: ObservationFilter, _ body: (StoredObservation) throws -> Void) throws
    /// Tariff rows levied by any of `subjects` on any of `targets` (any case) dated `since` or later (or
    /// undated), ordered by `subject, target (NULL first), date IS NULL, date, id`.
    func tariffs(subjects: [String]?, targets: [String]?, since: Day?) throws -> [StoredObservation]

    func counts() throws -> FiguresStore.Counts
    /// Distinct subjects, metrics, targets (non-NULL), each in byte order.
    func subjects() throws -> [String]
    func metrics() throws -> [String]
    func targets() throws -> [String]
    /// Extractor versions, the one of the highest row id first.
    func extractorVersions() throws -> [String]
    func subjectGroups() throws -> [FiguresStore.SubjectGroup]

    func pagesWithText(after id: Int64, limit: Int) throws -> [FiguresStore.StoredPageText]
    func pagesWithoutText() throws -> Int
    func storedReferenceDate(of identity: PageIdentity) throws -> String?

    /// Writes one page in a transaction of its own (see `FiguresStore.store(_:now:)`).
    func store(_ page: FiguresStore.PageToStore, stamp: String) throws -> IngestOutcome
    /// Writes pages in one transaction, a savepoint each (see `FiguresStore.store(_:now:)`).
    func store(_ pages: [FiguresStore.PageToStore], stamp: String) throws -> FiguresStore.BatchOutcome
}
