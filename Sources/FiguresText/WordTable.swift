/// Words (folded) with a payload, matched at a position of a `NormalizedText`:
/// the longest word wins. Lookup is by first (or last) code point, so a scan
/// over a page costs one dictionary probe per scalar. The matching core is not
/// generic, so it runs without generic-metadata look-ups in the hot loop.
public struct WordTable<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        public let word: [UInt32]
        public let payload: Payload
        @inlinable init(word: [UInt32], payload: Payload) { self.word = word; self.payload = payload }
    }

    @usableFromInline var core = WordIndex()
    @usableFromInline var payloads: [Payload] = []

    public var count: Int { payloads.count }

    public init() {}

    public init(_ pairs: [(String, Payload)]) {
        for (word, payload) in pairs { add(word, payload) }
    }

    public mutating func add(_ word: String, _ payload: Payload) {
        let folded = ScriptFold.shared.fold(word).map { WordIndex.caseFold($0) }
        guard !folded.isEmpty else { return }
        core.add(folded, id: payloads.count)
        payloads.append(payload)
    }

    /// The longest entry that starts at `offset`.
    @inlinable
    public func match(in text: NormalizedText, at offset: Int) -> Entry? {
        guard let (id, word) = core.match(text.folded, at: offset) else { return nil }
        return Entry(word: word, payload: payloads[id])
    }

    /// The longest entry that ends just before `offset`.
    @inlinable
    public func match(in text: NormalizedText, endingAt offset: Int) -> Entry? {
        guard let (id, word) = core.match(text.folded, endingAt: offset) else { return nil }
        return Entry(word: word, payload: payloads[id])
    }

    /// Length of the longest entry starting at `offset`, without building an entry (for hot loops).
    @inlinable
    public func matchLength(in text: NormalizedText, at offset: Int) -> Int? {
        core.match(text.folded, at: offset)?.1.count
    }

    /// Length and payload of the longest entry starting at `offset` (no allocation).
    @inlinable
    public func lengthAndPayload(in text: NormalizedText, at offset: Int) -> (Int, Payload)? {
        guard let (id, word) = core.match(text.folded, at: offset) else { return nil }
        return (word.count, payloads[id])
    }

    /// Length and payload of the longest entry ending just before `offset` (no allocation).
    @inlinable
    public func lengthAndPayload(in text: NormalizedText, endingAt offset: Int) -> (Int, Payload)? {
        guard let (id, word) = core.match(text.folded, endingAt: offset) else { return nil }
        return (word.count, payloads[id])
    }

    /// Every non-overlapping longest match, left to right.
    public func scan(_ text: NormalizedText, from: Int = 0, to: Int? = nil) -> [(start: Int, end: Int, payload: Payload)] {
        var out: [(Int, Int, Payload)] = []
        var i = from
        let end = to ?? text.count
        let t = text.folded
        while i < end {
            if let (id, word) = core.match(t, at: i), i + word.count <= end {
                out.append((i, i + word.count, payloads[id]))
                i += word.count
            } else {
                i += 1
            }
        }
        return out
    }
}

/// The non-generic matching core of `WordTable`: words by first and by last code point, longest first.
@usableFromInline
struct WordIndex: Sendable {
    @usableFromInline var byFirst: [UInt32: [(word: [UInt32], id: Int)]] = [:]
    @usableFromInline var byLast: [UInt32: [(word: [UInt32], id: Int)]] = [:]
    /// Which code points of the Basic Multilingual Plane start (end) some word: most positions of a
    /// page are rejected with one array read instead of a dictionary probe.
    @usableFromInline var startsWord = [Bool](repeating: false, count: 0x10000)
    @usableFromInline var endsWord = [Bool](repeating: false, count: 0x10000)

    @inlinable @inline(__always)
    static func caseFold(_ v: UInt32) -> UInt32 { (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }

    static func upper(_ v: UInt32) -> UInt32 { (v >= 0x61 && v <= 0x7A) ? v - 0x20 : v }

    mutating func add(_ word: [UInt32], id: Int) {
        for c in [word[0], Self.upper(word[0])] where c < 0x10000 { startsWord[Int(c)] = true }
        for c in [word[word.count - 1], Self.upper(word[word.count - 1])] where c < 0x10000 { endsWord[Int(c)] = true }
        byFirst[word[0], default: []].append((word, id))
        byFirst[word[0]]!.sort { $0.word.count > $1.word.count }
        byLast[word[word.count - 1], default: []].append((word, id))
        byLast[word[word.count - 1]]!.sort { $0.word.count > $1.word.count }
    }

    @inlinable @inline(__always)
    func match(_ t: [UInt32], at offset: Int) -> (Int, [UInt32])? {
        guard offset >= 0, offset < t.count else { return nil }
        let c = t[offset]
        if c < 0x10000 && !startsWord[Int(c)] { return nil }
        guard let list = byFirst[Self.caseFold(c)] else { return nil }
        for entry in list where Self.matches(entry.word, t, offset) { return (entry.id, entry.word) }
        return nil
    }

    @inlinable @inline(__always)
    func match(_ t: [UInt32], endingAt offset: Int) -> (Int, [UInt32])? {
        guard offset > 0, offset <= t.count else { return nil }
        let c = t[offset - 1]
        if c < 0x10000 && !endsWord[Int(c)] { return nil }
        guard let list = byLast[Self.caseFold(c)] else { return nil }
        for entry in list where Self.matches(entry.word, t, offset - entry.word.count) { return (entry.id, entry.word) }
        return nil
    }

    @inlinable @inline(__always)
    static func matches(_ word: [UInt32], _ t: [UInt32], _ at: Int) -> Bool {
        guard at >= 0, at + word.count <= t.count else { return false }
        var i = 0
        while i < word.count {
            if caseFold(t[at + i]) != word[i] { return false }
            i += 1
        }
        return true
    }
}
