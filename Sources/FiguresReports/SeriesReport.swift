import FiguresStore
import FiguresQuantities

/// A series as a table, CSV or JSON: one row per date, with how many observations gave a figure for it
/// and how many agreed with the value chosen (see `SeriesRule`).
public enum SeriesReport {
    public static let columns = ["subject", "metric", "date", "value", "value_high", "unit", "sources", "agree", "disagree", "other_values"]
    static let textColumns: Set<String> = ["subject", "metric", "date", "other_values"]

    static func cells(_ s: Series, _ p: SeriesPoint, human: Bool) -> [String] {
        func n(_ d: Double) -> String { human ? ObservationFormatter.number(d) : JSONWriter.number(d) }
        return [s.subject, s.metric, p.label, n(p.value), p.valueHigh.map { n($0) } ?? "", p.unit ?? "", String(p.sources), String(p.agree),
                String(p.disagree), p.others.map { n($0) }.joined(separator: " ")]
    }

    public static func render(_ series: [Series], as format: OutputFormat) -> String {
        switch format {
        case .table:
            let rows = series.flatMap { s in s.points.map { cells(s, $0, human: true) } }
            return TableRenderer(headers: columns, rows: rows, rightAligned: [3, 4, 6, 7, 8]).render()
        case .csv, .tsv:
            let writer = CSVWriter(separator: format == .csv ? "," : "\t", headers: columns, text: textColumns)
            return writer.row(columns) + series.flatMap { s in s.points.map { writer.row(cells(s, $0, human: false)) } }.joined()
        case .json, .jsonl:
            let lines = series.flatMap { s in
                s.points.map { p in
                    JSONWriter.object([
                        ("subject", .string(s.subject)), ("metric", .string(s.metric)), ("date", .string(p.label)),
                        ("value", .number(p.value)), ("value_high", .number(p.valueHigh)), ("unit", .string(p.unit)),
                        ("sources", .integer(p.sources)), ("agree", .integer(p.agree)), ("disagree", .integer(p.disagree)),
                        ("other_values", .raw("[" + p.others.map(JSONWriter.number).joined(separator: ",") + "]")),
                    ])
                }
            }
            return JSONWriter.document(lines, lines: format == .jsonl)
        }
    }

    /// Date × subject: one row per date, one column per series (named `SUBJECT` when every series has the
    /// same metric, else `SUBJECT metric`), empty where a series has no value.
    public static func renderWide(_ series: [Series], as format: OutputFormat) -> String {
        let sameMetric = Set(series.map(\.metric)).count <= 1
        let names = series.map { sameMetric ? $0.subject : "\($0.subject) \($0.metric)" }
        var byLabel: [String: (Day, [Double?])] = [:]
        for (i, s) in series.enumerated() {
            for p in s.points {
                var entry = byLabel[p.label] ?? (p.day, Array(repeating: nil, count: series.count))
                entry.1[i] = p.value
                byLabel[p.label] = entry
            }
        }
        let dates = byLabel.sorted { ($0.value.0, $0.key) < ($1.value.0, $1.key) }
        let headers = ["date"] + names
        switch format {
        case .table:
            let rows = dates.map { [$0.key] + $0.value.1.map { $0.map(ObservationFormatter.number) ?? "" } }
            return TableRenderer(headers: headers, rows: rows, rightAligned: Set(1..<headers.count)).render()
        case .csv, .tsv:
            let writer = CSVWriter(separator: format == .csv ? "," : "\t", headers: headers, text: ["date"])
            return writer.row(headers) + dates.map { writer.row([$0.key] + $0.value.1.map { $0.map(JSONWriter.number) ?? "" }) }.joined()
        case .json, .jsonl:
            let lines = dates.map { d in JSONWriter.object([("date", .string(d.key))] + zip(names, d.value.1).map { ($0, .number($1)) }) }
            return JSONWriter.document(lines, lines: format == .jsonl)
        }
    }
}

/// A one-line chart of values in block characters (▁▂▃▄▅▆▇█), at most `width` wide (longer series are
/// averaged into buckets).
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public static func render(_ values: [Double], width: Int = 60) -> String {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return "" }
        var sampled = finite
        if finite.count > width {
            sampled = (0..<width).map { i in
                let a = i * finite.count / width, b = max(a + 1, (i + 1) * finite.count / width)
                return finite[a..<b].reduce(0, +) / Double(b - a)
            }
        }
        let lo = sampled.min()!, hi = sampled.max()!
        return String(sampled.map { v in
            hi == lo ? blocks[3] : blocks[min(7, Int(((v - lo) / (hi - lo) * 8).rounded(.down)))]
        })
    }

    /// The line `series --format table` ends with on a terminal: the sparkline, then the range.
    public static func line(_ s: Series) -> String {
        let values = s.points.map(\.value)
        guard let lo = values.min(), let hi = values.max() else { return "" }
        let unit = s.unit.map { " " + $0 } ?? ""
        return "\(s.subject) \(s.metric)  \(render(values))  \(ObservationFormatter.number(lo))–\(ObservationFormatter.number(hi))\(unit)\n"
    }
}
