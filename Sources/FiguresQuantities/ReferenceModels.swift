import FiguresText

/// One result in the conventions of the Recognizers-Text reference suite, which `figures numbers --model`
/// follows so the numeral layer can be checked against an outside test suite.
public struct ReferenceResult: Sendable, Equatable {
    public enum Kind: String, Sendable { case number, percentage, currency, numberrange }
    public var kind: Kind
    public var value: Double?
    /// Ranges: the ends (nil for an open end) and whether each is included.
    public var low: Double?
    public var high: Double?
    public var lowInclusive = false
    public var highInclusive = false
    /// Currency: ISO code, when the unit has one.
    public var iso: String?
    /// Offsets in Unicode scalars, end exclusive.
    public var start: Int
    public var end: Int
}

/// Number, percent, currency and range recognisers with the reference suite's conventions: every
/// numeral counts (single digits too, spaces inside numerals allowed), fractions (三分之一, 3/5),
/// exponents (2e5, 2^-1), discounts (九折), comparison ranges (大于…小于…). The extractor does not
/// use these; they exist to measure the numeral layer and for `figures numbers --model`.
public enum ReferenceModels {
    public static func numbers(_ input: String) -> [ReferenceResult] {
        var s = RefScanner(input)
        return s.scanNumbers()
    }

    public static func percents(_ input: String) -> [ReferenceResult] {
        var s = RefScanner(input)
        return s.scanPercents()
    }

    public static func currencies(_ input: String) -> [ReferenceResult] {
        var s = RefScanner(input)
        return s.scanCurrencies()
    }

    public static func ranges(_ input: String) -> [ReferenceResult] {
        var s = RefScanner(input)
        return s.scanRanges()
    }
}

final class VagueFlag { var value = false }

struct RefScanner {
    let text: NormalizedText
    /// Whether the numeral just read had a vague part (十几万, 500多亿): ranges read it as an open lower bound.
    private let vagueFlag = VagueFlag()
    var lastNumeralWasVague: Bool {
        get { vagueFlag.value }
        nonmutating set { vagueFlag.value = newValue }
    }
    let t: [UInt32]
    var n: Int { t.count }

    init(_ input: String) {
        text = NormalizedText(input)
        t = text.folded
    }

    func at(_ i: Int) -> UInt32 { i >= 0 && i < n ? t[i] : 0 }

    func word(_ w: String, at i: Int) -> Bool {
        text.matches(ScriptFold.shared.fold(w), at: i)
    }

    static let space: UInt32 = 0x20

    /// 拾, 陆, 伍, 肆 are numerals only in numeric company (收拾, 陆地, 队伍, 放肆 are words): another numeral,
    /// a decimal point, 分之, 又, 打 or 負 beside them, spaces skipped. 壹 贰 叁 捌 玖 柒 are always numerals.
    static func neighbourIsNumeral(_ t: [UInt32], _ k: Int) -> Bool {
        if [0x58F9, 0x8D30, 0x53C1, 0x634C, 0x7396, 0x67D2].contains(t[k]) { return true }
        var b = k - 1
        while b >= 0, t[b] == 0x20 { b -= 1 }
        var a = k + 1
        while a < t.count, t[a] == 0x20 { a += 1 }
        let before = b >= 0 ? plain(t[b]) : 0, after = a < t.count ? plain(t[a]) : 0
        let context: Set<UInt32> = [0x70B9, 0x5206, 0x4E4B, 0x53C8, 0x6253, 0x8D1F]   // 点 分 之 又 打 负
        let isNum = { (c: UInt32) in NumeralChar.plainDigit(c) != nil || NumeralChar.smallUnit(c) != nil || NumeralChar.bigUnit(c) != nil
            || NumeralChar.isZero(c) || NumeralChar.isASCIIDigit(c) || NumeralChar.financialDigit(c) != nil || context.contains(c) }
        return isNum(before) || isNum(after)
    }

    func isNumeralChar(_ c: UInt32) -> Bool {
        return NumeralChar.isASCIIDigit(c) || NumeralChar.plainDigit(c) != nil || NumeralChar.financialDigit(c) != nil
            || NumeralChar.isZero(c) || NumeralChar.smallUnit(c) != nil || NumeralChar.tens(c) != nil || NumeralChar.bigUnit(c) != nil
    }

    /// Skips spaces; returns the next position.
    func skip(_ i: Int) -> Int {
        var k = i
        while at(k) == RefScanner.space { k += 1 }
        return k
    }

    /// A plain numeral from `i`: Arabic or Chinese, spaces allowed between its characters, 点 as a decimal point
    /// before a digit. Returns value, end (exclusive) and whether it has Chinese characters.
    /// Financial digits and 倆 as plain digits (the reference suite reads them anywhere).
    static func plain(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x58F9: return 0x4E00; case 0x8D30: return 0x4E8C; case 0x53C1: return 0x4E09; case 0x8086: return 0x56DB
        case 0x4F0D: return 0x4E94; case 0x9646: return 0x516D; case 0x67D2: return 0x4E03; case 0x634C: return 0x516B
        case 0x7396: return 0x4E5D; case 0x5006, 0x4FE9: return 0x4E24
        default: return c
        }
    }

    /// 几/幾/余/多 standing for "some" before a place or scale (二十几万, 十 余 万, 五百 余万).
    func isVagueBeforeUnit(_ k: Int) -> Bool {
        let c = at(k)
        guard c == 0x51E0 || c == 0x4F59 || c == 0x591A else { return false }
        let next = at(skip(k + 1))
        return NumeralChar.bigUnit(next) != nil || (c == 0x51E0 && NumeralChar.smallUnit(next) != nil)
    }

    func numeral(at i: Int) -> (value: Double, end: Int, chinese: Bool)? {
        var compact: [UInt32] = []
        var positions: [Int] = []
        var k = i
        // 半百 = 50
        if at(k) == CP.half, let u = NumeralChar.smallUnit(at(k + 1)) ?? NumeralChar.bigUnit(at(k + 1)) { return (u / 2, k + 2, true) }
        // .5 = 0.5
        if at(k) == 0x2E, NumeralChar.isASCIIDigit(at(k + 1)), let (v, e) = NumeralReader.readArabic(t, from: k + 1) {
            let digits = e - k - 1
            return (v / pow10(digits), e, false)
        }
        // 百三 = 130, 千三 = 1300: a leading place means one of it
        if (at(k) == 0x767E || at(k) == 0x5343), NumeralChar.plainDigit(at(k + 1)) != nil {
            compact.append(0x4E00); positions.append(k)
        }
        var vague = false
        while k < n {
            // financial digits count beside other numerals only (陆地, 队伍, 放肆 are words)
            let c = NumeralChar.financialDigit(t[k]) != nil || t[k] == 0x5006 || t[k] == 0x4FE9
                ? (RefScanner.neighbourIsNumeral(t, k) || t[k] == 0x5006 || t[k] == 0x4FE9 ? RefScanner.plain(t[k]) : 0) : t[k]
            // ４，５６５ groups; $20，300 does not: a full-width comma groups only full-width digits
            if c == 0x2C, text.original[k] == 0xFF0C, !(k > 0 && (0xFF10...0xFF19).contains(text.original[k - 1])) { break }
            if (isNumeralChar(c) && !(c == 0x62FE && !RefScanner.neighbourIsNumeral(t, k))) || (c == 0x2E && NumeralChar.isASCIIDigit(at(k + 1)) && !compact.isEmpty)
                || (c == 0x2C && NumeralChar.isASCIIDigit(at(k + 1)) && !compact.isEmpty && NumeralChar.isASCIIDigit(compact.last!)) {
                compact.append(c); positions.append(k); k += 1; continue
            }
            if c == NumeralChar.decimalPoint, !compact.isEmpty {
                let d = skip(k + 1)
                if NumeralChar.plainDigit(RefScanner.plain(at(d))) != nil, at(d) != 0x4E24 { compact.append(c); positions.append(k); k = d; continue }
                if NumeralChar.isZero(at(d)) { compact.append(c); positions.append(k); k = d; continue }
                break
            }
            // 余/多/几 between a number and its scale: 十 余 万, 二十几万 (the vague digit is dropped)
            if !compact.isEmpty, isVagueBeforeUnit(k) {
                if t[k] != 0x51E0 { compact.append(0x4F59); positions.append(k) }
                vague = true
                k = skip(k + 1); continue
            }
            if c == RefScanner.space, !compact.isEmpty {
                let next = skip(k)
                let nc = RefScanner.plain(at(next))
                if isVagueBeforeUnit(next) { k = next; continue }
                // spaces inside Chinese numerals, not between two Arabic numbers
                if (isNumeralChar(nc) || nc == NumeralChar.decimalPoint) && !(NumeralChar.isASCIIDigit(nc) && NumeralChar.isASCIIDigit(compact.last!)) {
                    k = next; continue
                }
            }
            break
        }
        guard !compact.isEmpty else { return nil }
        // 二三十: an approximate count, no number
        if compact.count >= 3, let a = NumeralChar.plainDigit(compact[0]), let b = NumeralChar.plainDigit(compact[1]), b == a + 1,
           NumeralChar.smallUnit(compact[2]) != nil { return nil }
        // 万万 = 亿
        var merged: [UInt32] = [], mergedPositions: [Int] = []
        for (idx, c) in compact.enumerated() {
            if c == 0x4E07, merged.last == 0x4E07 { merged[merged.count - 1] = 0x4EBF; mergedPositions[mergedPositions.count - 1] = positions[idx]; continue }
            merged.append(c); mergedPositions.append(positions[idx])
        }
        guard let r = NumeralReader.read(merged, from: 0), r.end > 0 else { return nil }
        lastNumeralWasVague = vague || r.over
        return (r.value, mergedPositions[r.end - 1] + 1, r.hasChinese)
    }

    /// A full number from `i`: sign, numeral, exponent, K/M suffix, fraction forms.
    func number(at i: Int) -> (value: Double, end: Int)? {
        var k = i
        var sign = 1.0
        guard k < n else { return nil }
        if at(k) == CP.fu || at(k) == 0x8D1F || at(k) == CP.minus || at(k) == CP.plus {
            if at(k) != CP.plus { sign = -1 }
            k = skip(k + 1)
        }
        // 分之 with no numerator before it (百分之 belongs to percents)
        guard let first = numeral(at: k) else { return nil }
        var value = first.value
        var end = first.end
        // fractions: A分之B, with 又 for mixed numbers handled by the caller
        let afterFirst = skip(end)
        if at(afterFirst) == CP.fen, at(skip(afterFirst + 1)) == CP.zhiOf {
            var b = skip(skip(afterFirst + 1) + 1)
            var bSign = 1.0
            if at(b) == CP.fu || at(b) == 0x8D1F || at(b) == CP.minus { bSign = -1; b = skip(b + 1) }
            if let num = numeral(at: b), first.value != 0 {
                return (sign * bSign * num.value / first.value, num.end)
            }
        }
        if !first.chinese {
            // 3/5
            if at(end) == CP.slash, let den = numeral(at: end + 1), !den.chinese, den.value != 0 {
                return (sign * value / den.value, den.end)
            }
            // 2e5, -1e1
            if (at(end) == 0x65 || at(end) == 0x45), let (e, eEnd) = exponent(at: end + 1) {
                value *= pow10(e); end = eEnd
            }
            // 2^-1
            if at(end) == 0x5E, let (e, eEnd) = exponent(at: end + 1) {
                value = power(value, e); end = eEnd
            }
            // -2.5 M, 3K
            let s = at(end) == RefScanner.space ? end + 1 : end
            let letter = at(s) | 0x20
            if (letter == 0x6B || letter == 0x6D || letter == 0x62 || letter == 0x67), !NumeralChar.isASCIILetter(at(s + 1)) {
                value *= letter == 0x6B ? 1e3 : letter == 0x6D ? 1e6 : letter == 0x67 ? 1e9 : 1e9
                end = s + 1
            }
        }
        // 壹打: a dozen
        if at(end) == 0x6253, first.chinese { value *= 12; end += 1 }
        return (sign * value, end)
    }

    func exponent(at i: Int) -> (Int, Int)? {
        var k = i, sign = 1
        if at(k) == CP.minus { sign = -1; k += 1 } else if at(k) == CP.plus { k += 1 }
        let s = k
        while NumeralChar.isASCIIDigit(at(k)) { k += 1 }
        guard k > s, let v = Int(String(decoding: t[s..<k].map { UInt8($0) }, as: UTF8.self)) else { return nil }
        return (sign * v, k)
    }

    func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }

    func power(_ base: Double, _ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= base }
        return e < 0 ? 1 / r : r
    }

    func startsNumber(_ i: Int) -> Bool {
        let raw = at(i)
        let c = NumeralChar.financialDigit(raw) != nil ? (RefScanner.neighbourIsNumeral(t, i) ? RefScanner.plain(raw) : 0) : RefScanner.plain(raw)
        if c == 0x62FE && !RefScanner.neighbourIsNumeral(t, i) { return false }
        if !NumeralChar.isASCIIDigit(c), c != CP.fu, c != 0x8D1F, c != CP.minus, c != CP.plus {
            let p = RefScanner.plain(at(i - 1))
            if NumeralChar.plainDigit(p) != nil || NumeralChar.smallUnit(p) != nil || NumeralChar.bigUnit(p) != nil { return false }
        }
        if c == 0x2E { return NumeralChar.isASCIIDigit(at(i + 1)) && !NumeralChar.isASCIIDigit(at(i - 1)) && at(i - 1) != 0x2E }
        if c == CP.half { return NumeralChar.smallUnit(at(i + 1)) != nil && at(i + 1) != 0x5341 }
        if (c == 0x767E || c == 0x5343) && NumeralChar.plainDigit(at(i + 1)) != nil && !isNumeralChar(at(i - 1)) { return true }
        if isNumeralChar(c) { return NumeralChar.bigUnit(c) == nil && !(NumeralChar.smallUnit(c) != nil && c != 0x5341 && c != 0x62FE) }
        if c == CP.fu || c == 0x8D1F || c == CP.minus || c == CP.plus {
            if NumeralChar.isASCIIDigit(at(i - 1)) || at(i - 1) == CP.minus { return false }   // 5-20: a dash, not a sign
            let k = skip(i + 1)
            let next = RefScanner.plain(at(k))
            return (isNumeralChar(next) && NumeralChar.bigUnit(next) == nil) || (next == 0x2E && NumeralChar.isASCIIDigit(at(k + 1)))
        }
        return false
    }

    /// Single numerals that the reference suite does not count: 一看, 十足, 两两, and a lone numeral before a currency or 折.
    func isWordLike(_ start: Int, _ end: Int) -> Bool {
        guard end - start == 1 || (end - start == 2 && at(start) == at(start + 1)) else { return false }
        guard !NumeralChar.isASCIIDigit(at(start)) else { return false }
        if end - start == 2 { return true }   // 两两
        let next = at(end)
        let followers: [UInt32] = [0x770B, 0x8DB3, 0x6298]   // 看 足 折
        if followers.contains(next) { return true }
        if word("美元", at: end) || word("美刀", at: end) { return true }
        return false
    }

    /// Words with numeral characters that are no numbers, and web addresses.
    func idiom(at i: Int) -> Int? {
        if (at(i) | 0x20) == 0x68, word("http", at: i) || word("HTTP", at: i) {
            var k = i
            while k < n, at(k) != RefScanner.space { k += 1 }
            return k
        }
        guard let w = QuantityRecognizer.shared.numeralWords.match(in: text, at: i) else { return nil }
        // words the extractor skips for its own reasons but that the reference suite reads as numbers
        if RefScanner.readAnyway.contains(text.foldedText(i, i + w.length)) { return nil }
        return i + w.length
    }

    static let readAnyway: Set<String> = Set(["五台山", "第一", "一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
                                              "十一月", "十二月", "一季", "二季", "三季", "四季", "兩岸", "兩國", "兩會", "兩者", "十四五", "十五五",
                                              "百度", "百事", "千問", "萬科", "萬達", "萬事達", "萬豪", "千禧", "三菱", "三井", "一汽", "七國集團",
                                              "二十國集團", "三星", "九州", "一中"].map { ScriptFold.shared.foldedString($0) })

    func result(_ kind: ReferenceResult.Kind, _ value: Double?, _ start: Int, _ end: Int) -> ReferenceResult {
        ReferenceResult(kind: kind, value: value, start: start, end: end)
    }

    // MARK: numbers

    mutating func scanNumbers() -> [ReferenceResult] {
        var out: [ReferenceResult] = []
        var i = 0
        while i < n {
            if let e = idiom(at: i) { i = e; continue }
            if NumeralChar.isASCIILetter(at(i - 1)) && NumeralChar.isASCIIDigit(at(i)) {
                // codes such as A2021…: skip the run
                while NumeralChar.isASCIIDigit(at(i)) || NumeralChar.isASCIILetter(at(i)) { i += 1 }
                continue
            }
            guard startsNumber(i), var (value, end) = number(at: i) else { i += 1; continue }
            if isWordLike(i, end) { i = end; continue }
            if at(skip(end)) == CP.percentSign { i = skip(end) + 1; continue }   // 二％ is a percent, not a number
            // X又A分之B
            let you = skip(end)
            if at(you) == 0x53C8, let frac = number(at: skip(you + 1)), frac.value < 1 {
                value += value < 0 ? -frac.value : frac.value
                end = frac.end
            }
            // 1 3/5: a whole number and a fraction after one space
            if at(end) == RefScanner.space, value == value.rounded(), NumeralChar.isASCIIDigit(at(end - 1)), NumeralChar.isASCIIDigit(at(end + 1)),
               let (a, aEnd) = NumeralReader.readArabic(t, from: end + 1), at(aEnd) == CP.slash,
               let (b, bEnd) = NumeralReader.readArabic(t, from: aEnd + 1), b != 0 {
                value += a / b
                end = bEnd
            }
            out.append(result(.number, value, i, end))
            i = end
        }
        return out
    }

    // MARK: percents

    mutating func scanPercents() -> [ReferenceResult] {
        var out: [ReferenceResult] = []
        var i = 0
        while i < n {
            // 百分之…, 千分之…, 万分之… (spaces allowed inside; before the idioms: 千万 alone is a word)
            if let (v, e) = prefixedPercent(at: i) { out.append(result(.percentage, v, i, e)); i = e; continue }
            if let e = idiom(at: i) { i = e; continue }
            // 打对折
            if word("打对折", at: i) || word("打對折", at: i) { out.append(result(.percentage, 50, i + 1, i + 3)); i += 3; continue }
            if word("半成", at: i) { out.append(result(.percentage, 5, i, i + 2)); i += 2; continue }
            if word("半折", at: i) { out.append(result(.percentage, 50, i, i + 2)); i += 2; continue }
            // 7 2 折
            if NumeralChar.isASCIIDigit(at(i)), at(i + 1) == RefScanner.space, NumeralChar.isASCIIDigit(at(i + 2)), at(skip(i + 3)) == 0x6298, !NumeralChar.isASCIIDigit(at(i - 1)) {
                let v = Double((at(i) - 0x30) * 10 + (at(i + 2) - 0x30))
                out.append(result(.percentage, v, i, skip(i + 3) + 1)); i = skip(i + 3) + 1; continue
            }
            guard startsNumber(i), let (value, end) = number(at: i) else { i += 1; continue }
            let u = skip(end)
            if at(u) == CP.percentSign || at(u) == 0x2030 {
                out.append(result(.percentage, at(u) == 0x2030 ? value / 10 : value, i, u + 1)); i = u + 1; continue
            }
            if let e = percentagePointWord(at: u) { out.append(result(.percentage, value, i, e)); i = e; continue }
            if at(u) == CP.cheng {
                var v = value * 10, e = u + 1
                let d = skip(e)
                if let digit = NumeralChar.plainDigit(at(d)) ?? NumeralChar.financialDigit(at(d)), !isNumeralChar(at(d + 1)) { v += Double(digit); e = d + 1 }
                else if at(d) == CP.half { v += 5; e = d + 1 }   // 三成半
                out.append(result(.percentage, v, i, e)); i = e; continue
            }
            if at(u) == 0x6298 {   // 折: 九折 = 90%, 八五折 = 85%, 6.5折 = 65%
                let digits = text.foldedText(i, end).filter { !$0.isWhitespace }
                if value >= 10 && digits.count == 1 { i = u + 1; continue }   // 十折 is no discount
                let v = value < 10 && (digits.count == 1 || digits.contains(".") || digits.contains("点")) ? value * 10 : value
                out.append(result(.percentage, v, i, u + 1)); i = u + 1; continue
            }
            i = end
        }
        return out
    }

    func percentagePointWord(at u: Int) -> Int? {
        // 个百分点, 百分点, with spaces anywhere inside
        var k = u
        if at(k) == CP.ge { k = skip(k + 1) }
        guard at(k) == 0x767E else { return nil }
        k = skip(k + 1)
        guard at(k) == CP.fen else { return nil }
        k = skip(k + 1)
        guard at(k) == CP.dian else { return nil }
        return k + 1
    }

    /// 百分之…, 千分之…, 萬分之…, 百萬分之… (a denominator written with places only), spaces allowed.
    func prefixedPercent(at i: Int) -> (Double, Int)? {
        // not the 百 of 一百分之二 (that is a fraction, a number)
        if i > 0, isNumeralChar(at(i - 1)) || (at(i - 1) == RefScanner.space && isNumeralChar(at(skip(i - 1) - 1))) { return nil }
        var k = i
        var denominator = 1.0
        var places = 0
        while let u = NumeralChar.smallUnit(at(k)) ?? NumeralChar.bigUnit(at(k)), u >= 100 {
            denominator *= u; places += 1
            k = skip(k + 1)
        }
        guard places > 0, at(k) == CP.fen else { return nil }
        k = skip(k + 1)
        guard at(k) == CP.zhiOf else { return nil }
        k = skip(k + 1)
        if at(k) == 0x767E, !isNumeralChar(at(k + 1)) { return (100 * 100 / denominator, k + 1) }   // 百分之百
        var sign = 1.0
        if at(k) == CP.fu || at(k) == 0x8D1F || at(k) == CP.minus { sign = -1; k = skip(k + 1) }
        guard startsNumber(k), let num = number(at: k) else { return nil }
        return (sign * num.value * 100 / denominator, num.end)
    }

    // MARK: currencies

    mutating func scanCurrencies() -> [ReferenceResult] {
        var out: [ReferenceResult] = []
        let words = RefScanner.currencyWords
        var i = 0
        while i < n {
            if let e = idiom(at: i) { i = e; continue }
            // a symbol before the amount: $20, ￥300
            if at(i) == CP.dollar || at(i) == 0xA5 || at(i) == 0xFFE5, let (v, e) = number(at: skip(i + 1)) {
                var r = result(.currency, v, i, e)
                r.iso = at(i) == CP.dollar ? nil : "CNY"
                out.append(r); i = e; continue
            }
            if startsNumber(i), let (value, end) = number(at: i) {
                var u = skip(end)
                if at(u) == CP.ge { u = skip(u + 1) }   // 20个比特币
                if let w = words.match(in: text, at: u) {
                    var total = value, e = u + w.length
                    // 五元三毛, 50元6角三分, 两美元又三美分
                    var k = e
                    if at(k) == 0x53C8 || at(k) == 0x548C { k += 1 }
                    if let (v2, e2) = number(at: k), let sub = RefScanner.subunits.match(in: text, at: e2) {
                        total += v2 * sub.payload; e = e2 + sub.length
                        if let (v3, e3) = number(at: e), let sub3 = RefScanner.subunits.match(in: text, at: e3) { total += v3 * sub3.payload; e = e3 + sub3.length }
                    }
                    // 8亿元人民币
                    if let w2 = words.match(in: text, at: e), w.payload == "CNY" && w2.payload == "CNY" { e += w2.length }
                    var r = result(.currency, total, i, e)
                    r.iso = w.payload.isEmpty ? nil : w.payload
                    out.append(r); i = e; continue
                }
                i = end; continue
            }
            if let w = words.match(in: text, at: i), w.length >= 2, !RefScanner.bareExcluded.contains(text.foldedText(i, i + w.length)) {
                var r = result(.currency, nil, i, i + w.length)
                r.iso = w.payload.isEmpty ? nil : w.payload
                out.append(r); i += w.length; continue
            }
            i += 1
        }
        return out
    }

    static let currencyWords: WordTable<String> = {
        var table = WordTable<String>()
        for row in TableFile.rows(named: "currencies.tsv") where row.count >= 2 {
            table.add(row[0], row[1] == "LOCAL" ? "CNY" : row[1])
        }
        for (w, iso) in [("块", "CNY"), ("块钱", "CNY"), ("美圆", "USD"), ("奈拉", "NGN"), ("比特币", ""), ("卢布", "RUB"), ("法郎", "CHF"),
                         ("元人民币", "CNY"), ("人民币元", "CNY"), ("日本円", "JPY"), ("韩元", "KRW"), ("英镑", "GBP"), ("澳元", "AUD")] {
            table.add(w, iso)
        }
        return table
    }()

    static let subunits: WordTable<Double> = WordTable([("角", 0.1), ("毛", 0.1), ("分", 0.01), ("美分", 0.01), ("日本銭", 0.01), ("钱", 0.01)])

    /// Currency words that are not currencies on their own (元 as in 元旦, 块 as in 一块).
    static let bareExcluded: Set<String> = []

    // MARK: ranges

    mutating func scanRanges() -> [ReferenceResult] {
        var out: [ReferenceResult] = []
        var i = 0
        while i < n {
            if let r = comparison(at: i) { out.append(r); i = r.end; continue }
            if startsNumber(i), let (a, aEnd) = number(at: i) {
                if lastNumeralWasVague {   // 十几万, 500多亿: more than the round number
                    var r = result(.numberrange, nil, i, aEnd)
                    r.low = a
                    out.append(r); i = aEnd; continue
                }
                // A到B, A至B, A~B, A-B, A与B之间
                let c = skip(aEnd)
                let connectors: [UInt32] = [CP.dao, CP.zhi, CP.tilde, CP.minus, 0x2013, 0x2014]
                if connectors.contains(at(c)), let (b, bEnd) = number(at: skip(c + 1)), b > a {
                    var r = result(.numberrange, nil, i, bEnd)
                    r.low = a; r.high = b; r.lowInclusive = true
                    out.append(r); i = bEnd; continue
                }
                if (at(c) == 0x4E0E || at(c) == 0x548C), let (b, bEnd) = number(at: skip(at(skip(c + 1)) == CP.di ? skip(c + 1) + 1 : c + 1)) {
                    var e = skip(bEnd)
                    if word("之间", at: e) { e += 2 } else if at(e) == 0x95F4 { e += 1 } else { i = aEnd; continue }
                    var start = i
                    let lead = at(i - 1) == CP.di ? i - 1 : i   // 在第十和第十五之间
                    if word("位于", at: lead - 2) { start = lead - 2 } else if at(lead - 1) == 0x5728 { start = lead - 1 }
                    var r = result(.numberrange, nil, start, e)
                    r.low = min(a, b); r.high = max(a, b); r.lowInclusive = true
                    out.append(r); i = e; continue
                }
                // 1000以上, 五百多, 三十或者以上, 170 之下, 五百或者更多
                if let (w, lowSide, inclusive) = RefScanner.postfixBounds.first(where: { word($0.0, at: c) }) {
                    var r = result(.numberrange, nil, i, c + w.unicodeScalars.count)
                    if lowSide { r.low = a; r.lowInclusive = inclusive } else { r.high = a; r.highInclusive = inclusive }
                    out.append(r); i = r.end
                    continue
                }
                i = aEnd; continue
            }
            i += 1
        }
        // 1000以上， 1500以下 → one range
        var merged: [ReferenceResult] = []
        for r in out {
            if let last = merged.last, last.high == nil, let lastLow = last.low, r.low == nil, let rHigh = r.high, lastLow <= rHigh,
               text.foldedText(last.end, r.start).removingCharacters(in: " ,，且并而").isEmpty {
                var m = last
                m.high = r.high; m.highInclusive = r.highInclusive; m.end = r.end
                merged[merged.count - 1] = m
            } else { merged.append(r) }
        }
        return merged
    }

    static let postfixBounds: [(String, Bool, Bool)] = [
        ("或者以上", true, true), ("或以上", true, true), ("以上", true, false), ("多", true, false), ("或者更多", true, true),
        ("或更多", true, true), ("之上", true, false), ("或者以下", false, true), ("或以下", false, true), ("以下", false, false),
        ("之下", false, false), ("以内", false, true),
    ]

    /// 大于10, 不小于三十, 小于 或 等于100, 比三十大, 至少有10, 超过80, ≥50, 等于一百七 (and the pair 大于10小于20).
    func comparison(at i: Int) -> ReferenceResult? {
        guard let (low, high, end) = bound(at: i) else { return nil }
        var r = result(.numberrange, nil, i, end)
        if let low { r.low = low.0; r.lowInclusive = low.1 }
        if let high { r.high = high.0; r.highInclusive = high.1 }
        // a second bound right after: 大于10小于20, 不大于50不小于20
        var k = skip(end)
        for w in ["且", "并且", "而且", "同时", "的同时", ",", "，"] where word(w, at: k) { k = skip(k + w.unicodeScalars.count) }
        if let (low2, high2, end2) = bound(at: k), (low2 != nil) != (r.low != nil) || (high2 != nil) != (r.high != nil),
           (low2?.0 ?? r.low ?? -Double.infinity) <= (high2?.0 ?? r.high ?? Double.infinity) {   // 大于50小于12 are two conditions
            if let l = low2, r.low == nil { r.low = l.0; r.lowInclusive = l.1; r.end = end2 }
            if let h = high2, r.high == nil { r.high = h.0; r.highInclusive = h.1; r.end = end2 }
        }
        return r
    }

    typealias Bound = (Double, Bool)

    func bound(at i: Int) -> (Bound?, Bound?, Int)? {
        let lowerWords: [(String, Bool)] = [("最少", true), ("过", false), ("大于或者等于", true), ("大于或等于", true), ("大于等于", true), ("不小于", true), ("不少于", true), ("不低于", true),
                                            ("至少有", true), ("至少是", true), ("至少", true), ("超过了", false), ("超过", false), ("大于", false), ("高于", false), ("多于", false),
                                            ("≥", true), (">=", true), ("> =", true), (">", false)]
        let upperWords: [(String, Bool)] = [("小于或者等于", true), ("小于或等于", true), ("小于 或 等于", true), ("小于等于", true), ("不大于", true), ("不多于", true),
                                            ("不超过", true), ("不高于", true), ("至多", true), ("最多", true), ("小于", false), ("少于", false), ("低于", false),
                                            ("≤", true), ("<=", true), ("< =", true), ("<", false)]
        // 最多为5, 至少是3: a copula may stand between the word and the number
        func value(after k: Int) -> (Double, Int)? {
            var p = skip(k)
            if [0x4E3A, 0x662F, 0x6709].contains(at(p)) { p = skip(p + 1) }
            return startsNumber(p) ? number(at: p) : nil
        }
        for (w, inclusive) in lowerWords where word(w, at: i) {
            if let (v, e) = value(after: i + w.unicodeScalars.count) { return ((v, inclusive), nil, e) }
        }
        for (w, inclusive) in upperWords where word(w, at: i) {
            if let (v, e) = value(after: i + w.unicodeScalars.count) { return (nil, (v, inclusive), e) }
        }
        if word("等于", at: i), let (v, e) = number(at: skip(i + 2)) { return ((v, true), (v, true), e) }
        // 比三十大, 比 170 低
        if at(i) == 0x6BD4, let (v, e) = number(at: skip(i + 1)) {
            let k = skip(e)
            if at(k) == 0x5927 || at(k) == 0x9AD8 || at(k) == 0x591A { return ((v, false), nil, k + 1) }
            if at(k) == 0x5C0F || at(k) == 0x4F4E || at(k) == 0x5C11 { return (nil, (v, false), k + 1) }
        }
        return nil
    }
}

extension String {
    func removingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        return String(String.UnicodeScalarView(unicodeScalars.filter { !chars.contains($0) }))
    }
}
