import FiguresExtraction
import FiguresText

/// What people type for a subject, resolved to the ids stored in the database.
///
/// A subject may be given by its id (any case), by any name the lexicons give it (日經, 恆指, 台積電,
/// Nikkei, 美國 — Traditional or Simplified, any case, spaces ignored), by a company's ticker or bare
/// stock code (2330.TW, 2330), by a currency name or code (新台幣, TWD: every stored pair with that
/// currency) or by a pair spelled USDTWD, USD/TWD, usd-twd or USD TWD. Ids are compared folded (script,
/// width, case), so a sector stored as both `CSI300/银行` and `CSI300/銀行` is one subject: a query gives
/// both spellings, and reports group them under one id.
public struct SubjectNames: Sendable {
    /// The stored spellings of each subject, under its folded key.
    let stored: [String: [String]]
    /// Lexicon names under their folded keys.
    let names: [String: [LexiconName]]
    /// For each id, its names in table order.
    let namesOfID: [String: [String]]

    public init(storedSubjects: [String], names lexicon: [LexiconName] = Lexicon.allNames) {
        var stored: [String: [String]] = [:]
        for s in storedSubjects { stored[Self.key(s), default: []].append(s) }
        self.stored = stored
        var names: [String: [LexiconName]] = [:]
        var namesOfID: [String: [String]] = [:]
        for n in lexicon {
            names[Self.key(n.name), default: []].append(n)
            if n.kind != .ticker { namesOfID[n.id, default: []].append(n.name) }
        }
        self.names = names
        self.namesOfID = namesOfID
    }

    /// The form names and ids are compared in: script and width folded, lower case, no blanks.
    public static func key(_ s: String) -> String {
        String(ScriptFold.shared.foldedString(s).lowercased().unicodeScalars.filter { !($0 == " " || $0 == "\t" || $0 == "\u{3000}") })
    }

    /// The one id reports show for a stored subject: the first stored spelling of its folded key (sorted).
    public func canonical(_ subject: String) -> String {
        stored[Self.key(subject)]?.sorted().first ?? subject
    }

    public enum Resolution: Sendable, Equatable {
        /// The stored spellings the query stands for (one subject, or every pair of a currency).
        case stored([String])
        /// A name the lexicons know, of a subject with no observations in this database.
        case notStored(ids: [String])
        /// Nothing by that name; the closest ids, with a name each, best first.
        case unknown(suggestions: [String])
    }

    public func resolve(_ query: String) -> Resolution {
        let q = Self.key(query)
        if q.isEmpty { return .unknown(suggestions: []) }
        if let hit = stored[q] { return .stored(hit) }
        // a pair: USDTWD, USD/TWD, usd-twd, USD TWD, USD_TWD
        let letters = query.uppercased().unicodeScalars.filter { $0 != "/" && $0 != "-" && $0 != "_" && $0 != " " }
        if letters.count == 6, letters.allSatisfy({ ("A"..."Z").contains($0) }) {
            let s = String(String.UnicodeScalarView(letters))
            let pair = String(s.prefix(3)) + "/" + String(s.suffix(3))
            if let hit = stored[Self.key(pair)] { return .stored(hit) }
        }
        // a sector: INDEX/SECTOR with the index given by a name
        if let slash = query.firstIndex(of: "/"), slash != query.startIndex {
            let left = String(query[..<slash]), right = String(query[query.index(after: slash)...])
            for id in lexiconIDs(Self.key(left)) {
                if let hit = stored[Self.key(id + "/" + right)] { return .stored(hit) }
            }
        }
        let entries = names[q] ?? []
        if !entries.isEmpty {
            var hits: [String] = [], ids: [String] = []
            for e in entries {
                if e.kind == .currency {
                    // every stored pair with the currency, and the currency itself if stored
                    let code = Self.key(e.id)
                    for (k, spellings) in stored where k == code || k.split(separator: "/").map(String.init).contains(code) {
                        hits += spellings
                    }
                } else if let hit = stored[Self.key(e.id)] {
                    hits += hit
                }
                ids.append(e.id)
            }
            if !hits.isEmpty { return .stored(Array(Set(hits)).sorted()) }
            return .notStored(ids: Array(Set(ids)).sorted())
        }
        if let id = namesOfID.keys.first(where: { Self.key($0) == q }) { return .notStored(ids: [id]) }
        return .unknown(suggestions: suggestions(for: query))
    }

    func lexiconIDs(_ key: String) -> [String] {
        var ids = (names[key] ?? []).map(\.id)
        if stored[key] != nil { ids.insert(key.uppercased(), at: 0) }
        return ids
    }

    /// Up to `limit` stored subjects whose id or a name is closest to `query` by edit distance (within a
    /// third of the query's length, at least 1 and at most 3 edits), or that contain it; each as `ID (name)`.
    public func suggestions(for query: String, limit: Int = 5) -> [String] {
        let q = Array(Self.key(query).unicodeScalars)
        guard !q.isEmpty else { return [] }
        let allowed = min(3, max(1, (q.count + 1) / 3))
        var best: [String: Int] = [:]   // id → distance
        func consider(_ candidate: String, id: String) {
            let c = Array(Self.key(candidate).unicodeScalars)
            var d = editDistance(q, c, limit: allowed)
            if d > allowed, q.count >= 2, c.count > q.count, String(String.UnicodeScalarView(c)).contains(String(String.UnicodeScalarView(q))) {
                d = allowed   // contains what was typed
            }
            if d <= allowed, d < best[id] ?? Int.max { best[id] = d }
        }
        let storedIDs = stored.values.compactMap { $0.sorted().first }
        for id in storedIDs {
            consider(id, id: id)
            for name in namesOfID[id] ?? [] { consider(name, id: id) }
        }
        return best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(limit).map { id, _ in
            displayName(of: id).map { "\(id) (\($0))" } ?? id
        }
    }

    /// The first Chinese name the lexicons give an id, for messages.
    public func displayName(of id: String) -> String? { names(of: id).chinese }

    /// A subject's names for display: its first Chinese name and its first English one (a name in Latin
    /// letters other than the id itself, else the id when it is a word). Pairs and sectors are named by
    /// their parts (美元/新台幣).
    public func names(of id: String) -> (chinese: String?, english: String?) {
        if let own = namesOfID[id] ?? namesOfID[id.uppercased()] {
            let chinese = own.first { $0.unicodeScalars.contains { $0.value >= 0x2E80 } }
            let latin = own.filter { n in n.unicodeScalars.allSatisfy { $0.value < 0x80 } && n.unicodeScalars.contains { ("a"..."z").contains($0) } }
            return (chinese, latin.first { $0.contains(" ") } ?? latin.first)
        }
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            let left = names(of: parts[0]).chinese
            if parts[1].unicodeScalars.contains(where: { $0.value >= 0x2E80 }) {   // a sector
                return (left.map { $0 + "/" + parts[1] }, nil)
            }
            if let l = left, let r = names(of: parts[1]).chinese { return (l + "/" + r, nil) }
        }
        return (nil, nil)
    }

    /// Edit distance over scalars (insertions, deletions, substitutions and swaps of neighbours: `clsoe`
    /// is one edit from `close`), or `limit + 1` when it exceeds `limit`.
    func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return min(d[a.count][b.count], limit + 1)
    }
}

/// Metric names: case does not matter; a typo gets the closest stored metrics.
public enum MetricNames {
    /// The stored metric `query` means (any case), or nil.
    public static func resolve(_ query: String, stored: [String]) -> String? {
        stored.first { $0 == query } ?? stored.first { $0.lowercased() == query.lowercased() }
    }

    public static func suggestions(for query: String, stored: [String], limit: Int = 5) -> [String] {
        let names = SubjectNames(storedSubjects: [], names: [])
        let q = Array(query.lowercased().unicodeScalars)
        let allowed = min(3, max(1, (q.count + 1) / 3))
        return stored.map { ($0, names.editDistance(q, Array($0.lowercased().unicodeScalars), limit: allowed)) }
            .filter { $0.1 <= allowed || ($0.0.lowercased().contains(query.lowercased()) && q.count >= 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }
}
