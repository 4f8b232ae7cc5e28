import XCTest
import FiguresExtraction
import FiguresQuantities
import FiguresText

/// Inputs found by scripts/fuzz (libFuzzer) that broke an oracle, each kept as a test.
final class FuzzRegressionTests: XCTestCase {
    let reference = Day(year: 2025, month: 12, day: 13)

    /// `35-30億美元`: a range written high end first gave value 3.5e9 above value_high 3.0e9.
    func testRangeWrittenHighEndFirstIsOrdered() {
        let page = "有分析師稱，此舉可帶來每年35-30億美元額外營收。"
        let q = QuantityRecognizer.shared.recognize(page).quantities.first { $0.isRange }
        XCTAssertEqual(q?.value, 3_000_000_000)
        XCTAssertEqual(q?.high, 3_500_000_000)
        for o in Extractor.extract("輝達營收" + page, reference: reference).observations {
            if let high = o.valueHigh { XCTAssertLessThanOrEqual(o.value, high) }
        }
    }

    /// `101.36-38`: a quote whose high end gives only its last digits is 101.36 to 101.38 (was 101.36 to 38).
    func testAbbreviatedHighEndIsCompleted() {
        let q = QuantityRecognizer.shared.recognize("美元兌日圓報101.36-38日圓").quantities.first { $0.isRange }
        XCTAssertEqual(q?.value, 101.36)
        XCTAssertEqual(q?.high, 101.38)
    }

    /// `\u{87}(Numeric`: a bracket opening a Malaysian ticker at the very end of a page read past the text.
    func testATickerBracketAtThePageEndIsNoCrash() {
        for page in ["\u{FFFD}(Numeric", "東洋投資(TOYO", "東洋投資（TOYOVEN，7173", "漲(ABC,"] {
            XCTAssertTrue(Extractor.extract(page, reference: reference).observations.allSatisfy(\.isFinite))
        }
    }

    /// `貶值1.0刷-09-2%`: a move's direction signed a range's low end (-9) and left its high end (2), and a
    /// rule that signs a range must sign both ends and keep the low one first (-2 … -1 for 貶值1%至2%).
    func testARangeSignedByItsDirectionStaysOrdered() {
        for page in ["新台幣兌美元收30.065元 貶值1.0刷-09-2%，這項", "新台幣兌美元收30.065元，貶值1%至2%。", "台股下跌1%至2%。"] {
            for o in Extractor.extract(page, reference: reference).observations {
                if let high = o.valueHigh { XCTAssertLessThanOrEqual(o.value, high, page) }
            }
        }
        let falling = Extractor.extract("台股跌幅約1%至2%。", reference: reference).observations.first { $0.metric == "change_pct" }
        XCTAssertEqual(falling?.value, -2)
        XCTAssertEqual(falling?.valueHigh, -1)
    }

    /// The seed corpus of the fuzz target passes its oracles (each file also runs through the extractor here).
    func testFuzzCorpusGivesSaneFigures() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fuzz-corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        XCTAssertGreaterThan(files.count, 10)
        for name in files {
            let page = String(decoding: try Data(contentsOf: dir.appendingPathComponent(name)), as: UTF8.self)
            let text = NormalizedText(page)
            for o in Extractor.extract(page, reference: reference).observations {
                XCTAssertTrue(o.start >= 0 && o.start < o.end && o.end <= text.count, name)
                XCTAssertEqual(o.text, text.text(o.start, o.end), name)
                XCTAssertTrue(o.isFinite, name)
                if let high = o.valueHigh { XCTAssertLessThanOrEqual(o.value, high, name) }
            }
        }
    }
}
