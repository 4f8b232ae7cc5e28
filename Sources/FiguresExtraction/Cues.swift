import FiguresText

/// A cue word's meaning (see data/cues.tsv).
struct Cue: Sendable, Hashable {
    enum Role: String, Sendable {
        case up, down, to, close, open, high, low, level
        case closeAfter = "close-after", openAfter = "open-after", closeContext = "close-context"
        case weekly, monthly, from, turnover, parity, fin, finAfter = "fin-after", macro, rate, tariff, exempt, respective
        case threshold, thresholdAfter = "threshold-after", yearly, intraday, marketcap, volume, forecast, macroAfter = "macro-after", official
        case agency, sequential, comparison, untracked, rateOwner = "rate-owner", settled, gap
    }
    var role: Role
    var argument: String
}

/// A cue found in the text: which, and where.
struct CueHit {
    var cue: Cue
    var start: Int
    var end: Int
}

/// The cue tables: words read before a figure and words read after it.
struct CueTables: Sendable {
    static let shared = CueTables()
    let before: WordTable<[Cue]>
    let after: WordTable<[Cue]>

    init() {
        var before: [String: [Cue]] = [:], after: [String: [Cue]] = [:]
        var orderBefore: [String] = [], orderAfter: [String] = []
        for row in TableFile.rows(named: "cues.tsv") where row.count >= 2 {
            guard let role = Cue.Role(rawValue: row[1]) else { continue }
            let cue = Cue(role: role, argument: row.count > 2 ? row[2] : "")
            // Spellings that fold alike (週漲, 周漲) are one word with all their roles.
            let word = ScriptFold.shared.foldedString(row[0]).lowercased()
            let isAfter = role == .closeAfter || role == .openAfter || role == .finAfter || role == .thresholdAfter || role == .macroAfter
            if isAfter {
                if after[word] == nil { orderAfter.append(word) }
                if !after[word, default: []].contains(cue) { after[word, default: []].append(cue) }
            } else {
                if before[word] == nil { orderBefore.append(word) }
                if !before[word, default: []].contains(cue) { before[word, default: []].append(cue) }
            }
        }
        self.before = WordTable(orderBefore.map { ($0, before[$0]!) })
        self.after = WordTable(orderAfter.map { ($0, after[$0]!) })
    }

    /// Within a few characters (以2980.79點小幅高開), not across punctuation.
    func hitsAfter(_ text: NormalizedText, at: Int, limit: Int) -> [CueHit] {
        var p = at
        while p < limit, text[p] == 0x20 { p += 1 }
        let stop = min(limit, p + 3)
        while p < stop {
            if Interpreter.clauseEnds.contains(text[p]) || Interpreter.sentenceEnds.contains(text[p]) { break }
            if let e = after.match(in: text, at: p), p + e.length <= limit {
                return e.payload.map { CueHit(cue: $0, start: p, end: p + e.length) }
            }
            p += 1
        }
        return []
    }
}

/// The cue word ending at each position of one page, found once per page so that
/// the many backward looks of the rules are array reads.
///
/// Stored as two flat integer arrays (the word's length and which entry of the cue table it is,
/// 0 where no cue ends), not an optional tuple holding an array per position: building and
/// reading it neither retains nor releases anything, and the look-backs below visit a clause
/// or a sentence for every figure.
struct CueIndex: Sendable {
    /// Length of the longest cue word ending at each position (0: none); `lengths.count == text.count + 1`.
    private let lengths: [Int32]
    /// Which entry of `CueTables.before` that word is.
    private let entries: [Int32]
    /// The cues of each entry of `CueTables.before` (one array: copying the index retains three).
    private let cueSets: [[Cue]]

    init(_ text: NormalizedText, tables: CueTables = .shared) {
        let n = text.count
        var lengths = [Int32](repeating: 0, count: n + 1)
        var entries = [Int32](repeating: 0, count: n + 1)
        for p in 1...max(1, n) where p <= n {
            if tables.before.mayMatch(in: text, endingAt: p), let (id, length) = tables.before.idAndLength(in: text, endingAt: p) {
                lengths[p] = Int32(length)
                entries[p] = Int32(id)
            }
        }
        self.lengths = lengths
        self.entries = entries
        self.cueSets = tables.before.payloadsByID
    }

    /// Calls `body` with each cue word ending inside `[from, to)`, nearest to `to` first (longest match,
    /// scanning backwards), with its start, end and cues, until `body` returns false.
    @inline(__always)
    private func forEachWord(from: Int, to: Int, _ body: (Int, Int, [Cue]) -> Bool) {
        var p = min(to, lengths.count - 1)
        while p > from {
            let length = Int(lengths[p])
            if length > 0, p - length >= from {
                if !body(p - length, p, cueSets[Int(entries[p])]) { return }
                p -= length
            } else {
                p -= 1
            }
        }
    }

    /// Cues that end inside `[from, to)`, nearest to `to` first (longest match, scanning backwards).
    func hitsBefore(from: Int, to: Int) -> [CueHit] {
        // counted first, so the array is allocated once (a clause holds a few cues, a sentence a dozen)
        var count = 0
        forEachWord(from: from, to: to) { _, _, cues in count += cues.count; return true }
        guard count > 0 else { return [] }
        var hits: [CueHit] = []
        hits.reserveCapacity(count)
        forEachWord(from: from, to: to) { start, end, cues in
            for cue in cues { hits.append(CueHit(cue: cue, start: start, end: end)) }
            return true
        }
        return hits
    }

    /// `hitsBefore(from: clauseFrom, to: to)` and `hitsBefore(from: sentenceFrom, to: to)` (a figure's clause
    /// and sentence) from one backward scan. The two scans take the same steps down to `clauseFrom`, unless
    /// the sentence's scan takes a word that crosses `clauseFrom` (which the clause's scan steps over): only
    /// then is the clause scanned again on its own.
    func hitsBefore(clauseFrom: Int, sentenceFrom: Int, to: Int) -> (clause: [CueHit], sentence: [CueHit]) {
        let sentence = hitsBefore(from: sentenceFrom, to: to)
        guard sentenceFrom <= clauseFrom else { return (hitsBefore(from: clauseFrom, to: to), sentence) }
        guard let j = sentence.firstIndex(where: { $0.start < clauseFrom }) else { return (sentence, sentence) }
        if sentence[j].end > clauseFrom { return (hitsBefore(from: clauseFrom, to: to), sentence) }
        return (Array(sentence[..<j]), sentence)
    }

    /// The first hit of `hitsBefore(from:to:)` (nearest to `to`) that satisfies `predicate`, without building
    /// the array (most look-backs want one cue of a role).
    func firstHit(from: Int, to: Int, where predicate: (CueHit) -> Bool) -> CueHit? {
        var found: CueHit?
        forEachWord(from: from, to: to) { start, end, cues in
            for cue in cues {
                let hit = CueHit(cue: cue, start: start, end: end)
                if predicate(hit) { found = hit; return false }
            }
            return true
        }
        return found
    }

    /// Whether some cue ending inside `[from, to)` satisfies `predicate` (as `hitsBefore(from:to:).contains`,
    /// without building the array).
    func containsHit(from: Int, to: Int, where predicate: (Cue) -> Bool) -> Bool {
        var found = false
        forEachWord(from: from, to: to) { _, _, cues in
            if cues.contains(where: predicate) { found = true; return false }
            return true
        }
        return found
    }
}
