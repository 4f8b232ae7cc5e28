import ArgumentParser
import FiguresQuantities
import FiguresReports
import FiguresText

struct NumbersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "numbers",
        abstract: "Show every number, percent, amount and range the recogniser finds in a text.",
        discussion: """
        The window to open when a figure was read in a way you did not expect. TEXT is the text itself,
        or - to read standard input. Offsets count Unicode scalars; end is exclusive.

        Example:
          figures numbers '營收2兆7629.64億元，年增36.4%，毛利率三成五'
          echo '降息1碼至3.75%至4%' | figures numbers --format table -
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, table }

    @Option(help: "Which recogniser to show: number, percent, currency, range or all.")
    var model: QuantityFormat.Model = .all

    @Option(help: "jsonl or table.")
    var format: Format = .jsonl

    @Option(help: "Currency of bare 元: TWD, CNY or HKD.")
    var yuan: String = "CNY"

    @Argument(help: "The text, or - for standard input.")
    var text: String

    func run() throws {
        let input = text == "-" ? try readPage("-") : text
        let normalized = NormalizedText(input)
        let found = QuantityRecognizer.shared.recognize(normalized).quantities.filter { QuantityFormat.included($0, in: model) }
        var out = Output()
        switch format {
        case .jsonl:
            for q in found { out.write(QuantityFormat.json(q, text: normalized, localCurrency: yuan) + "\n") }
        case .table:
            let rows = found.map { q in
                [normalized.text(q.start, q.end), QuantityFormat.type(of: q), ObservationFormatter.number(q.value) + (q.high.map { "–" + ObservationFormatter.number($0) } ?? ""),
                 q.unit.code ?? "", q.qualifier?.rawValue ?? "", "\(q.start)", "\(q.end)"]
            }
            out.write(TableRenderer(headers: ["text", "type", "value", "unit", "qualifier", "start", "end"], rows: rows, rightAligned: [2, 5, 6]).render())
        }
        out.flush()
    }
}

extension QuantityFormat.Model: ExpressibleByArgument {}
