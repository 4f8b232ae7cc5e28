/// A short ASCII code (an ISO 4217 currency, a measure class such as `time`) held in one
/// machine word, so that quantities stay plain values: copying one never touches a
/// reference count, which matters when a page yields thousands of them.
public struct UnitCode: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// Up to eight ASCII bytes, first byte lowest; longer codes are cut to eight.
    let bits: UInt64

    public init(_ code: some StringProtocol) {
        var bits: UInt64 = 0
        for (k, byte) in code.utf8.prefix(8).enumerated() { bits |= UInt64(byte) << (8 * UInt64(k)) }
        self.bits = bits
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The code as text.
    public var string: String {
        var bytes: [UInt8] = []
        var rest = bits
        while rest != 0 { bytes.append(UInt8(rest & 0xFF)); rest >>= 8 }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { string }
}

/// What the number is measured in, as far as the words around it tell.
public enum QuantityUnit: Equatable, Hashable, Sendable {
    /// A bare number.
    case none
    /// Percent: `%`, `百分之…`, `成`.
    case percent
    /// Percentage points: `個百分點`, `碼` (×0.25), `基點`/`點子` (×0.01). The value is already in points.
    case percentagePoint
    /// Hong Kong `厘`: a percent when it is a level, a percentage point when it is a move.
    case li
    /// Money in a known currency (ISO 4217).
    case currency(UnitCode)
    /// Bare `元`: the page's locale decides the currency.
    case localYuan
    /// Index points (`點`).
    case points
    /// An exchange-rate move in `分` or `角`, converted to units of the quote currency.
    case fxMove
    /// Times (`倍`).
    case times
    /// A measure word that makes the number a count, a time, a rank… (class from measure-words.tsv).
    case measure(UnitCode)

    /// The unit string used in reports and JSON: `pct`, `pp`, `pt`, an ISO code, or nil.
    public var code: String? {
        switch self {
        case .percent, .li: return "pct"
        case .percentagePoint: return "pp"
        case .points: return "pt"
        case .currency(let iso): return iso.string
        case .localYuan: return "LOCAL"
        case .fxMove: return "LOCAL"
        case .times: return "times"
        case .measure(let m): return m.string
        case .none: return nil
        }
    }

    public var isMoney: Bool {
        switch self {
        case .currency, .localYuan: return true
        default: return false
        }
    }
}

/// A hedge word beside a figure.
public enum Qualifier: String, Sendable, Hashable {
    case approx, over, under, max, avg
}

/// One quantity found in a text: a number, percent, percentage-point move,
/// amount of money or range, with the span that carries it.
public struct Quantity: Sendable, Hashable {
    /// The value, scale applied (`149億` → 1.49e10, `1碼` → 0.25), signed when the text says so.
    public var value: Double
    /// Upper end of a range.
    public var high: Double?
    public var unit: QuantityUnit
    public var qualifier: Qualifier?
    /// Offsets in Unicode scalars, end exclusive: from the first sign, prefix or digit to the end of the unit.
    public var start: Int
    public var end: Int
    /// Where the qualifier word starts, when there is one before the figure.
    public var qualifierStart: Int?
    /// An explicit sign (`-`, `+`, `負`) was written.
    public var explicitSign: Bool = false
    /// Written with Chinese numerals (in whole or part).
    public var chineseNumerals: Bool = false
    /// For a range: whether its ends are inclusive; an open end (`1000以上`) is nil in `high`.
    public var isRange: Bool = false
    /// The multiplier of a trailing 萬/億/兆 (1 when none); lets `25-30億` scale the low end.
    public var trailingScale: Double = 1
    /// The factor the unit applied (0.25 for 碼, 0.01 for 基點, 10 for 成), so a range's bare low end can take it too.
    public var unitScale: Double = 1
    /// The figure was the number inside `百分之…` or similar prefixed form.
    public var prefixedPercent: Bool = false

    public init(value: Double, high: Double? = nil, unit: QuantityUnit, qualifier: Qualifier? = nil, start: Int, end: Int) {
        self.value = value
        self.high = high
        self.unit = unit
        self.qualifier = qualifier
        self.start = start
        self.end = end
    }
}

/// A date or part of one as written: `2025年12月12日`, `12/12`, `12日`, `週五`, `今（6）日`, `115年1月30日`.
public struct DateMention: Sendable, Hashable {
    public enum Relative: Sendable, Hashable { case today, yesterday, tomorrow, dayBeforeYesterday }
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int?
    public var relative: Relative?
    /// The year was written in the Republic of China calendar (already converted).
    public var rocYear: Bool = false
    /// 上週五: the weekday of the week before.
    public var lastWeek: Bool = false
    /// 下週一: that weekday of the week after (a day still to come).
    public var nextWeek: Bool = false
    public var start: Int
    public var end: Int

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil, weekday: Int? = nil, relative: Relative? = nil, start: Int, end: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.relative = relative
        self.start = start
        self.end = end
    }
}

/// A number the recogniser saw but did not report as a quantity, and why.
public struct SkippedNumeral: Sendable, Hashable {
    public enum Reason: String, Sendable {
        case date, ordinal, productCode = "product code", time, fraction
        /// A digit run too long for a Double (400 nines): no figure rather than an infinite one.
        case notFinite = "not a finite number"
    }
    public var reason: Reason
    public var start: Int
    public var end: Int
}

/// Everything the recogniser found in one text.
public struct Recognition: Sendable {
    public var quantities: [Quantity] = []
    public var dates: [DateMention] = []
    public var skipped: [SkippedNumeral] = []
    public init() {}
}
