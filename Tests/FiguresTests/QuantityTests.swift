import XCTest
@testable import FiguresQuantities
import FiguresText

final class QuantityTests: XCTestCase {
    func quantities(_ s: String) -> [Quantity] { QuantityRecognizer.shared.recognize(s).quantities }

    func only(_ s: String, file: StaticString = #filePath, line: UInt = #line) -> Quantity? {
        let found = quantities(s)
        XCTAssertEqual(found.count, 1, "\(s): \(found)", file: file, line: line)
        return found.first
    }

    func assertValue(_ s: String, _ value: Double, _ unit: QuantityUnit, file: StaticString = #filePath, line: UInt = #line) {
        guard let q = only(s, file: file, line: line) else { return }
        XCTAssertEqual(q.value, value, accuracy: abs(value) * 1e-12 + 1e-12, s, file: file, line: line)
        XCTAssertEqual(q.unit, unit, s, file: file, line: line)
    }

    func testArabicNumbersWithGroupingAndFullWidth() {
        assertValue("收在50,836.55點", 50836.55, .points)
        assertValue("報５０，８３６．５５點", 50836.55, .points)
        assertValue("每股8﹒68元", 8.68, .localYuan)
    }

    func testMixedDigitsAndChineseScales() {
        assertValue("2萬零881.27元", 20881.27, .localYuan)
        assertValue("1兆4238億日圓", 1.4238e12, .currency("JPY"))
        assertValue("18億6644萬元", 1_866_440_000, .localYuan)
        assertValue("3万4000元", 34000, .localYuan)
        assertValue("1,100.9亿元", 110_090_000_000, .localYuan)
        assertValue("4.5兆美元", 4.5e12, .currency("USD"))
        assertValue("24.46万亿元", 2.446e13, .localYuan)
        assertValue("營收2兆7629.64億元", 2_762_964_000_000, .localYuan)
    }

    func testAChineseFractionIsTheDecimalWritten() {
        // exactly the decimal written, not its binary neighbour (0.9400000000000001)
        XCTAssertEqual(only("百分之零點九四")?.value, 0.94)
        XCTAssertEqual(only("百分之零点一二")?.value, 0.12)
        XCTAssertEqual(only("一五九五點九八點")?.value, 1595.98)
        XCTAssertEqual(only("十八點九二點")?.value, 18.92)
    }

    func testChineseNumerals() {
        assertValue("出口五八四點九億美元", 58_490_000_000, .currency("USD"))
        assertValue("一萬三千零九十二點七八點", 13092.78, .points)
        assertValue("兩萬五千元", 25000, .localYuan)
        assertValue("一萬五千元", 15000, .localYuan)
        assertValue("四一一九億美元", 411_900_000_000, .currency("USD"))
        assertValue("壹佰貳拾元", 120, .localYuan)
    }

    func testPercentForms() {
        assertValue("年增36.4%", 36.4, .percent)
        assertValue("年增３６．４％", 36.4, .percent)
        assertValue("百分之卅四點一", 34.1, .percent)
        assertValue("百分之廿五", 25, .percent)
        assertValue("三成五", 35, .percent)
        assertValue("半成", 5, .percent)
        assertValue("逾五成", 50, .percent)
        assertValue("千分之五", 0.5, .percent)
        assertValue("4.25厘", 4.25, .li)
    }

    func testPrefixedPercentsWithLongDenominators() {
        assertValue("千万分之六", 6e-5, .percent)
        assertValue("百萬分之三", 3e-4, .percent)
        assertValue("萬分之五", 0.05, .percent)
        XCTAssertTrue(QuantityRecognizer.shared.recognize("千萬不要追高").quantities.isEmpty, "千萬 alone is a word")
        XCTAssertTrue(QuantityRecognizer.shared.recognize("作好壹切準備").quantities.isEmpty, "壹切 is 一切 written with 壹")
    }

    func testPercentagePoints() {
        assertValue("降息1碼", 0.25, .percentagePoint)
        assertValue("降息2碼", 0.5, .percentagePoint)
        assertValue("減息半碼", 0.125, .percentagePoint)
        assertValue("下調10个基点", 0.1, .percentagePoint)
        assertValue("跌2点子", 0.02, .percentagePoint)
        assertValue("增4個百分點", 4, .percentagePoint)
        assertValue("減息1/4厘", 0.25, .li)
    }

    func testSignsAndQualifiers() {
        assertValue("負2.3%", -2.3, .percent)
        assertValue("-1.2%", -1.2, .percent)
        XCTAssertEqual(only("約116億元")?.qualifier, .approx)
        XCTAssertEqual(only("逾100萬顆")?.qualifier, .over)
        XCTAssertEqual(only("跌1%左右")?.qualifier, .approx)
        XCTAssertEqual(only("加徵最多 50% 的關稅")?.qualifier, .max)
        XCTAssertEqual(only("低於2%")?.qualifier, .under)
    }

    func testRanges() {
        let q = only("每年25-30億美元額外營收")
        XCTAssertEqual(q?.value, 2.5e9)
        XCTAssertEqual(q?.high, 3e9)
        XCTAssertEqual(q?.unit, .currency("USD"))
        let pct = only("稅率17.4%至37.6%")
        XCTAssertEqual(pct?.value, 17.4)
        XCTAssertEqual(pct?.high, 37.6)
        let yi = only("322億至334億美元")
        XCTAssertEqual(yi?.value, 3.22e10)
        XCTAssertEqual(yi?.high, 3.34e10)
        let li = only("降至3.75厘至4厘")
        XCTAssertEqual(li?.value, 3.75)
        XCTAssertEqual(li?.high, 4)
    }

    func testSharedUnitInLists() {
        let found = quantities("分別下調0.1和0.05個百分點")
        XCTAssertEqual(found.map(\.value), [0.1, 0.05])
        XCTAssertEqual(found.map(\.unit), [.percentagePoint, .percentagePoint])
    }

    func testFxMovesInFenAndJiao() {
        assertValue("升值6.6分", 0.066, .fxMove)
        assertValue("強升1.5角", 0.15, .fxMove)
        assertValue("貶1角2分", 0.12, .fxMove)
    }

    func testWordsThatAreNotQuantities() {
        for s in ["四川省", "一直以來", "看法一致", "如出一轍", "五台山", "萬一", "十分重要", "兆字節"] {
            XCTAssertTrue(quantities(s).isEmpty, "\(s): \(quantities(s))")
        }
        // product codes and ordinals are skipped, not reported
        let r = QuantityRecognizer.shared.recognize("H200晶片，第3次降息，第 12 大貿易夥伴")
        XCTAssertTrue(r.quantities.isEmpty, "\(r.quantities)")
        XCTAssertEqual(Set(r.skipped.map(\.reason)), [.productCode, .ordinal])
    }

    func testCountsCarryTheirMeasureWord() {
        XCTAssertEqual(only("以 281 票贊成")?.unit, .measure("count"))
        XCTAssertEqual(only("連3周上漲")?.unit, .measure("time"))
        XCTAssertEqual(only("逾100萬顆")?.unit, .measure("count"))
    }

    func testDates() {
        let r = QuantityRecognizer.shared.recognize("2025年12月12日、12/12、今（6）日、115年1月30日、週五、2026 年 1 月 1 日、纽约二十七日")
        XCTAssertTrue(r.quantities.isEmpty, "\(r.quantities)")
        let d = r.dates
        XCTAssertEqual(d.count, 7)
        XCTAssertEqual(d[0].year, 2025); XCTAssertEqual(d[0].month, 12); XCTAssertEqual(d[0].day, 12)
        XCTAssertEqual(d[1].month, 12); XCTAssertEqual(d[1].day, 12)
        XCTAssertEqual(d[2].day, 6); XCTAssertEqual(d[2].relative, .today)
        XCTAssertEqual(d[3].year, 2026); XCTAssertTrue(d[3].rocYear); XCTAssertEqual(d[3].day, 30)
        XCTAssertEqual(d[4].weekday, 5)
        XCTAssertEqual(d[5].year, 2026); XCTAssertEqual(d[5].month, 1); XCTAssertEqual(d[5].day, 1)
        XCTAssertEqual(d[6].day, 27)
    }

    func testSpansAreScalarOffsetsEndExclusive() {
        let s = "日經收在50,836.55點"
        let q = only(s)!
        let scalars = Array(s.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[q.start..<q.end])), "50,836.55點")
    }

    func testChineseDigitsWithAPointOrAZeroWrittenAsACircle() {
        // a full-width point between Chinese digits, ○ for 〇, zeros inside and at the end of a digit run
        XCTAssertEqual(only("年增率升至二．九％")?.value, 2.9)
        XCTAssertEqual(only("上漲○．四％")?.value ?? 0, 0.4, accuracy: 1e-12)
        XCTAssertEqual(only("六二〇．五億元")?.value, 6.205e10)
        XCTAssertEqual(only("對美貿易順差達一三四○億美元")?.value, 1.34e11)
        XCTAssertEqual(only("一〇五億元")?.value, 1.05e10)
        // the 零 of a unit form is no digit
        XCTAssertEqual(only("一百零五億")?.value, 1.05e10)
        XCTAssertEqual(only("三千零五十萬")?.value, 3.05e7)
        XCTAssertTrue(QuantityRecognizer.shared.recognize("二〇二〇年").quantities.isEmpty, "a year is a date")
        XCTAssertTrue(QuantityRecognizer.shared.recognize("一.市場回顧").quantities.isEmpty)
        // Taiwan print writes the point as ‧ (U+2027): 一‧三七五%, ○‧○六個百分點
        XCTAssertEqual(only("重貼現率調高到一‧三七五%")?.value, 1.375)
        XCTAssertEqual(only("調高○‧○六個百分點")?.value ?? 0, 0.06, accuracy: 1e-12)
    }

    func testAnAmountAndItsCentsAreOneAmount() {
        XCTAssertEqual(only("股價報3令吉38仙")?.value ?? 0, 3.38, accuracy: 1e-12)
        XCTAssertEqual(only("股價報3令吉38仙")?.unit, .currency("MYR"))
        XCTAssertEqual(only("4令吉零5仙")?.value ?? 0, 4.05, accuracy: 1e-12)
        XCTAssertEqual(only("3新元20分")?.value ?? 0, 3.2, accuracy: 1e-12)
        XCTAssertEqual(only("跌2港元5仙")?.unit, .currency("HKD"))
        XCTAssertEqual(quantities("收1元，5角").count, 2, "a comma parts two amounts")
    }
}
