import FiguresText
import FiguresQuantities

/// Turns the quantities of one page into observations: for each figure it finds
/// the subject named before it, the cue words around it and the day it refers to,
/// and applies the rule of the subject's kind.
final class Interpreter {
    let page: PageAnalysis
    let cues = CueTables.shared
    var observations: [Observation] = []
    /// Figures that produced nothing, with the reason (for `figures explain`).
    var unused: [(Quantity, String)] = []

    init(page: PageAnalysis) {
        self.page = page
    }

    var text: NormalizedText { page.text }

    // MARK: structure

    /// 。！？!?\n【】 end a sentence.
    enum SentenceEnds {
        @inline(__always) static func contains(_ c: UInt32) -> Bool {
            switch c {
            case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x0A, 0x3010, 0x3011: return true
            default: return false
            }
        }
    }

    /// ,、，:;。!?\n【】 end a clause.
    enum ClauseEnds {
        @inline(__always) static func contains(_ c: UInt32) -> Bool {
            switch c {
            case 0x2C, 0x3001, 0xFF0C, 0x3A, 0x3002, 0x21, 0x3F, 0x3B, 0x0A, 0x3010, 0x3011: return true
            default: return false
            }
        }
    }

    static let sentenceEnds = SentenceEnds.self
    static let clauseEnds = ClauseEnds.self

    /// The start of the sentence holding `p`, at least `floor` (from the page's sentence index: no walk).
    func sentenceStart(_ p: Int, floor: Int) -> Int { page.sentences.sentenceStart(p, floor: floor) }

    /// Where the sentence holding `p` ends (its end character), at most `ceiling`.
    func sentenceEnd(_ p: Int, ceiling: Int) -> Int { page.sentences.sentenceEnd(p, ceiling: ceiling) }

    /// Where the clause holding `p` ends (a comma, 、, ；, or the sentence's end), at most `ceiling`.
    func clauseEnd(_ p: Int, ceiling: Int) -> Int {
        var i = p
        while i < ceiling, !Interpreter.clauseEnds.contains(text[i]) {
            if let close = bracketClose(from: i, ceiling: ceiling) { i = close + 1; continue }
            i += 1
        }
        return i
    }

    /// A from-value that is a figure of its own rather than the next figure's previous value: its phrase (from-word
    /// to its end) and its period ("" when none is known), or nil.
    /// - an economic or a company figure whose from-phrase names a period of its own (由9月的7.4%降至1%,
    ///   從去年同期的69億美元攀升27%至88億美元): that period;
    /// - a company's result in a sentence of results — not of a share of a market, rates, the economy or a
    ///   forecast (營業額從48億令吉增至55億令吉, 每股盈利從5.79仙彈升至10.02仙): the result a year before, the
    ///   sentence's period a year back.
    func fromValueOfItsOwn(_ q: Quantity, ctx: FigureContext, periods: [PeriodFinder.Hit], carried: String?, anchor: Day) -> (phrase: Range<Int>, period: String)? {
        let cues = ctx.sentenceCues
        guard cues.contains(where: { $0.cue.role == .macro || $0.cue.role == .fin }),
              let from = page.cues.firstHit(from: ctx.sentenceStart, to: q.start, where: { $0.cue.role == .from }) else { return nil }
        // 市占率由第2季的64%降至57%: a share moves like a rate, from its old level (the previous) to the new
        if let nearest = cues.first(where: { $0.cue.role == .macro || $0.cue.role == .fin }),
           FigureContext.shareMetrics.contains(nearest.cue.argument) { return nil }
        let phrase = from.start..<q.end
        // its own period, written in the phrase (從去年同期的…: counted back from the sentence's, which the phrases before it give)
        if periods.contains(where: { $0.start >= from.end && $0.end <= q.start && ($0.span != nil || $0.literal != nil || $0.isRelative) }) {
            let sentence = periods.filter { $0.start >= ctx.sentenceStart && $0.end <= q.start && ($0.end <= from.start || $0.start >= from.end) }
            if let (period, _) = PeriodFinder.resolve(sentence, before: q.start, reference: anchor, text: text), !period.isEmpty { return (phrase, period) }
        }
        // a company's result a year before
        guard cues.contains(where: { $0.cue.role == .fin && !FigureContext.shareMetrics.contains($0.cue.argument) }),
              !cues.contains(where: { [.macro, .rate, .forecast, .tariff].contains($0.cue.role) }) else { return nil }
        let before = periods.filter { $0.start >= ctx.sentenceStart && $0.end <= from.start }
        let current = PeriodFinder.resolve(before, before: from.start, reference: anchor, text: text, carried: carried)?.0 ?? carried
        return (phrase, current.map { $0.isEmpty ? "" : PeriodFinder.shifted($0, toYear: nil) } ?? "")
    }

    /// 由現行的3.87%調低0.27個百分點至3.60%: `q` is the old level of `next`, the move written between them
    /// (after a move word and before the to-word), all in one clause.
    func isPreviousValue(_ q: Quantity, acrossMove move: Quantity, of next: Quantity, floor: Int) -> Bool {
        guard next.unit == q.unit, !q.isRange, !move.isRange, move.start > q.end, next.start > move.end, next.start - q.end <= 24 else { return false }
        // (淨利從651萬令吉，按年下跌29%至460萬令吉: a comma right after the old level only pauses)
        for k in q.end..<next.start where Interpreter.clauseEnds.contains(text[k]) && !(k == q.end && (text[k] == 0xFF0C || text[k] == 0x2C)) { return false }
        guard page.cues.containsHit(from: q.end, to: move.qualifierStart ?? move.start, where: { $0.role == .up || $0.role == .down }),
              page.cues.containsHit(from: move.end, to: next.qualifierStart ?? next.start, where: { $0.role == .to }) else { return false }
        return fromWordOpens(q, floor: floor, within: 8)
    }

    /// A from-word (從, 由) stands right before `q` — within `within` characters, in its clause.
    func fromWordOpens(_ q: Quantity, floor: Int, within: Int) -> Bool {
        let head = q.qualifierStart ?? q.start
        return page.cues.containsHit(from: max(clauseStart(head, floor: max(floor, head - within)), head - within), to: head) { $0.role == .from }
    }

    /// The longest aside a clause steps over: (剔除住宿費用和私人交通價格,MAS Core Inflation).
    static let longestAside = 80

    /// `(` or `（` at `i` whose `)`/`）` follows within `longestAside` characters and `ceiling`: where it is.
    /// An aside in brackets is part of its clause, commas and all.
    @inline(__always) func bracketClose(from i: Int, ceiling: Int) -> Int? {
        let c = text[i]
        guard c == 0x28 || c == 0xFF08 else { return nil }
        var k = i + 1
        while k < min(ceiling, i + Interpreter.longestAside) {
            let d = text[k]
            if d == 0x29 || d == 0xFF09 { return k }
            if d == 0x28 || d == 0xFF08 || Interpreter.sentenceEnds.contains(d) { return nil }
            k += 1
        }
        return nil
    }

    /// `)` or `）` right before `i` whose `(`/`（` stands within `longestAside` characters after `floor`: where that is.
    @inline(__always) func bracketOpen(endingAt i: Int, floor: Int) -> Int? {
        let c = text[i - 1]
        guard c == 0x29 || c == 0xFF09 else { return nil }
        var k = i - 2
        while k >= max(floor, i - Interpreter.longestAside) {
            let d = text[k]
            if d == 0x28 || d == 0xFF08 { return k }
            if d == 0x29 || d == 0xFF09 || Interpreter.sentenceEnds.contains(d) { return nil }
            k -= 1
        }
        return nil
    }

    func clauseStart(_ p: Int, floor: Int) -> Int {
        var i = p
        while i > floor {
            if let open = bracketOpen(endingAt: i, floor: floor) { i = open; continue }
            let c = text[i - 1]
            // 29,349.81 is a number, not a clause break
            let groupingComma = c == 0x2C && NumeralChar.isASCIIDigit(text[i - 2]) && NumeralChar.isASCIIDigit(text[i])
            if Interpreter.clauseEnds.contains(c) && !groupingComma { break }
            i -= 1
        }
        return i
    }

    // MARK: the page

    func run() {
        for (i, teaser) in page.teasers.enumerated() {
            interpret(teaser, index: i)
        }
    }

    struct TeaserState {
        var anchor: Day
        /// What 今天/昨天/前天 count from: the dateline's day when the teaser has one (wire copy writes
        /// 今天 for it), else the page's day less the footer's age — never a day the teaser named with
        /// those words itself (中央銀行前天調高…: the anchor is 前天 already; the figure's 前天 is the same day).
        var relativeBase: Day
        /// The teaser's date mentions, in order.
        var dates: [DateMention] = []
        var rateFamily: String?
        var period: String?
        var periodSentence = -1
        var lastSubject: Mention?
        /// Where the figure read with `lastSubject` ends.
        var lastSubjectFigureEnd = -1
        var lastTariffTarget: Mention?
        /// Who levied the teaser's last tariff figure.
        var lastTariffLevier: String?
        /// The day of the teaser's last tariff figure.
        var lastTariffDate: Day?
        /// The currency a company's results were stated in as 元 + name (億元人民幣).
        var resultsCurrency: String?
        /// The company result the teaser last stated an amount of (鴻海稅後淨利1,614億元 … 緯穎（6669）373億元).
        var lastResultMetric: String?
        /// The business line of the last segment revenue: its name, its sentence and its company.
        var lastSegment: (name: String, sentence: Int, company: String)?
        /// Where the last sentence with a weekly move ended (-1: none yet).
        var weeklySentenceEnd = -1
        /// The teaser's day was named (a dateline, a day in its first sentence), not left to the page's date.
        var anchorIsNamed = false
        /// Starts of the old values of listed changes (分別由A、B調整為C、D): no figures of their own.
        var listedPrevious = Set<Int>()
    }

    func interpret(_ teaser: Teaser, index teaserIndex: Int) {
        // the teaser's own figures, names and dates: binary-searched ranges of the page's sorted arrays
        let quantities = page.quantities.within(teaser.start, teaser.end, start: \.start, end: \.end)
        let mentions = page.mentions.within(teaser.start, teaser.end, start: \.start, end: \.end)
        let dates = page.dates.within(teaser.start, teaser.end, start: \.start, end: \.end)
        let (anchor, anchorIsNamed, dateline) = anchorDay(teaser, quantities: quantities, dates: dates)
        var state = TeaserState(anchor: anchor, relativeBase: dateline ?? page.reference.adding(days: -(teaser.ageDays ?? 0)))
        state.anchorIsNamed = anchorIsNamed
        state.dates = dates
        // 去年 counts from the teaser's day; a Taiwanese report counts years from 1912 (114年) — when its own
        // words place it in Taiwan, not when too short a text falls back to it
        let locale = page.locale(at: teaser.start)
        let periods = PeriodFinder.hits(text, from: teaser.start, to: teaser.end, reference: state.anchor,
                                        rocYears: locale == .taiwan
                                            && page.teaserGuesses[teaserIndex]?.locale == .taiwan,
                                        nextQuarterWord: locale == .taiwan)
        var consumedAsPrevious = Set<Int>()
        var standaloneFromValues = Set<Int>()   // 由9月的7.4%: from-values that are figures of their own period
        var previousAcrossMove: [Int: Double] = [:]   // the new level's start → the old level, a move between them
        var fromPhrases: [Range<Int>] = []   // 從10月份的4.7%: where a previous value and its period are written
        // a market table's numbers say what they are by their column, not by words beside them
        let table = MarketTables.read(teaser: teaser, teaserIndex: teaserIndex, quantities: quantities, mentions: mentions, text: text, day: anchor)
        observations += table.observations
        let listedPrevious = listedFromTo(quantities)
        consumedAsPrevious.formUnion(listedPrevious.consumed)
        state.listedPrevious = listedPrevious.consumed
        var index = 0
        while index < quantities.count {
            let q = quantities[index]
            defer { index += 1 }
            if table.consumed.contains(q.start) { continue }
            if consumedAsPrevious.contains(q.start) {
                if listedPrevious.consumed.contains(q.start) { unused.append((q, "a previous value in a listed change")) }
                continue
            }
            var ctx = FigureContext(q: q, teaser: teaser, teaserIndex: teaserIndex, interpreter: self, mentions: mentions, state: state)
            ctx.periodHits = periods
            // From → to: 從24%下調至19% gives 19 with previous 24, and 24 is no figure of its own — unless the
            // from-phrase of an economic or a company figure names its own period (由9月的7.4%降至1%,
            // 從去年同期的69億美元攀升27%至88億美元): then it is that period's figure, and the next has no previous
            var fromValuePeriod: String?
            // (由現行的3.87%調低0.27個百分點至3.60%: the move stands between the old level and the new)
            let toLevel = index + 1 < quantities.count && ctx.isPreviousValue(of: quantities[index + 1]) ? quantities[index + 1]
                : index + 2 < quantities.count && isPreviousValue(q, acrossMove: quantities[index + 1], of: quantities[index + 2], floor: ctx.sentenceStart) ? quantities[index + 2] : nil
            if let next = toLevel {
                if let own = fromValueOfItsOwn(q, ctx: ctx, periods: periods, carried: state.period, anchor: state.anchor) {
                    standaloneFromValues.insert(q.start)
                    fromPhrases.append(own.phrase)
                    fromValuePeriod = own.period
                } else {
                    consumedAsPrevious.insert(q.start)
                    if next.start != quantities[index + 1].start { previousAcrossMove[next.start] = q.value }
                    unused.append((q, "previous value of \(text.text(next.start, next.end))"))
                    continue
                }
            }
            if let listed = listedPrevious.previous[q.start] {
                ctx.previous = listed   // 分別由2%、2.375%調整為1.875%、2.25%
            } else if let previousIndex = index > 0 ? index - 1 : nil, !standaloneFromValues.contains(quantities[previousIndex].start),
                      ctx.isPreviousValueWritten(quantities[previousIndex]) {
                ctx.previous = quantities[previousIndex].value
            } else if let old = previousAcrossMove[q.start] {
                ctx.previous = old   // 由現行的3.87%調低0.27個百分點至3.60%
            } else if index + 1 < quantities.count, isComparisonBase(quantities[index + 1], after: q) {
                ctx.previous = quantities[index + 1].value   // 以30,288.96點作收，比上週的29,349.81點…
            } else if let base = respectiveComparisonBase(of: index, in: quantities, teaser: teaser, sentenceStart: ctx.sentenceStart, sentenceEnd: ctx.sentenceEnd) {
                ctx.previous = base.value   // 1年期为3.0%，5年期以上为3.5%，分别较上月的3.1%和3.6%…
            }
            // 由10月的4.0%降至2.4%: a period inside a from-phrase is the previous value's; the figure's is named before it
            if index > 0, consumedAsPrevious.contains(quantities[index - 1].start),
               let from = page.cues.firstHit(from: ctx.sentenceStart, to: quantities[index - 1].start, where: { $0.cue.role == .from }) {
                fromPhrases.append(from.start..<quantities[index - 1].end)
            }
            let ownPeriods = periods.filter { p in p.start >= ctx.sentenceStart && !fromPhrases.contains { $0.contains(p.start) } }
            if let fromValuePeriod {
                ctx.period = fromValuePeriod.isEmpty ? nil : fromValuePeriod   // its own period dates it alone
            } else if let (period, hitStart) = PeriodFinder.resolve(ownPeriods, before: q.start, reference: state.anchor,
                                                              text: text, carried: state.period) {
                ctx.period = period.isEmpty ? nil : period
                // 去年同期為X dates X alone; the figures after it are the current period's again
                if !periods.contains(where: { $0.start == hitStart && ($0.isRelative || $0.pointOfComparison) }) {
                    state.period = period
                    state.periodSentence = ctx.sentenceStart
                }
            } else if state.periodSentence == ctx.sentenceStart || (state.period.map { $0.count > 4 } ?? false) {
                // a quarter or month stays in force for the teaser's later sentences; a bare year does not
                ctx.period = state.period
            } else if state.period == nil, let (period, hitStart) = PeriodFinder.resolve(periods, before: ctx.sentenceStart, reference: state.anchor, text: text),
                      period.count > 4, !periods.contains(where: { $0.start == hitStart && $0.isRelative }) {
                // 三季度財報顯示，…。蔚來營收…: a quarter or month named in an earlier sentence with no figure of its own
                ctx.period = period
                state.period = period
                state.periodSentence = ctx.sentenceStart
            }
            // 1歐元對人民幣7.5547元, 100日元對人民幣5.0545元, 人民幣1元對0.56625林吉特: a rate quoted per units of
            // the currency written first; the units are no figure of their own
            if index + 1 < quantities.count, ctx.perUnitQuote(unit: q, quote: quantities[index + 1]) != nil {
                unused.append((q, "the units a rate after it is quoted per"))
                continue
            }
            if index > 0, let quoted = ctx.perUnitQuote(unit: quantities[index - 1], quote: q) {
                observations.append(quoted)
                continue
            }
            // 283億日圓（約新台幣58億元）: the same figure stated in another currency
            if index > 0, let restated = restatement(of: quantities[index - 1], as: q, context: ctx) {
                if restated.isEmpty { unused.append((q, "the figure before it, repeated in the same currency")) }
                observations += restated
                continue
            }
            let produced = ctx.interpret(&state, quantities: quantities, index: index)
            if produced.contains(where: { $0.period == "1w" }) { state.weeklySentenceEnd = ctx.sentenceEnd }
            if produced.isEmpty {
                unused.append((q, ctx.reason ?? "no rule matched"))
            }
            observations += produced
        }
    }

    /// Words that introduce the same amount in another currency: （約新台幣58億元）, 折合約1.07萬億美元, 相當於.
    static let restatementWords = Words.folded(["約合", "約", "折合", "折合約", "相當於", "相當", "合", "即", "或", "大約", "近"])
    static let hedgedRestatement = Words.folded(["約", "近", "大約"])

    /// Observations restating those of `previous` in the currency of `q`, when `q` follows it as a restatement
    /// (in brackets or after 折合/約合/相當於, nothing else between); empty when it repeats the same currency;
    /// nil when `q` is no restatement. One observation in each currency, as the spec asks.
    func restatement(of previous: Quantity, as q: Quantity, context ctx: FigureContext) -> [Observation]? {
        guard previous.unit.isMoney, q.unit.isMoney, q.start > previous.end, q.start - previous.end <= 8 else { return nil }
        // （1美元約合128.6日元）: an exchange rate in passing, not the figure before restated
        if q.value == 1, PolicyRulesWords.perUnit.contains(where: { text.matches($0, at: q.end) }) { return nil }
        let head = q.qualifierStart ?? q.start
        var k = previous.end
        var bracketed = false, worded = false, hedged = q.qualifier == .approx
        while k < head {
            let c = text[k]
            if c == 0x28 || c == 0xFF08 { bracketed = true; k += 1; continue }
            if c == 0x20 || c == 0xFF0C || c == 0x2C { k += 1; continue }
            if let w = Interpreter.restatementWords.filter({ text.matches($0, at: k) }).max(by: { $0.count < $1.count }) {
                worded = true
                if Interpreter.hedgedRestatement.contains(where: { text.matches($0, at: k) }) { hedged = true }
                k += w.count; continue
            }
            if let name = Lexicon.shared.currencyCodes.match(in: text, at: k) { k += name.length; continue }   // （約新台幣58億元）
            return nil
        }
        guard bracketed || worded else { return nil }
        // the observations of `previous` are the last ones made
        let before = observations.reversed().prefix { $0.start >= previous.start }.filter { $0.start == previous.start && $0.end == previous.end }
        guard !before.isEmpty else { return nil }
        let unit = ctx.currency(of: q.unit)
        if before.allSatisfy({ $0.unit == unit }) { return [] }
        return before.map { o in
            var r = o
            let sign: Double = o.value < 0 ? -1 : 1   // a loss restated stays a loss
            r.value = abs(q.value) * sign
            r.valueHigh = q.high.map { abs($0) * sign }
            r.unit = unit
            r.text = text.text(q.start, q.end)
            r.start = q.start
            r.end = q.end
            if hedged && r.qualifier == nil { r.qualifier = "approx" }
            r.rule = "restatement in another currency of \(o.text)"
            return r
        }
    }

    /// Where 去年/前年 stand in a span, if they do.
    func pastYearWord(from: Int, to: Int) -> Int? {
        for i in from..<max(from, to) where text[i] == 0x53BB || text[i] == 0x524D {
            // (較去年底8506.28，全年跌掉3915點: a year-end compared with dates no figure after it)
            let compared = i > from && (text[i - 1] == 0x8F83 || text[i - 1] == 0x6BD4)   // 较 比
            if Words.pastYears.contains(where: { text.matches($0, at: i) }) && !text.matches(Words.lastYearSamePeriod, at: i) && !compared { return i }
        }
        return nil
    }

    /// The cue words of a whole teaser, found once per teaser (the teaser-wide checks run for every figure).
    private var teaserCueCache: (start: Int, hits: [CueHit])?

    func teaserCues(_ teaser: Teaser) -> [CueHit] {
        if let cached = teaserCueCache, cached.start == teaser.start { return cached.hits }
        let hits = page.cues.hitsBefore(from: teaser.start, to: teaser.end)
        teaserCueCache = (teaser.start, hits)
        return hits
    }

    /// Where the comparison words (比, 較…) of a teaser stand, in page order, found once per teaser
    /// (every figure asks whether one follows it in its sentence).
    private var teaserComparisonCache: (start: Int, spans: [Range<Int>])?

    func teaserComparisons(_ teaser: Teaser) -> [Range<Int>] {
        if let cached = teaserComparisonCache, cached.start == teaser.start { return cached.spans }
        // the teaser's cue words are disjoint, nearest the teaser's end first: reversed, in page order,
        // their ends rising with their starts
        var spans: [Range<Int>] = []
        for hit in teaserCues(teaser).reversed() where hit.cue.role == .comparison && spans.last != hit.start..<hit.end {
            spans.append(hit.start..<hit.end)
        }
        teaserComparisonCache = (teaser.start, spans)
        return spans
    }

    /// The teaser quotes a national statistics office (財政部, 海關總署…): its figures are the writer's own country's.
    func teaserNamesStatisticsAgency(_ teaser: Teaser) -> Bool {
        teaserCues(teaser).contains { $0.cue.role == .agency }
    }

    /// The country of the statistics office a teaser quotes, when the office's name tells it (海關總署 → CN).
    func statisticsAgencyCountry(_ teaser: Teaser) -> Mention? {
        // 美國商務部, 日本財務省: a ministry named with its country is that country's
        if let hit = teaserCues(teaser).last(where: { $0.cue.role == .agency && $0.cue.argument.isEmpty }),
           let country = page.mentions.last(where: { $0.entity.kind == .country && $0.end == hit.start }) {
            return country
        }
        guard let hit = teaserCues(teaser).last(where: { $0.cue.role == .agency && !$0.cue.argument.isEmpty }) else { return nil }
        var entity = Entity(kind: .country, id: hit.cue.argument)
        entity.source = "cues.tsv: \(text.text(hit.start, hit.end)) agency \(hit.cue.argument)"
        return Mention(start: hit.start, end: hit.end, entity: entity)
    }

    /// The teaser's title, a line of its own, reports a week (台股本週大漲939點).
    func teaserTitleIsWeekly(_ teaser: Teaser) -> Bool {
        let titleEnd = sentenceEnd(teaser.start, ceiling: teaser.end)
        guard titleEnd < teaser.end, text[titleEnd] == 0x0A else { return false }
        return teaserCues(teaser).contains { $0.cue.role == .weekly && $0.end <= titleEnd }
    }

    /// The teaser is about loan prime rates.
    func teaserMentionsLPR(_ teaser: Teaser) -> Bool {
        // LPR or 貸款市場報價利率, alone or in a tenor's name (1年期LPR); a bare tenor (1年期) is not enough
        teaserCues(teaser).contains { hit in
            hit.cue.role == .rate && hit.cue.argument.hasPrefix("lpr")
                && (hit.cue.argument == "lpr" || Words.loanPrimeRate.contains { text.matches($0, endingAt: hit.end) })
        }
    }

    /// The teaser reports a session's close somewhere (收盤, 終場, 收跌…).
    func teaserReportsClose(_ teaser: Teaser) -> Bool {
        teaserCues(teaser).contains { hit in
            hit.cue.role == .closeContext || hit.cue.role == .close || hit.cue.role == .closeAfter
                || ((hit.cue.role == .up || hit.cue.role == .down) && text[hit.start] == 0x6536)   // 收
        }
    }

    /// `收30,288.96點，比上週的29,349.81點上漲`: `next` is the value `q` is compared with — same unit,
    /// written right after it behind a comparison word (比上週的, 較前一交易日的) and nothing else.
    func isComparisonBase(_ next: Quantity, after q: Quantity) -> Bool {
        guard next.unit == q.unit, q.unit != .none, !q.isRange, next.start > q.end, next.start - q.end <= 28 else { return false }
        let hits = page.cues.hitsBefore(from: q.end, to: next.start)
        guard let comparison = hits.first(where: { $0.cue.role == .comparison }),
              comparison.end >= next.start - 1 || onlyDaysBetween(comparison.end, next.start) else { return false }
        // between them only the level's own closing word (作收) and a comma
        var k = q.end
        if let metricWord = CueTables.shared.hitsAfter(text, at: k, limit: comparison.start).first { k = metricWord.end }
        guard k <= comparison.start else { return false }
        for p in k..<comparison.start where !(Interpreter.clauseEnds.contains(text[p]) || text[p] == 0x20) || Interpreter.sentenceEnds.contains(text[p]) {
            return false
        }
        return true
    }

    /// 較上週五（8月29日）的24,233.10點: between a comparison word and its figure only the day compared
    /// with (its dates, a bracket around one, 的).
    func onlyDaysBetween(_ from: Int, _ to: Int) -> Bool {
        let days = page.dates.within(from, to, start: \.start, end: \.end)
        guard !days.isEmpty else { return false }
        var k = from
        while k < to {
            if let d = days.first(where: { $0.start == k }) { k = d.end; continue }
            guard [0x28, 0x29, 0xFF08, 0xFF09, 0x7684].contains(text[k]) else { return false }   // ( ) （ ） 的
            k += 1
        }
        return true
    }

    /// `A為3.0%，B為3.5%，分別較上月的3.1%和3.6%下降`: the k-th figure listed after `分別` + a
    /// comparison word is the previous value of the k-th of as many figures of the same unit before it.
    func respectiveComparisonBase(of index: Int, in quantities: [Quantity], teaser: Teaser, sentenceStart: Int, sentenceEnd: Int) -> Quantity? {
        let q = quantities[index]
        guard q.unit != .none, !q.isRange else { return nil }
        // most sentences have no comparison word: the teaser's cached comparison words tell without a scan
        // (the first starting at or after the figure ends first of those)
        let comparisons = teaserComparisons(teaser)
        let next = comparisons.lowerBound(q.end, by: \.lowerBound)
        guard next < comparisons.count, comparisons[next].upperBound <= sentenceEnd else { return nil }
        let hits = page.cues.hitsBefore(from: q.end, to: sentenceEnd)   // nearest the sentence end first
        guard let comparison = hits.last(where: { $0.cue.role == .comparison }),
              let respective = hits.first(where: { $0.cue.role == .respective && $0.end <= comparison.start }),
              respective.end >= comparison.start - 1 else { return nil }
        let respectiveStart = respective.start
        // the bases: figures of the unit right after the comparison word, joined by 和 、 及 与
        var bases: [Quantity] = []
        var k = quantities.firstIndex { $0.start >= comparison.end } ?? quantities.count
        while k < quantities.count, quantities[k].unit == q.unit,
              bases.isEmpty ? quantities[k].start <= comparison.end + 1 : quantities[k].start - bases.last!.end == 1 {
            bases.append(quantities[k])
            k += 1
        }
        // the figures they belong to: as many of the unit, the last ones before 分別 in the sentence
        let figures = quantities.filter { $0.start >= sentenceStart && $0.end <= respectiveStart && $0.unit == q.unit }
        guard bases.count >= 2, figures.count >= bases.count,
              let position = figures.suffix(bases.count).firstIndex(where: { $0.start == q.start }) else { return nil }
        return bases[position - (figures.count - bases.count)]
    }

    /// `分別由2%、2.375%及4.25%調整為1.875%、2.25%及4.125%`: a list of old values after a "from" word
    /// and as long a list of new ones after a "to" word pair up in order. Returns the old value of
    /// each new figure (by start) and the starts of the old figures, which are no figures of their own.
    func listedFromTo(_ quantities: [Quantity]) -> (previous: [Int: Double], consumed: Set<Int>) {
        var previous: [Int: Double] = [:]
        var consumed = Set<Int>()
        /// The figures from `k` on listed one after another (`A、B及C`) in one unit.
        /// (spaces may stand around the joiner: 1.375%、 1.75%及3.625%)
        func joined(_ a: Quantity, _ b: Quantity) -> Bool {
            var k = a.end, joiners = 0
            while k < b.start, k - a.end <= 4 {
                if Interpreter.isListJoiner(text[k]) { joiners += 1 } else if text[k] != 0x20 && text[k] != 0x3000 { return false }
                k += 1
            }
            return k == b.start && joiners == 1
        }
        func run(from k: Int) -> Range<Int> {
            var e = k + 1
            while e < quantities.count, quantities[e].unit == quantities[k].unit, joined(quantities[e - 1], quantities[e]) { e += 1 }
            return k..<e
        }
        var i = 0
        while i < quantities.count {
            let q = quantities[i]
            let head = q.qualifierStart ?? q.start
            // the "from" word opens the list's clause: 分別由A、B, 原本分別停在A、B
            guard page.cues.containsHit(from: max(clauseStart(head, floor: max(0, head - 8)), head - 8), to: head, where: { $0.role == .from }) else {
                i += 1; continue
            }
            let old = run(from: i)
            guard old.count >= 2, old.upperBound < quantities.count else { i = old.upperBound; continue }
            // the next figure in the list's unit (figures in other units, 連續3季, may stand between)
            guard let next = quantities[old.upperBound...].firstIndex(where: { $0.unit == q.unit }) else { i = old.upperBound; continue }
            let first = quantities[next], last = quantities[old.upperBound - 1]
            let gapHasSentenceEnd = (last.end..<first.start).contains { Interpreter.sentenceEnds.contains(text[$0]) }
            // the new list follows a "to" word: right after the old one (調整為), or later in the sentence
            // when the "to" word opens the new list (原本分別停在A、B，如今分別調升至C、D)
            let firstHead = first.qualifierStart ?? first.start
            let near = next == old.upperBound && first.start - last.end <= 8 && page.cues.containsHit(from: last.end, to: firstHead) { $0.role == .to }
            let opensNewList = page.cues.containsHit(from: max(last.end, firstHead - 3), to: firstHead) { $0.role == .to }
            guard !gapHasSentenceEnd, near || opensNewList else { i = old.upperBound; continue }
            let new = run(from: next)
            guard new.count == old.count, quantities[new.lowerBound].unit == q.unit else { i = old.upperBound; continue }
            for (o, n) in zip(old, new) {
                previous[quantities[n].start] = quantities[o].value
                consumed.insert(quantities[o].start)
            }
            i = new.upperBound
        }
        return (previous, consumed)
    }

    /// 、 和 及 与 between two listed figures.
    static func isListJoiner(_ c: UInt32) -> Bool { c == 0x3001 || c == 0x548C || c == 0x53CA || c == 0x4E0E }

    /// `從24%下調至19%`: `q` is the old value of `next` — same unit, a "to" verb between them,
    /// a "from" word right before `q`, nothing that breaks the clause.
    func isPreviousValue(_ q: Quantity, of next: Quantity, floor: Int) -> Bool {
        // (a range is the previous of a range: 由3.75厘至4.00厘，減至3.50厘至3.75厘 — its low end)
        guard next.unit == q.unit, !q.isRange || next.isRange, next.start > q.end, next.start - q.end <= 12 else { return false }
        // 由年息5.375厘，調低至年息5.25厘: one comma may part them when the to-word follows it
        var toFrom = q.end
        for k in q.end..<next.start where Interpreter.clauseEnds.contains(text[k]) {
            guard toFrom == q.end, text[k] == 0x2C || text[k] == 0xFF0C else { return false }
            toFrom = k + 1
        }
        guard page.cues.containsHit(from: toFrom, to: next.qualifierStart ?? next.start, where: { $0.role == .to }) else { return false }
        return fromWordOpens(q, floor: floor, within: 6)
    }

    /// The day a teaser's figures refer to by default: its dateline (`（中央社記者台北28日電）`,
    /// `今（6）日`), else the reference date less the footer's age.
    /// The teaser's day, and whether its words named it (a dateline, a day in the first sentence)
    /// rather than the reference date and the footer's age leaving it open.
    func anchorDay(_ teaser: Teaser, quantities: [Quantity], dates: [DateMention]) -> (Day, named: Bool, dateline: Day?) {
        let base = page.reference.adding(days: -(teaser.ageDays ?? 0))
        var header: (Day, Int)?   // a repost's or outlet's dated header (【大紀元9月19日報導】) and where it ends
        for d in dates {
            guard d.day != nil || d.relative == .today else { continue }
            // (a wire's own dateline right after a repost's header is the one its 今天 counts from:
            // 【大紀元9月19日報導】(中央社紐約市18日法新電)…今天)
            if let (day, end) = header, d.start > end + 40 { return (day, true, day) }
            var isDateline = d.relative != nil && d.day != nil
            var isHeader = false
            if !isDateline {
                // a dated news-agency line: the day followed within a few characters by 電/訊/報導
                for k in d.end..<min(d.end + 6, teaser.end) {
                    guard let w = Words.dateline.first(where: { text.matches($0, at: k) }) else { continue }
                    isDateline = true
                    // (a dated line closed by 】 is an outlet's header too: 【新唐人01月01日訊】)
                    isHeader = Words.headerDateline.contains(w) || (k + w.count < teaser.end && text[k + w.count] == 0x3011)
                    break
                }
            }
            if isDateline, let day = resolve(d, anchor: base) {
                if isHeader { if header == nil { header = (day, d.end) }; continue }
                return (day, true, day)
            }
        }
        if let (day, _) = header { return (day, true, day) }
        // Otherwise the first day the teaser names before its first figure, in its first sentence
        // (美股4大指數週三（12/31）…, 國際油價週五大漲): market reports name their trading day early.
        let titleEnd = sentenceEnd(teaser.start, ceiling: teaser.end)
        let firstFigure = quantities.first { q in
            guard q.start > titleEnd, q.end <= teaser.end else { return false }
            if case .measure = q.unit { return false }
            return true
        }?.start ?? teaser.end
        let bodyStart = min(titleEnd + 1, teaser.end)
        let bodyFirstSentenceEnd = sentenceEnd(bodyStart, ceiling: teaser.end)
        let named = dates.filter { d in
            // 上週五 looks back from the teaser's day; it does not name the day of the report
            d.end <= min(firstFigure, bodyFirstSentenceEnd) && (d.day != nil || d.weekday != nil || d.relative != nil) && !d.lastWeek && !d.nextWeek
        }.compactMap { d -> (DateMention, Day)? in
            guard let day = resolve(d, anchor: base), day <= base, base.ordinal - day.ordinal <= 7 else { return nil }
            return (d, day)
        }
        // 大選昨天落幕，激勵股市今天同步走高: the day a market move follows in its own clause is the
        // session's; a day of some other event named first is not
        if named.count > 1, let session = named.first(where: { (d, _) in
            page.cues.containsHit(from: d.end, to: clauseEnd(d.end, ceiling: teaser.end)) { $0.role == .up || $0.role == .down || $0.role == .close }
        }) {
            return (session.1, true, nil)
        }
        if let first = named.first { return (first.1, true, nil) }
        return (base, false, nil)
    }

    /// A date mention of a teaser as a calendar day: 今天/昨天/前天 from the state's `relativeBase`, any
    /// other mention from its anchor.
    func resolve(_ d: DateMention, in state: TeaserState, allowFuture: Bool = false) -> Day? {
        let resolved = resolve(d, anchor: d.relative != nil && d.day == nil ? state.relativeBase : state.anchor, allowFuture: allowFuture)
        // 美股7日重挫。8日亞洲股市…, on a page of the 9th: a day after the teaser's named day but not after the
        // page's is that day of the same month, not of the month before
        if d.month == nil, d.year == nil, d.relative == nil, let day = d.day, let r = resolved,
           state.anchor < state.relativeBase, r < state.anchor {
            if let sameMonth = state.relativeBase.latest(dayOfMonth: day), sameMonth > state.anchor, sameMonth <= state.relativeBase {
                return sameMonth
            }
        }
        return resolved
    }

    /// A date mention as a calendar day, counted back from `anchor`.
    func resolve(_ d: DateMention, anchor: Day, allowFuture: Bool = false) -> Day? {
        if let y = d.year, let m = d.month, let day = d.day {
            return day <= Day.daysIn(year: y, month: m) ? Day(year: y, month: m, day: day) : nil
        }
        if d.year == nil, let m = d.month, let day = d.day {
            guard day <= Day.daysIn(year: anchor.year, month: m) else { return nil }
            let candidate = Day(year: anchor.year, month: m, day: day)
            // a month and day without a year: this year's, unless that lies well after the anchor
            // (effective dates may lie ahead: allowFuture)
            if allowFuture { return candidate.ordinal - anchor.ordinal < -183 ? Day(year: anchor.year + 1, month: m, day: day) : candidate }
            return candidate.ordinal - anchor.ordinal > 31 ? Day(year: anchor.year - 1, month: m, day: day) : candidate
        }
        if d.month == nil, d.year == nil, let day = d.day {
            // 自24日起被課10%關稅 written on the 18th: a measure's day later this month, not last month's 24th
            if allowFuture, day > anchor.day, day - anchor.day <= 14, day <= Day.daysIn(year: anchor.year, month: anchor.month) {
                return Day(year: anchor.year, month: anchor.month, day: day)
            }
            return anchor.latest(dayOfMonth: day)   // 今（6）日, 昨（6）日 too
        }
        if let w = d.weekday {
            // 上週五: that weekday of the week (Monday to Sunday) before the anchor's
            if d.lastWeek { return anchor.adding(days: -(anchor.weekday - 1) - 7 + (w - 1)) }
            if d.nextWeek { return anchor.adding(days: -(anchor.weekday - 1) + 7 + (w - 1)) }
            return anchor.latest(weekday: w)
        }
        switch d.relative {
        case .today?: return anchor
        case .yesterday?: return anchor.adding(days: -1)
        case .dayBeforeYesterday?: return anchor.adding(days: -2)
        case .tomorrow?: return anchor.adding(days: 1)
        case nil: return nil
        }
    }
}
