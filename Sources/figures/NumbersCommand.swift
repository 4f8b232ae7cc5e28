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
        or - to read standard input. Offsets count Unicode scalars; end is exclusive. --model all (the
        default) shows what the extractor reads; number, percent, currency and range show one recogniser
        in the conventions of the Microsoft Recognizers-Text test suite (every numeral, fractions,
        discounts such as 九折, comparison ranges such as 大于10小于20).

        Example:
          figures numbers '營收2兆7629.64億元，年增36.4%，毛利率三成五'
          echo '降息1碼至3.75%至4%' | figures numbers --format table -
          figures numbers --model range '数目在 五百以上，大于10小于20'
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, table }

    @Option(help: "Which recogniser to show: number, percent, currency, range or all.")
    var model: QuantityFormat.Model = .all

    @Option(help: "jsonl or table.")
    var format: Format = .jsonl

    @Option(help: "Currency of bare 元: TWD, CNY or HKD.")
    var yuan: String = "CNY"

    @OptionGroup var encoding: EncodingOptions

    @Argument(help: "The text, or - for standard input.")
    var text: String

    func run() throws {
        let input = text == "-" ? try readPage("-", encoding: encoding.encoding) : text
        let normalized = NormalizedText(input)
        let out = Output()
        if let results = QuantityFormat.reference(model, input) {
            switch format {
            case .jsonl:
                for r in results { try out.write(QuantityFormat.json(r, text: normalized) + "\n") }
            case .table:
                let rows = results.map { r -> [String] in
                    let value = r.kind == .numberrange
                        ? "\(r.lowInclusive ? "[" : "(")\(r.low.map(ObservationFormatter.number) ?? ""),\(r.high.map(ObservationFormatter.number) ?? "")\(r.highInclusive ? "]" : ")")"
                        : r.value.map(ObservationFormatter.number) ?? ""
                    return [normalized.text(r.start, r.end), r.kind.rawValue, value, r.iso ?? "", "\(r.start)", "\(r.end)"]
                }
                try out.write(TableRenderer(headers: ["text", "type", "value", "currency", "start", "end"], rows: rows, rightAligned: [2, 4, 5]).render())
            }
            try out.flush()
            return
        }
        let found = QuantityRecognizer.shared.recognize(normalized).quantities
        switch format {
        case .jsonl:
            for q in found { try out.write(QuantityFormat.json(q, text: normalized, localCurrency: yuan) + "\n") }
        case .table:
            let rows = found.map { q in
                [normalized.text(q.start, q.end), QuantityFormat.type(of: q), ObservationFormatter.number(q.value) + (q.high.map { "–" + ObservationFormatter.number($0) } ?? ""),
                 q.unit.code ?? "", q.qualifier?.rawValue ?? "", "\(q.start)", "\(q.end)"]
            }
            try out.write(TableRenderer(headers: ["text", "type", "value", "unit", "qualifier", "start", "end"], rows: rows, rightAligned: [2, 5, 6]).render())
        }
        try out.flush()
    }
}

extension QuantityFormat.Model: ExpressibleByArgument {}
