import XCTest
import FiguresData
import Foundation
@testable import FiguresStore
@testable import FiguresText
@testable import FiguresReports

/// Checks of the code rewritten for speed against what it replaced (issue 11, item 4).
final class SpeedTests: XCTestCase {
    /// SHA-256 reads whole blocks in place and pads only the tail: the lengths around the block and
    /// padding boundaries (55, 56, 63, 64, 65, 119, 120 bytes) against digests from Python's hashlib.
    func testSHA256KnownDigests() {
        let cases: [([UInt8], String)] = [
            ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ([UInt8](repeating: 0x61, count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            ([UInt8](repeating: 0x61, count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            ([UInt8](repeating: 0x61, count: 63), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            ([UInt8](repeating: 0x61, count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            ([UInt8](repeating: 0x61, count: 65), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            ([UInt8](repeating: 0x61, count: 119), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            ([UInt8](repeating: 0x61, count: 120), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (Array(String(repeating: "台積電", count: 50).utf8), "7dd0be864c35fb45cf882c75a372d4fc93290fdd0e715f2f7c259ce272e5cdc9"),
        ]
        for (bytes, digest) in cases { XCTAssertEqual(SHA256.hex(bytes), digest, "\(bytes.count) bytes") }
    }

    /// The text of a span is cut as UTF-8 in one pass: the same String as appending scalar by scalar,
    /// for Traditional and Simplified text, full-width forms, astral characters and values that are no scalar.
    func testSpanTextAsBefore() {
        let pages = ["台積電第三季營收2,451.2億元，年增35.3%", "沪指收涨0.52% 报3,400.12点", "ＡＢＣ１２３　日經225指數𠀋上漲", "a\r\nb\rc\u{FEFF}d", ""]
        func old(_ scalars: ArraySlice<UInt32>) -> String {
            var s = String.UnicodeScalarView()
            for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
            return String(s)
        }
        for page in pages {
            let text = NormalizedText(page)
            for start in 0...text.count {
                for end in start...text.count {
                    XCTAssertEqual(text.text(start, end), old(text.original[start..<end]))
                    XCTAssertEqual(text.foldedText(start, end), old(text.folded[start..<end]))
                }
            }
        }
        XCTAssertEqual(NormalizedText.string([0x41, 0xD800, 0x4E2D, 0x110000, 0x1F600]), "A中😀")
    }

    /// `containsFolded` answers what `foldedText(from, to).contains(word)` answered.
    func testContainsFoldedAsStringContains() {
        let word: [UInt32] = "两市".unicodeScalars.map(\.value)
        for page in ["沪深兩市成交額", "沪深两市", "两", "市两市", "两市\u{301}成交", "兩 市", ""] {
            let text = NormalizedText(page)
            for from in 0...text.count {
                for to in from...text.count {
                    XCTAssertEqual(text.containsFolded(word, from: from, to: to), text.foldedText(from, to).contains("两市"), "\(page) \(from) \(to)")
                }
            }
        }
    }

    /// JSON strings are escaped byte by byte: as the scalar-by-scalar writer did.
    func testJSONQuoteAsBefore() {
        func old(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        for s in ["", "台積電", "a\"b\\c", "line\nnext\r\n\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "😀 ＡＢＣ 兩市", "\u{301}"] {
            XCTAssertEqual(JSONWriter.quote(s), old(s))
        }
    }
}

/// The tables of data/ read by bytes give the rows the Character-based reading gave.
final class TableFileSpeedTests: XCTestCase {
    /// The reading this replaced: lines split by Characters, a trailing CR dropped, blank and # lines skipped.
    static func rowsByCharacters(_ text: String) -> [[String]] {
        var rows = [[String]]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rows.append(trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
        return rows
    }

    func testEveryEmbeddedTableReadsAsBefore() {
        XCTAssertFalse(EmbeddedData.files.isEmpty)
        for (name, text) in EmbeddedData.files {
            XCTAssertEqual(TableFile.rows(of: text), Self.rowsByCharacters(text), name)
        }
    }

    func testEdgeCases() {
        for text in ["", "\n\n", "a\tb\n#c\n\n d\t\t\n", "x\r\ny", "last line without end", "\t\n", "臺灣\t台湾\r", "#only"] {
            if text.contains("\r\n") {
                // a CRLF table: the Character reading kept it as one line, CR and LF inside; the byte reading
                // splits its lines (no table of data/ has CRLF line ends)
                XCTAssertEqual(TableFile.rows(of: text), [["x"], ["y"]])
                continue
            }
            XCTAssertEqual(TableFile.rows(of: text), Self.rowsByCharacters(text), text.debugDescription)
        }
    }
}
