import FiguresData
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The encodings a page can come in. Chinese news archives hold GB18030 (mainland), Big5 (Taiwan,
/// Hong Kong) and UTF-16 files beside UTF-8 ones.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", utf32LE = "UTF-32LE", utf32BE = "UTF-32BE"
    case gb18030 = "GB18030", big5 = "Big5"
}

/// What `--encoding` can force: the byte order of UTF-16 still comes from the byte-order mark (or the
/// position of the zero bytes).
public enum EncodingChoice: String, Sendable, CaseIterable {
    case utf8 = "utf-8", utf16 = "utf-16", gb18030, big5
}

/// A page's bytes as text, and how they were read.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: TextEncoding
    /// The encoding was read from a byte-order mark (which is not part of `text`).
    public var byteOrderMark: Bool
    /// Byte sequences that were not valid in the encoding, each replaced by U+FFFD.
    public var replacements: Int
}

/// The bytes are not text: NUL bytes outside UTF-16/32, or too many invalid sequences and control characters.
public struct NotText: Error, Sendable, CustomStringConvertible {
    public var description: String { "not a text file (binary)" }
}

/// Decodes a page: a byte-order mark first (UTF-8, UTF-16, UTF-32), then UTF-8 when the bytes are
/// (nearly all) valid UTF-8, else GB18030 or Big5, whichever reads more of the bytes as valid
/// two-byte sequences — and, when both read them all (Big5 bytes are mostly valid GB18030), whichever
/// gives more of the characters the lexicons use.
public enum TextDecoder {
    /// More than this share of invalid sequences and control characters, and the bytes are not text.
    static let maxJunkShare = 0.1
    /// Up to this share of a file's non-ASCII bytes may be invalid UTF-8 and the file is still UTF-8
    /// with a few bad bytes; GB18030 or Big5 read as UTF-8 are mostly invalid.
    static let maxInvalidUTF8Share = 0.3

    public static func decode(_ bytes: [UInt8], as choice: EncodingChoice? = nil) throws(NotText) -> DecodedText {
        let decoded = decodeWithoutCheck(bytes, as: choice)
        if isJunk(decoded) { throw NotText() }
        return decoded
    }

    static func decodeWithoutCheck(_ bytes: [UInt8], as choice: EncodingChoice?) -> DecodedText {
        if let (encoding, markLength) = byteOrderMark(bytes), choice == nil || choice == encoding.choice {
            // a mark that agrees with --encoding (or no --encoding): the mark gives the byte order
            var decoded = decode(Array(bytes[markLength...]), encoding)
            decoded.byteOrderMark = true
            return decoded
        }
        switch choice {
        case .utf8?: return decode(bytes, .utf8)
        case .utf16?: return decode(bytes, utf16ByteOrder(bytes) ?? .utf16LE)
        case .gb18030?: return decode(bytes, .gb18030)
        case .big5?: return decode(bytes, .big5)
        case nil: return detect(bytes)
        }
    }

    static func detect(_ bytes: [UInt8]) -> DecodedText {
        if bytes.contains(0) {
            // NUL bytes: UTF-16 without a mark (zero high bytes of ASCII on one side), or not text
            if let order = utf16ByteOrder(bytes) { return decode(bytes, order) }
            return DecodedText(text: "", encoding: .utf8, byteOrderMark: false, replacements: bytes.count)
        }
        let utf8 = decode(bytes, .utf8)
        let nonASCII = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        if utf8.replacements == 0 || Double(utf8.replacements) <= maxInvalidUTF8Share * Double(nonASCII) { return utf8 }
        let gb = decode(bytes, .gb18030), big5 = decode(bytes, .big5)
        if gb.replacements != big5.replacements && abs(gb.replacements - big5.replacements) * 50 > nonASCII {
            return gb.replacements < big5.replacements ? gb : big5
        }
        return familiarShare(big5.text) > familiarShare(gb.text) ? big5 : gb
    }

    // MARK: byte-order marks and UTF-16 without one

    static func byteOrderMark(_ b: [UInt8]) -> (TextEncoding, Int)? {
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if b.starts(with: [0xFF, 0xFE, 0, 0]) { return (.utf32LE, 4) }
        if b.starts(with: [0, 0, 0xFE, 0xFF]) { return (.utf32BE, 4) }
        if b.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if b.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 without a byte-order mark shows its byte order by where the zero bytes of ASCII
    /// characters fall: after each (little-endian) or before (big-endian). Nil when they fall on both sides.
    static func utf16ByteOrder(_ b: [UInt8]) -> TextEncoding? {
        guard b.count >= 2, b.count % 2 == 0 else { return nil }
        var zerosAtEven = 0, zerosAtOdd = 0
        for i in b.indices where b[i] == 0 { if i % 2 == 0 { zerosAtEven += 1 } else { zerosAtOdd += 1 } }
        let zeros = zerosAtEven + zerosAtOdd
        guard zeros > 0 else { return nil }
        if zerosAtOdd * 10 >= zeros * 9 { return .utf16LE }
        if zerosAtEven * 10 >= zeros * 9 { return .utf16BE }
        return nil
    }

    // MARK: decoding

    static func decode(_ bytes: [UInt8], _ encoding: TextEncoding) -> DecodedText {
        let (text, replacements): (String, Int)
        switch encoding {
        case .utf8: (text, replacements) = decodeUTF8(bytes)
        case .utf16LE, .utf16BE: (text, replacements) = decodeUTF16(bytes, bigEndian: encoding == .utf16BE)
        case .utf32LE, .utf32BE: (text, replacements) = decodeUTF32(bytes, bigEndian: encoding == .utf32BE)
        case .gb18030: (text, replacements) = decodeWithIconv(bytes, from: ["GB18030"])
        case .big5: (text, replacements) = decodeWithIconv(bytes, from: ["BIG5-HKSCS", "BIG5"])
        }
        return DecodedText(text: text, encoding: encoding, byteOrderMark: false, replacements: replacements)
    }

    static func decodeUTF8(_ bytes: [UInt8]) -> (String, Int) {
        if let valid = String(validating: bytes, as: UTF8.self) { return (valid, 0) }
        return transcode(bytes.makeIterator(), UTF8.self)
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> (String, Int) {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { i -> UInt16 in
            let (high, low) = bigEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            return UInt16(high) << 8 | UInt16(low)
        }
        let (text, replacements) = transcode(units.makeIterator(), UTF16.self)
        return (text, replacements + bytes.count % 2)
    }

    static func decodeUTF32(_ bytes: [UInt8], bigEndian: Bool) -> (String, Int) {
        let units = stride(from: 0, to: bytes.count - 3, by: 4).map { i -> UInt32 in
            let order = bigEndian ? [i, i + 1, i + 2, i + 3] : [i + 3, i + 2, i + 1, i]
            var unit: UInt32 = 0
            for k in order { unit = unit << 8 | UInt32(bytes[k]) }
            return unit
        }
        let (text, replacements) = transcode(units.makeIterator(), UTF32.self)
        return (text, replacements + (bytes.count % 4 == 0 ? 0 : 1))
    }

    /// Decodes code units, replacing (and counting) each invalid sequence.
    static func transcode<Units: IteratorProtocol, Codec: UnicodeCodec>(_ units: Units, _ codec: Codec.Type) -> (String, Int)
    where Units.Element == Codec.CodeUnit {
        var iterator = units
        var decoder = Codec()
        var scalars = String.UnicodeScalarView()
        var replacements = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .error: scalars.append("\u{FFFD}"); replacements += 1
            case .emptyInput: break loop
            }
        }
        return (String(scalars), replacements)
    }

    /// Decodes with the C library's iconv (Foundation on Linux cannot be told to replace invalid bytes):
    /// an invalid or truncated sequence is replaced by U+FFFD and decoding goes on after its first byte.
    static func decodeWithIconv(_ bytes: [UInt8], from charsets: [String]) -> (String, Int) {
        guard let converter = charsets.lazy.compactMap(openConverter).first else { return ("", bytes.count) }
        defer { iconv_close(converter) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        var replacements = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { source in
            guard var next = UnsafeMutableRawPointer(source.baseAddress)?.assumingMemoryBound(to: CChar.self) else { return }
            var left = source.count
            while left > 0 {
                let (written, failure) = chunk.withUnsafeMutableBufferPointer { target -> (Int, Int32?) in
                    var out: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var inPointer: UnsafeMutablePointer<CChar>? = next
                    var outLeft = target.count
                    let result = iconv(converter, &inPointer, &left, &out, &outLeft)
                    next = inPointer!
                    return (target.count - outLeft, result == -1 ? errno : nil)
                }
                output.append(contentsOf: chunk[0..<written])
                guard let failure, failure != E2BIG else { continue }
                // EILSEQ (invalid) or EINVAL (cut off at the end): replace one byte and go on
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                replacements += 1
                next += 1
                left -= 1
                _ = iconv(converter, nil, nil, nil, nil)
            }
        }
        return (String(decoding: output, as: UTF8.self), replacements)
    }

    static func openConverter(_ charset: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", charset)
        return converter == iconv_t(bitPattern: -1) ? nil : converter
    }

    // MARK: telling text from junk, and GB18030 from Big5

    /// Invalid sequences and control characters (other than tab, line breaks, form feed and escape) over
    /// a tenth of the characters: not text.
    static func isJunk(_ decoded: DecodedText) -> Bool {
        var count = 0, controls = 0
        for scalar in decoded.text.unicodeScalars {
            count += 1
            if scalar.value < 0x20 && ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B].contains(scalar.value) { controls += 1 }
        }
        if count == 0 { return decoded.replacements > 0 }
        return Double(controls + decoded.replacements) > maxJunkShare * Double(count)
    }

    /// The share of non-ASCII characters that the lexicons (names, cue words, script folding) use:
    /// high for a page read in its own encoding, low for one read in the other.
    static func familiarShare(_ text: String) -> Double {
        var total = 0, familiar = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            total += 1
            if familiarCharacters.contains(scalar.value) { familiar += 1 }
        }
        return total == 0 ? 0 : Double(familiar) / Double(total)
    }

    static let familiarCharacters: Set<UInt32> = {
        var set = Set<UInt32>("，。、：；？！（）「」『』《》％．－～".unicodeScalars.map(\.value))
        for contents in EmbeddedData.files.values {
            for scalar in contents.unicodeScalars where (0x4E00...0x9FFF).contains(scalar.value) { set.insert(scalar.value) }
        }
        return set
    }()
}

extension TextEncoding {
    /// The `--encoding` value that selects it (UTF-32 is read from its mark only).
    var choice: EncodingChoice? {
        switch self {
        case .utf8: return .utf8
        case .utf16LE, .utf16BE: return .utf16
        case .utf32LE, .utf32BE: return nil
        case .gb18030: return .gb18030
        case .big5: return .big5
        }
    }
}
