import Foundation
import FiguresText
import FiguresQuantities

/// The rules, one per kind of subject. Each reads the context and returns the
/// observations the figure carries (none when the figure is not a financial one).
extension FigureContext {
    static let marketKinds: Set<Entity.Kind> = [.index, .currency, .company, .commodity, .centralBank, .bank, .yield, .country]
    /// The reason given to a forecast; the extractor drops a headline that restates one.
    static let expectationReason = "an expectation"


    mutating func interpret(_ state: inout Interpreter.TeaserState, quantities: [Quantity], index: Int) -> [Observation] {
        switch q.unit {
        case .measure(let m):
            // 共成交22億3400萬股: shares traded are a market's volume; other counts are no figures
            let volume = m == UnitCode("shares") && before.contains { $0.cue.role == .volume || $0.cue.role == .turnover }
            if !volume { reason = "a count (\(m)), not a financial figure"; return [] }
        case .times:
            reason = "a multiple (倍)"; return []
        case .none:
            if let level = bareLevel(quantities: quantities, index: index) { return level }
            reason = "a bare number with no unit"; return []
        default: break
        }
        if q.unit == .percent, let seq = before.first(where: { $0.cue.role == .sequential }),
           !sentenceCues.contains(where: { $0.cue.role == .macro && $0.cue.argument == "gdp_growth" }),   // Japan's GDP is quarter on quarter
           economyMoveStart == nil, teasersOneEconomicMetric() != "gdp_growth",
           !before.contains(where: { ($0.cue.role == .up || $0.cue.role == .down) && $0.start < seq.start && isYearOnYear($0.start, $0.end) }) {
            reason = "a change on the month or quarter before (\(text.text(seq.start, seq.end)))"; return []
        }
        // a word can hold several roles (比上週的: comparison and weekly): any role of the nearest word counts
        let nearestComparison = before.first.flatMap { first in before.first { $0.end == first.end && $0.cue.role == .comparison } }
            // 相較上週五（8月29日）的24,233.10點: only the day compared with stands between
            ?? before.first { $0.cue.role == .comparison && interpreter.onlyDaysBetween($0.end, q.start) }
        if let c = nearestComparison ?? before.first, c.cue.role == .comparison || (before.count > 1 && before[1].cue.role == .comparison && before[0].end <= c.start + 4 && [.to, .level].contains(before[0].cue.role)) {
            reason = "the value compared with (\(text.text(c.start, c.end)))"; return []
        }
        // 比前次紀錄還高出18點, 距離紀錄高位只差225點: the distance between two levels, no level or move of its own
        if let g = before.first, g.cue.role == .gap {
            reason = "a distance between two levels (\(text.text(g.start, g.end)))"; return []
        }
        if let f = before.first(where: { $0.cue.role == .forecast }) {
            reason = "\(FigureContext.expectationReason) (\(text.text(f.start, f.end))), not a figure of the day"; return []
        }
        if let t = before.first(where: { $0.cue.role == .threshold }),
           !before.contains(where: { $0.start > t.end && [.close, .open, .high, .low, .up, .down, .to].contains($0.cue.role) }) {
            reason = "a round level or forecast (\(text.text(t.start, t.end))), not a figure of the day"; return []
        }
        if let t = after.first(where: { $0.cue.role == .thresholdAfter }) {
            reason = "a round level (\(text.text(t.start, t.end)))"; return []
        }
        let sentenceCues = sentenceHits()
        // Rate families stay in force for the rest of the teaser (定存利率 … 分別下調0.1和0.05個百分點).
        if let family = sentenceCues.first(where: { $0.cue.role == .rate })?.cue.argument { state.rateFamily = family }

        // tariff news: the sentence names a tariff, or the teaser's headline does and this clause names a country
        let countryInClause = mentions.contains { $0.entity.kind == .country && $0.start >= listClauseStart && $0.end <= q.start }
        if case .percent = q.unit, sentenceHasTariff || (teaserHasTariffTitle && countryInClause && !before.contains { [.fin, .macro, .rate].contains($0.cue.role) })
            || isTariffListRow {
            if let obs = tariff(quantities: quantities, state: &state) { return obs }
        }
        // 台灣去年成長勝過中國的5%、新加坡4.8%: economies listed each with a percent, in a teaser that names
        // one economic metric, are that metric's figures for each
        if q.unit == .percent, let listed = listedEconomyFigure() { return listed }
        // A company metric or an economic metric named in the clause decides the domain before any name does.
        if q.unit.isMoney || q.unit == .percent {
            let fin = domainCue(.fin, sentence: sentenceCues)
            let macroCue = domainCue(.macro, sentence: sentenceCues)
            // the economy or a company named earlier in the sentence, when the clause names nothing else (略高於8月的2%)
            let clauseIsBare = !mentions.contains { $0.start >= clauseStart && $0.end <= q.start }
                && !before.contains { [.fin, .macro, .rate, .tariff].contains($0.cue.role) }
            if clauseIsBare, after.isEmpty, let m = sentenceCues.first(where: { $0.cue.role == .macro || $0.cue.role == .fin }), m.cue.role == .macro,
               q.unit == .percent, !sentenceCues.contains(where: { $0.cue.role == .rate }) {
                let country = economySubject() ?? reportingCountry()
                return macro(country: country?.entity.id ?? page.locale(at: q.start).country, entity: country?.entity, quantities: quantities)
            }
            if let m = after.first(where: { $0.cue.role == .macroAfter }), q.unit.isMoney, !before.contains(where: { $0.cue.role == .macro }) {
                let country = economySubject() ?? reportingCountry()
                let deficit = m.cue.argument == "trade_deficit"   // 1.2萬億日元貿易逆差: a negative balance
                return [observation(kind: "macro", subject: country?.entity.id ?? page.locale(at: q.start).country, metric: deficit ? "trade_balance" : m.cue.argument,
                                    value: deficit ? -abs(q.value) : q.value, unit: currency(of: q.unit), period: period, rule: "economy \(m.cue.argument) named after it", entity: country?.entity)]
            }
            let sentenceFin = sentenceCues.first { $0.cue.role == .fin }
            let marketNameInClause = mentions.contains { $0.start >= clauseStart && $0.end <= q.start && [.index, .commodity, .centralBank, .bank].contains($0.entity.kind) }
            let companyNews = fin == nil && macroCue == nil && sentenceFin != nil && !marketNameInClause
                && mentions.contains { $0.entity.kind == .company && $0.end <= q.start && $0.start >= teaser.start }
            if after.contains(where: { $0.cue.role == .finAfter }) || (fin != nil && (macroCue == nil || fin!.start > macroCue!.start)) || companyNews {
                if let company = respectiveSubject([.company], quantities: quantities, index: index) ?? subject([.company], skipDealTargets: true)
                    ?? mentions.last(where: { $0.entity.kind == .company && $0.end <= q.start && !isAcquired($0) }) {
                    state.lastSubject = company
                    return financial(company, state: &state)
                }
            }
            if let macroCue, fin == nil || macroCue.start > fin!.start {
                // 對美國出口: a country after 對/向/自 is the partner, not the economy reported on
                let inClause = mentions.last { $0.entity.kind == .country && $0.start >= clauseStart && $0.end <= q.start }
                let isPartner = inClause.map { [0x5BF9, 0x5411, 0x81EA].contains(text[$0.start - 1]) } ?? false
                let reporter = isPartner ? nil : inClause
                let country = reporter ?? reportingCountry(excluding: isPartner ? inClause?.entity.id : nil)
                return macro(country: country?.entity.id ?? page.locale(at: q.start).country, entity: country?.entity,
                             partner: isPartner ? inClause?.entity.id : nil, quantities: quantities)
            }
        }
        let kinds = acceptableKinds
        // 日經指數去年6月…一度跌至1萬5,000點以下: a market level of another year is history, not a quote
        let historyFrom = afterLastSemicolon   // …去年7月8日之後首次收在1萬9000點之上；國家證交所Nifty指數上漲: the ； ends that history
        if q.unit == .points || q.unit == .fxMove, let last = interpreter.pastYearWord(from: historyFrom, to: q.start), last < q.start {
            reason = "a level from an earlier year"; return []
        }
        let respective = respectiveSubject(kinds, quantities: quantities, index: index)
        var found = respective ?? subject(kinds)
        // a yield named by country and tenor (日本國債…10年期息率) unless the lexicon named it in the clause
        // (日本公債…10年期殖利率: a lexicon name with only the tenor, 10年期公債, takes the country named before it)
        if kinds.contains(.yield), let composed = composedYield(),
           !(found.map { $0.entity.kind == .yield && $0.start >= clauseStart && ($0.entity.id == composed.entity.id || $0.start <= composed.start) } ?? false) {
            found = composed
        }
        // 金管局跟隨美國加息，基本利率上調至5.75厘: a bank named in the sentence acts; the country is context
        if let country = found, country.entity.kind == .country, kinds.contains(.centralBank),
           let bank = mentions.last(where: { [.centralBank, .bank].contains($0.entity.kind) && $0.start >= sentenceStart && $0.end <= country.start }) {
            found = bank
        }
        // 指數…終場下跌74.92點、跌幅0.25%: a figure listed right after the previous one, no name between them,
        // is the same name's (not a company named earlier in the sentence)
        // (輝達…，股價下跌2.82%，收在178.43美元: so is the next clause's, past a comma)
        if let last = state.lastSubject, index > 0, quantities[index - 1].end == state.lastSubjectFigureEnd,
           state.lastSubjectFigureEnd >= listClauseStart && listClauseStart < clauseStart && Interpreter.isListJoiner(text[clauseStart - 1])
            || followsLastFigurePastComma,
           kinds.contains(last.entity.kind), let nearest = found, nearest.end <= quantities[index - 1].start,
           nearest.entity.id != last.entity.id, respective == nil {
            found = last
            continuesLastFigure = true
        }
        if found == nil, let last = state.lastSubject, kinds.contains(last.entity.kind), last.entity.kind != .country {
            found = last
        }
        if found == nil, sentenceCues.contains(where: { $0.cue.role == .rate && $0.cue.argument.hasPrefix("lpr") }), interpreter.teaserMentionsLPR(teaser) {
            var pboc = Entity(kind: .centralBank, id: "PBOC")   // loan prime rates are the People's Bank's
            pboc.source = "LPR → PBOC"
            found = Mention(start: q.start, end: q.start, entity: pboc)
        }
        if found == nil, q.unit == .percentagePoint || q.unit == .li || q.unit == .percent,
           sentenceCues.contains(where: { $0.cue.role == .rate }),
           let bank = mentions.first(where: { $0.entity.kind == .centralBank }) {
            found = bank   // a headline's rate move, the bank named in the body
        }
        if found == nil, let owner = sentenceCues.first(where: { $0.cue.role == .rateOwner }),
           Lexicon.shared.centralBankOf[page.locale(at: q.start).country] == owner.cue.argument
            // (擔保放款融通利率, 短期融通利率: no other bank's rates bear these names, on any page)
            || sentenceCues.contains(where: { $0.cue.role == .rate && ["secured_lending", "short_term_lending"].contains($0.cue.argument) && $0.start == owner.start }) {
            // 公告本行重貼現率…調整為1.5%: on a Taiwanese page, 重貼現率 with no bank named is the central bank's
            var bank = Entity(kind: .centralBank, id: owner.cue.argument)
            bank.source = "cues.tsv: \(text.text(owner.start, owner.end)) → \(owner.cue.argument)"
            found = Mention(start: q.start, end: q.start, entity: bank)
        }
        guard let mention = found else {
            reason = "no subject named before it"
            return []
        }
        if mention.entity.kind != .country { state.lastSubject = mention; state.lastSubjectFigureEnd = q.end }
        // 大市成交額較周四急減39.42%, 庫存增加5%: a percent of what a word after the name measures (turnover,
        // volume, output, stock) is no price move of the name
        if q.unit == .percent, [.index, .company, .commodity, .currency, .bank].contains(mention.entity.kind),
           let other = before.first(where: { [.turnover, .volume, .untracked, .marketcap].contains($0.cue.role) })
            // 總資產為8960.82億元，比上年度末增加13.91%: a bare clause of a move continues the measure its sentence named
            ?? (before.allSatisfy { [.up, .down, .to, .from, .level].contains($0.cue.role) }
                ? sentenceHits().first(where: { $0.cue.role == .untracked }) : nil),
           other.start >= mention.end {
            reason = "a percent change of \(text.text(other.start, other.end)), not of \(text.text(mention.start, mention.end))"; return []
        }
        switch mention.entity.kind {
        case .index: return indexFigure(mention)
        case .currency: return fxFigure(mention)
        case .company where namesBankRate:
            return rate(mention, state: state, quantities: quantities)   // 興業銀行下調存款利率10個基點
        case .company:
            if isFinancialFigure { return financial(mention, state: &state) }
            return withListedShares(equity(mention), of: mention)
        case .bank where (!sentenceHits().contains(where: { $0.cue.role == .rate }) || sharePriceBetween(mention)) && (q.unit.isMoney || q.unit == .percent):
            // a bank's share price or results: the bank as a listed company
            if isFinancialFigure { return financial(mention, state: &state) }
            return withListedShares(equity(mention), of: mention)
        case .bank:
            // 渣打、星展、東亞等其他銀行則採用5.25厘: one figure for every bank listed
            let first = rate(mention, state: state, quantities: quantities)
            return first + listedSiblings(of: mention).flatMap { sibling in
                first.map { o in var c = o; c.subject = sibling.entity.id; c.rule += " (listed with \(mention.entity.id))"; return c }
            }
        case .centralBank, .yield: return rate(mention, state: state, quantities: quantities)
        case .commodity: return commodity(mention)
        case .country:
            // 美國減息1/4厘: a rate move written with the country is its central bank's
            if let bank = Lexicon.shared.centralBankOf[mention.entity.id],
               sentenceCues.contains(where: { $0.cue.role == .rate && $0.start >= mention.end }) {
                var entity = Entity(kind: .centralBank, id: bank)
                entity.source = "central-banks.tsv: \(mention.entity.id) \(bank)"
                return rate(Mention(start: mention.start, end: mention.end, entity: entity), state: state, quantities: quantities)
            }
            if economyMoveStart != nil {
                return macro(country: mention.entity.id, entity: mention.entity, quantities: quantities, metric: "gdp_growth")
            }
            if let carried = teasersOneEconomicMetric() {
                // 歐元區第三季經濟環比下滑0.1%…，歐盟整體則小增0.1%；歐元區和歐盟在第二季度都萎縮了0.2%
                let countries = countriesMovingTogether(last: mention)
                return countries.flatMap { c in
                    macro(country: c.entity.id, entity: c.entity, quantities: quantities, metric: carried).map { o in
                        var o = o
                        o.rule += " (the teaser's one economic metric)"
                        return o
                    }
                }
            }
            // 多數亞太股市上漲…；上海則滑落0.27%: in a sentence about stock markets, a city is its market
            if q.unit == .percent || q.unit == .points,
               let (length, id) = FigureContext.marketCities.lengthAndPayload(in: text, at: mention.start), mention.start + length == mention.end,
               (sentenceStart..<mention.start).contains(where: { k in Words.stockMarket.contains { text.matches($0, at: k) } }) {
                var market = Entity(kind: .index, id: id)
                market.source = "market-cities.tsv: \(text.text(mention.start, mention.end)) \(id) (a city in a sentence about stock markets)"
                return indexFigure(Mention(start: mention.start, end: mention.end, entity: market))
            }
            reason = "a country with no economic metric named"
            return []
        case .indexGroup:
            reason = "several markets named at once"   // page analysis splits groups; kept for completeness
            return []
        }
    }

    /// 新加坡經濟第二季環比萎縮0.2%, 美國經濟去年第四季按年化增長2.3%: 經濟 in the figure's clause, a move word
    /// (增長, 萎縮) after it within a few words and no name between — the economy's output moving, its growth.
    /// Where 經濟 starts, or nil. (經濟部, 經濟學家, 經濟日報 and the like are no economy moving.)
    var economyMoveStart: Int? {
        guard q.unit == .percent, let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }) else { return nil }
        var k = move.start - 2
        while k >= max(clauseStart, move.start - 14) {
            if text[k] == FigureContext.economyWord[0], text[k + 1] == FigureContext.economyWord[1],
               !FigureContext.notTheEconomy.contains(text[k + 2]),
               !mentions.contains(where: { $0.start >= k + 2 && $0.start < move.start }) {
                return k
            }
            k -= 1
        }
        return nil
    }
    static let economyWord = ScriptFold.shared.fold("經濟")
    /// After 經濟: a ministry, a trade, a paper, a policy — not the economy's output.
    static let notTheEconomy: Set<UInt32> = Set(ScriptFold.shared.fold("部學日體界圈特區艙師官委局署研報規政制合犯適活效援協"))

    /// A country's percent move with no metric word in its sentence (歐盟整體則小增0.1%, 德國第三季度環比增長0.2%), in a
    /// teaser whose words before it name one economic metric only (GDP growth, CPI or core CPI — or the economy
    /// moving): that metric. Nil when the sentence names a company, rate or tariff word, or no move.
    func teasersOneEconomicMetric() -> String? {
        guard q.unit == .percent, before.contains(where: { $0.cue.role == .up || $0.cue.role == .down }),
              !before.contains(where: { $0.cue.role == .macro }),
              !sentenceHits().contains(where: { [.fin, .rate, .tariff, .turnover, .volume].contains($0.cue.role) }),
              !mentions.contains(where: { $0.start >= clauseStart && $0.end <= q.start && $0.entity.kind != .country }) else { return nil }
        let metrics = Set(interpreter.teaserCues(teaser).filter { $0.cue.role == .macro && $0.end <= q.start }.map { $0.cue.argument })
        guard metrics.count == 1, let metric = metrics.first, ["gdp_growth", "cpi", "core_cpi"].contains(metric) else { return nil }
        return metric
    }

    /// 歐元區和歐盟…都萎縮了0.2%: the countries joined by 和/與/及/、 before 都/均 that move together; else `last` alone.
    func countriesMovingTogether(last: Mention) -> [Mention] {
        guard (last.end..<q.start).contains(where: { text[$0] == 0x90FD || text[$0] == 0x5747 }) else { return [last] }   // 都 均
        var list = [last]
        var end = last.start
        for c in mentions.reversed() where c.entity.kind == .country && c.end <= end && c.start >= clauseStart {
            guard end - c.end == 1, Interpreter.isListJoiner(text[c.end]) else { break }
            list.insert(c, at: 0)
            end = c.start
        }
        return list
    }

    /// A cue of `role` in the figure's clause; or, when the clause only says "year on year", in its sentence.
    func domainCue(_ role: Cue.Role, sentence: [CueHit]) -> CueHit? {
        if let hit = before.first(where: { $0.cue.role == role }) { return hit }
        let yoy = before.contains { ($0.cue.role == .up || $0.cue.role == .down) && isYearOnYear($0.start, $0.end) }
        return yoy ? sentence.first(where: { $0.cue.role == role }) : nil
    }

    /// A percent right after a country (中國的5%, 新加坡4.8%) that stands in a list of such pairs, in a
    /// sentence with no metric word of its own, when the teaser has named exactly one economic metric before it.
    func listedEconomyFigure() -> [Observation]? {
        guard let country = mentions.last(where: { $0.entity.kind == .country && $0.end <= q.start && $0.start >= listClauseStart }),
              q.start - country.end <= 1, country.end == q.start || text[country.end] == 0x7684,   // 的
              !sentenceHits().contains(where: { [.macro, .fin, .rate, .tariff, .up, .down].contains($0.cue.role) && $0.start >= country.end }),
              !sentenceHits().contains(where: { [.fin, .rate, .tariff].contains($0.cue.role) }) else { return nil }
        // a list: another country-and-percent pair right before or after this one
        let pairs = page.quantities.within(sentenceStart, sentenceEnd, start: \.start, end: \.end).filter { $0.unit == .percent }
            .filter { p in mentions.contains { $0.entity.kind == .country && $0.end <= p.start && p.start - $0.end <= 1 } }
        guard pairs.count >= 2 else { return nil }
        let metrics = Set(interpreter.teaserCues(teaser).filter { $0.cue.role == .macro && $0.end <= q.start }.map { $0.cue.argument })
        guard metrics.count == 1, let metric = metrics.first, ["gdp_growth", "cpi", "core_cpi"].contains(metric) else { return nil }
        return [observation(kind: "macro", subject: country.entity.id, metric: metric, value: q.value, unit: "pct", period: period,
                            rule: "economy \(metric) of a listed country (the teaser's metric)", entity: country.entity)]
    }

    /// The economy a sentence names before the figure: the nearest country that is not a partner (對美國出口).
    func economySubject() -> Mention? {
        mentions.last { $0.entity.kind == .country && $0.start >= sentenceStart && $0.end <= q.start && ![0x5BF9, 0x5411, 0x81EA].contains(text[$0.start - 1]) }
    }

    /// Whose economy an unattributed figure describes: the country of the statistics office quoted when
    /// its name tells (海關總署), the writer's own when it does not (nil: the caller uses the locale),
    /// else the country the teaser is about.
    func reportingCountry(excluding: String? = nil) -> Mention? {
        if let agency = interpreter.statisticsAgencyCountry(teaser), agency.entity.id != excluding { return agency }
        return interpreter.teaserNamesStatisticsAgency(teaser) ? nil : topicCountry(excluding: excluding)
    }

    /// Regions named as groups that publish no economic figures of their own (unlike the EU or the euro area).
    static let regionsWithoutStatistics: Set<String> = ["ASIA"]

    /// The country a teaser is about: the one it names most often (ties: the first named).
    func topicCountry(excluding: String? = nil) -> Mention? {
        var counts: [String: Int] = [:]
        var first: [String: Mention] = [:]
        // a central bank stands for its country (美國聯邦儲備局…6月消費者物價指數年增9.1%: the US's)
        for m in mentions {
            var id = m.entity.id
            if m.entity.kind == .centralBank {
                guard let country = Lexicon.shared.countryOfCentralBank[id] else { continue }
                id = country
            } else if m.entity.kind != .country { continue }
            // 亞洲貨幣, 亞洲股市: Asia as a whole reports no economy of its own
            guard id != excluding, !FigureContext.regionsWithoutStatistics.contains(id) else { continue }
            counts[id, default: 0] += 1
            if first[id] == nil {
                var c = m
                c.entity = Entity(kind: .country, id: id)
                c.entity.source = m.entity.kind == .centralBank ? "the country of \(m.entity.id)" : m.entity.source
                first[id] = c
            }
        }
        guard let best = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : first[$0.key]!.start > first[$1.key]!.start }) else { return nil }
        return first[best.key]
    }

    /// `收25630`, `美元兌日圓升報154.76`, `跌至1.185`: a bare number right after a level word is a
    /// level in the subject's own unit (index points, the pair's quote currency, the commodity's currency).
    mutating func bareLevel(quantities: [Quantity], index: Int) -> [Observation]? {
        // 分別升至0.773及1.361: the second number shares the first one's level word
        let listed = [0x53CA, 0x548C, 0x3001].contains(text[q.start - 1]) && NumeralChar.isASCIIDigit(text[q.start - 2])
        // 收於12601.19點，下跌227.49 (收於一萬二千六百零一點一九，下跌二百二十七點四九): right after a move
        // word, in a sentence that gave an index level before (in points or bare), a bare number is the move in points
        if let cue = before.first, cue.cue.role == .up || cue.cue.role == .down, cue.end >= q.start - 1, q.value > 0,
           quantities[..<index].contains(where: { $0.start >= sentenceStart && ($0.unit == .points || $0.unit == .none && $0.value >= 100) })
            // (收盤上漲一百六十六點三: Chinese digits with a 點 fraction after a move word read as points too)
            || q.chineseNumerals && !NumeralChar.isWhole(q.value)
            // (道瓊工業指數上揚147.21或0.95%: a bare move paired with its percent by 或)
            || movePairedWithPercent(quantities, index),
           let m = subject([.index]), m.start >= sentenceStart {
            var ctx = reading(as: .points)
            let out = ctx.indexFigure(m).map { o in var o = o; o.rule += " (a bare move after a level in points)"; return o }
            return out.isEmpty ? nil : out
        }
        guard let cue = before.first, cue.end >= q.start - 4 || listed,
              [.close, .level, .to, .open, .high, .low, .parity].contains(cue.cue.role), q.value > 0, !q.chineseNumerals || q.value >= 100 else { return nil }
        guard let m = respectiveSubject([.index, .currency, .commodity], quantities: quantities, index: index)
                ?? subject([.index, .currency, .commodity]) else { return nil }
        let implied: QuantityUnit
        switch m.entity.kind {
        case .index:
            guard q.value >= 10 else { return nil }
            implied = .points
        case .currency:
            implied = .currency(UnitCode(pair(for: m).quote))
        case .commodity:
            implied = .currency(UnitCode(m.entity.extra))
        default: return nil
        }
        var ctx = reading(as: implied)
        let out: [Observation]
        switch m.entity.kind {
        case .index: out = ctx.indexFigure(m)
        case .currency: out = ctx.fxFigure(m)
        default: out = ctx.commodity(m)
        }
        return out.isEmpty ? nil : out
    }

    /// The figure opens the clause after the previous figure's, past a comma, with no name of its own
    /// (not a 股價 clause, which reaches back to its sentence's topic).
    var followsLastFigurePastComma: Bool {
        clauseStart > sentenceStart && (text[clauseStart - 1] == 0xFF0C || text[clauseStart - 1] == 0x2C)
            && state.lastSubjectFigureEnd >= sentenceStart && !mentions.contains { $0.start >= clauseStart && $0.end <= q.start }
            && !clauseOpensWithSharePrice
    }

    /// `上揚147.21或0.95%`, `跌 52.3，或 1.1%`: the next figure is a percent joined to this one by 或.
    func movePairedWithPercent(_ quantities: [Quantity], _ index: Int) -> Bool {
        guard index + 1 < quantities.count, quantities[index + 1].unit == .percent else { return false }
        let next = quantities[index + 1]
        guard next.start - q.end <= 4 else { return false }
        var sawOr = false
        for k in q.end..<(next.qualifierStart ?? next.start) {
            switch text[k] {
            case 0x6216: sawOr = true            // 或
            case 0x20, 0x2C, 0xFF0C: continue   // space , ，
            default: return false
            }
        }
        return sawOr
    }

    var acceptableKinds: Set<Entity.Kind> {
        // (the sets are built once: this is asked for every figure)
        typealias K = FigureContext.KindSets
        switch q.unit {
        case .points where sentenceHits().contains(where: { $0.cue.role == .parity }): return K.indexOrCurrency   // 中間價調貶21點
        case .points, .measure: return K.index
        case .fxMove where before.contains(where: { $0.cue.role == .fin && $0.cue.argument.hasPrefix("eps") }):
            return K.companyOrCurrency   // 每股虧損0.68分: cents per share
        case .fxMove: return K.currency
        case .percentagePoint where q.unitScale == 0.01 && !sentenceHits().contains(where: { $0.cue.role == .rate }):
            return K.pips   // 中間價上調52個基點: pips of a rate
        case .percentagePoint where namesCommercialRate, .li where namesCommercialRate: return K.commercialRate
        case .percentagePoint, .li: return K.rate
        case .currency, .localYuan: return K.amount
        default: return FigureContext.marketKinds
        }
    }

    enum KindSets {
        static let indexOrCurrency: Set<Entity.Kind> = [.index, .currency]
        static let index: Set<Entity.Kind> = [.index]
        static let companyOrCurrency: Set<Entity.Kind> = [.company, .currency]
        static let currency: Set<Entity.Kind> = [.currency]
        static let pips: Set<Entity.Kind> = [.centralBank, .bank, .yield, .country, .currency]
        static let commercialRate: Set<Entity.Kind> = [.centralBank, .bank, .yield, .country, .company]
        static let rate: Set<Entity.Kind> = [.centralBank, .bank, .yield, .country]
        static let amount: Set<Entity.Kind> = [.index, .currency, .company, .commodity, .country, .bank]
    }

    /// 工行、建行、中石化、交行跌幅均超過8%: a move that a word of "each" (均, 都, 皆, 齊) gives to a list of
    /// shares is every listed share's.
    func withListedShares(_ observations: [Observation], of m: Mention) -> [Observation] {
        guard let first = observations.first, observations.count == 1, first.kind == "equity",
              (m.end..<(q.qualifierStart ?? q.start)).contains(where: { Words.each.contains(text[$0]) }) else { return observations }
        return observations + listedSiblings(of: m).reversed().map { sibling in
            var c = first
            c.subject = sibling.entity.id
            c.rule += " (listed with \(m.entity.id))"
            return c
        }
    }

    /// The names of the same kind listed right before `m` (A、B及C: A and B for C), when no 分別 pairs
    /// them with figures of their own.
    func listedSiblings(of m: Mention) -> [Mention] {
        guard !before.contains(where: { $0.cue.role == .respective }) else { return [] }
        var out: [Mention] = []
        var end = m.start
        for other in mentions.reversed() where other.end <= end && other.start >= sentenceStart {
            guard other.entity.kind == m.entity.kind || other.entity.kind == .company else { break }
            guard Words.listJoiners.contains(Array(text.folded[other.end..<end])) else { break }   // as listRun reads a list
            if other.entity.id != m.entity.id { out.append(other) }
            end = other.start
        }
        return out
    }

    /// A bank's own rate is named in the sentence (存款利率, 最優惠利率): a listed bank may be its subject.
    var namesCommercialRate: Bool {
        sentenceHits().contains { $0.cue.role == .rate && ["deposit", "prime"].contains($0.cue.argument) }
    }

    /// A company figure that is the company's own deposit or prime rate, or a move of it.
    var namesBankRate: Bool {
        guard namesCommercialRate else { return false }
        switch q.unit {
        case .percentagePoint, .li: return true
        case .percent:
            // the rate word is nearer the figure than any company-figure word (存款利率為1.5%)
            guard let rate = before.first(where: { $0.cue.role == .rate }) else { return false }
            return !before.contains { $0.cue.role == .fin && $0.start > rate.start }
        default: return false
        }
    }

    /// A tariff word stands before the figure in its sentence, or after it in its clause (加徵25%關稅);
    /// one in a later clause explains something else (營收年減4.4%，主因為關稅衝擊).
    var sentenceHasTariff: Bool {
        let end = interpreter.clauseEnd(q.end, ceiling: sentenceEnd)
        return page.cues.containsHit(from: sentenceStart, to: end) { $0.role == .tariff || $0.role == .exempt }
    }

    /// This figure read in `unit` (a bare number a level or move word makes points or money), with its period.
    func reading(as unit: QuantityUnit) -> FigureContext {
        var implied = q
        implied.unit = unit
        var ctx = FigureContext(q: implied, teaser: teaser, teaserIndex: teaserIndex, interpreter: interpreter, mentions: mentions, state: state)
        ctx.period = period
        return ctx
    }

    /// After the last ；/; before the figure in its sentence (else the sentence start): a semicolon parts
    /// two measures or sessions of one sentence.
    var afterLastSemicolon: Int {
        for k in stride(from: q.start - 1, through: sentenceStart, by: -1) where text[k] == 0x3B || text[k] == 0xFF1B { return k + 1 }
        return sentenceStart
    }

    /// 恒生銀行股價跌0.6%: 股價 between a bank's name and the figure makes it the listed company's price,
    /// whatever rates the sentence also speaks of.
    func sharePriceBetween(_ m: Mention) -> Bool {
        let head = q.qualifierStart ?? q.start
        guard head - m.end <= 8 else { return false }
        return (m.end..<head).contains { text.matches(Words.sharePrice, at: $0) }
    }

    /// The company is named right before the figure: nothing between but its code in brackets, 約 or a space.
    func companyRightBefore(_ m: Mention) -> Bool {
        var k = m.end
        if k < q.start, text[k] == 0x28 || text[k] == 0xFF08 {
            while k < q.start, k - m.end < 12, text[k] != 0x29, text[k] != 0xFF09 { k += 1 }
            k += 1
        }
        while k < (q.qualifierStart ?? q.start), text[k] == 0x20 { k += 1 }
        return k >= (q.qualifierStart ?? q.start) && k <= q.start
    }

    var isFinancialFigure: Bool {
        if after.contains(where: { $0.cue.role == .finAfter }) { return true }
        let hits = sentenceHits()
        guard let fin = hits.first(where: { $0.cue.role == .fin }) else { return false }
        // 股價大漲3%: a market move, unless a company metric stands nearer than the move word
        if let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }), case .percent = q.unit,
           move.start > fin.end, !isYearOnYear(move.start, move.end) {
            return fin.end >= clauseStart
        }
        return true
    }

    // MARK: index

    mutating func indexFigure(_ m: Mention) -> [Observation] {
        let date = tradingDay
        switch q.unit {
        case .points:
            if q.qualifier == .over || q.qualifier == .under, !before.contains(where: { $0.cue.role == .up || $0.cue.role == .down }) || q.end < text.count && (text[q.end] == 0x4EE5) {
                reason = "a level with 以上/以下: a threshold"; return []
            }
            // 大市高開257點: the gap the session opened with, which the spec has no metric for
            if Words.openingGap.contains(where: { text.matches($0, endingAt: q.qualifierStart ?? q.start) }) {
                reason = "an opening gap (高開/低開), no spec metric"; return []
            }
            if let extreme = intradayExtreme(namedIsQuote: false) {
                return [observation(kind: "index", subject: m.entity.id, metric: extreme, value: q.value, unit: "pt", date: date, rule: "index intraday \(extreme)", entity: m.entity)]
            }
            if let metric = marketLevelMetric() {
                var o = observation(kind: "index", subject: m.entity.id, metric: metric, value: q.value, unit: "pt", date: date, rule: "index \(metric)", entity: m.entity)
                if metric == "high" || metric == "low" { o.qualifier = nil }
                return [o]
            }
            if let dir = direction {
                return [observation(kind: "index", subject: m.entity.id, metric: "change", value: abs(q.value) * dir, unit: "pt", date: date, period: movePeriod, rule: "index move in points", entity: m.entity)]
            }
            // a round level with no word around it (上證綜指3000點得而復失) is a threshold, not a quote
            if q.value == (q.value / 100).rounded() * 100 {
                reason = "a round level with no metric word"; return []
            }
            let metric = closingSentence ? "close" : "level"
            return [observation(kind: "index", subject: m.entity.id, metric: metric, value: q.value, unit: "pt", date: date, rule: "index level without cue", entity: m.entity)]
        case .percent:
            guard let dir = direction else { reason = "a percent with no direction word"; return [] }
            return [observation(kind: "index", subject: m.entity.id, metric: "change_pct", value: abs(q.value) * dir, unit: "pct", date: date, period: movePeriod, rule: "index move in percent", entity: m.entity)]
        case .measure("shares"):
            if before.contains(where: { $0.cue.role == .volume || $0.cue.role == .turnover }) {
                return [observation(kind: "index", subject: m.entity.id, metric: "volume", value: q.value, unit: "shares", date: date, rule: "market volume", entity: m.entity)]
            }
            reason = "shares with no volume word"
            return []
        case .currency, .localYuan:
            if before.contains(where: { $0.cue.role == .turnover }) {
                // 沪深两市分别成交A和B: each figure is its own market's, as 分別 lists them
                if before.contains(where: { $0.cue.role == .respective && $0.start >= m.end }) {
                    return [observation(kind: "index", subject: m.entity.id, metric: "turnover", value: q.value, unit: currency(of: q.unit, bareYuan: Exchanges.shared.currencyOfIndex[m.entity.id]), date: date, rule: "market turnover, respectively", entity: m.entity)]
                }
                // 大市成交額, 主板成交: the market's turnover belongs to its main index, not the last one named;
                // 沪深两市成交额 adds up two markets and belongs to neither
                if text.containsFolded(Words.twoMarkets, from: sentenceStart, to: q.start) {
                    reason = "turnover of two markets together"; return []
                }
                let main = PageAnalysis.mainIndex(mentions, teaser: teaser, before: q.start, text: text, preferSentence: false) ?? m
                return [observation(kind: "index", subject: main.entity.id, metric: "turnover", value: q.value, unit: currency(of: q.unit, bareYuan: Exchanges.shared.currencyOfIndex[main.entity.id]), date: date, rule: "market turnover", entity: main.entity)]
            }
            reason = "an amount beside an index with no turnover word"
            return []
        default:
            reason = "unit does not fit an index"; return []
        }
    }

    /// `1w` for a weekly move, the month for a monthly one (月漲幅), the year for a move over the whole
    /// year (全年, 年漲幅), else nil.
    var movePeriod: String? {
        if weekly { return "1w" }
        // in a week's report, the rest of a sentence with a weekly move and the sentence right after it go on
        // about the week unless they name a day
        let lastWeekly = state.weeklySentenceEnd
        if lastWeekly >= 0, lastWeekly == sentenceEnd || (lastWeekly < sentenceStart && sentenceStart - lastWeekly <= 2
                                                          // 收市報18258點，升245點: a sentence about a session's close is the day's
                                                          && !sentenceHits().contains { [.close, .closeAfter, .closeContext, .open, .intraday].contains($0.cue.role) }),
           explicitDay == nil, interpreter.teaserTitleIsWeekly(teaser) {
            return "1w"
        }
        if before.contains(where: { $0.cue.role == .monthly }) {
            // 1月加權指數月漲幅10.7%: the month named, else the figure's own month
            if let p = period, p.count == 7 { return p }
            let d = day
            return "\(d.year)-\(d.month < 10 ? "0" : "")\(d.month)"
        }
        if sentenceHits().contains(where: { $0.cue.role == .yearly }) {
            if let p = period, p.count == 4 { return p }
            return "\(state.anchor.year)"
        }
        return nil
    }

    /// `一度大漲近500點至26936點`, `盤中一度升至31.438元`: a level reached during the session after a move is
    /// the day's high (a rise) or low (a fall); for a currency quoted per dollar the named currency's rise is the pair's low.
    func intradayExtreme(namedIsQuote: Bool) -> String? {
        // 一度觸及811.80美元的日內高點: the words after the touch name the extreme, whatever moved before it (not
        // for a currency quoted against another: the yen's high is the pair's low, and the words may mean either)
        if !namedIsQuote, sentenceHits().contains(where: { $0.cue.role == .intraday }), before.first(where: { [.to, .close, .level, .high, .low, .open].contains($0.cue.role) })?.cue.role == .to,
           let extreme = extremeNamedAfter {
            return extreme
        }
        guard sentenceHits().contains(where: { $0.cue.role == .intraday }),
              let nearest = before.first(where: { [.to, .close, .level, .high, .low, .open].contains($0.cue.role) }), nearest.cue.role == .to else { return nil }
        // the direction: a move word in the clause, or the "to" word itself (升至, 貶至, 跌至)
        let word = text.foldedText(nearest.start, nearest.end)
        var up: Bool? = before.first { ($0.cue.role == .up || $0.cue.role == .down) && $0.start == nearest.start && $0.end == nearest.end }.map { $0.cue.role == .up }
        if up == nil, word.contains("升") || word.contains("涨") || word.contains("扬") { up = true }
        if up == nil, word.contains("贬") || word.contains("跌") || word.contains("降") { up = false }
        if up == nil, let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }) { up = move.cue.role == .up }
        guard let rising = up else { return nil }
        return rising != namedIsQuote ? "high" : "low"
    }

    /// 高點, 最高價, 新高 (or 低點, 最低價, 新低) right after the figure, past 的 and a few words (X點的歷史高點,
    /// X美元的今年最高價): "high" or "low", else nil. Not across punctuation, a number or a move word.
    var extremeNamedAfter: String? {
        var k = q.end
        let limit = min(q.end + 9, sentenceEnd)
        while k < limit {
            let c = text[k]
            if Interpreter.clauseEnds.contains(c) || Interpreter.sentenceEnds.contains(c) || NumeralChar.isASCIIDigit(c) { return nil }
            if FigureContext.highWordsAfter.contains(where: { text.matches($0, at: k) }) { return "high" }
            if FigureContext.lowWordsAfter.contains(where: { text.matches($0, at: k) }) { return "low" }
            k += 1
        }
        return nil
    }
    static let highWordsAfter = Words.folded(["高點", "高價", "最高水平", "新高", "高位", "高峰"])
    static let lowWordsAfter = Words.folded(["低點", "低價", "最低水平", "新低", "低位", "低谷"])

    /// Whether a bare 報/成為 level is the close: the sentence says so (收盤, 收在, 收高), or the teaser
    /// reports a close (收跌, 終場…) and this sentence is not about the session (盤初, 盤中).
    var closingSentence: Bool {
        if sentenceHits().contains(where: { $0.cue.role == .closeContext || $0.cue.role == .close }) { return true }
        if sentenceHits().contains(where: { ($0.cue.role == .up || $0.cue.role == .down) && text[$0.start] == 0x6536 }) { return true }   // 收高 收跌
        if sentenceHits().contains(where: { $0.cue.role == .intraday }) { return false }
        return interpreter.teaserReportsClose(teaser)
    }

    /// close/open/high/low/level named next to the figure; nil when the nearest cue is a move.
    /// `toIsClose`: whether 報/至 in a closing report mean the close (indices), or only in a sentence that says so itself (exchange rates, commodities).
    /// `extremesNamedAfter`: whether 高點/低點 after a touch name the figure's extreme (not for a currency,
    /// whose high may be the pair's low).
    func marketLevelMetric(toIsClose: Bool = true, extremesNamedAfter: Bool = true) -> String? {
        if let a = after.first(where: { $0.cue.role == .closeAfter || $0.cue.role == .openAfter }) {
            return a.cue.role == .closeAfter ? "close" : "open"
        }
        for hit in before {
            switch hit.cue.role {
            case .close: return "close"
            case .open: return "open"
            case .high: return "high"
            case .low: return "low"
            case .level, .to:
                if let extreme = before.first(where: { $0.cue.role == .high || $0.cue.role == .low }) { return extreme.cue.role == .high ? "high" : "low" }
                // 恒生指數半日報25300, 午收: the midday print is a level, however the teaser closes
                if hit.cue.role == .level, Words.midday.contains(where: { text.matches($0, at: hit.start) }) { return "level" }
                // 一度暴跌逾18%，至X: the clause only continues the one before (no move or name of its own), whose
                // 一度 it shares
                // (the clause opens with its to-word: not 目前又回到152.4附近, the level now)
                let continuesClause = hit.start == clauseStart
                    && !before.contains(where: { ($0.cue.role == .up || $0.cue.role == .down) && $0.start < hit.start })
                    && !mentions.contains(where: { $0.start >= clauseStart && $0.end <= q.start })
                let touchedIntraday = before.contains(where: { $0.cue.role == .intraday && $0.start <= hit.start })
                    || (continuesClause && sentenceHits().contains(where: { $0.cue.role == .intraday && $0.start <= hit.start }))
                // 一度攀上X點的歷史高點, 觸及每噸X美元高點: a touch the words after it call a high or a low
                if extremesNamedAfter, let extreme = extremeNamedAfter, touchedIntraday || before.contains(where: { $0.cue.role == .to }),
                   !before.contains(where: { $0.cue.role == .close }) {   // (收在X點的歷史新高 is the close)
                    return extreme
                }
                // 一度升至X is the session's high, 一度跌至X its low (一度暴跌逾18%，至X too): an intraday touch, not a level
                if hit.cue.role == .to, touchedIntraday,
                   let dir = FigureContext.wordDirection(text, hit.start, hit.end) ?? direction
                    ?? sentenceHits().first(where: { ($0.cue.role == .up || $0.cue.role == .down) && $0.start < hit.start }).map({ $0.cue.role == .up ? 1.0 : -1.0 }) {
                    return dir > 0 ? "high" : "low"
                }
                // 開盤後報X, 開市報X: the print the session opened at
                if before.contains(where: { $0.cue.role == .open && $0.start < hit.start }),
                   !before.contains(where: { ($0.cue.role == .up || $0.cue.role == .down) && $0.start > hit.start - 6 && $0.start < hit.start }) {
                    return "open"
                }
                let closedHere = sentenceHits().contains { $0.cue.role == .closeContext || $0.cue.role == .close
                    || (($0.cue.role == .up || $0.cue.role == .down) && text[$0.start] == 0x6536) }   // 收跌 收高
                return (toIsClose ? closingSentence : closedHere) ? "close" : "level"
            case .up, .down: return nil
            default: continue
            }
        }
        // 報1.91元、2.61元和3.85元: a later item of a list takes the list's own metric word
        if listClauseStart < clauseStart,
           let hit = page.cues.firstHit(from: listClauseStart, to: clauseStart, where: { [.close, .open, .level, .to, .up, .down].contains($0.cue.role) }) {
            switch hit.cue.role {
            case .close: return "close"
            case .open: return "open"
            case .level, .to: return closingSentence ? "close" : "level"
            default: return nil
            }
        }
        return nil
    }

    // MARK: exchange rates

    /// The pair a currency name stands for, in market order, and whether the named currency is the quote.
    func pair(for m: Mention) -> (base: String, quote: String, namedIsQuote: Bool) {
        let named = m.entity.id
        // 日圓續貶，兌美元約報156: `兌Y` names the other side of the currency talked about before
        if [0x5151, 0x5BF9].contains(text[m.start - 1]),
           let earlier = mentions.last(where: { $0.entity.kind == .currency && $0.end <= m.start - 1 && $0.start >= sentenceStart && $0.entity.id != named }) {
            return orient(earlier.entity.id, named, namedFirst: true)
        }
        var other = "USD"
        // 新台幣兌美元, 美元兌日圓: two names joined by 兌/對
        if let partner = mentions.first(where: { $0.entity.kind == .currency && $0.start >= m.end && $0.start <= m.end + 2 }),
           m.end < partner.start, [0x5151, 0x5BF9].contains(text[m.end]) {
            other = partner.entity.id
        } else if let partner = mentions.last(where: { $0.entity.kind == .currency && $0.end <= m.start && $0.end >= m.start - 2 }),
                  [0x5151, 0x5BF9].contains(text[partner.end]) {
            // this is the Y of `X兌Y`: X is the currency the sentence talks about
            return orient(partner.entity.id, named, namedFirst: true)
        }
        return orient(named, other, namedFirst: true)
    }

    func orient(_ a: String, _ b: String, namedFirst: Bool) -> (base: String, quote: String, namedIsQuote: Bool) {
        let named = namedFirst ? a : b
        let other = namedFirst ? b : a
        let beforeUSD: Set<String> = ["EUR", "GBP", "AUD", "NZD"]
        var base: String, quote: String
        if named == "USD" { base = "USD"; quote = other == "USD" ? page.locale(at: q.start).localCurrency : other }
        else if other == "USD" { (base, quote) = beforeUSD.contains(named) ? (named, "USD") : ("USD", named) }
        else { base = a; quote = b }
        if beforeUSD.contains(quote), base == "USD" { swap(&base, &quote) }
        return (base, quote, named == quote)
    }

    mutating func fxFigure(_ m: Mention) -> [Observation] {
        let (base, quote, namedIsQuote) = pair(for: m)
        let subject = "\(base)/\(quote)"
        let date = tradingDay
        // the named currency rising moves the pair down when it is the quote; but a move of its 匯率 (韓元對美元匯率
        // …下跌9.9韓元) is a move of the quoted number itself
        // (升值/貶值, 升/貶 are the currency's own worth whatever word stands between: 新台幣匯價升值6.6分)
        let rateWordBetween = (m.end..<q.start).contains { k in Words.exchangeRate.contains { text.matches($0, at: k) } }
        let moveWord = before.first { $0.cue.role == .up || $0.cue.role == .down }
        let numericMove = moveWord.map { hit in !(hit.start..<hit.end).contains { Words.currencyWorth.contains(text[$0]) } } ?? false
        let flip: Double = namedIsQuote && !(rateWordBetween && numericMove) ? -1 : 1
        // 成交金額放大至22.51億美元: turnover, unless a price word stands nearer (成交價最高為31.561元)
        let nearestMetric = before.first { [.turnover, .close, .open, .high, .low, .parity].contains($0.cue.role) }
        if nearestMetric?.cue.role == .turnover, q.unit.isMoney, currency(of: q.unit) != quote || q.value >= 1e6 {
            return [observation(kind: "fx", subject: subject, metric: "turnover", value: q.value, unit: currency(of: q.unit), date: date, rule: "fx turnover", entity: m.entity)]
        }
        switch q.unit {
        case .percentagePoint where q.unitScale == 0.01:
            // 人民幣中間價上調52個基點: a point of an exchange rate is 0.0001
            guard let dir = direction else { reason = "basis points with no direction"; return [] }
            let pips = abs(q.value) / 0.01 * 0.0001
            // 人民幣對美元匯率中間價…上漲91個基點: a parity's move in points is the currency's own worth, whatever
            // rate word stands between (the number fell)
            let metric = parityOrMarketChange
            let pipFlip: Double = metric == "central_parity_change" && namedIsQuote ? -1 : flip
            return [observation(kind: "fx", subject: subject, metric: metric, value: (pips * dir * pipFlip * 1e6).rounded() / 1e6, unit: quote, date: date, rule: "fx move in basis points", entity: m.entity)]
        case .points:
            // 人民幣對美元中間價調貶21點: points of an exchange rate are pips (0.0001; 0.01 for yen and won)
            guard let dir = direction else { reason = "points of an exchange rate with no direction"; return [] }
            let pip = ["JPY", "KRW"].contains(quote) ? 0.01 : 0.0001
            return [observation(kind: "fx", subject: subject, metric: parityOrMarketChange, value: (abs(q.value) * pip * dir * flip * 1e6).rounded() / 1e6, unit: quote, date: date, rule: "fx move in points", entity: m.entity)]
        case .fxMove:
            guard let dir = direction else { reason = "a move in 分/角 with no direction"; return [] }
            return [observation(kind: "fx", subject: subject, metric: "change", value: abs(q.value) * dir * flip, unit: quote, date: date, period: movePeriod, rule: "fx move in 分/角", entity: m.entity)]
        case .percent:
            // the move word must stand between the currency and the figure (日圓升1.36%)
            guard let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }), move.start >= m.end,
                  !before.contains(where: { $0.cue.role == .rate && $0.start >= m.end }) else {
                reason = "a percent with no direction word after the currency"; return []
            }
            let dir: Double = move.cue.role == .up ? 1 : -1
            // 令吉兌新元貶值0.4%: a cross pair is named as its rate is quoted (SGD/MYR, over 1), so the ringgit's
            // fall is that pair's rise
            if let reversed = FigureContext.crossMoveOrientation(base, quote) {
                return [observation(kind: "fx", subject: reversed, metric: "change_pct", value: -abs(q.value) * dir * flip, unit: "pct", date: date, period: movePeriod, rule: "fx move in percent (cross pair as quoted)", entity: m.entity)]
            }
            return [observation(kind: "fx", subject: subject, metric: "change_pct", value: abs(q.value) * dir * flip, unit: "pct", date: date, period: movePeriod, rule: "fx move in percent", entity: m.entity)]
        case .currency, .localYuan:
            let amountCurrency = currency(of: q.unit)
            guard amountCurrency == quote || q.unit == .localYuan else { reason = "an amount not in the pair's quote currency"; return [] }
            // 總市值98兆6906億元, 總結餘2868.82億港元: a sum of money, never a rate (the weakest quotes are in the tens of thousands)
            guard q.value < 1e6 else { reason = "a sum of money, not an exchange rate"; return [] }
            if let extreme = intradayExtreme(namedIsQuote: namedIsQuote) {
                return [observation(kind: "fx", subject: subject, metric: extreme, value: q.value, unit: quote, date: date, rule: "fx intraday \(extreme)", entity: m.entity)]
            }
            // 人民幣中間價轉弱，定於7.0931兌1美元: the parity named earlier in the sentence, no other price word nearer
            if before.contains(where: { $0.cue.role == .parity })
                || sentenceHits().first(where: { [.parity, .close, .open, .high, .low, .closeContext].contains($0.cue.role) })?.cue.role == .parity {
                return [observation(kind: "fx", subject: subject, metric: "central_parity", value: q.value, unit: quote, date: date, rule: "central parity", entity: m.entity)]
            }
            guard var metric = marketLevelMetric(toIsClose: false, extremesNamedAfter: false) else {
                // 日圓升值10.62日圓: a move written in the quote currency
                if let dir = direction, amountCurrency == quote {
                    return [observation(kind: "fx", subject: subject, metric: "change", value: abs(q.value) * dir * flip, unit: quote, date: date, period: movePeriod, rule: "fx move in the quote currency", entity: m.entity)]
                }
                reason = "a rate beside a move word"; return []
            }
            if metric == "high" || metric == "low" {
                metric = extremum(metric, namedIsQuote: namedIsQuote)
            }
            // 每百日圓兌港元5.05: a quote for a hundred units of the base is a hundredth of it for one
            let value = quotedPerHundred ? q.value / 100 : q.value
            // 令吉兌新元3.127: a cross rate is quoted the way its size tells (SGD/MYR, not MYR/SGD)
            let (crossSubject, crossQuote) = FigureContext.crossOrientation(base, quote, value: value)
            var o = observation(kind: "fx", subject: crossSubject ?? subject, metric: metric, value: value, unit: crossQuote ?? quote, date: date, rule: "fx \(metric)", entity: m.entity)
            if metric == "high" || metric == "low" { o.qualifier = nil }   // 最高 named the metric, it is no hedge
            return [o]
        default:
            reason = "unit does not fit an exchange rate"; return []
        }
    }

    /// A move in points of a central parity (中間價下調28點子) is the parity's change, not the market's.
    /// A rate written as so many units of one currency against another (`1歐元對人民幣7.5547元`,
    /// `100日元對人民幣5.0545元`, `人民幣1元對0.56625林吉特`): `unit` is the amount of the first currency (1, 10,
    /// 100…), `quote` the amount of the second right after 對/兌 (and the second's name). The pair is the one
    /// written, first currency as base, the rate per one unit of it; a central parity when the sentence
    /// names one. Nil when the two do not stand so.
    func perUnitQuote(unit: Quantity, quote: Quantity) -> Observation? {
        guard unit.unit.isMoney, quote.unit.isMoney, !unit.isRange, !quote.isRange, quote.start > unit.end, quote.start - unit.end <= 8,
              [1.0, 10, 100, 1000, 10000].contains(unit.value), text[unit.end] == 0x5BF9 || text[unit.end] == 0x5151 else { return nil }   // 对 兑
        // between them only 對/兌 and the second currency's name
        var k = unit.end + 1
        let i = mentions.lowerBound(k, by: \.start)
        if i < mentions.count, mentions[i].start == k, mentions[i].entity.kind == .currency { k = mentions[i].end }
        guard k == quote.start else { return nil }
        func currencyOf(_ x: Quantity) -> String? {
            if case .currency(let iso) = x.unit { return iso.string }
            if let named = page.currencyBeforeAmount[x.start] { return named }
            if let named = mentions.last(where: { $0.entity.kind == .currency && $0.end <= x.start && $0.end >= x.start - 1 }) { return named.entity.id }
            return nil
        }
        guard let base = currencyOf(unit), let quoted = currencyOf(quote), base != quoted else { return nil }
        let head = quote.qualifierStart ?? quote.start
        let parity = sentenceHits().contains { $0.cue.role == .parity } || page.cues.containsHit(from: sentenceStart, to: head) { $0.role == .parity }
        // 1美元兌121.5日圓 in a market report: the dollar's own rules read its price words (high, close…)
        guard parity || unit.value != 1 || (base != "USD" && quoted != "USD") else { return nil }
        // (called with this figure as `quote`: the observation's span is this figure's)
        return observation(kind: "fx", subject: "\(base)/\(quoted)", metric: parity ? "central_parity" : "level",
                           value: (quote.value / unit.value * 1e10).rounded() / 1e10, unit: quoted, date: tradingDay,
                           rule: "fx rate quoted per \(text.text(unit.start, unit.end))", entity: nil)
    }

    var parityOrMarketChange: String {
        if before.contains(where: { $0.cue.role == .parity }) { return "central_parity_change" }
        let hits = sentenceHits()
        if hits.first(where: { [.parity, .close, .level, .open, .high, .low].contains($0.cue.role) })?.cue.role == .parity { return "central_parity_change" }
        // 中間價報6.1282，較前一交易日上漲91個基點: the 報 after the parity quotes it; only a spot market's own
        // price word (收盤, 開盤, 最高…) after the parity makes the move the market's
        guard let parity = hits.first(where: { $0.cue.role == .parity }) else { return "change" }
        let marketWordAfter = hits.contains { [.close, .open, .high, .low].contains($0.cue.role) && $0.start >= parity.end && $0.end - $0.start >= 2 }
        return marketWordAfter ? "change" : "central_parity_change"
    }

    /// `每百日圓`, `每100日元`, `100日圓兌`: the pair is quoted for a hundred units of a currency named in the clause.
    var quotedPerHundred: Bool {
        let words = Words.perHundred
        return (clauseStart..<q.start).contains { k in
            words.contains { w in text.matches(w, at: k) && mentions.contains { $0.entity.kind == .currency && $0.start == k + w.count } }
        }
    }

    /// Rough worth of currencies in dollars (data/currency-magnitudes.tsv).
    static let currencyMagnitudes: [String: Double] = {
        var table: [String: Double] = [:]
        for row in TableFile.rows(named: "currency-magnitudes.tsv") where row.count >= 2 { table[row[0]] = Double(row[1]) }
        return table
    }()

    /// For a pair without the dollar, the reversed pair and its quote when the value fits that order far
    /// better (by the ratio of the currencies' rough worth, in orders of magnitude); nil to keep the pair.
    static func crossOrientation(_ base: String, _ quote: String, value: Double) -> (String?, String?) {
        guard base != "USD", quote != "USD", value > 0, let b = currencyMagnitudes[base], let q = currencyMagnitudes[quote] else { return (nil, nil) }
        let asWritten = abs(log10(value) - log10(b / q)), reversed = abs(log10(value) - log10(q / b))
        return reversed + 0.3 < asWritten ? ("\(quote)/\(base)", base) : (nil, nil)
    }

    /// The other way round of a cross pair (neither side USD) whose rate as written would be under one
    /// (MYR/SGD → SGD/MYR): a move has no figure to tell the orientation by, so the quote's size does.
    static func crossMoveOrientation(_ base: String, _ quote: String) -> String? {
        guard base != "USD", quote != "USD", let b = currencyMagnitudes[base], let q = currencyMagnitudes[quote], b / q < 1 else { return nil }   // (worth in dollars: the rate is b / q)
        return "\(quote)/\(base)"
    }

    /// 最高/最低 name the named currency's strongest and weakest point; the pair's high and low are numeric.
    func extremum(_ said: String, namedIsQuote: Bool) -> String {
        // With both figures in one sentence, compare them.
        let others = page.quantities.within(sentenceStart, sentenceEnd, start: \.start, end: \.end).filter { $0.start != q.start && $0.unit == q.unit }
        for other in others {
            if let role = page.cues.firstHit(from: interpreter.clauseStart(other.start, floor: sentenceStart), to: other.start,
                                             where: { $0.cue.role == .high || $0.cue.role == .low })?.cue.role, (role == .high) != (said == "high") {
                return q.value >= other.value ? "high" : "low"
            }
        }
        if namedIsQuote { return said == "high" ? "low" : "high" }
        return said
    }

    // MARK: single stocks and commodities

    mutating func equity(_ m: Mention) -> [Observation] {
        let date = tradingDay
        // a stock's move is written with the stock: a company named in an earlier clause is someone else's subject
        // (or in an earlier clause of the sentence with no other name between: 台積電收1,550元，上漲30元)
        let between = mentions.contains { $0.start >= m.end && $0.end <= q.start }
        // A、B分別上漲2.2%和1.5%: the names listed before 分別 are each one's subject
        // (or before the 分別 of the list clause just before: 分別上漲3.8%和3.57%，報1.91元和2.61元)
        let listedBeforeRespective = page.cues.firstHit(from: sentenceStart, to: q.start) { $0.cue.role == .respective && $0.start >= m.end } != nil
        // (輝達表示…向OpenAI投資…，股價下跌2.82%: the topic a clause opening with 股價 reaches back to)
        let topicsPrice = clauseOpensWithSharePrice && m.end <= clauseStart
        guard m.start >= clauseStart || !between || listedBeforeRespective || topicsPrice || continuesLastFigure else {
            reason = "a move whose company is not named in its clause"; return []
        }
        let listing = Exchanges.shared.currency(ofListings: m.entity.extra)   // 騰訊收報272.6元: Hong Kong dollars on any page
        if q.unit.isMoney, before.contains(where: { $0.cue.role == .marketcap }) {
            return [observation(kind: "equity", subject: m.entity.id, metric: "market_cap", value: q.value, unit: currency(of: q.unit, bareYuan: listing), date: date, rule: "market capitalisation", entity: m.entity)]
        }
        switch q.unit {
        case .percent:
            guard let dir = direction else { reason = "a percent beside a company with no move or metric word"; return [] }
            return [observation(kind: "equity", subject: m.entity.id, metric: "change_pct", value: abs(q.value) * dir, unit: "pct", date: date, rule: "stock move", entity: m.entity)]
        case .currency, .localYuan:
            // 派發10仙的終期股息: an amount a line of no tracked metric names right after it (股息) is no share price
            if after.contains(where: { ($0.cue.role == .fin || $0.cue.role == .finAfter) && $0.cue.argument == "none" && $0.start - q.end <= 6 }) {
                reason = "an amount the words after it name as a line with no metric (股息)"; return []
            }
            // 成交值新台幣7365.1億元 near a stock: no share costs ten million of anything — but in a list of
            // results (鴻海稅後淨利1,614億元；…緯穎（6669）373億元), a company's bare sum is the result named before
            if q.value >= 1e7, let metric = state.lastResultMetric, companyRightBefore(m),
               !sentenceHits().contains(where: { [.turnover, .marketcap, .volume, .macro].contains($0.cue.role) }) {
                return [observation(kind: "financial", subject: m.entity.id, metric: metric, value: q.value, unit: currency(of: q.unit), period: period,
                                    rule: "company \(metric), the result the teaser named before", entity: m.entity)]
            }
            if q.value >= 1e7 { reason = "a sum of money, not a share's price or move"; return [] }
            if let metric = marketLevelMetric() {
                if metric == "close" || metric == "level" {
                    return [observation(kind: "equity", subject: m.entity.id, metric: "close", value: q.value, unit: currency(of: q.unit, bareYuan: listing), date: date, rule: "stock close", entity: m.entity)]
                }
                // 盤中衝上7825元: a share's session high, low or open has no metric in the spec
                reason = "a share's \(metric) of the session (no spec metric)"; return []
            }
            if let dir = direction {
                return [observation(kind: "equity", subject: m.entity.id, metric: "change", value: abs(q.value) * dir, unit: currency(of: q.unit, bareYuan: listing), date: date, rule: "stock move", entity: m.entity)]
            }
            reason = "an amount beside a company with no metric word"; return []
        default:
            reason = "unit does not fit a stock"; return []
        }
    }

    mutating func commodity(_ m: Mention) -> [Observation] {
        let date = tradingDay
        switch q.unit {
        case .percent:
            guard let dir = direction else { reason = "a percent with no direction word"; return [] }
            return [observation(kind: "commodity", subject: m.entity.id, metric: "change_pct", value: abs(q.value) * dir, unit: "pct", date: date, period: movePeriod, rule: "commodity move", entity: m.entity)]
        case .currency, .localYuan:
            let unit = currency(of: q.unit) == page.locale(at: q.start).localCurrency && q.unit == .localYuan ? m.entity.extra : currency(of: q.unit)
            if let metric = marketLevelMetric(toIsClose: false) {   // close, level, open, high or low, as for an index
                return [observation(kind: "commodity", subject: m.entity.id, metric: metric, value: q.value, unit: unit, date: date, rule: "commodity \(metric)", entity: m.entity)]
            }
            if let dir = direction {
                return [observation(kind: "commodity", subject: m.entity.id, metric: "change", value: abs(q.value) * dir, unit: unit, date: date, rule: "commodity move", entity: m.entity)]
            }
            return [observation(kind: "commodity", subject: m.entity.id, metric: "level", value: q.value, unit: unit, date: date, rule: "commodity level", entity: m.entity)]
        default:
            reason = "unit does not fit a commodity"; return []
        }
    }
}
