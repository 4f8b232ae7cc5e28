import FiguresText
import FiguresQuantities

/// Government bond yields named by country and tenor, whatever the words between: `日本國債亦遭拋售，
/// 10年期息率急升5.5個基點`, `英國5年期公債殖利率`, `德國30年期國債收益率`. The lexicon's yield names
/// (美國10年期公債) come first; this rule composes the id (`JP10Y`) when the page writes the name
/// another way. It needs a yield word, a tenor right before it and a country earlier in the sentence.
extension FigureContext {
    /// Bond words that carry their country (美債 is the US's, 日債 Japan's).
    static let countryBondWords: [([UInt32], String)] = [
        ("美債", "US"), ("美國債", "US"), ("美國公債", "US"), ("美國國債", "US"), ("日債", "JP"), ("日本國債", "JP"), ("日本公債", "JP"),
        ("德債", "DE"), ("德國國債", "DE"), ("英債", "GB"), ("英國國債", "GB"), ("中債", "CN"), ("中國國債", "CN"), ("台債", "TW"),
        ("韓債", "KR"), ("澳債", "AU"), ("法債", "FR"), ("意債", "IT"), ("印度國債", "IN"),
    ].map { (ScriptFold.shared.fold($0.0), $0.1) }

    /// The yield this figure is about, composed from country and tenor; nil when the words do not give both.
    func composedYield() -> Mention? {
        guard q.unit == .percent || q.unit == .percentagePoint || q.unit == .li,
              let cue = before.first(where: { $0.cue.role == .rate && $0.cue.argument == "yield" }),
              let tenor = tenorBefore(cue.start) ?? sameTenor(before: cue.start) else { return nil }
        // the country: a bond word (日債) or a country named earlier in the sentence
        // the country: between the tenor and the yield word (10年期德國國債收益率); in the clause, the nearest
        // (英國5年期公債); else the sentence's first, its subject (日本債市21日跟隨美債走弱：…10年期公債殖利率);
        // else the teaser's first (its title names the market); else the country of the central bank the
        // teaser names (澳洲央行…三年期國債孳息率)
        guard let (country, countryStart) = countryNamed(in: tenor.end, cue.start, nearest: true).map({ ($0.0, tenor.start) })
                ?? countryNamed(in: clauseStart, tenor.start, nearest: true)
                ?? countryNamed(in: sentenceStart, tenor.start, nearest: false)
                ?? countryNamed(in: teaser.start, tenor.start, nearest: false)
                ?? centralBankCountry(before: tenor.start).map({ ($0, tenor.start) }) else { return nil }
        guard country.count == 2 else { return nil }
        var entity = Entity(kind: .yield, id: "\(country)\(tenor.label)")
        entity.source = "yield of \(country), \(tenor.label)"
        // the mention starts at the country word, so a lexicon name after it (10年期公債) yields to it
        return Mention(start: countryStart, end: cue.end, entity: entity)
    }

    /// A country named by a bond word (日債) or a country name in `[from, to)`: the nearest to `to`, or the first.
    func countryNamed(in from: Int, _ to: Int, nearest: Bool) -> (String, Int)? {
        var found: [(String, Int)] = []
        for k in from..<max(from, to) {
            for (word, code) in FigureContext.countryBondWords where text.matches(word, at: k) && k + word.count <= to { found.append((code, k)) }
        }
        for m in mentions where m.entity.kind == .country && m.start >= from && m.end <= to { found.append((m.entity.id, m.start)) }
        found.sort { $0.1 < $1.1 }
        return nearest ? found.last : found.first
    }

    /// `日本同天期殖利率`: the tenor named earlier in the sentence (美國30年期公債…；日本同天期…), at the
    /// place of the 同天期 words.
    func sameTenor(before p: Int) -> (start: Int, end: Int, label: String)? {
        guard let same = (max(sentenceStart, p - 4)..<p).first(where: { k in Words.sameTenor.contains { text.matches($0, at: k) } }) else { return nil }
        var k = same
        while k > sentenceStart {
            if let t = tenorBefore(k) { return (same, same, t.label) }
            k -= 8
        }
        return nil
    }

    /// `10年期`, `十年期`, `5年`, `3個月期` within a few characters before the yield word (10年期國債殖利率):
    /// where it starts and ends, and its label in an id (10Y, 3M).
    func tenorBefore(_ p: Int) -> (start: Int, end: Int, label: String)? {
        var k = p - 1
        let floor = max(sentenceStart, p - 10)
        while k > floor {
            // 年, or 月 after 個/个 before 期 or a bond word (3個月期, 日本6個月國債; not 近6個月, a span of time)
            let unit: (end: Int, suffix: String, max: Double)? = text[k] == 0x5E74 ? (k, "Y", 50)
                : text[k] == 0x6708 && (text[k - 1] == 0x4E2A || text[k - 1] == 0x500B) && [0x671F, 0x56FD, 0x516C].contains(text[k + 1]) ? (k - 1, "M", 12) : nil   // 期 国 公
            if let unit {
                var s = unit.end
                while s > floor, NumeralChar.isASCIIDigit(text[s - 1]) || NumeralChar.plainDigit(text[s - 1]) != nil || text[s - 1] == 0x5341 { s -= 1 }
                if unit.suffix == "M", Words.spanBeforeMonths.contains(text[s - 1]) { k -= 1; continue }
                if s < unit.end, let n = NumeralReader.read(text.folded, from: s), n.end == unit.end, n.value >= 1, n.value <= unit.max, n.value == n.value.rounded() {
                    return (s, k + 1, "\(Int(n.value))\(unit.suffix)")
                }
            }
            k -= 1
        }
        return nil
    }

    /// The country of the first central bank the teaser names before `p` (澳洲央行 → AU): the teaser's
    /// subject, not a bank it names in passing (韓國央行…聯準會…3年期國債 → KR). `mentions` holds the
    /// teaser's names only, so the walk is bounded by the teaser.
    func centralBankCountry(before p: Int) -> String? {
        guard let bank = mentions.first(where: { $0.entity.kind == .centralBank && $0.start >= teaser.start && $0.end <= p }) else { return nil }
        return Lexicon.shared.countryOfCentralBank[bank.entity.id]
    }
}
