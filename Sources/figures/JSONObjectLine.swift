/// One line of JSON lines read as an object of plain values: strings, numbers (kept as written, so that
/// a value reads back as the very Double that was printed), true/false and null. Nested arrays and
/// objects are allowed and skipped (their key reads as `.nested`). Anything else is an error with a
/// short reason, which the callers put after the file and line number.
enum JSONScalar: Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case nested
}

struct JSONLineError: Error, CustomStringConvertible {
    let description: String
}

struct JSONObjectLine {
    private(set) var fields: [String: JSONScalar] = [:]

    subscript(key: String) -> JSONScalar? { fields[key] }

    init<C: Collection>(_ bytes: C) throws(JSONLineError) where C.Element == UInt8 {
        var p = Parser(bytes: Array(bytes))
        fields = try p.object()
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func fail(_ why: String) -> JSONLineError {
            JSONLineError(description: "not JSON (\(why) at byte \(i + 1))")
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[i]) { i += 1 }
        }

        mutating func object() throws(JSONLineError) -> [String: JSONScalar] {
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }   // a byte-order mark (the first line of a file)
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else {
                throw JSONLineError(description: "not a JSON object (a line must be one object: {\"id\": …, \"date\": …, \"text\": …})")
            }
            i += 1
            var fields: [String: JSONScalar] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
            } else {
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("a key expected") }
                    let key = try string()
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("':' expected") }
                    i += 1
                    skipSpace()
                    fields[key] = try value()
                    skipSpace()
                    guard i < bytes.count else { throw fail("unfinished object") }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                    throw fail("',' or '}' expected")
                }
            }
            skipSpace()
            guard i == bytes.count else { throw fail("text after the object") }
            return fields
        }

        mutating func value() throws(JSONLineError) -> JSONScalar {
            guard i < bytes.count else { throw fail("a value expected") }
            switch bytes[i] {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"), UInt8(ascii: "["): try skipNested(); return .nested
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: String) throws(JSONLineError) {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("a value expected") }
            i += w.count
        }

        mutating func number() throws(JSONLineError) -> String {
            let begin = i
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
            func digits(_ p: inout Parser) -> Int {
                let s = p.i
                while p.i < p.bytes.count, (0x30...0x39).contains(p.bytes[p.i]) { p.i += 1 }
                return p.i - s
            }
            let intDigits = digits(&self)
            guard intDigits > 0 else { throw fail("a value expected") }
            if intDigits > 1 && bytes[i - intDigits] == 0x30 { throw fail("a number with a leading zero") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard digits(&self) > 0 else { throw fail("digits expected after '.'") }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard digits(&self) > 0 else { throw fail("digits expected in an exponent") }
            }
            return String(decoding: bytes[begin..<i], as: UTF8.self)
        }

        mutating func hex4() throws(JSONLineError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw fail("a \\u escape needs four hex digits")
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }

        mutating func string() throws(JSONLineError) -> String {
            i += 1   // the opening quote
            var out = [UInt8]()
            var runStart = i
            while true {
                guard i < bytes.count else { throw fail("unfinished string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    out += bytes[runStart..<i]
                    i += 1
                    break
                }
                if b < 0x20 { throw fail("a control character in a string") }
                if b != UInt8(ascii: "\\") { i += 1; continue }
                out += bytes[runStart..<i]
                i += 1
                guard i < bytes.count else { throw fail("unfinished escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // a surrogate pair spells one scalar beyond the BMP
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw fail("a lone surrogate")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("a lone surrogate")
                    }
                    out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
                default: throw fail("an unknown escape")
                }
                runStart = i
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw fail("a string that is not valid UTF-8") }
            return s
        }

        mutating func skipNested() throws(JSONLineError) {
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { _ = try string(); continue }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { i += 1; return }
                }
                i += 1
            }
            throw fail("unfinished array or object")
        }
    }
}
