/// Words (folded) with a payload, matched at a position of a `NormalizedText`:
/// the longest word wins. Lookup is by first (or last) code point, so a scan
/// over a page costs one dictionary probe per scalar.
public struct WordTable<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public let word: [UInt32]
        public let payload: Payload
    }

    private var byFirst: [UInt32: [Entry]] = [:]
    private var byLast: [UInt32: [Entry]] = [:]
    public private(set) var count = 0

    public init() {}

    public init(_ pairs: [(String, Payload)]) {
        for (word, payload) in pairs { add(word, payload) }
    }

    public mutating func add(_ word: String, _ payload: Payload) {
        let folded = ScriptFold.shared.fold(word).map { Self.caseFold($0) }
        guard let first = folded.first, let last = folded.last else { return }
        let entry = Entry(word: folded, payload: payload)
        byFirst[first, default: []].append(entry)
        byFirst[first]!.sort { $0.word.count > $1.word.count }
        byLast[last, default: []].append(entry)
        byLast[last]!.sort { $0.word.count > $1.word.count }
        count += 1
    }

    @inline(__always)
    static func caseFold(_ v: UInt32) -> UInt32 { (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }

    /// The longest entry that starts at `offset`.
    public func match(in text: NormalizedText, at offset: Int) -> Entry? {
        guard offset >= 0, offset < text.count, let list = byFirst[Self.caseFold(text.folded[offset])] else { return nil }
        for entry in list where matches(entry.word, text, offset) { return entry }
        return nil
    }

    /// The longest entry that ends just before `offset`.
    public func match(in text: NormalizedText, endingAt offset: Int) -> Entry? {
        guard offset > 0, offset <= text.count, let list = byLast[Self.caseFold(text.folded[offset - 1])] else { return nil }
        for entry in list where matches(entry.word, text, offset - entry.word.count) { return entry }
        return nil
    }

    @inline(__always)
    private func matches(_ word: [UInt32], _ text: NormalizedText, _ at: Int) -> Bool {
        guard at >= 0, at + word.count <= text.count else { return false }
        for i in 0..<word.count where Self.caseFold(text.folded[at + i]) != word[i] { return false }
        return true
    }

    /// Every non-overlapping longest match, left to right.
    public func scan(_ text: NormalizedText, from: Int = 0, to: Int? = nil) -> [(start: Int, end: Int, payload: Payload)] {
        var out: [(Int, Int, Payload)] = []
        var i = from
        let end = to ?? text.count
        while i < end {
            if let e = match(in: text, at: i), i + e.word.count <= end {
                out.append((i, i + e.word.count, e.payload))
                i += e.word.count
            } else {
                i += 1
            }
        }
        return out
    }
}
