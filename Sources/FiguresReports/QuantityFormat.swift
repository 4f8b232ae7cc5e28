import FiguresQuantities
import FiguresText

/// How `figures numbers` shows a recognised quantity.
public enum QuantityFormat {
    public enum Model: String, CaseIterable, Sendable { case number, percent, currency, range, all }

    /// `number`, `percent`, `currency` or `range`.
    public static func type(of q: Quantity) -> String {
        if q.isRange { return "range" }
        switch q.unit {
        case .percent, .li, .percentagePoint: return "percent"
        case .currency, .localYuan, .fxMove: return "currency"
        default: return "number"
        }
    }

    public static func included(_ q: Quantity, in model: Model) -> Bool {
        model == .all || type(of: q) == model.rawValue
    }

    public static func json(_ q: Quantity, text: NormalizedText, localCurrency: String) -> String {
        var unit = q.unit.code
        var currency: String? = nil
        switch q.unit {
        case .currency(let iso): currency = iso.string
        case .localYuan, .fxMove: currency = localCurrency; unit = localCurrency
        case .measure, .times: unit = nil
        default: break
        }
        var fields: [(String, JSONWriter.Value)] = [
            ("type", .string(type(of: q))), ("value", .number(q.value)), ("value_high", .number(q.high)),
            ("unit", .string(unit)), ("currency", .string(currency)), ("qualifier", .string(q.qualifier?.rawValue)),
            ("text", .string(text.text(q.start, q.end))), ("start", .integer(q.start)), ("end", .integer(q.end)),
        ]
        if q.isRange {
            fields += [("low", .number(q.value)), ("high", .number(q.high)), ("low_inclusive", .bool(true)), ("high_inclusive", .bool(true))]
        }
        return JSONWriter.object(fields)
    }
}

extension QuantityFormat {
    /// A reference-suite result as `figures numbers --model` prints it.
    public static func json(_ r: ReferenceResult, text: NormalizedText) -> String {
        let type: String
        var unit: String? = nil
        switch r.kind {
        case .number: type = "number"
        case .percentage: type = "percent"; unit = "pct"
        case .currency: type = "currency"; unit = r.iso
        case .numberrange: type = "range"
        }
        var fields: [(String, JSONWriter.Value)] = [
            ("type", .string(type)), ("value", .number(r.kind == .numberrange ? r.low : r.value)),
            ("value_high", .number(r.kind == .numberrange ? r.high : nil)), ("unit", .string(unit)),
            ("currency", .string(r.kind == .currency ? r.iso : nil)), ("qualifier", .string(nil)),
            ("text", .string(text.text(r.start, r.end))), ("start", .integer(r.start)), ("end", .integer(r.end)),
        ]
        if r.kind == .numberrange {
            fields += [("low", .number(r.low)), ("high", .number(r.high)),
                       ("low_inclusive", r.low == nil ? .string(nil) : .bool(r.lowInclusive)),
                       ("high_inclusive", r.high == nil ? .string(nil) : .bool(r.highInclusive))]
        }
        return JSONWriter.object(fields)
    }

    /// The single recogniser of a model, in the reference suite's conventions; nil for `all`.
    public static func reference(_ model: Model, _ input: String) -> [ReferenceResult]? {
        switch model {
        case .number: return ReferenceModels.numbers(input)
        case .percent: return ReferenceModels.percents(input)
        case .currency: return ReferenceModels.currencies(input)
        case .range: return ReferenceModels.ranges(input)
        case .all: return nil
        }
    }
}
