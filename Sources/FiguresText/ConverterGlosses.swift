/// What a page carries that cuts its sentences and words without being part of them, removed before the
/// recognisers read it, with every span found mapped back onto the page as written.
///
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

    /// The page without glosses and hard wraps, or nil when it has neither (the common case: a pass
    /// over its scalars).
    public static func strip(_ page: String) -> GlossFreeText? {
        // every tone-marked vowel is in U+00E0…U+01DC: no such scalar, no gloss
        let mayHaveGloss = page.unicodeScalars.contains(where: { $0.value >= 0xE0 && $0.value <= 0x1DC && isPinyinLetter($0.value) })
        let wraps = hardWraps(page)
        let spaces = figureSpaces(page)
        guard mayHaveGloss || !wraps.isEmpty || !spaces.isEmpty else { return nil }
        var scalars = Array(page.unicodeScalars)
        if scalars.first?.value == 0xFEFF { scalars.removeFirst() }
        var kept = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count)
        var found = false
        var nextWrap = 0
        var nextSpace = 0
        var i = 0
        while i < scalars.count {
            // 出口金額達 624.8 億美元: a space set around a figure is read as if it were not there
            if nextSpace < spaces.count, spaces[nextSpace] == i {
                nextSpace += 1; i += 1; found = true
                continue
            }
            // 收於全⏎⏎日高位3825.76點: a line break inside a sentence is read as if it were not there
            if nextWrap < wraps.count, wraps[nextWrap].lowerBound == i {
                i = wraps[nextWrap].upperBound; nextWrap += 1; found = true
                continue
            }
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

    /// Characters a line cannot end a sentence on (由, 從, 至, 為, 及, 和, 與, 的, 於, 將, 對, 、, ，), in
    /// both scripts.
    static let danglingEnds: Set<UInt32> = Set("由從从至為为及和與与的於于將将對对、，".unicodeScalars.map(\.value))
    /// Characters a line cannot start a sentence with (及, 與, 、, ，; not 和 or 並, which open names and words:
    /// 和碩, 並購).
    static let continuingStarts: Set<UInt32> = Set("及與与、，".unicodeScalars.map(\.value))

    /// Line breaks of a hard-wrapped text (print pages, wire copy cut at a fixed width): the breaks (with any
    /// blank lines and indentation after them) between a line of running text that stops inside a sentence
    /// and the next line that carries it on — in scalar offsets after a byte-order mark, ascending.
    ///
    /// A break is a wrap when the line before holds a clause mark (running text, not a title), has at least
    /// 16 characters and ends with a Han character, and the next line starts with a Han character or a digit
    /// and is about as long (within 4) or shorter and ends its sentence — or, whatever the lengths, when the
    /// line stops on a word that needs what follows (由, 及, 為) or the next opens with one (及, 、), with no
    /// blank line between. A title over a paragraph written on one line, and a list of headlines, keep their breaks.
    static func hardWraps(_ page: String) -> [Range<Int>] {
        struct Line { var start: Int; var end: Int; var length: Int; var first: UInt32; var last: UInt32; var clauseMark: Bool; var afterBlank = false }
        var lines: [Line] = []
        var offset = 0
        var line = Line(start: 0, end: 0, length: 0, first: 0, last: 0, clauseMark: false)
        var sawBreak = false
        for scalar in page.unicodeScalars {
            let c = scalar.value
            if offset == 0 && c == 0xFEFF { continue }
            if c == 0x0A {
                sawBreak = true
                let blank = line.length == 0 && offset > 0
                if line.length > 0 { lines.append(line) }
                line = Line(start: offset + 1, end: offset + 1, length: 0, first: 0, last: 0, clauseMark: false, afterBlank: blank)
            } else if c != 0x20 && c != 0x3000 && c != 0x0D && c != 0x09 {
                if line.length == 0 { line.start = offset; line.first = c }
                line.length += 1; line.last = c; line.end = offset + 1
                if c == 0xFF0C || c == 0x3002 || c == 0x2C || c == 0x3001 { line.clauseMark = true }
            }
            offset += 1
        }
        guard sawBreak else { return [] }
        if line.length > 0 { lines.append(line) }
        func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) || (0xFF10...0xFF19).contains(c) }
        func endsSentence(_ c: UInt32) -> Bool { c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x300D || c == 0x201D }
        var wraps: [Range<Int>] = []
        for k in 0..<max(0, lines.count - 1) {
            let a = lines[k], b = lines[k + 1]
            // 利率分別由 / 年息1.375%…1.875% / 及3.75%: a line that stops on a word that needs what follows (由, 及,
            // 為), or a next line that opens with one (及, 和, 、), is cut inside its sentence, whatever the lengths
            // (never across a blank line: a paragraph ends there)
            if a.length >= 8, b.start - a.end <= 12, !b.afterBlank, danglingEnds.contains(a.last) || continuingStarts.contains(b.first) {
                wraps.append(a.end..<b.start)
                continue
            }
            guard a.clauseMark, a.length >= 16, isHan(a.last), isHan(b.first) || isDigit(b.first) || b.first == 0xFF0C || b.first == 0x3001 else { continue }
            guard abs(b.length - a.length) <= 4 || b.length < a.length && endsSentence(b.last) else { continue }
            wraps.append(a.end..<b.start)
        }
        return wraps
    }

    /// Spaces a page sets around its figures (`114 年 12 月出口金額達 624.8 億美元，年增 43.4%`), a house
    /// style of some outlets: single spaces between a digit (or `%`) and a Han character, or a Han character
    /// and a digit, in lines of running text (with a clause mark), on a page where at least two such spaces
    /// stand before a unit or magnitude (億, 元, 年, %…). Ascending scalar offsets; empty on other pages, whose
    /// spaces part headline phrases (`道指漲1.2% 標普漲0.5%`).
    static func figureSpaces(_ page: String) -> [Int] {
        func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
        var found: [Int] = []
        var beforeUnit = 0
        var lineHasClauseMark = false
        var candidates: [Int] = []   // of the current line
        // one pass, offsets counted as hardWraps counts them (after a byte-order mark): a space is decided
        // when the character after it comes
        var offset = 0
        var previous: UInt32 = 0x0A         // the character before this one (a line break at the start)
        var pendingSpace = -1               // a space not first in its line, and the character before it
        var beforeSpace: UInt32 = 0
        for scalar in page.unicodeScalars {
            let c = scalar.value
            if offset == 0 && c == 0xFEFF { continue }
            defer { offset += 1; previous = c }
            if pendingSpace >= 0 {
                if (isDigit(beforeSpace) || beforeSpace == 0x25) && isHan(c) {
                    candidates.append(pendingSpace)
                    if unitCharacters.contains(c) { beforeUnit += 1 }
                } else if isHan(beforeSpace) && isDigit(c) {
                    candidates.append(pendingSpace)
                }
                pendingSpace = -1
            }
            if c == 0x0A {
                if lineHasClauseMark { found.append(contentsOf: candidates) }
                candidates.removeAll(keepingCapacity: true)
                lineHasClauseMark = false
            } else if c == 0xFF0C || c == 0x3002 || c == 0x3001 {
                lineHasClauseMark = true
            } else if c == 0x20, previous != 0x0A {
                pendingSpace = offset
                beforeSpace = previous
            }
        }
        if lineHasClauseMark { found.append(contentsOf: candidates) }
        return beforeUnit >= 2 ? found : []
    }

    /// Units and magnitudes written right after a figure.
    static let unitCharacters: Set<UInt32> = Set("億亿萬万兆元年月日點点倍成個个季週周".unicodeScalars.map(\.value))

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
