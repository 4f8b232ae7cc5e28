import XCTest
@testable import FiguresQuantities
import FiguresText
import FiguresExtraction

/// Random values written as Chinese numerals read back to themselves; random text never
/// crashes the recogniser nor yields a span outside the text. Seeded, so failures repeat.
final class PropertyTests: XCTestCase {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Writes 0 < n < 10^16 in standard Chinese numerals, with 零 where places are skipped.
    static func chinese(_ n: Int64, traditional: Bool) -> String {
        let big = traditional ? ["", "萬", "億", "兆"] : ["", "万", "亿", "兆"]
        let small = ["", "十", "百", "千"]
        var groups: [Int] = []
        var v = n
        while v > 0 { groups.append(Int(v % 10000)); v /= 10000 }
        var out = ""
        var pendingZero = false
        for (gi, g) in groups.enumerated().reversed() {
            if g == 0 { pendingZero = !out.isEmpty; continue }
            if pendingZero || (!out.isEmpty && g < 1000) { out += "零" }
            pendingZero = false
            var gs = ""
            var zero = false
            for p in (0..<4).reversed() {
                let d = (g / Int(pow(10.0, Double(p)))) % 10
                if d == 0 { zero = !gs.isEmpty; continue }
                if zero { gs += "零"; zero = false }
                gs += digits[d] + small[p]
            }
            out += gs + big[gi]
        }
        return out
    }

    func testChineseNumeralsRoundTrip() {
        var rng = SplitMix(state: 42)
        for i in 0..<3000 {
            let magnitude = Int64.random(in: 1...15, using: &rng)
            let n = Int64.random(in: 1...Int64(pow(10.0, Double(magnitude))), using: &rng)
            let text = Self.chinese(n, traditional: i % 2 == 0) + "元"
            let found = QuantityRecognizer.shared.recognize(text).quantities
            XCTAssertEqual(found.count, 1, text)
            XCTAssertEqual(found.first?.value, Double(n), text)
        }
    }

    func testMixedArabicAndScaleRoundTrip() {
        var rng = SplitMix(state: 7)
        for _ in 0..<2000 {
            let yi = Int.random(in: 1...9999, using: &rng), wan = Int.random(in: 0...9999, using: &rng)
            let text = wan == 0 ? "\(yi)億元" : "\(yi)億\(wan < 1000 ? "零" : "")\(wan)萬元"
            let found = QuantityRecognizer.shared.recognize(text).quantities
            XCTAssertEqual(found.first?.value, Double(yi) * 1e8 + Double(wan) * 1e4, text)
        }
    }

    /// A decimal with a fractional unit (角 0.1, 分 0.01, 個基點 0.01, 成 10) reads as the decimal the
    /// text means, with no binary noise: 0.7角 is 0.07, exactly as `Double("0.07")`.
    func testFractionalUnitsGiveTheWrittenDecimal() {
        var rng = SplitMix(state: 11)
        let units: [(String, Int)] = [("角", -1), ("分", -2), ("個基點", -2), ("成", 1)]
        for _ in 0..<2000 {
            let mantissa = Int.random(in: 1...99_999, using: &rng)
            let decimals = Int.random(in: 0...3, using: &rng)
            let (unit, shift) = units.randomElement(using: &rng)!
            var digits = String(mantissa)
            if decimals > 0 {
                while digits.count <= decimals { digits = "0" + digits }
                digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
            }
            let text = "匯價升" + digits + unit
            let expected = Double("\(mantissa)e\(shift - decimals)")!
            let found = QuantityRecognizer.shared.recognize(text).quantities
            XCTAssertEqual(found.first?.value, expected, text)
        }
    }

    func testRandomTextNeverCrashesAndSpansStayInside() {
        var rng = SplitMix(state: 99)
        let pieces = Array("0123456789,.，．%％-+~至到萬億兆万亿一二三四五六七八九十百千零兩廿卅點点成碼厘元美元年月日第周週 abcH\n（）()/:") + ["百分之", "個百分點", "基點", "新台幣", "日圓"].flatMap { Array($0) }
        for round in 0..<3000 {
            var s = ""
            let length = Int.random(in: 0...40, using: &rng)
            for _ in 0..<length {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: s.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FFF, using: &rng))!)
                case 1: s.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng)))
                default: s.append(pieces.randomElement(using: &rng)!)
                }
            }
            let count = s.unicodeScalars.count
            let r = QuantityRecognizer.shared.recognize(s)
            for q in r.quantities {
                XCTAssertTrue(0 <= q.start && q.start < q.end && q.end <= count, "round \(round): \(s) → \(q)")
                XCTAssertTrue(q.value.isFinite, s)
            }
            for d in r.dates { XCTAssertTrue(0 <= d.start && d.start < d.end && d.end <= count, s) }
            for model in [ReferenceModels.numbers, ReferenceModels.percents, ReferenceModels.currencies, ReferenceModels.ranges] {
                for x in model(s) { XCTAssertTrue(0 <= x.start && x.start < x.end && x.end <= count, "reference model span: \(s) → \(x)") }
            }
        }
    }

    /// Random teasers built from the words the rules react to never crash the extractor, and every
    /// observation's span lies inside the page and carries the text it came from.
    func testRandomTeasersNeverCrashTheExtractor() {
        var rng = SplitMix(state: 23)
        let words = ["加權指數", "恒指", "沪深两市", "分別", "分别由", "調整為", "比上週的", "較上月的", "上漲", "下跌", "收", "報", "至",
                     "新台幣", "日圓", "兌", "美元", "1美元", "人民幣", "中間價", "調貶", "點", "點子", "厘", "碼", "半碼", "%", "、", "和", "，",
                     "。", "；", "\n", " ", "（", "）", "美國", "對", "中國", "課徵", "關稅", "包括", "在內", "央行", "降息", "聯準會",
                     "台積電", "營收", "億元", "年增", "前三季", "上週五", "週五", "今（6）日", "去年底", "月漲幅", "成交", "股",
                     "中央社 ・ 1 天前", "12", "3.5", "1,234.5", "二十二亿三千四百万", "百分之", "千万分之", "-", "~", "以上"]
        for round in 0..<400 {
            var page = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) { page += words.randomElement(using: &rng)! }
            let count = page.unicodeScalars.count
            let scalars = Array(page.unicodeScalars)
            for o in Extractor.extract(page, reference: Day(year: 2025, month: 12, day: 12)).observations {
                XCTAssertTrue(0 <= o.start && o.start < o.end && o.end <= count, "round \(round): \(page) → \(o)")
                if o.end <= count, o.start >= 0, o.start < o.end {
                    XCTAssertEqual(o.text, String(String.UnicodeScalarView(scalars[o.start..<o.end])), page)
                }
                XCTAssertTrue(o.value.isFinite, page)
            }
        }
    }

    func testRandomBytesDecodeAndRecognise() {
        var rng = SplitMix(state: 5)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let s = String(decoding: bytes, as: UTF8.self)
            let r = QuantityRecognizer.shared.recognize(s)
            for q in r.quantities { XCTAssertTrue(q.end <= s.unicodeScalars.count) }
        }
    }
}
