import FiguresExtraction
import FiguresStore

/// The tariff-change table: who levies, on whom, what the rate covers, previous → new, the change in
/// percentage points. Numeric columns hold numbers only (empty when there is none: a rate stated without
/// a previous one has no change); CSV and JSON have the same keys, spelled as `query`'s where they mean
/// the same (previous, qualifier, date, text, page).
public enum TariffReport {
    public static let headers = ["levied_by", "on", "scope", "previous", "new", "new_high", "change_pp", "measure", "qualifier", "date", "text", "page"]
    /// Free-text columns, neutralised against spreadsheet formulas.
    static let textHeaders: Set<String> = ["levied_by", "on", "scope", "measure", "qualifier", "text", "page"]
    static let numericColumns: Set<Int> = [3, 4, 5, 6]

    static func measure(_ metric: String) -> String {
        metric == "tariff_rate" ? "rate" : (metric == "tariff_exempt_share" ? "exempt share" : metric)
    }

    static func change(_ o: Observation) -> Double? {
        o.previous.map { (($0 == o.value ? 0 : o.value - $0) * 1e6).rounded() / 1e6 }
    }

    /// The rows as text; `human` groups digits and signs changes (+16.3) for the terminal.
    public static func rows(_ items: [StoredObservation], human: Bool = true) -> [[String]] {
        func n(_ d: Double?) -> String { d.map { human ? ObservationFormatter.number($0) : JSONWriter.number($0) } ?? "" }
        return items.map { row in
            let o = row.observation
            let change = human ? (change(o).map(signed) ?? "") : n(change(o))
            return [o.subject, o.target ?? "", row.scope ?? "", n(o.previous), n(o.value), n(o.valueHigh), change, measure(o.metric),
                    o.qualifier ?? "", o.date ?? "", o.text, human ? ObservationFormatter.shortPath(row.page) : row.page]
        }
    }

    public static func render(_ items: [StoredObservation], as format: OutputFormat) -> String {
        switch format {
        case .table:
            return TableRenderer(headers: headers, rows: rows(items), rightAligned: numericColumns, maxCellWidth: 30).render()
        case .csv, .tsv:
            let writer = CSVWriter(separator: format == .csv ? "," : "\t", headers: headers, text: textHeaders)
            return writer.row(headers) + rows(items, human: false).map(writer.row).joined()
        case .json, .jsonl:
            let lines = items.map { row -> String in
                let o = row.observation
                return JSONWriter.object([
                    ("levied_by", .string(o.subject)), ("on", .string(o.target)), ("scope", .string(row.scope)),
                    ("previous", .number(o.previous)), ("new", .number(o.value)), ("new_high", .number(o.valueHigh)),
                    ("change_pp", .number(change(o))), ("measure", .string(measure(o.metric))), ("qualifier", .string(o.qualifier)),
                    ("date", .string(o.date)), ("text", .string(o.text)), ("page", .string(row.page)),
                ])
            }
            return JSONWriter.document(lines, lines: format == .jsonl)
        }
    }

    static func signed(_ d: Double) -> String {
        (d > 0 ? "+" : "") + ObservationFormatter.number(d)
    }
}

/// The report `figures demo` prints: the latest figure per subject and metric, by kind, as aligned tables.
public enum MarketReport {
    public static func render(store: FiguresStore) throws -> String {
        let all = try store.observations(matching: ObservationFilter())
        var out = ""
        // Latest dated value per (subject, metric, target, period).
        func latest(_ kind: String) -> [Observation] {
            var best: [String: Observation] = [:]
            for row in all where row.observation.kind == kind {
                let o = row.observation
                let key = [o.subject, o.metric, o.target ?? "", o.period ?? ""].joined(separator: "|")
                if let b = best[key], (b.date ?? "") > (o.date ?? "") { continue }
                best[key] = o
            }
            // a full key: rows of one subject and metric (several periods, targets) must not come in the
            // dictionary's order, which changes from run to run
            return best.values.sorted { ($0.subject, $0.metric, $0.target ?? "", $0.period ?? "", $0.date ?? "")
                < ($1.subject, $1.metric, $1.target ?? "", $1.period ?? "", $1.date ?? "") }
        }
        func section(_ title: String, _ kind: String, columns: [String]) {
            let items = latest(kind)
            guard !items.isEmpty else { return }
            // One row per subject (and period): its metrics side by side.
            var order: [String] = []
            var rows: [String: [String: String]] = [:]
            var meta: [String: (String, String)] = [:]
            for o in items {
                let key = o.subject + "|" + (o.period ?? "")
                if rows[key] == nil { order.append(key); rows[key] = [:] }
                var cell = ObservationFormatter.valueText(o)
                if o.unit == "pct" { cell += "%" } else if o.unit == "pp" { cell += "pp" }
                if let q = o.qualifier { cell = (q == "approx" ? "~" : q == "over" ? ">" : q == "under" ? "<" : q == "max" ? "≤" : "avg ") + cell }
                rows[key]![o.metric] = cell
                meta[key] = (o.date ?? meta[key]?.0 ?? "", o.period ?? "")
            }
            let used = columns.filter { c in rows.values.contains { $0[c] != nil } }
            let extra = Set(rows.values.flatMap { $0.keys }).subtracting(columns).sorted()
            let cols = used + extra
            let table = order.map { key -> [String] in
                let subject = String(key.split(separator: "|", omittingEmptySubsequences: false)[0])
                let (date, period) = meta[key]!
                return [subject, period.isEmpty ? date : period] + cols.map { rows[key]![$0] ?? "" }
            }
            out += "\n" + title + "\n"
            out += TableRenderer(headers: ["subject", "date/period"] + cols, rows: table, rightAligned: Set(2..<(2 + cols.count))).render()
        }
        section("Index levels and moves", "index", columns: ["close", "level", "open", "high", "low", "change", "change_pct"])
        section("Single stocks", "equity", columns: ["close", "change", "change_pct"])
        section("Exchange rates", "fx", columns: ["close", "level", "open", "high", "low", "change", "change_pct", "central_parity", "turnover"])
        section("Commodities", "commodity", columns: ["close", "level", "change", "change_pct"])
        let rates = latest("rate")
        if !rates.isEmpty {
            out += "\nInterest rates and moves\n"
            out += TableRenderer(headers: ["subject", "metric", "value", "previous", "date", "text"],
                                 rows: rates.map { [$0.subject, $0.metric, ObservationFormatter.valueText($0) + ($0.unit == "pp" ? "pp" : "%"),
                                                    $0.previous.map(ObservationFormatter.number) ?? "", $0.date ?? "", $0.text] },
                                 rightAligned: [2, 3]).render()
        }
        let tariffs = try store.tariffs(subject: nil, target: nil, since: nil)
        if !tariffs.isEmpty {
            out += "\nTariff changes\n"
            let keep = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10]   // no new_high, no page
            let rows = TariffReport.rows(tariffs).map { r in keep.map { r[$0] } }
            out += TableRenderer(headers: keep.map { TariffReport.headers[$0] }, rows: rows, rightAligned: [3, 4, 5], maxCellWidth: 24).render()
        }
        let company = all.filter { $0.observation.kind == "financial" }.map(\.observation)
        if !company.isEmpty {
            out += "\nCompany figures\n"
            out += TableRenderer(headers: ["company", "metric", "value", "unit", "period", "target", "text"],
                                 rows: company.map { [$0.subject, $0.metric, ObservationFormatter.valueText($0), $0.unit ?? "", $0.period ?? "", $0.target ?? "", $0.text] },
                                 rightAligned: [2]).render()
        }
        section("Economy", "macro", columns: [])
        return out
    }
}
