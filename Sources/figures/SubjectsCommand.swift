import ArgumentParser
import FiguresReports
import FiguresStore

struct SubjectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subjects",
        abstract: "What the database holds: each subject's id, names, kind, metrics, count, first and last date.",
        discussion: """
        QUERY keeps the subjects it names (an id or any lexicon name, as `query` takes them) or whose id
        or names contain it (any script, any case). first/last are dates, or for figures of a period with
        no date (company results), the period's first and last day. A sector stored in both scripts is
        one subject.

        Example:
          figures subjects
          figures subjects 台積 --format csv
          figures subjects --kind fx
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Part of an id or name (N225, 日經, 台積, USD…).", completion: Completion.subjects)
    var query: String?

    @Option(help: "Only this kind: index, equity, fx, rate, tariff, financial, macro, commodity.", completion: Completion.kinds)
    var kind: String?

    @Option(help: "Output format: table, csv, tsv, json or jsonl.")
    var format: OutputFormat = .table

    func validate() throws { try QueryCommand.validateKind(kind) }

    func run() throws {
        let store = try database.openForReading()
        let names = try store.subjectNames()
        var items = try store.subjectSummaries()
        if let kind { items = items.filter { $0.kind == kind.lowercased() } }
        if let query {
            var named: Set<String> = []
            if case .stored(let spellings) = names.resolve(query) { named = Set(spellings.map(SubjectNames.key)) }
            let q = SubjectNames.key(query)
            items = items.filter { s in
                let n = names.names(of: s.id)
                return named.contains(SubjectNames.key(s.id)) || SubjectNames.key(s.id).contains(q)
                    || [n.chinese, n.english].contains { $0.map { SubjectNames.key($0).contains(q) } ?? false }
            }
        }
        if items.isEmpty { noteEmpty("subjects" + (query.map { " matching \($0)" } ?? "") + (kind.map { " of kind \($0)" } ?? "")) }
        let out = Output()
        try out.write(SubjectsReport.render(items, names: names, as: format))
        try out.flush()
    }
}
