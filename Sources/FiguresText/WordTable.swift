/// Words (folded) with a payload, matched at a position of a `NormalizedText`:
/// the longest word wins. Lookup is by first (or last) code point through a
/// table of the Basic Multilingual Plane, so a scan over a page costs one array
/// read per scalar and never hashes. The matching core is not generic, so it
/// runs without generic-metadata look-ups in the hot loop.
public struct WordTable<Payload: Sendable>: Sendable {
    public struct Entry: Sendable {
        /// Length of the matched word in scalars.
        public let length: Int
        public let payload: Payload
        @inlinable init(length: Int, payload: Payload) { self.length = length; self.payload = payload }
    }

    @usableFromInline var core = WordIndex()
    @usableFromInline var payloads: [Payload] = []

    public var count: Int { payloads.count }

    public init() {}

    public init(_ pairs: [(String, Payload)]) {
        for (word, payload) in pairs { add(word, payload) }
    }

    /// The words of a table in `data/`: one entry for each row `entry` reads (nil skips the row).
    public init(table name: String, _ entry: ([String]) -> (String, Payload)?) {
        for row in TableFile.rows(named: name) { if let (word, payload) = entry(row) { add(word, payload) } }
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
        guard let (id, length) = core.match(text.folded, at: offset) else { return nil }
        return Entry(length: length, payload: payloads[id])
    }

    /// The longest entry that ends just before `offset`.
    @inlinable
    public func match(in text: NormalizedText, endingAt offset: Int) -> Entry? {
        guard let (id, length) = core.match(text.folded, endingAt: offset) else { return nil }
        return Entry(length: length, payload: payloads[id])
    }

    /// False when no entry can start at `offset`: one bit read, so that hot loops call a look-up only
    /// where it may find something.
    @inlinable @inline(__always)
    public func mayMatch(in text: NormalizedText, at offset: Int) -> Bool {
        offset >= 0 && offset < text.folded.count && WordIndex.mayHold(WordIndex.caseFold(text.folded[offset]), core.startChars)
    }

    /// False when no entry can end just before `offset`.
    @inlinable @inline(__always)
    public func mayMatch(in text: NormalizedText, endingAt offset: Int) -> Bool {
        offset > 0 && offset <= text.folded.count && WordIndex.mayHold(WordIndex.caseFold(text.folded[offset - 1]), core.endChars)
    }

    /// Length of the longest entry starting at `offset`, without building an entry (for hot loops).
    @inlinable
    public func matchLength(in text: NormalizedText, at offset: Int) -> Int? {
        core.match(text.folded, at: offset)?.1
    }

    /// Length and payload of the longest entry starting at `offset`.
    @inlinable
    public func lengthAndPayload(in text: NormalizedText, at offset: Int) -> (Int, Payload)? {
        guard let (id, length) = core.match(text.folded, at: offset) else { return nil }
        return (length, payloads[id])
    }

    /// Length and payload of the longest entry ending just before `offset`.
    @inlinable
    public func lengthAndPayload(in text: NormalizedText, endingAt offset: Int) -> (Int, Payload)? {
        guard let (id, length) = core.match(text.folded, endingAt: offset) else { return nil }
        return (length, payloads[id])
    }

    /// Index and length of the longest entry ending just before `offset` (the index is the order in
    /// which entries were added; `payload(_:)` reads it back). For per-page indexes kept as flat arrays.
    @inlinable
    public func idAndLength(in text: NormalizedText, endingAt offset: Int) -> (Int, Int)? {
        core.match(text.folded, endingAt: offset)
    }

    /// The payload of each entry, by the order in which entries were added.
    @inlinable public var payloadsByID: [Payload] { payloads }

    /// Every non-overlapping longest match, left to right. (Inlinable, so that it is compiled for the
    /// payload's type where it is used, not run through generic code at every position of the page.)
    @inlinable
    public func scan(_ text: NormalizedText, from: Int = 0, to: Int? = nil) -> [(start: Int, end: Int, payload: Payload)] {
        var out: [(start: Int, end: Int, payload: Payload)] = []
        var i = from
        let end = to ?? text.count
        let t = text.folded
        while i < end {
            if let (id, length) = core.match(t, at: i), i + length <= end {
                out.append((i, i + length, payloads[id]))
                i += length
            } else {
                i += 1
            }
        }
        return out
    }
}

/// The non-generic matching core of `WordTable`. Words are stored end to end in one array and
/// chained in buckets keyed by their first two code points (and, for matching backwards, their
/// last two), longest first; one-character words sit in the bucket of (character, 0). A look-up
/// reads one bucket head for most positions of a page and follows a short chain otherwise:
/// everything is a flat array of integers, so it neither hashes a `Hasher` nor retains anything.
@usableFromInline
struct WordIndex: Sendable {
    @usableFromInline static let bucketBits: UInt32 = 13
    /// The words' code points, end to end.
    @usableFromInline var chars: [UInt32] = []
    @usableFromInline var wordStart: [Int32] = []
    @usableFromInline var wordLength: [Int32] = []
    /// First word of each bucket's chain, -1 when empty: by the first two code points, and by the last two.
    @usableFromInline var headByStart = [Int32](repeating: -1, count: 1 << Int(bucketBits))
    @usableFromInline var headByEnd = [Int32](repeating: -1, count: 1 << Int(bucketBits))
    /// One bit per BMP code point: whether some word starts (ends) with it. Most positions of a
    /// page are turned away by this one read, before any bucket is hashed.
    @usableFromInline var startChars = [UInt64](repeating: 0, count: 0x10000 / 64)
    @usableFromInline var endChars = [UInt64](repeating: 0, count: 0x10000 / 64)
    /// Next word in the same chain (longest first), -1 at the end.
    @usableFromInline var nextByStart: [Int32] = []
    @usableFromInline var nextByEnd: [Int32] = []

    @inlinable @inline(__always)
    static func caseFold(_ v: UInt32) -> UInt32 { (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v }

    /// The bucket of a pair of code points (the second is 0 for one-character words).
    @inlinable @inline(__always)
    static func bucket(_ a: UInt32, _ b: UInt32) -> Int {
        Int(((a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77)) >> (32 - bucketBits))
    }

    /// Adds a word (already folded); `id` is its index, given in order from 0.
    mutating func add(_ word: [UInt32], id: Int) {
        precondition(id == wordStart.count)
        wordStart.append(Int32(chars.count))
        wordLength.append(Int32(word.count))
        chars.append(contentsOf: word)
        nextByStart.append(-1)
        nextByEnd.append(-1)
        let long = word.count > 1
        Self.setBit(word[0], in: &startChars)
        Self.setBit(word[word.count - 1], in: &endChars)
        let startKey = Self.bucket(word[0], long ? word[1] : 0)
        let endKey = Self.bucket(word[word.count - 1], long ? word[word.count - 2] : 0)
        Self.insert(Int32(id), into: &headByStart[startKey], next: &nextByStart, lengths: wordLength)
        Self.insert(Int32(id), into: &headByEnd[endKey], next: &nextByEnd, lengths: wordLength)
    }

    private static func setBit(_ c: UInt32, in bits: inout [UInt64]) {
        if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
    }

    /// False when no word can start (end) with `c`; astral code points are never turned away.
    @inlinable @inline(__always)
    static func mayHold(_ c: UInt32, _ bits: [UInt64]) -> Bool {
        c >= 0x10000 || bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
    }

    /// Puts a word into a chain, keeping the chain longest first (and first added first among equals).
    private static func insert(_ id: Int32, into head: inout Int32, next: inout [Int32], lengths: [Int32]) {
        let length = lengths[Int(id)]
        if head < 0 || lengths[Int(head)] < length {
            next[Int(id)] = head
            head = id
            return
        }
        var k = head
        while next[Int(k)] >= 0, lengths[Int(next[Int(k)])] >= length { k = next[Int(k)] }
        next[Int(id)] = next[Int(k)]
        next[Int(k)] = id
    }

    /// (id, length) of the longest word starting at `offset`.
    @inlinable @inline(__always)
    func match(_ t: [UInt32], at offset: Int) -> (Int, Int)? {
        guard offset >= 0, offset < t.count else { return nil }
        let c0 = Self.caseFold(t[offset])
        guard Self.mayHold(c0, startChars) else { return nil }
        if offset + 1 < t.count {
            var k = headByStart[Self.bucket(c0, Self.caseFold(t[offset + 1]))]
            while k >= 0 {
                if wordLength[Int(k)] > 1, matches(Int(k), t, offset) { return (Int(k), Int(wordLength[Int(k)])) }
                k = nextByStart[Int(k)]
            }
        }
        var k = headByStart[Self.bucket(c0, 0)]
        while k >= 0 {
            if wordLength[Int(k)] == 1, chars[Int(wordStart[Int(k)])] == c0 { return (Int(k), 1) }
            k = nextByStart[Int(k)]
        }
        return nil
    }

    /// (id, length) of the longest word ending just before `offset`.
    @inlinable @inline(__always)
    func match(_ t: [UInt32], endingAt offset: Int) -> (Int, Int)? {
        guard offset > 0, offset <= t.count else { return nil }
        let c0 = Self.caseFold(t[offset - 1])
        guard Self.mayHold(c0, endChars) else { return nil }
        if offset >= 2 {
            var k = headByEnd[Self.bucket(c0, Self.caseFold(t[offset - 2]))]
            while k >= 0 {
                let length = Int(wordLength[Int(k)])
                if length > 1, matches(Int(k), t, offset - length) { return (Int(k), length) }
                k = nextByEnd[Int(k)]
            }
        }
        var k = headByEnd[Self.bucket(c0, 0)]
        while k >= 0 {
            if wordLength[Int(k)] == 1, chars[Int(wordStart[Int(k)])] == c0 { return (Int(k), 1) }
            k = nextByEnd[Int(k)]
        }
        return nil
    }

    @inlinable @inline(__always)
    func matches(_ id: Int, _ t: [UInt32], _ at: Int) -> Bool {
        let start = Int(wordStart[id]), length = Int(wordLength[id])
        guard at >= 0, at + length <= t.count else { return false }
        var i = 0
        while i < length {
            if Self.caseFold(t[at + i]) != chars[start + i] { return false }
            i += 1
        }
        return true
    }
}
