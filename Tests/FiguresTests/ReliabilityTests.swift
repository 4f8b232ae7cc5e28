import XCTest
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresText

/// Reliability in the library layers: no figure that is not finite, CSV cells that a spreadsheet cannot run,
/// and text decoding (BOMs, UTF-8 validity, GB18030 and Big5).
final class ReliabilityTests: XCTestCase {
    let reference = Day(year: 2025, month: 12, day: 12)

    func testAnOverflowingDigitRunGivesNoFigure() {
        let nines = String(repeating: "9", count: 400)
        let page = "加權指數收在\(nines)點，上漲\(nines)點，漲幅0.5%。"
        let extraction = Extractor.extract(page, reference: reference)
        XCTAssertTrue(extraction.observations.allSatisfy { $0.isFinite })
        XCTAssertFalse(extraction.observations.contains { $0.metric == "close" || $0.metric == "change" })
        XCTAssertEqual(extraction.observations.first { $0.metric == "change_pct" }?.value, 0.5)
        XCTAssertEqual(extraction.unused.filter { $0.reason == SkippedNumeral.Reason.notFinite.rawValue }.count, 2)
    }

    func testTheRecogniserSetsNonFiniteNumbersAside() {
        let recognition = QuantityRecognizer.shared.recognize(String(repeating: "9", count: 400) + "點 與 12點")
        XCTAssertEqual(recognition.quantities.map(\.value), [12])
        XCTAssertEqual(recognition.skipped.map(\.reason), [.notFinite])
    }
}
