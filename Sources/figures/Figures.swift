import ArgumentParser
import Foundation
import FiguresExtraction

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
        version: extractorVersion,
        subcommands: [
            DemoCommand.self, ExtractCommand.self, IngestCommand.self, LoadCommand.self, QueryCommand.self, SubjectsCommand.self, SeriesCommand.self,
            PlotCommand.self, ExportCommand.self, ReextractCommand.self, TariffsCommand.self, ExplainCommand.self, NumbersCommand.self,
        ]
    )

    /// The argument parser's main, plus: a failed write of standard output at the very end is an error
    /// too, and a plain failure (`CLIError`) is one line on stderr, `figures: …`, with exit status 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            try flushStandardOutputStream()
        } catch let failure as CLIError {
            warn(failure.description)
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
