import ArgumentParser

@main
struct Figures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Turn Chinese-language financial news into a clean time series.",
        discussion: """
        Pulls index levels and moves, exchange rates, tariff rates, interest-rate moves and company figures
        out of news pages (Traditional or Simplified Chinese) as typed observations, keeps them in SQLite
        and reports on them.

        Start with `figures demo`, which needs no flags.
        """,
        subcommands: [
            DemoCommand.self, ExtractCommand.self, IngestCommand.self, QueryCommand.self, ExportCommand.self,
            TariffsCommand.self, ExplainCommand.self, NumbersCommand.self,
        ]
    )
}
