import FiguresData

/// A page's text in the two forms every later stage needs.
///
/// `scalars` are the page's Unicode scalars as written, so that spans can be
/// reported exactly. `folded` holds one code point per scalar (offsets stay
/// aligned) with the differences that do not matter for recognition removed:
/// full-width ASCII becomes ASCII, the ideographic space a space, the odd
/// decimal points and minus signs their ASCII forms, a lone carriage return
/// (old Mac line ends) a line feed, and Traditional characters their
/// Simplified forms. Recognisers match on `folded` only.
///
/// A leading byte-order mark is not part of the text: the spec counts offsets
/// from the first scalar after it.
public struct NormalizedText: Sendable {
    /// The page's code points as written.
    public let original: [UInt32]
    public let folded: [UInt32]

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        // A page has at most as many scalars as UTF-8 bytes: both arrays are filled in one pass over
        // the bytes (a String's storage is valid UTF-8), each scalar decoded once and written with its
        // folded form, one read from a table of the BMP. Nothing is zeroed first.
        let capacity = text.utf8.count
        var folded: [UInt32] = []
        let table = ScriptFold.shared.bmp
        let original = [UInt32](unsafeUninitializedCapacity: capacity) { out, written in
            folded = [UInt32](unsafeUninitializedCapacity: capacity) { fout, foldedCount in
                table.withUnsafeBufferPointer { table in
                    var count = 0
                    _ = text.utf8.withContiguousStorageIfAvailable { bytes in
                        let n = bytes.count
                        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
                        while i < n {
                            let b0 = UInt32(bytes[i])
                            if b0 < 0x80 {   // ASCII folds to itself, but for a CR that ends a line alone
                                out.initializeElement(at: count, to: b0)
                                // one for one, so offsets stay those of the page as written; a CR of a CRLF
                                // stays, the LF after it ends the line
                                let foldedASCII: UInt32 = b0 == 0x0D && (i &+ 1 == n || bytes[i &+ 1] != 0x0A) ? 0x0A : b0
                                fout.initializeElement(at: count, to: foldedASCII)
                                count &+= 1; i &+= 1
                                continue
                            }
                            let v: UInt32
                            if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F); i &+= 2 }
                            else if b0 < 0xF0 { v = (b0 & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F); i &+= 3 }
                            else { v = (b0 & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6 | UInt32(bytes[i &+ 3] & 0x3F); i &+= 4 }
                            out.initializeElement(at: count, to: v)
                            fout.initializeElement(at: count, to: v < 0x10000 ? table[Int(v)] : v)
                            count &+= 1
                        }
                    }
                    written = count
                    foldedCount = count
                }
            }
        }
        self.original = original
        self.folded = folded
    }

    @inlinable public var count: Int { folded.count }

    /// The text as written between two scalar offsets (end exclusive).
    public func text(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, original.count)), hi = max(lo, min(end, original.count))
        return NormalizedText.string(original[lo..<hi])
    }

    /// The folded text between two offsets, as a String (for lexicon look-ups and messages).
    public func foldedText(_ start: Int, _ end: Int) -> String {
        let lo = max(0, min(start, folded.count)), hi = max(lo, min(end, folded.count))
        return NormalizedText.string(folded[lo..<hi])
    }

    /// A String of code points, written as UTF-8 into the string's own storage in one pass (appending
    /// scalar by scalar to a String re-checks and re-grows it each time; figures, names and messages
    /// are cut from the page by the thousand). Values that are no Unicode scalar (surrogates, beyond
    /// U+10FFFF) are left out, as `Unicode.Scalar(_:)` would.
    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        if scalars.isEmpty { return "" }
        return String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for v in scalars {
                if v < 0x80 {
                    out[n] = UInt8(truncatingIfNeeded: v); n &+= 1
                } else if v < 0x800 {
                    out[n] = UInt8(truncatingIfNeeded: 0xC0 | v >> 6)
                    out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); n &+= 2
                } else if v < 0x10000 {
                    if v >= 0xD800 && v <= 0xDFFF { continue }
                    out[n] = UInt8(truncatingIfNeeded: 0xE0 | v >> 12)
                    out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                    out[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); n &+= 3
                } else if v <= 0x10FFFF {
                    out[n] = UInt8(truncatingIfNeeded: 0xF0 | v >> 18)
                    out[n &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v >> 12) & 0x3F)
                    out[n &+ 2] = UInt8(truncatingIfNeeded: 0x80 | (v >> 6) & 0x3F)
                    out[n &+ 3] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F); n &+= 4
                }
            }
            return n
        }
    }

    /// True when the folded text in `[from, to)` holds `word` (already folded) as whole characters:
    /// what `foldedText(from, to).contains(String)` answered, without building the String. A match
    /// followed by a combining mark or joiner is none (the String comparison is by characters).
    public func containsFolded(_ word: [UInt32], from: Int, to: Int) -> Bool {
        let lo = max(0, from), hi = min(to, folded.count)
        guard !word.isEmpty, hi - lo >= word.count else { return word.isEmpty }
        var k = lo
        while k + word.count <= hi {
            if folded[k] == word[0], matches(word, at: k) {
                let after = k + word.count
                if after >= hi || !NormalizedText.extendsCharacter(folded[after]) {
                    return true
                }
            }
            k += 1
        }
        return false
    }

    /// A scalar that belongs to the character before it (a combining or spacing mark, a joiner).
    static func extendsCharacter(_ v: UInt32) -> Bool {
        guard v >= 0x300, let u = Unicode.Scalar(v) else { return false }
        return v == 0x200D || u.properties.isGraphemeExtend || u.properties.generalCategory == .spacingMark
    }

    /// True when the folded text at `offset` starts with `word` (already folded).
    @inlinable @inline(__always)
    public func matches(_ word: [UInt32], at offset: Int) -> Bool {
        guard offset >= 0, offset + word.count <= folded.count else { return false }
        var i = 0
        while i < word.count {
            if folded[offset + i] != word[i] { return false }
            i += 1
        }
        return true
    }

    /// True when the folded text ending just before `offset` ends with `word`.
    @inlinable @inline(__always)
    public func matches(_ word: [UInt32], endingAt offset: Int) -> Bool {
        matches(word, at: offset - word.count)
    }

    @inlinable public subscript(_ i: Int) -> UInt32 { i >= 0 && i < folded.count ? folded[i] : 0 }
}

/// Folds one code point: width, punctuation and script differences.
public struct ScriptFold: Sendable {
    public static let shared = ScriptFold()

    /// The folded form of every scalar of the Basic Multilingual Plane: one array read per scalar.
    let bmp: [UInt32]

    /// The Han characters only Simplified script writes (亿, 营, 亚): what the fold turns a Traditional form
    /// into, and not a Traditional form itself. Indexed by code point (the BMP).
    public let simplifiedForms: [Bool]

    init() {
        var table = (0..<UInt32(0x10000)).map { $0 }
        for line in TableFile.rows(named: "script-fold.tsv") {
            guard line.count == 2,
                  let t = line[0].unicodeScalars.first, let s = line[1].unicodeScalars.first, t.value < 0x10000,
                  t.value >= 0x80 else { continue }   // ASCII folds to itself (NormalizedText skips the table for it)
            table[Int(t.value)] = s.value
        }
        for v in UInt32(0xFF01)...0xFF5E { table[Int(v)] = v - 0xFEE0 }     // full-width ASCII
        table[0x3000] = 0x20                                                // ideographic space
        table[0x00A0] = 0x20
        for v in [0xFE52, 0xFF0E] { table[v] = 0x2E }                       // small and full-width full stop used as decimal point
        for v in [0x2212, 0x2013, 0xFE63] { table[v] = 0x2D }               // minus sign, en dash, small hyphen-minus
        for v in [0x25CB, 0x25EF] { table[v] = 0x3007 }                     // ○ and ◯ written for the numeral 〇 (○．四％, 二○二五年)
        bmp = table
        var forms = [Bool](repeating: false, count: 0x10000)
        for (k, v) in table.enumerated() where Int(v) != k && v >= 0x4E00 && v <= 0x9FFF { forms[Int(v)] = true }
        for (k, v) in table.enumerated() where Int(v) != k { forms[k] = false }   // a Traditional form is none
        simplifiedForms = forms
    }

    @inline(__always)
    public func fold(_ v: UInt32) -> UInt32 {
        v < 0x10000 ? bmp[Int(v)] : v
    }

    /// Folds a whole string (used for lexicon keys and cue words).
    public func fold(_ s: String) -> [UInt32] { s.unicodeScalars.map { fold($0.value) } }
    public func foldedString(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for v in fold(s) { if let u = Unicode.Scalar(v) { out.append(u) } }
        return String(out)
    }
}

/// Reads the embedded tab-separated tables: one entry a line, `#` starts a comment line.
public enum TableFile {
    public static func rows(named name: String) -> [[String]] {
        guard let text = EmbeddedData.files[name] else {
            preconditionFailure("table \(name) is not embedded: name it in Package.swift (tables) and data/EmbeddedData.swift")
        }
        return rows(of: text)
    }

    /// Lines and tabs are found in the UTF-8 bytes: the tables are read when a process starts, and
    /// splitting them by Characters was most of the start-up of `figures extract` on one page. A line's
    /// one trailing CR is dropped, so a table saved with CRLF line ends reads the same. (A test compares
    /// this with the Character-based reading on every embedded table.)
    public static func rows(of text: String) -> [[String]] {
        var rows = [[String]]()
        var text = text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let n = bytes.count
            var lineStart = 0
            for i in 0...n where i == n || bytes[i] == 0x0A {
                var end = i
                if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
                if end > lineStart, bytes[lineStart] != 0x23 {   // not blank, not a # comment
                    var fields: [String] = []
                    var fieldStart = lineStart
                    for k in lineStart...end where k == end || bytes[k] == 0x09 {
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<k]), as: UTF8.self))
                        fieldStart = k + 1
                    }
                    rows.append(fields)
                }
                lineStart = i + 1
            }
        }
        return rows
    }
}

extension Substring {
    var trimmingTrailingCarriageReturn: Substring {
        hasSuffix("\r") ? dropLast() : self
    }
}
