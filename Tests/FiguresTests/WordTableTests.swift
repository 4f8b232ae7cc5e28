import XCTest
import FiguresText

/// The word index against a brute-force reference: the longest word wins, the first added
/// among words of equal length, ASCII letters match in either case, in both directions.
final class WordTableTests: XCTestCase {
    /// A few letters, CJK characters, a digit and an astral character, so that random words
    /// share prefixes and suffixes and land in the same buckets often.
    static let alphabet: [String] = ["a", "B", "中", "國", "国", "美", "元", "1", "𠀀", "點"]

    struct Reference {
        var words: [([UInt32], Int)] = []

        mutating func add(_ word: String, _ id: Int) {
            words.append((ScriptFold.shared.fold(word).map(Self.lower), id))
        }

        static func lower(_ v: UInt32) -> UInt32 { (0x41...0x5A).contains(v) ? v + 0x20 : v }

        func match(_ t: [UInt32], at offset: Int) -> (length: Int, id: Int)? {
            var best: (Int, Int)? = nil
            for (word, id) in words where offset >= 0 && offset + word.count <= t.count {
                if zip(word, t[offset...]).allSatisfy({ $0 == Self.lower($1) }), word.count > (best?.0 ?? 0) { best = (word.count, id) }
            }
            return best
        }

        func match(_ t: [UInt32], endingAt offset: Int) -> (length: Int, id: Int)? {
            var best: (Int, Int)? = nil
            for (word, id) in words where offset - word.count >= 0 && offset <= t.count {
                if zip(word, t[(offset - word.count)...]).allSatisfy({ $0 == Self.lower($1) }), word.count > (best?.0 ?? 0) { best = (word.count, id) }
            }
            return best
        }
    }

    func testMatchesAgreeWithBruteForce() {
        var rng = PropertyTests.SplitMix(state: 7)
        for round in 0..<40 {
            var table = WordTable<Int>()
            var reference = Reference()
            for id in 0..<(5 + round * 3) {
                let length = Int.random(in: 1...4, using: &rng)
                let word = (0..<length).map { _ in Self.alphabet.randomElement(using: &rng)! }.joined()
                table.add(word, id)
                reference.add(word, id)
            }
            let page = (0..<200).map { _ in Self.alphabet.randomElement(using: &rng)! }.joined()
            let text = NormalizedText(page)
            for offset in 0...text.count {
                let got = table.lengthAndPayload(in: text, at: offset)
                let want = reference.match(text.folded, at: offset)
                XCTAssertEqual(got?.0, want?.length, "round \(round) at \(offset)")
                XCTAssertEqual(got?.1, want?.id, "round \(round) at \(offset)")
                let gotBack = table.lengthAndPayload(in: text, endingAt: offset)
                let wantBack = reference.match(text.folded, endingAt: offset)
                XCTAssertEqual(gotBack?.0, wantBack?.length, "round \(round) ending at \(offset)")
                XCTAssertEqual(gotBack?.1, wantBack?.id, "round \(round) ending at \(offset)")
            }
        }
    }

    func testScriptsAndCaseFoldTogether() {
        var table = WordTable<String>()
        table.add("台積電", "2330")
        table.add("TSMC", "2330")
        table.add("台", "short")
        let text = NormalizedText("台积电与tsmc、台")
        XCTAssertEqual(table.scan(text).map { $0.payload }, ["2330", "2330", "short"])
        XCTAssertEqual(table.scan(text).map { $0.end - $0.start }, [3, 4, 1])
    }
}
