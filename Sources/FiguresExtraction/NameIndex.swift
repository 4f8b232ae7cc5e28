import FiguresText

/// One name the lexicon tables give a subject id: read-only lookup for the commands that take names
/// (query, series, plot, tariffs, subjects). The extractor does not use it.
public struct LexiconName: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case index, country, centralBank, bank, company, commodity, yield, currency
        /// A company's ticker (2330.TW) or its bare code (2330).
        case ticker
    }
    /// As written in the table (Traditional or Simplified, any case).
    public var name: String
    /// The subject id it stands for (a currency's ISO code for currency names).
    public var id: String
    public var kind: Kind
}

extension Lexicon {
    /// Every name of every subject in the tables of `data/`, in table order: index, country, bank,
    /// company (names, ticker and bare stock code), commodity, yield and currency names. Names that
    /// stand for a locale (央行, bare 元) are left out.
    public static let allNames: [LexiconName] = {
        var out: [LexiconName] = []
        func load(_ file: String, _ body: ([String]) -> [LexiconName]) {
            for row in TableFile.rows(named: file) { out += body(row) }
        }
        load("indices.tsv") { r in r.count >= 2 ? [LexiconName(name: r[1], id: r[0], kind: .index)] : [] }
        load("countries.tsv") { r in r.count >= 2 ? [LexiconName(name: r[1], id: r[0], kind: .country)] : [] }
        load("banks.tsv") { r in
            r.count >= 3 && !r[0].hasPrefix("LOCAL") ? [LexiconName(name: r[1], id: r[0], kind: r[2] == "central" ? .centralBank : .bank)] : []
        }
        load("companies.tsv") { r in
            guard r.count >= 3 else { return [] }
            var names = r[2].split(separator: "|").map { LexiconName(name: String($0), id: r[0], kind: .company) }
            if !r[1].isEmpty {
                names.append(LexiconName(name: r[1], id: r[0], kind: .ticker))
                if let dot = r[1].firstIndex(of: "."), dot != r[1].startIndex {
                    names.append(LexiconName(name: String(r[1][..<dot]), id: r[0], kind: .ticker))
                }
            }
            return names
        }
        load("commodities.tsv") { r in r.count >= 2 ? [LexiconName(name: r[1], id: r[0], kind: .commodity)] : [] }
        load("yields.tsv") { r in r.count >= 2 ? [LexiconName(name: r[1], id: r[0], kind: .yield)] : [] }
        load("currencies.tsv") { r in
            r.count >= 2 && r[1] != "LOCAL" ? [LexiconName(name: r[0], id: r[1], kind: .currency)] : []
        }
        load("fx-names.tsv") { r in r.count >= 2 ? [LexiconName(name: r[0], id: r[1], kind: .currency)] : [] }
        return out
    }()
}
