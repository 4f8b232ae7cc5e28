/// One figure pulled out of a page, as the spec (`observations.md`) defines it.
public struct Observation: Sendable, Hashable, Codable {
    public var kind: String
    public var subject: String
    public var metric: String
    public var value: Double
    public var valueHigh: Double?
    public var unit: String?
    public var previous: Double?
    public var target: String?
    public var qualifier: String?
    public var date: String?
    public var period: String?
    /// Tariffs: what the rate covers, as written (鋼鋁, 汽車, 芬太尼關稅); optional in the spec, printed when known.
    public var scope: String?
    public var text: String
    public var start: Int
    public var end: Int
    /// Which rule produced it and from which lexicon entries (for `figures explain`); not part of the JSON contract.
    public var rule: String = ""
    /// The date was named in the figure's sentence (not the teaser's default day); used when merging a title with its body.
    var dateIsExplicit = false
    /// Which teaser of the page it came from.
    var teaser = 0
    /// It was read in the teaser's headline.
    var inHeadline = false

    public init(kind: String, subject: String, metric: String, value: Double, valueHigh: Double? = nil, unit: String?,
                previous: Double? = nil, target: String? = nil, qualifier: String? = nil, date: String? = nil,
                period: String? = nil, text: String, start: Int, end: Int, rule: String = "") {
        self.kind = kind
        self.subject = subject
        self.metric = metric
        self.value = value
        self.valueHigh = valueHigh
        self.unit = unit
        self.previous = previous
        self.target = target
        self.qualifier = qualifier
        self.date = date
        self.period = period
        self.text = text
        self.start = start
        self.end = end
        self.rule = rule
    }

    /// Value, upper end and previous value are all finite numbers (JSON, SQLite and CSV have no place for the others).
    public var isFinite: Bool { value.isFinite && (valueHigh?.isFinite ?? true) && (previous?.isFinite ?? true) }

    enum CodingKeys: String, CodingKey {
        case kind, subject, metric, value, valueHigh = "value_high", unit, previous, target, qualifier, date, period, scope, text, start, end
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(subject, forKey: .subject)
        try c.encode(metric, forKey: .metric)
        try c.encode(value, forKey: .value)
        try c.encode(valueHigh, forKey: .valueHigh)
        try c.encode(unit, forKey: .unit)
        try c.encode(previous, forKey: .previous)
        try c.encode(target, forKey: .target)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(date, forKey: .date)
        try c.encode(period, forKey: .period)
        try c.encodeIfPresent(scope, forKey: .scope)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    struct Key: Hashable {
        var kind, subject, metric: String
        var target: String?
        var value: Double
        var valueHigh: Double?
        var date: String?
        var period: String?
        var teaser: Int?

        /// Hashes the number and the teaser only: figures of a page rarely share a value, and hashing the
        /// strings of every observation twice was a tenth of an extraction. Equality still compares all.
        func hash(into hasher: inout Hasher) {
            hasher.combine(value)
            hasher.combine(teaser)
        }
    }

    /// Two statements of the same figure (a title and its body) share this key.
    var identity: Key {
        Key(kind: kind, subject: subject, metric: metric, target: target, value: value, valueHigh: valueHigh, date: date, period: period, teaser: nil)
    }

    /// The same figure within one teaser, whatever day each statement carries.
    var teaserIdentity: Key {
        Key(kind: kind, subject: subject, metric: metric, target: target, value: value, valueHigh: valueHigh, date: nil, period: period, teaser: teaser)
    }
}
