import FiguresText
import FiguresQuantities

/// Where a page comes from, which decides bare 元, 央行 and 我國.
public enum PageLocale: String, Sendable {
    case taiwan, hongKong, mainland, singapore, malaysia, australia

    var localCurrency: String {
        switch self {
        case .taiwan: return "TWD"
        case .hongKong: return "HKD"
        case .mainland: return "CNY"
        case .singapore: return "SGD"
        case .malaysia: return "MYR"
        case .australia: return "AUD"
        }
    }

    var centralBank: String {
        switch self {
        case .taiwan: return "CBC"
        case .hongKong: return "HKMA"
        case .mainland: return "PBOC"
        case .singapore: return "MAS"
        case .malaysia: return "BNM"
        case .australia: return "RBA"
        }
    }

    var country: String {
        switch self {
        case .taiwan: return "TW"
        case .hongKong: return "HK"
        case .mainland: return "CN"
        case .singapore: return "SG"
        case .malaysia: return "MY"
        case .australia: return "AU"
        }
    }

    /// The main index of the region's market: what a bare 綜指 or 大市 of a local report means.
    var mainIndex: String {
        switch self {
        case .taiwan: return "TAIEX"
        case .hongKong: return "HSI"
        case .mainland: return "SSEC"
        case .singapore: return "STI"
        case .malaysia: return "KLCI"
        case .australia: return "ASX200"
        }
    }

    /// A guess and whether words of the region (not only the script) made it.
    struct Guess {
        var locale: PageLocale
        var fromRegionWords: Bool
    }

    /// Words of Singapore or Malaysia decide first (data/region-words.tsv: datelines, outlets,
    /// local words, the currency), since those outlets write Simplified or Traditional alike.
    /// Otherwise the script: Simplified text is mainland; Traditional text with Hong Kong words
    /// is Hong Kong; other Traditional text is Taiwan. Nil when the span has too little Chinese to tell.
    /// `evidence` is the page's, counted once (`Evidence(text)`).
    static func guess(_ text: NormalizedText, evidence: Evidence, from: Int = 0, to: Int? = nil) -> Guess? {
        let end = to ?? text.count
        var weights: [PageLocale: Int] = [:]
        var strong = Set<PageLocale>()
        // the region words starting in the span that end inside it, in page order
        var w = evidence.regionWords.lowerBound(from, by: \.start)
        while w < evidence.regionWords.count, evidence.regionWords[w].start < end {
            let word = evidence.regionWords[w]
            w += 1
            guard word.end <= end else { continue }
            weights[word.locale, default: 0] += word.weight
            if word.weight >= 3 { strong.insert(word.locale) }
        }
        let lo = min(max(from, 0), text.count), hi = max(lo, end)
        let han = Int(evidence.han[hi] - evidence.han[lo]), traditional = Int(evidence.traditional[hi] - evidence.traditional[lo])
        let ranked = weights.sorted { $0.value > $1.value }
        if let top = ranked.first, strong.contains(top.key) || top.value >= 5, ranked.count == 1 || ranked[1].value < top.value {
            return Guess(locale: top.key, fromRegionWords: true)
        }
        // too short to weigh the scripts, unless it is written in Simplified forms only (比亚迪营收5662亿元)
        let simplified = Int(evidence.simplified[hi] - evidence.simplified[lo])
        if han < 20, traditional == 0, simplified >= 1 { return Guess(locale: .mainland, fromRegionWords: false) }
        guard han >= 20 else { return nil }
        if traditional * 100 < han { return Guess(locale: .mainland, fromRegionWords: false) }
        // one Hong Kong word may be a Taiwanese writer's (報道, 收市): two make a Hong Kong text
        // (read left to right from `from`, a word's characters skipped: the next word starting at or after k)
        var hongKong = 0
        var k = from
        var h = evidence.hongKongWords.lowerBound(from, by: \.start)
        while h < evidence.hongKongWords.count, evidence.hongKongWords[h].start < end {
            let word = evidence.hongKongWords[h]
            h += 1
            guard word.start >= k else { continue }
            hongKong += 1; k = word.start + word.length
            if hongKong >= 2 { break }
        }
        return Guess(locale: hongKong >= 2 ? .hongKong : .taiwan, fromRegionWords: false)
    }

    /// What `guess` counts, found in one pass over a page, so that the page's guess and each of its
    /// teasers' read it by range instead of scanning the text again: the region words where they start,
    /// and running counts of Han characters and of those written in Traditional form.
    struct Evidence {
        struct RegionWord {
            var start: Int
            var end: Int
            var locale: PageLocale
            /// The table's weight, or 3 in a dateline.
            var weight: Int
        }
        /// The longest region word starting at each position where one starts, by start.
        let regionWords: [RegionWord]
        /// The longest Hong Kong word (data/hong-kong-words.tsv) starting at each position where one starts, by start.
        let hongKongWords: [(start: Int, length: Int)]
        /// Han characters before each position, all of them and those the fold changes (Traditional):
        /// `text.count + 1` entries.
        let han: [Int32]
        let traditional: [Int32]
        /// Han characters before each position written in a form only Simplified script uses (亿, 营, 亚).
        let simplified: [Int32]


        /// Whether a name the lexicon knows starts before `start` and ends inside `start..<end`: the region
        /// word there is the tail of another word (鴻海指出 holds no 海指, Singapore's index).
        static func nameEndsInside(_ text: NormalizedText, _ start: Int, _ end: Int) -> Bool {
            let names = Lexicon.shared.names
            for j in stride(from: start - 1, through: max(0, start - 8), by: -1) {
                if let length = names.matchLength(in: text, at: j), j + length > start, j + length < end { return true }
            }
            return false
        }

        init(_ text: NormalizedText) {
            let n = text.count
            var words: [RegionWord] = []
            var hongKongWords: [(start: Int, length: Int)] = []
            let hongKongTable = PageLocale.hongKongWords
            var han = [Int32](repeating: 0, count: n + 1), traditional = [Int32](repeating: 0, count: n + 1)
            var simplified = [Int32](repeating: 0, count: n + 1)
            var hanCount: Int32 = 0, traditionalCount: Int32 = 0, simplifiedCount: Int32 = 0
            let simplifiedForms = ScriptFold.shared.simplifiedForms
            let regionWords = PageLocale.regionWords   // (read once: a static is checked for its first use at every read)
            for i in 0..<n {
                // (the one-bit test first: most positions start no region word)
                if regionWords.mayMatch(in: text, at: i), let (length, region) = regionWords.lengthAndPayload(in: text, at: i),
                   !Evidence.nameEndsInside(text, i, i + length) {
                    // a city in a dateline (（吉隆坡6日訊）, 新加坡綜合電) places the report as surely as its outlet
                    let weight = isDateline(text, at: i + length) ? 3 : region.weight
                    words.append(RegionWord(start: i, end: i + length, locale: region.locale, weight: weight))
                }
                if hongKongTable.mayMatch(in: text, at: i), let length = hongKongTable.matchLength(in: text, at: i) {
                    hongKongWords.append((i, length))
                }
                let v = text.original[i]
                if v >= 0x4E00 && v <= 0x9FFF {
                    hanCount += 1
                    if text.folded[i] != v { traditionalCount += 1 } else if simplifiedForms[Int(v)] { simplifiedCount += 1 }
                }
                han[i + 1] = hanCount
                traditional[i + 1] = traditionalCount
                simplified[i + 1] = simplifiedCount
            }
            self.regionWords = words
            self.hongKongWords = hongKongWords
            self.han = han
            self.traditional = traditional
            self.simplified = simplified
        }
    }

    /// A dateline's end right after a place name: an optional day (6日), then 訊, 電 or 綜合電.
    static func isDateline(_ text: NormalizedText, at p: Int) -> Bool {
        var k = p
        while NumeralChar.isASCIIDigit(text[k]) && k - p < 2 { k += 1 }
        if k > p { guard text[k] == 0x65E5 else { return false }; k += 1 }   // 日
        if text.matches(datelineWords[0], at: k) { k += 2 }                  // 綜合
        return text[k] == datelineWords[1][0] || text[k] == datelineWords[2][0]
    }
    static let datelineWords = Words.folded(["綜合", "訊", "電"])

    /// Words only Hong Kong writers use (data/hong-kong-words.tsv).
    static let hongKongWords = WordTable<Bool>(table: "hong-kong-words.tsv") { $0.isEmpty ? nil : ($0[0], true) }

    /// Words that place a text in Singapore or Malaysia, with their weight (data/region-words.tsv).
    static let regionWords = WordTable<(locale: PageLocale, weight: Int)>(table: "region-words.tsv") { row in
        guard row.count >= 3, let locale: PageLocale = ["SG": .singapore, "MY": .malaysia, "AU": .australia][row[0]],
              let weight = Int(row[2]) else { return nil }
        return (row[1], (locale, weight))
    }
}

/// A name found in the page.
struct Mention: Sendable {
    var start: Int
    var end: Int
    var entity: Entity
}

/// A page read once: its text, quantities, dates, names and teasers.
///
/// A class, not a struct: the rules read its fields for every figure through the interpreter, and a
/// struct of two dozen arrays is copied (each array retained and released) at every such read.
/// Everything in it is a `let`, so sharing it changes nothing.
final class PageAnalysis {
    let text: NormalizedText
    let reference: Day
    let recognition: Recognition
    let mentions: [Mention]
    let teasers: [Teaser]
    let locale: PageLocale
    /// Each teaser's own locale (a list page mixes outlets), falling back to the page's.
    let teaserLocales: [PageLocale]
    /// Each teaser's own guess from its words alone (nil: too little Chinese to tell), made once: the
    /// interpreter asks it again for the years of a Taiwanese report.
    let teaserGuesses: [PageLocale.Guess?]
    /// Quantities kept for interpretation (not inside a name, not in a footer).
    let quantities: [Quantity]
    /// Quantities dropped before interpretation, with the reason.
    let dropped: [(Quantity, String)]
    /// Cue words by where they end.
    let cues: CueIndex
    /// Per teaser index: the currency declared for bare 元 (（人民幣．下同）).
    let declaredCurrency: [Int: String]
    /// By the start of a sum of money: the currency named right before it (港幣2224億元), which is its unit.
    let currencyBeforeAmount: [Int: String]
    /// Per teaser index: the one regional currency its amounts name (港元, 新元, 令吉, 澳元) on a page placed
    /// by its script alone; a company's results in bare 元 are in it (大新銀行上半盈利11.1億元…每股0.11港元).
    let regionalYuan: [Int: String]
    /// The recogniser's dates, sorted by start.
    let dates: [DateMention]
    /// Sentence boundaries, found once.
    let sentences: SentenceIndex

    init(text: NormalizedText, reference: Day) {
        self.text = text
        self.reference = reference
        let recognition = QuantityRecognizer.shared.recognize(text)
        self.recognition = recognition
        // 9月28日（星期五）: a weekday in brackets right after a day is that day's, not a day of its own
        let sortedDates = recognition.dates.stablySorted(by: \.start)
        let dates = sortedDates.enumerated().filter { (k, d) in
            guard k > 0, d.weekday != nil, d.day == nil, text[d.start - 1] == 0x28 || text[d.start - 1] == 0xFF08 else { return true }
            let before = sortedDates[k - 1]
            return !(before.day != nil && before.end == d.start - 1)
        }.map(\.element)
        self.dates = dates
        let sentences = SentenceIndex(text)
        self.sentences = sentences
        self.cues = CueIndex(text)
        let teasers = PageLayout.teasers(of: text, reference: reference)
        self.teasers = teasers
        let localeEvidence = PageLocale.Evidence(text)
        let pageGuess = PageLocale.guess(text, evidence: localeEvidence)
        let pageLocale = pageGuess?.locale ?? .taiwan
        self.locale = pageLocale
        // a teaser's own region words decide; without them, a page placed by its words keeps its teasers
        // (a Kuala Lumpur page's Simplified teasers are not mainland ones)
        var placedByWords = [Bool](repeating: pageGuess?.fromRegionWords == true, count: teasers.count)
        let teaserGuesses = teasers.map { PageLocale.guess(text, evidence: localeEvidence, from: $0.start, to: $0.end) }
        self.teaserGuesses = teaserGuesses
        let teaserLocales = teasers.enumerated().map { (i, teaser) -> PageLocale in
            guard let own = teaserGuesses[i] else { return pageLocale }
            if own.fromRegionWords { placedByWords[i] = true }
            return own.fromRegionWords || pageGuess?.fromRegionWords != true ? own.locale : pageLocale
        }
        self.teaserLocales = teaserLocales
        var mentions = PageAnalysis.findMentions(text, teasers: teasers, locales: teaserLocales, sentences: sentences, cues: cues)
        mentions.sort { $0.start < $1.start }
        var kept: [Quantity] = [], dropped: [(Quantity, String)] = []
        var m = 0
        // footers are disjoint and in page order: one walk beside the sorted figures
        let footers = teasers.compactMap(\.footer).filter { !$0.isEmpty }
        var f = 0
        for q in recognition.quantities.stablySorted(by: \.start) {
            while m < mentions.count, mentions[m].end <= q.start { m += 1 }
            if m < mentions.count, mentions[m].start < q.start, mentions[m].end > q.start {
                dropped.append((q, "part of the name \(text.text(mentions[m].start, mentions[m].end))"))
                continue
            }
            while f < footers.count, footers[f].upperBound <= q.start { f += 1 }
            if f < footers.count, footers[f].contains(q.start) {
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
        // a kept figure holds the name when one starting at or before it reaches its end: the running
        // maximum of the ends of the figures sorted by start
        var reach: [Int] = []
        reach.reserveCapacity(kept.count)
        for q in kept { reach.append(max(reach.last ?? Int.min, q.end)) }
        var unitBefore: [Int: String] = [:]
        self.mentions = mentions.filter { m in
            let k = kept.lowerBound(m.start + 1, by: \.start) - 1
            let inFigure = k >= 0 && reach[k] >= m.end
            // 成交額港幣2224億元, 約新台幣8696億元: a currency right before a sum of money is its unit, not a name
            if m.entity.kind == .currency {
                let next = kept.lowerBound(m.end, by: \.start)
                if next < kept.count, (kept[next].qualifierStart ?? kept[next].start) - m.end <= 0 || kept[next].start - m.end <= 1,
                   kept[next].unit.isMoney, kept[next].value >= 1e6 {
                    unitBefore[kept[next].start] = m.entity.id
                    return false
                }
            }
            // 本(28)日本行: a name that starts inside a written day of the month (日本 from its 日) is not one
            // (a weekday is not: 上週日經225指數 holds 週日 and the Nikkei)
            let d = dates.lowerBound(m.start, by: \.start) - 1
            if d >= 0, dates[d].end > m.start, dates[d].day != nil, dates[d].weekday == nil { return false }
            return !inFigure && !(m.entity.kind == .currency && text[m.start - 1] == 0x4EE5 && text.matches(jisuan, at: m.end))
        }
        self.currencyBeforeAmount = unitBefore
        // （人民幣．下同）: bare 元 in the rest of that teaser is in the currency declared
        var declared: [Int: String] = [:]
        let xiatong = ScriptFold.shared.fold("下同")
        for m in mentions where m.entity.kind == .currency {
            if (m.end..<min(m.end + 3, text.count)).contains(where: { text.matches(xiatong, at: $0) }),
               let i = PageAnalysis.teaserIndex(at: m.start, teasers: teasers), m.start < teasers[i].end {
                declared[i] = m.entity.id
            }
        }
        // 大新銀行上半盈利11.1億元…每股0.11港元: on a page placed by its script alone, a teaser whose amounts
        // name one regional currency (港元, 新元, 令吉, 澳元) and no other means that currency by bare 元
        let regional: Set<String> = ["HKD", "SGD", "MYR", "AUD"]
        var named: [Int: Set<String>] = [:]
        for q in kept {
            guard case .currency(let iso) = q.unit, let i = PageAnalysis.teaserIndex(at: q.start, teasers: teasers), q.start < teasers[i].end else { continue }
            named[i, default: []].insert(iso.string)
        }
        var regionalYuan: [Int: String] = [:]
        for (i, codes) in named where declared[i] == nil && !placedByWords[i] && codes.count == 1 {
            if let code = codes.first, regional.contains(code), code != teaserLocales[i].localCurrency { regionalYuan[i] = code }
        }
        self.declaredCurrency = declared
        self.regionalYuan = regionalYuan
    }

    func locale(at position: Int) -> PageLocale {
        PageAnalysis.locale(at: position, teasers: teasers, locales: teaserLocales) ?? locale
    }

    static func locale(at position: Int, teasers: [Teaser], locales: [PageLocale]) -> PageLocale? {
        // teasers (with their footers) are disjoint and in page order: the last one starting at or before the position
        if let i = teaserIndex(at: position, teasers: teasers), position < max(teasers[i].end, teasers[i].footer?.upperBound ?? teasers[i].end) {
            return locales[i]
        }
        return locales.last
    }

    /// The last teaser that starts at or before `position` (binary search), if any.
    static func teaserIndex(at position: Int, teasers: [Teaser]) -> Int? {
        let i = teasers.lowerBound(position + 1, by: \.start) - 1
        return i >= 0 ? i : nil
    }

    static func findMentions(_ text: NormalizedText, teasers: [Teaser], locales: [PageLocale], sentences: SentenceIndex? = nil, cues: CueIndex) -> [Mention] {
        let lexicon = Lexicon.shared
        var mentions: [Mention] = []
        for (s, e, entity) in lexicon.names.scan(text) {
            // A Latin name inside a longer Latin word is no mention (Arm in Armstrong).
            if isLatin(text[s]) && isLatin(text[s - 1]) { continue }
            if isLatin(text[e - 1]) && isLatin(text[e]) { continue }
            var entity = entity
            let here = locale(at: s, teasers: teasers, locales: locales) ?? .taiwan
            if entity.id == "LOCAL-CENTRAL" { entity.id = here.centralBank; entity.extra = "local" }
            if entity.id == "LOCAL-MAIN" { entity.id = here.mainIndex }   // 綜指: the writer's own market
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
            // 恆生指數-HU: an index name with a dash and a code is a warrant or other derivative listed under
            // that code, a security of its own, kept as written
            if entity.kind == .index, text[e] == 0x2D || text[e] == 0xFF0D, isLatin(text[e + 1]) || NumeralChar.isASCIIDigit(text[e + 1]) {
                var k = e + 1
                while k < text.count, k - e <= 6, isLatin(text[k]) || NumeralChar.isASCIIDigit(text[k]) { k += 1 }
                if k - e >= 2, k - e <= 6, !isLatin(text[k]) {
                    var warrant = Entity(kind: .company, id: text.text(s, k))
                    warrant.source = "a derivative of \(entity.id) under its own code"
                    mentions.append(Mention(start: s, end: k, entity: warrant))
                    continue
                }
            }
            // 中期銀行: a name whose last character makes a word with the next one (期銀|行, 倫敦金|屬) is none
            if wordsAcrossNameEnd.contains(where: { text.matches($0, at: e - 1) }) { continue }
            // 其中石油勘察公司: a name whose first character ends a word with the one before it (其中|石油) is none
            if s > 0, wordsAcrossNameStart.contains(where: { text.matches($0, at: s - 1) }) { continue }
            // 表現未如理想: a common word that holds the whole name (理想) is that word, not the name
            if wordsHoldingNames.contains(where: { w in (max(0, s - 3)...s).contains { k in k + w.count >= e && text.matches(w, at: k) } }) { continue }
            // 比亞迪電子, 大華電子: a known company's name with a line of business after it that the tables do
            // not give it is another company, kept as written
            if entity.kind == .company || entity.kind == .bank, let w = businessAfterName.first(where: { text.matches($0, at: e) }) {
                var other = Entity(kind: .company, id: text.text(s, e + w.count))
                other.source = "a company the tables do not know (\(entity.id)'s name with a business after it)"
                mentions.append(Mention(start: s, end: e + w.count, entity: other))
                continue
            }
            mentions.append(Mention(start: s, end: e, entity: entity))
        }
        // 大众银行（Banco Popolare）: a company whose bracketed Latin name is not one of its own is another
        // company of the same Chinese name — the one the bracket names, else kept as written
        var partOfLatinName = Set<Int>()   // starts of company names inside another company's bracketed Latin name
        for (k, m) in mentions.enumerated() where m.entity.kind == .company && (text[m.end] == 0x28 || text[m.end] == 0xFF08) && isLatin(text[m.end + 1]) {
            var close = m.end + 1
            while close < text.count, close - m.end < 40, text[close] != 0x29, text[close] != 0xFF09 { close += 1 }
            guard close < text.count, text[close] == 0x29 || text[close] == 0xFF09, close - m.end > 4 else { continue }
            let inside = mentions.filter { $0.start > m.end && $0.end <= close && $0.entity.kind == .company }
            if inside.contains(where: { $0.entity.id == m.entity.id }) { continue }
            // (the whole bracket: 勝科海事(Sembcorp Marine) is not 勝科 for holding its Sembcorp)
            if let other = inside.first, other.start == m.end + 1, other.end == close { mentions[k].entity = other.entity; continue }
            if !inside.isEmpty { partOfLatinName.formUnion(inside.map(\.start)); continue }
            // an alias the tables do not know is another company's only when the table's company has Latin
            // names and the alias shares no word with them (港交所（HKEX）, 聯發科（MediaTek） stay theirs)
            let words = text.foldedText(m.end + 1, close).lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 3 }
            guard let own = PageAnalysis.latinNames[m.entity.id], !words.isEmpty,
                  !words.contains(where: { w in own.contains { $0.contains(w) } }) else { continue }
            var asWritten = Entity(kind: .company, id: text.text(m.start, m.end))
            asWritten.source = "a company of that name, not the table's (its Latin name \(text.text(m.end + 1, close)) differs)"
            mentions[k].entity = asWritten
        }
        if !partOfLatinName.isEmpty { mentions.removeAll { $0.entity.kind == .company && partOfLatinName.contains($0.start) } }
        // 央行破天荒大降息 … 人民銀行今日公布: a bare 央行 is the one central bank the teaser names, whatever
        // the script says of the writer's region
        var byTeaser: [Int: Set<String>] = [:]
        for m in mentions where m.entity.kind == .centralBank && m.entity.extra != "local" {
            if let t = teaserIndex(of: m.start, teasers: teasers) { byTeaser[t, default: []].insert(m.entity.id) }
        }
        for k in mentions.indices where mentions[k].entity.kind == .centralBank && mentions[k].entity.extra == "local" {
            if let t = teaserIndex(of: mentions[k].start, teasers: teasers), let ids = byTeaser[t], ids.count == 1, let only = ids.first {
                mentions[k].entity.id = only
                mentions[k].entity.source += " (the one central bank its teaser names)"
            }
        }
        // 日本銀行（央行）: the bracketed 央行 repeats the bank just named
        let named = mentions
        mentions.removeAll { m in
            m.entity.kind == .centralBank && text[m.start - 1] == 0x28
                && named.contains { $0.entity.kind == .centralBank && $0.end == m.start - 1 && $0.entity.id != m.entity.id }
        }
        mentions += companyCodes(text, teasers: teasers, locales: locales, known: mentions)
        mentions += sectors(text, teasers: teasers, mentions: mentions, sentences: sentences ?? SentenceIndex(text))
        mentions += companiesFromContext(text, teasers: teasers, known: mentions, cues: cues)
        mentions += listedMetals(text, known: mentions, sentences: sentences ?? SentenceIndex(text), cues: cues)
        return mentions
    }

    static let metalLetters = WordTable<String>(table: "metal-letters.tsv") { $0.count >= 2 ? ($0[0], $0[1]) : nil }
    static let metalWord = ScriptFold.shared.fold("金屬")

    /// One-character metals as items of a list of metal prices (data/metal-letters.tsv): 鋁上漲0.6%，鋅上漲0.9%
    /// after a sentence that named a commodity or 金屬 — the character right after a clause or list break
    /// (or 和/及) and right before a move or price word.
    static func listedMetals(_ text: NormalizedText, known: [Mention], sentences: SentenceIndex, cues: CueIndex) -> [Mention] {
        let table = metalLetters
        var found: [Mention] = []
        let sorted = known.sorted { $0.start < $1.start }
        for k in 1..<max(1, text.count) {
            guard table.mayMatch(in: text, at: k), let (length, id) = table.lengthAndPayload(in: text, at: k), length == 1 else { continue }
            let before = text[k - 1]
            guard Interpreter.clauseEnds.contains(before) || before == 0x20 || before == 0x548C || before == 0x53CA else { continue }
            guard cues.firstHit(from: k + 1, to: k + 6, where: { [.up, .down, .close, .level, .to, .high, .low].contains($0.cue.role) && $0.start == k + 1 }) != nil
            else { continue }
            let sentenceStart = sentences.sentenceStart(k, floor: 0)
            let i = sorted.lowerBound(sentenceStart, by: \.start)
            let commodityBefore = i < sorted.count && sorted[i...].prefix { $0.start < k }.contains { $0.entity.kind == .commodity }
            let metalsNamed = (sentenceStart..<k).contains { text.matches(metalWord, at: $0) }
            guard commodityBefore || metalsNamed || found.last.map({ $0.start >= sentenceStart }) ?? false else { continue }
            guard !sorted.contains(where: { $0.start <= k && $0.end > k }) else { continue }
            var entity = Entity(kind: .commodity, id: id, extra: "USD")
            entity.source = "metal-letters.tsv: \(text.text(k, k + 1)) \(id) (an item of a list of metal prices)"
            found.append(Mention(start: k, end: k + 1, entity: entity))
        }
        return found
    }

    /// Which teaser holds `position` (teasers are disjoint and in page order).
    static func teaserIndex(of position: Int, teasers: [Teaser]) -> Int? {
        var lo = 0, hi = teasers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if teasers[mid].end <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo < teasers.count && teasers[lo].start <= position ? lo : nil
    }

    static func isLatin(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }

    /// The Latin names and id of each table entity, lower-cased (publicbank, public bank): what a bracketed
    /// alias is compared with.
    static let latinNames: [String: [String]] = {
        var out: [String: [String]] = [:]
        for (name, entity) in Lexicon.shared.entries where entity.kind == .company {
            if out[entity.id] == nil, entity.id.contains(where: { $0.isLetter && $0.isASCII }) { out[entity.id] = [entity.id.lowercased()] }
            if name.contains(where: { $0.isLetter && $0.isASCII }) { out[entity.id, default: []].append(name.lowercased()) }
        }
        return out
    }()

    /// Words a name's last character makes with the character after it: the name is not there (中期銀行
    /// holds no 期銀, 倫敦金屬交易所 no 倫敦金).
    static let wordsAcrossNameEnd = Words.folded(["銀行", "金融", "金額", "金屬", "通脹", "通膨", "通貨", "行業"])
    /// Words a name's first character makes with the character before it: the name is not there (其中石油
    /// holds no 中石油).
    static let wordsAcrossNameStart = Words.folded(["其中", "之中", "當中", "集中", "盤中", "東南", "西南",
                                                    // a day word before a name starting with 日 (今日股價 holds no 日股)
                                                    // (not 本日 or 前日: 日本日經, 目前日股)
                                                    "今日", "昨日", "當日", "同日", "翌日", "每日", "即日", "逐日", "近日", "連日"])
    /// Lines of business that make a known short name another company's (比亞迪電子 is not 比亞迪). Only words
    /// a listed company's own full name does not end with after its short name (not 光電: 友達光電 is 友達;
    /// not 科技: 鴻海科技集團 is 鴻海).
    static let businessAfterName = Words.folded(["電子", "銀行", "證券", "保險", "地產", "置業", "醫藥", "生技", "電力", "能源"])
    /// Common words that hold a short company name whole (理想 in 未如理想, 不理想): where one stands, the name does not.
    static let wordsHoldingNames = Words.folded(["不理想", "未如理想", "欠理想", "較理想", "最理想", "很理想", "理想化", "更理想", "夠理想",
                                                 // 南亞 the region, not Nan Ya Plastics
                                                 "南亞地區", "南亞國家"])

    /// `如興(4414)`, `東洋投資（TOYOVEN，7173，主板工業股）`: a name with its listing code (a Malaysian
    /// report puts the ticker first and the board after it). The name becomes a company for the whole page.
    static func companyCodes(_ text: NormalizedText, teasers: [Teaser], locales: [PageLocale], known: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var names: WordTable<Entity> = WordTable()
        var nameCount = 0
        // the first company name ending at each position (a look-up per code, not a scan of the page)
        var companyEnding: [Int: Mention] = [:]
        for m in known where (m.entity.kind == .company || m.entity.kind == .bank) && companyEnding[m.end] == nil { companyEnding[m.end] = m }   // (a listed bank too: 中銀香港(2388))
        let t = text.folded
        var i = 1
        while i < t.count {
            guard t[i] == 0x28 else { i += 1; continue }
            // 馬鍍錫工業(Perusahaan Sadur Timah Malaysia (Perstima) Bhd): a name with its registered Latin name
            if let close = registeredNameEnd(t, open: i, groupsToo: ContextNameWords.companyEndings.contains(where: { text.matches($0, endingAt: i) })) {
                var s = i
                while s > 0, i - s < 6, isHan(t[s - 1]) { s -= 1 }
                for k in s..<i { for w in verbsBeforeRegisteredName where k + w.count <= i && text.matches(w, at: k) { s = max(s, k + w.count) } }
                if i - s >= 2 {
                    let existing = companyEnding[i]
                    let name = text.text(s, i)
                    var entity = existing?.entity ?? Entity(kind: .company, id: name, extra: "")
                    if existing == nil { entity.source = "registered name (\(text.text(i + 1, close)))" }
                    found.append(Mention(start: existing?.start ?? s, end: close + 1, entity: entity))
                    if existing == nil { names.add(text.foldedText(s, i), entity); nameCount += 1 }
                    i = close + 1
                    continue
                }
            }
            var k = i + 1
            // a Malaysian ticker before the code: (TOYOVEN，7173…) or (TOYOVEN,7173)
            var tickerEnd = k
            while tickerEnd < t.count, tickerEnd - k < 12, isLatin(t[tickerEnd]) || NumeralChar.isASCIIDigit(t[tickerEnd]) || t[tickerEnd] == 0x2D { tickerEnd += 1 }
            let hasTicker = tickerEnd > k && tickerEnd < t.count && isLatin(t[k]) && (t[tickerEnd] == 0x2C || t[tickerEnd] == 0xFF0C)
            if hasTicker { k = tickerEnd + 1 }
            let codeStart = k
            while k < t.count, NumeralChar.isASCIIDigit(t[k]) { k += 1 }
            let digits = k - codeStart
            var suffixEnd = k
            if k < t.count, t[k] == 0x2E { suffixEnd = k + 1; while suffixEnd < t.count, isLatin(t[suffixEnd]) { suffixEnd += 1 } }   // (0700.HK)
            // after a ticker the board may follow: (TOYOVEN，7173，主板工業股)
            if hasTicker, suffixEnd < t.count, t[suffixEnd] == 0x2C || t[suffixEnd] == 0xFF0C {   // (bounds first: a page may end here)
                var b = suffixEnd + 1
                while b < t.count, b - suffixEnd < 10, t[b] != 0x29, isHan(t[b]) { b += 1 }
                suffixEnd = b
            }
            guard (1...6).contains(digits), suffixEnd < t.count, t[suffixEnd] == 0x29 else { i += 1; continue }
            // The name: Han characters right before the bracket (at most 6), not across punctuation — with
            // a listing's Latin tag after a dash (材料-KY, 康友-KY: Taiwan's foreign listings)
            var s = i
            var tag = i
            while tag > 0, i - tag < 4, isLatin(t[tag - 1]) { tag -= 1 }
            if tag < i, tag > 1, t[tag - 1] == 0x2D, isHan(t[tag - 2]) { s = tag - 1 }
            let hanEnd = s
            while s > 0, hanEnd - s < 6, isHan(t[s - 1]) { s -= 1 }
            guard s < i else { i += 1; continue }
            let locale = PageAnalysis.locale(at: i, teasers: teasers, locales: locales) ?? .taiwan
            // the listing the code names (its exchange decides the currency of a price in bare 元)
            // (the exchange written after the code decides: 2330.TW on a Hong Kong page, 000001.SZ)
            let written = k < t.count && t[k] == 0x2E ? text.foldedText(k + 1, suffixEnd).uppercased() : ""
            // Hong Kong codes are often written without their zeros (壹傳媒(282), 滙豐(5)): on a Hong Kong
            // page, or with .HK, after a name of two characters or more
            guard digits >= 4 || (locale == .hongKong || written == "HK") && i - s >= 2 else { i += 1; continue }
            let code = text.foldedText(codeStart, k)
            let existing = companyEnding[i]
            let listing: String
            if written == "SH" || written == "SS" { listing = "\(code).SS" }
            else if ["SZ", "TW", "TWO", "KL", "SI", "T"].contains(written) { listing = "\(code).\(written)" }
            else if digits == 4 && written != "HK" && (locale == .malaysia || hasTicker) { listing = "\(code).KL" }   // Bursa Malaysia's four digits
            else if digits == 4 && written != "HK" && locale != .hongKong { listing = "\(code).TW" }
            else if digits <= 5 { listing = "\(String(repeating: "0", count: max(0, 4 - code.count)))\(code.count == 5 && code.hasPrefix("0") ? String(code.dropFirst()) : code).HK" }
            else { listing = code.hasPrefix("6") ? "\(code).SS" : "\(code).SZ" }
            let id = existing?.entity.id ?? listing
            var entity = Entity(kind: .company, id: id, extra: listing)
            entity.source = "listing code (\(code))"
            if let bank = existing, bank.entity.kind == .bank { entity = bank.entity }   // a bank the tables know stays that bank
            let nameStart = existing?.start ?? s
            found.append(Mention(start: nameStart, end: suffixEnd + 1, entity: entity))
            if existing == nil, i - s >= 2 { names.add(text.foldedText(s, i), entity); nameCount += 1 }
            i = suffixEnd + 1
        }
        // Later mentions of the same names without the code: one pass over the page for all of them
        // (a table of thousands of stock rows stays linear).
        guard nameCount > 0 else { return found }
        let withCode = found.sorted { $0.start < $1.start }
        var next = 0
        var p = 0
        while p < t.count {
            while next < withCode.count, withCode[next].end <= p { next += 1 }
            if next < withCode.count, withCode[next].start <= p { p = withCode[next].end; continue }
            if let (length, entity) = names.lengthAndPayload(in: text, at: p) {
                found.append(Mention(start: p, end: p + length, entity: entity))
                p += length
            } else { p += 1 }
        }
        return found
    }

    static func isHan(_ c: UInt32) -> Bool { c >= 0x4E00 && c <= 0x9FFF }

    /// Words that end a company's registered name (Bhd, Berhad, Ltd, Inc, Corp…), lower-cased.
    static let registeredSuffixes: Set<String> = ["bhd", "berhad", "ltd", "limited", "inc", "corp", "corporation", "plc", "llc", "tbk"]
    /// Words that end a group's Latin name (Group, Holdings): a company's only when its Chinese name ends like
    /// one (新加坡置地(Singapore Land Group)), not any body (世界銀行(World Bank Group)).
    static let groupSuffixes: Set<String> = ["group", "holdings", "co"]
    /// Verbs a name before a registered Latin name may be glued to (宣布收購森那美(Sime Darby Bhd)): the name starts after them.
    static let verbsBeforeRegisteredName = Words.folded(["宣布", "宣佈", "公布", "公佈", "表示", "指出", "旗下", "收購", "併購", "入股"])

    /// Where the bracket opened at `open` closes when it holds a company's registered Latin name — Latin
    /// words (an inner bracket allowed) whose last word is a company form: `(Perusahaan Sadur Timah Malaysia
    /// (Perstima) Bhd)`, `(Nvidia Corp.)`. Nil for anything else (a ticker, a code, an English gloss).
    static func registeredNameEnd(_ t: [UInt32], open: Int, groupsToo: Bool = false) -> Int? {
        guard open + 1 < t.count, isLatin(t[open + 1]) else { return nil }
        var depth = 0
        var k = open + 1
        var lastWord: [UInt8] = [], word: [UInt8] = []
        while k < t.count, k - open < 90 {
            let c = t[k]
            if isLatin(c) { word.append(UInt8(c | 0x20)) }
            else {
                if !word.isEmpty { lastWord = word; word = [] }
                switch c {
                case 0x28: depth += 1
                case 0x29:
                    if depth == 0 {
                        let last = String(decoding: lastWord, as: UTF8.self)
                        return registeredSuffixes.contains(last) || groupsToo && groupSuffixes.contains(last) ? k : nil
                    }
                    depth -= 1
                case 0x20, 0x2E, 0x26, 0x2D, 0x2C, 0x27: break   // space . & - , '
                default: if !NumeralChar.isASCIIDigit(c) { return nil }
                }
            }
            k += 1
        }
        return nil
    }

    /// The index a sector belongs to: the last one named in the sector's own sentence, else the one
    /// the teaser names most often before it (ties: the latest).
    static func mainIndex(_ mentions: [Mention], teaser: Teaser, before: Int, text: NormalizedText, preferSentence: Bool = true,
                          sentences: SentenceIndex? = nil, indexMentionsByStart: [Mention]? = nil) -> Mention? {
        // `indexMentionsByStart`: the index mentions (no sectors) sorted by start, when the caller has them
        let named = indexMentionsByStart.map { $0.within(teaser.start, before, start: \.start, end: \.end) }
            ?? mentions.filter { $0.entity.kind == .index && $0.start >= teaser.start && $0.end <= before && !$0.entity.id.utf8.contains(0x2F) }
        // a sector belongs to its market's composite (電器電纜類 to TAIEX, not to the 台灣50 named beside it)
        let composites = named.filter { compositeIndices.contains($0.entity.id) }
        let candidates = composites.isEmpty ? named : composites
        var sentenceStart = before
        if let sentences { sentenceStart = sentences.sentenceStart(before, floor: teaser.start) } else {
            while sentenceStart > teaser.start, !Interpreter.sentenceEnds.contains(text[sentenceStart - 1]) { sentenceStart -= 1 }
        }
        if preferSentence, let inSentence = candidates.last(where: { $0.start >= sentenceStart }) { return inSentence }
        var counts: [String: Int] = [:]
        for m in candidates { counts[m.entity.id, default: 0] += 1 }
        // the index named most often; on a tie the one named first (a report leads with its main market)
        return candidates.max { counts[$0.entity.id]! < counts[$1.entity.id]! }
    }

    /// The composite indices of markets, the parents of their sector sub-indices.
    static let compositeIndices: Set<String> = ["TAIEX", "TPEX", "HSI", "SSEC", "SZSC", "STI", "KLCI", "ASX200", "N225", "TOPIX", "KOSPI",
                                               "SPX", "STOXX600", "SET", "JCI", "PSEI", "SENSEX", "CSI300", "FTSE100", "DAX", "CAC40"]

    /// The words of sector names, folded once.
    enum SectorWords {
        static let suffixes = Words.folded(["類股指數", "類指數", "類股", "板塊", "分類指數", "股指數", "產品指數", "指數", "類", "族群"])
        static let bareSuffixes = Set(Words.folded(["指數", "類"]))
        static let composite = ScriptFold.shared.fold("綜合")
        /// Suffixes only a sector takes (類股, 板塊): never another market's index.
        static let sectorOnlySuffixes = Set(Words.folded(["類股指數", "類指數", "類股", "板塊", "分類指數", "股指數", "產品指數", "類", "族群"]))
        /// Words inside a run before a sector name that end what comes before it (漲幅以, 類股).
        static let introducers = Words.folded(["漲幅以", "跌幅以", "類股", "以"])
        /// A move right after a bare 指數/類 makes it a sector (電器電纜類上漲).
        static let moves = WordTable<Bool>(["上漲", "下跌", "上揚", "下挫", "攀升", "走高", "走低", "漲", "跌", "升", "揚", "挫", "收"].map { ($0, true) })
        /// Connectives stuck to the front of a name (其中金融類股).
        static let leading = Words.folded(["其中", "其餘", "反觀", "另外", "以及", "至於", "此外", "漲幅以", "跌幅以", "漲幅", "跌幅", "以", "而", "則", "和", "與", "及", "的", "但", "中",
                                           // a session's time before 指數 (終場指數下跌): no sector's name
                                           "終場", "盤中", "早盤", "午盤", "尾盤", "收盤", "開盤", "今日", "今天", "全日", "最終", "隨後",
                                           // a verb whose object is the sector (帶動電子類股指數上漲): not its name
                                           "帶動", "推升", "推動", "拖累", "帶領", "激勵", "提振", "支撐", "使得", "令",
                                           // a qualifier of a group, not its name (其他族群, 相關族群)
                                           "其他", "相關", "強勢", "弱勢"])
    }

    /// First characters of the sector suffixes (類, 板, 股, 產, 指, 分, 族), as a table.
    static let sectorSuffixStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for w in ["類", "板", "股", "產", "指", "分", "族"] { table[Int(ScriptFold.shared.fold(w)[0])] = true }
        return table
    }()

    /// `旅遊休閒類股指數`, `金融類股`, `半導體板塊`: a sector sub-index of the index last named in the teaser.
    static func sectors(_ text: NormalizedText, teasers: [Teaser], mentions: [Mention], sentences: SentenceIndex) -> [Mention] {
        let suffixes = SectorWords.suffixes, bareSuffixes = SectorWords.bareSuffixes
        let moves = SectorWords.moves, leading = SectorWords.leading
        var out: [Mention] = []
        // the names by start with the running maximum of their ends: whether one overlaps a span is a binary search
        let byStart = mentions.stablySorted(by: \.start)
        var reach: [Int] = []
        reach.reserveCapacity(byStart.count)
        for m in byStart { reach.append(max(reach.last ?? Int.min, m.end)) }
        let indexMentions = byStart.filter { $0.entity.kind == .index && !$0.entity.id.utf8.contains(0x2F) }
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
                // 巴黎CAC指數, 雅典綜合指數, 澳股綜合指數: a market's index the tables do not know, not a sector
                if let unknown = unknownMarketIndex(text, nameStart: s, suffixStart: i, suffix: suffix, teaser: teaser, byStart: byStart, reach: reach) {
                    out.append(unknown)
                    i = unknown.end
                    continue
                }
                // 類股漲幅以電器電纜類: the name starts after the last word that ranks or introduces it
                for w in SectorWords.introducers {
                    var k = i - 1
                    while k > s { if text.matches(w, endingAt: k) { s = k; break }; k -= 1 }
                }
                // Drop connective words stuck to the front of the name.
                var trimmed = true
                while trimmed {
                    trimmed = false
                    for w in leading where s + w.count <= i && text.matches(w, at: s) { s += w.count; trimmed = true }
                }
                let end = i + suffix.count
                // a plain 指數/類 makes a sector only when a move follows (電器電纜類上漲6.87%), and never over a known name
                if bareSuffixes.contains(suffix) {
                    let followed = (0...2).contains { k in moves.match(in: text, at: end + k) != nil }
                    if !followed { i = end; continue }
                }
                let last = byStart.lowerBound(end, by: \.start) - 1
                if last >= 0 && reach[last] > s { i = end; continue }   // a known name, not a sector
                if i - s >= 2, let parent = mainIndex(mentions, teaser: teaser, before: s, text: text, sentences: sentences, indexMentionsByStart: indexMentions) {
                    var entity = Entity(kind: .index, id: "\(parent.entity.id)/\(text.text(s, i))")
                    entity.source = "sector of \(parent.entity.id)"
                    out.append(Mention(start: s, end: end, entity: entity))
                }
                i = end
            }
        }
        return out
    }

    /// What `explain` says of an index named with a market's place the tables do not know (kept as written).
    static let unknownIndexSource = "an index the tables do not know, kept as written"
    /// Words that name a market (data/market-places.tsv).
    static let marketPlaces = WordTable<Bool>(table: "market-places.tsv") { $0.isEmpty ? nil : ($0[0], true) }

    /// `巴黎CAC指數`, `雅典綜合指數`, `澳股綜合指數`: a name ending in 指數 that starts with a market's place
    /// (data/market-places.tsv), or is written in Latin letters (with a place before them or none), and that
    /// no known name covers — another market's index. It ends the scope of the index named before it
    /// (its figures are not that index's) and, as an unknown company, is kept as written.
    static func unknownMarketIndex(_ text: NormalizedText, nameStart: Int, suffixStart i: Int, suffix: [UInt32], teaser: Teaser,
                                   byStart: [Mention], reach: [Int]) -> Mention? {
        guard !SectorWords.sectorOnlySuffixes.contains(suffix) else { return nil }
        let t = text.folded
        var s = nameStart
        if s == i {
            // a Latin name right before 指數: letters, digits, spaces, &, /, - (at least two letters)
            var k = i, letters = 0
            while k > teaser.start, i - k < 24 {
                let c = t[k - 1]
                let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                guard isLetter || NumeralChar.isASCIIDigit(c) || c == 0x20 || c == 0x26 || c == 0x2F || c == 0x2D else { break }
                if isLetter { letters += 1 }
                k -= 1
            }
            while k < i, t[k] == 0x20 { k += 1 }
            guard letters >= 2 else { return nil }
            s = k
            // a place right before the Latin name: 巴黎CAC指數
            var p = s
            while p > teaser.start, s - p < 5, isHan(t[p - 1]) { p -= 1 }
            while p < s {
                if let (length, _) = marketPlaces.lengthAndPayload(in: text, at: p), p + length == s { s = p; break }
                p += 1
            }
        } else if i - s == 2, text.matches(SectorWords.composite, at: s) {
            // 基準S&P/ASX200指數下跌…；綜合指數下跌…: 綜合指數 alone is the market's composite, not a sector
        } else {
            // a Han name that starts with a place: the longest place word at its start (or any after the
            // connectives the sector rule trims)
            var p = s, found = false
            while p < i - 1, !found {
                if let (length, _) = marketPlaces.lengthAndPayload(in: text, at: p), p + length < i { s = p; found = true }
                else if SectorWords.leading.contains(where: { text.matches($0, at: p) }) { p += 1 }
                else { break }
            }
            guard found else { return nil }
        }
        let end = i + suffix.count
        // a known name covers it — unless that name is only the place it starts with (澳股 in 澳股綜合指數)
        var k = byStart.lowerBound(end, by: \.start) - 1
        while k >= 0, reach[k] > s {
            let m = byStart[k]
            let placeInside = m.start >= s && m.end < i && marketPlaces.lengthAndPayload(in: text, at: m.start)?.0 == m.end - m.start
            if m.end > s, !placeInside { return nil }
            k -= 1
        }
        var entity = Entity(kind: .index, id: text.text(s, end))
        entity.source = unknownIndexSource
        return Mention(start: s, end: end, entity: entity)
    }

    /// The words around a company name the lexicon does not know, folded once.
    enum ContextNameWords {
        /// A price or move verb right after a name and right before a figure (必和必拓下跌1.6%, 澳航收報8.5元).
        static let verbs = WordTable<Bool>(["上漲", "下跌", "大漲", "大跌", "暴漲", "暴跌", "急漲", "急跌", "重挫", "下挫", "挫",
                                            "漲", "跌", "升", "揚", "上揚", "走高", "走低", "收漲", "收跌", "收高", "收低", "飆漲",
                                            "飆升", "勁升", "勁揚", "攀升", "回落", "滑落", "小漲", "小跌", "微漲", "微跌", "微升", "微降", "微揚", "收報",
                                            "報", "收在", "收於", "全天漲", "全天跌", "股價漲", "股價跌", "大升", "急升", "狂升", "急挫", "大挫",
                                            // 夏普收450日圓, 尼康以2500日圓收盤: 收 and 以 right before the figure
                                            "收", "以"].map { ($0, true) })
        /// Verbs of a company announcing its results (公布, 宣佈, 交出): the name before them is the results' company.
        static let reportVerbs = WordTable<Bool>(["公布", "公佈", "宣布", "宣佈", "發布", "發佈", "發表", "交出", "披露", "公告", "錄得"].map { ($0, true) })
        static let holding = ScriptFold.shared.fold("控股")
        /// Time words between a company and its report verb (昨天公布, 日前宣佈).
        static let reportTimes = Words.folded(["昨天", "今天", "昨日", "今日", "日前", "早前", "較早前", "稍早", "週一", "週二", "週三", "週四", "週五", "星期一", "星期二", "星期三", "星期四", "星期五", "晚間", "盤後", "同日", "同步"])
        /// How company names end (集團, 控股, 科技…): a name before a result word must end so.
        static let companyEndings = Words.folded(["集團", "控股", "股份", "銀行", "公司", "科技", "電子", "實業", "置地", "置業", "地產",
                                                  "資源", "工業", "機械", "航空", "電訊", "電信", "能源", "汽車", "證券", "保險", "金控",
                                                  "醫藥", "生技", "半導體", "電機", "建設", "石油", "化學", "化工", "投資", "發展", "國際",
                                                  "企業", "製藥", "藥業", "食品", "物流", "電力", "鋼鐵", "紙業", "水泥", "塑膠", "光電",
                                                  "精密", "材料", "航運", "海運", "港口", "酒店", "百貨", "零售", "信託", "基金", "礦業",
                                                  "環球", "網絡", "網路", "通訊", "傳媒", "娛樂", "教育", "醫療", "健康", "產業", "新能源"])
        /// Period words between a name and the result it reports (上半年淨利, 第3季營收, 全年純益).
        static let periodWords = Words.folded(["上半年", "下半年", "首半年", "全年", "年度", "首季", "前三季", "前3季", "第一季", "第二季",
                                               "第三季", "第四季", "第1季", "第2季", "第3季", "第4季", "今年", "去年", "同期", "期內", "期内",
                                               "季度", "單季", "单季", "上季", "本季", "當季", "该季", "該季", "的",
                                               // a session's time (單日大升5.5%, 全日收高): no name either
                                               "單日", "全日", "半日", "今日", "昨日", "早段", "午後", "午市", "盤中", "尾市", "收市"])
        /// Words that stand where a name would and are none (此次分別升至).
        static let notNames = Words.folded(["此次", "本次", "這次", "如今", "目前", "現時", "當時", "其後", "隨後", "最終", "兩者", "三者", "雙方", "兩地", "兩市",
                                            "公司", "集團", "本集團", "母公司", "子公司", "該公司", "該集團", "本公司",
                                            // accounting standards and their abbreviations (非GAAP每股盈餘1.53美元)
                                            "GAAP", "Non-GAAP", "IFRS", "EPS",
                                            // the lines of a statement (成本增加18%, 開支上升5%): what a company reports, not who
                                            "成本", "開支", "支出", "費用", "準備金", "撥備", "收入", "營收", "盈利", "利潤", "淨利", "總收入"])
        /// Characters that make one verb with the move word after them (調升, 上升, 回升, 反彈): not the name's end.
        static let verbPrefixes: Set<UInt32> = Set("調调上下攀回反拉推續续提爬".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        /// Adverbs between a name and its verb (則, 也, 亦).
        static let adverbs: Set<UInt32> = Set("則则也亦均都更再又仍".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        static let respective = Words.folded(["分別", "各自"])
        /// Between the name and the verb: 恒生銀行股價升2%.
        static let between = Words.folded(["的股價", "股價"])
        /// Words between the verb and its figure (下跌了1.6%, 收報達8元).
        static let beforeFigure: Set<UInt32> = Set("了達达至約约逾近為为約".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        /// A name that ends so is a market, a sector, a price or a period, not a company.
        static let notNameEndings = Words.folded([
            "指數", "股市", "大盤", "板塊", "類股", "股", "市場", "市", "價格", "價", "匯率", "利率", "期貨", "收益率", "殖利率",
            "油", "金", "成交", "成交額", "成交量", "營收", "淨利", "獲利", "盈利", "利潤", "出口", "進口", "經濟", "物價", "房價",
            "比率", "指標", "行業", "產業", "市值", "股息", "業績", "銷售", "銷量", "年", "月", "日", "週", "周", "季", "天", "時",
            "早盤", "午盤", "盤中", "尾盤", "收盤", "開盤", "終場", "全天", "全日", "盤", "價位", "幣", "元", "匯", "率", "債",
            "需求", "供應", "庫存", "產量", "通膨", "通脹", "消費", "投資", "外資", "資金", "指", "則", "亦", "也", "均", "都",
            "相比", "相較", "比較", "同比", "環比", "按年", "按月", "年增", "年減", "分別", "各", "再", "又", "續", "連", "已", "仍",
            "記者", "報導", "報道", "一度", "曾", "全數", "全部", "集體", "最多", "最高", "最低", "大幅", "小幅", "穩步", "持續", "繼續", "同步", "紛紛", "齊", "集團股", "成分股", "權值股", "概念股", "個股", "龍頭", "巨頭", "大型股", "小型股",
        ])
        /// Words that never stand inside a company's name: a cause, an aside or a copula phrase.
        static let notInside = Words.folded(["原因", "因為", "由於", "主要是", "主因", "包括", "歸因", "受惠", "受累"])
        /// Descriptors written in front of a company's name (零售商, 巨頭, 龍頭, 大廠).
        static let descriptors = Words.folded(["巨頭", "龍頭", "大廠", "股王", "零售商", "製造商", "供應商", "開發商", "營運商", "運營商", "生產商", "商", "公司", "集團"])
        /// Characters before a name that opens its clause.
        static let clauseOpeners: Set<UInt32> = Set("，。；、：！？ 　（(「『\n,;:!?".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        /// Characters of report phrases, never of a company's short name (累計, 週線, 價格, 最後, 一度…).
        static let notNameCharacters: Set<UInt32> = Set("累週周線率價价每最後后度升跌漲涨收回更僅仅急再修為为走盪荡盤盘淨净營营按則则幅將将該该其市閉闭休時时猛歸归屬属".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        /// Characters a short name does not end with (按年上, 外資, 季).
        static let notNameLast: Set<UInt32> = Set("上下日月年季期市指股外資资中內内間间午位".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
        /// Words in front of a name that are not part of it (其中, 而, 至於…).
        static let leading = SectorWords.leading.filter { $0 != ScriptFold.shared.fold("中") && $0 != ScriptFold.shared.fold("和") }   // 中期銀行, 和黃: names start so
            + Words.folded(["同時", "另", "則", "但是", "不過", "反之", "隨後", "今天", "今日", "昨天", "昨日", "只有", "僅有", "唯有", "只", "僅"])
    }

    /// A company the lexicon does not know, found from what follows it: a price or move verb and a figure
    /// (`國際托盤巨頭Brambles大跌5.0%`, `必和必拓下跌1.6%，報35.64元`, `澳航（Qantas）下跌1.9%`).
    /// The name is kept as written, as the spec asks; it also ends the scope of the name before it,
    /// so its figures are not booked to the last known name. Known names, sectors and codes win.
    static func companiesFromContext(_ text: NormalizedText, teasers: [Teaser], known: [Mention], cues: CueIndex) -> [Mention] {
        let words = ContextNameWords.self
        let cueTables = CueTables.shared
        let t = text.folded
        var out: [Mention] = []
        let sortedKnown = known.sorted { $0.start < $1.start }
        var k = 0   // first known mention that may overlap a name ending at or after the current position
        for teaser in teasers {
            /// A known name over any part of `s..<e` (names are short: look back a few dozen characters).
            func isCovered(_ s: Int, _ e: Int) -> Bool {
                var j = sortedKnown.lowerBound(e, by: \.start) - 1
                while j >= 0, sortedKnown[j].start >= s - 48 { if sortedKnown[j].end > s { return true }; j -= 1 }
                return false
            }
            var aboutStocks: Bool?
            /// The teaser speaks of stock markets (股市, 指數): found once, when first asked.
            func teaserIsAboutStocks(_ teaser: Teaser) -> Bool {
                if let known = aboutStocks { return known }
                let found = (teaser.start..<teaser.end).contains { k in Words.stockMarket.contains { text.matches($0, at: k) } }
                aboutStocks = found
                return found
            }
            var i = teaser.start
            while i < teaser.end {
                var nameEnd: Int
                var isPriceTrigger = true
                if words.verbs.mayMatch(in: text, at: i), let (verbLength, _) = words.verbs.lengthAndPayload(in: text, at: i) {
                    // a price or move: the figure follows at once, or after 了/達/至…
                    var f = i + verbLength
                    while f < min(i + verbLength + 2, teaser.end), words.beforeFigure.contains(t[f]) { f += 1 }
                    guard f < teaser.end, NumeralChar.isASCIIDigit(t[f]) else { i += verbLength; continue }
                    // 城市和農村分別上漲0.7%: the parts of a price index, not companies
                    if cues.containsHit(from: max(teaser.start, i - 80), to: i, where: { $0.role == .macro }) { i += verbLength; continue }
                    nameEnd = i
                    // 如今調升至1.625%: 調 belongs to the verb, and 如今 is no name
                    if nameEnd > teaser.start, words.verbPrefixes.contains(t[nameEnd - 1]) { nameEnd -= 1 }
                    // 家具零售商Adairs則暴跌: an adverb between the name and the verb
                    while nameEnd > teaser.start, words.adverbs.contains(t[nameEnd - 1]) { nameEnd -= 1 }
                    for w in words.between where text.matches(w, endingAt: nameEnd) { nameEnd -= w.count; break }
                    // 只有悉尼上升0.53%: in a stock market report, a city right before a move is its market
                    if let (s, id) = marketCity(text, endingAt: nameEnd, floor: teaser.start), !isCovered(s, nameEnd), teaserIsAboutStocks(teaser) {
                        var entity = Entity(kind: .index, id: id)
                        entity.source = "market-cities.tsv: \(text.text(s, nameEnd)) \(id) (a city's market before a move)"
                        out.append(Mention(start: s, end: nameEnd, entity: entity))
                        i += verbLength
                        continue
                    }
                    i += verbLength
                    // 海庭（Seatrium）、揚子江和新翔集團分別上漲3.8%、3.57%和2.94%: every name of the list
                    if let respective = words.respective.first(where: { text.matches($0, endingAt: nameEnd) }) {
                        // (Banco Santander與BBVA SA也分別收低: past the adverb before 分別 too)
                        var listEnd = nameEnd - respective.count
                        while listEnd > teaser.start, words.adverbs.contains(t[listEnd - 1]) { listEnd -= 1 }
                        let listed = listedNames(text, end: listEnd, floor: teaser.start)
                        // 重貼現率、擔保放款融通利率及短期融通利率原本分別停在…: a list of rates or metrics names no companies
                        if listed.contains(where: { (s, e) in
                            cues.containsHit(from: s, to: e) { [.rate, .macro, .fin].contains($0.role) }
                        }) { continue }
                        for (s, e) in listed {
                            // a known name over it (names are short: look back a few dozen characters)
                            var j = sortedKnown.lowerBound(e, by: \.start) - 1
                            var covered = false
                            while j >= 0, sortedKnown[j].start >= s - 48 { if sortedKnown[j].end > s { covered = true; break }; j -= 1 }
                            if covered { continue }
                            var entity = Entity(kind: .company, id: text.text(s, e))
                            entity.source = "name from context (listed before 分別 and a move)"
                            out.append(Mention(start: s, end: e, entity: entity))
                        }
                        continue
                    }
                } else if cueTables.before.mayMatch(in: text, at: i), let (cueLength, cues) = cueTables.before.lengthAndPayload(in: text, at: i),
                          cues.contains(where: { $0.role == .fin }) {
                    // a result (華晨機械上半年淨虧損3.6億元): the name stands before the period words, if any
                    nameEnd = i
                    isPriceTrigger = false
                    var stepped = true
                    while stepped {
                        stepped = false
                        for w in words.periodWords where text.matches(w, endingAt: nameEnd) { nameEnd -= w.count; stepped = true; break }
                    }
                    i += cueLength
                } else if words.reportVerbs.mayMatch(in: text, at: i), let (verbLength, _) = words.reportVerbs.lengthAndPayload(in: text, at: i) {
                    // 新加坡置地集團昨天公布，全年淨利…: a company announcing its results, named before the verb
                    // (past a time word: 昨天, 日前, 12日); only a name that ends like a company's
                    nameEnd = i
                    isPriceTrigger = false
                    for w in words.reportTimes where text.matches(w, endingAt: nameEnd) { nameEnd -= w.count; break }
                    if nameEnd > teaser.start, t[nameEnd - 1] == 0x65E5 {   // 日: a day of the month written in digits
                        var d = nameEnd - 1
                        while d > teaser.start, nameEnd - d < 4, NumeralChar.isASCIIDigit(t[d - 1]) { d -= 1 }
                        if d < nameEnd - 1 { nameEnd = d }
                    }
                    i += verbLength
                } else { i += 1; continue }
                let name = contextName(text, end: nameEnd, floor: teaser.start).flatMap { name -> (Int, Int)? in
                    // before a result word, only a name that looks like a company's (華晨機械, Vista Land): a
                    // sentence's words before 淨利 are too often not names (帶動, 仍持穩, Q3)
                    guard !isPriceTrigger else { return name }
                    return looksLikeCompany(text, name.0, name.1) ? name : nil
                }
                guard let (s, e) = name else { continue }
                // a cause or an aside is no name (原因是投資房地產公允價值收益減半)
                if (s..<e).contains(where: { p in words.notInside.contains { text.matches($0, at: p) } }) { continue }
                // a metric word inside is no name (稅前溢利總額, 出口額)
                if cues.containsHit(from: s, to: e, where: { switch $0.role { case .fin, .macro, .rate, .turnover, .volume: return true; default: return false } }) { continue }
                while k < sortedKnown.count, sortedKnown[k].end <= s { k += 1 }
                // a known name over any part of it wins (原油價格, 日圓, 台積電ADR) — but a country opening a name
                // that ends like a company's is part of it (義大利聯合聖保羅銀行, 法國巴黎銀行)
                let countryFirst = { (n: Mention) in n.entity.kind == .country && n.start == s && n.end < e - 2 && looksLikeCompany(text, s, e) }
                if sortedKnown[k...].prefix(while: { $0.start < e }).contains(where: { $0.end > s && !countryFirst($0) }) { continue }
                if let last = out.last, last.start == s { continue }
                // 三星DRAM營收, SK海力士同期DRAM營收, 蘋果iPhone營收: a Latin word right after a company (a period
                // word between) is its product or business line
                if isLatin(text[s]), k > 0, sortedKnown[k - 1].entity.kind == .company {
                    // (past the company's bracketed code and a period word: 蘋果(AAPL)上季iPhone營收)
                    var g = sortedKnown[k - 1].end
                    if text[g] == 0x28 || text[g] == 0xFF08 {
                        var b = g + 1
                        while b < s, b - g < 16, text[b] != 0x29, text[b] != 0xFF09 { b += 1 }
                        if b < s { g = b + 1 }
                    }
                    if g == s || words.periodWords.contains(where: { $0.count == s - g && text.matches($0, at: g) }) { continue }
                }
                var entity = Entity(kind: .company, id: text.text(s, e))
                entity.source = isPriceTrigger ? "name from context (a price or move follows)" : "name from context (its results follow)"
                out.append(Mention(start: s, end: e, entity: entity))
            }
        }
        return out
    }

    /// A market city (data/market-cities.tsv) ending at `end`, with its index, when one does.
    static func marketCity(_ text: NormalizedText, endingAt end: Int, floor: Int) -> (Int, String)? {
        for length in stride(from: 4, through: 2, by: -1) where end - length >= floor {
            if let (l, id) = FigureContext.marketCities.lengthAndPayload(in: text, at: end - length), l == length { return (end - length, id) }
        }
        return nil
    }

    /// The names of a list ending at `end` (A、B和C), last first, while they are joined by 、/和/及/與.
    static func listedNames(_ text: NormalizedText, end: Int, floor: Int) -> [(Int, Int)] {
        var names: [(Int, Int)] = []
        var e = end
        while names.count < 12, let (s, ne) = contextName(text, end: e, floor: floor, inList: true),
              !ContextNameWords.notNames.contains(where: { $0.count == ne - s && text.matches($0, at: s) }) {
            names.append((s, ne))
            // the joiner before it: 、 or 和/及/與, past a descriptor contextName trimmed off (與零售商衛達集團)
            var j = s - 1
            while j > floor, s - j < 8, isHan(text[j]) && !Interpreter.isListJoiner(text[j]) || text[j] == 0x20 { j -= 1 }
            guard j > floor, Interpreter.isListJoiner(text[j]) || text[j] == 0xFF0C && false else { break }
            e = j
        }
        return names.count >= 2 ? names : []   // one name before 分別 is no list
    }

    /// A name ending like a company's (集團, 控股, 機械, 銀行…), or a Latin name of four letters or more.
    static func looksLikeCompany(_ text: NormalizedText, _ s: Int, _ e: Int) -> Bool {
        if isLatin(text[s]) { return e - s >= 4 }
        return e - s >= 3 && ContextNameWords.companyEndings.contains { text.matches($0, endingAt: e) }
    }

    /// The name ending at `end`: a Latin name (Brambles, Oil Search), a Han name of 2–6 characters
    /// (必和必拓), or a Han name with its Latin form in brackets (澳航（Qantas）); nil when what stands
    /// there is a market, a price, a period or a connective.
    static func contextName(_ text: NormalizedText, end: Int, floor: Int, inList: Bool = false) -> (Int, Int)? {
        let t = text   // bounds-safe reads: a name may end at the teaser's start
        guard end > floor else { return nil }
        var e = end
        var s = e
        if isLatin(t[e - 1]) || NumeralChar.isASCIIDigit(t[e - 1]) && isLatin(t[e - 2]) {
            // Latin: letters, digits, inner spaces, & . - ; it must start with a letter
            while s > floor, e - s < 24, isLatin(t[s - 1]) || NumeralChar.isASCIIDigit(t[s - 1]) || [0x20, 0x26, 0x2E, 0x2D].contains(t[s - 1]) { s -= 1 }
            while s < e, !isLatin(t[s]) { s += 1 }
            if ContextNameWords.notNames.contains(where: { $0.count == e - s && text.matches($0, at: s) }) { return nil }
            return e - s >= 2 ? (s, e) : nil
        }
        if t[e - 1] == 0x29 || t[e - 1] == 0xFF09 {   // 澳航（Qantas）: the Han name before the brackets
            var b = e - 1
            while b > floor, e - b < 48, t[b - 1] != 0x28, t[b - 1] != 0xFF08 { b -= 1 }   // (Kossan Rubber Industries Bhd)
            guard b > floor + 1 else { return nil }
            e = b - 1
            s = e
        }
        // Han: back to punctuation, 的 or a numeral; a run longer than 10 is a phrase, not a name
        // (numerals too: 九龍倉, 五糧液; in a list the joiners 和/及/與 part the names)
        // (up to 14 before a descriptor is trimmed off: 貴金屬生產商弗雷斯尼洛)
        while s > floor, e - s <= 14, isHan(t[s - 1]), t[s - 1] != 0x7684, !(inList && Interpreter.isListJoiner(t[s - 1])) { s -= 1 }
        if e - s > 14 { return nil }
        // a Han name opens its clause (，必和必拓下跌) or follows a connective (其中必和必拓); a run that
        // starts inside a phrase (本週累計上漲) is no name
        var opensClause = s == floor || ContextNameWords.clauseOpeners.contains(t[s - 1]) || inList && Interpreter.isListJoiner(t[s - 1])
            // 最依賴外銷的馬自達汽車: after 的, a name that ends like a company's
            || t[s - 1] == 0x7684 && looksLikeCompany(text, s, e)
        var trimmed = true
        while trimmed {
            trimmed = false
            for w in ContextNameWords.leading where s + w.count < e && text.matches(w, at: s) { s += w.count; trimmed = true; opensClause = true }
            // 截至12月底的下半年集團淨利: a period word opens no name
            for w in ContextNameWords.periodWords where w.count > 1 && s + w.count < e && text.matches(w, at: s) { s += w.count; trimmed = true }
        }
        // a descriptor before the name is not part of it (零售商威富達, 礦業巨頭必和必拓)
        for w in ContextNameWords.descriptors {
            var k = e - 2
            while k > s { if text.matches(w, endingAt: k) { s = k; break }; k -= 1 }
        }
        // 軍工股漢翔, 概念股某某: a group of shares named before the name (not 股份, which is the name's own)
        var g = e - 2
        while g > s { if t[g - 1] == 0x80A1, t[g] != 0x4EFD { s = g; break }; g -= 1 }   // 股 份
        // up to six characters, ten for a name ending like a company's (伍德賽德石油公司, 義大利聯合聖保羅銀行)
        guard opensClause, (2...6).contains(e - s) || (7...10).contains(e - s) && looksLikeCompany(text, s, e) else { return nil }
        // 瑞昌控股: a holding company's name ends in 股, which otherwise ends a group of shares
        let holding = text.matches(ContextNameWords.holding, endingAt: e)
        for w in ContextNameWords.notNameEndings where !holding && text.matches(w, endingAt: e) { return nil }
        if ContextNameWords.notNames.contains(where: { $0.count == e - s && text.matches($0, at: s) }) { return nil }
        // 只有悉尼上升0.53%: a market named by its city is no company
        if FigureContext.marketCities.lengthAndPayload(in: text, at: s)?.0 == e - s { return nil }
        for k in s..<e where ContextNameWords.notNameCharacters.contains(t[k]) { return nil }
        if !holding, ContextNameWords.notNameLast.contains(t[e - 1]) { return nil }
        return (s, e)
    }
}
