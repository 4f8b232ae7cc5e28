import FiguresText
import FiguresQuantities

/// Reporting periods as written (`前三季`, `第3季`, `Q3`, `上半年`, `11月`, `前11個月`, `1-11月`, `去年`, `全年`)
/// resolved to the spec's period strings against the reference date.
enum PeriodFinder {
    /// The period words, folded once.
    enum W {
        static let lastYearSamePeriod = ScriptFold.shared.fold("去年同期"), priorYearSamePeriod = ScriptFold.shared.fold("上年同期")
        static let lastYear = ScriptFold.shared.fold("去年"), yearBeforeLast = ScriptFold.shared.fold("前年")
        static let thisYear = ScriptFold.shared.fold("今年"), currentYear = ScriptFold.shared.fold("本年")
        static let nextYear = ScriptFold.shared.fold("明年")
        static let fullYear = ScriptFold.shared.fold("全年"), yearly = ScriptFold.shared.fold("年度")
        static let firstHalf = ScriptFold.shared.fold("上半年"), secondHalf = ScriptFold.shared.fold("下半年")
        /// 首半年 (Malaysia, Singapore, Hong Kong) and 前半年: the first half, as 上半年.
        static let otherFirstHalf = Words.folded(["首半年", "前半年"])
        /// 中期 (interim: the first half of the reporting year) before a word of results: 中期業績, 中期純利,
        /// 中期多賺 — not 中期票據, 中期借貸便利 or 中期選舉.
        static let interim = ScriptFold.shared.fold("中期")
        static let since = ScriptFold.shared.fold("以來")
        /// After 100年: a span of years (來 前 後 間 內 代 之 多 歷 老 紀 級), not the year 100 of the Republic.
        static let notRocYear: Set<UInt32> = Set(ScriptFold.shared.fold("來前後間內代之多歷老紀級以"))
        static let interimResults: Set<UInt32> = Set(ScriptFold.shared.fold("業績純盈溢收營虧多少賺蝕息淨報"))
        static let quarterWord = ScriptFold.shared.fold("季度")
        static let samePeriod = ScriptFold.shared.fold("同期")
        /// The quarter before the one in force: 上一季度的7.33億美元.
        static let previousQuarter = Words.folded(["上一季度", "上一季", "上季度", "上季", "前一季度", "前一季", "上一財季", "上財季"])
        /// The last quarter of the year: 2004年最後三個月, 末季.
        static let lastQuarter = Words.folded(["最後三個月", "最後3個月", "末季", "最後一季"])
        /// Halves of a fiscal year: 首半財年, 上半財年.
        static let fiscalFirstHalf = Words.folded(["首半財年", "上半財年", "首半財政年"]), fiscalSecondHalf = Words.folded(["下半財年", "下半財政年"])
        /// What may stand between 截至/截止 and the day: 截止到, 截至於.
        static let untilLinks: Set<UInt32> = Set("到于於".unicodeScalars.map { ScriptFold.shared.fold(String($0))[0] })
        /// 6月底, 7月杪, 9月末, 3月尾: the month's end.
        static let monthEnd: Set<UInt32> = Set("底杪末尾".unicodeScalars.map(\.value))
        /// 財 (folded), as in 第三財季.
        static let fiscalMark = ScriptFold.shared.fold("財")[0]
        /// Words before 同期 that put the period a year back (上財年同期); 去年同期 and 上年同期 are above.
        static let earlierYearSamePeriod = Words.folded(["一年前", "上財年同期", "上一財年同期", "上個財年同期", "上財政年度同期", "前一年同期", "上財年同季", "去年同季", "上年同季"])
        /// Words of a fiscal year's own name after `截至…`: 2020財年, 2016財政年度.
        static let fiscalYearNames = Words.folded(["財政年度", "財政年", "財年", "年度"])
        /// What follows 去年同期 when it introduces that period's own figure (去年同期為, 去年同期則虧損,
        /// 上年同期10.41港仙) rather than a comparison (比去年同期增加).
        static let introducesFigure: Set<UInt32> = Set("為为則则的是：:錄录虧亏盈賺赚淨净約约".unicodeScalars.map(\.value) + (0x30...0x39).map { UInt32($0) })
        static let until = [ScriptFold.shared.fold("截至"), ScriptFold.shared.fold("截止")]
        /// Words after `截至…日` that say how long the period ending then is, in months.
        static let lengths: [([UInt32], Int)] = [
            ("財政年度", 12), ("財年", 12), ("年度", 12), ("全年", 12), ("十二個月", 12), ("12個月", 12), ("首半年", 6), ("上半年", 6), ("中期", 6),
            ("下半年", 6), ("半年", 6), ("六個月", 6), ("6個月", 6), ("九個月", 9), ("9個月", 9), ("三個月", 3), ("3個月", 3),
            ("季度", 3), ("季", 3), ("年", 12),
        ].map { (ScriptFold.shared.fold($0.0), $0.1) }
        /// Characters that can start a period phrase.
        static let triggers: [Bool] = {
            var table = [Bool](repeating: false, count: 0x10000)
            for w in [lastYearSamePeriod, priorYearSamePeriod, lastYear, yearBeforeLast, thisYear, currentYear, nextYear, fullYear, yearly, firstHalf, secondHalf, interim] {
                table[Int(w[0])] = true
            }
            for w in earlierYearSamePeriod + previousQuarter + lastQuarter + fiscalFirstHalf + fiscalSecondHalf + [samePeriod] { table[Int(w[0])] = true }
            for c: UInt32 in [0x524D, 0x9996, 0x7B2C, 0x51, 0x71, 0x28, 0x622A, 0x6B21] { table[Int(c)] = true }   // 前 首 第 Q q ( 截 次
            for c in 0x30...0x39 { table[c] = true }
            for c in 0x3000..<0x10000 where NumeralChar.plainDigit(UInt32(c)) != nil || NumeralChar.smallUnit(UInt32(c)) != nil { table[c] = true }
            return table
        }()
        /// First characters of the words `hits` compares at a position (its `word` checks): a character
        /// that starts none of them (a digit, most often) goes straight to the numeral phrases.
        static let wordStarts: [Bool] = {
            var table = [Bool](repeating: false, count: 0x10000)
            for w in [lastYearSamePeriod, priorYearSamePeriod, samePeriod, lastYear, yearBeforeLast, thisYear, currentYear, nextYear,
                      fullYear, yearly, firstHalf, secondHalf, interim]
                + until + earlierYearSamePeriod + previousQuarter + lastQuarter + fiscalFirstHalf + fiscalSecondHalf + otherFirstHalf where w[0] < 0x10000 {
                table[Int(w[0])] = true
            }
            return table
        }()
    }

    struct Hit {
        var start: Int
        var end: Int
        /// Quarter or month span within a year, or nil for a whole year.
        var span: Span?
        /// A year given by the phrase itself (去年, 2024年); nil when the phrase leaves it open.
        var year: Int?
        /// A period the phrase fixes whole, years included (截至2019年3月31日止年度: 2018-Q2/2019-Q1).
        var literal: String? = nil
        /// A phrase counted within the reporting year (第3季, 上半年, 首9個月, 全年), which a fiscal year
        /// stated earlier in the teaser places (截至7月底的次季 … 上半年: the half ending in July).
        var fiscalRelative = false
        /// A phrase that names a fiscal period (第三財季, 首半財年): without a fiscal year stated in the
        /// teaser its months are unknown, and the spec gives it no period.
        var fiscalOnly = false
        /// The fiscal year a `截至…` phrase implies (截至9月30日止六個月: the year ending in March).
        var fiscal: FiscalYear? = nil
        /// 去年同期, 上年同期, 2021年同期 before a figure: the period before it, a year earlier (or in the year named).
        var sameTimeEarlier = false
        /// 上一季度, 上季 before a figure: the quarter before the one in force.
        var quarterEarlier = false

        /// 自2011財年第四季的X以來: the period of a record compared with dates its own figure, and is not the
        /// period in force for the figures after it.
        var pointOfComparison = false

        /// A phrase that dates only the figure of its own clause, relative to the period in force.
        var isRelative: Bool { sameTimeEarlier || quarterEarlier }
    }

    /// A reporting year by the month and year it ends in.
    struct FiscalYear: Equatable {
        var endMonth: Int
        var endYear: Int

        init(endMonth: Int, endYear: Int) {
            // month 15 of 2024 is March 2025
            self.endYear = endYear + (endMonth - 1) / 12
            self.endMonth = (endMonth - 1) % 12 + 1
        }

        /// Months `first...last` of the year (1 = its first month) as a period string.
        func months(_ first: Int, _ last: Int) -> String {
            let startAbsolute = endYear * 12 + endMonth - 1 - 11
            return PeriodFinder.periodString(from: startAbsolute + first - 1, to: startAbsolute + last - 1)
        }
    }

    /// The period from one absolute month (year × 12 + month − 1) to another: calendar quarters when it
    /// covers whole ones (2024-Q2/2024-Q3), else months (2024-05/2024-10); a year when it is one.
    static func periodString(from a: Int, to b: Int) -> String {
        let (y1, m1) = (a / 12, a % 12 + 1), (y2, m2) = (b / 12, b % 12 + 1)
        func two(_ m: Int) -> String { m < 10 ? "0\(m)" : "\(m)" }
        if m1 == 1, m2 == 12, y1 == y2 { return "\(y1)" }
        if m1 % 3 == 1, m2 % 3 == 0 {
            let s = "\(y1)-Q\((m1 + 2) / 3)", e = "\(y2)-Q\(m2 / 3)"
            return s == e ? s : "\(s)/\(e)"
        }
        return a == b ? "\(y1)-\(two(m1))" : "\(y1)-\(two(m1))/\(y2)-\(two(m2))"
    }

    /// The quarter before `period` when it is one quarter (2006-Q4 → 2006-Q3; 2023-05/2023-07 → 2023-02/2023-04), else nil.
    static func quarterBefore(_ period: String) -> String? {
        guard let (a, b) = absoluteMonths(period), b - a == 2 else { return nil }
        return periodString(from: a - 3, to: b - 3)
    }

    /// The first and last month (year × 12 + month − 1) of a period string: 2024, 2024-Q3, 2024-05, and ranges of them.
    static func absoluteMonths(_ period: String) -> (Int, Int)? {
        func bounds(_ part: Substring) -> (Int, Int)? {
            let u = Array(part.unicodeScalars)
            guard u.count >= 4, let y = Int(String(part.prefix(4))) else { return nil }
            if u.count == 4 { return (y * 12, y * 12 + 11) }
            guard u.count == 7, u[4] == "-" else { return nil }
            if u[5] == "Q", let q = Int(String(u[6])), (1...4).contains(q) { return (y * 12 + 3 * q - 3, y * 12 + 3 * q - 1) }
            if let m = Int(String(part.suffix(2))), (1...12).contains(m) { return (y * 12 + m - 1, y * 12 + m - 1) }
            return nil
        }
        let parts = period.split(separator: "/")
        guard parts.count == 1 || parts.count == 2, let first = bounds(parts[0]), let last = bounds(parts[parts.count - 1]) else { return nil }
        return (first.0, last.1)
    }

    /// `period` moved to `year` (its last year becomes `year`), or one year back when no year is named.
    static func shifted(_ period: String, toYear year: Int?) -> String {
        var years: [Int] = []
        var digits = 0, value = 0
        for c in period.unicodeScalars {
            if c.value >= 0x30, c.value <= 0x39 { digits += 1; value = value * 10 + Int(c.value - 0x30) } else {
                if digits == 4 { years.append(value) }
                digits = 0; value = 0
            }
        }
        if digits == 4 { years.append(value) }
        guard let last = years.last else { return period }
        let delta = year.map { $0 - last } ?? -1
        var out = "", run = ""
        func flush() {
            if run.count == 4, let y = Int(run) { out += "\(y + delta)" } else { out += run }
            run = ""
        }
        for c in period { if c.isASCII && c.isNumber { run.append(c) } else { flush(); out.append(c) } }
        flush()
        return out
    }

    enum Span {
        case quarters(Int, Int)
        case months(Int, Int)
    }

    /// Every period phrase in `[from, to)`, left to right.
    /// `nextQuarterWord`: 次季 is the next quarter (Taiwan's usage, 次季展望), not the second (星展次季淨利 in
    /// Singapore, Malaysia and Hong Kong).
    static func hits(_ text: NormalizedText, from: Int, to: Int, reference: Day, rocYears: Bool = false, nextQuarterWord: Bool = true) -> [Hit] {
        var out: [Hit] = []
        var i = from
        // (the position is passed, not captured: a nested function that captures the loop's `var i` has
        // every call checked for exclusive access at run time)
        func word(_ w: [UInt32], _ at: Int) -> Bool { text[at] == w[0] && text.matches(w, at: at) }
        func numeral(at p: Int) -> (Int, Int)? {
            guard let n = NumeralReader.read(text.folded, from: p), n.value >= 1, n.value <= 12, n.value == n.value.rounded() else { return nil }
            return (Int(n.value), n.end)
        }
        let triggers = W.triggers, wordStarts = W.wordStarts
        while i < to {
            let c = text[i]
            if c < 0x10000 && !triggers[Int(c)] { i += 1; continue }
            // (each word check below needs `c` to be the word's first character)
            if c >= 0x10000 || wordStarts[Int(c)] {
            if word(W.lastYearSamePeriod, i) || word(W.priorYearSamePeriod, i) {
                if W.introducesFigure.contains(text[i + 4]) || (W.introducesFigure.contains(text[i + 5]) && [0x5247, 0x5219, 0x4EA6].contains(text[i + 4])) {
                    out.append(Hit(start: i, end: i + 4, span: nil, year: nil, sameTimeEarlier: true))
                }
                i += 4; continue
            }
            if let w = W.earlierYearSamePeriod.first(where: { word($0, i) }) {
                if W.introducesFigure.contains(text[i + w.count]) { out.append(Hit(start: i, end: i + w.count, span: nil, year: nil, sameTimeEarlier: true)) }
                i += w.count; continue
            }
            if word(W.samePeriod, i), let last = out.last, last.end == i, last.year != nil, last.span == nil, last.literal == nil,
               W.introducesFigure.contains(text[i + 2]) {
                // 二零二一年同期的3,124,031,000港元: that year's same period
                out[out.count - 1] = Hit(start: last.start, end: i + 2, span: nil, year: last.year, sameTimeEarlier: true)
                i += 2; continue
            }
            if W.until.contains(where: { word($0, i) }), let (hit, e) = periodEnding(text, at: i, reference: reference) {
                out.append(hit); i = e; continue
            }
            if word(W.lastYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year - 1)); i += 2; continue }
            if word(W.yearBeforeLast, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year - 2)); i += 2; continue }
            if word(W.thisYear, i) || word(W.currentYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year)); i += 2; continue }
            if word(W.nextYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year + 1)); i += 2; continue }
            if let w = W.previousQuarter.first(where: { word($0, i) }) {
                out.append(Hit(start: i, end: i + w.count, span: nil, year: nil, quarterEarlier: true)); i += w.count; continue
            }
            if let w = W.lastQuarter.first(where: { word($0, i) }) {
                out.append(Hit(start: i, end: i + w.count, span: .quarters(4, 4), year: nil, fiscalRelative: true)); i += w.count; continue
            }
            if let w = W.fiscalFirstHalf.first(where: { word($0, i) }) {
                out.append(Hit(start: i, end: i + w.count, span: .quarters(1, 2), year: nil, fiscalRelative: true, fiscalOnly: true)); i += w.count; continue
            }
            if let w = W.fiscalSecondHalf.first(where: { word($0, i) }) {
                out.append(Hit(start: i, end: i + w.count, span: .quarters(3, 4), year: nil, fiscalRelative: true, fiscalOnly: true)); i += w.count; continue
            }
            if word(W.fullYear, i) || word(W.yearly, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: nil, fiscalRelative: true)); i += 2; continue }
            if word(W.firstHalf, i) || W.otherFirstHalf.contains(where: { word($0, i) }) {
                out.append(Hit(start: i, end: i + 3, span: .quarters(1, 2), year: nil, fiscalRelative: true)); i += 3; continue
            }
            if word(W.secondHalf, i) { out.append(Hit(start: i, end: i + 3, span: .quarters(3, 4), year: nil, fiscalRelative: true)); i += 3; continue }
            if word(W.interim, i), W.interimResults.contains(text[i + 2]) {
                out.append(Hit(start: i, end: i + 2, span: .quarters(1, 2), year: nil, fiscalRelative: true)); i += 2; continue
            }
            }
            if c == 0x524D || c == 0x9996 {   // 前 / 首: 前三季, 前11個月, 首季
                if let (k, e) = numeral(at: i + 1) {
                    if text[e] == 0x5B63, k <= 4 { out.append(Hit(start: i, end: e + 1, span: .quarters(1, k), year: nil, fiscalRelative: true)); i = e + 1; continue }
                    var m = e
                    if text[m] == 0x4E2A || text[m] == 0x500B { m += 1 }   // 个
                    if text[m] == 0x6708 { out.append(Hit(start: i, end: m + 1, span: .months(1, k), year: nil, fiscalRelative: true)); i = m + 1; continue }
                }
                if c == 0x9996, text[i + 1] == 0x5B63 { out.append(Hit(start: i, end: i + 2, span: .quarters(1, 1), year: nil, fiscalRelative: true)); i += 2; continue }
            }
            if c == 0x7B2C, let (k, e) = numeral(at: i + 1), text[e] == 0x5B63, k <= 4 {   // 第3季
                out.append(Hit(start: i, end: e + 1, span: .quarters(k, k), year: nil, fiscalRelative: true)); i = e + 1; continue
            }
            if c == 0x7B2C || c == 0x9996, let (k, e) = numeral(at: i + 1), text[e] == W.fiscalMark, text[e + 1] == 0x5B63, k <= 4 {   // 第3財季
                out.append(Hit(start: i, end: e + 2, span: .quarters(k, k), year: nil, fiscalRelative: true, fiscalOnly: true)); i = e + 2; continue
            }
            if c == 0x6B21, text[i + 1] == 0x5B63, !nextQuarterWord {   // 次季: the second quarter
                out.append(Hit(start: i, end: i + 2, span: .quarters(2, 2), year: nil, fiscalRelative: true)); i += 2; continue
            }
            if c == 0x9996, text[i + 1] == W.fiscalMark, text[i + 2] == 0x5B63 {   // 首財季
                out.append(Hit(start: i, end: i + 3, span: .quarters(1, 1), year: nil, fiscalRelative: true, fiscalOnly: true)); i += 3; continue
            }
            if (c == 0x51 || c == 0x71), NumeralChar.isASCIIDigit(text[i + 1]), let k = Int(String(UnicodeScalar(text[i + 1])!)), (1...4).contains(k) {
                out.append(Hit(start: i, end: i + 2, span: .quarters(k, k), year: nil, fiscalRelative: true)); i += 2; continue
            }
            if NumeralChar.isASCIIDigit(c) || NumeralChar.plainDigit(c) != nil {
                // the numeral here is read once, for a month range and for the phrases below
                let numeralHere = NumeralReader.read(text.folded, from: i)
                if let (hit, e) = monthRange(text, at: i, reference: reference, numeralAt: numeralHere) { out.append(hit); i = e; continue }
                guard let n = numeralHere else { i += 1; continue }
                if n.value >= 1, n.value <= 12, n.value == n.value.rounded() {
                    let k = Int(n.value), e = n.end
                    if (text[e] == 0x51 || text[e] == 0x71), k <= 4 { out.append(Hit(start: i, end: e + 1, span: .quarters(k, k), year: nil, fiscalRelative: true)); i = e + 1; continue }
                    if text.matches(W.quarterWord, at: e), k <= 4 { out.append(Hit(start: i, end: e + 2, span: .quarters(k, k), year: nil, fiscalRelative: true)); i = e + 2; continue }
                    // 1-11月, 1至11月, 4至9月: the months from one to the other
                    if text[e] == 0x2D || text[e] == 0x81F3 || text[e] == 0x5230 || text[e] == 0x7E, let (k2, e2) = numeral(at: e + 1), text[e2] == 0x6708, k2 > k {
                        out.append(Hit(start: i, end: e2 + 1, span: .months(k, k2), year: nil)); i = e2 + 1; continue
                    }
                    if text[e] == 0x6708, !(text[e + 1] == 0x5E95) {
                        // 11月 (not followed by a day: 11月3日 is a date)
                        if let d = NumeralReader.read(text.folded, from: e + 1), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 {
                            i = d.end + 1; continue
                        }
                        // 為2月以來最大增幅: a month a record is counted from is not the figure's period
                        // (nor is its year: 今年1月以來)
                        if text.matches(W.since, at: e + 1) {
                            if let last = out.last, last.end == i, last.span == nil, last.literal == nil { out.removeLast() }
                            i = e + 3; continue
                        }
                        out.append(Hit(start: i, end: e + 1, span: .months(k, k), year: nil)); i = e + 1; continue
                    }
                }
                if n.value >= 1990, n.value <= 2100, text[n.end] == 0x5E74 {
                    // 2024年 — or 2024年第3季 / 2024年11月: the year of the next phrase
                    out.append(Hit(start: i, end: n.end + 1, span: nil, year: Int(n.value))); i = n.end + 1; continue
                }
                if n.value >= 1990, n.value <= 2100, let w = W.fiscalYearNames.first(where: { text.matches($0, at: n.end) }) {
                    // 2026財年: a fiscal year named alone; a quarter right after it (2026財年第一季) is a fiscal
                    // quarter, whose months the text does not give
                    out.append(Hit(start: i, end: n.end + w.count, span: nil, year: Int(n.value)))
                    i = n.end + w.count
                    while i < to, text[i] == 0x20 { i += 1 }
                    if text[i] == 0x7B2C || text[i] == 0x9996, let (k, e) = numeral(at: i + 1), text[e] == 0x5B63, k <= 4 {
                        out.append(Hit(start: i, end: e + 1, span: .quarters(k, k), year: nil, fiscalRelative: true, fiscalOnly: true)); i = e + 1
                    }
                    continue
                }
                // 114年出口6407.5億美元: a year of the Republic of China on a Taiwanese page (not 60年來, 100年前)
                if rocYears, n.value >= 70, n.value <= 150, n.value == n.value.rounded(), text[n.end] == 0x5E74, n.end - i <= 3,
                   (i..<n.end).allSatisfy({ NumeralChar.isASCIIDigit(text[$0]) }), !NumeralChar.isASCIIDigit(text[i - 1]),
                   !W.notRocYear.contains(text[n.end + 1]) {
                    out.append(Hit(start: i, end: n.end + 1, span: nil, year: Int(n.value) + 1911)); i = n.end + 1; continue
                }
                // a number that names no period: none starts inside it either
                i = max(i + 1, n.end)
                continue
            }
            i += 1
        }
        // 2025年4至9月的上半財年, 4至9月的上半年: a half or quarter named right after its months is those months
        let found = out
        out.removeAll { hit in
            guard hit.fiscalOnly || hit.fiscalRelative, case .quarters? = hit.span else { return false }
            return found.contains { m in
                guard m.end <= hit.start, hit.start - m.end <= 1 else { return false }
                if case .months? = m.span { return true }
                return m.span == nil && m.literal != nil && !m.isRelative
            }
        }
        // 自2011財年第四季…以來, 從去年第三季: a phrase right after 自/從 (and the one it runs into) is a point of comparison
        for k in out.indices where [0x81EA, 0x4ECE].contains(text[out[k].start - 1]) {   // 自 从
            out[k].pointOfComparison = true
            if k + 1 < out.count, out[k + 1].start == out[k].end { out[k + 1].pointOfComparison = true }
        }
        return placedInFiscalYear(out)
    }

    /// Phrases counted within the reporting year (第四季, 上半年, 首9個月, 全年) that follow a `截至…` phrase
    /// implying a fiscal year, placed in that year: after 截至今年3月底的2024財年, 第四季 is 2024-Q1 and
    /// 全年 is 2023-Q2/2024-Q1. A phrase with its own year right before it (2024年上半年) keeps it.
    static func placedInFiscalYear(_ hits: [Hit]) -> [Hit] {
        guard hits.contains(where: { $0.fiscal != nil || $0.fiscalOnly }) else { return hits }
        var out = hits
        var fiscal: FiscalYear?
        for k in out.indices {
            if let f = out[k].fiscal { fiscal = f; continue }
            if fiscal == nil, out[k].fiscalOnly { out[k].literal = ""; continue }   // months unknown: no period
            guard let f = fiscal, out[k].fiscalRelative, out[k].year == nil, out[k].literal == nil else { continue }
            if k > 0, out[k - 1].year != nil, out[k - 1].span == nil, out[k - 1].literal == nil, out[k].start - out[k - 1].end <= 1 { continue }
            switch out[k].span {
            case nil: out[k].literal = f.months(1, 12)
            case .quarters(let a, let b)?: out[k].literal = f.months(3 * a - 2, 3 * b)
            case .months(let a, let b)?: out[k].literal = f.months(a, b)
            }
        }
        return out
    }

    /// `2022年4月至2023年3月`, `4月到9月`, `2024年7-9月`: the months from one to the other, as written; nil when
    /// either end is a day (4月1日至6月30日 is a span of days) or the phrase is something else.
    /// `numeralAt` is `NumeralReader.read(text.folded, from: i)`, already read by the caller.
    static func monthRange(_ text: NormalizedText, at i: Int, reference: Day, numeralAt: Numeral?) -> (Hit, Int)? {
        /// A month, maybe after a year (2024年3月), from the numeral it starts with.
        func yearMonth(_ numeral: Numeral?) -> (year: Int?, month: Int, end: Int)? {
            var year: Int?
            var month = numeral
            if let y = numeral, y.value >= 1900, y.value <= 2100, y.value == y.value.rounded(), text[y.end] == 0x5E74 {
                year = Int(y.value)
                month = NumeralReader.read(text.folded, from: y.end + 1)
            }
            guard let m = month, m.value >= 1, m.value <= 12, m.value == m.value.rounded() else { return nil }
            return (year, Int(m.value), m.end)
        }
        guard let first = yearMonth(numeralAt) else { return nil }
        var p = first.end
        let firstHasMonthWord = text[p] == 0x6708   // 4月至9月; 7-9月 writes 月 once
        if firstHasMonthWord {
            if let d = NumeralReader.read(text.folded, from: p + 1), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 { return nil }
            p += 1
        }
        guard [0x81F3, 0x5230, 0x2D, 0x7E, 0xFF5E, 0x2014, 0x2013, 0xFF0D].contains(text[p]) else { return nil }   // 至 到 - ~ ～ — – －
        guard let second = yearMonth(NumeralReader.read(text.folded, from: p + 1)), text[second.end] == 0x6708 else { return nil }
        if let d = NumeralReader.read(text.folded, from: second.end + 1), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 { return nil }
        // a range without 月 on its first end needs a year or a small span (7-9月), not 2-3月 of a count
        if !firstHasMonthWord && first.year == nil && second.year == nil && first.month == 1 { return nil }   // 1-11月 is read elsewhere
        let endYear = second.year ?? first.year.map { second.month >= first.month ? $0 : $0 + 1 }
            ?? (second.month <= reference.month ? reference.year : reference.year - 1)
        let startYear = first.year ?? (first.month <= second.month ? endYear : endYear - 1)
        let a = startYear * 12 + first.month - 1, b = endYear * 12 + second.month - 1
        guard b > a, b - a < 24 else { return nil }
        func two(_ m: Int) -> String { m < 10 ? "0\(m)" : "\(m)" }
        // months as written, not folded into quarters
        let literal = "\(startYear)-\(two(first.month))/\(endYear)-\(two(second.month))"
        return (Hit(start: i, end: second.end + 1, span: nil, year: endYear, literal: literal), second.end + 1)
    }

    /// `截至2019年3月31日止年度`, `截至9月30日止六個月`, `截至7月31日的第四季`: the months that end on the day
    /// named, as long as the words after it say; nil when no length follows (截至昨日 is only a date).
    static func periodEnding(_ text: NormalizedText, at i: Int, reference: Day) -> (Hit, Int)? {
        var p = i + 2
        if W.untilLinks.contains(text[p]) { p += 1 }   // 截止到
        var year: Int?
        if text.matches(W.thisYear, at: p) || text.matches(W.currentYear, at: p) {
            year = reference.year; p += 2   // 截至今年6月底
        } else if text.matches(W.lastYear, at: p) {
            year = reference.year - 1; p += 2
        } else if let y = NumeralReader.read(text.folded, from: p), y.value >= 1990, y.value <= 2100, text[y.end] == 0x5E74 {
            year = Int(y.value); p = y.end + 1
        }
        guard let m = NumeralReader.read(text.folded, from: p), m.value >= 1, m.value <= 12, text[m.end] == 0x6708 else { return nil }
        let month = Int(m.value)
        p = m.end + 1
        if let d = NumeralReader.read(text.folded, from: p), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 {
            p = d.end + 1
        } else if W.monthEnd.contains(text[p]) {
            p += 1   // 6月底, 7月杪, 9月末, 3月尾
        }
        // 止, 为止, 的, 之 between the day and the length
        for _ in 0..<2 where [0x6B62, 0x4E3A, 0x70BA, 0x7684, 0x4E4B].contains(text[p]) { p += 1 }
        if text[p] == 0x6B62 { p += 1 }
        var length: Int?
        var quarter: Int?
        var secondHalf = false
        // the fiscal year's own name: 截至9月底的2016財年第3季, 截至今年3月底的2024財年
        if let y = NumeralReader.read(text.folded, from: p), y.value >= 1990, y.value <= 2100,
           let w = W.fiscalYearNames.first(where: { text.matches($0, at: y.end) }) ?? (text[y.end] == 0x5E74 ? [0x5E74] : nil) {
            length = 12; p = y.end + w.count
        }
        var end = p
        // 第三財季, 首財季, 次財季: a quarter of the fiscal year, written like a calendar one
        let fiscalMark = (text[p] == 0x7B2C || text[p] == 0x9996 || text[p] == 0x6B21) && text[p + 1] == W.fiscalMark ? 1 : 0
        if text[p] == 0x7B2C || text[p] == 0x9996, let q = NumeralReader.read(text.folded, from: p + 1), text[q.end] == W.fiscalMark || text[q.end] == 0x5B63,
           text[q.end + (text[q.end] == W.fiscalMark ? 1 : 0)] == 0x5B63, (1...4).contains(q.value) {
            let e = q.end + (text[q.end] == W.fiscalMark ? 1 : 0)
            length = 3; quarter = Int(q.value); end = e + 1   // 第四季, 第三財季
            if text.matches(W.quarterWord, at: e) { end = e + 2 }
        } else if text[p] == 0x9996, text[p + 1 + fiscalMark] == 0x5B63 {
            length = 3; quarter = 1; end = p + 2 + fiscalMark   // 首季
        } else if text[p] == 0x6B21, text[p + 1 + fiscalMark] == 0x5B63 {
            length = 3; quarter = 2; end = p + 2 + fiscalMark   // 次季: the second quarter
        } else if let (w, months) = W.lengths.first(where: { text.matches($0.0, at: p) }) {
            length = months; end = p + w.count
            secondHalf = text.matches(W.secondHalf, at: p)
        } else if let n = NumeralReader.read(text.folded, from: p), n.value >= 1, n.value <= 12, text[n.end] == 0x500B || text[n.end] == 0x4E2A, text[n.end + 1] == 0x6708 {
            length = Int(n.value); end = n.end + 2   // 9個月
        }
        guard let months = length else { return nil }
        let endYear = year ?? (month <= reference.month ? reference.year : reference.year - 1)
        let endAbsolute = endYear * 12 + month - 1
        let literal = periodString(from: endAbsolute - months + 1, to: endAbsolute)
        // the fiscal year the period lies in, by where the period sits in it
        let fiscal: FiscalYear?
        switch (months, quarter) {
        case (3, let k?): fiscal = FiscalYear(endMonth: month + 3 * (4 - k), endYear: endYear)
        case (12, _): fiscal = FiscalYear(endMonth: month, endYear: endYear)
        case (6, _): fiscal = FiscalYear(endMonth: secondHalf ? month : month + 6, endYear: endYear)
        case (9, _): fiscal = FiscalYear(endMonth: month + 3, endYear: endYear)
        default: fiscal = nil
        }
        return (Hit(start: i, end: end, span: nil, year: endYear, literal: literal, fiscal: fiscal), end)
    }

    /// Characters of the verbs that follow a compared-with period (比10月少, 較上季下滑, 较上月萎缩), folded.
    static let comparisonVerbs = Set("少多增减升降涨跌高低滑缩萎衰扩长".unicodeScalars.map(\.value))

    /// The period for a figure at `position`: the nearest period phrase before it, with the year
    /// from the nearest year phrase before that (or the reference year, one back when the span would be in the future).
    static func resolve(_ hits: [Hit], before position: Int, reference: Day, text: NormalizedText? = nil, carried: String? = nil) -> (String, Int)? {
        var before = hits.filter { $0.end <= position }
        // 比10月少5.74%, 較上季下滑0.1%: the period compared with is not the figure's (nor a base to count back from)
        // (not 和去年同期相比，第三季度…: a clause break after 比 ends the comparison)
        // (較二零二二年第二季增長11%: the year and the quarter written together are one compared-with phrase)
        if let text, let last = before.last {
            var run = 1
            while run < before.count, before[before.count - run].start == before[before.count - run - 1].end { run += 1 }
            let runStart = before[before.count - run].start
            if [0x6BD4, 0x8F83].contains(text[runStart - 1])
                || [0x6BD4, 0x8F83].contains(text[runStart - 2]) && !Interpreter.clauseEnds.contains(text[runStart - 1]),
               (last.end..<position).contains(where: { comparisonVerbs.contains(text[$0]) }) {
                before.removeLast(run)
            }
        }
        // 去年同期為X: the period of the figures before, a year back — for the figure of its own clause only
        if let last = before.last, last.isRelative {
            let clauseBreak = text.map { t in (last.end..<position).contains { [0xFF0C, 0x2C, 0xFF1B, 0x3B, 0x3002].contains(t[$0]) } } ?? false
            before.removeLast()
            if !clauseBreak {
                let base = resolve(before, before: last.start, reference: reference, text: text)?.0 ?? carried
                // no quarter in force to count back from: 上季 is the quarter before the report's own
                // (a November report's 上季 is the third); 去年同期 with nothing in force dates nothing
                guard let base else {
                    guard last.quarterEarlier else { return nil }
                    let q = (reference.month - 1) / 3 + 1
                    return (quarterBefore("\(reference.year)-Q\(q)") ?? "", last.start)
                }
                if last.quarterEarlier { return (quarterBefore(base) ?? "", last.start) }
                return (shifted(base, toYear: last.year), last.start)
            }
        }
        guard let last = before.last else { return nil }
        if let literal = last.literal { return (literal, last.start) }
        if last.span == nil {
            // 全年/年度 take the year named right before them (去年全年), else the last year the teaser
            // named (2025年度成績單…全年每股盈餘), else the year that last ended when the report comes early
            // in the next (a full year's results are published after it ends), else the reference year
            if last.year == nil, let y = before.dropLast().last(where: { $0.year != nil && last.start - $0.end <= 2 })?.year {
                return ("\(y)", last.start)
            }
            // (not a year compared with: 較去年底8506.28，全年跌掉3915點 is this year's)
            let compared = { (h: Hit) -> Bool in text.map { t in h.start > 0 && (t[h.start - 1] == 0x8F83 || t[h.start - 1] == 0x6BD4) } ?? false }
            if last.year == nil, let y = before.dropLast().last(where: { $0.year != nil && $0.literal == nil && !compared($0) })?.year {
                return ("\(y)", last.start)
            }
            if last.year == nil, reference.month <= 3 { return ("\(reference.year - 1)", last.start) }
            return ("\(last.year ?? reference.year)", last.start)
        }
        var year = reference.year
        var explicit = false
        if let y = before.last(where: { $0.span == nil && $0.year != nil && $0.start < last.start && last.start - $0.end <= 12 })?.year {
            year = y; explicit = true
        }
        func two(_ m: Int) -> String { m < 10 ? "0\(m)" : "\(m)" }
        switch last.span! {
        case .quarters(let a, let b):
            if !explicit, (a - 1) * 3 + 1 > reference.month { year -= 1 }
            return (a == b ? "\(year)-Q\(a)" : "\(year)-Q\(a)/\(year)-Q\(b)", last.start)
        case .months(let a, let b):
            if !explicit, b > reference.month { year -= 1 }
            return (a == b ? "\(year)-\(two(a))" : "\(year)-\(two(a))/\(year)-\(two(b))", last.start)
        }
    }
}
