import XCTest
import FiguresExtraction
import FiguresQuantities
import FiguresText

/// The names of data/ (indices, commodities, companies, banks, currencies, yields) as outlets in
/// Taiwan, Hong Kong, the mainland, Singapore and Malaysia write them, on fixtures written for these
/// tests: each class in two wordings, Traditional and Simplified.
final class LexiconTests: XCTestCase {
    let reference = Day(year: 2025, month: 3, day: 7)

    func extract(_ text: String) -> [Observation] {
        Extractor.extract(text, reference: reference).observations
    }

    func find(_ obs: [Observation], _ subject: String, _ metric: String) -> Observation? {
        obs.first { $0.subject == subject && $0.metric == metric }
    }

    // MARK: the ids the spec fixes are in the tables

    func testEveryIndexAndCommodityIdOfTheSpecHasANameInTheTables() {
        let indices = Set(TableFile.rows(named: "indices.tsv").map { $0[0] })
        for id in ["N225", "TOPIX", "HSI", "HSCEI", "HSTECH", "SSEC", "SZSC", "CHINEXT", "CSI300", "TAIEX", "TPEX",
                   "KOSPI", "STI", "SPX", "DJI", "IXIC", "SOX", "STOXX600", "SX5E", "FTSE100", "CAC40", "DAX", "IBEX35",
                   "OMXSB", "FTSEMIB", "ASX200", "HXC", "VNINDEX", "SENSEX", "NIFTY", "TW50", "FORMOSA", "KOSDAQ",
                   "STAR50", "DXY", "KLCI", "SET", "JCI", "PSEI", "SSEB"] {
            XCTAssertTrue(indices.contains(id), "indices.tsv has no name for \(id)")
        }
        let commodities = Set(TableFile.rows(named: "commodities.tsv").map { $0[0] })
        for id in ["XAU", "XAG", "XPT", "XPD", "WTI", "BRENT", "NATGAS", "COPPER", "ALUMINIUM", "NICKEL", "ZINC", "TIN",
                   "LEAD", "IRONORE"] {
            XCTAssertTrue(commodities.contains(id), "commodities.tsv has no name for \(id)")
        }
        let banks = Set(TableFile.rows(named: "banks.tsv").map { $0[0] })
        for id in ["FED", "ECB", "BOJ", "BOE", "PBOC", "CBC", "HKMA", "MAS", "BOK", "RBA", "SNB", "BNM"] {
            XCTAssertTrue(banks.contains(id), "banks.tsv has no name for \(id)")
        }
        let yields = Set(TableFile.rows(named: "yields.tsv").map { $0[0] })
        for id in ["US2Y", "US5Y", "US10Y", "US30Y", "JP10Y", "CN10Y", "DE10Y", "GB10Y", "KR3Y", "TW10Y"] {
            XCTAssertTrue(yields.contains(id), "yields.tsv has no name for \(id)")
        }
    }

    /// One name, one thing: a name listed twice (after folding) must name the same entity both times,
    /// or the first table loaded silently wins.
    func testNoNameStandsForTwoThings() {
        var seen: [String: String] = [:]
        func add(_ name: String, _ what: String, _ file: String) {
            let key = ScriptFold.shared.foldedString(name).lowercased()
            if let earlier = seen[key], earlier != what {
                XCTFail("\(file): \(name) is \(what) here and \(earlier) elsewhere")
            }
            seen[key] = what
        }
        for r in TableFile.rows(named: "indices.tsv") { add(r[1], "index \(r[0])", "indices.tsv") }
        for r in TableFile.rows(named: "countries.tsv") { add(r[1], "country \(r[0])", "countries.tsv") }
        for r in TableFile.rows(named: "banks.tsv") { add(r[1], "bank \(r[0])", "banks.tsv") }
        for r in TableFile.rows(named: "commodities.tsv") { add(r[1], "commodity \(r[0])", "commodities.tsv") }
        for r in TableFile.rows(named: "yields.tsv") { add(r[1], "yield \(r[0])", "yields.tsv") }
        for r in TableFile.rows(named: "companies.tsv") {
            for name in r[2].split(separator: "|") { add(String(name), "company \(r[0])", "companies.tsv") }
        }
    }

    // MARK: indices

    func testKLCIByItsMalaysianNames() {
        let obs = extract("馬股週五走低，富時大馬綜合指數收報1,520.35點，下跌6.12點或0.4%。")
        XCTAssertEqual(find(obs, "KLCI", "close")?.value, 1520.35)
        XCTAssertEqual(find(obs, "KLCI", "change")?.value, -6.12)
        XCTAssertEqual(find(obs, "KLCI", "change_pct")?.value, -0.4)
        let simplified = extract("富时隆综指周五收在1520.35点，跌6.12点。马股全日成交量30.5亿股，成交额25.6亿令吉。")
        XCTAssertEqual(find(simplified, "KLCI", "close")?.value, 1520.35)
        XCTAssertEqual(find(simplified, "KLCI", "volume")?.value, 3.05e9)
        XCTAssertEqual(find(simplified, "KLCI", "turnover")?.value, 2.56e9)
        XCTAssertEqual(find(simplified, "KLCI", "turnover")?.unit, "MYR")
        let english = extract("FBM KLCI收低0.4%，報1,520.35點。")
        XCTAssertEqual(find(english, "KLCI", "change_pct")?.value, -0.4)
    }

    func testASX200WrittenAsSAndPASX200() {
        let obs = extract("澳洲股市週五收高，標普/澳證200指數收漲0.8%，報8,150.2點。")
        XCTAssertEqual(find(obs, "ASX200", "change_pct")?.value, 0.8)
        XCTAssertEqual(find(obs, "ASX200", "close")?.value, 8150.2)
        let simplified = extract("澳大利亚S&P/ASX 200指数周五上涨0.8%，收报8150.2点。")
        XCTAssertEqual(find(simplified, "ASX200", "change_pct")?.value, 0.8)
        XCTAssertEqual(find(simplified, "ASX200", "close")?.value, 8150.2)
        XCTAssertNil(simplified.first { $0.subject == "SPX" }, "標普 inside S&P/ASX 200 is not the S&P 500")
    }

    func testSoutheastAsianAndIndianIndices() {
        let obs = extract("新加坡股市週五上漲，海指收漲0.5%，報3,850.2點。雅加達綜合指數上漲1.1%。泰國證交所指數下跌0.5%。菲股綜合指數上漲0.3%。")
        XCTAssertEqual(find(obs, "STI", "change_pct")?.value, 0.5)
        XCTAssertEqual(find(obs, "STI", "close")?.value, 3850.2)
        XCTAssertEqual(find(obs, "JCI", "change_pct")?.value, 1.1)
        XCTAssertEqual(find(obs, "SET", "change_pct")?.value, -0.5)
        XCTAssertEqual(find(obs, "PSEI", "change_pct")?.value, 0.3)
        let simplified = extract("海峡时报指数收涨0.5%。印度孟买敏感30指数上涨0.9%，收报74,500点。印度Nifty 50指数上涨0.5%。越南VN指数收涨0.7%。印尼综合指数下跌1%。")
        XCTAssertEqual(find(simplified, "STI", "change_pct")?.value, 0.5)
        XCTAssertEqual(find(simplified, "SENSEX", "close")?.value, 74500)
        XCTAssertEqual(find(simplified, "NIFTY", "change_pct")?.value, 0.5)
        XCTAssertEqual(find(simplified, "VNINDEX", "change_pct")?.value, 0.7)
        XCTAssertEqual(find(simplified, "JCI", "change_pct")?.value, -1)
    }

    func testBShareIndicesAreNotTheMainIndex() {
        let obs = extract("上證B股指數下跌0.3%，深證B股指數上漲0.2%。")
        XCTAssertEqual(find(obs, "SSEB", "change_pct")?.value, -0.3)
        XCTAssertEqual(find(obs, "SZSB", "change_pct")?.value, 0.2)
        XCTAssertNil(obs.first { $0.subject == "SSEC" || $0.subject == "SZSC" })
        let simplified = extract("上证B股指数收跌0.3%，报260.5点。")
        XCTAssertEqual(find(simplified, "SSEB", "change_pct")?.value, -0.3)
    }

    func testEnglishNamesWithAndWithoutSpaces() {
        let obs = extract("FTSE 100指數收漲0.3%，CAC 40指數下跌0.5%，DAX 30指數上漲1%，Euro Stoxx 50指數下跌0.2%。")
        XCTAssertEqual(find(obs, "FTSE100", "change_pct")?.value, 0.3)
        XCTAssertEqual(find(obs, "CAC40", "change_pct")?.value, -0.5)
        XCTAssertEqual(find(obs, "DAX", "change_pct")?.value, 1)
        XCTAssertEqual(find(obs, "SX5E", "change_pct")?.value, -0.2)
        let unspaced = extract("英国FTSE100指数收涨0.3%，法国CAC40指数下跌0.5%，德国DAX30指数上涨1%。")
        XCTAssertEqual(find(unspaced, "FTSE100", "change_pct")?.value, 0.3)
        XCTAssertEqual(find(unspaced, "CAC40", "change_pct")?.value, -0.5)
        XCTAssertEqual(find(unspaced, "DAX", "change_pct")?.value, 1)
    }

    func testAMarketNamedByItsCityIsItsMainIndex() {
        let obs = extract("首爾股市週五成交額12兆韓元。")
        XCTAssertEqual(find(obs, "KOSPI", "turnover")?.unit, "KRW")
        let simplified = extract("吉隆坡股市周五下跌0.4%。")
        XCTAssertEqual(find(simplified, "KLCI", "change_pct")?.value, -0.4)
    }

    /// Words that end in a market's short name, but are none.
    func testWordsThatHideAMarketName() {
        XCTAssertNil(extract("某基金經理在上海指出，今年將增持10%。").first { $0.subject == "STI" })
        XCTAssertNil(extract("英國倫敦金融城房價上漲3%。").first { $0.subject == "XAU" })
        XCTAssertNil(extract("资深市场人士称，该股大涨5%。").first { $0.subject == "SZSC" })
        XCTAssertNil(extract("明星股大漲5%。").first { $0.subject == "STI" })
    }

    // MARK: commodities

    func testSilverFromItsNames() {
        let obs = extract("現貨白銀下跌1.2%至每盎司32.45美元。")
        XCTAssertEqual(find(obs, "XAG", "change_pct")?.value, -1.2)
        XCTAssertEqual(find(obs, "XAG", "level")?.value, 32.45)
        XCTAssertEqual(find(obs, "XAG", "level")?.unit, "USD")
        let simplified = extract("白银期货上涨2.1%，报33.1美元。")
        XCTAssertEqual(find(simplified, "XAG", "change_pct")?.value, 2.1)
    }

    func testMetalsEnergyAndPalmOil() {
        let obs = extract("倫銅上漲1.1%，鋁價上漲0.8%，鈀金下跌2%，鐵礦石期貨下跌1.5%，布蘭特原油期貨上漲1.2%，倫敦金升0.6%。")
        XCTAssertEqual(find(obs, "COPPER", "change_pct")?.value, 1.1)
        XCTAssertEqual(find(obs, "ALUMINIUM", "change_pct")?.value, 0.8)
        XCTAssertEqual(find(obs, "XPD", "change_pct")?.value, -2)
        XCTAssertEqual(find(obs, "IRONORE", "change_pct")?.value, -1.5)
        XCTAssertEqual(find(obs, "BRENT", "change_pct")?.value, 1.2)
        XCTAssertEqual(find(obs, "XAU", "change_pct")?.value, 0.6)
        let simplified = extract("沪铜下跌0.8%，报每吨76,500元。原棕油期货上涨2%，报每吨4,500令吉。伦镍上涨3%。")
        XCTAssertEqual(find(simplified, "COPPER", "level")?.value, 76500)
        XCTAssertEqual(find(simplified, "COPPER", "level")?.unit, "CNY")
        XCTAssertEqual(find(simplified, "CPO", "level")?.unit, "MYR")
        XCTAssertEqual(find(simplified, "NICKEL", "change_pct")?.value, 3)
    }

    // MARK: companies and currencies

    func testHongKongCompanyClose() {
        let obs = extract("騰訊控股收報412.6港元，升1.5%。")
        XCTAssertEqual(find(obs, "TENCENT", "close")?.value, 412.6)
        XCTAssertEqual(find(obs, "TENCENT", "close")?.unit, "HKD")
        XCTAssertEqual(find(obs, "TENCENT", "change_pct")?.value, 1.5)
        let simplified = extract("美团-W收涨2.3%，报150.2港元。")
        XCTAssertEqual(find(simplified, "MEITUAN", "change_pct")?.value, 2.3)
        XCTAssertEqual(find(simplified, "MEITUAN", "close")?.value, 150.2)
    }

    func testSingaporeAndMalaysianCompaniesInTheirCurrencies() {
        let obs = extract("星展集團第三季淨利12.69億新元。馬銀行收漲0.5%，報10.20令吉。")
        XCTAssertEqual(find(obs, "DBS", "net_income")?.value, 1.269e9)
        XCTAssertEqual(find(obs, "DBS", "net_income")?.unit, "SGD")
        XCTAssertEqual(find(obs, "MAYBANK", "close")?.value, 10.2)
        XCTAssertEqual(find(obs, "MAYBANK", "close")?.unit, "MYR")
        let simplified = extract("大众银行第三季净利RM17.5亿。国家能源收报13.50令吉，上涨1.2%。")
        XCTAssertEqual(find(simplified, "PUBLIC-BANK", "net_income")?.value, 1.75e9)
        XCTAssertEqual(find(simplified, "PUBLIC-BANK", "net_income")?.unit, "MYR")
        XCTAssertEqual(find(simplified, "TENAGA", "close")?.value, 13.5)
        let prefixed = extract("大华银行集团净利S$15.2亿。")
        XCTAssertEqual(find(prefixed, "UOB-GROUP", "net_income")?.unit, "SGD")
    }

    func testRegionalExchangeRates() {
        let obs = extract("美元兌令吉收在4.4520。")
        XCTAssertEqual(find(obs, "USD/MYR", "close")?.value, 4.452)
        let simplified = extract("令吉兑美元报4.4520。泰铢兑美元报33.85。")
        XCTAssertEqual(find(simplified, "USD/MYR", "level")?.value, 4.452)
        XCTAssertEqual(find(simplified, "USD/THB", "level")?.value, 33.85)
    }

    // MARK: banks and yields

    func testCentralAndCommercialBanks() {
        let obs = extract("國家銀行維持隔夜政策利率在3%不變。澳洲聯儲宣布降息一碼至4.1%。")
        XCTAssertEqual(find(obs, "BNM", "policy_rate")?.value, 3)
        XCTAssertEqual(find(obs, "RBA", "policy_rate")?.value, 4.1)
        XCTAssertEqual(find(obs, "RBA", "policy_rate_change")?.value, -0.25)
        let simplified = extract("马来西亚国家银行宣布维持隔夜政策利率于3%。印度储备银行将回购利率下调25个基点至6.25%。")
        XCTAssertEqual(find(simplified, "BNM", "policy_rate")?.value, 3)
        XCTAssertEqual(find(simplified, "RBI", "policy_rate")?.value, 6.25)
        let commercial = extract("台灣銀行宣布調降一年期定存利率0.1個百分點。")
        XCTAssertEqual(find(commercial, "BANK-OF-TAIWAN", "deposit_rate_change")?.value, -0.1)
    }

    func testYieldsByCountryAndTenor() {
        let obs = extract("德國10年期公債殖利率上升5個基點至2.45%。日本十年期公債殖利率升至1.52%。台灣10年期公債殖利率下跌至1.6%。")
        XCTAssertEqual(find(obs, "DE10Y", "yield")?.value, 2.45)
        XCTAssertEqual(find(obs, "DE10Y", "yield_change")?.value, 0.05)
        XCTAssertEqual(find(obs, "JP10Y", "yield")?.value, 1.52)
        XCTAssertEqual(find(obs, "TW10Y", "yield")?.value, 1.6)
        let simplified = extract("中国10年期国债收益率下跌2个基点至1.75%。英国十年期国债收益率升至4.6%。")
        XCTAssertEqual(find(simplified, "CN10Y", "yield")?.value, 1.75)
        XCTAssertEqual(find(simplified, "GB10Y", "yield")?.value, 4.6)
    }
}
