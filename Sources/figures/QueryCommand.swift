import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresStore

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Observations of a subject and metric, by date, with their source.",
        discussion: """
        SUBJECT is an id (N225, USD/TWD, TSMC, US), any name the lexicons give it (日經, 恆指, 台積電,
        Nikkei, 美國 — Traditional or Simplified, any case), a stock code (2330, 2330.TW), a currency
        (新台幣, TWD: its stored pairs) or a pair spelled USDTWD, USD/TWD or usd-twd. METRIC is close,
        change_pct, tariff_rate… (any case). Leave either out to see all; `query close` or --metric alone
        lists one metric across subjects. A figure of a period with no date (company results, macro)
        matches --on/--from/--to when its period overlaps them. --as-of gives, per subject and metric,
        the latest value on or before that day (a period's figure from its last day; values that differ
        on that day settled as in `figures series`).

        Exit status: 0, also when nothing matches (then csv/tsv print the header, json `[]`, and a note
        goes to stderr); 1 for a subject or metric the database does not have (with close ones named).

        Example:
          figures query N225 close --from 2025-12-01 --to 2025-12-31
          figures query USD/TWD --on 2025-12-12
          figures query --kind index --as-of 2025-12-12
          figures query 台積電 --period 2025
          figures query --metric close --on 2025-12-12 -o close.csv --format csv
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Subject: id or name (N225, 日經, 台積電, 2330, USDTWD, 新台幣, US…).", completion: Completion.subjects)
    var subject: String?

    @Argument(help: "Metric (close, change, change_pct, policy_rate_change, tariff_rate, revenue…).")
    var metric: String?

    @Option(name: .customLong("metric"), help: "Metric, when no subject is given (or instead of the second argument).")
    var metricOption: String?

    @Option(help: "Only this kind: index, equity, fx, rate, tariff, financial, macro, commodity.", completion: Completion.kinds)
    var kind: String?

    @Option(help: "Only figures dated this day (or of a period that includes it).")
    var on: Day?

    @Option(help: "Only figures dated on or after this day (or of a period that ends on or after it).")
    var from: Day?

    @Option(help: "Only figures dated on or before this day (or of a period that starts on or before it).")
    var to: Day?

    @Option(name: .customLong("as-of"), help: "Latest value per subject and metric on or before this day.")
    var asOf: Day?

    @Option(help: "Only figures of this period: as stored (1w, 2025-Q3) or a calendar period they lie within (2025, 2025-Q3, 2025-12).")
    var period: String?

    @Option(help: "Only figures about this target (the country a tariff is charged on, a rate's tenor…).")
    var target: String?

    @Option(help: "Output format: table, csv, tsv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file (new, or a regular file to replace) instead of standard output.", completion: .file())
    var output: String?

    static let kinds: Set<String> = ["index", "equity", "fx", "rate", "tariff", "financial", "macro", "commodity"]

    func validate() throws {
        try requireSupportedYears(["--on": on, "--from": from, "--to": to, "--as-of": asOf])
        try Self.validateKind(kind)
        if on != nil && (from != nil || to != nil || asOf != nil) { throw ValidationError("--on cannot be combined with --from/--to/--as-of") }
        if asOf != nil && (from != nil || to != nil) { throw ValidationError("--as-of cannot be combined with --from/--to") }
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
        if metric != nil && metricOption != nil { throw ValidationError("give the metric once: as the second argument or with --metric") }
    }

    static func validateKind(_ kind: String?) throws {
        if let kind, !kinds.contains(kind.lowercased()) {
            throw ValidationError("unknown kind '\(kind)'; use one of \(kinds.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        try Destination.check(output, database: database)
        let store = try database.openForReading()
        let lookup = try Lookup(store)
        var subjectQuery = subject, metricQuery = metric ?? metricOption
        // `query close`: a word that is no subject but a metric lists that metric across subjects
        if let s = subjectQuery, metricQuery == nil, !lookup.isSubject(s), MetricNames.resolve(s, stored: lookup.metrics) != nil {
            subjectQuery = nil
            metricQuery = s
        }
        let spellings = try subjectQuery.map { try lookup.subject($0) }
        let metricName = try metricQuery.map { try lookup.metric($0) }
        let filter = ObservationFilter(subjects: spellings, metric: metricName, kind: kind?.lowercased(), on: on, from: from, to: to,
                                       period: period, target: target)
        let rows = try asOf.map { try store.latest(asOf: $0, matching: filter) } ?? store.observations(matching: filter)
        if rows.isEmpty {
            var what = "observations"
            if let subjectQuery { what += " of \(subjectQuery)" }
            if let metricName { what += " with metric \(metricName)" }
            if let kind { what += " of kind \(kind)" }
            if on != nil || from != nil || to != nil || asOf != nil || period != nil { what += " in that date range or period" }
            noteEmpty(what)
        }
        try Destination.write(to: output) { out in
            try out.write(ObservationFormatter().render(rows.map { ($0.observation, $0.page, $0.extractorVersion) }, as: format))
        }
        if let output { warn("wrote \(rows.count) observations to \(output)") }
    }
}
