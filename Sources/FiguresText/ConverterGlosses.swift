/// Pinyin glosses some script converters and reposting sites write inside words: `新臺(tái)幣`,
/// `經(jīng)濟`, `存款準(zhǔn)備金率`. They cut every name, cue and number they stand in, so the
/// recognisers read the page without them; the spans found are then mapped back onto the page as
/// written (a span over a gloss keeps it: `新臺(tái)幣`).
///
/// A gloss is `(` or `（`, one to seven lowercase Latin letters of which at least one carries a tone
/// mark (ā á ǎ à …, ü), then `)` or `）`, right after a Han character. Author tags such as `(bi)` (no
/// tone mark) and asides after punctuation are not glosses.
public struct GlossFreeText: Sendable {
    /// The page without its glosses (and without a leading byte-order mark).
    public let text: String
    /// For each scalar of `text`, its offset in the page (counted after a byte-order mark).
    let originalOffsets: [Int]
    /// The page's scalars, to quote spans as written.
    let original: [Unicode.Scalar]

    /// The page without glosses, or nil when it has none (the common case: one pass over its bytes).
    public static func strip(_ page: String) -> GlossFreeText? {
        // every tone-marked vowel is in U+00E0…U+01DC: no such scalar, no gloss
        guard page.unicodeScalars.contains(where: { $0.value >= 0xE0 && $0.value <= 0x1DC && isPinyinLetter($0.value) }) else { return nil }
        var scalars = Array(page.unicodeScalars)
        if scalars.first?.value == 0xFEFF { scalars.removeFirst() }
        var kept = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count)
        var found = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i].value
            if (c == 0x28 || c == 0xFF08), i > 0, isHan(scalars[i - 1].value) {
                var k = i + 1
                var toned = false
                while k < scalars.count, k - i <= 7, isPinyinLetter(scalars[k].value) {
                    if scalars[k].value > 0x7F { toned = true }
                    k += 1
                }
                if toned, k > i + 1, k < scalars.count, scalars[k].value == 0x29 || scalars[k].value == 0xFF09 {
                    found = true
                    i = k + 1
                    continue
                }
            }
            kept.append(scalars[i])
            offsets.append(i)
            i += 1
        }
        guard found else { return nil }
        return GlossFreeText(text: String(kept), originalOffsets: offsets, original: scalars)
    }

    /// The page's span for a span `[start, end)` of `text`.
    public func originalSpan(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        guard !originalOffsets.isEmpty else { return (start, end) }
        let s = start < originalOffsets.count ? originalOffsets[max(0, start)] : original.count
        let e = end > 0 ? originalOffsets[min(end, originalOffsets.count) - 1] + 1 : s
        return (s, max(s, e))
    }

    /// The page as written between two of its offsets.
    public func originalText(_ start: Int, _ end: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: original[max(0, start)..<min(end, original.count)])
        return String(v)
    }

    static func isHan(_ c: UInt32) -> Bool { (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) }

    /// Lowercase ASCII letters and the letters of pinyin with tone marks.
    static func isPinyinLetter(_ c: UInt32) -> Bool {
        if c >= 0x61 && c <= 0x7A { return true }
        switch c {
        case 0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA, 0xFC,   // à á è é ì í ò ó ù ú ü
             0x101, 0x113, 0x11B, 0x12B, 0x14D, 0x16B,                          // ā ē ě ī ō ū
             0x1CE, 0x1D0, 0x1D2, 0x1D4, 0x1D6, 0x1D8, 0x1DA, 0x1DC:            // ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ
            return true
        default: return false
        }
    }
}
