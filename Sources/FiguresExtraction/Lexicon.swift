import FiguresText

/// What a name in the text stands for.
public struct Entity: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case index, currency, country, centralBank, bank, company, commodity, yield
        /// A name of several indices at once (滬深兩市): `id` lists them, space-separated; the page's
        /// mentions hold one `index` mention per member, in order, so `分別` can assign them.
        case indexGroup
    }
    public var kind: Kind
    public var id: String
    /// Extra data from the table: a commodity's quote currency, a company's ticker.
    public var extra: String = ""
    /// The table and line it came from, for `figures explain`.
    public var source: String = ""
}

/// Every name the extractor knows, from the tables in `data/`, matched longest-first.
public struct Lexicon: Sendable {
    public static let shared = Lexicon()

    public let names: WordTable<Entity>
    /// Every name the tables give a subject, as loaded, in table order (the names of `names`).
    public let entries: [(name: String, entity: Entity)]
    public let currencyCodes: WordTable<String>
    /// One-character country abbreviations of headlines (美, 中, 墨…), used only where grammar points at a country.
    public let countryAbbreviations: [UInt32: String]
    /// A country's central bank (US → FED), for rate moves written with the country.
    public let centralBankOf: [String: String]
    /// A central bank's country (FED → US; the euro area's ECB → EA), from central-banks.tsv.
    public let countryOfCentralBank: [String: String]

    public init() {
        var names = WordTable<Entity>()
        var entries: [(name: String, entity: Entity)] = []
        func load(_ file: String, _ body: ([String]) -> [(String, Entity)]) {
            for row in TableFile.rows(named: file) {
                for (name, entity) in body(row) {
                    var e = entity
                    e.source = "\(file): \(row.joined(separator: " "))"
                    names.add(name, e)
                    entries.append((name, e))
                }
            }
        }
        load("indices.tsv") { r in r.count >= 2 ? [(r[1], Entity(kind: .index, id: r[0]))] : [] }
        load("index-groups.tsv") { r in r.count >= 2 ? [(r[0], Entity(kind: .indexGroup, id: r[1]))] : [] }
        load("countries.tsv") { r in r.count >= 2 ? [(r[1], Entity(kind: .country, id: r[0]))] : [] }
        load("banks.tsv") { r in
            r.count >= 3 ? [(r[1], Entity(kind: r[2] == "central" ? .centralBank : .bank, id: r[0]))] : []
        }
        load("commodities.tsv") { r in r.count >= 3 ? [(r[1], Entity(kind: .commodity, id: r[0], extra: r[2]))] : [] }
        load("yields.tsv") { r in r.count >= 2 ? [(r[1], Entity(kind: .yield, id: r[0]))] : [] }
        load("companies.tsv") { r in
            guard r.count >= 3 else { return [] }
            return r[2].split(separator: "|").map { (String($0), Entity(kind: .company, id: r[0], extra: r[1])) }
        }
        var codes = WordTable<String>()
        for row in TableFile.rows(named: "currencies.tsv") where row.count >= 2 {
            codes.add(row[0], row[1])
            // Currency names are entities too (for exchange rates), but not symbols, codes or bare 元.
            if row[1] != "LOCAL", row[0].unicodeScalars.allSatisfy({ $0.value > 0x2E80 }) {
                var e = Entity(kind: .currency, id: row[1])
                e.source = "currencies.tsv: \(row.joined(separator: " "))"
                names.add(row[0], e)
                entries.append((row[0], e))
            }
        }
        for row in TableFile.rows(named: "fx-names.tsv") where row.count >= 2 {
            var e = Entity(kind: .currency, id: row[1])
            e.source = "fx-names.tsv: \(row.joined(separator: " "))"
            names.add(row[0], e)
            entries.append((row[0], e))
        }
        self.names = names
        self.entries = entries
        self.currencyCodes = codes
        var abbreviations: [UInt32: String] = [:]
        for row in TableFile.rows(named: "country-abbreviations.tsv") where row.count >= 2 {
            if let c = ScriptFold.shared.fold(row[0]).first { abbreviations[c] = row[1] }
        }
        self.countryAbbreviations = abbreviations
        var banks: [String: String] = [:]
        for row in TableFile.rows(named: "central-banks.tsv") where row.count >= 2 { banks[row[0]] = row[1] }
        self.centralBankOf = banks
        var countries: [String: String] = [:]
        for (country, bank) in banks where countries[bank] == nil || country == "EA" { countries[bank] = country }
        self.countryOfCentralBank = countries
    }
}

/// Stock exchanges (data/exchanges.tsv): the currency a listing's prices are quoted in, and a market's.
///
/// A price or a turnover written in bare 元 is in the exchange's currency whatever the page's region:
/// 騰訊收報272.6元 on a mainland page, 恒指成交额798亿元, 滬深兩市成交1.2兆元 on a Taiwanese page.
public struct Exchanges: Sendable {
    public static let shared = Exchanges()

    /// By listing suffix (HK, TW, SS…).
    public let currencyOfSuffix: [String: String]
    /// By index id (HSI, TAIEX…): the currency of its market's turnover.
    public let currencyOfIndex: [String: String]

    public init() {
        var suffixes: [String: String] = [:], indices: [String: String] = [:]
        for row in TableFile.rows(named: "exchanges.tsv") where row.count >= 2 {
            suffixes[row[0]] = row[1]
            if row.count >= 3 { for id in row[2].split(separator: " ") { indices[String(id)] = row[1] } }
        }
        currencyOfSuffix = suffixes
        currencyOfIndex = indices
    }

    /// The one currency of a company's listings (`0700.HK` → HKD); nil when a listing's exchange is not
    /// known or two listings quote in different currencies (`1398.HK|601398.SS`: the page's 元 decides).
    public func currency(ofListings tickers: String) -> String? {
        var found: String?
        for ticker in tickers.split(separator: "|") {
            guard let dot = ticker.lastIndex(of: "."), let c = currencyOfSuffix[String(ticker[ticker.index(after: dot)...])] else { return nil }
            if let f = found, f != c { return nil }
            found = c
        }
        return found
    }
}
