import FiguresText
import FiguresQuantities

/// Everything the rules look at for one figure: its sentence and clause,
/// the cue words before and after it, the names around it and its day.
struct FigureContext {
    let q: Quantity
    let teaser: Teaser
    let teaserIndex: Int
    let interpreter: Interpreter
    let mentions: [Mention]
    var state: Interpreter.TeaserState
    let sentenceStart: Int
    let sentenceEnd: Int
    let clauseStart: Int
    /// The clause without breaking at `、` (lists of names belong together).
    let listClauseStart: Int
    let before: [CueHit]
    let after: [CueHit]
    /// Cues from the sentence start to the figure, nearest first.
    let sentenceCues: [CueHit]
    var previous: Double?
    var period: String?
    var reason: String?
    /// The teaser's period phrases (上季, 第3季, 去年同期…), which name no business line.
    var periodHits: [PeriodFinder.Hit] = []
    /// The subject is the previous figure's, listed right before this one with no name between.
    var continuesLastFigure = false

    var text: NormalizedText { interpreter.text }
    var page: PageAnalysis { interpreter.page }

    init(q: Quantity, teaser: Teaser, teaserIndex: Int, interpreter: Interpreter, mentions: [Mention], state: Interpreter.TeaserState) {
        self.q = q
        self.teaser = teaser
        self.teaserIndex = teaserIndex
        self.interpreter = interpreter
        self.mentions = mentions
        self.state = state
        let head = q.qualifierStart ?? q.start
        sentenceStart = interpreter.sentenceStart(head, floor: teaser.start)
        sentenceEnd = interpreter.sentenceEnd(q.end, ceiling: teaser.end)
        var clause = interpreter.clauseStart(head, floor: sentenceStart)
        // a headline's phrases are parted by spaces (聯準會降息預期升溫 道指漲1.2%)
        if sentenceStart == teaser.start {
            var k = head - 1
            while k > clause {
                if interpreter.text[k] == 0x20, PageAnalysis.isHan(interpreter.text[k - 1]), PageAnalysis.isHan(interpreter.text[k + 1]) { clause = k + 1; break }
                k -= 1
            }
        }
        // 上漲203.52點，或0.43%: a clause opened by 或 continues the one before it
        if clause > sentenceStart, interpreter.text[clause] == 0x6216 {
            clause = interpreter.clauseStart(clause - 1, floor: sentenceStart)
        }
        clauseStart = clause
        var ls = head
        while ls > sentenceStart, !FigureContext.endsListClause(interpreter.text[ls - 1]) { ls -= 1 }
        listClauseStart = ls
        (before, sentenceCues) = interpreter.page.cues.hitsBefore(clauseFrom: clauseStart, sentenceFrom: sentenceStart, to: q.start)
        // 以51.74盧比兌1美元作收: the metric word comes after the "per one dollar" of the quote
        let afterStart = FigureContext.perOneUnitEnd(interpreter.text, at: q.end) ?? q.end
        after = CueTables.shared.hitsAfter(interpreter.text, at: afterStart, limit: min(afterStart + 8, teaser.end))
    }

    /// , ， and : end the clause of a list (、 does not: it parts the list's items).
    @inline(__always)
    static func endsListClause(_ c: UInt32) -> Bool { c == 0x2C || c == 0xFF0C || c == 0x3A }

    /// The end of `兌1美元` / `對1歐元` right at `p`: a rate quoted as so many units per one of another currency.
    static func perOneUnitEnd(_ text: NormalizedText, at p: Int) -> Int? {
        guard text[p] == 0x5151 || text[p] == 0x5BF9, text[p + 1] == 0x31, !NumeralChar.isASCIIDigit(text[p + 2]),
              let currency = Lexicon.shared.currencyCodes.match(in: text, at: p + 2) else { return nil }
        return p + 2 + currency.length
    }

    // MARK: cues

    func sentenceHits() -> [CueHit] { sentenceCues }

    /// +1 or -1 from the nearest direction word in the clause, nil when none.
    var direction: Double? {
        if q.explicitSign { return q.value < 0 ? -1 : 1 }
        if let hit = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }) { return hit.cue.role == .up ? 1 : -1 }
        // 下跌88.76點、0.19%: a figure listed after another shares its move word
        guard listClauseStart < clauseStart, Interpreter.isListJoiner(text[clauseStart - 1]),
              let hit = interpreter.page.cues.firstHit(from: listClauseStart, to: clauseStart, where: { $0.cue.role == .up || $0.cue.role == .down })
        else { return nil }
        return hit.cue.role == .up ? 1 : -1
    }

    /// Characters that give a "to" word its direction (升至 rises, 跌至 falls).
    static let risingCharacters: Set<UInt32> = Set("升漲涨揚扬攀高增上".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
    static let fallingCharacters: Set<UInt32> = Set("跌降貶贬挫低減减落".unicodeScalars.map { ScriptFold.shared.fold($0.value) })

    /// +1 for 升至, -1 for 跌至, nil for a word with no direction of its own (來到).
    static func wordDirection(_ text: NormalizedText, _ start: Int, _ end: Int) -> Double? {
        for k in start..<end {
            if risingCharacters.contains(text[k]) { return 1 }
            if fallingCharacters.contains(text[k]) { return -1 }
        }
        return nil
    }

    /// A weekly word before the figure; one that is part of a day (上週五 is last Friday) does not count.
    var weekly: Bool {
        func notADay(_ hit: CueHit) -> Bool { !state.dates.contains { $0.start < hit.end && hit.start < $0.end } }
        if before.contains(where: { $0.cue.role == .weekly && notADay($0) }) { return true }
        // 以全周計算，恒指累升3.88%: a clause that frames the sentence's figures as the week's, with none of its own
        return sentenceHits().contains { hit in
            hit.cue.role == .weekly && hit.end <= clauseStart && notADay(hit)
                && page.quantities.within(hit.end, interpreter.clauseEnd(hit.end, ceiling: clauseStart), start: \.start, end: \.end).isEmpty
        }
    }

    /// The day the figure refers to: the nearest day named earlier in its sentence, else the teaser's day.
    var day: Day { explicitDay ?? state.anchor }

    /// The trading day of a market figure: a day named in its sentence; else the session day a sentence
    /// before it in the teaser named with a market move (澳股16日重挫近10%。…指數下跌537.30點); else
    /// the teaser's day, a weekend rolled back to Friday (a Saturday page reports Friday's close).
    var tradingDay: Day {
        if let named = explicitDay { return named }
        // 日本與台灣股市同日雙雙改寫紀錄: the teaser's own day, whatever day a sentence between named
        // (北京時間9月28日凌晨消息，紐約油價周四收盤上漲。當日…: the session day a sentence before gave with a move)
        if state.anchorIsNamed, (sentenceStart..<q.start).contains(where: { k in Words.sameDay.contains { text.matches($0, at: k) } }) {
            return sessionDayBefore ?? state.anchor
        }
        if let session = sessionDayBefore { return session }
        let anchor = state.anchor
        // only a day the page left open rolls back: a dateline that names a Saturday stays
        guard !state.anchorIsNamed else { return anchor }
        switch anchor.weekday {
        case 6: return anchor.adding(days: -1)
        case 7: return anchor.adding(days: -2)
        default: return anchor
        }
    }

    /// 較上周(9月19日)的25,578.37點: a day inside a comparison names what is compared with, not the figure's day.
    func isComparisonDay(_ d: DateMention) -> Bool {
        let lead = min(d.start, max(sentenceStart, d.start - 5))
        let compared = (lead..<d.start).contains { text[$0] == 0x8F83 || text[$0] == 0x6BD4 }   // 较 比
        let of = (d.end..<max(d.end, min(d.end + 3, q.start))).contains { text[$0] == 0x7684 }  // 的
        return compared && of
    }

    /// 相較上週五（8月29日）的24,233.10點: a day after 較/比 whose figure follows with 的 is the day compared
    /// with, wherever in the teaser it stands (its clause, a dated bracket after it, then 的 and a figure).
    func isComparedDay(_ d: DateMention) -> Bool {
        // 成交額較周四急減39.42%: a day right after 較/比 is the one compared with
        if d.start > teaser.start, text[d.start - 1] == 0x8F83 || text[d.start - 1] == 0x6BD4 { return true }
        let lead = max(teaser.start, d.start - 5)
        guard (lead..<d.start).contains(where: { text[$0] == 0x8F83 || text[$0] == 0x6BD4 }) else { return false }   // 较 比
        var k = d.end
        let limit = min(teaser.end, d.end + 16)
        if text[k] == 0x28 || text[k] == 0xFF08 { while k < limit, text[k] != 0x29, text[k] != 0xFF09 { k += 1 }; k += 1 }   // （8月29日）
        return k < limit && text[k] == 0x7684 && (NumeralChar.isASCIIDigit(text[k + 1]) || NumeralChar.plainDigit(text[k + 1]) != nil)   // 的 + figure
    }

    /// The day an earlier sentence of the teaser gave its market move (紐約金價周二走高…。…上漲13.10美元):
    /// the last day named before this sentence that a move word follows in its own sentence, near the
    /// teaser's day and no point of comparison (以來, 之後).
    var sessionDayBefore: Day? {
        for d in state.dates.reversed() where d.end <= sentenceStart && d.start >= teaser.start {
            guard d.day != nil || d.weekday != nil || d.relative != nil, !d.lastWeek, !d.nextWeek,   // 海指上周五領先回彈: last week's, not today's
                  !Words.sinceOrUntil.contains(where: { text.matches($0, at: d.end) }),
                  !isComparedDay(d),
                  let r = interpreter.resolve(d, in: state), abs(r.ordinal - state.anchor.ordinal) <= 7 else { continue }
            let end = interpreter.sentenceEnd(d.end, ceiling: teaser.end)
            // (美聯儲19日公布的會議紀要顯示…略高於預期: the day of an announcement is no trading session)
            if Words.announced.contains(where: { text.matches($0, at: d.end) }) { continue }
            // (西班牙總理周五將面臨不信任投票: a day something will happen on is no session either)
            if Words.willHappen.contains(where: { text.matches($0, at: d.end) }) { continue }
            // (以24日收盤價計算, 按4日收盤價計算: a day's close taken as the basis of a sum is no session reported)
            if d.start > teaser.start, [0x4EE5, 0x6309, 0x4F9D].contains(text[d.start - 1]) { continue }   // 以 按 依
            let moves = page.cues.containsHit(from: d.end, to: end) { $0.role == .up || $0.role == .down || $0.role == .close }
            if moves { return r }   // 低於周一的75.941點: a day compared with is passed over
        }
        return nil
    }

    /// A day named earlier in the figure's sentence, resolved against the teaser's day.
    var explicitDay: Day? {
        let d = state.dates.last { d in
            guard d.start >= sentenceStart && d.end <= q.start && (d.day != nil || d.weekday != nil || d.relative != nil), !d.nextWeek else { return false }
            if isComparisonDay(d) || isComparedDay(d) { return false }
            // 西班牙總理周五將面臨不信任投票: a day something will happen on is not the figure's
            if Words.willHappen.contains(where: { text.matches($0, at: d.end) }) { return false }
            guard let r = interpreter.resolve(d, in: state) else { return false }
            if abs(r.ordinal - state.anchor.ordinal) <= 10 || d.year != nil && r.year == state.anchor.year && abs(r.ordinal - state.anchor.ordinal) <= 40 { return true }
            // 今年5月4日日圓曾貶至94.99: a far day this year dates its figure, unless it is a point of
            // comparison (去年7月8日之後首次…, 5月以來); it dates only its own clause
            return d.start >= clauseStart && r.year == state.anchor.year && r <= state.anchor
                && !Words.sinceOrUntil.contains { text.matches($0, at: d.end) }
        }
        if let d, let resolved = interpreter.resolve(d, in: state) { return resolved }
        return nil
    }

    // MARK: names

    /// The nearest name before the figure in its sentence whose kind is in `kinds`.
    /// `skipDealTargets`: for a company's result, a company bought (收購花旗集團…) is not the reporter.
    func subject(_ kinds: Set<Entity.Kind>, from: Int? = nil, skipDealTargets: Bool = false) -> Mention? {
        let lo = from ?? sentenceStart
        // 理想營收274億元，雖仍高於蔚來，但同比下滑36.2%: a name compared with is not the one the figure is about
        let nearest = mentions.last { $0.end <= (q.qualifierStart ?? q.start) && $0.start >= lo && kinds.contains($0.entity.kind) && !isComparedWith($0)
            && !isCause($0) && !(skipDealTargets && isAcquired($0)) }
        // 輝達表示計劃向OpenAI投資1000億美元，股價下跌2.82%: a clause opening with 股價 is about the sentence's
        // first company, its topic, not the last name of the clause before
        if let n = nearest, n.entity.kind == .company, n.end <= clauseStart, clauseOpensWithSharePrice,
           let topic = mentions.first(where: { $0.start >= lo && $0.end <= clauseStart && $0.entity.kind == .company && kinds.contains(.company) }),
           topic.start < n.start, !isCause(topic), !isObjectOfDui(topic.start) {
            return topic
        }
        return nearest
    }

    /// The figure's clause starts with 股價 (past spaces): the price of a company named before.
    var clauseOpensWithSharePrice: Bool {
        var k = clauseStart
        while k < q.start, text[k] == 0x20 { k += 1 }
        return text.matches(Words.sharePrice, at: k)
    }

    /// 受美元匯率走強等因素影響，12月合約微漲2.30美元: a name inside 受…影響 (拖累, 帶動, 提振…) is what moved
    /// the subject, not the subject.
    func isCause(_ m: Mention) -> Bool {
        var k = m.start - 1, opened = false
        while k >= max(sentenceStart, m.start - 6) {
            if Interpreter.clauseEnds.contains(text[k]) { break }
            if text[k] == 0x53D7 { opened = true; break }   // 受
            k -= 1
        }
        guard opened else { return false }
        var e = m.end
        while e < min(q.start, m.end + 14) {
            if Interpreter.clauseEnds.contains(text[e]) { return false }
            if Words.causeEnds.contains(where: { text.matches($0, at: e) }) { return true }
            e += 1
        }
        return false
    }

    /// A company right after a verb of buying or selling (收購花旗集團…業務): the deal's target.
    func isAcquired(_ m: Mention) -> Bool {
        m.entity.kind == .company && Words.acquires.contains { text.matches($0, endingAt: m.start) }
    }

    /// A name right after a comparison word (高於, 低於, 超過, 勝過, 不及, 優於): what something is compared with.
    func isComparedWith(_ m: Mention) -> Bool {
        Words.comparedWith.contains { text.matches($0, endingAt: m.start) }
    }

    /// The subject for a figure after `分別`: the k-th of the names listed before the cue.
    func respectiveSubject(_ kinds: Set<Entity.Kind>, quantities: [Quantity], index: Int) -> Mention? {
        guard let (cue, figures, k) = respectiveList(quantities) else { return nil }
        var names = mentions.filter { $0.start >= sentenceStart && $0.end <= cue.start && kinds.contains($0.entity.kind) }
        // 新翔集團（SATS）, 海庭（Seatrium）: a name and its bracketed alias are one item of the list (the
        // table's company when only the alias is known to it)
        var items: [Mention] = []
        for m in names {
            if let prior = items.last, m.start - prior.end == 1, text[prior.end] == 0x28 || text[prior.end] == 0xFF08 {
                if prior.entity.id != m.entity.id, prior.entity.source.hasPrefix("name from context"), !m.entity.source.hasPrefix("name from context") {
                    items[items.count - 1].entity = m.entity
                }
                continue
            }
            items.append(m)
        }
        names = items
        // 香港、上海、東京和首爾分別下滑2.18%…: markets named by their cities
        // (in a market report, one that names an index or stock markets: 新加坡 of a GDP list is the country)
        if kinds.contains(.index), mentions.contains(where: { $0.entity.kind == .index && $0.end <= cue.start })
            || (sentenceStart..<cue.start).contains(where: { k in Words.stockMarket.contains { text.matches($0, at: k) } }) {
            names = withMarketCities(names, before: cue.start)
        }
        // the names listed right before 分別, as many as there are figures after it
        guard names.count >= figures else { return nil }
        return Array(names.suffix(figures))[k]
    }

    /// `names` with the market cities (data/market-cities.tsv) named between the sentence start and `end`
    /// that no other name covers, in text order.
    func withMarketCities(_ names: [Mention], before end: Int) -> [Mention] {
        var found = names
        var k = sentenceStart
        while k < end {
            if let (length, id) = FigureContext.marketCities.lengthAndPayload(in: text, at: k), k + length <= end,
               !mentions.contains(where: { $0.start < k + length && $0.end > k && !($0.entity.kind == .country && $0.start == k && $0.end == k + length) }) {
                var entity = Entity(kind: .index, id: id)
                entity.source = "market-cities.tsv: \(text.text(k, k + length)) \(id)"
                found.removeAll { $0.start == k && $0.entity.kind == .country }   // 香港 in a list of markets is its market
                found.append(Mention(start: k, end: k + length, entity: entity))
                k += length
            } else { k += 1 }
        }
        return found.sorted { $0.start < $1.start }
    }

    static let marketCities = WordTable<String>(table: "market-cities.tsv") { $0.count >= 2 ? ($0[0], $0[1]) : nil }

    /// The cue word of `role` for a figure after `分別`: the k-th of those listed before it
    /// (重貼現率、擔保放款融通利率及短期融通利率分別維持在2%、2.375%及4.25%: the second figure is the
    /// second rate's). Nil unless the sentence lists at least as many such words as figures.
    func respectiveCue(_ role: Cue.Role, quantities: [Quantity]) -> CueHit? {
        guard let (cue, figures, k) = respectiveList(quantities) else { return nil }
        let words = sentenceCues.filter { $0.cue.role == role && $0.end <= cue.start }.reversed()   // in text order
        guard words.count >= figures else { return nil }
        return Array(words.suffix(figures))[k]
    }

    /// The `分別` before this figure, how many figures are listed after it and which of them this one is.
    private func respectiveList(_ quantities: [Quantity]) -> (cue: CueHit, figures: Int, index: Int)? {
        // the clause of a list (A、B及C) holds the 分別 of its later figures too
        let listed = listClauseStart < clauseStart ? interpreter.page.cues.hitsBefore(from: listClauseStart, to: q.start) : before
        guard let cue = listed.first(where: { $0.cue.role == .respective }) ?? respectiveFromClause(quantities) else { return parallelList(quantities) }
        // the figures listed after it: those of its clause (分別為A和B，合計C), else of the sentence
        // (the old values of a listed change, 分別由A、B調整為C、D, are not among them)
        let following = quantities.filter { $0.start >= cue.end && !state.listedPrevious.contains($0.start) }
        let inClause = following.filter { $0.start < clauseEnd }
        let figures = inClause.count >= 2 ? inClause : following.filter { $0.start < sentenceEnd }
        guard figures.count >= 2, let k = figures.firstIndex(where: { $0.start == q.start }) else { return nil }
        return (cue, figures.count, k)
    }

    /// 分別由年息A、B及C，調整為D、E及F: the 分別 of a from-phrase in an earlier clause of the sentence, when every
    /// figure between it and this clause is one of the old values — the new values are its list.
    private func respectiveFromClause(_ quantities: [Quantity]) -> CueHit? {
        let listStart = min(listClauseStart, clauseStart)
        guard let cue = sentenceCues.first(where: { $0.cue.role == .respective && $0.end < listStart }),
              [0x7531, 0x4ECE].contains(text[cue.end]) else { return nil }   // 由 从
        let between = quantities.filter { $0.start >= cue.end && $0.start < listStart }
        guard !between.isEmpty, between.allSatisfy({ state.listedPrevious.contains($0.start) }) else { return nil }
        return cue
    }

    /// 分別上漲3.8%、3.57%和2.94%，報1.91元、2.61元和3.85元: a list clause right after a 分別 clause, listing as many
    /// figures, pairs them with the same names, in order.
    private func parallelList(_ quantities: [Quantity]) -> (cue: CueHit, figures: Int, index: Int)? {
        guard listClauseStart > sentenceStart + 1 else { return nil }
        var listEnd = q.end
        // (a semicolon ends the list too: 報1.91元、2.61元和3.85元；凱德…則分別下滑)
        while listEnd < sentenceEnd, !FigureContext.endsListClause(text[listEnd]), text[listEnd] != 0xFF1B, text[listEnd] != 0x3B { listEnd += 1 }
        let ownFigures = quantities.filter { $0.start >= listClauseStart && $0.start < listEnd }
        guard ownFigures.count >= 2, let k = ownFigures.firstIndex(where: { $0.start == q.start }) else { return nil }
        let previousEnd = listClauseStart - 1
        var previousStart = previousEnd
        while previousStart > sentenceStart, !FigureContext.endsListClause(text[previousStart - 1]) { previousStart -= 1 }
        guard let cue = interpreter.page.cues.firstHit(from: previousStart, to: previousEnd, where: { $0.cue.role == .respective }) else { return nil }
        let previousFigures = quantities.filter { $0.start >= cue.end && $0.start < previousEnd && !state.listedPrevious.contains($0.start) }
        guard previousFigures.count == ownFigures.count else { return nil }
        return (cue, ownFigures.count, k)
    }

    // MARK: from → to

    static let toVerbs: Set<Cue.Role> = [.to]

    /// `從24%下調至19%`: this figure is the old value of `next`.
    func isPreviousValue(of next: Quantity) -> Bool {
        interpreter.isPreviousValue(q, of: next, floor: sentenceStart)
    }

    func isPreviousValueWritten(_ prior: Quantity) -> Bool {
        interpreter.isPreviousValue(prior, of: q, floor: teaser.start)
    }

    // MARK: building observations

    func observation(kind: String, subject: String, metric: String, value: Double, unit: String?, target: String? = nil,
                     date: Day? = nil, period: String? = nil, rule: String, entity: Entity?) -> Observation {
        var rule = rule
        if let entity { rule += " · " + entity.source }
        // a range's high end is signed and scaled as the rule did its low end (貶值1%至2%: -2 … -1, low first)
        var value = value
        var high = q.high
        if let h = high {
            if q.value != 0, value != q.value { high = h * (value / q.value) }
            if let signed = high, signed < value { high = value; value = signed }
        }
        var o = Observation(kind: kind, subject: subject, metric: metric, value: value, valueHigh: high, unit: unit,
                           previous: previous, target: target, qualifier: q.qualifier?.rawValue, date: date?.description,
                           period: period, text: text.text(q.start, q.end), start: q.start, end: q.end, rule: rule)
        o.dateIsExplicit = date != nil && explicitDay == date
        o.teaser = teaserIndex
        o.inHeadline = q.start < interpreter.sentenceEnd(teaser.start, ceiling: teaser.end)
        return o
    }

    /// The currency of a sum of money: the one written with it or right before it, else the teaser's
    /// declared one (（人民幣．下同）), else `bareYuan` (a listing's or market's: a price on any page), else the region's.
    func currency(of unit: QuantityUnit, bareYuan: String? = nil) -> String? {
        switch unit {
        case .currency(let iso): return iso.string
        case .localYuan:
            // 新台幣58億元, 約合人民幣72.35億元: a currency named right before the amount is its currency
            let head = q.qualifierStart ?? q.start
            if let named = page.currencyBeforeAmount[q.start] { return named }
            if let named = mentions.last(where: { $0.entity.kind == .currency && $0.end <= head && $0.end >= head - 1 }) {
                return named.entity.id
            }
            return page.declaredCurrency[teaserIndex] ?? bareYuan ?? page.locale(at: q.start).localCurrency
        default: return nil
        }
    }
}
