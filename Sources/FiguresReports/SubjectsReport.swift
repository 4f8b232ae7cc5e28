import FiguresStore

/// What the database holds, one row per subject: id, names, kind, metrics, count, first and last day.
public enum SubjectsReport {
    public static let columns = ["id", "name", "english", "kind", "metrics", "count", "first", "last"]

    static func cells(_ s: FiguresStore.SubjectSummary, _ names: SubjectNames) -> [String] {
        let n = names.names(of: s.id)
        return [s.id, n.chinese ?? "", n.english ?? "", s.kind, s.metrics.joined(separator: " "), String(s.count),
                s.first?.description ?? "", s.last?.description ?? ""]
    }

    public static func render(_ items: [FiguresStore.SubjectSummary], names: SubjectNames, as format: OutputFormat) -> String {
        switch format {
        case .table:
            return TableRenderer(headers: columns, rows: items.map { cells($0, names) }, rightAligned: [5], maxCellWidth: 48).render()
        case .csv, .tsv:
            let writer = CSVWriter(separator: format == .csv ? "," : "\t", headers: columns, text: ["id", "name", "english", "metrics"])
            return writer.row(columns) + items.map { writer.row(cells($0, names)) }.joined()
        case .json, .jsonl:
            let lines = items.map { s -> String in
                let n = names.names(of: s.id)
                return JSONWriter.object([
                    ("id", .string(s.id)), ("name", .string(n.chinese)), ("english", .string(n.english)), ("kind", .string(s.kind)),
                    ("metrics", .raw("[" + s.metrics.map(JSONWriter.quote).joined(separator: ",") + "]")), ("count", .integer(s.count)),
                    ("first", .string(s.first?.description)), ("last", .string(s.last?.description)),
                ])
            }
            return JSONWriter.document(lines, lines: format == .jsonl)
        }
    }
}
