/// A calendar day (proleptic Gregorian), with the arithmetic date resolution needs.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a reference date may have: the tool reads news, and a year outside these is a typo.
    public static let supportedYears = 1900...2100

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        // YYYY-MM-DD, what every stored and printed day looks like, read from its bytes
        if let day = Day.fastISO(iso) { self = day; return }
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= Day.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A day written as exactly ten ASCII bytes `DDDD-DD-DD`, parsed without splitting the string;
    /// nil for any other form (the general path reads those, with the same result for these).
    static func fastISO(_ iso: String) -> Day? {
        var iso = iso
        return iso.withUTF8 { b -> Day? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func d(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
            guard let y0 = d(0), let y1 = d(1), let y2 = d(2), let y3 = d(3), let m0 = d(5), let m1 = d(6), let d0 = d(8), let d1 = d(9) else { return nil }
            let y = y0 * 1000 + y1 * 100 + y2 * 10 + y3, m = m0 * 10 + m1, dd = d0 * 10 + d1
            guard (1...12).contains(m), dd >= 1, dd <= Day.daysIn(year: y, month: m) else { return nil }
            return Day(year: y, month: m, day: dd)
        }
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7   // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The latest day on or before this one that falls on `weekday`.
    public func latest(weekday target: Int) -> Day {
        adding(days: -((weekday - target + 7) % 7))
    }

    /// The `day` of this month, or of the month before when that would lie after this day.
    public func latest(dayOfMonth d: Int) -> Day? {
        if d <= day { return Day(year: year, month: month, day: d) }
        var y = year, m = month - 1
        if m == 0 { m = 12; y -= 1 }
        return d <= Day.daysIn(year: y, month: m) ? Day(year: y, month: m, day: d) : nil
    }

    public var description: String {
        // four-digit years (all but the odd fuzzed one): ten ASCII bytes written directly
        if year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 99 {
            return String(unsafeUninitializedCapacity: 10) { out in
                let digit = { (v: Int) in UInt8(0x30 + v) }
                out[0] = digit(year / 1000); out[1] = digit(year / 100 % 10); out[2] = digit(year / 10 % 10); out[3] = digit(year % 10)
                out[4] = 0x2D; out[5] = digit(month / 10); out[6] = digit(month % 10)
                out[7] = 0x2D; out[8] = digit(day / 10); out[9] = digit(day % 10)
                return 10
            }
        }
        let ms = month < 10 ? "0\(month)" : "\(month)", ds = day < 10 ? "0\(day)" : "\(day)"
        // four-digit years as ISO 8601 writes them (0001-12-13, not 1-12-13)
        let ys = (0..<1000).contains(year) ? String(String(year + 10000).dropFirst()) : "\(year)"
        return "\(ys)-\(ms)-\(ds)"
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }
}
