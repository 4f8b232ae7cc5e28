import FiguresExtraction
import FiguresQuantities

/// How one value is chosen when several observations give a figure for the same day:
///
/// 1. observations with the same value (and upper end) agree; the value with the most observations wins;
/// 2. on a tie, the value whose newest observation came from the page ingested last (then the highest
///    row id: the last extracted) wins — a later page usually corrects an earlier one.
///
/// `agree` counts the observations of the chosen value, `disagree` the others.
public enum SeriesRule {
    public struct Choice: Sendable {
        public var chosen: StoredObservation
        public var agree: Int
        public var disagree: Int
        /// The other values stated, most stated first.
        public var others: [Double]
    }

    public static let description = "one value per date: the value most observations agree on; on a tie, the one from the page ingested last"

    public static func choose(_ rows: [StoredObservation]) -> Choice? {
        guard !rows.isEmpty else { return nil }
        struct Key: Hashable { var value: Double; var high: Double? }
        func rounded(_ d: Double) -> Double { d == 0 ? 0 : (d * 1e9).rounded() / 1e9 }
        var groups: [Key: [StoredObservation]] = [:]
        for r in rows { groups[Key(value: rounded(r.observation.value), high: r.observation.valueHigh.map(rounded)), default: []].append(r)}
        func newest(_ g: [StoredObservation]) -> StoredObservation {
            g.max { ($0.ingestedAt, $0.id) < ($1.ingestedAt, $1.id) }!
        }
        let ranked = groups.values.sorted { a, b in
            if a.count != b.count { return a.count > b.count }
            let na = newest(a), nb = newest(b)
            return (na.ingestedAt, na.id) > (nb.ingestedAt, nb.id)
        }
        let winner = ranked[0]
        return Choice(chosen: newest(winner), agree: winner.count, disagree: rows.count - winner.count,
                      others: ranked.dropFirst().map { $0[0].observation.value })
    }
}

/// One value per date of a subject's metric.
public struct SeriesPoint: Sendable {
    /// The date, or for a figure of a period with no date (company results), the period.
    public var label: String
    /// The day it is drawn at: the date, or the period's last day.
    public var day: Day
    public var value: Double
    public var valueHigh: Double?
    public var unit: String?
    /// How many observations gave a figure for this date, how many gave the chosen value, how many another.
    public var sources: Int
    public var agree: Int
    public var disagree: Int
    public var others: [Double]
    /// Pages the observations came from.
    public var pages: Int
}

public struct Series: Sendable {
    /// The subject id as shown (canonical spelling) and the metric as stored.
    public var subject: String
    public var metric: String
    public var points: [SeriesPoint]
    /// The targets of the rows (a tariff's country, a rate's tenor): more than one means several series in one.
    public var targets: [String] = []
    public var unit: String? { points.last?.unit }
    public var observations: Int { points.reduce(0) { $0 + $1.sources } }

    /// Builds the series from the rows of one subject and metric: dated rows by date (rows with a relative
    /// period such as `1w` are another series and left out, unless `keepPeriods`), period-only rows by period.
    public init(subject: String, metric: String, rows: [StoredObservation], keepPeriods: Bool = false) {
        self.subject = subject
        self.metric = metric
        targets = Set(rows.compactMap(\.observation.target)).sorted()
        var groups: [String: [StoredObservation]] = [:]
        for r in rows {
            let o = r.observation
            if o.date != nil, o.period != nil, !keepPeriods { continue }
            guard let label = o.date ?? o.period, r.day != nil else { continue }
            groups[label, default: []].append(r)
        }
        points = groups.compactMap { label, rows -> SeriesPoint? in
            guard let c = SeriesRule.choose(rows), let day = c.chosen.day else { return nil }
            return SeriesPoint(label: label, day: day, value: c.chosen.observation.value, valueHigh: c.chosen.observation.valueHigh,
                               unit: c.chosen.observation.unit, sources: rows.count, agree: c.agree, disagree: c.disagree,
                               others: c.others, pages: Set(rows.map(\.pageHash)).count)
        }.sorted { ($0.day, $0.label) < ($1.day, $1.label) }
    }
}

extension FiguresStore {
    /// The series of the stored spellings `subjects` (one subject) and `metric` (any case), within the filter's dates.
    public func series(subject: String, spellings: [String], metric: String, filter: ObservationFilter = ObservationFilter()) throws -> Series {
        var f = filter
        f.subjects = spellings
        f.metric = metric
        let rows = try observations(matching: f)
        return Series(subject: subject, metric: rows.first?.observation.metric ?? metric, rows: rows, keepPeriods: filter.period != nil)
    }
}
