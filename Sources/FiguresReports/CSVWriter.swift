/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF.
public struct CSVWriter {
    public let separator: Character
    public init(separator: Character = ",") { self.separator = separator }

    public func field(_ s: String) -> String {
        if separator == "\t" {
            // TSV has no quoting: tabs and line breaks inside a field become spaces.
            return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        let needsQuotes = s.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    public func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: String(separator)) + (separator == "\t" ? "\n" : "\r\n")
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
