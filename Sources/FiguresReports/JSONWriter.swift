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
        // written as UTF-8 bytes into one buffer: a page's JSON lines are as many bytes as its text,
        // and appending to a String scalar by scalar cost as much as the extraction itself
        var out: [UInt8] = []
        out.reserveCapacity(320)
        out.append(UInt8(ascii: "{"))
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(key, to: &out)
            out.append(UInt8(ascii: ":"))
            switch value {
            case .string(let s): if let s { appendQuoted(s, to: &out) } else { out += "null".utf8 }
            case .number(let d): out += (d.map(number) ?? "null").utf8
            case .integer(let n): out += (n.map { String($0) } ?? "null").utf8
            case .bool(let b): out += (b ? "true" : "false").utf8
            case .raw(let json): out += json.utf8
            }
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    public static func number(_ d: Double) -> String {
        if !d.isFinite { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string: quotes, backslashes and control characters escaped, every other byte of
    /// its UTF-8 as it is (bytes of multi-byte characters are never below 0x80, so never escaped).
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        let hexDigits: StaticString = "0123456789abcdef"
        out.append(UInt8(ascii: "\""))
        // most strings need no escape: their bytes are copied at once
        var s = s
        let plain = s.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain { out.append(UInt8(ascii: "\"")); return }
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case ..<0x20:
                // \u00XX, lowercase hex as String(_:radix:) writes it
                out += "\\u00".utf8
                hexDigits.withUTF8Buffer { hex in
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0x0F)])
                }
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
