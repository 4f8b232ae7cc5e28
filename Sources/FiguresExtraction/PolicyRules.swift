import FiguresText
import FiguresQuantities

/// Company results, the economy, interest rates and tariffs.
extension FigureContext {
    static let moneyMetrics: Set<String> = ["revenue", "net_income", "operating_income", "eps", "loss", "revenue_impact",
                                            "net_loss", "eps_loss", "operating_loss"]
    /// A result named as a loss is its metric's negative (稅後淨損28.7億元: net_income −2.87e9; 每股淨損0.45元:
    /// eps −0.45); the spec's `loss` is a cost or hit (損失), not a result.
    static let lossOf: [String: String] = ["net_loss": "net_income", "eps_loss": "eps", "operating_loss": "operating_income"]
    /// The currency a company's results in bare 元 are in, by where it is listed: Taiwan (.TW, .TWO) in New
    /// Taiwan dollars, Singapore (.SI) in Singapore dollars, Shanghai and Shenzhen in renminbi. Nil for Hong
    /// Kong listings (many report in renminbi) and for companies with no ticker.
    static func homeYuan(of company: Entity) -> String? {
        guard company.kind == .company else { return nil }
        // any listing of a company decides (300750.SZ|3750.HK, 1211.HK|002594.SZ: a mainland company also listed
        // in Hong Kong reports in renminbi)
        for listing in company.extra.split(separator: "|") {
            guard let dot = listing.lastIndex(of: ".") else { continue }
            switch listing[listing.index(after: dot)...] {
            case "TW", "TWO": return "TWD"
            case "SI": return "SGD"
            case "SS", "SZ", "SH": return "CNY"
            default: continue
            }
        }
        return nil
    }

    /// A net result named right after 每股 is the per-share one (每股分別淨損1.58元: eps −1.58).
    static let perShareForm: [String: String] = ["net_income": "eps", "net_loss": "eps_loss"]
    static let shareMetrics: Set<String> = ["revenue_share", "market_share"]
    static let percentMetrics: Set<String> = ["gross_margin", "operating_margin", "revenue_share", "market_share"]
    static let yearOnYear: Set<String> = Set(["年增", "年減", "年增率", "月增", "月減", "季增", "季減", "增", "減", "成長", "增長", "衰退", "下滑", "大增", "減少", "增加", "下降"].map { ScriptFold.shared.foldedString($0) })
    /// The same words as folded code points, to compare with the text where a cue word was found
    /// without cutting a String out of the page for each cue.
    static let yearOnYearWords: [[UInt32]] = yearOnYear.map { $0.unicodeScalars.map(\.value) }

    /// Whether the folded text in `[start, end)` is one of `yearOnYear` (a cue word's span).
    func isYearOnYear(_ start: Int, _ end: Int) -> Bool {
        FigureContext.yearOnYearWords.contains { $0.count == end - start && text.matches($0, at: start) }
    }

    // MARK: company figures


    /// `1美元約合128.6日元`: the figure is one side of an exchange rate mentioned in passing (the 1, or the
    /// amount it is worth), no amount of the economy's or the company's; the text of the aside, or nil.
    func exchangeRateAside(_ quantities: [Quantity]) -> String? {
        guard q.unit.isMoney else { return nil }
        func joined(_ one: Quantity, _ worth: Quantity) -> Bool {
            guard one.value == 1, one.unit.isMoney, worth.unit.isMoney, worth.start > one.end, worth.start - one.end <= 4 else { return false }
            var k = one.end
            while k < worth.start, text[k] == 0x20 { k += 1 }
            guard let w = PolicyRulesWords.perUnit.first(where: { text.matches($0, at: k) }) else { return false }
            k += w.count
            while k < worth.start, text[k] == 0x20 || text[k] == 0x7D04 || text[k] == 0x7EA6 { k += 1 }   // 約
            return k == worth.start
        }
        guard let i = quantities.firstIndex(where: { $0.start == q.start }) else { return nil }
        if i + 1 < quantities.count, joined(q, quantities[i + 1]) { return text.text(q.start, quantities[i + 1].end) }
        if i > 0, joined(quantities[i - 1], q) { return text.text(quantities[i - 1].start, q.end) }
        return nil
    }

    mutating func financial(_ m: Mention, state: inout Interpreter.TeaserState) -> [Observation] {
        var unit: String? = currency(of: q.unit) ?? (q.unit == .percent ? "pct" : nil)
        // 收入1,928.7億元人民幣，盈利631.3億元: results stated once as 元 + currency keep that currency
        if case .currency(let iso) = q.unit, (q.start..<q.end - 1).contains(where: { text[$0] == 0x5143 }) {
            state.resultsCurrency = iso.string
        } else if q.unit == .localYuan, let declared = state.resultsCurrency {
            unit = declared
        } else if q.unit == .localYuan, page.declaredCurrency[teaserIndex] == nil, page.currencyBeforeAmount[q.start] == nil,
                  let home = FigureContext.homeYuan(of: m.entity) {
            unit = home   // 鴻海…營收2兆589.49億元 on any page: a Taiwan-listed company's 元 is the New Taiwan dollar
        } else if q.unit == .localYuan, page.declaredCurrency[teaserIndex] == nil, let regional = page.regionalYuan[teaserIndex],
                  page.currencyBeforeAmount[q.start] == nil,
                  !(mentions.contains { $0.entity.kind == .currency && $0.end >= (q.qualifierStart ?? q.start) - 1 && $0.end <= q.start }) {
            unit = regional
        }
        if let a = after.first(where: { $0.cue.role == .finAfter }), q.unit.isMoney {
            let (metric, value) = FigureContext.signed(a.cue.argument, q.value)
            return [observation(kind: "financial", subject: m.entity.id, metric: metric, value: value, unit: unit, period: period, rule: "company figure named after it", entity: m.entity)]
        }
        let hits = sentenceHits()
        let fins = hits.filter { $0.cue.role == .fin }
        if q.unit.isMoney {
            // a sum of a hundred thousand or more is no per-share figure: the result named before the per-share
            // word is what it states (盈餘6.54億美元，即每股盈餘27美分，去年同期為4億8900萬美元)
            let perShare = abs(q.value) >= 1e5 ? fins.first { $0.cue.argument != "eps" && $0.cue.argument != "eps_loss" } : fins.first
            guard var fin = perShare, FigureContext.moneyMetrics.contains(fin.cue.argument) else {
                reason = "an amount with no company metric named next to it"; return []
            }
            // 每股分別淨損1.58元, 每股則賺0.5元: a result word a few characters after 每股 is per share
            // (淨賺358萬令吉或每股1.38仙: or 每股 right before the figure, after the result word — 每股為 too,
            // not 每股派 or 每股淨值)
            if abs(q.value) < 1e4, let perShareResult = FigureContext.perShareForm[fin.cue.argument],
               (max(clauseStart, fin.start - 6)..<max(clauseStart, fin.start)).contains(where: { text.matches(Words.perShare, at: $0) })
                || perShareRightBefore(after: fin.end) {
                fin.cue.argument = perShareResult
            }
            // 其中雲端記憶體銷售額52.8億美元, 大中華地區收益6,502億日圓: a business line's or region's revenue
            if fin.cue.argument == "revenue", let segment = segmentBefore(fin.start) {
                state.lastSegment = (segment, sentenceStart, m.entity.id)
                return [observation(kind: "financial", subject: m.entity.id, metric: "segment_revenue", value: q.value, unit: unit, target: segment,
                                    period: period, rule: "company segment revenue (\(segment))", entity: m.entity)]
            }
            // 股價1495元 in a sentence about revenue: a company's result is never a few thousand units of money
            if ["revenue", "net_income", "net_loss", "operating_income", "operating_loss", "loss"].contains(fin.cue.argument), abs(q.value) < 1e4 {
                reason = "an amount too small for a company's result (a price)"; return []
            }
            let (metric, value) = FigureContext.signed(fin.cue.argument, q.value)
            if value > 0 { state.lastResultMetric = metric }
            return [observation(kind: "financial", subject: m.entity.id, metric: metric, value: value, unit: unit, period: period, rule: "company \(fin.cue.argument)", entity: m.entity)]
        }
        // 每股虧損0.68分: cents (分, 角) of the local currency, per share
        if q.unit == .fxMove, let fin = fins.first, ["eps", "eps_loss"].contains(fin.cue.argument) {
            let (metric, value) = FigureContext.signed(fin.cue.argument, q.value)
            return [observation(kind: "financial", subject: m.entity.id, metric: metric, value: value,
                                unit: FigureContext.homeYuan(of: m.entity) ?? page.locale(at: q.start).localCurrency,
                                period: period, rule: "company \(fin.cue.argument) in cents", entity: m.entity)]
        }
        guard q.unit == .percent else { reason = "unit does not fit a company figure"; return [] }
        // A year-on-year change of the amount named before: 營收…，年減4.4%
        if let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }),
           isYearOnYear(move.start, move.end) || move.cue.role == .up || move.cue.role == .down,
           let base = fins.first(where: { FigureContext.moneyMetrics.contains($0.cue.argument) }),
           !fins.contains(where: { FigureContext.percentMetrics.contains($0.cue.argument) && $0.start > base.start && $0.start >= clauseStart }),
           base.cue.argument == "revenue" || base.cue.argument == "net_income" {
            let dir: Double = move.cue.role == .up ? 1 : -1
            // 月增/季增 compare with the month or quarter before, not the year: no spec metric for them
            let word = text.foldedText(move.start, move.end)
            if word.hasPrefix("月") || word.hasPrefix("季") { reason = "a change on the month or quarter before"; return [] }
            return [observation(kind: "financial", subject: m.entity.id, metric: "\(base.cue.argument)_change_pct", value: abs(q.value) * dir, unit: "pct", period: period, rule: "year-on-year change of \(base.cue.argument)", entity: m.entity)]
        }
        guard let fin = fins.first(where: { FigureContext.percentMetrics.contains($0.cue.argument) }) else {
            reason = "a percent with no company metric named"; return []
        }
        var target: String? = nil
        if FigureContext.shareMetrics.contains(fin.cue.argument) {
            guard let t = shareTarget(of: m, cue: fin, state: state) else {
                reason = "a share with no market or customer named"; return []
            }
            target = t
        }
        return [observation(kind: "financial", subject: m.entity.id, metric: fin.cue.argument, value: q.value, unit: "pct", target: target, period: period, rule: "company \(fin.cue.argument)", entity: m.entity)]
    }

    /// What a revenue or market share is of: the country or customer named between the company and the
    /// share word (蘋果佔台積電營收比重25%); else the product or business line written right before the
    /// share word (DRAM市佔率, IT面板占比); else the market the sentence names before it (在全球HBM市場，
    /// SK海力士市佔率57%). Nil when the words name none.
    func shareTarget(of company: Mention, cue: CueHit, state: Interpreter.TeaserState) -> String? {
        if let t = mentions.last(where: { $0.start >= company.end && $0.end <= cue.start && [.country, .company].contains($0.entity.kind) }) {
            return t.entity.id
        }
        // 高效能運算占比57%，智慧型手機30%: a later item of the list names its own line in its clause
        if cue.start < clauseStart {
            let head = q.qualifierStart ?? q.start
            let s = nameStart(clauseStart, end: head, leading: Words.segmentLeading)
            if head - s >= 2, head - s <= 10, (s..<head).allSatisfy({ PageAnalysis.isHan(text[$0]) || PageAnalysis.isLatin(text[$0]) }) {
                return text.text(s, head)
            }
        }
        if let line = segmentBefore(cue.start) { return line }
        // X市場 earlier in the sentence: the run of letters before 市場, without 在/全球 before it
        var k = cue.start - 2
        while k >= sentenceStart {
            if text.matches(Words.market, at: k), isTopic(after: k + Words.market.count, shareCue: cue.start),
               let market = marketNamed(endingAt: k) { return market }
            k -= 1
        }
        // DRAM營收135億美元，市佔率32.6%: the business line whose revenue the sentence just gave
        if let last = state.lastSegment, last.sentence == sentenceStart, last.company == company.entity.id { return last.name }
        return nil
    }

    /// Whether the market word ending at `p` is the topic of what follows (全球HBM市場，…; DRAM市場方面，…;
    /// DRAM市場市佔率), not part of another word (記憶體市場報告).
    private func isTopic(after p: Int, shareCue: Int) -> Bool {
        var k = p
        for w in Words.topicEnding where text.matches(w, at: k) { k += w.count; break }
        return k == shareCue || Interpreter.clauseEnds.contains(text[k]) || text[k] == 0x3A || text[k] == 0xFF1A
    }

    /// The market's name written right before `市場` at `end` (全球HBM市場 → HBM), nil when there is none.
    private func marketNamed(endingAt end: Int) -> String? {
        var s = end
        while s > sentenceStart, end - s < 12, PageAnalysis.isHan(text[s - 1]) || PageAnalysis.isLatin(text[s - 1]),
              !mentions.contains(where: { $0.end == s }) { s -= 1 }
        s = nameStart(s, end: end, leading: Words.marketLeading)
        guard end - s >= 2 || (s..<end).allSatisfy({ PageAnalysis.isLatin(text[$0]) }) && end > s else { return nil }
        if (s..<end).contains(where: { NumeralChar.isASCIIDigit(text[$0]) || NumeralChar.isChineseNumeral(text[$0]) }) { return nil }
        return text.text(s, end)
    }

    /// Where a name written from `s` to `end` starts: past the words of `leading` (其中, 在全球) and a period
    /// phrase (上季DRAM營收, 第四季度的IT面板占比, 第4季全球DRAM市場), which name no business line or market.
    func nameStart(_ start: Int, end: Int, leading: [[UInt32]]) -> Int {
        var s = start
        if let p = periodHits.last(where: { $0.start < end && $0.end > s && $0.end < end }) {
            s = p.end
            if text.matches(Words.quarterSuffix, at: s) { s += 1 }   // 第四季度
        }
        var moved = true
        while moved {
            moved = false
            for w in leading where text.matches(w, at: s) && s + w.count <= end { s += w.count; moved = true }
        }
        return s
    }

    /// The business line or region named right before a revenue word, as written: the run of characters
    /// after the clause's last name or connective, with no numeral (a period) and no word of the whole
    /// company's revenue (合併, 總, 全年, 集團…); nil when the revenue is the company's.
    func segmentBefore(_ cueStart: Int) -> String? {
        // the revenue word's clause (智能手機遊戲收入按年升五成四，增至148億元: named a clause before the figure)
        var s = cueStart >= clauseStart ? clauseStart : interpreter.clauseStart(cueStart, floor: sentenceStart)
        if let last = mentions.last(where: { $0.end <= cueStart && $0.end > s }) { s = last.end }
        var k = cueStart
        while k > s, PageAnalysis.isHan(text[k - 1]) || PageAnalysis.isLatin(text[k - 1]) { k -= 1 }
        s = max(s, k)
        s = nameStart(s, end: cueStart, leading: Words.segmentLeading)
        guard cueStart - s >= 2, cueStart - s <= 10 else { return nil }
        for i in s..<cueStart where NumeralChar.isASCIIDigit(text[i]) || NumeralChar.isChineseNumeral(text[i]) { return nil }
        if (s..<cueStart).contains(where: { k in Words.wholeCompanyRevenue.contains { text.matches($0, at: k) && k + $0.count <= cueStart } }) { return nil }
        // 儲能電池全球市佔率: the scope word after the line's name is not part of it
        var e = cueStart
        for w in Words.segmentTrailing where text.matches(w, endingAt: e) && e - w.count - s >= 2 { e -= w.count; break }
        return text.text(s, e)
    }

    /// The spec's metric and signed value for a company-figure cue (a loss is a negative result).
    static func signed(_ argument: String, _ value: Double) -> (String, Double) {
        guard let metric = lossOf[argument] else { return (argument, value) }
        return (metric, -abs(value))
    }

    // MARK: the economy

    /// Where the figure's clause ends.
    var clauseEnd: Int {
        var e = q.end
        while e < sentenceEnd, !Interpreter.clauseEnds.contains(text[e]) || text[e] == 0x3001 { e += 1 }
        return e
    }

    /// `metric`: the metric a rule has already read from the words (the economy moving: gdp_growth), in
    /// place of the metric word of the sentence.
    /// Words after a trade metric that name its growth rate (進口增速, 出口年增率).
    static let growthRateWords = Words.folded(["增速", "增幅", "增長率", "年增率", "增長速度", "年增幅", "按年增幅"])

    /// A cue right after a verb that leaves it out (剔除通膨, 扣除季節因素), within its clause — not after
    /// 不 (不排除GDP放緩: nothing is left out).
    func isLeftOut(_ hit: CueHit) -> Bool {
        Words.excluding.contains { w in
            (0...2).contains { gap in
                hit.start - gap - w.count >= clauseStart && text.matches(w, endingAt: hit.start - gap) && text[hit.start - gap - w.count - 1] != 0x4E0D
            }
        }
    }

    /// 每股 stands right before the figure (每股1.38仙), or with 為/達/約 between (每股為0.5元), after `floor`.
    func perShareRightBefore(after floor: Int) -> Bool {
        let head = q.qualifierStart ?? q.start
        if head - 2 >= floor, text.matches(Words.perShare, at: head - 2) { return true }
        return head - 3 >= floor && text.matches(Words.perShare, at: head - 3) && Words.beforePerShareFigure.contains(text[head - 1])
    }

    mutating func macro(country: String, entity: Entity?, partner: String? = nil, quantities: [Quantity] = [], metric named: String? = nil) -> [Observation] {
        if let aside = exchangeRateAside(quantities) { reason = "an exchange rate given in passing (\(aside))"; return [] }
        if let goods = goodsATariffCovers { reason = "the value of the goods a tariff covers (\(goods)), not the economy's trade"; return [] }
        // 明年為3.67%: a figure for a year still to come is a forecast
        if let p = period, let year = Int(p.prefix(4)), year > state.anchor.year {
            reason = "a figure for a later period (\(p)): a forecast"; return []
        }
        let hits = sentenceHits()
        // (GDP在剔除通膨與季節因素後萎縮0.9%: a metric left out is not the figure's)
        guard var cue = named.map({ CueHit(cue: Cue(role: .macro, argument: $0), start: q.start, end: q.start) })
                ?? hits.first(where: { $0.cue.role == .macro && !isLeftOut($0) }) else { reason = "no economic metric named"; return [] }
        // 對美出口比重增至30.9%: the word nearest the figure names a share or quantity the spec does not track
        if let nearest = before.first(where: { ![.up, .down, .to, .level, .from].contains($0.cue.role) }), nearest.cue.role == .untracked {
            reason = "a share or quantity the spec does not track (\(text.text(nearest.start, nearest.end)))"; return []
        }
        // 第1季則修正為萎縮0.6%: with no metric word in its clause, an economy that shrinks or expands is its output's
        // growth, whatever metric an earlier clause named (核心通膨率也從2.5%上修至2.6%；…)
        if q.unit == .percent, !before.contains(where: { $0.cue.role == .macro && !isLeftOut($0) }),
           let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }),
           Words.economyMoves.contains(where: { text.matches($0, at: move.start) }) {
            var growth = cue
            growth.cue = Cue(role: .macro, argument: "gdp_growth")
            cue = growth
        }
        // 出口2.1万亿元、进口1.6万亿元，分别同比增长1.7%和0.6%: figures after 分別 pair with the metrics before it
        if let respective = before.first(where: { $0.cue.role == .respective }) {
            let metrics = hits.filter { $0.cue.role == .macro && $0.end <= respective.start }.reversed().map { $0 }
            let figures = quantities.filter { $0.start >= respective.end && $0.start < clauseEnd }
            if figures.count >= 2, metrics.count >= figures.count, let k = figures.firstIndex(where: { $0.start == q.start }) {
                cue = Array(metrics.suffix(figures.count))[k]
            }
        }
        var metric = cue.cue.argument
        var value = q.value
        // 逆差7545億日元: a deficit is a negative trade balance
        if metric == "trade_deficit" { metric = "trade_balance"; value = -abs(value) }
        if q.unit == .percent {
            switch metric {
            case "exports", "imports":
                // 進口增速由9月的7.4%放緩至1%: a growth rate named is the figure itself, signed as written
                let namedRate = FigureContext.growthRateWords.contains { text.matches($0, at: cue.end) }
                guard let dir = direction ?? (namedRate ? (q.value < 0 ? -1 : 1) : nil) else { reason = "a percent of trade with no direction"; return [] }
                metric += "_change_pct"; value = namedRate && direction == nil ? q.value : abs(value) * dir
            case "gdp_growth", "cpi", "core_cpi":
                // 降至2.4%, 回落至1.8%: the level reached, not a fall (a growth rate is negative only when written so)
                let reached = before.first { [.up, .down, .to].contains($0.cue.role) }?.cue.role == .to
                if !reached, let dir = direction, before.contains(where: { $0.cue.role == .down }) || q.explicitSign { value = abs(value) * dir }
            case "gdp_share": break
            default:
                reason = "a percent of \(metric)"; return []
            }
        } else if q.unit.isMoney {
            guard ["exports", "imports", "trade_balance"].contains(metric) else { reason = "an amount of \(metric)"; return [] }
            // 進口增加196億美元至2,616億美元: the amount after the move word is the change, the one after 至 the level
            if let move = before.first, move.cue.role == .up || move.cue.role == .down, move.end >= (q.qualifierStart ?? q.start) - 1,
               let next = quantities.first(where: { $0.start > q.end }), next.unit.isMoney,
               text[q.end] == 0x81F3 || text[q.end] == 0x5230, next.start - q.end <= 2 {   // 至, 到
                reason = "the change of an amount whose level follows (增加X至Y)"; return []
            }
        } else {
            reason = "unit does not fit an economic figure"; return []
        }
        let unit = q.unit == .percent ? "pct" : currency(of: q.unit)
        var rule = "economy \(metric)"
        if entity == nil { rule += " (country from the page's locale)" }
        return [observation(kind: "macro", subject: country, metric: metric, value: value, unit: unit, target: partner, period: period, rule: rule, entity: entity)]
    }

    // MARK: interest rates

    mutating func rate(_ m: Mention, state: Interpreter.TeaserState, quantities: [Quantity]) -> [Observation] {
        // the rate named nearest before the figure, or the k-th of the rates listed before 分別
        let named = respectiveCue(.rate, quantities: quantities) ?? sentenceHits().first { $0.cue.role == .rate }
        var family = m.entity.kind == .yield ? "yield" : (named?.cue.argument ?? state.rateFamily ?? "policy")
        // 開展3000億元MLF操作，中標利率為2.0%: a bare 利率 is the rate of the facility the sentence names
        if family == "policy", let named, named.end - named.start <= 2,
           sentenceHits().contains(where: { $0.cue.role == .rate && $0.cue.argument == "facility" }) {
            family = "facility"
        }
        // 1年期/5年期以上 are loan prime rates only where LPR is the topic
        if family.hasPrefix("lpr") {
            let lprHere = interpreter.teaserMentionsLPR(teaser)
            // 一年期存款利率: without LPR in the teaser the tenor names no family; the next rate word does
            let next = sentenceHits().first { $0.cue.role == .rate && !$0.cue.argument.hasPrefix("lpr") }?.cue.argument
            if !lprHere { family = next ?? state.rateFamily.flatMap { $0.hasPrefix("lpr") ? nil : $0 } ?? "policy" }
            else if family == "lpr" { family = sentenceHits().first { $0.cue.role == .rate && $0.cue.argument.hasPrefix("lpr_") }?.cue.argument ?? "lpr_1y" }
        }
        // a commercial bank has no policy rate: its 加息/減息 and bare 利率 are its prime or deposit rate
        if family == "policy", m.entity.kind == .bank || m.entity.kind == .company {
            guard let own = bankRateFamily(state) else { reason = "a bank's rate the words do not name (prime or deposit)"; return [] }
            family = own
        }
        let level: String
        switch family {
        case "policy": level = "policy_rate"
        case "deposit": level = "deposit_rate"
        case "prime": level = "prime_rate"
        case "rrr": level = "rrr"
        case "yield": level = "yield"
        case "lpr_1y", "lpr_5y": level = family
        case "secured_lending", "short_term_lending": level = family + "_rate"   // a central bank's other official rates
        default:
            reason = "a rate the spec does not track (\(family))"; return []
        }
        let date = rateDay
        // 不動產貸款占比由…37.61%: a share named nearer than any rate word is no rate
        if let fin = before.first(where: { $0.cue.role == .fin }),
           !before.contains(where: { $0.cue.role == .rate && $0.start > fin.start }) {
            reason = "a company or loan share, not a rate"; return []
        }
        if q.unit == .percent, !sentenceHits().contains(where: { $0.cue.role == .rate }) {
            reason = "a percent with no rate named in its sentence"; return []
        }
        let nearestMoveOrTo = before.first { [.up, .down, .to, .level, .close].contains($0.cue.role) }
        // 升息3碼0.75%: the percent right after a move in 碼 or points states the same move again
        if q.unit == .percent, let k = quantities.firstIndex(where: { $0.start == q.start }), k > 0,
           quantities[k - 1].end == (q.qualifierStart ?? q.start), quantities[k - 1].unit == .percentagePoint, quantities[k - 1].value == q.value {
            reason = "the move before it, restated in percent"; return []
        }
        // 加息0.25%, 調高隔夜政策利率0.25%: a percent right after a move word (rate words between, no 至/為)
        // is the move in points; 降至0.25% and 為0.25% are levels
        let percentMove = (q.unit == .percent || q.unit == .li) && (nearestMoveOrTo.map { move in
            (move.cue.role == .up || move.cue.role == .down) && (q.qualifierStart ?? q.start) - move.end <= 8
                && !(move.end..<(q.qualifierStart ?? q.start)).contains { Words.levelLinks.contains(text[$0]) || Interpreter.clauseEnds.contains(text[$0]) }
        } ?? listedAfterMove)
        // 調高隔夜政策利率0.25%至2.50%, 上調0.25厘至5.625厘: the move, then the level it reached — not a target range
        if percentMove, let high = q.high, high > 2 * q.value, let dir = direction {
            var move = observation(kind: "rate", subject: m.entity.id, metric: "\(level)_change", value: abs(q.value) * dir, unit: "pp", date: date, rule: "rate move in percent, then its level (\(family))", entity: m.entity)
            // (each one figure, not the range: observation() would sign and order the ends as a range's)
            move.value = abs(q.value) * dir
            move.valueHigh = nil
            var reached = observation(kind: "rate", subject: m.entity.id, metric: level, value: high, unit: "pct", date: date, rule: "rate level after its move (\(family))", entity: m.entity)
            reached.value = high
            reached.valueHigh = nil
            return [move, reached]
        }
        let isMove: Bool
        switch q.unit {
        case .percentagePoint: isMove = true
        case .li: isMove = nearestMoveOrTo.map { $0.cue.role == .up || $0.cue.role == .down } ?? false
        case .percent: isMove = percentMove && q.high == nil
        default:
            reason = "unit does not fit an interest rate"; return []
        }
        if isMove {
            guard let dir = direction else { reason = "a rate move with no direction"; return [] }
            // 存貸款基準利率各下調0.27個百分點: each of the deposit and the lending (policy) rate moved by it
            if m.entity.kind == .centralBank, family == "policy" || family == "deposit", movesEach,
               text.containsFolded(Words.depositAndLending, from: sentenceStart, to: q.start)
                || text.containsFolded(Words.deposit, from: sentenceStart, to: q.start) && text.containsFolded(Words.lending, from: sentenceStart, to: q.start) {
                return ["deposit_rate", "policy_rate"].map { level in
                    observation(kind: "rate", subject: m.entity.id, metric: "\(level)_change", value: abs(q.value) * dir, unit: "pp", date: date,
                                rule: "rate move of deposit and lending rates each (\(level))", entity: m.entity)
                }
            }
            return [observation(kind: "rate", subject: m.entity.id, metric: "\(level)_change", value: abs(q.value) * dir, unit: "pp", date: date, rule: "rate move (\(family))", entity: m.entity)]
        }
        return [observation(kind: "rate", subject: m.entity.id, metric: level, value: q.value, unit: "pct", date: date, rule: "rate level (\(family))", entity: m.entity)]
    }

    /// 分別加息0.25%、0.5%: a figure listed after another right after a move word (no to- or level word
    /// between) is a move too.
    var listedAfterMove: Bool {
        guard listClauseStart < clauseStart, Interpreter.isListJoiner(text[clauseStart - 1]),
              let move = interpreter.page.cues.firstHit(from: listClauseStart, to: clauseStart, where: { $0.cue.role == .up || $0.cue.role == .down })
        else { return false }
        return !interpreter.page.cues.containsHit(from: move.end, to: q.qualifierStart ?? q.start) { [.to, .level, .close].contains($0.role) }
    }

    /// 各下調0.27個百分點, 各0.27個百分點: the move applies to each rate named (each = 各 before the move or the figure).
    var movesEach: Bool {
        let head = q.qualifierStart ?? q.start
        if text[head - 1] == 0x5404 { return true }   // 各
        guard let move = before.first(where: { $0.cue.role == .up || $0.cue.role == .down }), head - move.end <= 1 else { return false }
        return text[move.start - 1] == 0x5404
    }

    /// A term of months or years (3個月, 1年期, 半年): a deposit's.
    func isTerm(_ x: Quantity) -> Bool {
        guard case .measure(let m) = x.unit, m == UnitCode("time") else { return false }
        return (x.start..<min(x.end + 1, text.count)).contains { text[$0] == 0x6708 || text[$0] == 0x5E74 }   // 月 年
    }

    /// Which of a commercial bank's rates a generic rate word means: the prime or deposit rate named
    /// in the sentence, else earlier in the teaser; in Hong Kong a bank's 加息/減息 moves its prime rate.
    func bankRateFamily(_ state: Interpreter.TeaserState) -> String? {
        if let named = sentenceHits().first(where: { $0.cue.role == .rate && ["prime", "deposit"].contains($0.cue.argument) }) {
            return named.cue.argument
        }
        // 3個月加至2.2厘, 1年期維持在2.5厘: a bank's rate for a term is a deposit rate (the prime rate has none)
        if page.quantities.within(clauseStart, q.qualifierStart ?? q.start, start: \.start, end: \.end).contains(where: isTerm) { return "deposit" }
        if let family = state.rateFamily, ["prime", "deposit"].contains(family) { return family }
        if interpreter.teaserCues(teaser).contains(where: { $0.cue.role == .rate && $0.cue.argument == "prime" }) { return "prime" }
        return page.locale(at: q.start) == .hongKong ? "prime" : nil
    }

    /// The day of a rate decision: a day named in the sentence unless it is when the move takes effect
    /// (下周一（11月3日）開始把…調低): then the teaser's day, the announcement.
    var rateDay: Day {
        let dates = state.dates.filter { $0.start >= sentenceStart && $0.end <= q.start && ($0.day != nil || $0.weekday != nil || $0.relative != nil) }
        for d in dates.reversed() {
            // 由9月28日（星期五）起: past a bracket after the day
            var p = d.end
            if text[p] == 0x28 || text[p] == 0xFF08 {
                var k = p + 1
                while k < q.start, k - p < 8, text[k] != 0x29, text[k] != 0xFF09 { k += 1 }
                if k < q.start, text[k] == 0x29 || text[k] == 0xFF09 { p = k + 1 }
            }
            let after = (p..<min(p + 3, q.start))
            if after.contains(where: { k in Words.effective.contains { text.matches($0, at: k) } }) { continue }
            if [0x4E0B, 0x4E0A].contains(text[d.start - 1]) { continue }   // 下周一, 上周五
            if let resolved = interpreter.resolve(d, in: state) { return resolved }
        }
        return state.anchor
    }

    // MARK: tariffs

    mutating func tariff(quantities: [Quantity], state: inout Interpreter.TeaserState) -> [Observation]? {
        let hits = page.cues.hitsBefore(from: listClauseStart, to: q.qualifierStart ?? q.start)
        // economy-wide and company figures inside tariff news keep their own rules
        if sentenceHits().contains(where: { $0.cue.role == .macro && $0.cue.argument == "gdp_share" }) { return nil }
        // a company's metric or a quantity the spec does not track (產能, 銷量) is what the figure measures
        if hits.contains(where: { $0.cue.role == .fin || $0.cue.role == .untracked }) { return nil }
        // 受關稅衝擊…，對美出口年減12%: a trade metric nearest before the figure, no tariff word between, measures the economy
        // (關稅豁免…涵蓋馬國對美出口的46.5%: the share of exports a tariff exempts stays a tariff figure)
        if let nearest = hits.first(where: { ![.up, .down, .to, .from, .level].contains($0.cue.role) }), nearest.cue.role == .macro,
           !sentenceHits().contains(where: { $0.cue.role == .exempt }) { return nil }
        // 從50%降至15%（下降35%）: the aside after two levels gives the change between them, in points — no rate
        if let move = before.first, move.cue.role == .up || move.cue.role == .down,
           (move.end..<(q.qualifierStart ?? q.start)).allSatisfy({ text[$0] == 0x20 }),
           move.start > 0, text[move.start - 1] == 0x28 || text[move.start - 1] == 0xFF08 {
            reason = "the change between two tariff levels (\(text.text(move.start, move.end))), not a rate"; return []
        }
        // 台灣時間3日, 美國東部時間: a country's clock names a time zone, no party to the duty
        let countries = mentions.filter { m in
            m.entity.kind == .country && !Words.timeZone.contains(where: { text.matches($0, at: m.end) })
        }
        var (levier, duiTarget) = tariffParties(countries)
        // 北京隨即以34%的報復關稅回敬, 國務院關稅稅則委員會…加徵: a government or agency named in the
        // sentence levies, unless a country stands before 對 (X對Y加徵) naming the levier itself
        let government = governmentBefore()
        if !levierNamedBeforeDui(countries), let government { levier = government }
        // 墨西哥國會批准對中國徵收最高50%的關稅。…稅率將達5%至50%不等: a sentence naming no levier continues the
        // teaser's last one, not the default
        let namesLevier = government != nil
            || countries.contains { $0.entity.id == levier && $0.start >= sentenceStart && $0.end <= q.start && !isObjectOfDui($0.start) }
        // (…作為對川普政府向歐盟鋼鋁加徵25%關稅的回應: a last levier the sentence names as the duty's object stays out)
        if !namesLevier, let carried = state.lastTariffLevier,
           !countries.contains(where: { $0.entity.id == carried && $0.start >= sentenceStart && $0.end <= q.start }) { levier = carried }
        var targets = countries.filter { $0.start >= listClauseStart && $0.end <= q.start && $0.entity.id != levier }
        if let t = duiTarget, targets.isEmpty, t.entity.id != levier { targets = [t] }
        if targets.isEmpty {
            // the list the sentence opened with: 歐盟、日本、南韓承諾…，被課15%
            targets = countries.filter { $0.start >= sentenceStart && $0.end <= q.start && $0.entity.id != levier }
        }
        if targets.isEmpty, sentenceHits().contains(where: { $0.cue.role == .tariff }) || teaserHasTariffTitle {
            let carried = state.lastTariffTarget ?? self.state.lastTariffTarget
            // 關稅稅則委員會決定對原產於美國的商品加徵關稅。…對附件1所列商品加徵25%的關稅: the parties of the
            // measure an earlier sentence of the teaser states, when this sentence names neither — unless a
            // figure's target came after that statement
            if let stated = statedTariffPair(countries), stated.targets.last!.start >= carried?.start ?? -1 {
                let namesAny = government != nil || countries.contains { $0.start >= sentenceStart && $0.end <= q.start }
                if !namesAny, let l = stated.levier { levier = l }
                targets = stated.targets.filter { $0.entity.id != levier }
            } else if let carried, carried.entity.id != levier {
                targets = [carried]   // 上汽集團最高、為37.6%: the country of the teaser's measure
            }
        }
        if targets.isEmpty, levier != "US", government != nil, teaserNamesUnitedStates(countries) {
            targets = [Mention(start: q.start, end: q.start, entity: Entity(kind: .country, id: "US"))]   // a retaliation against Washington
        }
        if targets.isEmpty, importsFromEverywhere {
            var world = Entity(kind: .country, id: "WORLD")
            world.source = "a duty on all imports (進口…, 全球)"
            targets = [Mention(start: q.start, end: q.start, entity: world)]
        }
        // 川普宣布10月1日起對所有品牌藥品課徵100%關稅: a duty on a product, its levier named, a tariff word in the
        // figure's clause and no other country in the teaser — on imports from everywhere
        let ownClauseEnd = interpreter.clauseEnd(q.end, ceiling: sentenceEnd)
        if targets.isEmpty, government != nil || countries.contains(where: { $0.entity.id == levier && $0.start >= sentenceStart && $0.end <= q.start }),
           hits.contains(where: { $0.cue.role == .tariff }) || page.cues.containsHit(from: q.end, to: ownClauseEnd, where: { $0.role == .tariff }),
           !countries.contains(where: { $0.entity.id != levier && $0.start >= teaser.start && $0.end <= teaser.end }),
           tariffScope(clauseEnd: ownClauseEnd) != nil {
            var world = Entity(kind: .country, id: "WORLD")
            world.source = "a duty on a product, no country named"
            targets = [Mention(start: q.start, end: q.start, entity: world)]
        }
        // 包括歐盟在內90幾個國家被課10%至50%: the country is one example of a group the rate is not for alone
        targets.removeAll { t in isExampleOfGroup(t) }
        guard !targets.isEmpty else {
            reason = "a tariff with no target named"
            return nil   // other rules may still read it (營收…年減4.4%，主因為關稅衝擊)
        }
        state.lastTariffTarget = targets.last
        // only the items of one list: names joined by 、/和/及/與/以及 next to each other
        targets = listRun(targets)
        let clauseEnd = interpreter.clauseEnd(q.end, ceiling: sentenceEnd)
        // exemption or rate: the nearest tariff word before the figure, else the one after it in its clause
        let isTariffWord = { (h: CueHit) in h.cue.role == .exempt || h.cue.role == .tariff }
        let inClause = hits.first(where: isTariffWord)
        let following = page.cues.hitsBefore(from: q.end, to: clauseEnd).last(where: isTariffWord)
        let exempt = (inClause ?? following ?? sentenceHits().first(where: isTariffWord))?.cue.role == .exempt
        let metric = exempt ? "tariff_exempt_share" : "tariff_rate"
        var qualifierAvg = false
        if text.containsFolded(Words.average, from: listClauseStart, to: q.start) { qualifierAvg = true }
        // 稅率將達5%至50%不等: a rate whose sentence names no day of its own is of the measure the teaser last dated
        let effective = effectiveDate()
        var date = effective ?? day
        if effective == nil, explicitDay == nil, levier == state.lastTariffLevier, let last = state.lastTariffDate { date = last }
        state.lastTariffDate = date
        state.lastTariffLevier = levier
        var out: [Observation] = []
        var seen = Set<String>()
        let scope = tariffScope(clauseEnd: clauseEnd)
        for t in targets where seen.insert(t.entity.id).inserted {
            var o = observation(kind: "tariff", subject: levier, metric: metric, value: q.value, unit: "pct", target: t.entity.id, date: date, rule: "tariff (\(levier) on \(t.entity.id))", entity: t.entity)
            if qualifierAvg && o.qualifier == nil { o.qualifier = "avg" }
            o.scope = scope
            out.append(o)
        }
        return out
    }

    /// `對約2000億美元商品加徵關稅`, `涉及600億美元的輸美產品`: an amount of goods right before a goods word, in a
    /// sentence that names a tariff or a levy, is what the measure covers; the goods word, or nil.
    var goodsATariffCovers: String? {
        guard q.unit.isMoney else { return nil }
        var k = q.end
        if text[k] == 0x7684 { k += 1 }   // 的
        var g = k
        while g < min(k + 4, sentenceEnd), PageAnalysis.isHan(text[g]), !Words.goods.contains(where: { text.matches($0, at: g) }) { g += 1 }
        guard let word = Words.goods.first(where: { text.matches($0, at: g) }), g < min(k + 4, sentenceEnd) else { return nil }
        let levied = (sentenceStart..<sentenceEnd).contains { i in text.matches(Words.tariff, at: i) || Words.levyOnly.contains { text.matches($0, at: i) } }
        return levied ? text.text(g, g + word.count) : nil
    }

    /// A country stands right before a 對/向 whose clause levies (美國對越南加徵…): it is the levier.
    func levierNamedBeforeDui(_ countries: [Mention]) -> Bool {
        for p in stride(from: q.start - 1, through: sentenceStart, by: -1) where text[p] == 0x5BF9 || text[p] == 0x5411 {
            // 土耳其則宣布對中國…: a country in 對's clause, a few words before it
            let floor = max(p - 8, interpreter.clauseStart(p, floor: sentenceStart))
            if countries.contains(where: { $0.end <= p && $0.end >= floor && $0.start >= sentenceStart && !isObjectOfDui($0.start) }) { return true }
        }
        return false
    }

    /// The country of the government word (data/governments.tsv) nearest before the figure in its sentence,
    /// not one that is the object of 對/向.
    func governmentBefore() -> String? {
        var k = q.qualifierStart ?? q.start
        // (美國政府5月率先宣布…；6月土耳其則宣布…: a semicolon parts the measures of two governments)
        let floor = afterLastSemicolon
        while k > floor {
            if let (length, country) = FigureContext.governments.lengthAndPayload(in: text, endingAt: k), !isObjectOfDui(k - length),
               !isFollowedOrAnswered(k - length) {
                // 美商務部: a one-character country right before an agency's name is its country
                let start = k - length
                if start - 1 >= sentenceStart, let abbreviated = Lexicon.shared.countryAbbreviations[text[start - 1]],
                   start - 1 == sentenceStart || !PageAnalysis.isHan(text[start - 2]) {
                    return abbreviated
                }
                return country
            }
            k -= 1
        }
        return nil
    }

    static let governments = WordTable<String>(table: "governments.tsv") { $0.count >= 2 ? ($0[0], $0[1]) : nil }

    func teaserNamesUnitedStates(_ countries: [Mention]) -> Bool {
        countries.contains { $0.entity.id == "US" } || (teaser.start..<teaser.end).contains { i in Words.unitedStates.contains { text.matches($0, at: i) } }
    }

    /// 進口鋼鐵與鋁製品的關稅調升至50%, 對全球課徵15%關稅: a duty on all origins.
    var importsFromEverywhere: Bool {
        (sentenceStart..<(q.qualifierStart ?? q.start)).contains { k in Words.allOrigins.contains { text.matches($0, at: k) } }
    }

    /// What the rate covers (data/tariff-scopes.tsv): the word nearest before it in its sentence, else the
    /// first right after it in its clause (加徵25%的汽車關稅), as written.
    func tariffScope(clauseEnd: Int) -> String? {
        let table = FigureContext.tariffScopes
        let head = q.qualifierStart ?? q.start
        var best: (Int, Int)?
        var k = sentenceStart
        while k < head {
            if let (length, _) = table.lengthAndPayload(in: text, at: k), k + length <= head { best = (k, k + length); k += length } else { k += 1 }
        }
        if best == nil {
            k = q.end
            while k < clauseEnd {
                if let (length, _) = table.lengthAndPayload(in: text, at: k) { best = (k, k + length); break }
                k += 1
            }
        }
        return best.map { text.text($0.0, $0.1) }
    }

    static let tariffScopes = WordTable<Bool>(table: "tariff-scopes.tsv") { $0.isEmpty ? nil : ($0[0], true) }

    /// 敘利亞：41%, 寮國與緬甸：40%, 越南：從46%降至20%: a row of a list of rates (names, a colon, the figure)
    /// under a heading that names a tariff (新對等關稅最高國家包括：), other such lists and their headings
    /// (變動最大的前五名：) possibly between. The walk up is bounded by the teaser and by a few dozen lines.
    var isTariffListRow: Bool {
        guard let rowStart = listRowStart(endingBefore: q.qualifierStart ?? q.start) else { return false }
        var lineEnd = rowStart - 1   // the newline before the row
        var lines = 0
        while lineEnd > teaser.start, lines < 40 {
            lines += 1
            var lineStart = lineEnd
            while lineStart > teaser.start, text[lineStart - 1] != 0x0A { lineStart -= 1 }
            defer { lineEnd = lineStart - 1 }
            var last = lineEnd - 1
            while last >= lineStart, text[last] == 0x20 || text[last] == 0x3000 { last -= 1 }
            if last < lineStart { continue }   // a blank line
            if page.cues.containsHit(from: lineStart, to: lineEnd, where: { $0.role == .tariff }) { return true }
            if text[last] == 0x3A || text[last] == 0xFF1A { continue }   // another list's heading
            if listRowStart(lineStart: lineStart, lineEnd: lineEnd) != nil { continue }   // a row of the list
            return false
        }
        return false
    }

    /// The start of the line holding `position` when that line is a list row: names only (and 、與和及),
    /// then a colon, before `position`.
    private func listRowStart(endingBefore position: Int) -> Int? {
        var lineStart = position
        while lineStart > teaser.start, text[lineStart - 1] != 0x0A, position - lineStart < 40 { lineStart -= 1 }
        guard lineStart == teaser.start || text[lineStart - 1] == 0x0A else { return nil }
        return listRowStart(lineStart: lineStart, lineEnd: position)
    }

    private func listRowStart(lineStart: Int, lineEnd: Int) -> Int? {
        var k = lineStart
        while k < lineEnd, text[k] == 0x20 || text[k] == 0x3000 { k += 1 }
        var names = 0
        while k < lineEnd {
            let i = mentions.lowerBound(k, by: \.start)
            if i < mentions.count, mentions[i].start == k, mentions[i].entity.kind == .country { k = mentions[i].end; names += 1; continue }
            if Interpreter.isListJoiner(text[k]) { k += 1; continue }
            break
        }
        guard names > 0, k < lineEnd, text[k] == 0x3A || text[k] == 0xFF1A else { return nil }
        return lineStart
    }

    var teaserHasTariffTitle: Bool {
        let titleEnd = interpreter.sentenceEnd(teaser.start, ceiling: teaser.end)
        return page.cues.containsHit(from: teaser.start, to: titleEnd) { $0.role == .tariff }
    }

    /// Who levies and on whom: `X對Y加徵…` in the sentence names both (X may be left out);
    /// otherwise the United States when the teaser names it, else the first country the teaser names.
    func tariffParties(_ countries: [Mention]) -> (String, Mention?) {
        for p in stride(from: q.start - 1, through: sentenceStart, by: -1) where text[p] == 0x5BF9 || text[p] == 0x5411 {   // 对 向, nearest first
            // the levy verb follows in the same clause (對中國進口商品課徵…, not 對美投資…，被課…)
            guard levyAfterDui(p, end: sentenceEnd, reach: 30) != nil else { continue }
            let target = countries.first { $0.start > p && $0.start <= p + 12 && $0.end <= q.start }
            // the levier stands before 對 and is not itself the object of an earlier 對 (美國對越南…，對日本…;
            // 對從墨西哥和加拿大進口的商品…，對中國…: both are objects of the first 對)
            // 歐盟…若與美國的談判破局，將對美國商品加徵…: the target is never its own levier
            let levier = countries.last { c in
                c.start >= sentenceStart && c.end <= p && !isObjectOfDui(c.start) && !isFollowedOrAnswered(c.start)
                    && c.entity.id != target?.entity.id && !isExampleOfGroup(c)
            }
            if let levier { return (levier.entity.id, target ?? abbreviatedTarget(after: p)) }
            // a one-character abbreviation standing alone right before 對 (墨將對亞洲加徵…; not the 日 of 1日起對)
            for k in stride(from: p - 1, through: max(sentenceStart, p - 2), by: -1) {
                let before = text[k - 1]
                let standsAlone = k == sentenceStart || before == 0x20 || Interpreter.clauseEnds.contains(before) || before == 0x300D || before == 0x201D
                if standsAlone, let id = Lexicon.shared.countryAbbreviations[text[k]] { return (id, target ?? abbreviatedTarget(after: p)) }
            }
            let fallback = defaultLevier(countries)
            // 對原產於美國的進口商品加徵…: the United States is the target, so the levier is the teaser's other country
            if let t = target, t.entity.id == fallback, let other = countries.first(where: { $0.entity.id != t.entity.id }) {
                return (other.entity.id, target)
            }
            return (fallback, target ?? abbreviatedTarget(after: p))
        }
        return (defaultLevier(countries), nil)
    }

    /// Where the first levy verb stands in the clause after the 對/向 at `p` (past a list's 、), within
    /// `reach` characters and before `end`; nil when the clause levies nothing (對美投資…).
    func levyAfterDui(_ p: Int, end: Int, reach: Int) -> Int? {
        var window = p + 1
        while window < min(p + reach, end), !Interpreter.clauseEnds.contains(text[window]) || text[window] == 0x3001 { window += 1 }
        return (p + 1..<window).first { k in Words.levy.contains { text.matches($0, at: k) } }
    }

    /// Two names next to each other in one list: nothing or a list joiner (、, 和, 及…) between them.
    func joinedAsList(_ a: Mention, _ b: Mention) -> Bool {
        let gap = Array(text.folded[a.end..<b.start])
        return gap.isEmpty || Words.listJoiners.contains(gap)
    }

    /// The parties of the nearest measure stated before the figure's sentence in its teaser (`X對Y…加徵關稅`,
    /// `對從中國進口的商品加徵關稅的措施`): Y, and X when a country or government stands before 對 in that
    /// sentence. The walk back is bounded (a few hundred characters), never the page.
    func statedTariffPair(_ countries: [Mention]) -> (levier: String?, targets: [Mention])? {
        let floor = max(teaser.start, sentenceStart - 600)
        var p = sentenceStart - 1
        while p >= floor {
            defer { p -= 1 }
            guard text[p] == 0x5BF9 || text[p] == 0x5411 else { continue }   // 对 向
            // (a list of origins may stand between: 對來自中國、印度、南韓等…的產品徵收)
            guard let levy = levyAfterDui(p, end: interpreter.sentenceEnd(p, ceiling: teaser.end), reach: 60),
                  let target = countries.first(where: { $0.start > p && $0.start <= p + 12 && $0.end <= levy }) else { continue }
            let start = interpreter.sentenceStart(p, floor: teaser.start)
            // 對來自中國、印度、南韓等…的產品徵收: every name of the list that opens the object
            let named = countries.filter { $0.start >= target.start && $0.end <= levy }
            var listed = [target]
            for c in named.dropFirst() {
                if joinedAsList(listed.last!, c) { listed.append(c) } else { break }
            }
            var levier: String?
            var k = p
            while k > start, levier == nil {
                if let (_, country) = FigureContext.governments.lengthAndPayload(in: text, endingAt: k) { levier = country; break }
                if let c = countries.last(where: { $0.end == k && $0.entity.id != target.entity.id }) { levier = c.entity.id; break }
                k -= 1
            }
            return (levier, listed)
        }
        return nil
    }

    /// `包括X在內`: X is named as one member of a larger group.
    func isExampleOfGroup(_ m: Mention) -> Bool {
        guard text[m.end] == 0x5728, text[m.end + 1] == 0x5185 else { return false }   // 在内 right after the name
        for k in stride(from: m.start - 1, through: max(sentenceStart, m.start - 12), by: -1) {
            if Interpreter.clauseEnds.contains(text[k]) { return false }
            if Words.including.contains(where: { text.matches($0, at: k) }) { return true }
        }
        return false
    }

    /// Whether a 對/向 stands before `position` in its clause (the name there is what a measure is
    /// aimed at, not who takes it).
    func isObjectOfDui(_ position: Int) -> Bool {
        var k = position - 1
        while k >= sentenceStart, !Interpreter.clauseEnds.contains(text[k]) {
            if text[k] == 0x5BF9 || text[k] == 0x5411 { return true }
            k -= 1
        }
        return false
    }

    /// Whether the name at `position` is one another government follows or answers (跟進美國和歐盟的步伐,
    /// 回應美國總統川普的關稅): a word of following or answering before it in its clause. Such a name
    /// is not who levies the duty.
    func isFollowedOrAnswered(_ position: Int) -> Bool {
        var k = position - 1
        while k >= sentenceStart, position - k <= 12, !Interpreter.clauseEnds.contains(text[k]) || text[k] == 0x3001 {
            if Words.followedOrAnswered.contains(where: { text.matches($0, endingAt: k + 1) }) { return true }
            k -= 1
        }
        return false
    }

    /// 對美加徵: a one-character country right after 對, when no full name stands there.
    func abbreviatedTarget(after p: Int) -> Mention? {
        guard let id = Lexicon.shared.countryAbbreviations[text[p + 1]] else { return nil }
        // 對美加徵, 對華 關稅: the abbreviation stands alone or a levy follows; 對華芯片關稅: the goods, then the tariff
        let standsAlone = !PageAnalysis.isHan(text[p + 2]) || [0x52A0, 0x8BFE, 0x5F81].contains(text[p + 2])
        let tariffFollows = (p + 2..<min(p + 8, sentenceEnd)).contains { k in
            !Interpreter.clauseEnds.contains(text[k]) && (Words.levy.contains { text.matches($0, at: k) } || text.matches(Words.tariff, at: k))
        }
        guard standsAlone || tariffFollows else { return nil }
        var entity = Entity(kind: .country, id: id)
        entity.source = "country-abbreviations.tsv: \(text.text(p + 1, p + 2)) \(id)"
        return Mention(start: p + 1, end: p + 2, entity: entity)
    }

    func defaultLevier(_ countries: [Mention]) -> String {
        if countries.contains(where: { $0.entity.id == "US" }) { return "US" }
        for i in teaser.start..<teaser.end where Words.unitedStates.contains(where: { text.matches($0, at: i) }) { return "US" }
        return countries.first?.entity.id ?? "US"
    }

    /// Keeps the names that form one list ending nearest the figure. A group named after 等
    /// (菲律賓、馬來西亞、印尼、泰國等4個東協成員) sums up the list before it: the list is kept.
    func listRun(_ targets: [Mention]) -> [Mention] {
        guard targets.count > 1 else { return targets }
        var targets = targets
        if let last = targets.last, ["ASEAN", "ASIA", "EU"].contains(last.entity.id), targets.count >= 2,
           text.foldedText(targets[targets.count - 2].end, last.start).hasPrefix("等") {
            targets.removeLast()
        }
        var run = [targets.last!]
        for t in targets.dropLast().reversed() {
            if joinedAsList(t, run[0]) { run.insert(t, at: 0) } else { break }
        }
        return run
    }

    /// A day the teaser says the measure takes effect (`2026年1月1日正式生效`, `8月7日起`,
    /// `9月24日中午12時01分起`): the figure's own sentence's (the last before it, else the first after it
    /// in its clause), since a history of a trade war dates each step (自24日起被課10%，明年1月1日起再調高至25%);
    /// else the teaser's first.
    func effectiveDate() -> Day? {
        let clauseEnd = interpreter.clauseEnd(q.end, ceiling: sentenceEnd)
        var first: DateMention?, before: DateMention?, after: DateMention?
        for d in state.dates where d.day != nil && isEffectiveDay(d) {
            if first == nil { first = d }
            if d.start >= sentenceStart && d.end <= q.start { before = d }
            else if after == nil && d.start >= q.end && d.end <= clauseEnd { after = d }
        }
        guard let d = before ?? after ?? first else { return nil }
        return interpreter.resolve(d, in: state, allowFuture: true)
    }

    /// A day followed (past a time of day: 中午12時01分, 0时) by a word of taking effect.
    func isEffectiveDay(_ d: DateMention) -> Bool {
        var p = d.end
        while p < teaser.end, p - d.end < 12 {
            if NumeralChar.isASCIIDigit(text[p]) { p += 1; continue }
            guard let word = Words.timeOfDay.first(where: { text.matches($0, at: p) }) else { break }
            p += word.count
        }
        for k in p..<min(p + 4, teaser.end) where Words.effectiveTariff.contains(where: { text.matches($0, at: k) }) { return true }
        return false
    }
}

/// Words of the policy and company rules, folded once.
enum PolicyRulesWords {
    /// Words that state one unit of a currency in another: 1美元約合128.6日元, 1美元兌130日元.
    static let perUnit = Words.folded(["約合", "折合", "相當於", "等於", "合", "兌"])
}
