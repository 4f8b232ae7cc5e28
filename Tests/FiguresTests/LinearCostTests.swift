import XCTest
import Foundation
@testable import FiguresExtraction
import FiguresQuantities
import FiguresText

/// What keeps extraction linear in the page (scripts/bench-linear measures the cost; no timing here):
/// sentence look-ups bounded by a cap, long teasers cut, large pages read in chunks with the offsets of the page.
final class LinearCostTests: XCTestCase {
    let reference = Day(year: 2025, month: 12, day: 13)
    let teaser = "加權指數收盤上漲203.52點或0.43%，收27,890.12點\n（中央社記者台北12日電）台股今天走高，加權指數終場上漲203.52點，收在27,890.12點，成交金額4,321.5億元。\n中央社 ・ 1 天前 ・ 發起對話"

    /// The sentence index gives what the walks to the nearest 。！？!?\\n【】 gave, on text with punctuation.
    func testSentenceIndexMatchesTheWalks() {
        let text = NormalizedText("第一句。第二句，有逗號！\n【標題】第三句?end" + teaser)
        let index = SentenceIndex(text)
        for floor in [0, 3, 10] {
            for p in 0...text.count {
                var i = p
                while i > floor, !Interpreter.sentenceEnds.contains(text[i - 1]) { i -= 1 }
                XCTAssertEqual(index.sentenceStart(p, floor: floor), i, "start of \(p) floor \(floor)")
            }
        }
        for ceiling in [text.count, 20] {
            for p in 0...text.count {
                var i = p
                while i < ceiling, !Interpreter.sentenceEnds.contains(text[i]) { i += 1 }
                XCTAssertEqual(index.sentenceEnd(p, ceiling: ceiling), i, "end of \(p) ceiling \(ceiling)")
            }
        }
    }

    /// A run without sentence ends is cut at most every `cap` characters, preferably after a clause break.
    func testEndlessRunIsCutIntoBoundedSentences() {
        let text = NormalizedText(String(repeating: "台積電上漲2%，鴻海下跌3%", count: 500))
        let index = SentenceIndex(text)
        var p = 0
        while p < text.count {
            let end = index.sentenceEnd(p, ceiling: text.count)
            XCTAssertGreaterThan(end, p)
            XCTAssertLessThanOrEqual(end - index.sentenceStart(p, floor: 0), SentenceIndex.cap + 1)
            p = end + 1
        }
    }

    /// The crafted page of the issue (a digit run with 50,000 commas) and an endless unpunctuated line
    /// give sane figures: spans inside the text, finite values.
    func testPathologicalPagesGiveSaneFigures() {
        for page in ["指數" + String(repeating: "1,", count: 50_000) + "點", String(repeating: "台積電上漲2點鴻海下跌3點", count: 2_000)] {
            let text = NormalizedText(page)
            let extraction = Extractor.extract(page, reference: reference)
            XCTAssertGreaterThan(extraction.teaserCount, 1, "a long teaser is cut")
            for o in extraction.observations {
                XCTAssertTrue(o.start >= 0 && o.start < o.end && o.end <= text.count)
                XCTAssertEqual(o.text, text.text(o.start, o.end))
                XCTAssertTrue(o.isFinite)
            }
        }
    }

    /// A teaser longer than the cap is cut into pieces no longer than it, at line breaks when there are some.
    func testLongTeaserIsCut() {
        let rows = (0..<800).map { "股票\($0)收\($0 % 90 + 10).5元" }.joined(separator: "\n")
        let text = NormalizedText(rows)
        let teasers = PageLayout.teasers(of: text, reference: reference)
        XCTAssertGreaterThan(teasers.count, 1)
        XCTAssertEqual(teasers.first?.start, 0)
        XCTAssertEqual(teasers.last?.end, text.count)
        for (a, b) in zip(teasers, teasers.dropFirst()) { XCTAssertEqual(a.end, b.start) }
        for t in teasers.dropLast() {
            XCTAssertLessThanOrEqual(t.end - t.start, PageLayout.maxTeaserLength)
            XCTAssertEqual(text[t.end - 1], 0x0A, "cut after a line break")
        }
    }

    /// A page read in chunks gives, chunk by chunk, the observations of its teasers read alone, at
    /// the offsets of the whole page (a byte-order mark at the start not counted).
    func testChunkedPageKeepsOffsetsOfThePage() {
        let one = Extractor.extract(teaser, reference: reference).observations
        XCTAssertFalse(one.isEmpty)
        // teasers that differ (a figure repeated across teasers is kept once on a page, once a chunk in chunks)
        let page = "\u{FEFF}" + (0..<40).map { teaser.replacingOccurrences(of: "203.52", with: "\(200 + $0).52") + "\n" }.joined()
        let text = NormalizedText(page)
        let chunked = Extractor.extract(page, reference: reference, chunkBytes: 1000)
        let whole = Extractor.extract(page, reference: reference)
        for c in chunked.observations { XCTAssertEqual(c.text, text.text(c.start, c.end)) }
        // every figure of the whole page is found at the same place in chunks (chunks may keep a repeat more)
        let key = { (o: Observation) in "\(o.kind) \(o.subject) \(o.metric) \(o.value) \(o.start) \(o.end)" }
        XCTAssertTrue(Set(whole.observations.map(key)).isSubset(of: Set(chunked.observations.map(key))))
        // a chunk cut inside a line without line breaks still lands between characters
        let line = String(repeating: "台積電上漲2%。鴻海下跌3%！", count: 400)
        let lineText = NormalizedText(line)
        for o in Extractor.extract(line, reference: reference, chunkBytes: 997).observations {
            XCTAssertEqual(o.text, lineText.text(o.start, o.end))
        }
    }
}
