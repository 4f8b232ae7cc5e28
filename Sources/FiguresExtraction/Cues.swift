import FiguresText

/// A cue word's meaning (see data/cues.tsv).
struct Cue: Sendable, Hashable {
    enum Role: String, Sendable {
        case up, down, to, close, open, high, low, level
        case closeAfter = "close-after", openAfter = "open-after", closeContext = "close-context"
        case weekly, monthly, from, turnover, parity, fin, finAfter = "fin-after", macro, rate, tariff, exempt, respective
        case threshold, thresholdAfter = "threshold-after", yearly, intraday, marketcap, volume, forecast, macroAfter = "macro-after", official
        case agency, sequential, comparison, untracked
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
struct CueIndex: Sendable {
    private let ending: [(Int, [Cue])?]

    init(_ text: NormalizedText, tables: CueTables = .shared) {
        var ending = [(Int, [Cue])?](repeating: nil, count: text.count + 1)
        for p in 1...max(1, text.count) where p <= text.count {
            ending[p] = tables.before.lengthAndPayload(in: text, endingAt: p)
        }
        self.ending = ending
    }

    /// Cues that end inside `[from, to)`, nearest to `to` first (longest match, scanning backwards).
    func hitsBefore(from: Int, to: Int) -> [CueHit] {
        var hits: [CueHit] = []
        var p = min(to, ending.count - 1)
        while p > from {
            if let (length, cues) = ending[p], p - length >= from {
                for cue in cues { hits.append(CueHit(cue: cue, start: p - length, end: p)) }
                p -= length
            } else {
                p -= 1
            }
        }
        return hits
    }
}
