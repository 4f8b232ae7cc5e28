import FiguresText
import FiguresQuantities

/// Market tables flattened into a teaser: a header of column labels, then one row a market with one
/// number a column (路透's daily Southeast Asia table:
/// `涨跌 当日 今年以来 2016年 最新报价 点数 涨跌% 涨跌% 收市价 … 新加坡 3240.01 4.05 +0.13 +12.47 2880.76`).
/// No cue word stands beside those numbers: the header says what each one is (data/market-tables.tsv).
enum MarketTables {
    enum Role: Sendable { case close, change, changePct, day, ytd }

    static let columns = WordTable<Role>(table: "market-tables.tsv") { row in
        guard row.count >= 3, row[0] == "column" else { return nil }
        let roles: [String: Role] = ["close": .close, "change": .change, "change_pct": .changePct, "day": .day, "ytd": .ytd]
        return roles[row[2]].map { (row[1], $0) }
    }
    static let markets = WordTable<String>(table: "market-tables.tsv") { row in
        row.count >= 3 && row[0] == "market" ? (row[1], row[2]) : nil
    }

    /// What one column of the table holds: a metric, over the year so far (ytd), or nothing tracked.
    struct Column {
        var metric: String?
        var ytd = false
    }

    /// The header's columns when a run of at least three labels (spaces between them; group labels
    /// and years among them) starts at `start`, with where the run ends.
    static func header(_ text: NormalizedText, at start: Int, end: Int) -> (columns: [Column], end: Int)? {
        var p = start
        var groups: [Role] = [], yearGroups = 0
        var labels: [Role] = []
        while p < end {
            while p < end, text[p] == 0x20 || text[p] == 0x3000 { p += 1 }
            if let m = columns.match(in: text, at: p), !isLabelChar(text[p + m.length]) {
                if m.payload == .day || m.payload == .ytd { groups.append(m.payload) } else { labels.append(m.payload) }
                p += m.length
                continue
            }
            // 2016年: a year over the columns (the close at that year's end)
            var k = p
            while k < end, NumeralChar.isASCIIDigit(text[k]) { k += 1 }
            if k - p == 4, text[k] == 0x5E74, !isLabelChar(text[k + 1]) { yearGroups += 1; p = k + 1; continue }
            break
        }
        // the group words title the columns after the first of them (涨跌 当日 … 最新报价 点数 涨跌%): the
        // labels that follow the last group word are the columns; a 涨跌 before them is the table's title
        guard labels.count >= 3 else { return nil }
        var out: [Column] = []
        var closes = 0, percents = 0
        let hasYtd = groups.contains(.ytd)
        for role in labels.suffix(from: labels.count > 5 && labels.first == .change ? 1 : 0) {
            switch role {
            case .close:
                closes += 1
                out.append(Column(metric: closes == 1 ? "close" : nil))   // a later close is a past year's
            case .change: out.append(Column(metric: "change"))
            case .changePct:
                percents += 1
                if percents == 1 { out.append(Column(metric: "change_pct")) }
                else { out.append(Column(metric: hasYtd && percents == 2 ? "change_pct" : nil, ytd: hasYtd && percents == 2)) }
            case .day, .ytd: break
            }
        }
        _ = yearGroups
        return out.count >= 3 ? (out, p) : nil
    }

    static func isLabelChar(_ c: UInt32) -> Bool { PageAnalysis.isHan(c) || c == 0x25 || c == 0xFF05 }

    /// The observations of every market table in the teaser, and the starts of the figures they used
    /// (numbers of a row whose market is not known are used up too: they are the table's, not prose).
    static func read(teaser: Teaser, teaserIndex: Int, quantities: [Quantity], mentions: [Mention], text: NormalizedText, day: Day)
        -> (observations: [Observation], consumed: Set<Int>) {
        var observations: [Observation] = []
        var consumed = Set<Int>()
        guard quantities.count >= 6 else { return ([], []) }
        var p = teaser.start
        // a header starts with a label: one look-up a position, bounded by the teaser
        while p < teaser.end {
            guard columns.mayMatch(in: text, at: p), let (cols, headerEnd) = header(text, at: p, end: teaser.end) else { p += 1; continue }
            var row = headerEnd
            var q = quantities.lowerBound(headerEnd, by: \.start)
            // rows: a name, then exactly one number a column, spaces between
            while q + cols.count <= quantities.count {
                let first = quantities[q]
                let nameStart = skipSpaces(text, from: row, to: first.start)
                // (a name may hold digits the recogniser left to it: 日經225指數)
                guard first.start - nameStart >= 2, first.start - nameStart <= 24 else { break }
                var nameEnd = first.start
                while nameEnd > nameStart, text[nameEnd - 1] == 0x20 || text[nameEnd - 1] == 0x3000 { nameEnd -= 1 }
                let cells = Array(quantities[q..<(q + cols.count)])
                var gapsAreSpaces = true
                for k in 1..<cells.count where !(cells[k - 1].end..<cells[k].start).allSatisfy({ text[$0] == 0x20 || text[$0] == 0x3000 }) || cells[k].start == cells[k - 1].end {
                    gapsAreSpaces = false
                }
                guard gapsAreSpaces, cells.allSatisfy({ $0.unit == .none && !$0.isRange }) else { break }
                for c in cells { consumed.insert(c.start) }
                if let index = market(text, nameStart, nameEnd, mentions: mentions) {
                    for (column, cell) in zip(cols, cells) {
                        guard let metric = column.metric else { continue }
                        var o = Observation(kind: "index", subject: index, metric: metric, value: cell.value,
                                            unit: metric == "change_pct" ? "pct" : "pt", date: day.description,
                                            period: column.ytd ? String(day.year) : nil, text: text.text(cell.start, cell.end),
                                            start: cell.start, end: cell.end,
                                            rule: "market table (\(text.text(nameStart, nameEnd)), column \(metric)\(column.ytd ? " since the year began" : ""))")
                        o.teaser = teaserIndex
                        observations.append(o)
                    }
                }
                row = cells.last!.end
                q += cols.count
            }
            p = max(row, headerEnd)
        }
        return (observations, consumed)
    }

    static func skipSpaces(_ text: NormalizedText, from: Int, to: Int) -> Int {
        var k = from
        while k < to, text[k] == 0x20 || text[k] == 0x3000 { k += 1 }
        return k
    }

    /// The index of a row's market: a country or city of the table (新加坡 → STI), else an index the
    /// lexicon names over the whole cell (上证综指).
    static func market(_ text: NormalizedText, _ s: Int, _ e: Int, mentions: [Mention]) -> String? {
        if let m = markets.match(in: text, at: s), s + m.length == e { return m.payload }
        return mentions.first { $0.start == s && $0.end == e && $0.entity.kind == .index }?.entity.id
    }
}
