/// Minimal JSON output with the number formatting the contract expects:
/// integral values print without a fraction, everything else as Swift's
/// shortest round-tripping form. Faster than JSONEncoder and key order is fixed.
public enum JSONWriter {
    public enum Value {
        case string(String?)
        case number(Double?)
        case integer(Int?)
        case bool(Bool)
        /// Written as given (an array already in JSON).
        case raw(String)
    }

    /// A JSON array of objects already written, one a line (`[]` when empty), or JSON lines.
    public static func document(_ objects: [String], lines: Bool) -> String {
        if lines { return objects.map { $0 + "\n" }.joined() }
        return "[" + objects.map { "\n  " + $0 }.joined(separator: ",") + (objects.isEmpty ? "]\n" : "\n]\n")
    }

    public static func object(_ fields: [(String, Value)]) -> String {
        var out = "{"
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { out += "," }
            out += quote(key)
            out += ":"
            switch value {
            case .string(let s): out += s.map(quote) ?? "null"
            case .number(let d): out += d.map(number) ?? "null"
            case .integer(let n): out += n.map { String($0) } ?? "null"
            case .bool(let b): out += b ? "true" : "false"
            case .raw(let json): out += json
            }
        }
        return out + "}"
    }

    public static func number(_ d: Double) -> String {
        if !d.isFinite { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
