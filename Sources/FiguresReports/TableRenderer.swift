import FiguresText

/// Aligned text tables for the terminal. Columns are measured in display cells,
/// so a CJK character counts two and columns line up under Chinese text.
public struct TableRenderer {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns to right-align (numbers).
    public var rightAligned: Set<Int>
    /// Longest a cell may be, in cells; longer text is cut with an ellipsis.
    public var maxCellWidth: Int

    public init(headers: [String], rows: [[String]], rightAligned: Set<Int> = [], maxCellWidth: Int = 40) {
        self.headers = headers
        self.rows = rows
        self.rightAligned = rightAligned
        self.maxCellWidth = maxCellWidth
    }

    public func render() -> String {
        let cut = rows.map { $0.map { TableRenderer.truncate($0, to: maxCellWidth) } }
        var widths = headers.map { DisplayWidth.of($0) }
        for row in cut {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                parts.append(DisplayWidth.pad(cell, to: w, rightAligned: rightAligned.contains(i)))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in cut { out += line(row) + "\n" }
        return out
    }

    /// Cuts `text` to at most `width` display cells, ending in `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
        guard DisplayWidth.of(flat) > width else { return flat }
        var out = String.UnicodeScalarView()
        var used = 0
        for s in flat.unicodeScalars {
            let w = DisplayWidth.of(s)
            if used + w > width - 1 { break }
            out.append(s)
            used += w
        }
        return String(out) + "…"
    }
}
