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
        // the names the extractor loaded (one reading of the tables), then what only people type:
        // tickers and bare stock codes, and currency codes and symbols
        var out: [LexiconName] = []
        var tickers = Set<String>()
        for (name, entity) in Lexicon.shared.entries where !entity.id.hasPrefix("LOCAL") {
            switch entity.kind {
            case .index: out.append(LexiconName(name: name, id: entity.id, kind: .index))
            case .country: out.append(LexiconName(name: name, id: entity.id, kind: .country))
            case .centralBank: out.append(LexiconName(name: name, id: entity.id, kind: .centralBank))
            case .bank: out.append(LexiconName(name: name, id: entity.id, kind: .bank))
            case .commodity: out.append(LexiconName(name: name, id: entity.id, kind: .commodity))
            case .yield: out.append(LexiconName(name: name, id: entity.id, kind: .yield))
            case .currency: out.append(LexiconName(name: name, id: entity.id, kind: .currency))
            case .indexGroup: continue
            case .company:
                out.append(LexiconName(name: name, id: entity.id, kind: .company))
                for listing in entity.extra.split(separator: "|") {   // 1398.HK|601398.SS: each listing's code
                    let ticker = String(listing)
                    guard tickers.insert(entity.id + " " + ticker).inserted else { continue }
                    out.append(LexiconName(name: ticker, id: entity.id, kind: .ticker))
                    if let dot = ticker.firstIndex(of: "."), dot != ticker.startIndex {
                        out.append(LexiconName(name: String(ticker[..<dot]), id: entity.id, kind: .ticker))
                    }
                }
            }
        }
        for row in TableFile.rows(named: "currencies.tsv") where row.count >= 2 && row[1] != "LOCAL"
            && !row[0].unicodeScalars.allSatisfy({ $0.value > 0x2E80 }) {
            out.append(LexiconName(name: row[0], id: row[1], kind: .currency))   // USD, US$, S$: not names in text
        }
        return out
    }()
}
