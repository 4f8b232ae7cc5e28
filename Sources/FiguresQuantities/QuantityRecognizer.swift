import FiguresText

/// Finds every number, percent, percentage-point move, amount of money, range
/// and date in a text. Works on the folded code points of a `NormalizedText`
/// (one array pass, no regular expressions), so it keeps up with bulk input.
public final class QuantityRecognizer: Sendable {
    public static let shared = QuantityRecognizer()

    let currencies: WordTable<UnitCode>
    let measures: WordTable<UnitCode>
    let qualifiersBefore: WordTable<Qualifier>
    let qualifiersAfter: WordTable<Qualifier>
    /// Words with numeral characters that are no numbers (四川, 一直, 統一).
    public let numeralWords: WordTable<Bool>

    public init() {
        var currencies = WordTable<UnitCode>()
        for row in TableFile.rows(named: "currencies.tsv") where row.count >= 2 { currencies.add(row[0], UnitCode(row[1])) }
        self.currencies = currencies
        var measures = WordTable<UnitCode>()
        for row in TableFile.rows(named: "measure-words.tsv") where row.count >= 2 { measures.add(row[0], UnitCode(row[1])) }
        self.measures = measures
        var before = WordTable<Qualifier>(), after = WordTable<Qualifier>()
        for row in TableFile.rows(named: "qualifiers.tsv") where row.count >= 3 {
            guard let q = Qualifier(rawValue: row[2]) else { continue }
            if row[1] == "before" { before.add(row[0], q) } else { after.add(row[0], q) }
        }
        qualifiersBefore = before
        qualifiersAfter = after
        var words = WordTable<Bool>()
        for row in TableFile.rows(named: "numeral-words.tsv") where !row.isEmpty { words.add(row[0], true) }
        numeralWords = words
    }

    public func recognize(_ text: String) -> Recognition { recognize(NormalizedText(text)) }

    public func recognize(_ text: NormalizedText) -> Recognition {
        var scan = Scan(text: text, recognizer: self)
        scan.result.quantities.reserveCapacity(text.count / 10 + 8)   // dense market pages carry one figure in 10-20 characters
        scan.run()
        scan.mergeMinorUnits()
        scan.mergeRanges()
        scan.result.setAsideNonFinite()
        return scan.result
    }
}

extension Recognition {
    /// Moves quantities whose value, upper end or previous value is infinite or NaN to `skipped`:
    /// an overflowing digit run is no figure, and nothing downstream can store or print it.
    mutating func setAsideNonFinite() {
        guard quantities.contains(where: { !$0.isFinite }) else { return }
        for q in quantities where !q.isFinite {
            skipped.append(SkippedNumeral(reason: .notFinite, start: q.start, end: q.end))
        }
        quantities.removeAll { !$0.isFinite }
    }
}

extension Quantity {
    public var isFinite: Bool { value.isFinite && (high?.isFinite ?? true) }
}

extension UnitCode {
    static let time: UnitCode = "time"
    static let local: UnitCode = "LOCAL"
    static let usd: UnitCode = "USD"
}

// Code points used by the scanner (folded forms).
enum CP {
    static let percentSign: UInt32 = 0x25, dollar: UInt32 = 0x24, minus: UInt32 = 0x2D, plus: UInt32 = 0x2B
    static let slash: UInt32 = 0x2F, colon: UInt32 = 0x3A, dot: UInt32 = 0x2E, space: UInt32 = 0x20
    static let tilde: UInt32 = 0x7E, openParen: UInt32 = 0x28, closeParen: UInt32 = 0x29
    static let year: UInt32 = 0x5E74, month: UInt32 = 0x6708, day: UInt32 = 0x65E5, hao: UInt32 = 0x53F7
    static let di: UInt32 = 0x7B2C          // 第
    static let fu: UInt32 = 0x8D1F          // 负
    static let half: UInt32 = 0x534A        // 半
    static let ma: UInt32 = 0x7801          // 码
    static let cheng: UInt32 = 0x6210       // 成
    static let li: UInt32 = 0x5398          // 厘
    static let dian: UInt32 = 0x70B9        // 点
    static let fen: UInt32 = 0x5206         // 分
    static let jiao: UInt32 = 0x89D2        // 角
    static let bei: UInt32 = 0x500D         // 倍
    static let zhi: UInt32 = 0x81F3         // 至
    static let dao: UInt32 = 0x5230         // 到
    static let zhiOf: UInt32 = 0x4E4B       // 之
    static let jin: UInt32 = 0x4ECA         // 今
    static let ben: UInt32 = 0x672C         // 本
    static let zuo: UInt32 = 0x6628         // 昨
    static let ming: UInt32 = 0x660E        // 明
    static let qian: UInt32 = 0x524D        // 前
    static let emDash: UInt32 = 0x2014
    static let mi: UInt32 = 0x7C73          // 米 (厘米 is a length)
    static let zhong: UInt32 = 0x949F       // 钟 (点钟, 分钟 are times)
    static let xi: UInt32 = 0x6790          // 析 (分析)
    static let bie: UInt32 = 0x522B         // 别 (分别)
    static let ge: UInt32 = 0x4E2A          // 个
    static let zhou: UInt32 = 0x5468        // 周
    static let xing: UInt32 = 0x661F        // 星
    static let qi: UInt32 = 0x671F          // 期
    static let li4: UInt32 = 0x793C         // 礼
    static let bai: UInt32 = 0x62DC         // 拜
}

private let percentPointWords: [([UInt32], Double)] = [
    (ScriptFold.shared.fold("個百分點"), 1), (ScriptFold.shared.fold("百分點"), 1),
    (ScriptFold.shared.fold("個基點"), 0.01), (ScriptFold.shared.fold("基點"), 0.01),
    (ScriptFold.shared.fold("點子"), 0.01), (ScriptFold.shared.fold("bp"), 0.01), (ScriptFold.shared.fold("bps"), 0.01),
]
/// Cents after a number: a hundredth of the currency (跌79美分 = -0.79 USD; 涨37仙 in Kuala Lumpur is
/// 0.37 ringgit, in Hong Kong 0.37 dollars: bare 仙 is the page's own currency).
private let centWords: [([UInt32], UnitCode)] = [
    (ScriptFold.shared.fold("美分"), "USD"), (ScriptFold.shared.fold("港仙"), "HKD"), (ScriptFold.shared.fold("新加坡仙"), "SGD"),
    (ScriptFold.shared.fold("新加坡分"), "SGD"), (ScriptFold.shared.fold("新仙"), "SGD"), (ScriptFold.shared.fold("仙"), "LOCAL"),
]
private let centInitials: Set<UInt32> = Set(centWords.map { $0.0[0] })

/// Words where 成 follows a number but is not "tenths": 成交, 成為, 成長…
private let chengWords: Set<UInt32> = Set("交为長长本功立员員份果效熟品分绩績".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
/// The weekday each character names after 週, 星期 or 禮拜 (一 to 六, 日 and 天 for Sunday).
private let weekdayDigits: [UInt32: Int] = [0x4E00: 1, 0x4E8C: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x65E5: 7, 0x5929: 7]

/// Characters of move verbs (涨 跌 升 降 扬 挫 增 减 贬 高 低 回 落 调 加 息, and the last characters of
/// 减少, 增多, 增长, 扩大, 缩小, 收窄, 放宽, 下滑, 狂泻, 飙, 反弹, 攀), folded: `A至B` after them is a move and the level it reached
/// (上调0.125厘至5.875厘, 出口减少23亿美元至1761亿美元), not a range.
private let moveChars: Set<UInt32> = Set("涨跌升降扬挫增减贬高低回落调加息少多长大小窄宽滑泻飙弹攀".unicodeScalars.map { $0.value })

struct Scan {
    /// First characters of the percentage-point words (個 百 基 點 b).
    static func startsPercentPointWord(_ c: UInt32) -> Bool {
        c == CP.ge || c == 0x767E || c == 0x57FA || c == CP.dian || c == 0x62   // 个 百 基 点 b
    }

    /// Code points that can start something the scanner reads: digits, letters and symbols, numeral
    /// characters, signs, the first characters of dates, weekdays, 百分之, 半, and numeral words.
    static let triggers: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for c in 0x30...0x39 { table[c] = true }
        for c in 0x41...0x5A { table[c] = true }
        for c in 0x61...0x7A { table[c] = true }
        for c: UInt32 in [CP.dollar, 0x20AC, 0xA3, 0xA5, CP.minus, CP.plus, CP.fu, CP.half, CP.jin, CP.zuo, CP.ben, CP.ming, CP.qian,
                          CP.zhou, CP.xing, CP.li4, 0x2E] { table[Int(c)] = true }
        for c in 0x3000..<0x10000 where NumeralChar.isChineseNumeral(UInt32(c)) { table[c] = true }
        for row in TableFile.rows(named: "numeral-words.tsv") where !row.isEmpty {
            if let first = ScriptFold.shared.fold(row[0]).first, first < 0x10000 { table[Int(first)] = true }
        }
        return table
    }()

    let text: NormalizedText
    let t: [UInt32]
    let n: Int
    let recognizer: QuantityRecognizer
    var result = Recognition()
    /// Token storage reused by every numeral read in this scan.
    var scratch: [NumeralReader.Token] = []

    init(text: NormalizedText, recognizer: QuantityRecognizer) {
        self.text = text
        self.t = text.folded
        self.n = text.count
        self.recognizer = recognizer
    }

    func at(_ i: Int) -> UInt32 { i >= 0 && i < n ? t[i] : 0 }

    mutating func run() {
        var i = 0
        let triggers = Scan.triggers
        while i < n {
            // most characters start nothing: skip them with one table read each
            i = Scan.nextTrigger(t, from: i, triggers)
            guard i < n else { break }
            let c = t[i]
            // 百分之, 千分之, 万分之, 千万分之 (before the words: 千万 alone is "by all means")
            if c == 0x767E || c == 0x5343 || c == 0x4E07 || c == 0x4EBF, let (denominator, numberAt) = percentDenominator(at: i) {
                i = prefixedPercent(at: i, denominator: denominator, numberAt: numberAt) ?? numberAt
                continue
            }
            if c >= 0x4E00, recognizer.numeralWords.mayMatch(in: text, at: i), let length = recognizer.numeralWords.matchLength(in: text, at: i) {
                i += length
                continue
            }
            if NumeralChar.isASCIILetter(c) {
                if let e = currencyPrefix(at: i) { i = e; continue }
                // A run of letters and digits is a name or code (H200, MI300X, 5G): never a figure.
                var j = i
                var hasDigit = false
                while j < n, NumeralChar.isASCIILetter(t[j]) || NumeralChar.isASCIIDigit(t[j]) || (t[j] == CP.minus && j + 1 < n && NumeralChar.isASCIIDigit(t[j + 1]) && hasLetterBefore(j)) {
                    if NumeralChar.isASCIIDigit(t[j]) { hasDigit = true }
                    j += 1
                }
                if hasDigit { result.skipped.append(SkippedNumeral(reason: .productCode, start: i, end: j)) }
                i = j
                continue
            }
            if c == CP.dollar || c == 0x20AC || c == 0xA3 || c == 0xA5, let e = currencyPrefix(at: i) { i = e; continue }
            if (c == CP.jin || c == CP.zuo || c == CP.ben), at(i + 1) == CP.openParen, let e = parenthesisedDay(at: i) { i = e; continue }
            if c == CP.zhou || c == CP.xing || c == CP.li4, let e = weekday(at: i) { i = e; continue }
            if c == CP.jin || c == CP.zuo || c == CP.ming || c == CP.qian, let e = relativeDay(at: i) { i = e; continue }
            if c == CP.half, at(i + 1) == CP.ma || (at(i + 1) == CP.cheng && !chengWords.contains(at(i + 2))) {
                let unit: QuantityUnit = at(i + 1) == CP.ma ? .percentagePoint : .percent
                let v = at(i + 1) == CP.ma ? 0.125 : 5
                var q = Quantity(value: v, unit: unit, start: i, end: i + 2)
                q.chineseNumerals = true
                attachQualifiers(&q)
                result.quantities.append(q)
                i += 2
                continue
            }
            if NumeralChar.isASCIIDigit(c) || NumeralChar.startsChineseNumeral(c) || ((c == CP.minus || c == CP.plus || c == CP.fu) && startsNumber(at: i + 1) && signAllowed(at: i)) {
                i = number(at: i)
                continue
            }
            i += 1
        }
    }

    /// Reads a numeral with the scan's token buffer (no allocation per numeral).
    mutating func readNumeral(at i: Int) -> Numeral? {
        NumeralReader.read(t, from: i, scratch: &scratch)
    }

    /// The first position from `start` on whose code point may start something (or `t.count`).
    /// This loop sees every scalar of the page, so it runs on raw buffers.
    @inline(__always)
    static func nextTrigger(_ t: [UInt32], from start: Int, _ triggers: [Bool]) -> Int {
        t.withUnsafeBufferPointer { text in
            triggers.withUnsafeBufferPointer { table in
                var i = start
                let n = text.count
                while i < n {
                    let c = text[i]
                    if c >= 0x10000 || table[Int(c)] { break }
                    i &+= 1
                }
                return i
            }
        }
    }

    func hasLetterBefore(_ j: Int) -> Bool { j > 0 && NumeralChar.isASCIILetter(t[j - 1]) }

    func startsNumber(at i: Int) -> Bool {
        let c = at(i)
        return NumeralChar.isASCIIDigit(c) || (NumeralChar.plainDigit(c) != nil)
    }

    /// `-` is a sign, not a range dash or hyphen, when nothing numeric stands right before it.
    func signAllowed(at i: Int) -> Bool {
        let p = at(i - 1)
        if t[i] == CP.fu { return true }
        return !(NumeralChar.isASCIIDigit(p) || NumeralChar.isASCIILetter(p) || p == CP.percentSign || NumeralChar.isChineseNumeral(p))
    }

    // MARK: numbers

    /// Reads the figure that starts at `i` (a sign, or its first digit) and records it. Returns where scanning goes on.
    mutating func number(at i: Int) -> Int {
        let start = i
        var negative = false, explicitSign = false
        var p = i
        if t[p] == CP.minus || t[p] == CP.plus || t[p] == CP.fu {
            negative = t[p] != CP.plus
            explicitSign = true
            p += 1
        }
        guard let numeral = readNumeral(at: p) else { return i + 1 }
        var end = numeral.end
        // Ordinals: 第3次, 第十二大
        var ordinalAt = start - 1
        while at(ordinalAt) == CP.space, ordinalAt > start - 3 { ordinalAt -= 1 }
        if at(ordinalAt) == CP.di {
            result.skipped.append(SkippedNumeral(reason: .ordinal, start: ordinalAt, end: end))
            return end
        }
        if let e = date(numeral: numeral, start: p) { return e }
        // Times of day and scores: 12:30, 3:1
        if at(end) == CP.colon, NumeralChar.isASCIIDigit(at(end + 1)) {
            var e = end + 1
            while e < n, NumeralChar.isASCIIDigit(t[e]) { e += 1 }
            result.skipped.append(SkippedNumeral(reason: .time, start: start, end: e))
            return e
        }
        var value = numeral.value
        var unit = QuantityUnit.none
        var scale = 1.0
        // A fraction such as 1/4厘 (a quarter point in Hong Kong usage)
        if at(end) == CP.slash, numeral.hasArabic, let (den, e2) = NumeralReader.readArabic(t, from: end + 1), den > 0 {
            if at(e2) == CP.li || at(e2) == CP.ma {
                value /= den
                end = e2
            } else {
                result.skipped.append(SkippedNumeral(reason: .fraction, start: start, end: e2))
                return e2
            }
        }
        var u = end
        while at(u) == CP.space, u < end + 2 { u += 1 }   // 50 % and 5 萬 occur
        let cu = at(u)   // the character after the number (spaces skipped) decides the unit
        // 30多年, 20餘天: "more than" before a measure word
        if (cu == 0x591A || cu == 0x4F59), let m = recognizer.measures.match(in: text, at: u + 1) {
            var q = Quantity(value: value, unit: .measure(m.payload), start: start, end: u + 1 + m.length)
            q.qualifier = .over
            result.quantities.append(q)
            return q.end
        }
        if cu == CP.percentSign {
            unit = .percent; end = u + 1
        } else if Scan.startsPercentPointWord(cu), let (word, s) = percentPointWords.first(where: { text.matches($0.0, at: u) }) {
            unit = .percentagePoint; scale = s; end = u + word.count
        } else if cu == CP.ma {
            unit = .percentagePoint; scale = 0.25; end = u + 1
            if at(end) == CP.half { value += 0.5; end += 1 }   // 1碼半
        } else if cu == CP.li, at(u + 1) != CP.mi {
            unit = .li; end = u + 1
        } else if cu == CP.cheng, !chengWords.contains(at(u + 1)) {
            // 三成五 = 35%, 逾三成 = 30%
            unit = .percent; scale = 10; end = u + 1
            if let d = NumeralChar.plainDigit(at(end)), numeral.hasChinese {
                value += Double(d) / 10; end += 1
            }
        } else if cu == CP.dian && !NumeralChar.isASCIIDigit(at(u + 1)) && at(u + 1) != CP.half && at(u + 1) != CP.zhong {
            unit = .points; end = u + 1
        } else if cu == CP.fen, at(start - 1) == 0x65F6 || at(start - 1) == 0x70B9 {   // 16时30分, 3点15分
            unit = .measure(UnitCode.time); end = u + 1
        } else if (cu == CP.jiao || cu == CP.fen) && numeral.hasArabic || (cu == CP.jiao && numeral.hasChinese)
                    || (cu == CP.fen && numeral.hasChinese && (moveChars.contains(at(start - 1)) || at(start - 1) == 0x503C)) {   // 貶四點四分, 升值八分: a move in words
            // An exchange-rate move: 1.5角 = 0.15, 6.6分 = 0.066, 1角2分 = 0.12
            if cu == CP.fen, at(u + 1) == CP.zhong {
                unit = .measure(UnitCode.time); end = u + 2             // 30分钟
            } else if cu == CP.fen, at(u + 1) == CP.xi || at(u + 1) == CP.zhiOf || at(u + 1) == CP.bie {
                // 分析, 分之, 分别: no unit
            } else {
                unit = .fxMove
                if cu == CP.jiao {
                    scale = 0.1; end = u + 1
                    if let next = readNumeral(at: end), at(next.end) == CP.fen {
                        value = (value * 10 + next.value) / 100; scale = 1; end = next.end + 1   // exact: 4角1分 = 41/100
                    }
                } else {
                    scale = 0.01; end = u + 1
                }
            }
        } else if cu == CP.bei {
            unit = .times; end = u + 1
        } else if centInitials.contains(cu), let (word, iso) = centWords.first(where: { text.matches($0.0, at: u) }),
                  iso != UnitCode.local || numeral.hasArabic {   // 八仙 is no amount
            unit = iso == UnitCode.local ? .localYuan : .currency(iso)
            scale = 0.01; end = u + word.count
        } else if recognizer.currencies.mayMatch(in: text, at: u), let (length, iso) = recognizer.currencies.lengthAndPayload(in: text, at: u), iso != UnitCode.usd || length > 1,
                  u == end || !(0x4E00...0x9FFF).contains(at(u + length)) {   // 99 新台幣連3跌: a space parts a number from the next headline
            unit = iso == UnitCode.local ? .localYuan : .currency(iso)
            end = u + length
            // 1,928.7億元人民幣, 50元港幣: the currency named after 元 is the amount's
            if iso == UnitCode.local, let (nameLength, named) = recognizer.currencies.lengthAndPayload(in: text, at: end),
               named != UnitCode.local, nameLength > 1 {
                unit = .currency(named)
                end += nameLength
            }
        } else if recognizer.measures.mayMatch(in: text, at: u), let (length, kind) = recognizer.measures.lengthAndPayload(in: text, at: u),
                  u == end || value == value.rounded() || !(0x4E00...0x9FFF).contains(at(u + length)) {
            // (+0.20 台灣 22000.00: after a space, a fraction counts no things — a table's cells, not 以 281 票贊成)
            unit = .measure(kind); end = u + length
        }
        // A single Chinese digit with nothing after it is a word (一直, 統一, 四川), not a figure.
        if numeral.chineseCharCount == 1 && !numeral.hasArabic && unit == .none { return numeral.end }
        if numeral.hasChinese && !numeral.hasArabic && numeral.bareChineseDigits && numeral.chineseCharCount < 3 && unit == .none {
            return numeral.end
        }
        if scale != 1 { value = Scan.scaled(value, by: scale) }
        if negative { value = -value }
        var q = Quantity(value: value, unit: unit, start: start, end: end)
        q.explicitSign = explicitSign
        q.chineseNumerals = numeral.hasChinese
        q.trailingScale = numeral.trailingScale
        q.unitScale = scale
        if numeral.over { q.qualifier = .over }
        attachQualifiers(&q)
        result.quantities.append(q)
        return end
    }

    /// A value times a unit's factor (0.1 for 角, 0.01 for 分 and 基點, 0.25 for 碼, 10 for 成), to the
    /// digits written (0.7角 is 0.07).
    static func scaled(_ value: Double, by factor: Double) -> Double {
        factor == 1 ? value : NumeralReader.roundedToWrittenDigits(value * factor)
    }

    /// Hedge words before and after a figure.
    mutating func attachQualifiers(_ q: inout Quantity) {
        var head = q.start
        while at(head - 1) == CP.space, head > q.start - 2 { head -= 1 }   // 最多 50%
        if recognizer.qualifiersBefore.mayMatch(in: text, endingAt: head), let (length, qualifier) = recognizer.qualifiersBefore.lengthAndPayload(in: text, endingAt: head) {
            q.qualifier = q.qualifier ?? qualifier
            q.qualifierStart = head - length
        }
        if q.qualifier == nil, recognizer.qualifiersAfter.mayMatch(in: text, at: q.end), let (_, qualifier) = recognizer.qualifiersAfter.lengthAndPayload(in: text, at: q.end) {
            q.qualifier = qualifier
        }
    }

    /// The denominator of `百分之`, `千分之`, `千万分之`… at `i` (places of 100 and more, then 分之), and
    /// where the number after 之 starts.
    func percentDenominator(at i: Int) -> (Double, Int)? {
        var k = i
        var denominator = 1.0
        while k < i + 3, let u = NumeralChar.smallUnit(at(k)) ?? NumeralChar.bigUnit(at(k)), u >= 100 {
            denominator *= u
            k += 1
        }
        guard k > i, at(k) == CP.fen, at(k + 1) == CP.zhiOf else { return nil }
        return (denominator, k + 2)
    }

    /// `百分之三十四點一`, `千分之五`, `千万分之六`
    mutating func prefixedPercent(at i: Int, denominator: Double, numberAt: Int) -> Int? {
        guard let numeral = readNumeral(at: numberAt) else { return nil }
        var q = Quantity(value: Scan.scaled(numeral.value, by: 100 / denominator), unit: .percent, start: i, end: numeral.end)
        q.chineseNumerals = numeral.hasChinese
        q.prefixedPercent = true
        if at(i - 1) == CP.fu { q.value = -q.value; q.start -= 1; q.explicitSign = true }
        attachQualifiers(&q)
        result.quantities.append(q)
        return numeral.end
    }

    /// US$5、NT$100、$20、€3: a currency written before the amount.
    mutating func currencyPrefix(at i: Int) -> Int? {
        guard let e = recognizer.currencies.match(in: text, at: i) else { return nil }
        var p = i + e.length
        while at(p) == CP.space, p < i + e.length + 2 { p += 1 }
        guard NumeralChar.isASCIIDigit(at(p)), let numeral = readNumeral(at: p) else { return nil }
        // Only symbols and codes stand before amounts; words like 美元 do not.
        guard (i..<(i + e.length)).contains(where: { isCurrencySymbolOrCode(t[$0]) }) else { return nil }
        var end = numeral.end
        if let cur = recognizer.currencies.match(in: text, at: end), cur.payload == e.payload { end += cur.length }
        var q = Quantity(value: numeral.value, unit: e.payload == UnitCode.local ? .localYuan : .currency(e.payload), start: i, end: end)
        q.trailingScale = numeral.trailingScale
        attachQualifiers(&q)
        result.quantities.append(q)
        return end
    }

    /// ASCII (codes such as US, NT, HK and `$`) and the euro, pound and yen signs.
    func isCurrencySymbolOrCode(_ c: UInt32) -> Bool {
        c < 0x80 || c == 0x20AC || c == 0xA3 || c == 0xA5
    }

    // MARK: dates

    /// A numeral followed by 年, 月, 日 or 號 — or written m/d — is (part of) a date.
    mutating func date(numeral: Numeral, start: Int) -> Int? {
        let end = numeral.end
        let v = numeral.value
        let integral = v >= 0 && NumeralChar.isWhole(v)
        guard integral else { return nil }
        // every date form has 年 月 日 号 ) or / right after the number
        let after = at(spaces(end))
        guard after == CP.year || after == CP.month || after == CP.day || after == CP.hao
              || at(end) == CP.closeParen || at(end) == CP.slash else { return nil }
        // (2024)年 — the year in brackets after 去/今
        if at(start - 1) == CP.openParen, at(end) == CP.closeParen, at(end + 1) == CP.year, v >= 1900, v <= 2100 {
            result.dates.append(DateMention(year: Int(v), start: start - 1, end: end + 2))
            return end + 2
        }
        let unitAt = spaces(end)   // 2026 年 1 月 1 日 is written with spaces too
        if at(unitAt) == CP.year {
            var year: Int? = nil
            var roc = false
            if v >= 1900 && v <= 2100 { year = Int(v) }
            else if v >= 1 && v <= 200, numeral.hasArabic, isMonthAt(spaces(unitAt + 1)) { year = Int(v) + 1911; roc = true }
            guard let y = year else { return nil }
            var mention = DateMention(year: y, start: start, end: unitAt + 1)
            mention.rocYear = roc
            var next = unitAt + 1
            if let (m, e) = monthDay(at: spaces(next)) {
                mention.month = m.0; mention.day = m.1; mention.end = e; next = e
            }
            result.dates.append(mention)
            return next
        }
        if at(unitAt) == CP.month, let ((m, d), e) = monthDay(at: start) {
            result.dates.append(DateMention(month: m, day: d, start: start, end: e))
            return e
        }
        // 兩日, 三日 written with one Chinese digit are durations (連升兩日), not days of the month — unless
        // nothing of a span stands around them: 美股三大指數七日齊聲重挫, 。八日亞洲股市 (the 7th, the 8th)
        if (at(unitAt) == CP.day || at(unitAt) == CP.hao), v >= 1, v <= 31,
           numeral.hasArabic || numeral.chineseCharCount >= 2 || at(unitAt) == CP.day && isDayOfMonthInRunningText(start: start, dayAt: unitAt),
           !isYenWord(at(unitAt + 1)), !(at(unitAt) == CP.day && isSpanWord(at(unitAt + 1))),
           // 連續14日升市, 過去10日, 近20日: a span of days, whatever digits it is written in
           !(at(unitAt) == CP.day && Self.arabicSpanBefore.contains(at(start - 1))) {
            result.dates.append(DateMention(day: Int(v), start: start, end: unitAt + 1))
            return unitAt + 1
        }
        // m/d or y/m/d
        if at(end) == CP.slash, numeral.hasArabic, let (b, e2) = NumeralReader.readArabic(t, from: end + 1), NumeralChar.isWhole(b) {
            if at(e2) == CP.slash, let (c, e3) = NumeralReader.readArabic(t, from: e2 + 1), v >= 1900, v <= 2100, (1...12).contains(b), (1...31).contains(c) {
                result.dates.append(DateMention(year: Int(v), month: Int(b), day: Int(c), start: start, end: e3))
                return e3
            }
            if (1...12).contains(v), (1...31).contains(b), at(e2) != CP.li, at(e2) != CP.ma {
                result.dates.append(DateMention(month: Int(v), day: Int(b), start: start, end: e2))
                return e2
            }
        }
        return nil
    }

    /// One Chinese digit (not 兩) and 日 read as a day of the month: no word of a span of days before it
    /// (連升, 近, 逾, 過去, 首, 每, 這) and none after it (內, 來, 後, 以來, 間, 線, 均, 期).
    func isDayOfMonthInRunningText(start: Int, dayAt: Int) -> Bool {
        guard dayAt == start + 1, at(start) != 0x4E24 else { return false }   // 两
        let before = at(start - 1)
        if Self.spanBefore.contains(before) { return false }
        let after = at(dayAt + 1)
        return !Self.spanAfter.contains(after)
    }

    /// Characters right before N日 that make it a span of days (folded forms).
    static let spanBefore: Set<UInt32> = Set("连续近逾达过去前后首这那每第了升跌涨挫贬跳的一个约多隔".unicodeScalars.map(\.value))
    /// Characters right before a day written in digits that make it a span of days (連續14日, 近20日, 逾10日);
    /// not 約 or 達, which end city names (紐約18日電, 雅加達18日電).
    static let arabicSpanBefore: Set<UInt32> = Set("续近逾去首这每第隔".unicodeScalars.map(\.value))
    /// Characters right after N日 that make it a span of days (folded forms).
    static let spanAfter: Set<UInt32> = Set("内来后以间线均平期左之半息天".unicodeScalars.map(\.value))

    /// 圆 元 币 after 日: the yen (日圆, 日元, 日币), not a day of the month.
    func isYenWord(_ c: UInt32) -> Bool { c == 0x5706 || c == 0x5143 || c == 0x5E01 }

    /// After N日: a moving average or a span of days (5日線, 20日均線, 3日內), not the Nth of the month.
    func isSpanWord(_ c: UInt32) -> Bool { c == 0x7EBF || c == 0x5747 || c == 0x5185 || c == 0x5E73 }   // 线 均 内 平

    /// Skips up to two spaces.
    func spaces(_ i: Int) -> Int {
        var k = i
        while at(k) == CP.space, k < i + 2 { k += 1 }
        return k
    }

    mutating func isMonthAt(_ i: Int) -> Bool {
        guard let numeral = readNumeral(at: i) else { return false }
        return at(spaces(numeral.end)) == CP.month
    }

    /// `12月12日`, `12月`, `1 月 1 日`, with Arabic or Chinese numerals; returns ((month, day?), end).
    mutating func monthDay(at i: Int) -> ((Int, Int?), Int)? {
        guard let m = readNumeral(at: i), at(spaces(m.end)) == CP.month,
              m.value >= 1, m.value <= 12, NumeralChar.isWhole(m.value) else { return nil }
        let end = spaces(m.end) + 1
        let dayStart = spaces(end)
        if let d = readNumeral(at: dayStart), at(spaces(d.end)) == CP.day || at(spaces(d.end)) == CP.hao,
           d.value >= 1, d.value <= 31, NumeralChar.isWhole(d.value) {
            return ((Int(m.value), Int(d.value)), spaces(d.end) + 1)
        }
        return ((Int(m.value), nil), end)
    }

    /// 今（6）日 — today, the 6th; 本（28）日, an official notice's own day, is today too.
    mutating func parenthesisedDay(at i: Int) -> Int? {
        guard let d = readNumeral(at: i + 2), at(d.end) == CP.closeParen, at(d.end + 1) == CP.day,
              d.value >= 1, d.value <= 31 else { return nil }
        result.dates.append(DateMention(day: Int(d.value), relative: t[i] == CP.zuo ? .yesterday : .today, start: i, end: d.end + 2))
        return d.end + 2
    }

    /// 週五, 周五, 星期五, 禮拜五
    mutating func weekday(at i: Int) -> Int? {
        var p: Int
        if t[i] == CP.zhou { p = i + 1 }
        else if t[i] == CP.xing, at(i + 1) == CP.qi { p = i + 2 }
        else if t[i] == CP.li4, at(i + 1) == CP.bai { p = i + 2 }
        else { return nil }
        guard let d = weekdayDigits[at(p)] else { return nil }
        // 周一 to 周日; 周线/周期 are not weekdays
        if t[i] == CP.zhou && d == 7 && at(p) == 0x5929 { return nil }
        var mention = DateMention(weekday: d, start: i, end: p + 1)
        if at(i - 1) == 0x4E0A { mention.lastWeek = true; mention.start = i - 1 }   // 上週五
        if at(i - 1) == 0x4E0B { mention.nextWeek = true; mention.start = i - 1 }   // 下週一
        result.dates.append(mention)
        return p + 1
    }

    /// 今天/今日, 昨天/昨日/昨, 明天, 前天
    mutating func relativeDay(at i: Int) -> Int? {
        let c = t[i]
        guard c == CP.jin || c == CP.zuo || c == CP.ming || c == CP.qian else { return nil }
        let next = at(i + 1)
        let isDay = next == 0x5929 || next == 0x65E5   // 天 日
        let relative: DateMention.Relative
        switch c {
        case 0x4ECA where isDay: relative = .today
        case 0x6628: relative = .yesterday
        case 0x660E where isDay: relative = .tomorrow
        case 0x524D where next == 0x5929: relative = .dayBeforeYesterday
        default: return nil
        }
        let length = c == 0x6628 && !isDay ? 1 : 2
        result.dates.append(DateMention(relative: relative, start: i, end: i + length))
        return i + length
    }

    // MARK: amounts in two units

    /// `3令吉38仙`, `4令吉零5仙`, `1元5角`, `3新元20分`: a whole amount of a currency and the cents
    /// (仙, 分, 角) written right after it are one amount (3.38 ringgit), in the first one's currency.
    mutating func mergeMinorUnits() {
        let count = result.quantities.count
        guard count >= 2 else { return }
        var w = 0, k = 0
        while k < count {
            if k + 1 < count {
                let a = result.quantities[k], b = result.quantities[k + 1]
                let gap = b.start - a.end
                let majorUnit: Bool
                switch a.unit { case .currency, .localYuan: majorUnit = true; default: majorUnit = false }
                let minorEnd = at(b.end - 1)
                if majorUnit, gap == 0 || (gap == 1 && NumeralChar.isZero(at(a.end))), a.trailingScale == 1, a.unitScale == 1, !a.isRange,
                   a.value == a.value.rounded(), a.value >= 0, b.qualifier == nil, !b.isRange, !b.explicitSign,
                   b.value > 0, b.value < 1, minorEnd == 0x4ED9 || minorEnd == CP.fen || minorEnd == CP.jiao,   // 仙 分 角
                   !Scan.isDigitOrPoint(at(a.end - 1)) {
                    var merged = a
                    merged.value = a.value + b.value
                    merged.end = b.end
                    result.quantities[w] = merged
                    w += 1; k += 2
                    continue
                }
            }
            if w != k { result.quantities[w] = result.quantities[k] }
            w += 1; k += 1
        }
        result.quantities.removeLast(count - w)
    }

    static func isDigitOrPoint(_ c: UInt32) -> Bool { NumeralChar.isASCIIDigit(c) || c == 0x2E }

    // MARK: ranges

    /// Joins `A-B`, `A至B`, `A到B`, `A~B` into one range when the ends agree in unit;
    /// a low end written without its scale takes the high end's (`25-30億美元`).
    mutating func mergeRanges() {
        let count = result.quantities.count
        // nothing to join unless two figures stand close together
        var close = false
        var k0 = 0
        while k0 + 1 < count {
            if result.quantities[k0 + 1].start - result.quantities[k0].end <= 3 { close = true; break }
            k0 += 1
        }
        if !close { return }
        // Compacted in place: a joined pair is written at `w`, everything else moves down.
        var w = 0, k = 0
        while k < count {
            if k + 1 < count, mayJoin(k), let joined = joinedRange(k) {
                result.quantities[w] = joined
                w += 1; k += 2
                continue
            }
            if k + 1 < count { shareListedUnit(k) }
            if w != k { result.quantities[w] = result.quantities[k] }
            w += 1; k += 1
        }
        result.quantities.removeLast(count - w)
    }

    /// Cheap test before `joinedRange`: the character after figure `k` (spaces skipped) is a connector,
    /// or the next figure starts right there with its dash read as a sign.
    @inline(__always)
    func mayJoin(_ k: Int) -> Bool {
        var gap = result.quantities[k].end
        while gap < n, t[gap] == CP.space { gap += 1 }
        return gap < n && Scan.isRangeConnector(t[gap])
    }

    /// - ~ 至 到 — 〜 between the ends of a range.
    @inline(__always)
    static func isRangeConnector(_ c: UInt32) -> Bool {
        c == CP.minus || c == CP.tilde || c == CP.zhi || c == CP.dao || c == CP.emDash || c == 0x301C
    }

    /// The range made of figures `k` and `k + 1` when a connector joins them (`A-B`, `A至B`, `A~B`).
    func joinedRange(_ k: Int) -> Quantity? {
        let aEnd = result.quantities[k].end, bStart = result.quantities[k + 1].start
        var gap = aEnd
        while at(gap) == CP.space { gap += 1 }
        let connector = at(gap)
        let isConnector = Scan.isRangeConnector(connector)
        // `25亿-30亿`: the dash was read as the high end's sign
        let dashReadAsSign = bStart == aEnd && at(bStart) == CP.minus && result.quantities[k + 1].explicitSign
        guard isConnector || dashReadAsSign else { return nil }
        var a = result.quantities[k]
        let b = result.quantities[k + 1]
        if dashReadAsSign {
            var unsigned = b
            unsigned.value = -b.value; unsigned.explicitSign = false
            if connectorJoins(a, unsigned) { merge(&a, unsigned); return a }
        }
        // 大漲近500點至26936點 is a move and where it ended, not a range
        let afterMove = (connector == CP.zhi || connector == CP.dao) && moveChars.contains(at((a.qualifierStart ?? a.start) - 1))
        guard isConnector, !afterMove else { return nil }
        var after = gap + 1
        while at(after) == CP.space { after += 1 }
        guard after == bStart, connectorJoins(a, b) else { return nil }
        merge(&a, b)
        return a
    }

    /// `0.1和0.05個百分點`, `20%、35%`: a bare number listed right before a figure shares its unit.
    mutating func shareListedUnit(_ k: Int) {
        let aEnd = result.quantities[k].end
        // exactly one joining character between them: 和 与 及 、 或
        guard result.quantities[k + 1].start == aEnd + 1, isListJoiner(at(aEnd)) else { return }
        let a = result.quantities[k], b = result.quantities[k + 1]
        guard a.unit == .none, a.trailingScale == 1, !a.chineseNumerals || a.value >= 10,
              b.unit != .none, !isMeasure(b.unit) else { return }
        // 上揚147.21或0.95%: a move in points and the same move in percent, not two percents
        if at(aEnd) == 0x6216, b.unit == .percent, a.value >= 10, a.value >= 10 * abs(b.value) { return }
        result.quantities[k].unit = b.unit
        result.quantities[k].value = Scan.scaled(a.value, by: b.unitScale)
        result.quantities[k].unitScale = b.unitScale
    }

    func isListJoiner(_ c: UInt32) -> Bool {
        c == 0x548C || c == 0x4E0E || c == 0x53CA || c == 0x3001 || c == 0x6216
    }

    func isMeasure(_ u: QuantityUnit) -> Bool {
        if case .measure = u { return true }
        return u == .times
    }

    /// Two figures joined by a dash or 至 make a range when their units agree (or the low end has none).
    func connectorJoins(_ a: Quantity, _ b: Quantity) -> Bool {
        if a.isRange || b.isRange { return false }
        if a.unit != .none && a.unit != b.unit { return false }
        if case .measure = b.unit { return false }
        return true
    }

    /// `101.36-38`: the high end's digits replace as many last digits of the low end's.
    func completedHighEnd(_ a: Quantity, _ b: Quantity) -> Double? {
        guard a.trailingScale == 1, b.trailingScale == 1, b.unitScale == 1, a.end - a.start > b.end - b.start else { return nil }
        var digits: [UInt32] = []
        var k = b.start
        while k < b.end, NumeralChar.isASCIIDigit(at(k)) { digits.append(at(k)); k += 1 }
        guard !digits.isEmpty else { return nil }
        var low: [UInt32] = []
        k = a.start
        while k < a.end, NumeralChar.isASCIIDigit(at(k)) || at(k) == 0x2E { low.append(at(k)); k += 1 }
        guard low.count > digits.count, low.suffix(digits.count).allSatisfy({ NumeralChar.isASCIIDigit($0) }) else { return nil }
        let completed = low.dropLast(digits.count) + digits
        return Double(String(decoding: completed.map { UInt8($0) }, as: UTF8.self))
    }

    func merge(_ a: inout Quantity, _ b: Quantity) {
        var low = a.value
        if a.unit == .none {
            // the low end takes the high end's scale and unit factor: 25-30億, 1-2碼
            if a.trailingScale == 1, b.trailingScale > 1 { low *= b.trailingScale }
            low = Scan.scaled(low, by: b.unitScale)
        }
        var high = b.value
        // a quote's high end written as its last digits only (101.36-38: 101.36 to 101.38)
        if high < low, let completed = completedHighEnd(a, b), completed >= low { high = completed }
        // a range written high end first (35-30億美元, found by the fuzzer) is the same range: low ≤ high
        a.value = min(low, high)
        a.high = max(low, high)
        a.unit = b.unit
        a.end = b.end
        a.isRange = true
        a.trailingScale = b.trailingScale
        if a.qualifier == nil { a.qualifier = b.qualifier }
    }
}
