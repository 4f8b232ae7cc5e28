import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresStore

struct TariffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs",
        abstract: "How tariff rates changed: who levies, on whom, previous → new rate, change in points.",
        discussion: """
        A rate stated without a previous one is listed as a level. --subject is the levying country
        (US, MX, EU…), --target the one charged (CN, MY, ASEAN…). Exit status 1 when nothing matches.

        Example:
          figures tariffs
          figures tariffs --subject US --target MY
          figures tariffs --since 2025-07-01 --format csv
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Levying country (ISO alpha-2 or group id).")
    var subject: String?

    @Option(help: "Country or group charged.")
    var target: String?

    @Option(help: "Only changes dated on or after this day (undated ones are kept).")
    var since: Day?

    @Option(help: "Output format: table, csv, tsv, json or jsonl.")
    var format: OutputFormat = .table

    func validate() throws { try requireSupportedYears(["--since": since]) }

    func run() throws {
        let store = try database.openForReading()
        let rows = try store.tariffs(subject: subject, target: target, since: since)
        if rows.isEmpty {
            warn("no tariff observations" + (subject.map { " levied by \($0)" } ?? "") + (target.map { " on \($0)" } ?? ""))
            throw ExitCode(1)
        }
        let out = Output()
        try out.write(TariffReport.render(rows, as: format))
        try out.flush()
    }
}
