import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresStore

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Observations of a subject and metric, by date, with their source.",
        discussion: """
        SUBJECT is an id such as N225, HSI, USD/TWD, FED, TSMC or US (case does not matter); METRIC
        is close, change_pct, tariff_rate… Leave either out to see all. --as-of gives, per subject
        and metric, the latest value dated on or before that day.

        Exit status: 0 with rows; 1 when nothing matches (with a message on stderr naming close subjects).

        Example:
          figures query N225 close --from 2025-12-01 --to 2025-12-31
          figures query USD/TWD --on 2025-12-12
          figures query --kind index --as-of 2025-12-12
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "Subject id (N225, USD/TWD, FED, TSMC, US…).")
    var subject: String?

    @Argument(help: "Metric (close, change, change_pct, policy_rate_change, tariff_rate, revenue…).")
    var metric: String?

    @Option(help: "Only this kind: index, equity, fx, rate, tariff, financial, macro, commodity.")
    var kind: String?

    @Option(help: "Only figures dated this day.")
    var on: Day?

    @Option(help: "Only figures dated on or after this day.")
    var from: Day?

    @Option(help: "Only figures dated on or before this day.")
    var to: Day?

    @Option(name: .customLong("as-of"), help: "Latest value per subject and metric dated on or before this day.")
    var asOf: Day?

    @Option(help: "Output format: table, csv, tsv, json or jsonl.")
    var format: OutputFormat = .table

    static let kinds: Set<String> = ["index", "equity", "fx", "rate", "tariff", "financial", "macro", "commodity"]

    func validate() throws {
        try requireSupportedYears(["--on": on, "--from": from, "--to": to, "--as-of": asOf])
        if let kind, !Self.kinds.contains(kind) {
            throw ValidationError("unknown kind '\(kind)'; use one of \(Self.kinds.sorted().joined(separator: ", "))")
        }
        if on != nil && (from != nil || to != nil || asOf != nil) { throw ValidationError("--on cannot be combined with --from/--to/--as-of") }
        if asOf != nil && (from != nil || to != nil) { throw ValidationError("--as-of cannot be combined with --from/--to") }
        if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
    }

    func run() throws {
        let store = try database.openForReading()
        let rows: [StoredObservation]
        if let asOf {
            rows = try store.latest(asOf: asOf, subject: subject, metric: metric, kind: kind)
        } else {
            rows = try store.observations(matching: ObservationFilter(subject: subject, metric: metric, kind: kind, on: on, from: from, to: to))
        }
        if rows.isEmpty {
            var message = "no observations"
            if let subject { message += " for subject \(subject)" }
            if let metric { message += " with metric \(metric)" }
            if on != nil || from != nil || to != nil || asOf != nil { message += " in that date range" }
            if let subject {
                let known = try store.subjects()
                let close = known.filter { $0.lowercased().contains(subject.lowercased()) || subject.lowercased().contains($0.lowercased()) }
                if !close.isEmpty { message += "; subjects with similar ids: \(close.prefix(8).joined(separator: ", "))" }
                else if !known.contains(where: { $0.caseInsensitiveCompare(subject) == .orderedSame }) {
                    message += "; \(subject) is not in the database (\(known.count) subjects are)"
                }
            }
            warn(message)
            throw ExitCode(1)
        }
        let out = Output()
        try out.write(ObservationFormatter().render(rows.map { ($0.observation, $0.page, $0.extractorVersion) }, as: format))
        try out.flush()
    }
}
