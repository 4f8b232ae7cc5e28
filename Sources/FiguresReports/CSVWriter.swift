/// RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted, quotes doubled, lines end in CRLF.
///
/// Text columns (names, spans, paths) that begin with `=`, `+`, `-`, `@`, a tab or a CR would be run as a
/// formula by a spreadsheet (CSV injection): they get a leading `'`, as OWASP advises. Numeric columns
/// are left alone, so a negative value `-1.2` stays a number.
public struct CSVWriter {
    public let separator: Character
    /// Indices of the columns that hold free text.
    public let textColumns: Set<Int>

    public init(separator: Character = ",", textColumns: Set<Int> = []) {
        self.separator = separator
        self.textColumns = textColumns
    }

    /// A writer for a table with these headers, whose text columns are the ones named in `text`.
    public init(separator: Character = ",", headers: [String], text: Set<String>) {
        self.init(separator: separator, textColumns: Set(headers.indices.filter { text.contains(headers[$0]) }))
    }

    public func field(_ s: String) -> String {
        if separator == "\t" {
            // TSV has no quoting: tabs and line breaks inside a field become spaces.
            return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
        }
        let needsQuotes = s.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }

    /// `s` with a leading `'` when a spreadsheet would take it for a formula.
    public static func neutralizingFormula(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaStarts.contains(first) else { return s }
        return "'" + s
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public func row(_ fields: [String]) -> String {
        fields.enumerated().map { i, s in field(textColumns.contains(i) ? Self.neutralizingFormula(s) : s) }
            .joined(separator: String(separator)) + (separator == "\t" ? "\n" : "\r\n")
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
