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
        static let quarterWord = ScriptFold.shared.fold("季度")
        static let until = [ScriptFold.shared.fold("截至"), ScriptFold.shared.fold("截止")]
        /// Words after `截至…日` that say how long the period ending then is, in months.
        static let lengths: [([UInt32], Int)] = [
            ("財政年度", 12), ("財年", 12), ("年度", 12), ("全年", 12), ("十二個月", 12), ("12個月", 12), ("首半年", 6), ("上半年", 6),
            ("下半年", 6), ("半年", 6), ("六個月", 6), ("6個月", 6), ("九個月", 9), ("9個月", 9), ("三個月", 3), ("3個月", 3),
            ("季度", 3), ("季", 3), ("年", 12),
        ].map { (ScriptFold.shared.fold($0.0), $0.1) }
        /// Characters that can start a period phrase.
        static let triggers: [Bool] = {
            var table = [Bool](repeating: false, count: 0x10000)
            for w in [lastYearSamePeriod, priorYearSamePeriod, lastYear, yearBeforeLast, thisYear, currentYear, nextYear, fullYear, yearly, firstHalf, secondHalf] {
                table[Int(w[0])] = true
            }
            for c: UInt32 in [0x524D, 0x9996, 0x7B2C, 0x51, 0x71, 0x28, 0x622A] { table[Int(c)] = true }   // 前 首 第 Q q ( 截
            for c in 0x30...0x39 { table[c] = true }
            for c in 0x3000..<0x10000 where NumeralChar.plainDigit(UInt32(c)) != nil || NumeralChar.smallUnit(UInt32(c)) != nil { table[c] = true }
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
    }

    enum Span {
        case quarters(Int, Int)
        case months(Int, Int)
    }

    /// Every period phrase in `[from, to)`, left to right.
    static func hits(_ text: NormalizedText, from: Int, to: Int, reference: Day) -> [Hit] {
        var out: [Hit] = []
        var i = from
        // (the position is passed, not captured: a nested function that captures the loop's `var i` has
        // every call checked for exclusive access at run time)
        func word(_ w: [UInt32], _ at: Int) -> Bool { text[at] == w[0] && text.matches(w, at: at) }
        func numeral(at p: Int) -> (Int, Int)? {
            guard let n = NumeralReader.read(text.folded, from: p), n.value >= 1, n.value <= 12, n.value == n.value.rounded() else { return nil }
            return (Int(n.value), n.end)
        }
        let triggers = W.triggers
        while i < to {
            let c = text[i]
            if c < 0x10000 && !triggers[Int(c)] { i += 1; continue }
            if word(W.lastYearSamePeriod, i) || word(W.priorYearSamePeriod, i) { i += 4; continue }
            if W.until.contains(where: { word($0, i) }), let (hit, e) = periodEnding(text, at: i, reference: reference) {
                out.append(hit); i = e; continue
            }
            if word(W.lastYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year - 1)); i += 2; continue }
            if word(W.yearBeforeLast, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year - 2)); i += 2; continue }
            if word(W.thisYear, i) || word(W.currentYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year)); i += 2; continue }
            if word(W.nextYear, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: reference.year + 1)); i += 2; continue }
            if word(W.fullYear, i) || word(W.yearly, i) { out.append(Hit(start: i, end: i + 2, span: nil, year: nil)); i += 2; continue }
            if word(W.firstHalf, i) { out.append(Hit(start: i, end: i + 3, span: .quarters(1, 2), year: nil)); i += 3; continue }
            if word(W.secondHalf, i) { out.append(Hit(start: i, end: i + 3, span: .quarters(3, 4), year: nil)); i += 3; continue }
            if c == 0x524D || c == 0x9996 {   // 前 / 首: 前三季, 前11個月, 首季
                if let (k, e) = numeral(at: i + 1) {
                    if text[e] == 0x5B63, k <= 4 { out.append(Hit(start: i, end: e + 1, span: .quarters(1, k), year: nil)); i = e + 1; continue }
                    var m = e
                    if text[m] == 0x4E2A { m += 1 }   // 个
                    if text[m] == 0x6708 { out.append(Hit(start: i, end: m + 1, span: .months(1, k), year: nil)); i = m + 1; continue }
                }
                if c == 0x9996, text[i + 1] == 0x5B63 { out.append(Hit(start: i, end: i + 2, span: .quarters(1, 1), year: nil)); i += 2; continue }
            }
            if c == 0x7B2C, let (k, e) = numeral(at: i + 1), text[e] == 0x5B63, k <= 4 {   // 第3季
                out.append(Hit(start: i, end: e + 1, span: .quarters(k, k), year: nil)); i = e + 1; continue
            }
            if (c == 0x51 || c == 0x71), NumeralChar.isASCIIDigit(text[i + 1]), let k = Int(String(UnicodeScalar(text[i + 1])!)), (1...4).contains(k) {
                out.append(Hit(start: i, end: i + 2, span: .quarters(k, k), year: nil)); i += 2; continue
            }
            if NumeralChar.isASCIIDigit(c) || NumeralChar.plainDigit(c) != nil {
                guard let n = NumeralReader.read(text.folded, from: i) else { i += 1; continue }
                if n.value >= 1, n.value <= 12, n.value == n.value.rounded() {
                    let k = Int(n.value), e = n.end
                    if (text[e] == 0x51 || text[e] == 0x71), k <= 4 { out.append(Hit(start: i, end: e + 1, span: .quarters(k, k), year: nil)); i = e + 1; continue }
                    if text.matches(W.quarterWord, at: e), k <= 4 { out.append(Hit(start: i, end: e + 2, span: .quarters(k, k), year: nil)); i = e + 2; continue }
                    // 1-11月, 1至11月
                    if k == 1, text[e] == 0x2D || text[e] == 0x81F3 || text[e] == 0x5230 || text[e] == 0x7E, let (k2, e2) = numeral(at: e + 1), text[e2] == 0x6708 {
                        out.append(Hit(start: i, end: e2 + 1, span: .months(1, k2), year: nil)); i = e2 + 1; continue
                    }
                    if text[e] == 0x6708, !(text[e + 1] == 0x5E95) {
                        // 11月 (not followed by a day: 11月3日 is a date)
                        if let d = NumeralReader.read(text.folded, from: e + 1), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 {
                            i = d.end + 1; continue
                        }
                        out.append(Hit(start: i, end: e + 1, span: .months(k, k), year: nil)); i = e + 1; continue
                    }
                }
                if n.value >= 1990, n.value <= 2100, text[n.end] == 0x5E74 {
                    // 2024年 — or 2024年第3季 / 2024年11月: the year of the next phrase
                    out.append(Hit(start: i, end: n.end + 1, span: nil, year: Int(n.value))); i = n.end + 1; continue
                }
                // a number that names no period: none starts inside it either
                i = max(i + 1, n.end)
                continue
            }
            i += 1
        }
        return out
    }

    /// `截至2019年3月31日止年度`, `截至9月30日止六個月`, `截至7月31日的第四季`: the months that end on the day
    /// named, as long as the words after it say; nil when no length follows (截至昨日 is only a date).
    static func periodEnding(_ text: NormalizedText, at i: Int, reference: Day) -> (Hit, Int)? {
        var p = i + 2
        var year: Int?
        if let y = NumeralReader.read(text.folded, from: p), y.value >= 1990, y.value <= 2100, text[y.end] == 0x5E74 {
            year = Int(y.value); p = y.end + 1
        }
        guard let m = NumeralReader.read(text.folded, from: p), m.value >= 1, m.value <= 12, text[m.end] == 0x6708 else { return nil }
        let month = Int(m.value)
        p = m.end + 1
        if let d = NumeralReader.read(text.folded, from: p), text[d.end] == 0x65E5 || text[d.end] == 0x53F7 { p = d.end + 1 }
        // 止, 为止, 的, 之 between the day and the length
        for _ in 0..<2 where [0x6B62, 0x4E3A, 0x70BA, 0x7684, 0x4E4B].contains(text[p]) { p += 1 }
        if text[p] == 0x6B62 { p += 1 }
        var length: Int?
        var end = p
        if text[p] == 0x7B2C || text[p] == 0x9996, let q = NumeralReader.read(text.folded, from: p + 1), text[q.end] == 0x5B63 {
            length = 3; end = q.end + 1   // 第四季, 首季
            if text.matches(W.quarterWord, at: q.end) { end = q.end + 2 }
        } else if let (w, months) = W.lengths.first(where: { text.matches($0.0, at: p) }) {
            length = months; end = p + w.count
        } else if let n = NumeralReader.read(text.folded, from: p), n.value >= 1, n.value <= 12, text[n.end] == 0x500B || text[n.end] == 0x4E2A, text[n.end + 1] == 0x6708 {
            length = Int(n.value); end = n.end + 2   // 9個月
        }
        guard let months = length else { return nil }
        let endYear = year ?? (month <= reference.month ? reference.year : reference.year - 1)
        var startMonth = month - months + 1, startYear = endYear
        if startMonth < 1 { startMonth += 12; startYear -= 1 }
        func two(_ m: Int) -> String { m < 10 ? "0\(m)" : "\(m)" }
        let literal: String
        if month % 3 == 0, months % 3 == 0 {
            let a = "\(startYear)-Q\((startMonth + 2) / 3)", b = "\(endYear)-Q\(month / 3)"
            literal = a == b ? a : "\(a)/\(b)"
        } else {
            literal = "\(startYear)-\(two(startMonth))/\(endYear)-\(two(month))"
        }
        return (Hit(start: i, end: end, span: nil, year: endYear, literal: literal), end)
    }

    /// The period for a figure at `position`: the nearest period phrase before it, with the year
    /// from the nearest year phrase before that (or the reference year, one back when the span would be in the future).
    static func resolve(_ hits: [Hit], before position: Int, reference: Day, text: NormalizedText? = nil) -> (String, Int)? {
        var before = hits.filter { $0.end <= position }
        // 比10月少5.74%: the month compared with is not the figure's period
        if let text, let last = before.last, [0x6BD4, 0x8F83].contains(text[last.start - 1]) || [0x6BD4, 0x8F83].contains(text[last.start - 2]),
           (last.end..<position).contains(where: { "少多增减升降涨跌高低".unicodeScalars.map(\.value).contains(text[$0]) }) {
            before.removeLast()
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
            if last.year == nil, let y = before.dropLast().last(where: { $0.year != nil && $0.literal == nil })?.year {
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
