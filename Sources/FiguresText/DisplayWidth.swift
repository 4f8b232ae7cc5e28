/// Terminal display width: a wide or full-width scalar (CJK, full-width forms)
/// takes two cells, a combining mark or control none, anything else one.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = eastAsianWideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = eastAsianWideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// `text` padded with spaces to `width` cells (left-aligned, or right-aligned for numbers).
    public static func pad(_ text: String, to width: Int, rightAligned: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return rightAligned ? spaces + text : text + spaces
    }
}
