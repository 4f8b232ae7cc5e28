import FiguresExtraction
import FiguresStore

/// The output formats of observations, with or without their provenance.
public enum OutputFormat: String, CaseIterable, Sendable {
    case jsonl, json, table, csv, tsv
}

/// Writes observations in each format. Provenance (the page) is added when known.
public struct ObservationFormatter: Sendable {
    public init() {}

    public static let csvColumns = ["kind", "subject", "metric", "value", "value_high", "unit", "previous", "target", "qualifier",
                                    "date", "period", "text", "page", "start", "end", "extractor_version"]

    /// The columns of free text, which a spreadsheet must not run as formulas.
    public static let csvTextColumns: Set<String> = ["subject", "target", "qualifier", "text", "page"]

    /// The CSV (or TSV) writer for `csvColumns`.
    public static func csvWriter(separator: Character) -> CSVWriter {
        CSVWriter(separator: separator, headers: csvColumns, text: csvTextColumns)
    }

    func fields(_ o: Observation, page: String?, version: String?) -> [(String, JSONWriter.Value)] {
        var f: [(String, JSONWriter.Value)] = [
            ("kind", .string(o.kind)), ("subject", .string(o.subject)), ("metric", .string(o.metric)),
            ("value", .number(o.value)), ("value_high", .number(o.valueHigh)), ("unit", .string(o.unit)),
            ("previous", .number(o.previous)), ("target", .string(o.target)), ("qualifier", .string(o.qualifier)),
            ("date", .string(o.date)), ("period", .string(o.period)),
        ]
        if let scope = o.scope { f.append(("scope", .string(scope))) }   // optional in the spec: only where the text names it
        f += [("text", .string(o.text)), ("start", .integer(o.start)), ("end", .integer(o.end))]
        if let page { f.append(("page", .string(page))) }
        if let version { f.append(("extractor_version", .string(version))) }
        return f
    }

    public func jsonLine(_ o: Observation, page: String? = nil, version: String? = nil) -> String {
        JSONWriter.object(fields(o, page: page, version: version))
    }

    public func csvRow(_ o: Observation, page: String, version: String, writer: CSVWriter) -> String {
        func n(_ d: Double?) -> String { d.map(JSONWriter.number) ?? "" }
        return writer.row([o.kind, o.subject, o.metric, n(o.value), n(o.valueHigh), o.unit ?? "", n(o.previous), o.target ?? "",
                           o.qualifier ?? "", o.date ?? "", o.period ?? "", o.text, page, String(o.start), String(o.end), version])
    }

    /// The whole list in one format. `page` and `version` come from each item when stored.
    public func render(_ items: [(Observation, String?, String?)], as format: OutputFormat) -> String {
        switch format {
        case .jsonl:
            return items.map { jsonLine($0.0, page: $0.1, version: $0.2) + "\n" }.joined()
        case .json:
            return "[" + items.map { "\n  " + jsonLine($0.0, page: $0.1, version: $0.2) }.joined(separator: ",") + (items.isEmpty ? "]\n" : "\n]\n")
        case .csv, .tsv:
            let writer = Self.csvWriter(separator: format == .csv ? "," : "\t")
            var out = writer.row(Self.csvColumns)
            for (o, page, version) in items { out += csvRow(o, page: page ?? "", version: version ?? extractorVersion, writer: writer) }
            return out
        case .table:
            let showPage = items.contains { $0.1 != nil }
            var headers = ["kind", "subject", "metric", "value", "unit", "date", "period", "target", "prev", "qual", "text"]
            if showPage { headers.append("page") }
            let rows: [[String]] = items.map { o, page, _ in
                var r = [o.kind, o.subject, o.metric, Self.valueText(o), o.unit ?? "", o.date ?? "", o.period ?? "", o.target ?? "",
                         o.previous.map(Self.number) ?? "", o.qualifier ?? "", o.text]
                if showPage { r.append(page.map(Self.shortPath) ?? "") }
                return r
            }
            return TableRenderer(headers: headers, rows: rows, rightAligned: [3, 8], maxCellWidth: 28).render()
        }
    }

    public static func valueText(_ o: Observation) -> String {
        number(o.value) + (o.valueHigh.map { "–" + number($0) } ?? "")
    }

    /// Human-readable numbers: grouping for large values, no trailing zeros.
    public static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 {
            let digits = String(Int64(abs(d)))
            var grouped = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            return (d < 0 ? "-" : "") + grouped
        }
        return JSONWriter.number(d)
    }

    public static func shortPath(_ p: String) -> String {
        p.split(separator: "/").last.map(String.init) ?? p
    }
}
