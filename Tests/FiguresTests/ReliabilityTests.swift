import XCTest
import FiguresExtraction
import FiguresQuantities
@testable import FiguresReports
@testable import FiguresStore
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

    func testCSVTextCellsCannotBeFormulasButNumbersStayNumbers() {
        let o = Observation(kind: "index", subject: "=HYPERLINK(\"x\")", metric: "change", value: -1.2, unit: "pt", previous: -3,
                            target: "+CN", qualifier: "@q", text: "-1.2點", start: 0, end: 5)
        for separator: Character in [",", "\t"] {
            let row = ObservationFormatter().csvRow(o, page: "=cmd|' /C calc'!A0", version: "v", writer: ObservationFormatter.csvWriter(separator: separator))
            let cells = separator == "," ? row.dropLast(2).components(separatedBy: ",") : row.dropLast().components(separatedBy: "\t")
            let columns = ObservationFormatter.csvColumns
            func cell(_ name: String) -> String { cells[columns.firstIndex(of: name)!] }
            XCTAssertEqual(cell("value"), "-1.2")
            XCTAssertEqual(cell("previous"), "-3")
            XCTAssertEqual(cell("target"), "'+CN")
            XCTAssertEqual(cell("qualifier"), "'@q")
            XCTAssertEqual(cell("text"), "'-1.2點")
            XCTAssertTrue(cell("page").hasPrefix("'=cmd"), cell("page"))
            XCTAssertTrue(cell("subject").hasPrefix(separator == "," ? "\"'=HYPERLINK" : "'=HYPERLINK"), cell("subject"))
        }
        XCTAssertEqual(CSVWriter.neutralizingFormula("\tx"), "'\tx")
        XCTAssertEqual(CSVWriter.neutralizingFormula("\rx"), "'\rx")
        XCTAssertEqual(CSVWriter.neutralizingFormula("台積電"), "台積電")
    }

    func testTariffCSVKeepsSignedChangesAsNumbers() {
        let o = Observation(kind: "tariff", subject: "US", metric: "tariff_rate", value: 40.3, unit: "pct", previous: 24, target: "-MY",
                            text: "=40.3%", start: 0, end: 5)
        let csv = TariffReport.render([StoredObservation(observation: o, page: "@p.txt", pageHash: "h", extractorVersion: "v")], as: .csv)
        XCTAssertEqual(csv.split(separator: "\r\n").last, "US,'-MY,rate,24,40.3,+16.3,,,'=40.3%,'@p.txt")
    }
}
