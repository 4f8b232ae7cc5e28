import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresStore

struct TariffsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tariffs",
        abstract: "How tariff rates changed: who levies, on whom, previous → new rate, change in points.",
        discussion: """
        Columns: levied_by, on, scope (what the rate covers, where the text names it), previous, new,
        new_high, change_pp, measure, qualifier, date, text, page. A rate stated without a previous one
        has an empty previous and change_pp: numeric columns hold numbers only. --subject is the levying
        country, --target the one charged: ids (US, CN, ASEAN) or names (美國, 马来西亚). Nothing
        matching prints the CSV header or `[]` (exit 0, a note on stderr); an unknown name is an error.

        Example:
          figures tariffs
          figures tariffs --subject US --target MY
          figures tariffs --subject 美國 --format csv
          figures tariffs --since 2025-07-01 --format csv
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Levying country (ISO alpha-2 or group id).", completion: Completion.subjects)
    var subject: String?

    @Option(help: "Country or group charged.")
    var target: String?

    @Option(help: "Only changes dated on or after this day (undated ones are kept).")
    var since: Day?

    @Option(help: "Output format: table, csv, tsv, json or jsonl.")
    var format: OutputFormat = .table

    @Option(name: .shortAndLong, help: "Write to this file (new, or a regular file to replace) instead of standard output.", completion: .file())
    var output: String?

    func validate() throws { try requireSupportedYears(["--since": since]) }

    func run() throws {
        try Destination.check(output, database: database)
        let store = try database.openForReading()
        let lookup = try Lookup(store)
        let rows = try store.tariffs(subjects: subject.map { try lookup.subject($0, role: "levying country") },
                                     targets: target.map { try lookup.target($0) }, since: since)
        if rows.isEmpty {
            noteEmpty("tariff observations" + (subject.map { " levied by \($0)" } ?? "") + (target.map { " on \($0)" } ?? ""))
        }
        try Destination.write(to: output) { out in try out.write(TariffReport.render(rows, as: format)) }
    }
}
