import FiguresQuantities

/// The days a stored `period` covers: `2025`, `2025-H1`, `2025-Q3`, `2025-12`, `2025-12-05`, and spans of
/// those joined by `/` (`2025-Q1/2025-Q3`, `2025-01/2025-11`). Relative periods (`1w`, `ytd`) have none:
/// they qualify a dated figure, and that figure's date is what filters see.
public struct PeriodRange: Sendable, Hashable {
    public var first: Day
    public var last: Day

    public init(first: Day, last: Day) {
        self.first = first
        self.last = last
    }

    public init?(_ period: String) {
        let parts = period.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = Self.single(String(parts[0])), let b = Self.single(String(parts[parts.count - 1])), a.first <= b.last
        else { return nil }
        self.init(first: a.first, last: b.last)
    }

    /// Whether the period shares a day with [from, to] (either end open).
    public func overlaps(from: Day?, to: Day?) -> Bool {
        (from.map { last >= $0 } ?? true) && (to.map { first <= $0 } ?? true)
    }

    static func single(_ s: String) -> PeriodRange? {
        let p = s.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let year = Int(p[0]), p[0].count == 4, Day.supportedYears.contains(year) else { return nil }
        func months(_ a: Int, _ b: Int) -> PeriodRange {
            PeriodRange(first: Day(year: year, month: a, day: 1), last: Day(year: year, month: b, day: Day.daysIn(year: year, month: b)))
        }
        switch p.count {
        case 1: return months(1, 12)
        case 2:
            let q = p[1].uppercased()
            if q.count == 2, q.hasPrefix("Q"), let n = Int(q.dropFirst()), (1...4).contains(n) { return months(3 * n - 2, 3 * n) }
            if q.count == 2, q.hasPrefix("H"), let n = Int(q.dropFirst()), (1...2).contains(n) { return months(6 * n - 5, 6 * n) }
            if q.count == 2, let m = Int(q), (1...12).contains(m) { return months(m, m) }
            return nil
        case 3:
            guard let d = Day(iso: s) else { return nil }
            return PeriodRange(first: d, last: d)
        default: return nil
        }
    }
}
