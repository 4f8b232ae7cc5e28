import Foundation
import FiguresText

/// Character classes of numerals, on folded code points (Simplified script, ASCII digits).
public enum NumeralChar {
    public static func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
    public static func isASCIILetter(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// Plain Chinese digits 一…九 and 两.
    public static func plainDigit(_ c: UInt32) -> Int? {
        switch c {
        case 0x4E00: return 1  // 一
        case 0x4E8C: return 2  // 二
        case 0x4E24: return 2  // 两
        case 0x4E09: return 3  // 三
        case 0x56DB: return 4  // 四
        case 0x4E94: return 5  // 五
        case 0x516D: return 6  // 六
        case 0x4E03: return 7  // 七
        case 0x516B: return 8  // 八
        case 0x4E5D: return 9  // 九
        default: return nil
        }
    }

    /// Financial (anti-fraud) digits 壹贰叁肆伍陆柒捌玖: names and words use some of them,
    /// so they count only next to another numeral character.
    public static func financialDigit(_ c: UInt32) -> Int? {
        switch c {
        case 0x58F9: return 1  // 壹
        case 0x8D30: return 2  // 贰
        case 0x53C1: return 3  // 叁
        case 0x8086: return 4  // 肆
        case 0x4F0D: return 5  // 伍
        case 0x9646: return 6  // 陆
        case 0x67D2: return 7  // 柒
        case 0x634C: return 8  // 捌
        case 0x7396: return 9  // 玖
        default: return nil
        }
    }

    public static func isZero(_ c: UInt32) -> Bool { c == 0x96F6 || c == 0x3007 }  // 零 〇

    /// 十百千 and their financial forms.
    public static func smallUnit(_ c: UInt32) -> Double? {
        switch c {
        case 0x5341, 0x62FE: return 10     // 十 拾
        case 0x767E, 0x4F70: return 100    // 百 佰
        case 0x5343, 0x4EDF: return 1000   // 千 仟
        default: return nil
        }
    }

    /// 廿 (20) and 卅 (30): a tens value with its own unit.
    public static func tens(_ c: UInt32) -> Double? {
        switch c {
        case 0x5EFF: return 20
        case 0x5345: return 30
        default: return nil
        }
    }

    public static func bigUnit(_ c: UInt32) -> Double? {
        switch c {
        case 0x4E07: return 1e4    // 万
        case 0x4EBF: return 1e8    // 亿
        case 0x5146: return 1e12   // 兆
        default: return nil
        }
    }

    public static func isChineseNumeral(_ c: UInt32) -> Bool {
        plainDigit(c) != nil || financialDigit(c) != nil || isZero(c) || smallUnit(c) != nil || tens(c) != nil || bigUnit(c) != nil
    }

    /// A character that may start a Chinese numeral.
    public static func startsChineseNumeral(_ c: UInt32) -> Bool {
        plainDigit(c) != nil || financialDigit(c) != nil || isZero(c) || tens(c) != nil || c == 0x5341 || c == 0x62FE
    }

    public static let decimalPoint: UInt32 = 0x70B9  // 点 (folded from 點)

    /// Whether `v` has no fraction, without a call into libm for the usual magnitudes.
    @inline(__always)
    public static func isWhole(_ v: Double) -> Bool {
        abs(v) < 4.5e15 ? v == Double(Int64(v)) : v == v.rounded()
    }
}

/// A numeral read from the text: its value and how it was written.
public struct Numeral {
    public var value: Double
    public var end: Int
    public var hasChinese: Bool
    public var hasArabic: Bool
    /// Multiplier of the trailing big unit, 1 when the numeral ends otherwise.
    public var trailingScale: Double
    /// 多/余 inside the numeral (`3000多億`): more than the value.
    public var over: Bool
    /// Only Chinese digits with no unit characters (`五八四`), or a single Chinese digit.
    public var bareChineseDigits: Bool
    public var chineseCharCount: Int
}

/// Reads one numeral — Arabic, Chinese or mixed (`2萬零881.27`, `1兆4238億`, `五八四點九億`,
/// `百分之卅四點一`'s inner part) — from folded text.
public enum NumeralReader {
    enum Token {
        case number(Double, chinese: Bool)
        case zero
        case small(Double)
        case tens(Double)
        case big(Double)
    }

    public static func read(_ t: [UInt32], from start: Int) -> Numeral? {
        var scratch: [Token] = []
        return read(t, from: start, scratch: &scratch)
    }

    /// The same, with a token buffer the caller keeps between calls (no allocation per numeral).
    static func read(_ t: [UInt32], from start: Int, scratch tokens: inout [Token]) -> Numeral? {
        let n = t.count
        // Most figures are Arabic digits with nothing numeric after them: read them without tokens.
        if start < n, NumeralChar.isASCIIDigit(t[start]), let (v, e) = readArabic(t, from: start),
           e >= n || !continuesArabicNumeral(t[e]) {
            return Numeral(value: v, end: e, hasChinese: false, hasArabic: true, trailingScale: 1, over: false,
                           bareChineseDigits: false, chineseCharCount: 0)
        }
        var j = start
        tokens.removeAll(keepingCapacity: true)
        var hasChinese = false, hasArabic = false, over = false
        var chineseCount = 0
        var unitSeen = false
        var chineseFraction = false   // a 點 fraction of Chinese digits, rounded back to the digits written
        while j < n {
            let c = t[j]
            if NumeralChar.isASCIIDigit(c) {
                if case .number(_, chinese: _)? = tokens.last { break }
                guard let (v, e) = readArabic(t, from: j) else { break }
                tokens.append(.number(v, chinese: false))
                hasArabic = true
                j = e
                continue
            }
            if let d = NumeralChar.plainDigit(c) ?? financialDigitInContext(t, j) {
                if case .number(_, chinese: false)? = tokens.last { break }
                tokens.append(.number(Double(d), chinese: true))
                hasChinese = true; chineseCount += 1
                j += 1
                continue
            }
            if NumeralChar.isZero(c) {
                if case .number(_, chinese: false)? = tokens.last, !unitSeen { break }
                tokens.append(.zero)
                hasChinese = true; chineseCount += 1
                j += 1
                continue
            }
            if let u = NumeralChar.tens(c) {
                if !tokens.isEmpty, case .number = tokens.last! { break }
                tokens.append(.tens(u)); unitSeen = true
                hasChinese = true; chineseCount += 1
                j += 1
                continue
            }
            if let u = NumeralChar.smallUnit(c) {
                // 五十千 is 五十 and a stray 千: a larger place after a smaller one in the same section ends the numeral
                if let lastUnit = tokens.last(where: { if case .small = $0 { return true }; if case .big = $0 { return true }; return false }),
                   case .small(let previous) = lastUnit, previous < u { break }
                // `百分之`, `千分之`, `万分之` start a percent, not a unit of what precedes
                if j + 2 < n, t[j + 1] == 0x5206, t[j + 2] == 0x4E4B, !tokens.isEmpty { break }
                if tokens.isEmpty && u != 10 { break }
                tokens.append(.small(u)); unitSeen = true
                hasChinese = true; chineseCount += 1
                j += 1
                continue
            }
            if let u = NumeralChar.bigUnit(c) {
                if tokens.isEmpty { break }
                if j + 1 < n, isNonNumericBigUnitUse(t, j) { break }
                tokens.append(.big(u)); unitSeen = true
                hasChinese = true; chineseCount += 1
                j += 1
                continue
            }
            // 點, or a full stop (full-width ．, folded to .) or Taiwan print's hyphenation point ‧ between
            // Chinese digits: 二．九％, 六二〇．五億, 一‧三七五%
            if c == NumeralChar.decimalPoint || c == 0x2E || c == 0x2027, let last = tokens.last, !Self.isArabicNumber(last), j + 1 < n,
               (NumeralChar.plainDigit(t[j + 1]) != nil && t[j + 1] != 0x4E24) || NumeralChar.isZero(t[j + 1]) {
                // Chinese decimal: fold the run of digits before it into one number, then the fraction.
                collapseDigitRun(&tokens)
                // (the digits as one integer over a power of ten: 零點九四 is 0.94, not 0.9400000000000001)
                var digits: UInt64 = 0, places = 0
                var k = j + 1
                while k < n {
                    if let d = NumeralChar.plainDigit(t[k]) { if places < 15 { digits = digits * 10 + UInt64(d); places += 1 } }
                    else if NumeralChar.isZero(t[k]) { if places < 15 { digits *= 10; places += 1 } }
                    else { break }
                    k += 1; chineseCount += 1
                }
                let frac = Double(digits) / Self.powersOfTen[places]
                chineseFraction = true
                if case .number(let v, chinese: _)? = tokens.last {
                    tokens[tokens.count - 1] = .number(v + frac, chinese: true)
                } else {
                    tokens.append(.number(frac, chinese: true))   // 四百点五, 十点二三三: the fraction after a place
                }
                j = k
                continue
            }
            if (c == 0x591A || c == 0x4F59), !tokens.isEmpty, j + 1 < n,
               NumeralChar.bigUnit(t[j + 1]) != nil || (NumeralChar.smallUnit(t[j + 1]) != nil && t[j + 1] != 0x5341) {
                over = true   // 多 / 余 between a number and its unit
                j += 1
                continue
            }
            break
        }
        guard !tokens.isEmpty else { return nil }
        // A trailing zero token is the 零 of a following word (零售), not part of the number; 〇 is a digit (二〇二〇年).
        while let last = tokens.last, case .zero = last, tokens.count > 1, t[j - 1] != 0x3007 { tokens.removeLast(); j -= 1; chineseCount -= 1 }
        if tokens.count == 1, case .zero = tokens[0] {
            // 零 alone: a number only when written as a digit (〇) or followed by a decimal
            if t[start] != 0x3007 { return nil }
        }
        guard let evaluated = evaluate(&tokens) else { return nil }
        var value = evaluated.0
        let trailing = evaluated.1
        // 168.3億 is 16830000000, not 16830000000.000002: a scaled decimal is rounded back to
        // the digits written (at most 15 significant digits)
        if unitSeen && abs(value) >= 1 || chineseFraction, !NumeralChar.isWhole(value) {
            value = roundedToWrittenDigits(value)
        }
        let bare = !unitSeen && !hasArabic
        return Numeral(value: value, end: j, hasChinese: hasChinese, hasArabic: hasArabic,
                       trailingScale: trailing, over: over, bareChineseDigits: bare, chineseCharCount: chineseCount)
    }

    /// `x` rounded to 15 significant digits. A figure is never written with more, so this takes off
    /// the binary noise of scaling (168.3億, 0.7角 = 0.07 and not 0.06999999999999999).
    static func roundedToWrittenDigits(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        let keep = max(0, 15 - (Int(log10(abs(x)).rounded(.down)) + 1))
        guard keep <= 22 else { return x }   // 10^keep stays exact
        let scale = pow(10.0, Double(keep))
        return (x * scale).rounded() / scale
    }

    /// Characters that can carry an Arabic number on: a place (十百千), a scale (万亿兆), or 多/余 before one.
    @inline(__always)
    static func continuesArabicNumeral(_ c: UInt32) -> Bool {
        NumeralChar.smallUnit(c) != nil || NumeralChar.bigUnit(c) != nil || c == 0x591A || c == 0x4F59
    }

    /// 兆 as a prefix of units (兆字节, 兆瓦, 兆赫) means mega, not a number scale; 万一 and 亿万 are words.
    private static func isNonNumericBigUnitUse(_ t: [UInt32], _ j: Int) -> Bool {
        let c = t[j], next = t[j + 1]
        if c == 0x5146 {   // 兆
            switch next {
            case 0x5B57, 0x74E6, 0x8D6B, 0x4F4D, 0x6BD4, 0x5E27: return true  // 字 瓦 赫 位 比 帧
            default: return false
            }
        }
        return false
    }

    private static func financialDigitInContext(_ t: [UInt32], _ j: Int) -> Int? {
        guard let d = NumeralChar.financialDigit(t[j]) else { return nil }
        let before = j > 0 ? t[j - 1] : 0, after = j + 1 < t.count ? t[j + 1] : 0
        let neighbour = { (c: UInt32) in NumeralChar.isChineseNumeral(c) }
        return neighbour(before) || neighbour(after) ? d : nil
    }

    /// Arabic digits with `,` grouping (exactly three digits after each comma) and a `.` decimal part.
    public static func readArabic(_ t: [UInt32], from start: Int) -> (Double, Int)? {
        let n = t.count
        var j = start
        // The value is built from the digits directly (one correctly rounded division at most);
        // numbers of more than 15 digits go through the standard parser.
        var mantissa: UInt64 = 0
        var count = 0, fractionDigits = 0
        while j < n {
            let c = t[j]
            if NumeralChar.isASCIIDigit(c) {
                if count < 18 { mantissa = mantissa &* 10 &+ UInt64(c - 0x30) }
                count += 1
                j += 1
                continue
            }
            if c == 0x2C, j + 3 < n,
               NumeralChar.isASCIIDigit(t[j + 1]), NumeralChar.isASCIIDigit(t[j + 2]), NumeralChar.isASCIIDigit(t[j + 3]),
               !(j + 4 < n && NumeralChar.isASCIIDigit(t[j + 4])) {
                j += 1; continue
            }
            break
        }
        guard count > 0 else { return nil }
        if j + 1 < n, t[j] == 0x2E, NumeralChar.isASCIIDigit(t[j + 1]) {
            j += 1
            while j < n, NumeralChar.isASCIIDigit(t[j]) {
                if count < 18 { mantissa = mantissa &* 10 &+ UInt64(t[j] - 0x30); fractionDigits += 1 }
                count += 1
                j += 1
            }
        }
        if count <= 15 {
            return (Double(mantissa) / powersOfTen[fractionDigits], j)
        }
        let digits = t[start..<j].filter { $0 != 0x2C }.map { UInt8($0) }
        guard let v = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        return (v, j)
    }

    static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    static func isArabicNumber(_ token: Token) -> Bool {
        if case .number(_, chinese: false) = token { return true }
        return false
    }

    /// Joins the Chinese digits written one by one at the end of `tokens` (`五八四` → 584), in place.
    private static func collapseDigitRun(_ tokens: inout [Token]) {
        // The run is the trailing digits and zeros; a zero counts when a digit follows it or
        // something stands before it.
        var runStart = tokens.count
        var digits = 0
        while runStart > 0 {
            switch tokens[runStart - 1] {
            case .number(let v, chinese: true) where v < 10 && NumeralChar.isWhole(v):
                runStart -= 1; digits += 1
                continue
            case .zero where digits > 0 || runStart > 1:
                runStart -= 1
                continue
            default: break
            }
            break
        }
        // Leading zeros belong to a unit form (一百零五點…), not to the digit run.
        while tokens.count - runStart > 1, case .zero = tokens[runStart] { runStart += 1 }
        guard runStart < tokens.count else { return }
        var value = 0.0
        for k in runStart..<tokens.count {
            if case .number(let v, chinese: _) = tokens[k] { value = value * 10 + v } else { value *= 10 }
        }
        tokens.removeSubrange((runStart + 1)...)
        tokens[runStart] = .number(value, chinese: true)
    }

    private static func evaluate(_ tokens: inout [Token]) -> (Double, Double)? {
        let hasUnit = tokens.contains { if case .number = $0 { return false }; if case .zero = $0 { return false }; return true }
        if !hasUnit {
            // Digit by digit: 五八四, 二〇二五, 一一七一.
            var v = 0.0
            for token in tokens {
                switch token {
                case .number(let d, chinese: let chinese): v = chinese ? v * 10 + d : d
                case .zero: v = v * 10
                default: break
                }
            }
            return (v, 1)
        }
        collapseDigitRun(&tokens)
        var total = 0.0, section = 0.0
        var current: Double? = nil
        var currentIsChinese = false
        var lastBig = 0.0
        var trailingScale = 1.0
        var previousUnit: Double? = nil   // unit right before the current digit, for 一萬五
        var zeroSinceUnit = false
        var lastWasUnit = false
        for token in tokens {
            switch token {
            case .number(let v, chinese: let chinese):
                if let c = current, chinese, currentIsChinese, NumeralChar.isWhole(c) { current = c * 10 + v } else { current = v }
                currentIsChinese = chinese
                trailingScale = 1
                if !lastWasUnit { previousUnit = nil }
                lastWasUnit = false
            case .zero:
                // 一三四〇億, 一〇五億: a zero inside a run of digits is a digit (not the 零 of 一百零五)
                if let c = current, currentIsChinese, NumeralChar.isWhole(c), c >= 1 {
                    current = c * 10
                } else {
                    zeroSinceUnit = true
                }
                previousUnit = nil
                lastWasUnit = false
            case .tens(let u):
                section += u   // 廿 and 卅 carry their own digit
                current = nil
                previousUnit = 10; zeroSinceUnit = false; lastWasUnit = true
                trailingScale = 1
            case .small(let u):
                section += (current ?? 1) * u
                current = nil
                previousUnit = u; zeroSinceUnit = false; lastWasUnit = true
                trailingScale = 1
            case .big(let u):
                var s = section + (current ?? 0)
                if s == 0 && total == 0 { s = 1 }
                if s == 0 && total > 0 && lastBig < u {
                    total *= u
                    trailingScale *= u
                } else if lastBig > 0 && u > lastBig {
                    total = (total + s) * u
                    trailingScale = u
                } else {
                    total += s * u
                    trailingScale = u
                }
                section = 0; current = nil
                lastBig = u
                previousUnit = u; zeroSinceUnit = false; lastWasUnit = true
            }
        }
        if var c = current {
            // 一萬五 = 15000, 三千五 = 3500: a lone Chinese digit right after a unit counts in the next lower place.
            if currentIsChinese, c < 10, let u = previousUnit, !zeroSinceUnit, u >= 100 {
                // 兩千三點一 = 2300.1: the digit takes the next place, its fraction stays as written
                let whole = c.rounded(.down)
                c = whole * (u / 10) + (c - whole)
            }
            section += c
        }
        return (total + section, trailingScale)
    }
}
