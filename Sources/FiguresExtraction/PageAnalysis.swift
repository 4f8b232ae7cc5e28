import FiguresText
import FiguresQuantities

/// Where a page comes from, which decides bare 元 and 央行.
public enum PageLocale: String, Sendable {
    case taiwan, hongKong, mainland

    var localCurrency: String {
        switch self {
        case .taiwan: return "TWD"
        case .hongKong: return "HKD"
        case .mainland: return "CNY"
        }
    }

    var centralBank: String {
        switch self {
        case .taiwan: return "CBC"
        case .hongKong: return "HKMA"
        case .mainland: return "PBOC"
        }
    }

    var country: String {
        switch self {
        case .taiwan: return "TW"
        case .hongKong: return "HK"
        case .mainland: return "CN"
        }
    }

    /// Script and a few unmistakable words decide: Simplified text is mainland;
    /// Traditional text with Hong Kong words is Hong Kong; other Traditional text is Taiwan.
    /// Nil when the span has too little Chinese to tell.
    static func guess(_ text: NormalizedText, from: Int = 0, to: Int? = nil) -> PageLocale? {
        let end = to ?? text.count
        var han = 0, traditional = 0
        for i in from..<end {
            let v = text.original[i]
            guard v >= 0x4E00 && v <= 0x9FFF else { continue }
            han += 1
            if text.folded[i] != v { traditional += 1 }
        }
        guard han >= 20 else { return nil }
        if traditional * 100 < han { return .mainland }
        for i in from..<end where hongKongWords.matchLength(in: text, at: i) != nil { return .hongKong }
        return .taiwan
    }

    /// Words only Hong Kong writers use (data/hong-kong-words.tsv).
    static let hongKongWords: WordTable<Bool> = {
        var table = WordTable<Bool>()
        for row in TableFile.rows(named: "hong-kong-words.tsv") where !row.isEmpty { table.add(row[0], true) }
        return table
    }()
}

/// A name found in the page.
struct Mention: Sendable {
    var start: Int
    var end: Int
    var entity: Entity
}

/// A page read once: its text, quantities, dates, names and teasers.
struct PageAnalysis {
    let text: NormalizedText
    let reference: Day
    let recognition: Recognition
    let mentions: [Mention]
    let teasers: [Teaser]
    let locale: PageLocale
    /// Each teaser's own locale (a list page mixes outlets), falling back to the page's.
    let teaserLocales: [PageLocale]
    /// Quantities kept for interpretation (not inside a name, not in a footer).
    let quantities: [Quantity]
    /// Quantities dropped before interpretation, with the reason.
    let dropped: [(Quantity, String)]
    /// Cue words by where they end.
    let cues: CueIndex
    /// Per teaser index: the currency declared for bare 元 (（人民幣．下同）).
    let declaredCurrency: [Int: String]

    init(text: NormalizedText, reference: Day) {
        self.text = text
        self.reference = reference
        let recognition = QuantityRecognizer.shared.recognize(text)
        self.recognition = recognition
        self.cues = CueIndex(text)
        let teasers = PageLayout.teasers(of: text, reference: reference)
        self.teasers = teasers
        let pageLocale = PageLocale.guess(text) ?? .taiwan
        self.locale = pageLocale
        let teaserLocales = teasers.map { PageLocale.guess(text, from: $0.start, to: $0.end) ?? pageLocale }
        self.teaserLocales = teaserLocales
        var mentions = PageAnalysis.findMentions(text, teasers: teasers, locales: teaserLocales)
        mentions.sort { $0.start < $1.start }
        var kept: [Quantity] = [], dropped: [(Quantity, String)] = []
        var m = 0
        let footers = teasers.compactMap(\.footer)
        for q in recognition.quantities {
            while m < mentions.count, mentions[m].end <= q.start { m += 1 }
            if m < mentions.count, mentions[m].start < q.start, mentions[m].end > q.start {
                dropped.append((q, "part of the name \(text.text(mentions[m].start, mentions[m].end))"))
                continue
            }
            if footers.contains(where: { $0.contains(q.start) }) {
                dropped.append((q, "footer (comment count or age)"))
                continue
            }
            kept.append(q)
        }
        self.quantities = kept
        self.dropped = dropped
        // A currency word that is the unit of an amount (22.51億美元) is not a name in the sentence.
        // and 以美元計算 names a unit of account, not the subject
        let jisuan = ScriptFold.shared.fold("計算")
        self.mentions = mentions.filter { m in
            !kept.contains { $0.start <= m.start && m.end <= $0.end }
                && !(m.entity.kind == .currency && text[m.start - 1] == 0x4EE5 && text.matches(jisuan, at: m.end))
        }
        // （人民幣．下同）: bare 元 in the rest of that teaser is in the currency declared
        var declared: [Int: String] = [:]
        let xiatong = ScriptFold.shared.fold("下同")
        for m in mentions where m.entity.kind == .currency {
            if (m.end..<min(m.end + 3, text.count)).contains(where: { text.matches(xiatong, at: $0) }),
               let i = teasers.firstIndex(where: { $0.start <= m.start && m.start < $0.end }) {
                declared[i] = m.entity.id
            }
        }
        self.declaredCurrency = declared
    }

    func locale(at position: Int) -> PageLocale {
        PageAnalysis.locale(at: position, teasers: teasers, locales: teaserLocales) ?? locale
    }

    static func locale(at position: Int, teasers: [Teaser], locales: [PageLocale]) -> PageLocale? {
        for (i, t) in teasers.enumerated() where t.start <= position && position < max(t.end, t.footer?.upperBound ?? t.end) { return locales[i] }
        return locales.last
    }

    static func findMentions(_ text: NormalizedText, teasers: [Teaser], locales: [PageLocale]) -> [Mention] {
        let lexicon = Lexicon.shared
        var mentions: [Mention] = []
        for (s, e, entity) in lexicon.names.scan(text) {
            // A Latin name inside a longer Latin word is no mention (Arm in Armstrong).
            if isLatin(text[s]) && isLatin(text[s - 1]) { continue }
            if isLatin(text[e - 1]) && isLatin(text[e]) { continue }
            var entity = entity
            let here = locale(at: s, teasers: teasers, locales: locales) ?? .taiwan
            if entity.id == "LOCAL-CENTRAL" { entity.id = here.centralBank }
            if entity.id == "LOCAL" { entity.id = here.country }   // 我國: the writer's own country
            if entity.kind == .indexGroup {
                for member in entity.id.split(separator: " ") {
                    var index = entity
                    index.kind = .index
                    index.id = String(member)
                    mentions.append(Mention(start: s, end: e, entity: index))
                }
                continue
            }
            mentions.append(Mention(start: s, end: e, entity: entity))
        }
        // 日本銀行（央行）: the bracketed 央行 repeats the bank just named
        let named = mentions
        mentions.removeAll { m in
            m.entity.kind == .centralBank && text[m.start - 1] == 0x28
                && named.contains { $0.entity.kind == .centralBank && $0.end == m.start - 1 && $0.entity.id != m.entity.id }
        }
        mentions += companyCodes(text, teasers: teasers, locales: locales, known: mentions)
        mentions += sectors(text, teasers: teasers, mentions: mentions)
        return mentions
    }

    static func isLatin(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// `如興(4414)`: a name with its listing code. The name becomes a company for the whole page.
    static func companyCodes(_ text: NormalizedText, teasers: [Teaser], locales: [PageLocale], known: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var names: [([UInt32], Entity)] = []
        let t = text.folded
        var i = 1
        while i < t.count {
            guard t[i] == 0x28 else { i += 1; continue }
            var k = i + 1
            while k < t.count, NumeralChar.isASCIIDigit(t[k]) { k += 1 }
            let digits = k - i - 1
            var suffixEnd = k
            if k < t.count, t[k] == 0x2E { suffixEnd = k + 1; while suffixEnd < t.count, isLatin(t[suffixEnd]) { suffixEnd += 1 } }   // (0700.HK)
            guard (4...6).contains(digits), suffixEnd < t.count, t[suffixEnd] == 0x29 else { i += 1; continue }
            // The name: Han characters right before the bracket (at most 6), not across punctuation.
            var s = i
            while s > 0, i - s < 6, isHan(t[s - 1]) { s -= 1 }
            guard s < i else { i += 1; continue }
            let code = text.foldedText(i + 1, k)
            let existing = known.first { $0.end == i && $0.entity.kind == .company }
            let locale = PageAnalysis.locale(at: i, teasers: teasers, locales: locales) ?? .taiwan
            let id: String
            if let e = existing { id = e.entity.id }
            else if digits == 4 && locale != .hongKong { id = "\(code).TW" }
            else if digits <= 5 { id = "\(String(repeating: "0", count: max(0, 4 - code.count)))\(code.count == 5 && code.hasPrefix("0") ? String(code.dropFirst()) : code).HK" }
            else { id = code.hasPrefix("6") ? "\(code).SS" : "\(code).SZ" }
            var entity = Entity(kind: .company, id: id, extra: code)
            entity.source = "listing code (\(code))"
            let nameStart = existing?.start ?? s
            found.append(Mention(start: nameStart, end: suffixEnd + 1, entity: entity))
            if existing == nil { names.append((Array(t[s..<i]), entity)) }
            i = suffixEnd + 1
        }
        // Later mentions of the same name without the code.
        for (name, entity) in names where name.count >= 2 {
            var p = 0
            while p + name.count <= t.count {
                if text.matches(name, at: p), !found.contains(where: { $0.start <= p && p < $0.end }) {
                    found.append(Mention(start: p, end: p + name.count, entity: entity))
                    p += name.count
                } else { p += 1 }
            }
        }
        return found
    }

    static func isHan(_ c: UInt32) -> Bool { c >= 0x4E00 && c <= 0x9FFF }

    /// The index a sector belongs to: the last one named in the sector's own sentence, else the one
    /// the teaser names most often before it (ties: the latest).
    static func mainIndex(_ mentions: [Mention], teaser: Teaser, before: Int, text: NormalizedText, preferSentence: Bool = true) -> Mention? {
        let candidates = mentions.filter { $0.entity.kind == .index && $0.start >= teaser.start && $0.end <= before && !$0.entity.id.utf8.contains(0x2F) }
        var sentenceStart = before
        while sentenceStart > teaser.start, !Interpreter.sentenceEnds.contains(text[sentenceStart - 1]) { sentenceStart -= 1 }
        if preferSentence, let inSentence = candidates.last(where: { $0.start >= sentenceStart }) { return inSentence }
        var counts: [String: Int] = [:]
        for m in candidates { counts[m.entity.id, default: 0] += 1 }
        // the index named most often; on a tie the one named first (a report leads with its main market)
        return candidates.max { counts[$0.entity.id]! < counts[$1.entity.id]! }
    }

    /// The words of sector names, folded once.
    enum SectorWords {
        static let suffixes = Words.folded(["類股指數", "類指數", "類股", "板塊", "分類指數", "股指數", "產品指數", "指數", "類"])
        static let bareSuffixes = Set(Words.folded(["指數", "類"]))
        /// A move right after a bare 指數/類 makes it a sector (電器電纜類上漲).
        static let moves = WordTable<Bool>(["上漲", "下跌", "上揚", "下挫", "攀升", "走高", "走低", "漲", "跌", "升", "揚", "挫", "收"].map { ($0, true) })
        /// Connectives stuck to the front of a name (其中金融類股).
        static let leading = Words.folded(["其中", "其餘", "反觀", "另外", "以及", "至於", "此外", "而", "則", "和", "與", "及", "的", "但", "中"])
    }

    /// First characters of the sector suffixes (類, 板, 股, 產, 指, 分), as a table.
    static let sectorSuffixStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for w in ["類", "板", "股", "產", "指", "分"] { table[Int(ScriptFold.shared.fold(w)[0])] = true }
        return table
    }()

    /// `旅遊休閒類股指數`, `金融類股`, `半導體板塊`: a sector sub-index of the index last named in the teaser.
    static func sectors(_ text: NormalizedText, teasers: [Teaser], mentions: [Mention]) -> [Mention] {
        let suffixes = SectorWords.suffixes, bareSuffixes = SectorWords.bareSuffixes
        let moves = SectorWords.moves, leading = SectorWords.leading
        var out: [Mention] = []
        let t = text.folded
        let firstMask = sectorSuffixStarts
        for teaser in teasers {
            var i = teaser.start
            while i < teaser.end {
                let c = t[i]
                guard c < 0x10000, firstMask[Int(c)], let suffix = suffixes.first(where: { text.matches($0, at: i) }) else { i += 1; continue }
                var s = i
                // back over the name: Han characters, at most 8, stopping at 中/的 (產業指數中電器電纜類)
                while s > teaser.start, i - s < 8, isHan(t[s - 1]), t[s - 1] != 0x4E2D, t[s - 1] != 0x7684,
                      !NumeralChar.isChineseNumeral(t[s - 1]) || t[s - 1] == 0x5343 { s -= 1 }
                // Drop connective words stuck to the front of the name.
                var trimmed = true
                while trimmed {
                    trimmed = false
                    for w in leading where s + w.count < i && text.matches(w, at: s) { s += w.count; trimmed = true }
                }
                let end = i + suffix.count
                // a plain 指數/類 makes a sector only when a move follows (電器電纜類上漲6.87%), and never over a known name
                if bareSuffixes.contains(suffix) {
                    let followed = (0...2).contains { k in moves.match(in: text, at: end + k) != nil }
                    if !followed { i = end; continue }
                }
                if mentions.contains(where: { $0.start < end && $0.end > s }) { i = end; continue }   // a known name, not a sector
                if i - s >= 2, let parent = mainIndex(mentions, teaser: teaser, before: s, text: text) {
                    var entity = Entity(kind: .index, id: "\(parent.entity.id)/\(text.text(s, i))")
                    entity.source = "sector of \(parent.entity.id)"
                    out.append(Mention(start: s, end: end, entity: entity))
                }
                i = end
            }
        }
        return out
    }
}
