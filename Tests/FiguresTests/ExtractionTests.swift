import XCTest
import FiguresExtraction
import FiguresQuantities
import FiguresText

/// Each kind's rules on short fixtures written for these tests.
final class ExtractionTests: XCTestCase {
    let reference = Day(year: 2025, month: 3, day: 7)

    func extract(_ text: String, date: Day? = nil) -> [Observation] {
        Extractor.extract(text, reference: date ?? reference).observations
    }

    func find(_ obs: [Observation], _ subject: String, _ metric: String, target: String? = nil) -> Observation? {
        obs.first { $0.subject == subject && $0.metric == metric && (target == nil || $0.target == target) }
    }

    func testIndexCloseChangeAndPercent() {
        let obs = extract("台股今（6）日開高走高，加權指數終場上漲120.5點，收23,456.78點，漲幅0.52%。")
        XCTAssertEqual(find(obs, "TAIEX", "change")?.value, 120.5)
        XCTAssertEqual(find(obs, "TAIEX", "close")?.value, 23456.78)
        XCTAssertEqual(find(obs, "TAIEX", "change_pct")?.value, 0.52)
        XCTAssertEqual(find(obs, "TAIEX", "close")?.date, "2025-03-06")
        XCTAssertEqual(obs.count, 3)
    }

    func testIndexFallAndWeeklyMoveAndSimplified() {
        let obs = extract("沪指周五下跌1.2%，报3,300.15点，周线上涨0.8%。深证成指跌0.5%。")
        XCTAssertEqual(find(obs, "SSEC", "change_pct")?.value, -1.2)
        XCTAssertEqual(find(obs, "SSEC", "change_pct")?.date, "2025-03-07")
        XCTAssertEqual(obs.first { $0.subject == "SSEC" && $0.period == "1w" }?.value, 0.8)
        XCTAssertEqual(find(obs, "SSEC", "level")?.value, 3300.15)
        XCTAssertEqual(find(obs, "SZSC", "change_pct")?.value, -0.5)
    }

    func testTwoMarketsTurnoverRespectivelyAndTogether() {
        let obs = extract("沪指收涨0.3%。沪深两市成交额分别为3120亿元和4080亿元，合计7200亿元。")
        XCTAssertEqual(find(obs, "SSEC", "turnover")?.value, 3.12e11)
        XCTAssertEqual(find(obs, "SZSC", "turnover")?.value, 4.08e11)
        XCTAssertEqual(find(obs, "SZSC", "turnover")?.unit, "CNY")
        XCTAssertEqual(obs.filter { $0.metric == "turnover" }.count, 2, "the total belongs to neither market")
        let together = extract("沪指收涨0.3%。沪深两市全天成交额7200亿元。")
        XCTAssertNil(together.first { $0.metric == "turnover" })
    }

    func testRatesQuotedPerOneDollarAndMovesInTheQuoteCurrency() {
        let obs = extract("印度盧比終場勁升4角1分，以51.74盧比兌1美元作收。韓元升值3.2韓元，終場以1,170.5韓元兌1美元作收。")
        XCTAssertEqual(find(obs, "USD/INR", "close")?.value, 51.74)
        XCTAssertEqual(find(obs, "USD/INR", "change")?.value, -0.41)
        XCTAssertEqual(find(obs, "USD/KRW", "change")?.value, -3.2)
        XCTAssertEqual(find(obs, "USD/KRW", "close")?.value, 1170.5)
        XCTAssertEqual(obs.count, 4, "the 1美元 of the quote is no figure")
    }

    func testLevelComparedWithLastWeekAndWeeklyMoves() {
        let obs = extract("櫃買指數以312.45點作收，比上週的305.12點上漲7.33點，週漲約2.4%。日經指數收38,120.5點，較前一交易日的37,900點上漲220.5點。")
        XCTAssertEqual(find(obs, "TPEX", "close")?.previous, 305.12)
        XCTAssertEqual(find(obs, "TPEX", "change")?.period, "1w", "compared with last week: a weekly move")
        XCTAssertEqual(find(obs, "TPEX", "change_pct")?.period, "1w", "週漲 in either script is weekly")
        XCTAssertNil(obs.first { $0.value == 305.12 }, "the week-ago level is no close of today")
        XCTAssertEqual(find(obs, "N225", "close")?.previous, 37900)
        XCTAssertNil(find(obs, "N225", "change")?.period)
        XCTAssertEqual(obs.filter { $0.subject == "N225" }.count, 2)
    }

    func testRespectivePreviousValuesAndHedgedLevels() {
        let obs = extract("中国人民银行公布新一期LPR：1年期为2.9%，5年期以上为3.4%，分别较上月的3.0%和3.5%下降10个基点。日圓走貶，兌美元約報158。")
        XCTAssertEqual(find(obs, "PBOC", "lpr_1y")?.previous, 3.0)
        XCTAssertEqual(find(obs, "PBOC", "lpr_5y")?.previous, 3.5)
        XCTAssertNil(obs.first { $0.value == 3.0 || $0.value == 3.5 }, "the month-ago rates are no figures of their own")
        XCTAssertEqual(find(obs, "USD/JPY", "level")?.qualifier, "approx")
    }

    func testListedOldAndNewRates() {
        let obs = extract("央行理監事會決議，重貼現率、擔保放款融通利率及短期融通利率各調升0.125個百分點，分別由1.5%、1.875%及3.75%調整為1.625%、2%及3.875%。")
        let levels = obs.filter { $0.metric.hasSuffix("_rate") }
        XCTAssertEqual(levels.map { $0.metric }, ["policy_rate", "secured_lending_rate", "short_term_lending_rate"])
        XCTAssertEqual(levels.map { $0.value }, [1.625, 2, 3.875])
        XCTAssertEqual(levels.map { $0.previous }, [1.5, 1.875, 3.75])
    }

    func testTariffLevierIsNotAnEarlierObject() {
        let obs = extract("美國總統宣布，自3月4日起對從墨西哥和加拿大進口的商品加徵25%關稅，對中國商品的關稅則由10%提高至20%。")
        XCTAssertEqual(obs.filter { $0.kind == "tariff" }.map { $0.subject }, ["US", "US", "US"])
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "CN")?.value, 20)
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "CN")?.previous, 10)
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "MX")?.date, "2025-03-04", "自3月4日起: the day it takes effect")
    }

    func testResultsInRenminbiOnAHongKongPageAndAgenciesTheirCountry() {
        let obs = extract("阿里巴巴（9988）公布季度業績，收入2,476.5億元人民幣，按年增長5%；股東應佔盈利435億元。阿里巴巴股價今日收市報118.5元，升1.2%。")
        XCTAssertEqual(find(obs, "ALIBABA", "revenue")?.unit, "CNY")
        XCTAssertEqual(find(obs, "ALIBABA", "net_income")?.unit, "CNY", "results keep the currency they were first stated in")
        XCTAssertEqual(find(obs, "ALIBABA", "close")?.unit, "HKD", "a Hong Kong share price is in the page's currency")
        let trade = extract("台灣財經新聞：海關總署公布，以美元計價，10月出口按年增長4.2%，貿易順差擴大至900億美元。")
        XCTAssertEqual(trade.first { $0.metric == "exports_change_pct" }?.subject, "CN", "海關總署 is China's customs")
    }

    func testVolumeInSharesAndMonthlyMoves() {
        let obs = extract("东京股市日经225种股票平均价格指数收于一万三千零九十二点七八点。当天东京证交所第一部共成交二十二亿三千四百万股。", date: Day(year: 2008, month: 1, day: 24))
        XCTAssertEqual(find(obs, "N225", "volume")?.value, 2_234_000_000)
        XCTAssertEqual(find(obs, "N225", "volume")?.unit, "shares")
        let month = extract("台灣證券交易所統計，1月加權指數月漲幅達10.7%，全年漲幅18%。", date: Day(year: 2026, month: 1, day: 30))
        XCTAssertEqual(find(month, "TAIEX", "change_pct")?.period, "2026-01")
        XCTAssertNil(extract("工廠僱用員工3,500人，生產200萬股。").first { $0.metric == "volume" })
    }

    func testTariffLettersRetaliationAndWhatIsNoTariff() {
        let letters = extract("美國總統宣布，將自8月1日起對寮國與緬甸課徵40%關稅，對馬來西亞與哈薩克課25%、對孟加拉課35%。")
        XCTAssertEqual(Set(letters.filter { $0.value == 25 }.compactMap { $0.target }), ["MY", "KZ"])
        XCTAssertEqual(find(letters, "US", "tariff_rate", target: "BD")?.value, 35)
        let retaliation = extract("歐盟執委會表示，若與美國的談判破局，將對價值950億歐元的美國商品加徵報復性關稅，稅率最高可達50%。")
        XCTAssertEqual(find(retaliation, "EU", "tariff_rate", target: "US")?.value, 50)
        XCTAssertEqual(find(retaliation, "EU", "tariff_rate", target: "US")?.qualifier, "max")
        let capacity = extract("因應美關稅，廠商坦尚尼亞產能明年將逾三成。公司營收年減4.4%，主因為關稅衝擊。")
        XCTAssertNil(capacity.first { $0.kind == "tariff" }, "a capacity share and a revenue change explained by tariffs are no tariff rates")
    }

    func testHongKongHalfDayTurnoverAndBanksBeforeCountries() {
        let hk = extract("恒指半日跌256點 科指挫1.8%\n恒生指數半日收報24,812點；恒生科技指數跌1.8%，報5,432點。半日成交額1,203億元。")
        XCTAssertEqual(find(hk, "HSI", "turnover")?.value, 1.203e11, "the market's turnover is its main index's, the one named first")
        let rates = extract("金管局跟隨美國加息 基本利率上調至5.75厘\n匯豐銀行宣布最優惠利率上調0.125厘至5.875厘。")
        XCTAssertEqual(find(rates, "HKMA", "policy_rate")?.value, 5.75)
        XCTAssertNil(rates.first { $0.subject == "FED" })
        XCTAssertEqual(find(rates, "HSBC", "prime_rate_change")?.value, 0.125)
        XCTAssertEqual(find(rates, "HSBC", "prime_rate")?.value, 5.875, "上調A至B is a move and the level reached, not a range")
    }

    func testHeadlinePhrasesArePartedBySpaces() {
        let obs = extract("聯準會降息預期升溫 道指漲1.2%\n美國股市週三收高，標普500指數上揚0.9%。")
        XCTAssertEqual(find(obs, "DJI", "change_pct")?.value, 1.2, "預期 belongs to the phrase before the space")
    }

    func testParityMovesInPointsAndMoreCentralBanks() {
        let fx = extract("人民幣對美元中間價報7.0651，調貶21點。")
        XCTAssertEqual(find(fx, "USD/CNY", "central_parity_change")?.value, 0.0021, "the yuan weakens: the parity rises by 21 pips")
        let rba = extract("澳洲聯儲局宣布減息0.25厘至3.6厘，為今年第三次減息。")
        XCTAssertEqual(find(rba, "RBA", "policy_rate")?.value, 3.6)
        XCTAssertNil(rba.first { $0.subject == "FED" })
    }

    func testLastFridayIsADayNotAWeek() {
        let obs = extract("櫃買指數上週五下跌2.1點，本週累計上漲3.5點。", date: Day(year: 2025, month: 12, day: 12))
        XCTAssertEqual(obs.first { $0.value == -2.1 }?.date, "2025-12-05")
        XCTAssertNil(obs.first { $0.value == -2.1 }?.period, "上週五 names a day")
    }

    func testACountryNamedAsAnExampleIsNoTarget() {
        let obs = extract("美國對等關稅上路，包括日本在內70多個國家被課15%至41%不等的關稅；對巴西則課50%。")
        XCTAssertNil(obs.first { $0.target == "JP" }, "包括日本在內…: the range is for the whole group")
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "BR")?.value, 50)
    }

    func testWeeksReportsAndDaysEarlierThisYear() {
        let week = extract("台股本週大漲512點\n加權指數週漲幅約1.9%。產業指數中航運類上漲5.1%居冠，塑膠類下跌1.2%。9日加權指數曾上漲300點。",
                           date: Day(year: 2026, month: 1, day: 9))
        XCTAssertEqual(week.first { $0.value == 5.1 }?.period, "1w", "the sentence after a weekly move in a week's report")
        XCTAssertEqual(week.first { $0.value == -1.2 }?.period, "1w")
        XCTAssertNil(week.first { $0.value == 300 }?.period, "a sentence that names its day is that day's")
        let year = extract("日圓今年大幅走強，今年5月4日曾貶至1美元兌94.99日圓，比去年底升值10.6日圓；去年7月8日之後首次收在80日圓。",
                           date: Day(year: 2010, month: 12, day: 31))
        XCTAssertEqual(year.first { $0.value == 94.99 }?.date, "2010-05-04", "a day earlier this year dates its figure")
        XCTAssertEqual(year.first { $0.value == -10.6 }?.period, "2010", "compared with the end of last year: the year's move")
    }

    func testTowardChinaAbbreviatedInHeadlines() {
        let obs = extract("美國將對華芯片關稅提高至50%\n美國貿易代表辦公室宣布，將對中國半導體產品加徵的關稅從25%提高至50%。")
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "CN")?.value, 50)
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "CN")?.previous, 25)
        XCTAssertEqual(obs.filter { $0.kind == "tariff" }.count, 1, "the headline and the body state one figure")
    }

    func testForecastsInBodyAndHeadlineAndNextYear() {
        let obs = extract("央行上修今年GDP至7.31%\n央行並上修今年經濟成長率預測至7.31%，明年為3.67%；重貼現率維持在2%。", date: Day(year: 2025, month: 12, day: 18))
        XCTAssertNil(obs.first { $0.value == 7.31 }, "the body calls the headline's figure a forecast")
        XCTAssertNil(obs.first { $0.value == 3.67 }, "next year's growth is a forecast")
        XCTAssertEqual(find(obs, "CBC", "policy_rate")?.value, 2)
    }

    func testSectorSubIndex() {
        let obs = extract("恆生指數上漲1%，其中金融類股指數上漲2.1%，地產類股指數下跌0.3%。")
        XCTAssertEqual(find(obs, "HSI/金融", "change_pct")?.value, 2.1)
        XCTAssertEqual(find(obs, "HSI/地產", "change_pct")?.value, -0.3)
    }

    func testExchangeRateOrientationAndFen() {
        let obs = extract("新台幣兌美元今天以30.512元作收，貶值4.3分，盤中最低30.6元，最高30.45元，成交金額15.2億美元。日圓升0.8%。歐元兌美元下跌0.3%。")
        XCTAssertEqual(find(obs, "USD/TWD", "close")?.value, 30.512)
        XCTAssertEqual(find(obs, "USD/TWD", "change")?.value ?? 0, 0.043, accuracy: 1e-12)
        XCTAssertEqual(find(obs, "USD/TWD", "high")?.value, 30.6)
        XCTAssertEqual(find(obs, "USD/TWD", "low")?.value, 30.45)
        XCTAssertEqual(find(obs, "USD/TWD", "turnover")?.value, 1.52e9)
        XCTAssertEqual(find(obs, "USD/TWD", "turnover")?.unit, "USD")
        XCTAssertEqual(find(obs, "USD/JPY", "change_pct")?.value, -0.8)
        XCTAssertEqual(find(obs, "EUR/USD", "change_pct")?.value, -0.3)
    }

    func testRateMovesLevelsAndPrevious() {
        let obs = extract("美國聯準會宣布降息2碼。南韓央行將基準利率從1.25%下調至0.75%。")
        XCTAssertEqual(find(obs, "FED", "policy_rate_change")?.value, -0.5)
        XCTAssertEqual(find(obs, "FED", "policy_rate_change")?.unit, "pp")
        let bok = find(obs, "BOK", "policy_rate")
        XCTAssertEqual(bok?.value, 0.75)
        XCTAssertEqual(bok?.previous, 1.25)
        XCTAssertNil(obs.first { $0.value == 1.25 }, "the old rate is no figure of its own")
    }

    func testHongKongLiAndRespectiveList() {
        let obs = extract("《經濟通通訊社7日專訊》香港金管局把基本利率調低至4.5厘。滙豐銀行和渣打銀行的最優惠利率分別下調0.125和0.25厘。")
        XCTAssertEqual(find(obs, "HKMA", "policy_rate")?.value, 4.5)
        XCTAssertEqual(find(obs, "HKMA", "policy_rate")?.unit, "pct")
        XCTAssertEqual(find(obs, "HSBC", "prime_rate_change")?.value, -0.125)
        XCTAssertEqual(find(obs, "STANCHART", "prime_rate_change")?.value, -0.25)
    }

    func testTariffsFromToAndLists() {
        let obs = extract("美國對越南課徵的關稅從46%下調至20%，對日本、南韓則課徵15%關稅，平均稅率為18%。")
        let vn = find(obs, "US", "tariff_rate", target: "VN")
        XCTAssertEqual(vn?.value, 20)
        XCTAssertEqual(vn?.previous, 46)
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "JP")?.value, 15)
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "KR")?.value, 15)
    }

    func testTariffLevierBeforeDui() {
        let obs = extract("加拿大宣布對中國電動車加徵100%關稅，自10月1日起生效。")
        let o = find(obs, "CA", "tariff_rate", target: "CN")
        XCTAssertEqual(o?.value, 100)
        XCTAssertEqual(o?.date, "2025-10-01")
    }

    func testCompanyResultsWithPeriodsAndLocaleCurrency() {
        let obs = extract("台積電(2330)第三季營收9,000億元，年增30%，毛利率達58.5%，每股盈餘15.2元；去年全年營收2.9兆元。")
        XCTAssertEqual(find(obs, "TSMC", "revenue")?.value, 9e11)
        XCTAssertEqual(find(obs, "TSMC", "revenue")?.unit, "TWD")
        XCTAssertEqual(find(obs, "TSMC", "revenue")?.period, "2024-Q3", "Q3 lies after the reference date in March 2025")
        XCTAssertEqual(find(obs, "TSMC", "revenue_change_pct")?.value, 30)
        XCTAssertEqual(find(obs, "TSMC", "gross_margin")?.value, 58.5)
        XCTAssertEqual(find(obs, "TSMC", "eps")?.value, 15.2)
        XCTAssertEqual(obs.first { $0.metric == "revenue" && $0.value == 2.9e12 }?.period, "2024")
    }

    func testUnknownCompanyByListingCode() {
        let obs = extract("【記者報導】大成鋼(2027)前兩月營收120億元，年減3.5%。")
        XCTAssertEqual(find(obs, "2027.TW", "revenue")?.value, 1.2e10)
        XCTAssertEqual(find(obs, "2027.TW", "revenue")?.period, "2025-01/2025-02")
        XCTAssertEqual(find(obs, "2027.TW", "revenue_change_pct")?.value, -3.5)
    }

    func testMainlandMacroInSimplified() {
        let obs = extract("海关总署数据显示，今年前2个月我国出口4.1万亿元，同比增长3.4%；进口2.9万亿元，同比下降1.2%。", date: Day(year: 2025, month: 3, day: 7))
        XCTAssertEqual(find(obs, "CN", "exports")?.value, 4.1e12)
        XCTAssertEqual(find(obs, "CN", "exports")?.unit, "CNY")
        XCTAssertEqual(find(obs, "CN", "exports")?.period, "2025-01/2025-02")
        XCTAssertEqual(find(obs, "CN", "exports_change_pct")?.value, 3.4)
        XCTAssertEqual(find(obs, "CN", "imports_change_pct")?.value, -1.2)
    }

    func testDistractorsGiveNothing() {
        let text = "眾議院以 281 票贊成、24 票反對通過法案，為今年第3次降息；H200晶片；規模6.7強震；連3周上漲；第 12 大貿易夥伴；2026年；突破5萬1關卡。"
        XCTAssertEqual(extract(text), [])
    }

    func testTeaserAgesAndDatelines() {
        let page = """
        日股收高
        日經指數上漲1.1%。
        時報資訊 ・ 2 天前 ・ 發起對話港股回落
        （中央社香港5日綜合外電報導）恆生指數下跌0.7%。
        中央社 ・ 1 天前 ・ 12
        """
        let obs = extract(page)
        XCTAssertEqual(find(obs, "N225", "change_pct")?.date, "2025-03-05")
        XCTAssertEqual(find(obs, "HSI", "change_pct")?.date, "2025-03-05")
        XCTAssertEqual(obs.count, 2, "the comment count 12 is no figure")
    }

    func testTitleAndBodyStatingTheSameFigureGiveOne() {
        let page = "道指漲1.3%\n美股週四收高，道瓊工業平均指數上漲1.3%。\n"
        let obs = extract(page)
        XCTAssertEqual(obs.filter { $0.subject == "DJI" }.count, 1)
    }

    func testExplainAccountsForEveryNumber() {
        let x = Extractor.extract("加權指數上漲120點，以 281 票贊成，H200晶片。", reference: reference)
        XCTAssertEqual(x.observations.count, 1)
        XCTAssertTrue(x.unused.contains { $0.text.contains("281") && $0.reason.contains("count") })
        XCTAssertTrue(x.unused.contains { $0.text == "H200" && $0.reason == "product code" })
    }

    // MARK: whole list pages

    func testListPageOfMarketReportsInBothScripts() {
        let page = """
        A股三大指数集体收涨 沪指涨0.85%
        财联社11月20日电，A股三大指数今日集体收涨，截至收盘，沪指涨0.85%，报3,412.56点；深证成指涨1.21%，报11,086.30点。沪深两市成交额1.45万亿元。
        财联社 · 3 小时前 · 12评
        港股收市 恒指升312點
        恒指今日高開後反覆向上，收市升312點或1.2%，報26,345點；科指升1.8%，報5,678點。大市成交額1,856億港元。騰訊升2.3%，收報612港元。
        經濟通 · 2 小時前
        新台幣貶值1.2角 收32.105元
        （中央社記者台北19日電）美元走強，新台幣兌美元今天收32.105元，貶值1.2角。日圓兌美元貶至157.3，韓元下跌0.45%。
        中央社 ・ 1 天前 ・ 發起對話
        """
        let obs = extract(page, date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(obs, "SSEC", "close")?.value, 3412.56)
        XCTAssertEqual(find(obs, "SSEC", "close")?.date, "2025-11-20")
        XCTAssertEqual(find(obs, "SZSC", "change_pct")?.value, 1.21)
        XCTAssertNil(obs.first { $0.metric == "turnover" && $0.unit == "CNY" }, "two markets' turnover belongs to neither index")
        XCTAssertEqual(find(obs, "HSI", "close")?.value, 26345)
        XCTAssertEqual(find(obs, "HSI", "change")?.value, 312)
        XCTAssertEqual(find(obs, "HSI", "turnover")?.value, 1.856e11, "大市 turnover goes to the main index")
        XCTAssertEqual(find(obs, "HSI", "turnover")?.unit, "HKD")
        XCTAssertEqual(find(obs, "HSTECH", "close")?.value, 5678)
        XCTAssertEqual(find(obs, "TENCENT", "close")?.value, 612)
        XCTAssertEqual(find(obs, "USD/TWD", "change")?.value ?? 0, 0.12, accuracy: 1e-12)
        XCTAssertEqual(find(obs, "USD/TWD", "close")?.date, "2025-11-19")
        XCTAssertEqual(find(obs, "USD/JPY", "level")?.value, 157.3, "貶至 is a level, not the close")
        XCTAssertEqual(find(obs, "USD/KRW", "change_pct")?.value, 0.45, "the won falling lifts USD/KRW")
    }

    func testPolicyTeasers() {
        let page = """
        美联储宣布降息25个基点
        新华社华盛顿12月10日电 美国联邦储备委员会10日宣布将联邦基金利率目标区间下调25个基点到3.50%至3.75%之间。
        新华网 · 5 小时前
        美對印度加徵關稅至50% 即日起生效
        美國總統川普宣布，對印度進口商品的關稅由25%提高至50%，8月27日起生效。
        聯合新聞網 ・ 1 天前 ・ 發起對話
        聯發科10月營收創高 年增20.1%
        聯發科（2454）公布10月合併營收為新台幣520.3億元，月增5.2%，年增20.1%；累計前10月營收4,805.6億元，年增12.3%。
        鉅亨網 ・ 3 小時前
        """
        let obs = extract(page, date: Day(year: 2025, month: 12, day: 11))
        XCTAssertEqual(find(obs, "FED", "policy_rate_change")?.value, -0.25)
        XCTAssertEqual(find(obs, "FED", "policy_rate")?.valueHigh, 3.75)
        XCTAssertEqual(find(obs, "FED", "policy_rate")?.date, "2025-12-10")
        let india = find(obs, "US", "tariff_rate", target: "IN")
        XCTAssertEqual(india?.value, 50)
        XCTAssertEqual(india?.previous, 25)
        XCTAssertEqual(india?.date, "2025-08-27")
        XCTAssertEqual(obs.filter { $0.subject == "MEDIATEK" && $0.metric == "revenue_change_pct" }.map(\.value).sorted(), [12.3, 20.1],
                       "month-on-month 5.2% is no year-on-year change")
        XCTAssertEqual(obs.first { $0.subject == "MEDIATEK" && $0.metric == "revenue" && $0.value == 4.8056e11 }?.period, "2025-01/2025-10")
    }

    func testCommoditiesStocksAndClausesOpenedByOr() {
        let page = """
        台股大漲 台積電創新天價
        台股今（12）日大漲，加權指數終場上漲512.33點，漲幅1.85%，收28,123.45點。台積電上漲35元，收1,480元，市值突破38兆元；鴻海上漲3.2%，收228.5元。
        中央社 ・ 1 天前 ・ 發起對話
        美股收盤 道指連3日走高
        美股週二收高，道瓊工業平均指數上漲203.52點，或0.43%，收在47,706.37點。輝達股價下跌1.8%。
        中央社 ・ 1 天前 ・ 發起對話
        """
        let obs = extract(page, date: Day(year: 2025, month: 12, day: 13))
        XCTAssertEqual(find(obs, "TAIEX", "close")?.value, 28123.45)
        XCTAssertEqual(find(obs, "TSMC", "change")?.value, 35)
        XCTAssertEqual(find(obs, "TSMC", "close")?.value, 1480)
        XCTAssertNil(obs.first { $0.value == 3.8e13 }, "突破38兆元 is a round threshold")
        XCTAssertEqual(find(obs, "2317.TW", "change_pct")?.value, 3.2)
        XCTAssertEqual(find(obs, "DJI", "change_pct")?.value, 0.43, "或0.43% continues the clause before it")
        XCTAssertEqual(find(obs, "NVIDIA", "change_pct")?.date, "2025-12-09", "the teaser's trading day, named in its first sentence")
        XCTAssertNil(obs.first { $0.date == "2025-12-03" }, "連3日 is a streak, not a day")
    }

    func testSimplifiedTariffNewsAndHeadlineAbbreviations() {
        let page = """
        特朗普宣布对欧盟商品征收30%关税 8月1日起实施
        特朗普12日在社交媒体上宣布，自8月1日起对从欧盟和墨西哥进口的商品征收30%的关税。
        新华网 · 1 天前
        中国对美加征关税税率由34%降至10%
        国务院关税税则委员会宣布，对原产于美国的进口商品加征关税税率由34%调整为10%，自5月14日起实施。
        财经网 · 2 天前 · 8评
        滙豐上調最優惠利率
        滙豐銀行宣布，最優惠利率由5.25厘上調至5.5厘，即日生效。一個月港元拆息升至4.1厘。
        星島 · 3 小時前
        """
        let obs = extract(page, date: Day(year: 2025, month: 7, day: 13))
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "EU")?.date, "2025-08-01")
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "MX")?.value, 30)
        XCTAssertNil(obs.first { $0.subject == "JP" }, "the 日 of 1日起 is no country")
        let china = find(obs, "CN", "tariff_rate", target: "US")
        XCTAssertEqual(china?.value, 10)
        XCTAssertEqual(china?.previous, 34)
        XCTAssertEqual(find(obs, "HSBC", "prime_rate")?.previous, 5.25)
        XCTAssertNil(obs.first { $0.value == 4.1 }, "HIBOR is not a rate the spec tracks")
    }

    func testHeadlineRoundingAndClosingPriceWords() {
        let page = """
        韓股大漲2% KOSPI站上4,000點
        南韓股市今天大漲，韓國綜合股價指數終場上漲81.45點或2.05%，收在4,051.32點。
        中央社 ・ 1 天前 ・ 發起對話
        新台幣收盤價32.150元 貶值3分
        新台幣兌美元收盤價32.150元，較前一交易日貶值3分，成交值12.5億美元。
        Moneydj理財網 ・ 1 天前 ・ 發起對話
        """
        let obs = extract(page, date: Day(year: 2025, month: 11, day: 1))
        XCTAssertEqual(obs.filter { $0.subject == "KOSPI" && $0.metric == "change_pct" }.map(\.value), [2.05], "the headline's 2% is the body's 2.05%")
        XCTAssertNil(obs.first { $0.value == 4000 }, "站上4,000點 is a threshold")
        XCTAssertEqual(find(obs, "USD/TWD", "close")?.value, 32.15)
        XCTAssertEqual(find(obs, "USD/TWD", "change")?.value ?? 0, 0.03, accuracy: 1e-12)
    }

    // MARK: a central bank's other official rates

    func testFacilityRatesListedRespectivelyTakeTheirOwnMetrics() {
        let obs = extract("央行理監事會決議利率不變，重貼現率、擔保放款融通利率與短期融通利率分別為1.5%、1.875%和3.75%。")
        XCTAssertEqual(find(obs, "CBC", "policy_rate")?.value, 1.5)
        XCTAssertEqual(find(obs, "CBC", "secured_lending_rate")?.value, 1.875)
        XCTAssertEqual(find(obs, "CBC", "short_term_lending_rate")?.value, 3.75)
        XCTAssertEqual(obs.filter { $0.kind == "rate" }.count, 3)
        let simplified = extract("台湾央行今天宣布，短期融通利率维持在3.625%，担保放款融通利率为1.75%。")
        XCTAssertEqual(find(simplified, "CBC", "short_term_lending_rate")?.value, 3.625)
        XCTAssertEqual(find(simplified, "CBC", "secured_lending_rate")?.value, 1.75)
        XCTAssertNil(find(simplified, "CBC", "policy_rate"))
    }

    func testOldRatesListedInAnEarlierClausePairWithTheNewList() {
        let obs = extract("央行升息半碼，重貼現率、擔保放款融通利率及短期融通利率原本分別為1.125%、1.5%及3.375%，維持了8季，此次分別升至1.25%、1.625%及3.5%。")
        XCTAssertEqual(find(obs, "CBC", "policy_rate")?.value, 1.25)
        XCTAssertEqual(find(obs, "CBC", "policy_rate")?.previous, 1.125)
        XCTAssertEqual(find(obs, "CBC", "secured_lending_rate")?.previous, 1.5)
        XCTAssertEqual(find(obs, "CBC", "short_term_lending_rate")?.value, 3.5)
        XCTAssertNil(obs.first { $0.value == 1.5 || $0.value == 3.375 }, "old values are no figures of their own")
        let simplified = extract("中国人民银行宣布，1年期和5年期以上LPR原先分别为3.1%和3.6%，本月起分别下调至3.0%与3.5%。")
        XCTAssertEqual(find(simplified, "PBOC", "lpr_1y")?.value, 3.0)
        XCTAssertEqual(find(simplified, "PBOC", "lpr_1y")?.previous, 3.1)
        XCTAssertEqual(find(simplified, "PBOC", "lpr_5y")?.previous, 3.6)
        XCTAssertEqual(simplified.count, 2)
    }

    func testATenorNamedWithLPRMakesTheTeaserAboutLoanPrimeRates() {
        let obs = extract("1年期LPR为3.45%，5年期以上LPR为3.95%。")
        XCTAssertEqual(find(obs, "PBOC", "lpr_1y")?.value, 3.45)
        XCTAssertEqual(find(obs, "PBOC", "lpr_5y")?.value, 3.95)
        let traditional = extract("人行公布，一年期貸款市場報價利率維持3.1%，五年期以上貸款市場報價利率維持3.6%。")
        XCTAssertEqual(find(traditional, "PBOC", "lpr_1y")?.value, 3.1)
        XCTAssertEqual(find(traditional, "PBOC", "lpr_5y")?.value, 3.6)
    }

    // MARK: region from the page's words, not its script

    func testAMalaysianPageIsNotMainlandWhateverItsScript() {
        let simplified = extract("（吉隆坡5日讯）马股周三走低，综指跌5.2点。央行维持隔夜政策利率在2.75%不变，令吉兑美元收在4.215。")
        XCTAssertEqual(find(simplified, "KLCI", "change")?.value, -5.2)
        XCTAssertEqual(find(simplified, "BNM", "policy_rate")?.value, 2.75)
        XCTAssertNil(simplified.first { $0.subject == "PBOC" || $0.subject == "SSEC" })
        let traditional = extract("檳城訊－大馬股市週一反彈，綜指收高3.1點。國行今日宣佈，把隔夜政策利率下調25個基點。")
        XCTAssertEqual(find(traditional, "KLCI", "change")?.value, 3.1)
        XCTAssertEqual(find(traditional, "BNM", "policy_rate_change")?.value, -0.25)
    }

    func testASingaporePageBooksBareYuanInSingaporeDollars() {
        let obs = extract("（新加坡讯）新交所上市的星展集团第三季净利为28亿元，本地股市海峡时报指数涨0.5%。")
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.unit, "SGD")
        XCTAssertEqual(find(obs, "STI", "change_pct")?.value, 0.5)
        let traditional = extract("獅城股市今早走高，海指上漲12點。新加坡金融管理局表示，新元匯率政策維持不變，組屋轉售價格上漲。某公司營收為3億元，按年增長4%。")
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.subject, "DBS")
        XCTAssertEqual(traditional.first { $0.metric == "revenue" }?.unit ?? "SGD", "SGD")
    }

    func testAMalaysianListingWithItsTickerAndBoard() {
        let obs = extract("（吉隆坡6日讯）东洋投资（TOYOVEN，7173，主板工业股）全天涨37仙，收在2.56令吉。东洋投资成交量大增。")
        XCTAssertEqual(obs.first { $0.kind == "equity" && $0.metric == "close" }?.subject, "7173.KL")
        XCTAssertEqual(obs.first { $0.kind == "equity" && $0.metric == "close" }?.value, 2.56)
        let traditional = extract("（吉隆坡訊）明日科技（MTECH,0899）早盤跌5仙，報1.02令吉。")
        XCTAssertEqual(traditional.first { $0.kind == "equity" && ["level", "close"].contains($0.metric) }?.subject, "0899.KL")
    }

    // MARK: names the lexicon does not know

    func testACompanyTheLexiconDoesNotKnowIsFoundFromThePriceAfterIt() {
        let obs = extract("【本報悉尼訊】澳股周一收低。礦業巨頭Fortescue下跌2.4%，報18.6元；零售商威富達上漲1.2%，報9.85元。")
        XCTAssertEqual(find(obs, "Fortescue", "close")?.unit, "AUD", "元 in an Australian report")
        XCTAssertEqual(find(obs, "Fortescue", "change_pct")?.value, -2.4)
        XCTAssertEqual(obs.first { $0.subject == "威富達" && $0.metric == "change_pct" }?.value, 1.2)
        XCTAssertEqual(obs.first { $0.subject == "威富達" && ["close", "level"].contains($0.metric) }?.value, 9.85)
        let simplified = extract("恒指收涨0.8%。其中，宏景置业（Vista Land）大跌6.5%，收报7.12港元；九龙仓置业升1.1%。")
        XCTAssertEqual(simplified.first { $0.subject == "宏景置业" && $0.metric == "change_pct" }?.value, -6.5)
        XCTAssertEqual(simplified.first { $0.subject == "九龙仓置业" }?.value, 1.1)
        XCTAssertEqual(simplified.filter { $0.subject == "HSI" }.count, 1, "the stocks' moves are not the index's")
    }

    func testReportPhrasesBeforeAMoveAreNoCompanyNames() {
        let obs = extract("台股終場上漲120點，週線上漲1.2%，本週累計上漲2.5%，最後收在23,000點。")
        XCTAssertTrue(obs.allSatisfy { $0.kind == "index" }, "\(obs.map { $0.subject })")
        let simplified = extract("日元上午一度升至101日元，低位反弹1.3%。")
        XCTAssertNil(simplified.first { $0.kind == "equity" })
    }

    func testCentsAreHundredthsOfTheirCurrency() {
        let obs = extract("紐約期油收市跌79美分，報每桶61.2美元。")
        XCTAssertEqual(find(obs, "WTI", "change")?.value, -0.79)
        XCTAssertEqual(find(obs, "WTI", "change")?.unit, "USD")
        let hk = extract("（吉隆坡訊）大眾銀行（PBBANK，1295，主板金融股）全天漲28仙，收在4.20令吉。")
        XCTAssertEqual(hk.first { $0.metric == "change" }?.value, 0.28)
        XCTAssertEqual(hk.first { $0.metric == "change" }?.unit, "MYR")
    }

    // MARK: losses and reporting periods

    func testANetLossIsANegativeResult() {
        let obs = extract("長榮紙業第4季稅後淨損12.5億元，每股淨損0.83元；本業虧損3.2億元。", date: Day(year: 2026, month: 2, day: 20))
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.value, -1.25e9)
        XCTAssertEqual(obs.first { $0.metric == "eps" }?.value, -0.83)
        XCTAssertEqual(obs.first { $0.metric == "operating_income" }?.value, -3.2e8)
        XCTAssertNil(obs.first { $0.metric == "loss" })
        let simplified = extract("华晨机械上半年净亏损3.6亿元，每股亏损0.12元。", date: Day(year: 2025, month: 8, day: 28))
        XCTAssertEqual(simplified.first { $0.metric == "net_income" }?.value, -3.6e8)
        XCTAssertEqual(simplified.first { $0.metric == "eps" }?.value, -0.12)
    }

    func testAPeriodEndingOnADayRunsBackAsLongAsTheWordsSay() {
        let obs = extract("恒達集團（01234）公布截至2024年3月31日止年度業績，股東應佔溢利1.2億港元。", date: Day(year: 2024, month: 6, day: 20))
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.period, "2023-Q2/2024-Q1")
        let halfYear = extract("星辰控股（08888）公布截至9月30日止六个月业绩，营业额约为3.5亿港元。", date: Day(year: 2024, month: 11, day: 28))
        XCTAssertEqual(halfYear.first { $0.metric == "revenue" }?.period, "2024-Q2/2024-Q3")
        let quarter = extract("（吉隆坡讯）城市资源（CITYRES，5123，主板种植股）截至7月31日的第四季净利为2235万令吉。", date: Day(year: 2015, month: 9, day: 20))
        XCTAssertEqual(quarter.first { $0.metric == "net_income" }?.period, "2015-05/2015-07")
    }

    func testQuartersAndHalvesAfterAPeriodEndingFollowThatFiscalYear() {
        // the second quarter ends in October, so the half is May–October
        let kl = extract("（吉隆坡讯）宏福种植（HFPLANT，5555，主板种植股）截至10月底的次季净利按年增加12%至1500万令吉；上半年净利则跌5%至2850万令吉。",
                         date: Day(year: 2024, month: 11, day: 25))
        XCTAssertEqual(kl.first { $0.metric == "net_income" && $0.value == 1.5e7 }?.period, "2024-08/2024-10")
        XCTAssertEqual(kl.first { $0.metric == "net_income" && $0.value == 2.85e7 }?.period, "2024-05/2024-10")
        // a fiscal year ending in March: its fourth quarter is January–March, the year April–March
        let sg = extract("新加坡交易所公布截至今年3月底的2024財年業績：第四季淨利按年增長8%至5600萬新元，全年淨利則增加10%至2億1000萬新元。",
                         date: Day(year: 2024, month: 5, day: 10))
        XCTAssertEqual(sg.first { $0.metric == "net_income" && $0.value == 5.6e7 }?.period, "2024-Q1")
        XCTAssertEqual(sg.first { $0.metric == "net_income" && $0.value == 2.1e8 }?.period, "2023-Q2/2024-Q1")
        // a year named with the half keeps its calendar
        let named = extract("星辰控股（08888）公布截至9月30日止六个月业绩，营业额约为3.5亿港元；2023年上半年营业额为3亿港元。", date: Day(year: 2024, month: 11, day: 28))
        XCTAssertEqual(named.first { $0.value == 3e8 }?.period, "2023-Q1/2023-Q2")
    }

    func testFiscalQuartersAndTheQuarterBefore() {
        // 截止到…的第三財季: the quarter ending on that day; 上一季度 is the three months before it
        let us = extract("美光科技公司8月16日发布截止到2023年7月31日的第三财季财报：收入120亿美元，比去年同期增长5%；运营利润15亿美元，上一季度为13亿美元；每股收益48美分。",
                         date: Day(year: 2023, month: 8, day: 20))
        XCTAssertEqual(us.first { $0.metric == "revenue" }?.period, "2023-05/2023-07")
        XCTAssertEqual(us.first { $0.metric == "operating_income" && $0.value == 1.3e9 }?.period, "2023-02/2023-04")
        XCTAssertEqual(us.first { $0.metric == "eps" }?.period, "2023-05/2023-07")
        // 最後三個月 is the fourth quarter; 上季 the third; 同季 a year back
        let tw = extract("英特爾交出亮眼的第四季度成績。2024年最後三個月，英特爾盈餘6億5400萬美元，去年同期為4億8900萬美元；上季盈餘為5億美元。",
                         date: Day(year: 2025, month: 1, day: 20))
        XCTAssertEqual(tw.first { $0.value == 6.54e8 }?.period, "2024-Q4")
        XCTAssertEqual(tw.first { $0.value == 4.89e8 }?.period, "2023-Q4")
        XCTAssertEqual(tw.first { $0.value == 5e8 }?.period, "2024-Q3")
        XCTAssertEqual(tw.first { $0.value == 6.54e8 }?.metric, "net_income", "盈餘 alone is earnings")
        let kl = extract("(吉隆坡23日讯)宏福种植(HFPLANT,5555,主板种植股)截至9月杪的首季净利大跌50%，只赚300万令吉，上财年同季为600万令吉。",
                         date: Day(year: 2024, month: 11, day: 23))
        XCTAssertEqual(kl.first { $0.value == 3e6 }?.period, "2024-Q3")
        XCTAssertEqual(kl.first { $0.value == 6e6 }?.period, "2023-Q3")
        // a fiscal quarter whose months the text does not give has no period
        let bare = extract("美光科技第四財季淨利10.3億美元，每股盈餘35美分。", date: Day(year: 2024, month: 1, day: 28))
        XCTAssertEqual(bare.first { $0.metric == "net_income" }.map { $0.period == nil }, true)
        let bareSimplified = extract("英特尔首财季净利润5.2亿美元。", date: Day(year: 2024, month: 5, day: 2))
        XCTAssertEqual(bareSimplified.first { $0.metric == "net_income" }.map { $0.period == nil }, true)
    }

    func testAQuarterNamedInAnEarlierSentenceDatesTheFiguresAfterIt() {
        let cn = extract("三季度财报陆续出炉，新能源车企表现分化。小鹏营收同比增长20%至100亿元，净亏损5亿元。", date: Day(year: 2025, month: 11, day: 25))
        XCTAssertEqual(cn.first { $0.metric == "revenue" }?.period, "2025-Q3")
        XCTAssertEqual(cn.first { $0.metric == "net_income" }?.period, "2025-Q3")
        let tw = extract("第2季財報出爐。聯發科營收1,500億元，年增10%。", date: Day(year: 2025, month: 8, day: 1))
        XCTAssertEqual(tw.first { $0.metric == "revenue" }?.period, "2025-Q2")
        let year = extract("2024年財報出爐。聯發科營收5,000億元。", date: Day(year: 2025, month: 3, day: 1))
        XCTAssertNil(year.first { $0.metric == "revenue" }?.period, "a bare year of an earlier sentence does not carry")
    }

    func testOldRatesListedInAnEarlierClauseAndAVerbAfterAnAdverb() {
        let tw = extract("台灣中央銀行今天召開理監事會，決議升息半碼。重貼現率、擔保放款融通利率及短期融通利率原本分別停在1.5%、1.875%及3.75%，如今分別調升至1.625%、2%及3.875%。",
                         date: Day(year: 2023, month: 3, day: 23))
        XCTAssertEqual(tw.first { $0.metric == "secured_lending_rate" }?.value, 2)
        XCTAssertEqual(tw.first { $0.metric == "secured_lending_rate" }?.previous, 1.875)
        XCTAssertEqual(tw.first { $0.metric == "short_term_lending_rate" }?.value, 3.875)
        let cn = extract("台湾中央银行今天召开理监事会。重贴现率原本停在1.5%，已连续4季按兵不动，如今调升至1.625%。", date: Day(year: 2023, month: 3, day: 23))
        XCTAssertEqual(cn.first { $0.metric == "policy_rate" && $0.value == 1.625 }?.subject, "CBC", "如今調 is no company")
        XCTAssertFalse(cn.contains { $0.kind == "equity" })
    }

    func testAMarketNamedByItsCityBeforeAMoveIsItsIndex() {
        let tw = extract("亞太股市週四多數下跌，只有悉尼上升0.53%，東京則下跌1.2%。", date: Day(year: 2025, month: 1, day: 2))
        XCTAssertFalse(tw.contains { $0.kind == "equity" })
        XCTAssertEqual(tw.first { $0.subject == "ASX200" }?.value, 0.53)
        XCTAssertEqual(tw.first { $0.subject == "N225" }?.value, -1.2)
        let cn = extract("亚太股市周四多数下跌，仅有首尔上涨0.4%。", date: Day(year: 2025, month: 1, day: 2))
        XCTAssertEqual(cn.first { $0.subject == "KOSPI" }?.value, 0.4)
        XCTAssertTrue(extract("東京今天氣溫上升5度。", date: Day(year: 2025, month: 1, day: 2)).filter { $0.kind == "index" }.isEmpty, "a city outside a stock market report is a place")
    }

    func testADayComparedWithDatesNothingAndItsFigureIsThePreviousValue() {
        let tw = extract("證交所統計顯示，加權股價指數114年9月5日以24,494.58點收市，相較上週五（114年8月29日）的24,233.10點，週線上揚261.48點；台灣50指數收在21,068.43點。",
                         date: Day(year: 2025, month: 9, day: 6))
        XCTAssertEqual(tw.first { $0.subject == "TAIEX" && $0.metric == "close" }?.previous, 24233.1)
        XCTAssertFalse(tw.contains { $0.value == 24233.1 }, "the value compared with is no close of its own")
        XCTAssertEqual(tw.first { $0.subject == "TW50" }?.date, "2025-09-05", "the day compared with dates no later figure")
        let cn = extract("上证指数12日以3,450.20点收盘，相较上周五（12月5日）的3,400.10点上涨50.10点；深证成指收于11,000点。", date: Day(year: 2025, month: 12, day: 13))
        XCTAssertEqual(cn.first { $0.subject == "SSEC" && $0.metric == "close" }?.previous, 3400.1)
        XCTAssertEqual(cn.first { $0.subject == "SZSC" }?.date, "2025-12-12")
    }

    func testAClauseFramingTheWeekAndASessionAfterAWeeklyTitle() {
        let hk = extract("恒指全周升5.1%\n港股延續升勢，恒指收市報18258點，升245點。以全周計算，恒指累升5.1%、國指累升4.2%。", date: Day(year: 2024, month: 9, day: 21))
        XCTAssertNil(hk.first { $0.subject == "HSI" && $0.metric == "change" }?.period, "a session's close and move are the day's")
        XCTAssertEqual(hk.first { $0.subject == "HSCEI" }?.period, "1w")
        let cn = extract("沪指本周涨2.1%\n周五沪指收报3,300点，涨15点。按周计，深成指累涨3.5%。", date: Day(year: 2025, month: 3, day: 22))
        XCTAssertNil(cn.first { $0.subject == "SSEC" && $0.metric == "change" }?.period)
        XCTAssertEqual(cn.first { $0.subject == "SZSC" }?.period, "1w")
    }

    func testAListAfterARespectiveListPairsWithTheSameNames() {
        let sg = extract("新加坡海峡时报指数周二上涨0.68%。领涨的海指成份股中，海丰（Seahorse）、江南（Jiangnan）和新翔集团（SATS）分别上涨3.8%、3.57%和2.94%，报1.91元、2.61元和3.85元。",
                         date: Day(year: 2024, month: 11, day: 19))
        XCTAssertEqual(sg.first { $0.subject == "海丰" && $0.metric == "close" }?.value, 1.91)
        XCTAssertEqual(sg.first { $0.subject == "江南" && $0.metric == "close" }?.value, 2.61)
        XCTAssertEqual(sg.first { $0.subject == "SATS" && $0.metric == "close" }?.value, 3.85)
        XCTAssertEqual(sg.first { $0.subject == "SATS" && $0.metric == "change_pct" }?.value, 2.94, "a name and its bracketed alias are one item")
        let hk = extract("港股藍籌中，騰訊和友邦分別上升2%和1.5%，收報380元和60元。", date: Day(year: 2024, month: 11, day: 19))
        XCTAssertEqual(hk.first { $0.subject == "TENCENT" && $0.metric == "close" }?.value, 380)
        XCTAssertEqual(hk.first { $0.subject == "AIA" && $0.metric == "close" }?.value, 60)
    }

    func testAnExchangeRateInPassingIsNoAmountOfTheEconomy() {
        let tw = extract("日本2021財年貨物貿易逆差為5.37萬億日元（1美元約合128.6日元），進口額增長33.3%至91.25萬億日元。", date: Day(year: 2022, month: 4, day: 20))
        XCTAssertEqual(tw.filter { $0.metric == "trade_balance" }.map(\.value), [-5.37e12])
        let cn = extract("日本去年贸易逆差为11.44万亿日元（1美元兑130日元）。", date: Day(year: 2023, month: 1, day: 20))
        XCTAssertEqual(cn.filter { $0.kind == "macro" }.map(\.value), [-1.144e13])
    }

    func testAMonthRangeIsThePeriodAsWritten() {
        let jp = extract("日本財務省20日發表2023財年（2023年4月至2024年3月）貿易統計，貿易逆差為5.1萬億日元，出口額增長3.2%至100.9萬億日元。",
                         date: Day(year: 2024, month: 4, day: 20))
        XCTAssertEqual(jp.first { $0.metric == "exports" }?.period, "2023-04/2024-03")
        let cn = extract("中国7-9月出口同比增长6%，4月到6月进口增长2%。", date: Day(year: 2024, month: 10, day: 20))
        XCTAssertEqual(cn.first { $0.metric == "exports_change_pct" }?.period, "2024-07/2024-09")
        XCTAssertEqual(cn.first { $0.metric == "imports_change_pct" }?.period, "2024-04/2024-06")
        let days = extract("中国4月1日至6月30日出口同比增长6%。", date: Day(year: 2024, month: 7, day: 20))
        XCTAssertNotEqual(days.first { $0.metric == "exports_change_pct" }?.period, "2024-04/2024-06", "a span of days is not read as months")
    }

    func testTheSamePeriodAYearEarlierDatesOnlyTheFigureItIntroduces() {
        let hk = extract("大通控股（01234）公布截至二零二三年九月三十日止六個月業績，期內收入5,200,000港元，對比二零二二年同期的4,800,000港元微升。期內溢利3,000,000港元，上年同期為2,500,000港元；每股盈利0.8港仙。",
                         date: Day(year: 2025, month: 2, day: 25))
        XCTAssertEqual(hk.first { $0.value == 5.2e6 }?.period, "2023-Q2/2023-Q3")
        XCTAssertEqual(hk.first { $0.value == 4.8e6 }?.period, "2022-Q2/2022-Q3")
        XCTAssertEqual(hk.first { $0.value == 3e6 }?.period, "2023-Q2/2023-Q3")
        XCTAssertEqual(hk.first { $0.value == 2.5e6 }?.period, "2022-Q2/2022-Q3")
        XCTAssertEqual(hk.first { $0.metric == "eps" }?.period, "2023-Q2/2023-Q3", "the next clause is the current period again")
        let cn = extract("华通电子上半年营收12亿元，去年同期则为10亿元；净利润比去年同期增长20%至1.2亿元。", date: Day(year: 2025, month: 8, day: 20))
        XCTAssertEqual(cn.first { $0.metric == "revenue" && $0.value == 1.2e9 }?.period, "2025-Q1/2025-Q2")
        XCTAssertEqual(cn.first { $0.metric == "revenue" && $0.value == 1e9 }?.period, "2024-Q1/2024-Q2")
        XCTAssertEqual(cn.first { $0.metric == "net_income" }?.period, "2025-Q1/2025-Q2", "比去年同期增长 compares; it dates nothing")
    }

    func testAFullYearTakesTheYearTheTeaserNamed() {
        let obs = extract("四家公司12日交出2025年度成績單，台塑化全年每股盈餘1.04元。", date: Day(year: 2026, month: 3, day: 13))
        XCTAssertEqual(obs.first { $0.metric == "eps" }?.period, "2025")
        let early = extract("南亞全年稅後純益45.1億元。", date: Day(year: 2026, month: 2, day: 13))
        XCTAssertEqual(early.first { $0.metric == "net_income" }?.period, "2025", "full-year results come after the year ends")
    }

    // MARK: price points and moves written in lists

    func testAPercentListedAfterPointsSharesTheirMoveWord() {
        let obs = extract("美股周五收低，道瓊指數下跌120.5點、0.31%，標普500指數上漲8點、0.15%。")
        XCTAssertEqual(find(obs, "DJI", "change_pct")?.value, -0.31)
        XCTAssertEqual(find(obs, "SPX", "change_pct")?.value, 0.15)
        let simplified = extract("恒指下跌210点、0.9%，报23,015点。")
        XCTAssertEqual(find(simplified, "HSI", "change_pct")?.value, -0.9)
    }

    func testOpeningMiddayAndIntradayPrintsAreTheirOwnPricePoints() {
        let obs = extract("海峽時報指數開盤時報3,120.5點，早盤一度升至3,150.2點。")
        XCTAssertEqual(find(obs, "STI", "open")?.value, 3120.5)
        XCTAssertEqual(find(obs, "STI", "high")?.value, 3150.2)
        let hk = extract("恆生指數中午收市報23,147點，跌120點。")
        XCTAssertEqual(find(hk, "HSI", "level")?.value, 23147)
        XCTAssertNil(find(hk, "HSI", "close"))
        let settle = extract("紐約期油結算價每桶61.5美元，盤中一度跌至60.1美元。")
        XCTAssertEqual(find(settle, "WTI", "close")?.value, 61.5)
        XCTAssertEqual(find(settle, "WTI", "low")?.value, 60.1)
    }

    func testASumOfMoneyIsNoExchangeRate() {
        let obs = extract("新台幣匯價走升，上市公司總市值升抵新台幣98兆6906億元。")
        XCTAssertNil(obs.first { $0.kind == "fx" })
        let hk = extract("港元匯價偏強，銀行體系總結餘升至2868.82億港元。")
        XCTAssertNil(hk.first { $0.kind == "fx" })
    }

    // MARK: results in other currencies and other markets' words

    func testAFigureRestatedInAnotherCurrencyIsAnObservationInEach() {
        let obs = extract("豐田汽車第三季淨損420億日圓（約新台幣86億元），營收增3%。", date: Day(year: 2026, month: 2, day: 10))
        let losses = obs.filter { $0.metric == "net_income" }
        XCTAssertEqual(Set(losses.compactMap(\.unit)), ["JPY", "TWD"])
        XCTAssertEqual(losses.first { $0.unit == "TWD" }?.value, -8.6e9)
        XCTAssertEqual(losses.first { $0.unit == "TWD" }?.qualifier, "approx")
        let simplified = extract("起亚汽车第三季营业利润1.33万亿韩元，折合约人民币72.35亿元。", date: Day(year: 2021, month: 10, day: 30))
        XCTAssertEqual(simplified.first { $0.unit == "CNY" }?.metric, "operating_income")
        XCTAssertEqual(simplified.first { $0.unit == "CNY" }?.value, 7.235e9)
    }

    func testHongKongAndSingaporeResultsWords() {
        let obs = extract("恒達集團（01234）公布截至2024年3月31日止年度業績，收益3.2億港元，股東應佔溢利1.2億港元，每股基本盈利5.12港仙。", date: Day(year: 2024, month: 6, day: 20))
        XCTAssertEqual(obs.first { $0.metric == "revenue" }?.value, 3.2e8)
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.value, 1.2e8)
        XCTAssertEqual(obs.first { $0.metric == "eps" }?.value ?? 0, 0.0512, accuracy: 1e-12)
        let sg = extract("（新加坡讯）胜科工业上半年亏损990万元，每股亏损0.68分。", date: Day(year: 2022, month: 11, day: 4))
        XCTAssertEqual(sg.first { $0.metric == "eps" }?.value ?? 0, -0.0068, accuracy: 1e-12)
        XCTAssertEqual(sg.first { $0.metric == "eps" }?.unit, "SGD")
    }

    // MARK: who levies a tariff; yields by country and tenor

    func testAGovernmentOrAgencyNamedInTheSentenceLevies() {
        let obs = extract("川普宣布對中國商品加徵30%關稅，北京隨即以同樣30%的報復關稅回擊。")
        XCTAssertNotNil(obs.first { $0.subject == "US" && $0.target == "CN" && $0.value == 30 })
        XCTAssertNotNil(obs.first { $0.subject == "CN" && $0.target == "US" && $0.value == 30 })
        let simplified = extract("国务院关税税则委员会决定，对原产于美国的大豆加征15%关税。")
        XCTAssertEqual(simplified.first { $0.kind == "tariff" }?.subject, "CN")
        XCTAssertEqual(simplified.first { $0.kind == "tariff" }?.target, "US")
    }

    func testADutyOnAllImportsIsOnTheWorld() {
        let obs = extract("美國總統宣布，進口鋼鐵與鋁製品的關稅由25%調升至50%。")
        XCTAssertEqual(obs.first { $0.kind == "tariff" }?.target, "WORLD")
        XCTAssertEqual(obs.first { $0.kind == "tariff" }?.previous, 25)
        let simplified = extract("特朗普称将对全球进口汽车征收25%关税。")
        XCTAssertEqual(simplified.first { $0.kind == "tariff" }?.target, "WORLD")
    }

    func testAYieldTakesTheCountryAndTenorTheWordsGive() {
        let obs = extract("英國公債遭拋售，5年期公債殖利率升8個基點至4.21%。")
        XCTAssertEqual(obs.first { $0.metric == "yield" }?.subject, "GB5Y")
        XCTAssertEqual(obs.first { $0.metric == "yield_change" }?.value ?? 0, 0.08, accuracy: 1e-12)
        let simplified = extract("日本债市周二走弱：长期利率指标10年期国债收益率升1个基点至1.05%，30年期收益率升至2.9%。")
        XCTAssertEqual(simplified.first { $0.value == 1.05 }?.subject, "JP10Y")
        XCTAssertEqual(simplified.first { $0.value == 2.9 }?.subject, "JP30Y")
    }

    func testEveryNameListedBeforeRespectivelyIsACompany() {
        let obs = extract("（新加坡讯）海指成份股中，宏海船务（Hongsea）、金鹰地产和华侨置业分别上涨3.1%、2.2%和1.5%。")
        XCTAssertEqual(obs.first { $0.subject == "宏海船务" }?.value, 3.1)
        XCTAssertEqual(obs.first { $0.subject == "金鹰地产" }?.value, 2.2)
        XCTAssertEqual(obs.first { $0.subject == "华侨置业" }?.value, 1.5)
        let traditional = extract("【本報悉尼訊】澳股收低，礦商Vantage Metals與零售商衛達集團分別下跌4.2%與3.5%，家具商Koala則暴跌12%。")
        XCTAssertEqual(obs.count, 3)
        XCTAssertEqual(traditional.first { $0.subject == "衛達集團" }?.value, -3.5)
        XCTAssertEqual(traditional.first { $0.subject == "Koala" }?.value, -12)
    }

    func testBareYuanBesideAmountsInOneRegionalCurrencyIsThatCurrency() {
        let obs = extract("永隆银行上半年盈利8.2亿元，按年升2%。派中期息每股0.15港元。", date: Day(year: 2025, month: 8, day: 20))
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.unit, "HKD")
        let sg = extract("某集团上半年净利1.2亿元，营收5亿新元。", date: Day(year: 2025, month: 8, day: 20))
        XCTAssertTrue(sg.allSatisfy { $0.unit != "CNY" })
        let mixed = extract("台積電第3季營收7,596億元，約合248億美元。", date: Day(year: 2025, month: 10, day: 20))
        XCTAssertEqual(mixed.first { $0.metric == "revenue" && $0.value == 7.596e11 }?.unit, "TWD", "dollars are no regional currency")
    }

    // MARK: cross rates, per-hundred quotes, sector names, statistics offices

    func testACrossRateIsQuotedTheWayItsSizeTells() {
        let obs = extract("（吉隆坡讯）令吉兑新元今早报3.1151。")
        XCTAssertEqual(obs.first { $0.kind == "fx" }?.subject, "SGD/MYR")
        XCTAssertEqual(obs.first { $0.kind == "fx" }?.unit, "MYR")
        let hk = extract("日圓走弱，每百日圓兌港元報5.05。")
        XCTAssertEqual(hk.first { $0.kind == "fx" }?.subject, "JPY/HKD")
        XCTAssertEqual(hk.first { $0.kind == "fx" }?.value ?? 0, 0.0505, accuracy: 1e-12)
    }

    func testASectorNameLosesTheWordsThatRankIt() {
        let obs = extract("台股本週上漲120點，類股漲幅以電器電纜類指數上漲3.24%最大，跌幅以玻璃陶瓷類指數下跌2.1%最大。")
        XCTAssertNotNil(obs.first { $0.subject == "TAIEX/電器電纜" })
        XCTAssertNotNil(obs.first { $0.subject == "TAIEX/玻璃陶瓷" })
    }

    func testAStatisticsOfficeOfTheWritersOwnMinistryIsNotHongKongs() {
        let obs = extract("財政部今天公布海關進出口統計，出口450.2億美元，年增12.5%。財政部統計處長表示，出口動能穩健。")
        XCTAssertEqual(obs.first { $0.metric == "exports" }?.subject, "TW")
        let hk = extract("政府統計處公布，11月整體出口貨值按年上升4.1%。")
        XCTAssertEqual(hk.first { $0.metric == "exports_change_pct" }?.subject, "HK")
    }

    // MARK: the trading day

    func testAMovingAverageIsNoDayOfTheMonth() {
        let obs = extract("（中央社記者台北8日電）台股今天回測5日線約30165點，終場下跌74.92點。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(obs, "TAIEX", "change")?.date, "2026-01-08")
        let simplified = extract("沪指今日跌破20日均线，收报3300.5点。", date: Day(year: 2025, month: 3, day: 7))
        XCTAssertEqual(find(simplified, "SSEC", "close")?.date, "2025-03-07")
    }

    func testADayInsideAComparisonIsNotTheFiguresDay() {
        let obs = extract("9月26日加權股價指數收盤為25,580.32點，較上周(9月19日)的25,578.37點上漲1.95點，台灣50指數收盤為22,551.83點。", date: Day(year: 2025, month: 9, day: 27))
        XCTAssertEqual(find(obs, "TW50", "close")?.date, "2025-09-26")
    }

    func testTheTeasersDayIsTheOneAMarketMoveFollows() {
        let tw = extract("出口民調看好 印度股市齊揚\n印度大選昨天落幕，激勵股市今天同步走高。孟買Sensex指數大漲3.75%，終場收39352點。\n中央社 ・ 2019/05/20",
                         date: Day(year: 2024, month: 6, day: 5))
        XCTAssertEqual(tw.first { $0.metric == "close" }?.date, "2019-05-20")
        let cn = extract("美联储议息会议前天结束，港股今天全线上扬，恒生指数涨1.2%，收报20,100点。", date: Day(year: 2025, month: 3, day: 21))
        XCTAssertEqual(cn.first { $0.metric == "close" }?.date, "2025-03-21")
    }

    func testTheSameDayIsTheTeasersDayNotTheDayNamedLast() {
        let hk = extract("恒生指數3日上漲1.1%，收於20,100點。以2日收市價計，港股總市值達40萬億港元。日本股市同日上漲2.2%，日經225指數收於38,500點。",
                         date: Day(year: 2025, month: 3, day: 4))
        XCTAssertEqual(hk.first { $0.subject == "N225" && $0.metric == "close" }?.date, "2025-03-03")
        let cn = extract("上证指数5日上涨0.8%，收报3,350点。按4日收盘价计算，A股总市值达90万亿元。当天深证成指上涨1.1%，收于10,800点。",
                         date: Day(year: 2025, month: 3, day: 6))
        XCTAssertEqual(cn.first { $0.subject == "SZSC" && $0.metric == "close" }?.date, "2025-03-05")
    }

    func testTheSessionDayOfAnEarlierSentenceCarriesAndWeekendsRollBack() {
        let obs = extract("新華社悉尼3月17日電 澳大利亞股市16日暴跌近10%。截至收盤，基準指數S&P/ASX200下跌537.30點。", date: Day(year: 2020, month: 3, day: 17))
        XCTAssertEqual(obs.first { $0.value == -537.3 }?.date, "2020-03-16")
        let saturday = extract("倫敦富時100指數收報3830點，跌85點。", date: Day(year: 2009, month: 2, day: 28))
        XCTAssertEqual(find(saturday, "FTSE100", "close")?.date, "2009-02-27", "a Saturday page reports Friday's close")
    }

    func testCoreInflationAndTheCountryOfACentralBanksTeaser() {
        let obs = extract("（新加坡讯）新加坡金管局公布，8月核心通胀升至5.1%，整体通胀为7.5%。", date: Day(year: 2022, month: 9, day: 23))
        XCTAssertEqual(obs.first { $0.metric == "core_cpi" }?.value, 5.1)
        XCTAssertEqual(obs.first { $0.metric == "cpi" }?.value, 7.5)
        let us = extract("美国联邦储备局周三宣布加息0.75个百分点。劳工部公布，6月消费者物价指数年增9.1%。", date: Day(year: 2022, month: 7, day: 28))
        XCTAssertEqual(us.first { $0.metric == "cpi" }?.subject, "US")
    }

    func testATariffRateCarriesWhatItCovers() {
        let obs = extract("美國總統宣布，進口鋼鋁產品的關稅由25%調升至50%，汽車關稅維持25%。")
        XCTAssertEqual(obs.first { $0.kind == "tariff" && $0.value == 50 }?.scope, "鋼鋁產品")
        XCTAssertEqual(obs.first { $0.kind == "tariff" && $0.value == 25 && $0.previous == nil }?.scope, "汽車")
        let simplified = extract("中方决定对原产于美国的大豆加征25%关税，对猪肉加征10%关税。")
        XCTAssertEqual(simplified.first { $0.value == 25 }?.scope, "大豆")
        XCTAssertEqual(simplified.first { $0.value == 10 }?.scope, "猪肉")
    }

    func testAnOfficialFirstEstimateIsAFigureAndListedEconomiesTakeTheTeasersMetric() {
        let obs = extract("主計總處今天公布，首季經濟成長率概估為3.2%。台灣成長表現勝過日本的1.1%、新加坡2.4%與南韓的1.5%。", date: Day(year: 2025, month: 4, day: 30))
        XCTAssertEqual(obs.first { $0.subject == "TW" }?.value, 3.2)
        XCTAssertEqual(obs.first { $0.subject == "SG" && $0.metric == "gdp_growth" }?.value, 2.4)
        XCTAssertEqual(obs.first { $0.subject == "JP" && $0.metric == "gdp_growth" }?.value, 1.1)
        let simplified = extract("统计局初值显示，一季度国内生产总值同比增长5.3%。")
        XCTAssertEqual(simplified.first { $0.metric == "gdp_growth" }?.value, 5.3)
    }

    func testACurrencyBeforeASumIsItsUnitAndTheMarketKeepsItsTurnover() {
        let obs = extract("恒指收報27,140點，跌0.5%。大市成交額減至港幣1347億元。", date: Day(year: 2025, month: 10, day: 3))
        XCTAssertEqual(find(obs, "HSI", "turnover")?.value, 1.347e11)
        XCTAssertEqual(find(obs, "HSI", "turnover")?.unit, "HKD")
        XCTAssertNil(obs.first { $0.kind == "fx" })
        let tw = extract("台股終場下跌74.92點，成交金額新台幣7365.1億元。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(tw, "TAIEX", "turnover")?.unit, "TWD")
    }

    func testMarketsNamedByTheirCitiesInAListAreTheirIndices() {
        let obs = extract("（新加坡讯）亚洲股市普遍下跌，香港、上海、东京和首尔股市分别下滑1.2%、0.8%、0.5%和0.3%。", date: Day(year: 2025, month: 1, day: 3))
        XCTAssertEqual(find(obs, "HSI", "change_pct")?.value, -1.2)
        XCTAssertEqual(find(obs, "N225", "change_pct")?.value, -0.5)
        let traditional = extract("海峽時報指數收升0.4%。區域方面，香港、東京與悉尼分別收升0.9%、0.6%和0.2%。", date: Day(year: 2024, month: 11, day: 19))
        XCTAssertEqual(find(traditional, "ASX200", "change_pct")?.value, 0.2)
        let gdp = extract("亞洲經濟方面，新加坡與香港去年經濟成長率分別為4.4%和2.5%。", date: Day(year: 2025, month: 2, day: 20))
        XCTAssertNil(gdp.first { $0.kind == "index" }, "countries in an economic list are no markets")
    }

    func testABusinessLinesRevenueIsASegmentNotTheCompanys() {
        let obs = extract("超微第4季營收103億美元，年增34%；其中資料中心營收54億美元。", date: Day(year: 2026, month: 2, day: 5))
        XCTAssertEqual(obs.first { $0.metric == "revenue" }?.value, 1.03e10)
        XCTAssertEqual(obs.first { $0.metric == "segment_revenue" }?.target, "資料中心")
        XCTAssertEqual(obs.first { $0.metric == "segment_revenue" }?.value, 5.4e9)
        let simplified = extract("按地区划分，迅销大中华地区收益6502亿日元，按年跌4%；合并营收增9.6%。", date: Day(year: 2025, month: 10, day: 10))
        XCTAssertEqual(simplified.first { $0.metric == "segment_revenue" }?.target, "大中华地区")
        XCTAssertNil(simplified.first { $0.metric == "segment_revenue" && $0.target == "合并" })
    }

    func testAnOpeningGapAndAPriceBesideResultsAreNoFigures() {
        let obs = extract("恒指今日高開257點，收市報22229點，升510點。", date: Day(year: 2022, month: 6, day: 27))
        XCTAssertNil(obs.first { $0.value == 257 })
        XCTAssertEqual(find(obs, "HSI", "close")?.value, 22229)
        let tw = extract("台積電10月營收3,674億元，股價收1495元。", date: Day(year: 2025, month: 11, day: 10))
        XCTAssertNil(tw.first { $0.kind == "financial" && $0.value == 1495 })
    }

    func testAPercentOfTurnoverOrStockIsNoPriceMove() {
        let obs = extract("恒指收報27,140點，跌0.5%。大市成交額較周四急減39.42%至1347億元。", date: Day(year: 2025, month: 10, day: 3))
        XCTAssertEqual(obs.filter { $0.subject == "HSI" && $0.metric == "change_pct" }.map(\.value), [-0.5])
        let oil = extract("紐約期油收漲1.2%，美國原油庫存增加5%。", date: Day(year: 2025, month: 10, day: 3))
        XCTAssertEqual(oil.filter { $0.metric == "change_pct" }.map(\.value), [1.2])
    }

    func testANameComparedWithIsNotTheSubject() {
        let obs = extract("蔚來第三季營收217.9億元。理想營收274億元，絕對值雖仍高於蔚來，但同比下滑36.2%。", date: Day(year: 2025, month: 11, day: 30))
        XCTAssertEqual(obs.first { $0.metric == "revenue_change_pct" }?.subject, "LI-AUTO")
        let index = extract("道瓊指數上漲0.5%，表現優於標普500指數，收在42,100點。", date: Day(year: 2025, month: 3, day: 7))
        XCTAssertEqual(find(index, "DJI", "close")?.value, 42100)
        XCTAssertNil(find(index, "SPX", "close"))
    }

    func testAnOperatingNetLossIsANegativeOperatingIncome() {
        let obs = extract("南亞科第3季營收81.33億元，營業淨損新台幣25.05億元。", date: Day(year: 2024, month: 10, day: 15))
        XCTAssertEqual(obs.first { $0.metric == "operating_income" }?.value, -2.505e9)
        XCTAssertNil(obs.first { $0.metric == "net_income" })
    }

    func testAYieldOfTheSameTenorTakesTheTenorNamedBefore() {
        let obs = extract("全球債市賣壓加重：美國30年期公債殖利率觸及5%；日本同天期殖利率升至3.29%。", date: Day(year: 2025, month: 9, day: 4))
        XCTAssertEqual(obs.first { $0.value == 3.29 }?.subject, "JP30Y")
        let simplified = extract("英国10年期国债收益率升至4.6%，德国同期限收益率为2.7%。", date: Day(year: 2025, month: 9, day: 4))
        XCTAssertEqual(simplified.first { $0.value == 2.7 }?.subject, "DE10Y")
    }

    func testAParityNamedEarlierInTheSentenceIsTheLevelsMetric() {
        let obs = extract("人民幣中間價轉弱，定於7.0931兌1美元，比上日低241點子。", date: Day(year: 2020, month: 5, day: 7))
        XCTAssertEqual(find(obs, "USD/CNY", "central_parity")?.value, 7.0931)
        let simplified = extract("人民币兑美元中间价今日调升，报6.8345。", date: Day(year: 2019, month: 5, day: 7))
        XCTAssertEqual(find(simplified, "USD/CNY", "central_parity")?.value, 6.8345)
    }

    func testOneRateForEveryBankListed() {
        let obs = extract("【明報專訊】目前滙豐與中銀沿用「細P」，渣打、星展等其他銀行則採用5.25厘。", date: Day(year: 2025, month: 3, day: 20))
        XCTAssertEqual(Set(obs.filter { $0.metric == "prime_rate" }.map(\.subject)), ["STANCHART", "DBS"])
        let deposits = extract("台銀、土銀及合庫的一年期定存利率調升至1.7%。", date: Day(year: 2024, month: 3, day: 22))
        XCTAssertGreaterThanOrEqual(deposits.filter { $0.metric == "deposit_rate" && $0.value == 1.7 }.count, 2)
    }

    func testAMoveOfTheQuotedRateIsNotTheCurrencysOwn() {
        let obs = extract("韓元對美元匯率以1440.2韓元收盤，比前一交易日下跌9.9韓元。", date: Day(year: 2026, month: 2, day: 12))
        XCTAssertEqual(find(obs, "USD/KRW", "change")?.value, -9.9)
        let worth = extract("新台幣匯價今天升值6.6分，收在31.2元。", date: Day(year: 2025, month: 12, day: 12))
        XCTAssertEqual(find(worth, "USD/TWD", "change")?.value ?? 0, -0.066, accuracy: 1e-12)
    }

    func testADeficitIsANegativeTradeBalance() {
        let obs = extract("日本財務省公布，3月貿易逆差為7545億日元。", date: Day(year: 2023, month: 4, day: 20))
        XCTAssertEqual(obs.first { $0.metric == "trade_balance" }?.value, -7.545e11)
        let simplified = extract("美国商务部数据显示，8月贸易逆差缩小至855亿美元。", date: Day(year: 2025, month: 10, day: 5))
        XCTAssertEqual(simplified.first { $0.metric == "trade_balance" }?.value, -8.55e10)
        XCTAssertEqual(simplified.first { $0.metric == "trade_balance" }?.subject, "US")
    }

    func testAShrinkingEconomyIsItsOutputsGrowth() {
        let obs = extract("美國商務部公布，核心通膨率從2.5%上修至2.6%；第1季則修正為萎縮0.6%。", date: Day(year: 2025, month: 9, day: 26))
        XCTAssertEqual(obs.first { $0.metric == "gdp_growth" }?.value, -0.6)
        let simplified = extract("欧元区通胀率升至2.5%；第二季度经济萎缩0.2%。", date: Day(year: 2012, month: 11, day: 15))
        XCTAssertEqual(simplified.first { $0.metric == "gdp_growth" }?.value, -0.2)
    }

    func testAnIndexWarrantIsASecurityOfItsOwn() {
        let obs = extract("（吉隆坡訊）跌得最慘的是恆生指數-HU，閉市暴跌51.25%或20.5仙，報19.5仙。恆生指數收跌1.2%。", date: Day(year: 2016, month: 4, day: 13))
        XCTAssertEqual(obs.first { $0.value == -51.25 }?.subject, "恆生指數-HU")
        XCTAssertEqual(find(obs, "HSI", "change_pct")?.value, -1.2)
        XCTAssertNil(obs.first { $0.subject == "HSI" && $0.value == -51.25 })
    }

    func testEachStepOfATariffHistoryKeepsItsOwnEffectiveDay() {
        // written on the 18th: 自24日起 is later this month; 明年1月1日起 is next year; a time of day may follow the day
        let obs = extract("美方公布，中國商品自24日起被課10%關稅，明年1月1日起再調高至25%。北京宣布自9月24日中午12時01分起對美國商品加徵5%關稅。",
                          date: Day(year: 2018, month: 9, day: 18))
        XCTAssertEqual(obs.first { $0.subject == "US" && $0.value == 10 }?.date, "2018-09-24")
        XCTAssertEqual(obs.first { $0.subject == "US" && $0.value == 25 }?.date, "2019-01-01")
        XCTAssertEqual(find(obs, "CN", "tariff_rate", target: "US")?.date, "2018-09-24")
        let simplified = extract("美方宣布，从2019年5月10日起将中国商品的加征税率由10%上调到25%。作为回应，中方定于2019年6月1日0时起对部分美国商品加征20%关税。",
                                 date: Day(year: 2019, month: 5, day: 14))
        XCTAssertEqual(find(simplified, "US", "tariff_rate", target: "CN")?.date, "2019-05-10")
        XCTAssertEqual(find(simplified, "CN", "tariff_rate", target: "US")?.date, "2019-06-01")
        // a measure already in force since the 1st (before the report's day) stays this month's
        let inForce = extract("美國自1日起對進口汽車課徵25%關稅。", date: Day(year: 2025, month: 4, day: 18))
        XCTAssertEqual(inForce.first { $0.value == 25 }?.date, "2025-04-01")
    }

    func testAStockIsPricedInItsExchangesCurrencyOnAnyPage() {
        // a Taiwanese page: its own stock in 新台幣, a Hong Kong stock and market in Hong Kong dollars
        let taiwan = extract("台股今天收盤，台積電收1,000元。港股方面，恒生指數成交額1,500億元，騰訊收報500元，上漲5元。")
        XCTAssertEqual(find(taiwan, "TSMC", "close")?.unit, "TWD")
        XCTAssertEqual(find(taiwan, "TENCENT", "close")?.unit, "HKD")
        XCTAssertEqual(find(taiwan, "HSI", "turnover")?.unit, "HKD")
        // a mainland page on Hong Kong stocks: the code's exchange decides (01211.HK), and a company listed
        // in both Shanghai and Hong Kong without a code keeps the page's 元
        let mainland = extract("恒生指数收报23000点，成交额1500亿元；腾讯控股报500元，跌5元；比亚迪股份(01211.HK)报300元；工商银行报5.19元。")
        XCTAssertEqual(find(mainland, "TENCENT", "close")?.unit, "HKD")
        XCTAssertEqual(find(mainland, "HSI", "turnover")?.unit, "HKD")
        XCTAssertEqual(find(mainland, "BYD", "close")?.unit, "HKD")
        XCTAssertEqual(find(mainland, "ICBC", "close")?.unit, "CNY")
    }

    func testAnAccountingStandardIsNoCompanyAndALargeSumIsNoPerShareFigure() {
        let gaap = extract("超微(AMD)公布財報，第四季營收達103億美元，年增34%；非GAAP每股盈餘1.53美元，GAAP毛利率57%。", date: Day(year: 2026, month: 2, day: 5))
        XCTAssertEqual(find(gaap, "AMD", "eps")?.value, 1.53)
        XCTAssertEqual(find(gaap, "AMD", "gross_margin")?.value, 57)
        XCTAssertNil(gaap.first { $0.subject == "GAAP" })
        // 去年同期為4億8900萬美元、每股18美分: the sum is last year's result, the per-share figure follows it
        let results = extract("摩托羅拉(MOT)第四季盈餘6億5400萬美元，即每股盈餘27美分，去年同期為4億8900萬美元、每股18美分。", date: Day(year: 2005, month: 1, day: 20))
        XCTAssertEqual(results.first { $0.value == 4.89e8 }?.metric, "net_income")
        XCTAssertEqual(results.first { $0.value == 0.18 }?.metric, "eps")
        let malaysian = extract("锦隆资源(KMLOONG,5027,主板种植股)次季净赚2235万令吉，每股净利7.18仙，去年同期为1811万5000令吉。", date: Day(year: 2014, month: 8, day: 30))
        XCTAssertEqual(malaysian.first { $0.value == 2.235e7 }?.metric, "net_income")
        XCTAssertEqual(malaysian.first { $0.value == 1.8115e7 }?.metric, "net_income")
        XCTAssertNil(malaysian.first { $0.metric == "eps" && $0.value > 1 })
    }

    func testInterimResultsAreTheFirstHalfAndShortHongKongCodesNameCompanies() {
        // 中期業績 is the first half; 截至9月底止的中期 the six months to September; a dividend is no EPS
        let interim = extract("白馬戶外媒體(00100)公布中期業績，集團總營業額按年增加3.9%至8.89億元，純利按年增長7%至1.08億元，每股基本盈利19.95仙。",
                              date: Day(year: 2016, month: 8, day: 10))
        XCTAssertEqual(find(interim, "0100.HK", "net_income")?.period, "2016-Q1/2016-Q2")
        XCTAssertEqual(find(interim, "0100.HK", "eps")?.period, "2016-Q1/2016-Q2")
        let fiscal = extract("壹傳媒(282)公佈截至9月底止的中期業績，期內盈利大增逾8倍至1.04億元，每股盈利4.3仙，派中期息1.5仙。股價收市報2.5元，藍籌股普遍上升。",
                             date: Day(year: 2014, month: 11, day: 18))
        XCTAssertEqual(find(fiscal, "0282.HK", "net_income")?.period, "2014-Q2/2014-Q3")
        XCTAssertEqual(find(fiscal, "0282.HK", "eps")?.value, 0.043)
        XCTAssertNil(fiscal.first { $0.value == 0.015 }, "a dividend per share is not the earnings per share")
        let simplified = extract("壹传媒(282.HK)公布截至9月底止的中期业绩，期内盈利1.04亿港元，每股盈利4.3港仙。", date: Day(year: 2014, month: 11, day: 18))
        XCTAssertEqual(find(simplified, "0282.HK", "net_income")?.period, "2014-Q2/2014-Q3")
        // not a period: 中期票據, 中期借貸便利
        XCTAssertNil(Extractor.extract("人行開展中期借貸便利操作，利率2.5%。", reference: reference).observations.first { $0.period == "2025-Q1/2025-Q2" })
    }

    func testALendingFacilitysRateIsNoPolicyRate() {
        XCTAssertTrue(extract("人行開展中期借貸便利操作，利率2.5%。").filter { $0.kind == "rate" }.isEmpty)
        XCTAssertTrue(extract("人民银行今日开展3000亿元MLF操作，中标利率为2.0%，与上月持平。").filter { $0.kind == "rate" }.isEmpty)
        XCTAssertEqual(find(extract("人民銀行宣布降息，政策利率下調至1.4%。"), "PBOC", "policy_rate")?.value, 1.4)
    }

    func testFromAndToValuesOfTheEconomyKeepTheirOwnPeriodsAndSigns() {
        // 由10月的4.0%降至2.4%: 2.4% is November's level (not a fall, not October's); 4.0% is October's own figure
        let cpi = extract("中國11月CPI由10月的4.0%降至2.4%。", date: Day(year: 2008, month: 12, day: 12))
        let november = cpi.first { $0.metric == "cpi" && $0.period == "2008-11" }
        XCTAssertEqual(november?.value, 2.4)
        XCTAssertEqual(cpi.first { $0.metric == "cpi" && $0.period == "2008-10" }?.value, 4)
        let eu = extract("歐盟10月通脹率由9月的百分之一點九降至百分之一點八。", date: Day(year: 2006, month: 11, day: 20))
        XCTAssertEqual(eu.first { $0.subject == "EU" && $0.period == "2006-10" }?.value, 1.8)
        XCTAssertEqual(eu.first { $0.subject == "EU" && $0.period == "2006-09" }?.value, 1.9)
        // 增加196億美元至2,616億美元: a change, then the level it reached — not a range
        let trade = extract("美國8月進口增加196億美元至2,616億美元，出口減少23億美元至1,761億美元。", date: Day(year: 2025, month: 10, day: 10))
        XCTAssertEqual(trade.filter { $0.metric == "imports" }.map(\.value), [2.616e11])
        XCTAssertEqual(trade.filter { $0.metric == "exports" }.map(\.value), [1.761e11])
        XCTAssertNil(trade.first { $0.valueHigh != nil })
        // two from-phrases in one sentence: each previous value's month is its own, not the next figure's
        let singapore = extract("新加坡11月核心通脹率從10月份的3.3%下降至3.2%，整體通脹率從10月份的4.7%降至3.6%。", date: Day(year: 2023, month: 12, day: 26))
        XCTAssertEqual(singapore.first { $0.metric == "cpi" && $0.value == 3.6 }?.period, "2023-11")
        XCTAssertEqual(singapore.first { $0.metric == "core_cpi" && $0.value == 3.2 }?.period, "2023-11")
        XCTAssertEqual(singapore.first { $0.metric == "core_cpi" && $0.value == 3.3 }?.period, "2023-10")
        XCTAssertEqual(find(extract("新加坡1月核心通货膨胀率报5.5%。", date: Day(year: 2023, month: 2, day: 24)), "SG", "core_cpi")?.value, 5.5)
        let simplified = extract("美国8月出口减少23亿美元至1761亿美元，进口增长到2616亿美元。", date: Day(year: 2025, month: 10, day: 10))
        XCTAssertEqual(find(simplified, "US", "exports")?.value, 1.761e11)
        XCTAssertEqual(find(simplified, "US", "imports")?.value, 2.616e11)
    }

    func testMovesOfForeignMarketsAndBanksTheTablesDoNotKnow() {
        // 跳水, 狂瀉, 插水 are falls; a country opening a bank's name is part of it; 中期銀行 holds no 期銀 (silver)
        let europe = extract("西班牙IBEX 35指數跳水2.49%。身處風暴中心的義大利FTSE MIB指數狂瀉2.7%。銀行股一片慘綠，義大利聯合聖保羅銀行重挫4.09%。",
                             date: Day(year: 2018, month: 5, day: 30))
        XCTAssertEqual(find(europe, "IBEX35", "change_pct")?.value, -2.49)
        XCTAssertEqual(find(europe, "FTSEMIB", "change_pct")?.value, -2.7)
        XCTAssertEqual(find(europe, "義大利聯合聖保羅銀行", "change_pct")?.value, -4.09)
        let italy = extract("米兰FTSE MIB指数重挫3.2%，大众银行（Banco Popolare）暴跌6.3%，中期银行（Mediobanca）也大跌5.6%。恒指插水500点。",
                            date: Day(year: 2012, month: 12, day: 11))
        XCTAssertNil(italy.first { $0.kind == "commodity" })
        XCTAssertEqual(find(italy, "大众银行", "change_pct")?.value, -6.3, "a bank whose Latin name is not Public Bank's")
        XCTAssertNil(italy.first { $0.subject == "PUBLIC-BANK" })
        XCTAssertEqual(find(italy, "HSI", "change")?.value, -500)
        XCTAssertEqual(find(extract("大眾銀行(Public Bank)收漲1%。"), "PUBLIC-BANK", "change_pct")?.value, 1)
    }

    func testAMarketTableSaysWhatEachNumberIsByItsColumn() {
        // 路透's layout: group labels (当日, 今年以来, 2016年) over the columns; a past year's close is skipped
        let reuters = extract("路透6月2日 - 东南亚股市周五多数收高。 涨跌 当日 今年以来 2016年 最新报价 点数 涨跌% 涨跌% 收市价 汤森路透东南亚指数 392.90 1.30 +0.33 +12.40 349.57 新加坡 3240.01 4.05 +0.13 +12.47 2880.76 菲律宾 7907.66 -19.83 -0.25 +15.60 6840.64",
                              date: Day(year: 2017, month: 6, day: 3))
        XCTAssertEqual(find(reuters, "STI", "close")?.value, 3240.01)
        XCTAssertEqual(find(reuters, "STI", "close")?.date, "2017-06-02")
        XCTAssertEqual(find(reuters, "PSEI", "change")?.value, -19.83)
        XCTAssertEqual(reuters.filter { $0.subject == "PSEI" && $0.metric == "change_pct" }.map(\.value).sorted(), [-0.25, 15.6])
        XCTAssertEqual(reuters.first { $0.subject == "STI" && $0.value == 12.47 }?.period, "2017")
        XCTAssertNil(reuters.first { $0.value == 2880.76 || $0.value == 392.9 })
        // a Traditional table of three columns, an index named in full, a place whose first character is a measure word (台)
        let asia = extract("亞洲股市今日收盤一覽 指數 收盤 漲跌 漲跌幅 日經225指數 38000.50 -120.30 -0.32 韓國 2600.10 5.20 +0.20 台灣 22000.00 110.00 +0.50")
        XCTAssertEqual(find(asia, "N225", "change")?.value, -120.3)
        XCTAssertEqual(find(asia, "KOSPI", "change_pct")?.value, 0.2)
        XCTAssertEqual(find(asia, "TAIEX", "close")?.value, 22000)
    }

    func testTheMonthARecordIsCountedFromIsNoPeriod() {
        let obs = extract("日本財務省周三公布，11月出口年增6.1%，為2月以來最大增幅。進口僅增1.3%，貿易收支則轉為順差3,223億日圓。",
                          date: Day(year: 2025, month: 12, day: 17))
        XCTAssertEqual(find(obs, "JP", "imports_change_pct")?.period, "2025-11")
        XCTAssertEqual(find(obs, "JP", "trade_balance")?.period, "2025-11")
        let simplified = extract("美国8月CPI年增2.9%，为今年1月以来最高；核心CPI年增3.1%。", date: Day(year: 2025, month: 9, day: 12))
        XCTAssertEqual(find(simplified, "US", "core_cpi")?.period, "2025-08")
    }

    func testTheDowWrittenWithAHyphenOrAMiddleDot() {
        let xinhua = extract("道-瓊斯30種工業股票平均價格指數下跌30.38點,以8397.03點報收;標準普爾500種股票指數下滑4.95點。整個10月份,道-瓊斯指數上升近800點。",
                             date: Day(year: 2002, month: 10, day: 31))
        XCTAssertEqual(find(xinhua, "DJI", "close")?.value, 8397.03)
        XCTAssertEqual(xinhua.filter { $0.subject == "DJI" && $0.metric == "change" }.map(\.value).sorted(), [-30.38, 800])
        XCTAssertNil(xinhua.first { $0.subject.hasPrefix("SPX/") })
        let dot = extract("道·瓊斯工業平均指數收盤上漲120.5點，報35000.2點。", date: Day(year: 2021, month: 6, day: 1))
        XCTAssertEqual(find(dot, "DJI", "close")?.value, 35000.2)
    }

    func testAMarketsTradingVolumeAndValueBelongToItsIndex() {
        let singapore = extract("海峡时报指数今天闭市报3087.56点,跌15.19点。整体股市交易量13亿3000万股,交易值12亿1000万元。", date: Day(year: 2021, month: 8, day: 23))
        XCTAssertEqual(find(singapore, "STI", "volume")?.value, 1.33e9)
        XCTAssertEqual(find(singapore, "STI", "turnover")?.value, 1.21e9)
        let kualaLumpur = extract("（吉隆坡23日訊）富時大馬綜合指數收報1,494.64點，全日交投量69億股，交易總值31億令吉。", date: Day(year: 2020, month: 10, day: 23))
        XCTAssertEqual(find(kualaLumpur, "KLCI", "volume")?.value, 6.9e9)
        XCTAssertEqual(find(kualaLumpur, "KLCI", "turnover")?.unit, "MYR")
    }

    func testTaiwaneseYearsAndSharesOfTrade() {
        let taiwan = extract("財政部今天公布，114年出口6407.5億美元、進口4836.1億美元，出超1571.4億美元。對美出口比重增至30.9%。", date: Day(year: 2026, month: 1, day: 9))
        XCTAssertEqual(find(taiwan, "TW", "exports")?.period, "2025")
        XCTAssertEqual(find(taiwan, "TW", "trade_balance")?.period, "2025")
        XCTAssertNil(taiwan.first { $0.value == 30.9 }, "a share of exports is no change of exports")
        let fiscal = extract("行政院主計總處今天公布最新經濟統計，113年經濟成長率為4.3%，優於先前預估。", date: Day(year: 2024, month: 11, day: 29))
        XCTAssertEqual(find(fiscal, "TW", "gdp_growth")?.period, "2024")
        // a span of years is no year of the Republic, and a mainland page counts no such years
        XCTAssertNil(extract("台灣近100年來出口成長6.5%。", date: Day(year: 2026, month: 1, day: 9)).first { $0.period == "2011" })
        XCTAssertNil(extract("中国经济100年发展，出口增长6.5%。", date: Day(year: 2026, month: 1, day: 9)).first { $0.period == "2011" })
    }

    func testARateMoveWrittenAsAPercent() {
        // 加息0.25% is a move of 0.25 points; 升息3碼0.75% states one move twice; 降息後利率為1.5% is a level
        let fed = extract("美聯儲今年3月加息0.25%，5月加息0.5%。聯準會宣布升息3碼0.75%，聯邦基金利率區間升至2.25%至2.5%。", date: Day(year: 2022, month: 7, day: 28))
        XCTAssertEqual(fed.filter { $0.metric == "policy_rate_change" }.map(\.value), [0.25, 0.5, 0.75])
        XCTAssertEqual(fed.filter { $0.metric == "policy_rate" }.map(\.value), [2.25])
        XCTAssertEqual(find(extract("美聯儲降息後，利率為1.5%。"), "FED", "policy_rate")?.value, 1.5)
        // 调高…0.25%至2.50%: the move and the level it reached, not a range from 0.25% to 2.5%
        let malaysia = extract("马来西亚国家银行今日宣布调高隔夜政策利率0.25%至2.50%。", date: Day(year: 2010, month: 5, day: 13))
        XCTAssertEqual(find(malaysia, "BNM", "policy_rate_change")?.value, 0.25)
        XCTAssertEqual(find(malaysia, "BNM", "policy_rate")?.value, 2.5)
        XCTAssertNil(find(malaysia, "BNM", "policy_rate")?.valueHigh)
    }

    func testABanksMoveIsDatedByItsAnnouncementNotTheDayItTakesEffect() {
        // 由9月28日（星期五）起: the bracketed weekday is that day's; the move is announced on the report's day
        let hsbc = extract("龍頭滙豐隨即公布，由9月28日（星期五）起上調最優惠利率12.5點子，由5厘升至5.125厘。", date: Day(year: 2018, month: 9, day: 27))
        XCTAssertEqual(find(hsbc, "HSBC", "prime_rate_change")?.date, "2018-09-27")
        XCTAssertEqual(find(hsbc, "HSBC", "prime_rate")?.previous, 5)
        // 上調0.25厘至5.625厘: the move and the level, not a range
        let simplified = extract("汇丰宣布由12月16日（星期五）起上调最优惠利率0.25厘至5.625厘。", date: Day(year: 2022, month: 12, day: 15))
        XCTAssertEqual(find(simplified, "HSBC", "prime_rate_change")?.value, 0.25)
        XCTAssertEqual(find(simplified, "HSBC", "prime_rate")?.value, 5.625)
        XCTAssertEqual(find(simplified, "HSBC", "prime_rate")?.date, "2022-12-15")
    }

    func testParallelListsWithBracketedAliasesAndASecondListAfterASemicolon() {
        let singapore = extract("领涨的海指成份股中，海庭（Seatrium）、扬子江（Yangzijiang）和新翔集团（SATS）分别上涨3.8%、3.57%和2.94%，报1.91元、2.61元和3.85元；凯德腾飞房地产信托（CapitaLand Ascendas REIT）和丰树工业信托（Mapletree Industrial Trust）则分别下滑1.16%和0.87%，报2.56元和2.27元。",
                                date: Day(year: 2024, month: 11, day: 19))
        XCTAssertEqual(find(singapore, "SEATRIUM", "close")?.value, 1.91)
        XCTAssertEqual(find(singapore, "扬子江", "close")?.value, 2.61)
        XCTAssertEqual(find(singapore, "SATS", "close")?.value, 3.85)
        XCTAssertEqual(find(singapore, "MAPLETREE-IND", "close")?.value, 2.27, "its Latin alias is the table company's")
        let traditional = extract("藍籌股中，長和（CKH）和港交所（HKEX）分別上升2%和1.5%，報45元和300元；騰訊下跌1%。", date: Day(year: 2024, month: 11, day: 19))
        XCTAssertEqual(find(traditional, "CKH", "close")?.value, 45)
        XCTAssertEqual(find(traditional, "HKEX", "close")?.value, 300)
        XCTAssertEqual(find(traditional, "TENCENT", "change_pct")?.value, -1)
    }

    func testADayAnEventWillHappenOnDoesNotDateTheFigure() {
        let europe = extract("歐股昨（29）日重挫。西班牙總理周五將面臨不信任投票，西班牙IBEX 35指數跳水2.49%。", date: Day(year: 2018, month: 5, day: 30))
        XCTAssertEqual(find(europe, "IBEX35", "change_pct")?.date, "2018-05-29")
        let simplified = extract("美股周三收盘，美联储周五将公布会议纪要，道指下跌120点。", date: Day(year: 2025, month: 3, day: 6))
        XCTAssertEqual(find(simplified, "DJI", "change")?.date, "2025-03-05")
    }

    func testALatinProductAfterACompanyIsItsBusinessLineNotACompany() {
        let dram = extract("上季全球DRAM市場總營收400億美元；三星DRAM營收150億美元，季增20%。SK海力士同期DRAM營收增加12%至130億美元。",
                           date: Day(year: 2026, month: 2, day: 24))
        XCTAssertNil(dram.first { $0.subject == "DRAM" })
        XCTAssertEqual(find(dram, "SAMSUNG", "segment_revenue")?.target, "DRAM")
        XCTAssertEqual(dram.first { $0.value == 1.3e10 }?.subject, "SK-HYNIX")
        let apple = extract("蘋果(AAPL)上季iPhone營收達469億美元，年增6%。", date: Day(year: 2025, month: 11, day: 1))
        XCTAssertNil(apple.first { $0.subject.lowercased() == "iphone" })
    }

    func testAPeriodBeforeABusinessLineIsNotPartOfItsName() {
        let micron = extract("美光上季HBM營收18.5億美元。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(micron, "MICRON", "segment_revenue")?.target, "HBM")
        XCTAssertNil(find(micron, "MICRON", "revenue"))
        let apple = extract("苹果第三季度的大中华区营收152亿美元。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(apple, "APPLE", "segment_revenue")?.target, "大中华区")
        XCTAssertEqual(find(apple, "APPLE", "segment_revenue")?.period, "2025-Q3")
        // a quarter's consolidated revenue is the company's, whatever stands between
        let whole = extract("三星第一季度综合销售额约为70万亿韩元。", date: Day(year: 2025, month: 4, day: 30))
        XCTAssertEqual(find(whole, "SAMSUNG", "revenue")?.value, 7e13)
    }

    func testAShareIsOfTheMarketTheWordsName() {
        // the market written before the share word, with its old level
        let before = extract("三星电子的DRAM市占率由41%降至38%。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(before, "SAMSUNG", "market_share")?.target, "DRAM")
        XCTAssertEqual(find(before, "SAMSUNG", "market_share")?.value, 38)
        XCTAssertEqual(find(before, "SAMSUNG", "market_share")?.previous, 41)
        // the market as the sentence's topic, for every company listed after it
        let topic = extract("在全球NAND市場，三星市佔率32%，鎧俠為18%。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(topic, "SAMSUNG", "market_share")?.target, "NAND")
        XCTAssertEqual(find(topic, "KIOXIA", "market_share")?.value, 18)
        // the business line whose revenue the sentence just gave
        let line = extract("SK海力士第2季DRAM營收120億美元，市佔率36%。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(line, "SK-HYNIX", "market_share")?.target, "DRAM")
        // a market word inside another (記憶體市場報告) names no market: no share
        let report = extract("記憶體市場報告顯示，美光市佔率22%。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertNil(find(report, "MICRON", "market_share"))
    }

    func testAResultWordAfterPerShareIsPerShare() {
        for page in ["友達與群創去年每股分別淨損0.62元及0.35元。", "友达与群创去年每股分别净亏损0.62元和0.35元。"] {
            let obs = extract(page, date: Day(year: 2025, month: 3, day: 20))
            XCTAssertEqual(find(obs, "AUO", "eps")?.value, -0.62, page)
            XCTAssertEqual(find(obs, "INNOLUX", "eps")?.value, -0.35, page)
            XCTAssertNil(obs.first { $0.metric == "net_income" }, page)
        }
    }

    func testRowsOfAListUnderATariffHeadingAreTariffs() {
        let traditional = extract("""
            美國公布新一輪對等關稅稅率，部分國家如下：

            日本：15%

            泰國與柬埔寨：19%

            漲幅最大的兩國：

            巴西：從10%升至50%（上升40%）
            """, date: Day(year: 2025, month: 8, day: 1))
        XCTAssertEqual(find(traditional, "US", "tariff_rate", target: "JP")?.value, 15)
        XCTAssertEqual(find(traditional, "US", "tariff_rate", target: "KH")?.value, 19)
        XCTAssertEqual(find(traditional, "US", "tariff_rate", target: "BR")?.value, 50)
        XCTAssertEqual(find(traditional, "US", "tariff_rate", target: "BR")?.previous, 10)
        XCTAssertNil(traditional.first { $0.value == 40 }, "the change between two levels is no rate")
        let simplified = extract("美国调整对等关税后，各国税率如下:\n越南、泰国:20%\n老挝:40%", date: Day(year: 2025, month: 8, day: 1))
        XCTAssertEqual(find(simplified, "US", "tariff_rate", target: "TH")?.value, 20)
        XCTAssertEqual(find(simplified, "US", "tariff_rate", target: "LA")?.value, 40)
        // a list under a heading that names no tariff is no tariff list
        let growth = extract("亞洲各國經濟成長預測如下：\n日本：1.2%\n泰國：2.5%", date: Day(year: 2025, month: 8, day: 1))
        XCTAssertTrue(growth.filter { $0.kind == "tariff" }.isEmpty)
    }

    func testAGovernmentFollowedOrAnsweredDoesNotLevyTheDuty() {
        let follows = extract("加拿大上週宣布將跟隨美國的做法，對中國電動車課徵100%關稅。", date: Day(year: 2024, month: 8, day: 30))
        XCTAssertEqual(find(follows, "CA", "tariff_rate", target: "CN")?.value, 100)
        XCTAssertNil(follows.first { $0.subject == "US" })
        let answers = extract("商務部宣布，將保留為回應美國總統川普加徵關稅而徵收的10%關稅。", date: Day(year: 2025, month: 11, day: 6))
        XCTAssertEqual(find(answers, "CN", "tariff_rate", target: "US")?.value, 10)
        let simplified = extract("中方宣布，继续暂停24%的额外关税，但保留作为反制美国而加征的10%关税。", date: Day(year: 2025, month: 11, day: 6))
        XCTAssertEqual(simplified.first { $0.value == 10 }?.subject, "CN")
        XCTAssertEqual(simplified.first { $0.value == 10 }?.target, "US")
    }

    func testACompanysResultsInBareYuanAreInItsHomeCurrency() {
        // 鴻海指出 holds no 海指 (Singapore's index): the page stays Taiwanese, the company's 元 is TWD
        let taiwan = extract("鴻海指出，第3季合併營收2兆589億元，每股純益4.15元，法人看好AI伺服器出貨。", date: Day(year: 2025, month: 11, day: 12))
        XCTAssertEqual(find(taiwan, "2317.TW", "revenue")?.unit, "TWD")
        XCTAssertEqual(find(taiwan, "2317.TW", "eps")?.unit, "TWD")
        // a Singapore-listed bank on a page in Simplified script: Singapore dollars, cents included
        let singapore = extract("星展集团第三季净利同比下降2%至29亿5000万元，每股盈利1.02元。", date: Day(year: 2025, month: 11, day: 6))
        XCTAssertEqual(find(singapore, "DBS", "net_income")?.unit, "SGD")
        XCTAssertEqual(find(singapore, "DBS", "eps")?.unit, "SGD")
    }

    func testAVerbBeforeTheRevenueWordIsNoBusinessLine() {
        let achieved = extract("中国银行上半年实现营收2767亿元，同比增长10%；实现税后利润1214亿元。", date: Day(year: 2019, month: 8, day: 30))
        XCTAssertEqual(find(achieved, "BOC", "revenue")?.value, 2.767e11)
        XCTAssertEqual(find(achieved, "BOC", "net_income")?.value, 1.214e11)
        XCTAssertNil(achieved.first { $0.metric == "segment_revenue" })
        let recorded = extract("工商銀行前三季錄得營業收入6000億元，稅後溢利2700億元。", date: Day(year: 2019, month: 10, day: 30))
        XCTAssertEqual(find(recorded, "ICBC", "revenue")?.value, 6e11)
        XCTAssertEqual(find(recorded, "ICBC", "net_income")?.value, 2.7e11)
    }

    func testABusinessLineNamedAClauseBeforeItsFigure() {
        let traditional = extract("騰訊第二季手機遊戲收入按年升五成，增至一百二十億元。", date: Day(year: 2019, month: 8, day: 30))
        XCTAssertEqual(find(traditional, "TENCENT", "segment_revenue")?.target, "手機遊戲")
        let simplified = extract("腾讯第二季网络广告收入按年增长四成，达到一百亿元。", date: Day(year: 2019, month: 8, day: 30))
        XCTAssertEqual(find(simplified, "TENCENT", "segment_revenue")?.target, "网络广告")
        // a later item of a list of shares names its own line
        let shares = extract("台積電以應用別來看，高效能運算占比60%，智慧型手機25%。", date: Day(year: 2025, month: 10, day: 20))
        XCTAssertEqual(shares.first { $0.value == 25 }?.target, "智慧型手機")
        XCTAssertEqual(shares.first { $0.value == 60 }?.target, "高效能運算")
    }

    func testABareNumberAfterAMoveFollowingAnIndexLevelIsPoints() {
        let arabic = extract("道瓊工業指數收於12601.19點，下跌227.49，跌幅1.77%。", date: Day(year: 2008, month: 5, day: 22))
        XCTAssertEqual(find(arabic, "DJI", "change")?.value, -227.49)
        let chinese = extract("纳斯达克指数收于二千四百五十六点零九，上涨四十三点九九。", date: Day(year: 2008, month: 5, day: 22))
        XCTAssertEqual(find(chinese, "IXIC", "close")?.value, 2456.09)
        XCTAssertEqual(find(chinese, "IXIC", "change")?.value, 43.99)
        let fraction = extract("與上周五相比，日經指數今天收盤上漲一百六十六點三，漲幅達百分之一點零四。", date: Day(year: 2005, month: 12, day: 26))
        XCTAssertEqual(find(fraction, "N225", "change")?.value, 166.3)
        // with no index level before it, a bare number after a move word stays unread
        let alone = extract("道瓊工業指數下跌227。", date: Day(year: 2008, month: 5, day: 22))
        XCTAssertNil(find(alone, "DJI", "change"))
    }

    func testHongKongAbbreviationOfHSBCHoldings() {
        for page in ["匯控收市升2%，報60.5元。", "滙控收报60.5港元，升2%。"] {
            let obs = extract(page, date: Day(year: 2022, month: 6, day: 27))
            XCTAssertEqual(find(obs, "HSBC", "change_pct")?.value, 2, page)
        }
    }

    func testAHardWrappedSentenceIsReadAcrossItsLineBreaks() {
        // print copy cut at a fixed width, blank lines between the pieces
        let page = "滬深股市今日全線走高，上證綜合指數早段一度站上3600點，收於全\n\n日高位3612.35點，升幅為1.12%，深證成份指數亦收高\n\n0.95%，成交額較上日明顯放大。"
        let obs = extract(page, date: Day(year: 2025, month: 8, day: 22))
        XCTAssertEqual(find(obs, "SSEC", "close")?.value, 3612.35)
        XCTAssertEqual(find(obs, "SSEC", "close")?.text, "3612.35點")
        XCTAssertEqual(find(obs, "SZSC", "change_pct")?.value, 0.95)
        // the span is the page's own, line breaks and all
        if let o = find(obs, "SSEC", "close") {
            XCTAssertEqual(Array(page.unicodeScalars)[o.start..<o.end].map { String($0) }.joined(), "3612.35點")
        }
        let simplified = extract("恒生指数早段表现反复，午后在科技股带动下买盘增加，全日收报\n二万三千八百一十二点，上升一百零二点。",
                                 date: Day(year: 2021, month: 10, day: 6))
        XCTAssertEqual(find(simplified, "HSI", "close")?.value, 23812)
        // a title over a paragraph written on one line keeps its break
        let titled = extract("台股收盤 加權指數小漲\n加權指數今天上漲35點，收在22,500點，成交值3,200億元。", date: Day(year: 2025, month: 8, day: 22))
        XCTAssertEqual(find(titled, "TAIEX", "close")?.value, 22500)
    }

    func testTheStatisticsOfficeNamedWithItsCountryGivesTheEconomy() {
        // a Taiwanese page quoting the US labour statistics office: the US's prices, not Taiwan's
        let labour = extract("美國勞工統計局週三公布，上月消費者物價指數比去年同期上升3.1%。", date: Day(year: 2025, month: 3, day: 13))
        XCTAssertEqual(find(labour, "US", "cpi")?.value, 3.1)
        XCTAssertNil(find(labour, "TW", "cpi"))
        let census = extract("美国普查局公布，美国上月零售销售额之外，消费者物价指数按年上升2.8%。", date: Day(year: 2025, month: 3, day: 13))
        XCTAssertEqual(find(census, "US", "cpi")?.value, 2.8)
    }

    func testHongKongsGDPIsItsLocalProduct() {
        for page in ["政府統計處今日公布，第二季本地生產總值按年實質上升3.1%。", "政府统计处公布，第二季本地生产总值按年实质增长3.1%。"] {
            let obs = extract(page, date: Day(year: 2025, month: 8, day: 15))
            XCTAssertEqual(find(obs, "HK", "gdp_growth")?.value, 3.1, page)
            XCTAssertEqual(find(obs, "HK", "gdp_growth")?.period, "2025-Q2", page)
        }
    }

    func testARangeMovesFromTheRangeBefore() {
        let hk = extract("美國聯儲局減息0.25厘，聯邦基金利率目標範圍由3.75厘至4.00厘，減至3.50厘至3.75厘。", date: Day(year: 2025, month: 12, day: 11))
        XCTAssertEqual(hk.filter { $0.metric == "policy_rate" }.count, 1, "the old range is the new one's previous, no figure of its own")
        XCTAssertEqual(find(hk, "FED", "policy_rate")?.value, 3.5)
        XCTAssertEqual(find(hk, "FED", "policy_rate")?.valueHigh, 3.75)
        XCTAssertEqual(find(hk, "FED", "policy_rate")?.previous, 3.75)
        let mainland = extract("美联储宣布降息，联邦基金利率目标区间从4%至4.25%下调至3.75%至4%。", date: Day(year: 2025, month: 12, day: 11))
        XCTAssertEqual(mainland.filter { $0.metric == "policy_rate" }.count, 1)
        XCTAssertEqual(find(mainland, "FED", "policy_rate")?.previous, 4)
    }

    func testOneCharacterMetalsListedInAMetalsSentence() {
        let traditional = extract("倫敦期銅上漲1.2%。在倫敦交易所，其他金屬價格也上漲，鋁上漲0.6%，鋅上漲0.9%。", date: Day(year: 2025, month: 12, day: 29))
        XCTAssertEqual(find(traditional, "ALUMINIUM", "change_pct")?.value, 0.6)
        XCTAssertEqual(find(traditional, "ZINC", "change_pct")?.value, 0.9)
        XCTAssertEqual(traditional.filter { $0.subject == "COPPER" }.count, 1)
        let simplified = extract("伦敦金属交易所基本金属普遍走高，镍涨2.1%，锡跌0.4%。", date: Day(year: 2025, month: 12, day: 29))
        XCTAssertEqual(find(simplified, "NICKEL", "change_pct")?.value, 2.1)
        XCTAssertEqual(find(simplified, "TIN", "change_pct")?.value, -0.4)
        // a metal's character inside a place name is no metal
        let place = extract("銅鑼灣商舖租金上漲5%。", date: Day(year: 2025, month: 12, day: 29))
        XCTAssertTrue(place.filter { $0.kind == "commodity" }.isEmpty)
    }

    func testACityInASentenceAboutStockMarketsIsItsMarket() {
        let simplified = extract("多数亚太股市上涨，东京和首尔分别收升0.68%、0.24%；上海则滑落0.27%。", date: Day(year: 2024, month: 8, day: 22))
        XCTAssertEqual(find(simplified, "SSEC", "change_pct")?.value, -0.27)
        let traditional = extract("亞洲股市普遍走高，香港恒指升1.4%，新加坡則微跌0.1%。新加坡上季經濟增長2.9%。", date: Day(year: 2024, month: 8, day: 22))
        XCTAssertEqual(find(traditional, "STI", "change_pct")?.value, -0.1)
        XCTAssertEqual(find(traditional, "SG", "gdp_growth")?.value, 2.9, "the same city in a sentence about the economy is the country")
    }

    func testADayWrittenWithOneChineseDigitInRunningText() {
        let obs = extract("美股三大指數七日齊聲重挫，道瓊指數終場重挫二七二點五二點。", date: Day(year: 2014, month: 10, day: 9))
        XCTAssertEqual(find(obs, "DJI", "change")?.date, "2014-10-07")
        // a span of days keeps its reading
        let span = extract("台股連跌三日，加權指數今天再跌50點。", date: Day(year: 2014, month: 10, day: 9))
        XCTAssertEqual(find(span, "TAIEX", "change")?.date, "2014-10-09")
        let within = extract("恒指七日內累跌1,200點。", date: Day(year: 2014, month: 10, day: 9))
        XCTAssertNotEqual(within.first?.date, "2014-10-07")
    }

    func testADayAfterTheTeasersNamedDayIsInTheSameMonth() {
        for page in ["美股7日重挫。8日日股下跌1.19%。", "美股七日重挫。八日亞洲股市同樣下跌，日股下跌百分之一點一九。"] {
            let obs = extract(page, date: Day(year: 2014, month: 10, day: 9))
            XCTAssertEqual(find(obs, "N225", "change_pct")?.date, "2014-10-08", page)
        }
    }

    func testTheDayOfAnAnnouncementIsNoTradingSession() {
        let simplified = extract("纽约金价20日大幅上涨，收于每盎司1153.2美元。美联储19日公布的会议纪要显示，失业人数略高于预期。白银期货上涨33.8美分，收于每盎司15.517美元。",
                                 date: Day(year: 2015, month: 8, day: 21))
        XCTAssertEqual(find(simplified, "XAG", "close")?.date, "2015-08-20")
        let traditional = extract("紐約油價週二走高，收在每桶62.5美元。聯準會週一發布的報告稱，通膨高於預期。布蘭特原油上漲0.8美元，收在66.1美元。",
                                  date: Day(year: 2025, month: 3, day: 12))
        XCTAssertEqual(find(traditional, "BRENT", "close")?.date, "2025-03-11")
    }

    func testARateQuotedPerUnitsOfTheFirstCurrency() {
        let parity = extract("今日银行间外汇市场人民币汇率中间价为：1美元对人民币7.1000元，1欧元对人民币8.2000元，100日元对人民币4.9000元，人民币1元对0.6000林吉特。",
                             date: Day(year: 2025, month: 6, day: 2))
        XCTAssertEqual(find(parity, "USD/CNY", "central_parity")?.value, 7.1)
        XCTAssertEqual(find(parity, "EUR/CNY", "central_parity")?.value, 8.2)
        XCTAssertEqual(find(parity, "JPY/CNY", "central_parity")?.value, 0.049)
        XCTAssertEqual(find(parity, "CNY/MYR", "central_parity")?.value, 0.6)
        XCTAssertNil(parity.first { $0.value == 1 || $0.value == 100 }, "the units quoted per are no figures")
        let traditional = extract("匯市早盤，100日圓兌新台幣20.85元，1歐元兌新台幣35.2元。", date: Day(year: 2025, month: 6, day: 2))
        XCTAssertEqual(find(traditional, "JPY/TWD", "level")?.value, 0.2085)
        XCTAssertEqual(find(traditional, "EUR/TWD", "level")?.value, 35.2)
    }

    func testABanksRateForATermIsADepositRate() {
        let hk = extract("中銀香港上調一般客戶年利率，3個月加至2.2厘，6個月加至2.3厘。", date: Day(year: 2025, month: 9, day: 26))
        XCTAssertEqual(hk.filter { $0.subject == "BOCHK" && $0.metric == "deposit_rate" }.map(\.value), [2.2, 2.3])
        XCTAssertNil(find(hk, "BOCHK", "prime_rate"))
        let simplified = extract("恒生银行将1年期港元定期存款利率上调至2.5厘。众安银行3个月存息加至2.8厘。", date: Day(year: 2025, month: 9, day: 26))
        XCTAssertEqual(find(simplified, "HANG-SENG-BANK", "deposit_rate")?.value, 2.5)
        XCTAssertEqual(find(simplified, "ZA-BANK", "deposit_rate")?.value, 2.8)
        // a prime rate move, no term: still the prime rate
        let prime = extract("滙豐宣布上調最優惠利率0.125厘至5.375厘。", date: Day(year: 2022, month: 11, day: 3))
        XCTAssertEqual(find(prime, "HSBC", "prime_rate")?.value, 5.375)
    }

    func testEachGovernmentLeviesItsOwnMeasureInASentenceOfTwo() {
        let two = extract("在此之前，美國政府5月率先宣布對中國進口電動車關稅提高到100%；6月上旬土耳其則宣布對中國進口車輛加徵40%關稅。",
                          date: Day(year: 2024, month: 6, day: 12))
        XCTAssertEqual(find(two, "US", "tariff_rate", target: "CN")?.value, 100)
        XCTAssertEqual(find(two, "TR", "tariff_rate", target: "CN")?.value, 40)
        let simplified = extract("加拿大5月宣布对中国电动车加征100%关税；巴西则表示对中国钢材征收25%关税。", date: Day(year: 2024, month: 9, day: 1))
        XCTAssertEqual(find(simplified, "BR", "tariff_rate", target: "CN")?.value, 25)
    }

    func testAOneCharacterCountryBeforeAnAgencyIsItsCountry() {
        let obs = extract("美商务部公布初裁结果，对中国相关企业征收31.22%的反倾销关税。", date: Day(year: 2012, month: 5, day: 18))
        XCTAssertEqual(obs.first { $0.kind == "tariff" }?.subject, "US")
        let unnamed = extract("商务部公布初裁结果，对美国相关企业征收31.22%的反倾销关税。", date: Day(year: 2012, month: 5, day: 18))
        XCTAssertEqual(unnamed.first { $0.kind == "tariff" }?.subject, "CN", "the agency alone is the writer's own")
        let traditional = extract("日經濟產業省宣布，對韓國相關產品課徵12%關稅。", date: Day(year: 2019, month: 7, day: 2))
        XCTAssertEqual(traditional.first { $0.kind == "tariff" }?.subject, "JP")
    }

    func testASessionsTimeBeforeAMoveIsNoCompanyName() {
        let traditional = extract("滙控股價昨午後直線衝高，單日大升5.5%，並以全日最高位142.7元收市。", date: Day(year: 2026, month: 2, day: 25))
        XCTAssertEqual(find(traditional, "HSBC", "change_pct")?.value, 5.5)
        XCTAssertNil(traditional.first { $0.subject.hasPrefix("單日") })
        let simplified = extract("腾讯股价早段急升，全日急升4.2%，收报520元。", date: Day(year: 2026, month: 2, day: 25))
        XCTAssertEqual(find(simplified, "TENCENT", "change_pct")?.value, 4.2)
    }

    func testAParitysMoveInPointsIsTheCurrencysWorth() {
        let mainland = extract("8日人民币对美元汇率中间价报6.1282，较前一交易日上涨91个基点。", date: Day(year: 2014, month: 12, day: 8))
        XCTAssertEqual(find(mainland, "USD/CNY", "central_parity_change")?.value, -0.0091)
        XCTAssertEqual(find(mainland, "USD/CNY", "central_parity")?.value, 6.1282)
        let traditional = extract("人民幣兌美元匯率中間價報7.1026，較上日下跌35個基點。", date: Day(year: 2025, month: 6, day: 2))
        XCTAssertEqual(find(traditional, "USD/CNY", "central_parity_change")?.value, 0.0035)
    }

    func testFiguresListedAfterAMoveWordAreMovesToo() {
        let simplified = extract("美联储此前3月、5月及6月分别加息0.25%、0.5%及0.75%。", date: Day(year: 2022, month: 7, day: 28))
        XCTAssertEqual(simplified.filter { $0.metric == "policy_rate_change" }.map(\.value), [0.25, 0.5, 0.75])
        XCTAssertNil(find(simplified, "FED", "policy_rate"))
        let traditional = extract("聯準會今年先後升息0.25%、0.5%，政策利率升至1.75%。", date: Day(year: 2022, month: 7, day: 28))
        XCTAssertEqual(traditional.filter { $0.metric == "policy_rate_change" }.map(\.value), [0.25, 0.5])
        XCTAssertEqual(find(traditional, "FED", "policy_rate")?.value, 1.75)
    }

    func testHighInflationHoldsNoCompany() {
        for page in ["美國聯準會宣布再加息0.75個百分點對抗高通脹。", "美联储宣布再加息0.75个百分点对抗高通膨。"] {
            let obs = extract(page, date: Day(year: 2022, month: 7, day: 28))
            XCTAssertNil(obs.first { $0.subject == "QUALCOMM" }, page)
            XCTAssertEqual(find(obs, "FED", "policy_rate_change")?.value, 0.75, page)
        }
    }

    func testAsExpectedIsNoExpectation() {
        let traditional = extract("歐洲中央銀行今天如預期把基準存款利率調高1碼至3.5%。", date: Day(year: 2023, month: 6, day: 15))
        XCTAssertEqual(find(traditional, "ECB", "deposit_rate")?.value, 3.5)
        let simplified = extract("美联储一如预期宣布加息0.25个百分点。", date: Day(year: 2023, month: 7, day: 27))
        XCTAssertEqual(find(simplified, "FED", "policy_rate_change")?.value, 0.25)
        // an expectation stays one
        let expected = extract("市場預期美聯儲下月加息0.25個百分點。", date: Day(year: 2023, month: 7, day: 27))
        XCTAssertNil(find(expected, "FED", "policy_rate_change").flatMap { $0.qualifier == "forecast" ? nil : $0 })
    }

    func testABareCentralBankIsTheOneItsTeaserNames() {
        let traditional = extract("央行大降息 一年期存款基準利率降1.08個百分點\n中新網11月26日電 人民銀行今日公布，一年期存款基準利率下調1.08個百分點。",
                                  date: Day(year: 2008, month: 11, day: 27))
        XCTAssertNil(traditional.first { $0.subject == "CBC" })
        XCTAssertEqual(find(traditional, "PBOC", "deposit_rate_change")?.value, -1.08)
        // with no bank named, 央行 is the writer's region's
        let taiwan = extract("央行理監事會決議，重貼現率調升0.125個百分點。", date: Day(year: 2024, month: 3, day: 21))
        XCTAssertEqual(taiwan.first?.subject, "CBC")
    }

    func testAsiaAsAWholeReportsNoEconomy() {
        let simplified = extract("（吉隆坡24日讯）令吉已是今年表现最好的亚洲货币。他也提到，今年上半年经济成长达5.9%，高于预期。", date: Day(year: 2024, month: 9, day: 24))
        XCTAssertEqual(find(simplified, "MY", "gdp_growth")?.value, 5.9)
        XCTAssertNil(simplified.first { $0.subject == "ASIA" })
        let traditional = extract("（中央社記者吉隆坡24日專電）亞洲股市普遍上揚。官方公布，今年上半年經濟成長5.9%。", date: Day(year: 2024, month: 9, day: 24))
        XCTAssertNil(traditional.first { $0.subject == "ASIA" })
    }

    func testABanksSharePriceInASentenceAboutRates() {
        let traditional = extract("恒生銀行宣布上調最優惠利率0.125厘，恒生銀行股價跌0.6%。", date: Day(year: 2023, month: 9, day: 21))
        XCTAssertEqual(find(traditional, "HANG-SENG-BANK", "change_pct")?.value, -0.6)
        XCTAssertNil(traditional.first { $0.metric == "prime_rate_change" && $0.value == -0.6 })
        let simplified = extract("汇丰宣布维持最优惠利率不变，汇丰股价升1.2%。", date: Day(year: 2023, month: 9, day: 21))
        XCTAssertEqual(simplified.first { $0.value == 1.2 }?.kind, "equity")
    }

    func testAFigureListedRightAfterAnotherIsTheSameNames() {
        let traditional = extract("台股早盤下跌，隨後台積電回神；終場指數下跌74.92點、跌幅0.25%，收30360.55點。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(traditional, "TAIEX", "change_pct")?.value, -0.25)
        XCTAssertNil(find(traditional, "TSMC", "change_pct"))
        let simplified = extract("沪指午后回落，贵州茅台走强；沪指收跌12.5点、跌幅0.4%。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(simplified, "SSEC", "change_pct")?.value, -0.4)
    }

    func testAnIntradayRiseToALevel() {
        let index = extract("台股指數盤中攻上30593.49點，再創新高。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(index, "TAIEX", "high")?.value, 30593.49)
        // a share's session high has no spec metric: neither a close nor a move
        let stock = extract("股王信驊盤中衝上7825元，收盤上漲3.66%至7650元。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertNil(stock.first { $0.value == 7825 })
        XCTAssertEqual(find(stock, "ASPEED", "close")?.value, 7650)
    }

    func testANameThatMovedTheSubjectIsNotTheSubject() {
        let simplified = extract("纽约黄金期货价格20日冲高后回落，受美元汇率走强等因素影响，12月合约微涨2.30美元，以每盎司790美元收盘。",
                                 date: Day(year: 2008, month: 10, day: 20))
        XCTAssertEqual(find(simplified, "XAU", "close")?.value, 790)
        XCTAssertNil(simplified.first { $0.kind == "fx" })
        let traditional = extract("台股今天受台積電重挫拖累，終場指數下跌120點。", date: Day(year: 2025, month: 4, day: 7))
        XCTAssertEqual(find(traditional, "TAIEX", "change")?.value, -120)
    }

    func testARoundLevelBrokenForTheFirstTimeIsNoQuote() {
        let traditional = extract("KOSPI四連漲首破5500點 三星電子大漲6.44%", date: Day(year: 2026, month: 2, day: 13))
        XCTAssertNil(traditional.first { $0.value == 5500 })
        let simplified = extract("美元兑日圆升破150，日经指数收涨1.2%。", date: Day(year: 2026, month: 2, day: 13))
        XCTAssertNil(simplified.first { $0.value == 150 })
        XCTAssertEqual(find(simplified, "N225", "change_pct")?.value, 1.2)
    }

    func testAScopeWordIsNotPartOfAMarketsName() {
        let simplified = extract("宁德时代2024年全球动力电池市占率为37.9%，储能电池全球市占率则为36.5%。", date: Day(year: 2025, month: 4, day: 20))
        XCTAssertEqual(simplified.first { $0.value == 37.9 }?.target, "动力电池")
        XCTAssertEqual(simplified.first { $0.value == 36.5 }?.target, "储能电池")
        let traditional = extract("三星去年DRAM全球市佔率為41%。", date: Day(year: 2025, month: 4, day: 20))
        XCTAssertEqual(traditional.first { $0.value == 41 }?.target, "DRAM")
    }

    func testACountrysClockIsNoPartyToATariff() {
        let traditional = extract("台灣時間3日，川普宣布向中國商品加課34%關稅，北京隨即以同樣34%的報復關稅回敬。", date: Day(year: 2025, month: 4, day: 10))
        XCTAssertNil(traditional.first { $0.target == "TW" })
        XCTAssertEqual(traditional.filter { $0.subject == "US" && $0.target == "CN" }.first?.value, 34)
        let simplified = extract("美国东部时间2日下午，特朗普宣布对日本汽车征收25%关税。", date: Day(year: 2025, month: 4, day: 3))
        XCTAssertEqual(find(simplified, "US", "tariff_rate", target: "JP")?.value, 25)
    }

    func testAContributionToGrowthIsNoGrowth() {
        let traditional = extract("國家統計局表示，最終消費支出對國內生產總值增長的貢獻率為64.5%，國內生產總值按年增長6.9%。", date: Day(year: 2017, month: 10, day: 19))
        XCTAssertNil(traditional.first { $0.value == 64.5 })
        XCTAssertEqual(find(traditional, "CN", "gdp_growth")?.value, 6.9)
        let simplified = extract("国家统计局表示，出口对经济增长的贡献度为20%，国内生产总值同比增长5%。", date: Day(year: 2024, month: 10, day: 19))
        XCTAssertNil(simplified.first { $0.value == 20 })
    }

    func testTheSessionsHighAndLowWordsAndMoreIndexNames() {
        let hk = extract("恒生指數全日低位見23812點，收市報23966點，跌137點。", date: Day(year: 2021, month: 10, day: 6))
        XCTAssertEqual(find(hk, "HSI", "low")?.value, 23812)
        XCTAssertEqual(find(hk, "HSI", "close")?.value, 23966)
        let simplified = extract("恒指日内高位见25400点，收报25178点。", date: Day(year: 2025, month: 11, day: 21))
        XCTAssertEqual(find(simplified, "HSI", "high")?.value, 25400)
        let london = extract("倫敦富時指數收報7497點，升126點。", date: Day(year: 2022, month: 12, day: 22))
        XCTAssertEqual(find(london, "FTSE100", "close")?.value, 7497)
        let singapore = extract("海峡时报指在星期四微跌0.18点，闭市报3373.58点。", date: Day(year: 2024, month: 8, day: 22))
        XCTAssertEqual(find(singapore, "STI", "close")?.value, 3373.58)
    }

    func testAYearEndComparedWithDatesNoFigureAfterIt() {
        let traditional = extract("2008年台股今封關，加權指數收在4591.22點，較去年底8506.28，全年跌掉3915點，跌幅46%。", date: Day(year: 2008, month: 12, day: 31))
        XCTAssertEqual(find(traditional, "TAIEX", "change")?.value, -3915)
        XCTAssertEqual(find(traditional, "TAIEX", "change")?.period, "2008")
        XCTAssertEqual(find(traditional, "TAIEX", "change_pct")?.period, "2008")
        let simplified = extract("恒指今年封关报14387点，比去年底的27812点全年累跌13425点。", date: Day(year: 2008, month: 12, day: 31))
        XCTAssertEqual(find(simplified, "HSI", "change")?.value, -13425)
    }

    func testTheMiddayPrintIsALevelHoweverTheTeaserCloses() {
        let hk = extract("恒生指數半日報25300，跌535點或2.1%。恒生中國企業指數報8947，跌195點。好友損手收場。", date: Day(year: 2025, month: 11, day: 21))
        XCTAssertEqual(find(hk, "HSI", "level")?.value, 25300)
        XCTAssertNil(find(hk, "HSI", "close"))
        let simplified = extract("恒指中午收市报25300点，跌535点，全日收市前再跌。", date: Day(year: 2025, month: 11, day: 21))
        XCTAssertEqual(find(simplified, "HSI", "level")?.value, 25300)
    }

    func testAStatementLineIsNoCompanyAndItsChangeNoPriceMove() {
        let simplified = extract("星展集团第三季净利增长20%。成本增加18%至14亿8000万元。首三季每股盈利2.22元。", date: Day(year: 2018, month: 11, day: 5))
        XCTAssertEqual(find(simplified, "DBS", "eps")?.value, 2.22)
        XCTAssertNil(simplified.first { $0.subject == "成本" })
        XCTAssertNil(simplified.first { $0.value == 18 })
        let traditional = extract("大華銀行上季淨利增長5%。開支上升7%，每股盈利0.95元。", date: Day(year: 2025, month: 11, day: 5))
        XCTAssertNil(traditional.first { $0.subject == "開支" })
        XCTAssertNil(traditional.first { $0.value == 7 })
    }

    func testOneMoveOfTheDepositAndLendingRatesEach() {
        for page in ["中国人民银行决定，从10月9日起下调一年期人民币存贷款基准利率各0.27个百分点。",
                     "人民銀行決定，金融機構一年期存款基準利率和貸款基準利率各下調0.27個百分點。"] {
            let obs = extract(page, date: Day(year: 2008, month: 10, day: 9))
            XCTAssertEqual(find(obs, "PBOC", "deposit_rate_change")?.value, -0.27, page)
            XCTAssertEqual(find(obs, "PBOC", "policy_rate_change")?.value, -0.27, page)
        }
        let lendingOnly = extract("人民银行决定，一年期贷款基准利率下调0.27个百分点。", date: Day(year: 2008, month: 12, day: 23))
        XCTAssertNil(find(lendingOnly, "PBOC", "deposit_rate_change"))
    }

    func testACrossPairsMoveIsNamedAsItsRateIsQuoted() {
        // the ringgit falling against the Singapore dollar is SGD/MYR rising, the pair its level is quoted in
        let ringgit = extract("（吉隆坡15日訊）令吉兌新元報3.1035，本週令吉兌新元貶值0.4%。", date: Day(year: 2022, month: 4, day: 15))
        XCTAssertEqual(find(ringgit, "SGD/MYR", "level")?.value, 3.1035)
        XCTAssertEqual(find(ringgit, "SGD/MYR", "change_pct")?.value, 0.4)
        XCTAssertNil(ringgit.first { $0.subject == "MYR/SGD" })
        let singapore = extract("新元兌令吉上漲0.3%，歐元兌日圓下跌0.2%。", date: Day(year: 2022, month: 4, day: 15))
        XCTAssertEqual(find(singapore, "SGD/MYR", "change_pct")?.value, 0.3)
        XCTAssertEqual(find(singapore, "EUR/JPY", "change_pct")?.value, -0.2)
    }

    func testASumOfMoneyIsNoSharePrice() {
        let taiwan = extract("台股今天收盤下跌，台積電收1,680元，全日成交值新台幣7365.1億元。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(taiwan, "TSMC", "close")?.value, 1680)
        XCTAssertNil(taiwan.first { $0.kind == "equity" && $0.value > 1e7 })
        let hongKong = extract("騰訊收報500元，成交額達120億元。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertNil(hongKong.first { $0.kind == "equity" && $0.value == 1.2e10 })
    }

    func testTheEconomysOutputMovingIsItsGrowth() {
        let obs = extract("德國第三季經濟成長0.3%，法國第三季經濟收縮0.2%。", date: Day(year: 2024, month: 11, day: 15))
        XCTAssertEqual(find(obs, "DE", "gdp_growth")?.value, 0.3)
        XCTAssertEqual(find(obs, "FR", "gdp_growth")?.value, -0.2)
        XCTAssertEqual(find(obs, "FR", "gdp_growth")?.period, "2024-Q3")
        let simplified = extract("英国第二季度经济环比增长0.6%，意大利经济按年负增长0.4%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(find(simplified, "GB", "gdp_growth")?.value, 0.6)
        XCTAssertEqual(find(simplified, "IT", "gdp_growth")?.value, -0.4)
        // 經濟 alone names no figure: a ministry's or a paper's name is not the economy
        let ministry = extract("經濟部表示，外銷訂單年增5.1%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertNil(ministry.first { $0.metric == "gdp_growth" })
    }

    func testThePeriodComparedWithIsNotTheFigures() {
        // 較上季下滑: the quarter before is what the figure is compared with; the figure is the quarter named first
        let obs = extract("歐元區第三季GDP較上季下滑0.1%。", date: Day(year: 2024, month: 11, day: 15))
        XCTAssertEqual(find(obs, "EA", "gdp_growth")?.period, "2024-Q3")
        let simplified = extract("日本第二季度GDP比上季萎缩0.5%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(find(simplified, "JP", "gdp_growth")?.period, "2024-Q2")
        XCTAssertEqual(find(simplified, "JP", "gdp_growth")?.value, -0.5)
    }

    func testADayNamedWithYesterdayCountsFromThePageOnce() {
        // 前天 names the teaser's day and the figure's: both are two days before the page, not four
        let obs = extract("中央銀行前天調高重貼現率半碼。", date: Day(year: 2010, month: 6, day: 26))
        XCTAssertEqual(find(obs, "CBC", "policy_rate_change")?.date, "2010-06-24")
        let simplified = extract("美联储昨天宣布降息一码，联邦基金利率目标区间降至4%至4.25%。", date: Day(year: 2025, month: 9, day: 18))
        XCTAssertEqual(find(simplified, "FED", "policy_rate_change")?.date, "2025-09-17")
        // with a dateline, 今天 and 昨天 count from the dateline's day
        let wire = extract("（中央社記者台北12日電）央行昨天宣布升息半碼。", date: Day(year: 2025, month: 6, day: 14))
        XCTAssertEqual(find(wire, "CBC", "policy_rate_change")?.date, "2025-06-11")
    }

    func testARateOnlyOneCentralBankSetsIsItsWithNoBankNamed() {
        let obs = extract("公告本行重貼現率調整為年息2%，自明日起實施。", date: Day(year: 2024, month: 3, day: 21))
        XCTAssertEqual(find(obs, "CBC", "policy_rate")?.value, 2)
        let simplified = extract("据公告，担保放款融通利率调升为2.375%。", date: Day(year: 2024, month: 3, day: 21))
        XCTAssertEqual(find(simplified, "CBC", "secured_lending_rate")?.value, 2.375)
        // the Fed's discount rate is 重貼現率 too: a page of another country names its bank
        let fed = extract("美國聯準會將重貼現率調升至5.5%。", date: Day(year: 2024, month: 3, day: 21))
        XCTAssertNil(fed.first { $0.subject == "CBC" })
    }

    func testRatesListedWithTheirOldValuesPairInOrderAcrossAComma() {
        for page in ["央行重貼現率、擔保放款融通利率及短期融通利率分別由1.375%、1.75%及3.625%，調整為1.5%、1.875%及3.75%。",
                     "央行的重贴现率、担保放款融通利率和短期融通利率分别从2%、2.375%和4.25%，调升至2.125%、2.5%和4.375%。"] {
            let obs = extract(page, date: Day(year: 2024, month: 3, day: 21))
            let levels = obs.filter { $0.kind == "rate" }.sorted { $0.start < $1.start }.map(\.metric)
            XCTAssertEqual(levels, ["policy_rate", "secured_lending_rate", "short_term_lending_rate"], page)
        }
    }

    func testReportingPeriodsOfSingaporeAndMalaysiaResults() {
        // 次季 is the second quarter outside Taiwan; 首半年 the first half; 一年前為X a year-ago figure
        let singapore = extract("（新加坡7日讯）星展集团次季净利按年增长4%至28亿新元，一年前为26亿9000万新元。", date: Day(year: 2024, month: 8, day: 7))
        XCTAssertEqual(singapore.first { $0.metric == "net_income" && $0.value == 2.8e9 }?.period, "2024-Q2")
        XCTAssertEqual(singapore.first { $0.metric == "net_income" && $0.value == 2.69e9 }?.period, "2023-Q2")
        let malaysia = extract("（吉隆坡24日訊）馬電訊首半年淨利大漲32%至7億1791萬令吉，營業額上揚7.34%至59億8000萬令吉。", date: Day(year: 2022, month: 8, day: 24))
        XCTAssertEqual(malaysia.first { $0.metric == "net_income" }?.period, "2022-Q1/2022-Q2")
        // in Taiwan 次季 looks ahead (次季營收展望): it names no quarter of the results
        let taiwan = extract("（中央社記者台北18日電）台積電第3季營收7596.9億元，次季營收估2900億美元。", date: Day(year: 2025, month: 10, day: 18))
        XCTAssertNil(taiwan.first { $0.period == "2025-Q2" })
    }

    func testAFiscalYearsQuarterHasNoCalendarPeriod() {
        let obs = extract("美光科技公布2026財年第一季財報，營收136.4億美元，年增57%。", date: Day(year: 2025, month: 12, day: 18))
        XCTAssertNotNil(obs.first { $0.metric == "revenue" })
        XCTAssertNil(obs.first { $0.metric == "revenue" }?.period)
        let simplified = extract("甲骨文公布2025财年第二季财报，营收140亿美元。", date: Day(year: 2024, month: 12, day: 10))
        XCTAssertNil(simplified.first { $0.metric == "revenue" }?.period)
    }

    func testAPeriodCountedFromIsNotThePeriodInForce() {
        // 自2011財年第四季的X以來: that quarter dates X only; the figures after it keep the report's quarter
        let obs = extract("（吉隆坡24日訊）馬電訊第二季淨利3億7806萬令吉，是自2019年第四季以來最高。每股盈利10.02仙。", date: Day(year: 2022, month: 8, day: 24))
        XCTAssertEqual(obs.first { $0.metric == "eps" }?.period, "2022-Q2")
        let simplified = extract("（吉隆坡24日讯）云顶第三季净利2亿令吉，为从去年第一季以来新高。营业额增长5%至25亿令吉。", date: Day(year: 2023, month: 11, day: 24))
        XCTAssertEqual(simplified.first { $0.metric == "revenue" }?.period, "2023-Q3")
    }

    func testTheEconomyNamedBeforeItsQuarterAndMove() {
        let obs = extract("（新加坡11日讯）新加坡经济第二季环比萎缩0.3%。", date: Day(year: 2022, month: 8, day: 11))
        XCTAssertEqual(find(obs, "SG", "gdp_growth")?.value, -0.3)
        let traditional = extract("馬來西亞經濟去年第四季按年增長3.1%。", date: Day(year: 2024, month: 2, day: 16))
        XCTAssertEqual(find(traditional, "MY", "gdp_growth")?.value, 3.1)
        // an economist's or a ministry's words are no economy moving
        let economist = extract("日本經濟學家預期股市上漲5%。", date: Day(year: 2024, month: 2, day: 16))
        XCTAssertNil(economist.first { $0.metric == "gdp_growth" })
    }

    func testConsumerPricesAndUnderlyingInflation() {
        let obs = extract("香港政府統計處公布，10月整體消費物價按年上升1.6%，基本通脹率為1.3%。", date: Day(year: 2024, month: 11, day: 21))
        XCTAssertEqual(find(obs, "HK", "cpi")?.value, 1.6)
        XCTAssertEqual(find(obs, "HK", "core_cpi")?.value, 1.3)
        let simplified = extract("香港统计处公布，9月消费物价同比上升2.1%。", date: Day(year: 2024, month: 10, day: 21))
        XCTAssertEqual(find(simplified, "HK", "cpi")?.value, 2.1)
    }

    func testAMarketsIndexTheTablesDoNotKnowEndsTheOneBefore() {
        let obs = extract("倫敦富時100指數收報3830點，跌85點；雅典綜合指數收報1500點，跌12點。", date: Day(year: 2009, month: 2, day: 27))
        XCTAssertEqual(find(obs, "FTSE100", "close")?.value, 3830)
        XCTAssertNil(obs.first { $0.subject == "FTSE100" && $0.value == 1500 })
        XCTAssertEqual(find(obs, "雅典綜合指數", "close")?.value, 1500, "kept as written")
        let latin = extract("德国DAX指数收于15000点；布拉格PX指数收于1400点，涨3点。", date: Day(year: 2023, month: 5, day: 5))
        XCTAssertEqual(find(latin, "DAX", "close")?.value, 15000)
        XCTAssertNil(latin.first { $0.subject == "DAX" && ($0.value == 1400 || $0.value == 3) })
        // 綜合指數 alone, after a market's benchmark, is its composite — not a sector of the benchmark
        let composite = extract("基准S&P/ASX200指数下跌537.30点至5002.00点；综合指数下跌532.50点至5058.20点。", date: Day(year: 2020, month: 3, day: 16))
        XCTAssertNotNil(composite.first { $0.subject == "ASX200" && $0.value == 5002 })
        XCTAssertNil(composite.first { $0.subject.hasPrefix("ASX200") && $0.value == 5058.2 })
        // a known name with a space before 指數 stays the known index
        let spaced = extract("美股收盤，S&P 500 指數下跌36.83點。", date: Day(year: 2025, month: 9, day: 23))
        XCTAssertEqual(find(spaced, "SPX", "change")?.value, -36.83)
    }

    func testATouchTheWordsAfterCallAHighOrALow() {
        let obs = extract("韓國綜合股價指數（KOSPI）22日盤中一度攀上5019.54點的歷史高點，終場收4952.53點。", date: Day(year: 2026, month: 1, day: 22))
        XCTAssertEqual(find(obs, "KOSPI", "high")?.value, 5019.54)
        XCTAssertEqual(find(obs, "KOSPI", "close")?.value, 4952.53)
        let simplified = extract("伦敦镍价周二触及每吨18,785美元高点。纽约金价盘中一度触及2100.5美元的日内低点。", date: Day(year: 2026, month: 1, day: 6))
        XCTAssertEqual(find(simplified, "NICKEL", "high")?.value, 18785)
        XCTAssertEqual(find(simplified, "XAU", "low")?.value, 2100.5)
        // 一度暴跌逾18%，至X: the clause after continues the touch — the session's low
        let copper = extract("消息公布后，纽约铜价一度暴跌逾18%，至每磅4.60美元。", date: Day(year: 2025, month: 7, day: 30))
        XCTAssertEqual(find(copper, "COPPER", "low")?.value, 4.6)
        // a clause of its own that says where the pair stands now is no touch
        let now = extract("日圓兌美元從152.15一度貶至153.06，目前又回到152.4附近。", date: Day(year: 2026, month: 1, day: 28))
        XCTAssertNil(now.first { $0.value == 152.4 && ($0.metric == "high" || $0.metric == "low") })
        // a close named in an earlier clause of the sentence does not make the touch a close
        let gold = extract("纽约期金收于787.70美元的近一个月低点；20日凌晨一度触及811.80美元的日内高点。", date: Day(year: 2008, month: 10, day: 20))
        XCTAssertEqual(find(gold, "XAU", "high")?.value, 811.8)
        XCTAssertEqual(find(gold, "XAU", "close")?.value, 787.7)
        // a close at a record is still the close
        let record = extract("日經指數收在40,000點的歷史新高。", date: Day(year: 2024, month: 3, day: 4))
        XCTAssertEqual(find(record, "N225", "close")?.value, 40000)
    }

    func testNamesListedBeforeAnAdverbAnd分別() {
        let obs = extract("西班牙的Banco Santander與BBVA SA也分別收低5.4%與4.2%。", date: Day(year: 2018, month: 5, day: 29))
        XCTAssertEqual(find(obs, "Banco Santander", "change_pct")?.value, -5.4)
        XCTAssertEqual(find(obs, "BBVA SA", "change_pct")?.value, -4.2)
        let han = extract("銀行股走低，大眾銀行與中期銀行則分別下跌6.3%與5.6%。", date: Day(year: 2012, month: 12, day: 10))
        XCTAssertEqual(find(han, "中期銀行", "change_pct")?.value, -5.6, "中 opens the name; it is no connective")
    }

    func testACompanyTheTablesDoNotKnowClosingAtAPrice() {
        let obs = extract("最依賴外銷的鈴木汽車收1356日圓，飆漲5.2%；佳能以4500日圓收盤、大漲3%。", date: Day(year: 2013, month: 5, day: 10))
        XCTAssertEqual(find(obs, "鈴木汽車", "close")?.value, 1356)
        XCTAssertEqual(find(obs, "佳能", "close")?.value, 4500)
        XCTAssertEqual(find(obs, "佳能", "change_pct")?.value, 3)
        let simplified = extract("军工股汉翔收54.9元，涨6.19%。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertEqual(find(simplified, "汉翔", "close")?.value, 54.9)
        // a period word after 的 opens no name (截至12月底的下半年集團淨利)
        let results = extract("新加坡置地截至12月底的下半年集團淨利同比增加7%，達1億零240萬元。", date: Day(year: 2024, month: 2, day: 23))
        XCTAssertNil(results.first { $0.subject.contains("下半年") })
    }

    func testADutyOnAProductWithNoCountryIsOnImportsFromEverywhere() {
        let obs = extract("（中央社記者華盛頓25日專電）川普宣布10月1日起對所有專利藥品課徵100%關稅；軟體家具為30%。", date: Day(year: 2025, month: 9, day: 26))
        XCTAssertEqual(find(obs, "US", "tariff_rate", target: "WORLD")?.value, 100)
        XCTAssertNotNil(obs.first { $0.target == "WORLD" && $0.value == 30 })
        let simplified = extract("白宫表示，特朗普已签署公告，自8月1日起对进口半成品铜产品征收50%的关税。", date: Day(year: 2025, month: 7, day: 31))
        XCTAssertEqual(find(simplified, "US", "tariff_rate", target: "WORLD")?.value, 50)
        // a country named anywhere in the teaser is the target, and a move beside tariff news is no duty
        let china = extract("川普簽令 芬太尼關稅降至10%\n美國總統川普將對中國進口商品課徵的芬太尼關稅調降至10%。", date: Day(year: 2025, month: 11, day: 5))
        XCTAssertNil(china.first { $0.target == "WORLD" })
        let stock = extract("有報道指歐盟延遲表決電動車關稅，小鵬升近7%。", date: Day(year: 2024, month: 9, day: 20))
        XCTAssertNil(stock.first { $0.kind == "tariff" })
    }

    func testAFromValueWithItsOwnMonthIsThatMonthsFigure() {
        let obs = extract("中國海關數據顯示，10月出口年減1.1%。進口增速同步降溫，由9月的7.4%放緩至1%。", date: Day(year: 2025, month: 11, day: 8))
        XCTAssertEqual(obs.first { $0.metric == "imports_change_pct" && $0.value == 7.4 }?.period, "2025-09")
        let october = obs.first { $0.metric == "imports_change_pct" && $0.value == 1 }
        XCTAssertEqual(october?.period, "2025-10")
        XCTAssertNil(october?.previous, "the September figure is an observation of its own, not a previous value")
        let simplified = extract("国家统计局公布，11月CPI同比涨幅由10月份的4.0%回落至2.4%。", date: Day(year: 2008, month: 12, day: 11))
        XCTAssertEqual(simplified.first { $0.metric == "cpi" && $0.value == 2.4 }?.period, "2008-11")
        XCTAssertEqual(simplified.first { $0.metric == "cpi" && $0.value == 4 }?.period, "2008-10")
        // with no period of its own, the from-value stays the previous value
        let revised = extract("美國商務部公布，第2季核心通膨率從2.5%上修至2.6%。", date: Day(year: 2025, month: 9, day: 26))
        XCTAssertEqual(revised.first { $0.value == 2.6 }?.previous, 2.5)
    }

    func testAnAsideInBracketsIsPartOfItsClause() {
        let obs = extract("新加坡金融管理局公布，11月核心通脹率(剔除住宿費用和私人交通價格,MAS Core Inflation)從10月份的3.3%下降至3.2%。", date: Day(year: 2023, month: 12, day: 26))
        XCTAssertEqual(obs.first { $0.metric == "core_cpi" && $0.value == 3.2 }?.period, "2023-11")
        let simplified = extract("统计局公布，日本核心CPI（不含生鲜食品，但含能源）同比上涨3.1%。", date: Day(year: 2023, month: 12, day: 22))
        XCTAssertEqual(find(simplified, "JP", "core_cpi")?.value, 3.1)
    }

    func testFromAndToPartedByAComma() {
        let obs = extract("渣打香港宣布，港元最優惠貸款利率將下調0.125厘，由年息5.375厘，調低至年息5.25厘。", date: Day(year: 2025, month: 10, day: 30))
        XCTAssertEqual(find(obs, "STANCHART", "prime_rate")?.value, 5.25)
        XCTAssertEqual(find(obs, "STANCHART", "prime_rate")?.previous, 5.375)
        XCTAssertNil(obs.first { $0.value == 5.375 })
        let simplified = extract("美联储宣布将联邦基金利率从1%，下调到0.25%。", date: Day(year: 2008, month: 12, day: 17))
        XCTAssertEqual(find(simplified, "FED", "policy_rate")?.previous, 1)
    }

    func testADayOfNextWeekNamesNeitherTheReportNorItsFigures() {
        // 下週一 is still to come: the move is the announcement's, on the page's day
        let obs = extract("渣打香港宣布，由下週一起，港元最優惠利率下調0.125厘。", date: Day(year: 2025, month: 10, day: 30))
        XCTAssertEqual(find(obs, "STANCHART", "prime_rate_change")?.date, "2025-10-30")
        let simplified = extract("中银香港宣布，下周二起最优惠利率下调0.125厘至5.25厘。", date: Day(year: 2025, month: 10, day: 30))
        XCTAssertEqual(simplified.first { $0.metric == "prime_rate" }?.date, "2025-10-30")
    }

    func testConverterPinyinGlossesInsideWords() {
        let page = "11日新臺(tái)幣對美元收盤大貶0.32元，收在32.080元。"
        let obs = extract(page, date: Day(year: 2015, month: 8, day: 12))
        let change = find(obs, "USD/TWD", "change")
        XCTAssertEqual(change?.value, 0.32)
        // spans are the page's as written, glosses counted
        let scalars = Array(page.unicodeScalars)
        if let c = change {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[c.start..<c.end])), c.text)
            XCTAssertEqual(c.text, "0.32元")
        }
        let simplified = extract("中国人民银行决定下调(tiáo)金融机构存款准(zhǔn)备金率0.5个百分点。", date: Day(year: 2021, month: 12, day: 6))
        XCTAssertEqual(find(simplified, "PBOC", "rrr_change")?.value, -0.5)
        // an author's tag after punctuation is no gloss
        XCTAssertNil(GlossFreeText.strip("滙豐宣布減息。(bi)"))
    }

    func testAnOldLevelAMoveAndTheNewLevel() {
        let obs = extract("中国人民银行宣布，一年期存款基准利率由现行的3.87%调低0.27个百分点至3.60%。", date: Day(year: 2008, month: 10, day: 29))
        XCTAssertEqual(find(obs, "PBOC", "deposit_rate_change")?.value, -0.27)
        XCTAssertEqual(find(obs, "PBOC", "deposit_rate")?.value, 3.6)
        XCTAssertEqual(find(obs, "PBOC", "deposit_rate")?.previous, 3.87)
        XCTAssertNil(obs.first { $0.value == 3.87 })
        let traditional = extract("滙豐宣布最優惠利率由5.875厘下調0.125厘至5.75厘。", date: Day(year: 2024, month: 9, day: 19))
        XCTAssertEqual(find(traditional, "HSBC", "prime_rate")?.previous, 5.875)
        XCTAssertEqual(find(traditional, "HSBC", "prime_rate_change")?.value, -0.125)
        // a company's year-ago figure in the from-phrase is its own period's observation
        let results = extract("2004年最後三個月，摩托羅拉銷售額從去年同期的69億美元攀升27%至88億美元。", date: Day(year: 2005, month: 1, day: 20))
        XCTAssertEqual(results.first { $0.metric == "revenue" && $0.value == 6.9e9 }?.period, "2003-Q4")
        XCTAssertEqual(results.first { $0.metric == "revenue" && $0.value == 8.8e9 }?.period, "2004-Q4")
    }

    func testHongKongsPIsThePrimeRate() {
        let up = extract("滙豐加P 0.25厘至5.625厘 連續第3次加息", date: Day(year: 2022, month: 12, day: 15))
        XCTAssertEqual(find(up, "HSBC", "prime_rate_change")?.value, 0.25)
        XCTAssertEqual(find(up, "HSBC", "prime_rate")?.value, 5.625)
        // a cut: the move is negative and the level is the level, never the range's ends swapped
        let down = extract("恒生银行减P 0.125厘至5.75厘。", date: Day(year: 2024, month: 12, day: 20))
        XCTAssertEqual(find(down, "HANG-SENG-BANK", "prime_rate_change")?.value, -0.125)
        XCTAssertEqual(find(down, "HANG-SENG-BANK", "prime_rate")?.value, 5.75)
    }

    func testAListOfResultsTakesTheResultNamedBefore() {
        let obs = extract("個別公司方面，鴻海（2317）前3季稅後淨利1,614億元；廣達（2382）534億元。緯穎（6669）373億元、華碩（2357）357億元依序排在其後。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(obs.first { $0.value == 3.57e10 }?.metric, "net_income")
        XCTAssertEqual(obs.first { $0.value == 3.73e10 }?.metric, "net_income")
        let simplified = extract("比亚迪前三季度营收5662亿元；长城汽车1423亿元。", date: Day(year: 2025, month: 10, day: 31))
        XCTAssertEqual(simplified.first { $0.value == 1.423e11 }?.metric, "revenue")
        // turnover beside a stock stays no result
        let market = extract("台積電稅後淨利4523億元。台股成交值新台幣7365.1億元，台積電收1,680元。", date: Day(year: 2026, month: 1, day: 8))
        XCTAssertNil(market.first { $0.value == 7.3651e11 && $0.kind == "financial" })
    }

    func testAForeignListingsTagBeforeItsCode() {
        let obs = extract("營業利益率方面，統領（2910）54.53％、材料-KY（4763）53.12％分列第4、第5。", date: Day(year: 2025, month: 11, day: 20))
        XCTAssertEqual(find(obs, "4763.TW", "operating_margin")?.value, 53.12)
        XCTAssertEqual(find(obs, "2910.TW", "operating_margin")?.value, 54.53)
        let move = extract("康友-KY(6452)股價大跌9.9%，收在52.1元。", date: Day(year: 2021, month: 3, day: 2))
        XCTAssertEqual(find(move, "6452.TW", "change_pct")?.value, -9.9)
    }

    func testHongKongResultsWordsPlaceThePage() {
        let obs = extract("粵海投資(00270)公布全年業績，純利約31.2億元，每股盈利47.75仙，派末期息每股12.33仙。", date: Day(year: 2024, month: 3, day: 26))
        XCTAssertEqual(obs.first { $0.metric == "net_income" }?.unit, "HKD")
        let interim = extract("恒基地產中期溢利按年增長8%至5.2億元，派中期息每股10港仙。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(interim.first { $0.value == 5.2e8 }?.unit, "HKD")
    }

    func testMonthsFromOneToAnotherAndAResultThatIsALoss() {
        let obs = extract("日產汽車6日公布，2025年4至9月的上半財年合併淨損益為虧損2219億日圓；營業損益為虧損276億日圓。", date: Day(year: 2025, month: 11, day: 7))
        XCTAssertEqual(find(obs, "NISSAN", "net_income")?.value, -2.219e11)
        XCTAssertEqual(find(obs, "NISSAN", "net_income")?.period, "2025-04/2025-09")
        XCTAssertEqual(find(obs, "NISSAN", "operating_income")?.value, -2.76e10)
        let simplified = extract("比亚迪公布，今年3至8月的营业收入为1200亿元人民币。", date: Day(year: 2025, month: 11, day: 7))
        XCTAssertEqual(simplified.first { $0.metric == "revenue" }?.period, "2025-03/2025-08")
    }

    func testCountriesMovingInATeaserAboutOneEconomicMetric() {
        let page = "歐元區第三季經濟較上季萎縮0.2%\n歐盟統計局公布，歐元區第三季度經濟較上季下滑0.2%。德國和法國在第二季度都萎縮了0.1%；義大利第三季度環比增長0.3%。"
        let obs = extract(page, date: Day(year: 2012, month: 11, day: 15))
        XCTAssertEqual(obs.first { $0.subject == "DE" && $0.metric == "gdp_growth" }?.value, -0.1)
        XCTAssertEqual(obs.first { $0.subject == "FR" && $0.metric == "gdp_growth" }?.value, -0.1)
        XCTAssertEqual(obs.first { $0.subject == "IT" && $0.metric == "gdp_growth" }?.value, 0.3)
        let simplified = extract("美国10月CPI同比上涨3.2%\n美国劳工部公布，10月CPI同比上涨3.2%。英国同期上涨4.6%。", date: Day(year: 2023, month: 11, day: 15))
        XCTAssertEqual(simplified.first { $0.subject == "GB" }?.metric, "cpi")
        // 和去年同期相比，第三季度…: the comparison ends at the comma; the quarter is the figure's
        let yearOnYear = extract("歐元區第三季經濟環比下滑0.1%\n和去年同期相比，第三季度歐元區負增長0.6%。", date: Day(year: 2012, month: 11, day: 15))
        XCTAssertEqual(find(yearOnYear, "EA", "gdp_growth")?.period, "2012-Q3")
        // a stock market teaser names no economic metric: a country's move there is no GDP
        let market = extract("亞股收盤\n日本上漲1.2%，南韓下跌0.5%。", date: Day(year: 2023, month: 11, day: 15))
        XCTAssertNil(market.first { $0.kind == "macro" })
    }

    func testAShortTextInSimplifiedFormsIsMainland() {
        let obs = extract("比亚迪前三季度营收5662亿元。", date: Day(year: 2025, month: 10, day: 31))
        XCTAssertEqual(obs.first { $0.metric == "revenue" }?.unit, "CNY")
        let move = extract("茅台股价收报1450元。", date: Day(year: 2025, month: 10, day: 31))
        XCTAssertEqual(move.first { $0.metric == "close" }?.unit, "CNY")
        // with no Simplified form, a short text keeps the Traditional default
        let taiwan = extract("台積電營收5662億元。", date: Day(year: 2025, month: 10, day: 31))
        XCTAssertEqual(taiwan.first { $0.metric == "revenue" }?.unit, "TWD")
    }

    func testAResultsFromValueIsTheYearBeforesFigure() {
        let obs = extract("（吉隆坡24日讯）大众银行第三季营业额从48亿1000万令吉，增至55亿令吉。", date: Day(year: 2022, month: 11, day: 24))
        XCTAssertEqual(obs.first { $0.value == 4.81e9 }?.period, "2021-Q3")
        XCTAssertNil(obs.first { $0.value == 5.5e9 }?.previous)
        XCTAssertEqual(obs.first { $0.value == 5.5e9 }?.period, "2022-Q3")
        let traditional = extract("（吉隆坡24日訊）馬電訊第二季每股盈利從5.79仙彈升至10.02仙。", date: Day(year: 2022, month: 8, day: 24))
        XCTAssertEqual(traditional.first { $0.metric == "eps" && $0.value == 0.0579 }?.period, "2021-Q2")
        // a rate's old level stays the previous value
        let rate = extract("馬來西亞國家銀行宣布，隔夜政策利率由2.75%上調至3%。", date: Day(year: 2023, month: 5, day: 3))
        XCTAssertEqual(rate.first { $0.value == 3 }?.previous, 2.75)
    }

    func testANameStartingInsideTheWordBeforeItIsNone() {
        let obs = extract("能源板塊重挫，其中石油勘察公司（Oil Search）暴跌35.17%。", date: Day(year: 2020, month: 3, day: 9))
        XCTAssertNil(obs.first { $0.subject == "PETROCHINA" })
        XCTAssertEqual(obs.first { $0.value == -35.17 }?.subject, "石油勘察公司")
        let simplified = extract("四大银行全数下跌逾10%，其中国民银行（NAB）下跌12.44%。", date: Day(year: 2020, month: 3, day: 16))
        XCTAssertNil(simplified.first { $0.subject.hasSuffix("全数") })
    }

    func testACompanyAnnouncingItsResultsIsTheirSubject() {
        // an unknown company named before 公布/宣佈 (past a time word) owns the results that follow
        let simplified = extract("瑞昌控股12日公布，截至去年12月31日的全年净利为2亿7080万元，按年增加5%。", date: Day(year: 2024, month: 2, day: 20))
        XCTAssertEqual(simplified.first { $0.metric == "net_income" }?.subject, "瑞昌控股")
        XCTAssertEqual(simplified.first { $0.metric == "net_income_change_pct" }?.subject, "瑞昌控股")
        let traditional = extract("東嶺機械集團昨天宣佈，第三季稅後純益達5.2億元。", date: Day(year: 2024, month: 11, day: 8))
        XCTAssertEqual(traditional.first { $0.metric == "net_income" }?.subject, "東嶺機械集團")
        // a country opening such a name is part of it
        let country = extract("新加坡置地集团昨天公布，全年净利为2亿7080万元。", date: Day(year: 2024, month: 2, day: 20))
        XCTAssertEqual(country.first { $0.metric == "net_income" }?.subject, "新加坡置地集团")
        // a name that does not end like a company's is no subject (市場人士公布…)
        let notAName = extract("市場人士昨天公布，全年淨利為2億元。", date: Day(year: 2024, month: 2, day: 20))
        XCTAssertNil(notAName.first { $0.metric == "net_income" })
    }

    func testATariffSentenceNamingNoPartyTakesTheMeasureStatedBefore() {
        // the levier and target of the measure an earlier sentence states carry to a rate whose sentence names neither
        let traditional = extract("日本政府宣布，決定對原產於韓國的部分進口商品加徵關稅。對清單一所列商品加徵15%的關稅，對清單二所列商品加徵8%的關稅。",
                                  date: Day(year: 2019, month: 6, day: 3))
        let rates = traditional.filter { $0.metric == "tariff_rate" }
        XCTAssertEqual(rates.map(\.value), [15, 8])
        XCTAssertEqual(rates.map(\.target), ["KR", "KR"])
        XCTAssertEqual(rates.map(\.subject), ["JP", "JP"])
        let simplified = extract("国务院关税税则委员会决定对原产于加拿大的油菜籽加征关税。其中，第一批商品加征10%的关税；第二批加征25%的关税。",
                                 date: Day(year: 2025, month: 3, day: 8))
        XCTAssertEqual(simplified.filter { $0.metric == "tariff_rate" }.map(\.subject), ["CN", "CN"])
        XCTAssertEqual(simplified.filter { $0.metric == "tariff_rate" }.map(\.target), ["CA", "CA"])
        // a later figure's own target wins over an older statement
        let later = extract("美國宣布對中國商品加徵關稅。歐盟對越南加徵20%的關稅，另外加徵5%的附加關稅。", date: Day(year: 2025, month: 3, day: 8))
        XCTAssertEqual(later.filter { $0.metric == "tariff_rate" }.map(\.target), ["VN", "VN"])
    }

    func testTheValueOfGoodsATariffCoversIsNoTrade() {
        let traditional = extract("美國政府宣布對從中國進口的約2000億美元商品加徵10%關稅。", date: Day(year: 2018, month: 7, day: 11))
        XCTAssertNil(traditional.first { $0.kind == "macro" })
        XCTAssertEqual(traditional.first { $0.kind == "tariff" }?.value, 10)
        let simplified = extract("欧盟决定对价值约180亿美元的美国产品征收报复性关税。", date: Day(year: 2018, month: 6, day: 1))
        XCTAssertNil(simplified.first { $0.kind == "macro" })
        // without a tariff, imports stay the economy's
        let trade = extract("中國上月自美國進口商品約120億美元。", date: Day(year: 2018, month: 6, day: 1))
        XCTAssertEqual(trade.first { $0.kind == "macro" }?.metric, "imports")
    }

    func testATariffSentenceNamingNoLevierContinuesTheTeasersLast() {
        // levier, list of targets and day carry from the measure stated before; the default (the US) does not apply
        let traditional = extract("美國加強對中貿易壁壘。巴西國會週三（12月10日）批准對中國、印度和越南等國家的進口產品徵收最高40%的關稅。這些產品涵蓋鋼鐵與汽車，稅率將達5%至40%不等。",
                                  date: Day(year: 2025, month: 12, day: 12))
        let range = traditional.filter { $0.text == "5%至40%" }
        XCTAssertEqual(range.map(\.subject), ["BR", "BR", "BR"])
        XCTAssertEqual(range.map(\.target), ["CN", "IN", "VN"])
        XCTAssertEqual(range.first?.date, "2025-12-10")
        let simplified = extract("美国早前已对中国加征关税。土耳其议会周二（3月4日）通过法案，对中国电动车加征40%的关税，税率将于明年逐步降至30%。",
                                 date: Day(year: 2025, month: 3, day: 6))
        XCTAssertEqual(simplified.first { $0.value == 30 }?.subject, "TR")
        XCTAssertEqual(simplified.first { $0.value == 30 }?.target, "CN")
    }

    func testATradeMetricNearestTheFigureIsTheEconomysInTariffNews() {
        let traditional = extract("韓國8月出口創新高。受美國關稅衝擊，8月對美出口年減12%。", date: Day(year: 2025, month: 9, day: 1))
        XCTAssertNil(traditional.first { $0.kind == "tariff" })
        XCTAssertEqual(traditional.first { $0.value == -12 }?.metric, "exports_change_pct")
        let simplified = extract("日本7月出口下降。受美国关税影响，7月对美出口同比下降10.1%。", date: Day(year: 2025, month: 8, day: 20))
        XCTAssertNil(simplified.first { $0.kind == "tariff" })
        // a levy word between keeps it a tariff
        let levy = extract("美國宣布對韓國出口至美國的汽車加徵25%關稅。", date: Day(year: 2025, month: 9, day: 1))
        XCTAssertEqual(levy.first { $0.value == 25 }?.kind, "tariff")
        // the share of exports a tariff exempts stays a tariff figure
        let exempt = extract("美國已推出3輪關稅豁免，其中涵蓋2024年越南對美出口的38.5%。", date: Day(year: 2025, month: 12, day: 13))
        XCTAssertEqual(exempt.first { $0.value == 38.5 }?.metric, "tariff_exempt_share")
        let exemptSimplified = extract("美国推出关税豁免，覆盖泰国对美出口的41%。", date: Day(year: 2025, month: 12, day: 13))
        XCTAssertEqual(exemptSimplified.first { $0.value == 41 }?.metric, "tariff_exempt_share")
    }

    func testSpacesSetAroundFiguresAreReadThrough() {
        // a house style that sets spaces around figures: the figures read as if written without them
        let traditional = extract("財政部今日公布，113 年 11 月出口金額達 512.3 億美元，年增率 21.6%，進口 401.2 億美元。",
                                  date: Day(year: 2024, month: 12, day: 9))
        XCTAssertEqual(traditional.first { $0.metric == "exports" }?.value, 5.123e10)
        XCTAssertEqual(traditional.first { $0.metric == "exports" }?.period, "2024-11")
        XCTAssertEqual(traditional.first { $0.metric == "exports" }?.text, "512.3 億美元")
        let simplified = extract("海关总署公布，10 月出口 3056 亿美元，同比增长 12.7%，进口 2181 亿美元。", date: Day(year: 2024, month: 11, day: 7))
        XCTAssertEqual(simplified.first { $0.metric == "imports" }?.value, 2.181e11)
        // a headline's spaces part its phrases and stay
        let headline = extract("道指漲1.2% 標普漲0.5% 那指漲0.3%", date: Day(year: 2024, month: 11, day: 7))
        XCTAssertEqual(headline.filter { $0.kind == "index" }.count, 3)
    }

    func testBalanceSheetItemsAndTheirMovesAreNoStockMoves() {
        let traditional = extract("截至九月底，寧德時代總資產為8960.82億元，比上年度末增加13.91%，負債率約為61.27%。", date: Day(year: 2025, month: 10, day: 21))
        XCTAssertNil(traditional.first { $0.kind == "equity" })
        let simplified = extract("比亚迪总负债较年初增加8.5%，货币资金减少3.2%。", date: Day(year: 2025, month: 10, day: 31))
        XCTAssertNil(simplified.first { $0.kind == "equity" })
        // a share price move stays one
        let move = extract("寧德時代股價上漲3.5%。", date: Day(year: 2025, month: 10, day: 21))
        XCTAssertEqual(move.first?.metric, "change_pct")
    }

    func testAMainlandCompanyListedAlsoInHongKongReportsInRenminbi() {
        // whichever listing comes first, a Shanghai or Shenzhen one makes bare 元 renminbi
        let traditional = extract("寧德時代前三季度實現營收2830.72億元，同比提升9.28%。", date: Day(year: 2025, month: 10, day: 21))
        XCTAssertEqual(traditional.first { $0.metric == "revenue" }?.unit, "CNY")
        // 同比提升: 提 belongs to the verb, no company is named 同比提
        XCTAssertEqual(traditional.first { $0.metric == "revenue_change_pct" }?.subject, "CATL")
        let hongKongFirst = extract("比亞迪上半年營收3712.8億元，按年增長23.3%。", date: Day(year: 2025, month: 8, day: 29))
        XCTAssertEqual(hongKongFirst.first { $0.metric == "revenue" }?.unit, "CNY")
    }

    func testASpanOfDaysInDigitsIsNoDayOfTheMonth() {
        let traditional = extract("港股結束過去連續14日升市。恒指收市報31338點，跌73點。", date: Day(year: 2018, month: 1, day: 15))
        XCTAssertEqual(traditional.first { $0.metric == "close" }?.date, "2018-01-15")
        let simplified = extract("沪指近20日累计上涨5%，今日收报3350点。", date: Day(year: 2024, month: 3, day: 8))
        XCTAssertEqual(simplified.first { $0.metric == "close" }?.date, "2024-03-08")
    }

    func testADistanceBetweenTwoLevelsIsNoFigure() {
        let traditional = extract("道瓊工業指數收在15676.94點，比前次紀錄還高出18點。", date: Day(year: 2013, month: 9, day: 18))
        XCTAssertEqual(traditional.filter { $0.kind == "index" }.map(\.value), [15676.94])
        let simplified = extract("恒指今早曾升至31733点，距离纪录高位只差225点。", date: Day(year: 2018, month: 1, day: 15))
        XCTAssertNil(simplified.first { $0.value == 225 })
    }

    func testABareMovePairedWithItsPercentIsInPoints() {
        let traditional = extract("道瓊工業指數上揚147.21或0.95%，收在15676.94。", date: Day(year: 2013, month: 9, day: 18))
        XCTAssertEqual(find(traditional, "DJI", "change")?.value, 147.21)
        XCTAssertEqual(find(traditional, "DJI", "change_pct")?.value, 0.95)
        let simplified = extract("纳斯达克指数下跌52.3，或1.1%，收于4610.2。", date: Day(year: 2014, month: 4, day: 10))
        XCTAssertEqual(find(simplified, "IXIC", "change")?.value, -52.3)
        // two percents joined by 或 stay two percents
        let percents = extract("分析師預計恒指將下跌3或4%。", date: Day(year: 2014, month: 4, day: 10))
        XCTAssertNil(percents.first { $0.unit == "pt" })
    }

    func testAWiresDatelineAfterARepostsHeaderDatesItsToday() {
        let traditional = extract("【新紀元9月19日報導】（中央社紐約18日法新電）美國股市今天大漲，道瓊工業指數上揚147.21點，收在15676.94點。",
                                  date: Day(year: 2013, month: 9, day: 19))
        XCTAssertEqual(find(traditional, "DJI", "close")?.date, "2013-09-18")
        let simplified = extract("【星岛网3月5日消息】（新华社纽约4日电）纽约股市今天下跌，道琼斯指数收于32856.46点。",
                                 date: Day(year: 2023, month: 3, day: 5))
        XCTAssertEqual(find(simplified, "DJI", "close")?.date, "2023-03-04")
    }

    func testAClauseOpeningWithTheSharePriceIsAboutTheSentencesTopic() {
        let traditional = extract("輝達表示計劃向OpenAI投資1000億美元，股價開高走低下跌2.82%，收在178.43美元。", date: Day(year: 2025, month: 9, day: 22))
        XCTAssertEqual(find(traditional, "NVIDIA", "change_pct")?.value, -2.82)
        XCTAssertEqual(find(traditional, "NVIDIA", "close")?.value, 178.43)
        XCTAssertNil(traditional.first { $0.subject == "OPENAI" })
        let simplified = extract("台积电宣布与英特尔合作开发新制程，股价上涨3.1%，收报1040元。", date: Day(year: 2025, month: 9, day: 22))
        XCTAssertEqual(simplified.first { $0.metric == "change_pct" }?.subject, "TSMC")
        XCTAssertEqual(simplified.first { $0.metric == "close" }?.subject, "TSMC")
    }

    func testALongNameAfterADescriptorAndAsciiPunctuationIsACompany() {
        let simplified = extract("位于涨幅前五位的个股分别为:贵金属生产商弗雷斯尼洛股价上涨4.55%,英国石油股价上涨1.54%。", date: Day(year: 2018, month: 3, day: 26))
        XCTAssertEqual(simplified.first { $0.value == 4.55 }?.subject, "弗雷斯尼洛")
        let traditional = extract("跌幅居前的個股為:包裝紙製造商斯墨菲卡帕集團股價下跌4.12%。", date: Day(year: 2018, month: 3, day: 26))
        XCTAssertEqual(traditional.first { $0.value == -4.12 }?.subject, "斯墨菲卡帕集團")
        // 亦微升: the adverb and the verb are no part of the name
        let slight = extract("美團點評亦微升0.3%，報223元。", date: Day(year: 2020, month: 8, day: 10))
        XCTAssertEqual(slight.first { $0.value == 0.3 }?.subject, "MEITUAN")
    }

    func testACentralBanksGovernorActsForIt() {
        // the governor named in the rate's sentence is nearer than another bank named before him
        let traditional = extract("美國聯準會才宣佈降息，彭淮南30日隨即召開臨時理事會，宣佈調降擔保放款融通利率1碼，由3.625%調整為3.375%。",
                                  date: Day(year: 2008, month: 10, day: 30))
        XCTAssertEqual(traditional.first { $0.value == 3.375 }?.subject, "CBC")
        let simplified = extract("美联储宣布减息后，潘功胜宣布下调7天逆回购利率10个基点。", date: Day(year: 2024, month: 9, day: 24))
        XCTAssertEqual(simplified.first { $0.unit == "pp" }?.subject, "PBOC")
    }

    func testAMoveGivenToEachOfAListOfSharesIsEverySharesMove() {
        let traditional = extract("中石油當日下跌4.73%，工行、建行、中石化、交行跌幅均超過8%。", date: Day(year: 2008, month: 1, day: 22))
        let eight = traditional.filter { $0.value == -8 }
        XCTAssertEqual(Set(eight.map(\.subject)), ["ICBC", "CCB", "SINOPEC", "BANKCOMM"])
        XCTAssertEqual(eight.first?.qualifier, "over")
        let simplified = extract("腾讯、阿里巴巴和美团都上涨3%。", date: Day(year: 2024, month: 5, day: 2))
        XCTAssertEqual(Set(simplified.filter { $0.value == 3 }.map(\.subject)), ["TENCENT", "ALIBABA", "MEITUAN"])
        // without a word of "each", only the last name moves
        let last = extract("腾讯、阿里巴巴和美团上涨3%。", date: Day(year: 2024, month: 5, day: 2))
        XCTAssertEqual(last.filter { $0.value == 3 }.map(\.subject), ["MEITUAN"])
    }

    func testTheSameDayIsTheSessionASentenceBeforeGave() {
        // 當日 after a sentence giving the session's day (周四) is that day, not the dateline's
        let simplified = extract("北京时间9月28日凌晨消息，纽约原油期货价格周四收盘上涨。当日，轻质原油期货价格上涨1.87美元，报收于每桶91.85美元。",
                                 date: Day(year: 2012, month: 9, day: 28))
        XCTAssertEqual(find(simplified, "WTI", "close")?.date, "2012-09-27")
        let traditional = extract("台北時間3月8日清晨消息，紐約股市週四收盤下跌。當天道瓊工業指數下跌245點，收在38661點。",
                                  date: Day(year: 2024, month: 3, day: 8))
        XCTAssertEqual(find(traditional, "DJI", "close")?.date, "2024-03-07")
        // a day's close taken as the basis of a sum is no session
        let basis = extract("韩国综合股价指数25日上涨1.91%。以24日收盘价计算，韩国股市总市值达3.76万亿美元。日本股市同日上涨2.2%，日经225指数收于58583.12点。",
                            date: Day(year: 2026, month: 2, day: 25))
        XCTAssertEqual(find(basis, "N225", "close")?.date, "2026-02-25")
    }

    // MARK: session 9

    func testDatedFooterAfterTheReferenceDateStillDatesItsTeaser() {
        // a collection dated by its oldest report: a later report's footer is its own day
        let traditional = extract("""
        美股收盤 道瓊上漲1%
        道瓊工業指數上漲150點，收在21000點。
        某某新聞 ・ 2016/03/02

        那斯達克指數下跌0.5%，收在7300點。
        另一報 ・ 2018/05/10
        """, date: Day(year: 2016, month: 3, day: 2))
        XCTAssertEqual(find(traditional, "DJI", "close")?.date, "2016-03-02")
        XCTAssertEqual(find(traditional, "IXIC", "close")?.date, "2018-05-10")
        let simplified = extract("""
        铜价周二上涨2%，报每吨9800美元。
        某报 ・ 2021-04-07

        金价周二下跌1%，报每盎司1900美元。
        某网 ・ 2023-06-14
        """, date: Day(year: 2021, month: 4, day: 7))
        XCTAssertEqual(find(simplified, "COPPER", "change_pct")?.date, "2021-04-06")
        XCTAssertEqual(find(simplified, "XAU", "change_pct")?.date, "2023-06-13")
    }

    func testNoticeDayInBracketsIsTodayAndNotJapan() {
        // 本(28)日本行: an official notice's own day, then 本行 — not 日本
        let notice = extract("本(28)日本行理事會決議，本行重貼現率、擔保放款融通利率及短期融通利率各調升0.125個百分點，分別由年息1.50%、1.875%及3.75%調整為1.625%、2.00%及3.875%。",
                             date: Day(year: 2011, month: 4, day: 28))
        XCTAssertFalse(notice.contains { $0.subject == "BOJ" })
        XCTAssertEqual(find(notice, "CBC", "policy_rate")?.value, 1.625)
        XCTAssertEqual(find(notice, "CBC", "secured_lending_rate")?.value, 2.0)
        XCTAssertEqual(find(notice, "CBC", "policy_rate")?.date, "2011-04-28")
        let other = extract("本（3）日本公司董事會通過，台積電股價上漲1.5%。", date: Day(year: 2024, month: 5, day: 3))
        XCTAssertFalse(other.contains { $0.subject == "N225" || $0.subject == "BOJ" || $0.subject == "JP" })
        XCTAssertEqual(find(other, "TSMC", "change_pct")?.date, "2024-05-03")
    }

    func testCommodityPriceRisenOrFallenToInAClosingSentenceIsTheClose() {
        let traditional = extract("現貨白銀3日收盤上漲1.2%至每盎司31.45美元。")
        XCTAssertEqual(find(traditional, "XAG", "close")?.value, 31.45)
        XCTAssertNil(find(traditional, "XAG", "level"))
        let simplified = extract("纽约商品交易所铜期货收盘下跌0.8%至每磅4.12美元。")
        XCTAssertEqual(find(simplified, "COPPER", "close")?.value, 4.12)
        // without a closing word the print stays a level
        let level = extract("現貨黃金下跌0.3%至每盎司2,650美元。")
        XCTAssertEqual(find(level, "XAU", "level")?.value, 2650)
    }

    func testCommodityTouchCalledARecordPriceAfterItIsAHigh() {
        let traditional = extract("現貨黃金周四曾觸及每盎司2,790.15美元的紀錄高價。")
        XCTAssertEqual(find(traditional, "XAU", "high")?.value, 2790.15)
        let simplified = extract("布兰特原油周一一度跌至每桶58.4美元的低价，随后回升。")
        XCTAssertEqual(find(simplified, "BRENT", "low")?.value, 58.4)
    }

    func testFooterDateWrittenDayFirst() {
        let hongKong = extract("""
        恒指收市跌1.2%
        恒生指數收市跌1.2%，報19,850點。
        某通訊社 ・ 03/11/2025 12:13
        """, date: Day(year: 2025, month: 11, day: 5))
        XCTAssertEqual(find(hongKong, "HSI", "close")?.date, "2025-11-03")
        let malaysia = extract("""
        综指收低
        富时隆综指闭市跌3.5点，报1,580.2点。
        某论坛 · 20-7-2020 12:50 PM
        """, date: Day(year: 2020, month: 7, day: 22))
        XCTAssertEqual(find(malaysia, "KLCI", "close")?.date, "2020-07-20")
    }

    func testBracketedOutletHeaderYieldsToTheWireDatelineAfterIt() {
        let traditional = extract("【某電視01月01日訊】(中央社記者香港31日電)今天是港股今年最後一個交易日，恆生指數收盤報14,387點，上漲152點。",
                                  date: Day(year: 2009, month: 1, day: 1))
        XCTAssertEqual(find(traditional, "HSI", "close")?.date, "2008-12-31")
        let simplified = extract("【某网3月2日讯】(新华社纽约1日电)1日纽约股市三大股指下跌，道琼斯指数收于16,800点。",
                                 date: Day(year: 2016, month: 3, day: 2))
        XCTAssertEqual(find(simplified, "DJI", "close")?.date, "2016-03-01")
    }

    func testPerShareFigureRightAfterAResultIsEarningsPerShare() {
        let malaysia = extract("(吉隆坡15日讯)云顶大马第三季净赚2亿5000万令吉或每股4.21仙。", date: Day(year: 2019, month: 11, day: 15))
        XCTAssertEqual(find(malaysia, "GENTING-MY", "eps")?.value ?? 0, 0.0421, accuracy: 1e-9)
        XCTAssertEqual(find(malaysia, "GENTING-MY", "eps")?.unit, "MYR")
        XCTAssertEqual(find(malaysia, "GENTING-MY", "net_income")?.value, 2.5e8)
        let hongKong = extract("長和中期純利按年增長5%至95億港元，即每股2.46港元。", date: Day(year: 2024, month: 8, day: 15))
        XCTAssertEqual(find(hongKong, "CKH", "eps")?.value, 2.46)
        XCTAssertEqual(find(hongKong, "CKH", "net_income")?.value, 9.5e9)
    }

    func testUnknownCompanyNamedWithItsRegisteredLatinName() {
        let malaysia = extract("(吉隆坡5日讯)南方钢铁(Southern Steel Works (SSW) Bhd)第二季净利按年增长12%至880万令吉。南方钢铁今日闭市起2仙。",
                               date: Day(year: 2022, month: 8, day: 5))
        XCTAssertEqual(find(malaysia, "南方钢铁", "net_income")?.value, 8.8e6)
        XCTAssertEqual(find(malaysia, "南方钢铁", "net_income")?.unit, "MYR")
        let taiwan = extract("寶聯科技(Baolian Technology Corp.)公布第三季營收12億美元，年增8%。", date: Day(year: 2023, month: 11, day: 2))
        XCTAssertEqual(find(taiwan, "寶聯科技", "revenue")?.value, 1.2e9)
        // an English gloss that is no company form stays no name
        let gloss = extract("消費者物價指數(Consumer Price Index)上漲2.1%。", date: Day(year: 2023, month: 11, day: 2))
        XCTAssertFalse(gloss.contains { $0.kind == "financial" || $0.kind == "equity" })
    }

    func testCompanyBoughtIsNotTheReporterOfLaterResults() {
        let simplified = extract("大华银行第三季净利上升5%至14亿元。这包括收购花旗集团在泰国零售业务的3000万元开支。集团首九个月净利增加12%，为43亿元。",
                                 date: Day(year: 2023, month: 11, day: 6))
        XCTAssertEqual(find(simplified, "UOB", "net_income")?.value, 1.4e9)
        XCTAssertTrue(simplified.contains { $0.subject == "UOB" && $0.metric == "net_income" && $0.value == 4.3e9 })
        XCTAssertFalse(simplified.contains { $0.subject == "CITIGROUP" })
        let traditional = extract("國泰金控前三季稅後淨利300億元。公司去年併購花旗集團在台消金業務後，今年前三季每股盈餘2.1元。",
                                  date: Day(year: 2024, month: 11, day: 8))
        XCTAssertFalse(traditional.contains { $0.subject == "CITIGROUP" })
        XCTAssertEqual(find(traditional, "CATHAY-FHC", "eps")?.value, 2.1)
    }

    func testChangeAgainstAYearAndPeriodWrittenTogetherKeepsTheFiguresOwnPeriod() {
        let arabic = extract("網易2024年第三季營收為262億元，較2023年第三季減少4%。", date: Day(year: 2024, month: 11, day: 14))
        XCTAssertEqual(find(arabic, "NETEASE", "revenue_change_pct")?.period, "2024-Q3")
        XCTAssertEqual(find(arabic, "NETEASE", "revenue")?.period, "2024-Q3")
        let chinese = extract("比亚迪二〇二四年上半年营收3,011亿元，较二〇二三年上半年增长15.8%。", date: Day(year: 2024, month: 8, day: 28))
        XCTAssertEqual(find(chinese, "BYD", "revenue_change_pct")?.period, "2024-Q1/2024-Q2")
        XCTAssertEqual(find(chinese, "BYD", "revenue_change_pct")?.value, 15.8)
    }

    func testSectorAfterAVerbAndSectorGroups() {
        let traditional = extract("加權指數上漲120點，台積電大漲，帶動電子類股指數上漲1.2%，航運族群下跌0.8%，櫃買OTC指數上漲1.5%。",
                                  date: Day(year: 2025, month: 6, day: 3))
        XCTAssertEqual(find(traditional, "TAIEX/電子", "change_pct")?.value, 1.2)
        XCTAssertEqual(find(traditional, "TAIEX/航運", "change_pct")?.value, -0.8)
        XCTAssertEqual(find(traditional, "TPEX", "change_pct")?.value, 1.5)
        XCTAssertFalse(traditional.contains { $0.subject.hasPrefix("TAIEX/帶動") })
        let simplified = extract("上证指数涨0.5%，券商股拉升，推升证券板块上涨2.1%。", date: Day(year: 2025, month: 6, day: 3))
        XCTAssertEqual(find(simplified, "SSEC/证券", "change_pct")?.value, 2.1)
    }

    func testListedBankWithItsCodeKeepsTheBanksId() {
        let traditional = extract("中銀香港(2388)宣布，港元最優惠利率由年利率5.25厘調整至5.125厘。", date: Day(year: 2025, month: 9, day: 18))
        XCTAssertEqual(find(traditional, "BOCHK", "prime_rate")?.value, 5.125)
        XCTAssertFalse(traditional.contains { $0.subject == "2388.HK" })
        let simplified = extract("渣行(2888)宣布下调港元最优惠利率0.125厘。", date: Day(year: 2025, month: 9, day: 18))
        XCTAssertEqual(find(simplified, "STANCHART", "prime_rate_change")?.value, -0.125)
    }

    func testCommonWordHoldingACompanyNameIsNoName() {
        let traditional = extract("輝達資料中心收入達500億美元，但遊戲部門表現未如理想，收入下跌5%。", date: Day(year: 2025, month: 8, day: 28))
        XCTAssertFalse(traditional.contains { $0.subject == "LI-AUTO" })
        let simplified = extract("蔚来第二季收入不理想，同比下滑8%至98亿元。理想汽车第二季收入增长12%。", date: Day(year: 2025, month: 8, day: 28))
        XCTAssertFalse(simplified.contains { $0.subject == "LI-AUTO" && $0.value == 9.8e9 })
        XCTAssertTrue(simplified.contains { $0.subject == "LI-AUTO" && $0.value == 12 })
    }

    func testFromValueBeforeACommaAndAYearOnYearMoveIsTheYearAgoResult() {
        let simplified = extract("(吉隆坡20日讯)云顶大马第二季净利从3亿令吉，按年下跌20%至2亿4000万令吉；并派发5仙的中期股息。", date: Day(year: 2021, month: 8, day: 20))
        XCTAssertEqual(simplified.first { $0.metric == "net_income" && $0.value == 3e8 }?.period, "2020-Q2")
        XCTAssertEqual(simplified.first { $0.metric == "net_income" && $0.value == 2.4e8 }?.period, "2021-Q2")
        XCTAssertFalse(simplified.contains { $0.kind == "equity" && $0.metric == "close" })
        let traditional = extract("長和上半年營業額由2,100億港元，按年增長5%至2,205億港元。", date: Day(year: 2024, month: 8, day: 15))
        XCTAssertEqual(traditional.first { $0.metric == "revenue" && $0.value == 2.1e11 }?.period, "2023-Q1/2023-Q2")
        XCTAssertEqual(traditional.first { $0.metric == "revenue" && $0.value == 2.205e11 }?.period, "2024-Q1/2024-Q2")
    }

    func testRegionWordsAndCausesAreNoCompanies() {
        let traditional = extract("迅銷全年營收3.4兆日圓。東南亞地區營收增長14.6%，南亞地區營收則增長20%。", date: Day(year: 2025, month: 10, day: 10))
        XCTAssertFalse(traditional.contains { $0.subject == "NANYA" })
        let simplified = extract("新加坡置地全年净利下跌40%，原因是投资房地产公允价值收益减半至1亿元；全年营收增加12%至6亿元。", date: Day(year: 2024, month: 2, day: 28))
        XCTAssertFalse(simplified.contains { $0.subject.contains("原因") })
    }

    func testMetricLeftOutOfTheFigureIsNotItsMetric() {
        let traditional = extract("美國第2季GDP在剔除通膨與季節因素並折算年率後萎縮0.6%。", date: Day(year: 2023, month: 7, day: 28))
        XCTAssertEqual(find(traditional, "US", "gdp_growth")?.value, -0.6)
        XCTAssertNil(find(traditional, "US", "cpi"))
        let simplified = extract("日本第三季国内生产总值扣除物价因素后萎缩0.4%。", date: Day(year: 2023, month: 11, day: 15))
        XCTAssertEqual(find(simplified, "JP", "gdp_growth")?.value, -0.4)
        XCTAssertNil(find(simplified, "JP", "cpi"))
    }

    func testYieldTenorsInMonthsCountryAfterTheTenorAndTheCentralBanksCountry() {
        let months = extract("日本6個月期國債收益率最新報0.05厘，按月下跌0.01個百分點。", date: Day(year: 2024, month: 7, day: 9))
        XCTAssertEqual(find(months, "JP6M", "yield")?.value, 0.05)
        XCTAssertEqual(find(months, "JP6M", "yield_change")?.value, -0.01)
        let noTerm = extract("至於日本3個月國債收益率最新報0.02厘。美國近6個月公債殖利率下跌40個基點。", date: Day(year: 2024, month: 7, day: 9))
        XCTAssertEqual(find(noTerm, "JP3M", "yield")?.value, 0.02)
        XCTAssertFalse(noTerm.contains { $0.subject == "US6M" })
        let after = extract("10年期德國國債收益率升至2.45%，兩天內上升了12個基點。", date: Day(year: 2024, month: 7, day: 9))
        XCTAssertEqual(find(after, "DE10Y", "yield")?.value, 2.45)
        let bank = extract("澳洲央行宣布維持利率於4.35厘不變。消息公布後，對政策敏感的三年期國債孳息率上漲3個基點，至3.72厘。", date: Day(year: 2024, month: 8, day: 6))
        XCTAssertEqual(find(bank, "AU3Y", "yield")?.value, 3.72)
        XCTAssertEqual(find(bank, "AU3Y", "yield_change")?.value, 0.03)
        XCTAssertNil(find(bank, "RBA", "yield"))
    }

    func testLineCutOnAWordThatNeedsWhatFollowsIsOneSentence() {
        let notice = extract("""
        公告事項：本行重貼現率、擔保放款融通利率及短期融通利率分別由
             年息2.0%、 2.375%及4.25%，調整為年息2.125%、2.5%
             及4.375%，自即日起實施。
        """, date: Day(year: 2023, month: 3, day: 23))
        XCTAssertEqual(find(notice, "CBC", "policy_rate")?.value, 2.125)
        XCTAssertEqual(find(notice, "CBC", "policy_rate")?.previous, 2.0)
        XCTAssertEqual(find(notice, "CBC", "short_term_lending_rate")?.value, 4.375)
        let simplified = extract("""
        中国人民银行决定，一年期贷款市场报价利率由
        3.45%下调至3.35%，五年期以上贷款市场报价利率由4.2%下调至4.1%。
        """, date: Day(year: 2023, month: 8, day: 21))
        XCTAssertEqual(find(simplified, "PBOC", "lpr_1y")?.value, 3.35)
        XCTAssertEqual(find(simplified, "PBOC", "lpr_1y")?.previous, 3.45)
    }

    func testPrimeRateWrittenWithYearOrLoanInside() {
        let traditional = extract("東亞銀行宣布，港元最優惠年利率由5.25厘下調至5.125厘。", date: Day(year: 2025, month: 10, day: 30))
        XCTAssertEqual(find(traditional, "BEA", "prime_rate")?.value, 5.125)
        XCTAssertEqual(find(traditional, "BEA", "prime_rate")?.previous, 5.25)
        let simplified = extract("渣打香港宣布，港元最优惠贷款利率将下调0.125厘。", date: Day(year: 2025, month: 10, day: 30))
        XCTAssertEqual(find(simplified, "STANCHART", "prime_rate_change")?.value, -0.125)
    }

    func testFinallyQuotedIsTheCloseAndBreakingThroughIsAThreshold() {
        let traditional = extract("現貨金一度失守每盎司2,600美元關口，低見2,597.1美元，最終報2,615.4美元，跌0.5%。", date: Day(year: 2024, month: 11, day: 15))
        XCTAssertEqual(find(traditional, "XAU", "close")?.value, 2615.4)
        XCTAssertNil(find(traditional, "XAU", "level"))
        let simplified = extract("现货金价昨日升穿每盎司2,700美元关，最终收报2,712.3美元。", date: Day(year: 2024, month: 10, day: 22))
        XCTAssertEqual(find(simplified, "XAU", "close")?.value, 2712.3)
        XCTAssertFalse(simplified.contains { $0.value == 2700 })
    }

    func testBracketedLatinNameThatOnlyStartsWithAnotherCompanysName() {
        let simplified = extract("其他个股方面，胜科海事(Sembcorp Marine)今天股价劲涨4.1%至0.12元。", date: Day(year: 2021, month: 9, day: 1))
        XCTAssertEqual(find(simplified, "SEATRIUM", "change_pct")?.value, 4.1)
        XCTAssertNil(find(simplified, "SEMBCORP", "change_pct"))
        let traditional = extract("那史達克指數上漲0.3%，道瓊工業指數下跌0.1%。", date: Day(year: 2017, month: 12, day: 14))
        XCTAssertEqual(find(traditional, "IXIC", "change_pct")?.value, 0.3)
    }

    func testExchangeRateMoveInChineseNumeralCents() {
        let traditional = extract("新台幣收盤收三十點一二元，貶三點五分。", date: Day(year: 2022, month: 5, day: 3))
        XCTAssertEqual(find(traditional, "USD/TWD", "change")?.value ?? 0, 0.035, accuracy: 1e-9)
        XCTAssertEqual(find(traditional, "USD/TWD", "close")?.value, 30.12)
        let simplified = extract("新台币收盘报三十点零五元，升值八分。", date: Day(year: 2022, month: 5, day: 3))
        XCTAssertEqual(find(simplified, "USD/TWD", "change")?.value ?? 0, -0.08, accuracy: 1e-9)
    }

    func testRevenueFollowedByAMoveIsNotAClosingMove() {
        let simplified = extract("新加坡电信全年净利增加14%至22亿元。集团全年营收跌5%至146亿元。", date: Day(year: 2023, month: 5, day: 25))
        XCTAssertEqual(find(simplified, "SINGTEL", "revenue_change_pct")?.value, -5)
        XCTAssertEqual(find(simplified, "SINGTEL", "revenue")?.value, 1.46e10)
        XCTAssertFalse(simplified.contains { $0.kind == "equity" })
        let traditional = extract("鴻海第三季營收漲11%至2.06兆元，淨利年增17%。", date: Day(year: 2025, month: 11, day: 13))
        XCTAssertEqual(find(traditional, "2317.TW", "revenue_change_pct")?.value, 11)
        XCTAssertEqual(find(traditional, "2317.TW", "net_income_change_pct")?.value, 17)
    }

    func testKnownNameWithABusinessAfterItIsAnotherCompany() {
        let simplified = extract("比亚迪电子上半年净利15.2亿元，同比增长0.1%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(find(simplified, "比亚迪电子", "net_income")?.value, 1.52e9)
        XCTAssertFalse(simplified.contains { $0.subject == "BYD" })
        let traditional = extract("比亞迪電子今日股價上漲2.5%，比亞迪則下跌1%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(find(traditional, "比亞迪電子", "change_pct")?.value, 2.5)
        XCTAssertEqual(find(traditional, "BYD", "change_pct")?.value, -1)
        // a known company's full name stays that company
        let known = extract("台積電公司股價上漲1%。", date: Day(year: 2024, month: 8, day: 20))
        XCTAssertEqual(find(known, "TSMC", "change_pct")?.value, 1)
    }

    func testReviewedEdgesOfThisRoundsRules() {
        // a weekday is no day a name can start inside: 上週日經225指數 holds the Nikkei
        let weekday = extract("上週日經225指數累漲3%。", date: Day(year: 2024, month: 7, day: 9))
        XCTAssertEqual(weekday.first { $0.subject == "N225" }?.value, 3)
        // 每股派 is a dividend, not earnings per share
        let dividend = extract("長和中期純利95億港元，每股派0.3港元。", date: Day(year: 2024, month: 8, day: 15))
        XCTAssertNil(find(dividend, "CKH", "eps"))
        // 不排除 leaves nothing out
        let notExcluded = extract("通脹升至3%，當局不排除GDP增長放緩至4.5%。", date: Day(year: 2024, month: 8, day: 15))
        XCTAssertFalse(notExcluded.contains { $0.metric == "cpi" && $0.value == 4.5 })
        // investors buying a company do not make it a deal's target: its share move stays its own
        let bought = extract("外資大舉購入台積電，推升股價上漲3%。", date: Day(year: 2024, month: 8, day: 15))
        XCTAssertEqual(find(bought, "TSMC", "change_pct")?.value, 3)
    }
}
