import FiguresText
import FiguresQuantities

/// One teaser of a list page (or the whole of a single-article page): its
/// span, its age from the footer, and the day its figures default to.
public struct Teaser: Sendable {
    public var start: Int
    public var end: Int
    /// The footer's span (`中央社 ・ 1 天前 ・ 發起對話`), when there is one.
    public var footer: Range<Int>?
    /// Days before the reference date, from `N 天前`; 0 for hours and minutes.
    public var ageDays: Int?
}

/// Splits a page into teasers at their footers. A footer is `SOURCE ・ N 天前 ・ …`
/// (or with `·`, or `小時前`/`分鐘前`), and is often glued to the next title,
/// sometimes with a comment count (`・ 1分歧待化解`: the 1 counts comments).
enum PageLayout {
    /// The dots between a teaser's source and its age: ・ · ‧ •
    static func isSeparator(_ c: UInt32) -> Bool { c == 0x30FB || c == 0x00B7 || c == 0x2027 || c == 0x2022 }

    /// The outlet of the first footer: its text before the first dot (`中央社 ・ 1 天前` → 中央社), trimmed;
    /// nil when no footer names one (an age alone, or a name of more than 40 characters).
    static func source(of text: NormalizedText, teasers: [Teaser]) -> String? {
        guard let footer = teasers.lazy.compactMap(\.footer).first(where: { !$0.isEmpty }) else { return nil }
        var k = footer.lowerBound
        while k < footer.upperBound, !isSeparator(text.folded[k]) { k += 1 }
        let name = text.text(footer.lowerBound, k).trimmingCharacters(in: " \t\r\n\u{3000}")
        return name.isEmpty || name.count > 40 ? nil : name
    }

    static func teasers(of text: NormalizedText, reference: Day) -> [Teaser] {
        let t = text.folded, n = t.count
        var teasers: [Teaser] = []
        var teaserStart = 0
        var i = 0
        while i < n {
            guard isSeparator(t[i]), let (age, ageEnd) = age(t, after: i + 1) ?? datedFooter(text, after: i + 1, reference: reference) else { i += 1; continue }
            // The footer starts after the last line break before the separator.
            var footerStart = i
            while footerStart > max(teaserStart, i - 41), t[footerStart - 1] != 0x0A { footerStart -= 1 }
            if i - footerStart > 40 { footerStart = i }   // no source name on that line: footer is the age alone
            var footerEnd = ageEnd
            var k = ageEnd
            while k < n, t[k] == 0x20 { k += 1 }
            if k < n, isSeparator(t[k]) {
                k += 1
                while k < n, t[k] == 0x20 { k += 1 }
                if text.matches(ScriptFold.shared.fold("發起對話"), at: k) {
                    k += 4
                } else {
                    while k < n, NumeralChar.isASCIIDigit(t[k]) { k += 1 }
                    if k < n, t[k] == 0x8BC4 { k += 1 }   // 评: 56评
                }
                footerEnd = k
            }
            teasers.append(Teaser(start: teaserStart, end: footerStart, footer: footerStart..<footerEnd, ageDays: age))
            teaserStart = footerEnd
            // the next teaser starts at its title, not at the line break after the footer
            while teaserStart < n, t[teaserStart] == 0x0A || t[teaserStart] == 0x20 || t[teaserStart] == 0x0D { teaserStart += 1 }
            i = teaserStart
        }
        if teaserStart < n {
            var blank = true
            for k in teaserStart..<n where !(t[k] == 0x20 || t[k] == 0x0A || t[k] == 0x09 || t[k] == 0x0D) { blank = false; break }
            if !blank || teasers.isEmpty {
                teasers.append(Teaser(start: teaserStart, end: n, footer: nil, ageDays: nil))
            }
        }
        return split(teasers, t)
    }

    /// The most characters read as one teaser. A longer one (a page of one endless article or line,
    /// a table of thousands of rows) is cut into pieces of at most this size, at a line break, else
    /// at a sentence end, else at a clause break or space, else anywhere: the rules compare a figure
    /// with the rest of its teaser, so an unbounded teaser would make their cost grow with its square.
    static let maxTeaserLength = 6000

    static func split(_ teasers: [Teaser], _ t: [UInt32]) -> [Teaser] {
        guard teasers.contains(where: { $0.end - $0.start > maxTeaserLength }) else { return teasers }
        var out: [Teaser] = []
        for teaser in teasers {
            var start = teaser.start
            while teaser.end - start > maxTeaserLength {
                let limit = start + maxTeaserLength, floor = start + maxTeaserLength / 2
                var cut = -1
                for breaks in [{ (c: UInt32) in c == 0x0A }, { (c: UInt32) in Interpreter.sentenceEnds.contains(c) },
                               { (c: UInt32) in Interpreter.clauseEnds.contains(c) || c == 0x20 || c == 0x3000 }] {
                    var k = limit
                    while k > floor, !breaks(t[k - 1]) { k -= 1 }
                    if k > floor { cut = k; break }
                }
                if cut < 0 { cut = limit }
                out.append(Teaser(start: start, end: cut, footer: nil, ageDays: teaser.ageDays))
                start = cut
            }
            out.append(Teaser(start: start, end: teaser.end, footer: teaser.footer, ageDays: teaser.ageDays))
        }
        return out
    }

    /// ` 2025年12月5日` after a footer separator: the age in days from the reference date, and where it ends.
    /// A written day is the teaser's day even when it is after the reference date (a page dated by its
    /// oldest report, a collection saved before its last item): the age is then negative.
    static func datedFooter(_ text: NormalizedText, after i: Int, reference: Day) -> (Int, Int)? {
        var k = i
        while k < text.count, text[k] == 0x20 { k += 1 }
        // 2024-09-27
        // (a day after the reference date dates a footer only on a line of its own: not • 2026年1月1日起實施)
        func dated(_ d: Day, _ end: Int) -> (Int, Int)? {
            let age = reference.ordinal - d.ordinal
            return age >= 0 || endsFooterLine(text, from: end) ? (age, end) : nil
        }
        if k + 10 <= text.count, let d = Day(iso: text.foldedText(k, k + 10)) { return dated(d, k + 10) }
        if let (d, end) = dayFirstDate(text, at: k) { return dated(d, end) }
        guard let d = QuantityRecognizer.shared.recognize(NormalizedText(text.text(k, min(k + 14, text.count)))).dates.first,
              d.start == 0, let y = d.year, let m = d.month, let day = d.day, day <= Day.daysIn(year: y, month: m) else { return nil }
        return dated(Day(year: y, month: m, day: day), k + d.end)
    }

    /// After a footer's date only a time of day (12:13, 12:50 PM), another dotted part or the line's end follows.
    static func endsFooterLine(_ text: NormalizedText, from start: Int) -> Bool {
        var k = start
        while k < text.count, text[k] == 0x20 || NumeralChar.isASCIIDigit(text[k]) || text[k] == 0x3A { k += 1 }   // spaces, 12:13
        if k + 1 < text.count, text[k] == 0x41 || text[k] == 0x50, text[k + 1] == 0x4D { k += 2 }   // AM PM
        while k < text.count, text[k] == 0x20 { k += 1 }
        return k >= text.count || text[k] == 0x0A || text[k] == 0x0D || isSeparator(text[k])
    }

    /// `30/10/2025`, `20-7-2020`: a day written before its month and a four-digit year last, as Hong Kong,
    /// Singapore and Malaysian sites print them (a year-last date in these outlets is never month first).
    static func dayFirstDate(_ text: NormalizedText, at start: Int) -> (Day, Int)? {
        var k = start
        var parts: [Int] = []
        var separator: UInt32?
        while parts.count < 3 {
            let digitsStart = k
            var value = 0
            while k < text.count, k - digitsStart < 4, NumeralChar.isASCIIDigit(text[k]) { value = value * 10 + Int(text[k] - 0x30); k += 1 }
            let width = k - digitsStart
            guard parts.count < 2 ? (1...2).contains(width) : width == 4 else { return nil }
            parts.append(value)
            if parts.count == 3 { break }
            guard k < text.count, text[k] == 0x2F || text[k] == 0x2D, separator == nil || separator == text[k] else { return nil }
            separator = text[k]
            k += 1
        }
        if k < text.count, NumeralChar.isASCIIDigit(text[k]) { return nil }
        let (day, month, year) = (parts[0], parts[1], parts[2])
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        return (Day(year: year, month: month, day: day), k)
    }

    /// ` 1 天前`, ` 5 小時前`, ` 30 分鐘前` after a footer separator: the age in days and where it ends.
    static func age(_ t: [UInt32], after i: Int) -> (Int, Int)? {
        var k = i
        while k < t.count, t[k] == 0x20 { k += 1 }
        let digitsStart = k
        while k < t.count, NumeralChar.isASCIIDigit(t[k]) { k += 1 }
        guard k > digitsStart, let count = Int(String(decoding: t[digitsStart..<k].map { UInt8($0) }, as: UTF8.self)) else { return nil }
        while k < t.count, t[k] == 0x20 { k += 1 }
        let units: [(String, Int)] = [("天前", 1), ("小時前", 0), ("小时前", 0), ("分鐘前", 0), ("分钟前", 0), ("周前", 7), ("週前", 7),
                                      ("個月前", 30), ("个月前", 30), ("月前", 30), ("年前", 365)]
        for (word, days) in units {
            let w = ScriptFold.shared.fold(word)
            if k + w.count <= t.count, Array(t[k..<(k + w.count)]) == w { return (count * days, k + w.count) }
        }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set.unicodeScalars)
        var s = Substring(self)
        while let f = s.unicodeScalars.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, chars.contains(l) { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}
