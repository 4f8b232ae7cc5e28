import XCTest
import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
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
        // columns: levied_by, on, scope, previous, new, new_high, change_pp, measure, qualifier, date, text, page
        XCTAssertEqual(csv.split(separator: "\r\n").last, "US,'-MY,,24,40.3,,16.3,rate,,,'=40.3%,'@p.txt")
        var cut = o
        cut.previous = 50
        let down = TariffReport.render([StoredObservation(observation: cut, page: "p.txt", pageHash: "h", extractorVersion: "v")], as: .csv)
        XCTAssertEqual(down.split(separator: "\r\n").last, "US,'-MY,,50,40.3,,-9.7,rate,,,'=40.3%,p.txt", "a fall stays a number")
    }

    // MARK: text decoding

    /// A teaser written for these tests, in Traditional characters (Big5 has no Simplified ones).
    static let teaser = "東證指數週五收在3,350.12點，上漲0.45%；日經225指數收在50,210.30點，上漲0.52%。美元兌台幣升值1.2分。"

    /// Bytes from Foundation's converters, which share no code with the decoder under test.
    static func encoded(_ text: String, _ cf: CFStringEncodings) -> [UInt8] {
        let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(cf.rawValue)))
        return Array(text.data(using: encoding)!)
    }

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    func testEveryEncodingOfATeaserGivesTheSameObservations() throws {
        let text = Self.teaser
        let expected = Extractor.extract(text, reference: reference).observations
        XCTAssertGreaterThanOrEqual(expected.count, 5)
        let copies: [(bytes: [UInt8], encoding: TextEncoding, mark: Bool)] = [
            (Array(text.utf8), .utf8, false),
            ([0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8, true),
            ([0xFF, 0xFE] + utf16(text, bigEndian: false), .utf16LE, true),
            ([0xFE, 0xFF] + utf16(text, bigEndian: true), .utf16BE, true),
            (utf16(text, bigEndian: false), .utf16LE, false),
            (utf16(text, bigEndian: true), .utf16BE, false),
            ([0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }, .utf32LE, true),
            (Self.encoded(text, .GB_18030_2000), .gb18030, false),
            (Self.encoded(text, .big5), .big5, false),
        ]
        for copy in copies {
            let decoded = try TextDecoder.decode(copy.bytes)
            XCTAssertEqual(decoded.encoding, copy.encoding, "\(copy.encoding)")
            XCTAssertEqual(decoded.byteOrderMark, copy.mark, "\(copy.encoding)")
            XCTAssertEqual(decoded.replacements, 0, "\(copy.encoding)")
            XCTAssertEqual(decoded.text, text, "\(copy.encoding)")
            XCTAssertEqual(Extractor.extract(decoded.text, reference: reference).observations, expected, "\(copy.encoding)")
        }
    }

    func testSimplifiedGB18030IsNotTakenForBig5() throws {
        let text = "沪深300指数收报3,921.45点，上涨1.2%，两市成交额1.5万亿元。"
        let decoded = try TextDecoder.decode(Self.encoded(text, .GB_18030_2000))
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.text, text)
    }

    func testEncodingCanBeForced() throws {
        let big5 = Self.encoded(Self.teaser, .big5)
        XCTAssertEqual(try TextDecoder.decode(big5, as: .big5).text, Self.teaser)
        XCTAssertEqual(try TextDecoder.decode(big5, as: .gb18030).encoding, .gb18030, "--encoding wins over detection")
        XCTAssertEqual(try TextDecoder.decode(utf16(Self.teaser, bigEndian: true), as: .utf16).text, Self.teaser)
    }

    func testInvalidUTF8InAGoodPageIsReplacedAndCounted() throws {
        var bytes = Array(Self.teaser.utf8)
        bytes.insert(contentsOf: [0xFF, 0xC3], at: 12)
        let decoded = try TextDecoder.decode(bytes)
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.replacements, 2)
        XCTAssertEqual(decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count, 2)
    }

    func testBinaryIsNotText() {
        let withNULs: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 / 3) }
        XCTAssertThrowsError(try TextDecoder.decode(withNULs))
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("text".utf8)
        XCTAssertThrowsError(try TextDecoder.decode(controls))
        XCTAssertEqual(try TextDecoder.decode([]).text, "")
    }
}
