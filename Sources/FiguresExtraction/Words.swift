import FiguresText

/// Fixed word lists the rules compare against, folded once rather than on every figure.
enum Words {
    static func folded(_ words: [String]) -> [[UInt32]] { words.map { ScriptFold.shared.fold($0) } }

    /// After a day: a news agency's dateline (（中央社記者台北28日電）).
    /// Dateline words of an outlet's or repost's header (【大紀元9月19日報導】), which a wire's own dateline
    /// (電, 訊) written right after it overrides.
    static let headerDateline = folded(["報導", "消息"])
    static let dateline = folded(["電", "訊", "報導", "專電", "綜合", "消息", "法新電", "路透電", "美聯電", "美聯社電", "共同電", "彭博電", "外電"])
    /// After a day: when a measure takes effect.
    static let effective = folded(["起", "開始", "生效", "實施"])
    static let effectiveTariff = folded(["生效", "起生效", "起實施", "起徵", "起課徵", "實施", "上路", "起上路", "起"])
    /// 存貸款: deposits and loans named together; 存款 and 貸款 named apart.
    static let depositAndLending = ScriptFold.shared.fold("存貸款"), deposit = ScriptFold.shared.fold("存款"), lending = ScriptFold.shared.fold("貸款")
    /// Words right after a day that put an event on it still to come (周五將, 下週一要, 月底會).
    static let willHappen = folded(["將", "要", "會", "擬"])
    /// Characters between a move word and a percent that make the percent a level (降息後利率為1.5%, 降至, 報).
    static let levelLinks: Set<UInt32> = Set(ScriptFold.shared.fold("為至到報達是於在後"))
    /// Words of a time of day written after a date (中午12時01分, 凌晨0時, 零時), besides its digits.
    static let timeOfDay = folded(["中午", "上午", "下午", "凌晨", "晚間", "晚上", "零時", "時", "分", "點", ":", "："])
    /// Words after a day that make it a point of comparison, not the figure's day.
    /// 同日, 當天: the day the teaser's report is about, not the day named last.
    static let sameDay = folded(["同日", "同一天", "同一日", "同天", "當天", "當日"])
    static let sinceOrUntil = folded(["之後", "以後", "以來", "之前", "以前", "後", "前", "起", "至今", "迄今"])
    /// 關稅, the word itself.
    static let tariff = ScriptFold.shared.fold("關稅")
    /// 包括/包含 … 在內: a name given as one member of a group.
    static let including = folded(["包括", "包含", "含"])
    /// What a tariff is levied on (2000億美元商品, 600億美元的輸美產品).
    static let goods = folded(["商品", "產品", "貨品", "貨物", "進口品", "輸美", "稅目"])
    /// Verbs that levy a duty and nothing else (加徵, 課徵), unlike the rate verbs of `levy` (提高, 調降).
    static let levyOnly = folded(["加徵", "課徵", "開徵", "徵收"])
    /// Verbs of levying after 對/向.
    static let levy = folded(["加徵", "課徵", "開徵", "徵收", "徵", "課", "祭出", "實施", "調降", "下調", "上調", "提高", "降低", "取消"])
    /// Words that put the United States in a teaser without naming it.
    static let unitedStates = folded(["川普", "特朗普", "美方", "輸美", "對美", "台美", "美台", "中美", "美中", "美日", "日美", "美韓", "韓美", "美越", "美墨"])
    /// Words giving one figure to each of the names listed before it (均, 都, 皆, 齊).
    static let each: Set<UInt32> = Set("均都皆齊齐".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
    /// What joins the items of a list of names.
    static let listJoiners = folded(["、", "和", "及", "與", "以及", "或", ",", "，"])
    /// 去年, 前年: a figure of an earlier year.
    /// The names a loan prime rate goes by, at the end of a tenor's name (1年期LPR).
    static let loanPrimeRate = folded(["LPR", "貸款市場報價利率", "報價利率"])
    /// A duty on all origins: imports as such, the whole world (進口鋼鐵, 全球, 所有國家).
    static let allOrigins = folded(["進口", "全球", "所有國家", "各國", "全世界", "所有進口"])
    /// Before a currency: the quote is for a hundred units of it (每百日圓兌港元5.05).
    static let perHundred = folded(["每百", "每100", "每一百"])
    /// 两市 (沪深两市) and 平均, searched in folded text as written here (not folded again).
    static let twoMarkets: [UInt32] = "两市".unicodeScalars.map(\.value)
    static let average: [UInt32] = "平均".unicodeScalars.map(\.value)
    /// Words of a sentence about stock markets (亞洲股市, 股指, 大市).
    static let stockMarket = folded(["股市", "股指", "股票市場", "大市", "指數", "市場收"])
    /// Before a revenue word, words of the whole company's revenue (合併營收, 總收入, 全年營收): no segment.
    static let wholeCompanyRevenue = folded(["合併", "綜合", "總", "全年", "年度", "單季", "季度", "集團", "公司", "整體", "累計", "淨", "今年", "去年",
                                              "同期", "期內", "本業", "核心", "調整", "上半年", "下半年", "半年", "首季", "營業", "月", "季", "年",
                                              "預期", "預估", "市場", "財測", "指引", "其", "該", "此", "美元", "人民幣"])
    /// After a market's name, words that make it the topic of the clause (HBM市場方面，).
    static let topicEnding = folded(["方面", "中", "上", "裡", "的"])
    /// Words after a country's name that make it a time zone (台灣時間, 美國東部時間).
    static let timeZone = folded(["時間", "東部時間", "西部時間", "中部時間", "夏令時間", "標準時間"])
    /// Words before a government it follows or answers (跟進美國, 回應美國總統, 報復歐盟).
    static let followedOrAnswered = folded(["跟進", "跟隨", "追隨", "效法", "仿效", "回應", "反制", "報復", "回擊", "因應"])
    /// 度 of 季度 after a quarter phrase that ends at 季.
    static let quarterSuffix = ScriptFold.shared.fold("度")
    /// Verbs of an announcement right after a day: the day something was published, not a session's.
    static let announced = folded(["公布", "公佈", "宣布", "宣佈", "發布", "發佈", "發表", "表示", "指出", "稱"])
    /// The words that close 受…: what moved the subject (受美元走強影響, 受科技股拖累).
    static let causeEnds = folded(["影響", "拖累", "帶動", "推動", "提振", "打壓", "衝擊", "波及", "牽動", "刺激", "支撐"])
    /// The first characters of midday words (半日收報, 中午收市, 午收): the session is still open.
    static let midday = folded(["半日", "中午", "午收", "午市"])
    /// 股價: a listed company's share price.
    static let sharePrice = ScriptFold.shared.fold("股價")
    /// 每股: the result word after it is per share.
    static let perShare = ScriptFold.shared.fold("每股")
    /// Scope words written after a business line's name (儲能電池全球市佔率, 手機國內營收); 市場 never
    /// reaches here (it makes the revenue the whole company's).
    static let segmentTrailing = folded(["全球", "國內"])
    /// 市場: a share's market is written before it (全球DRAM市場).
    static let market = ScriptFold.shared.fold("市場")
    /// Words before a market's name that are not part of it (在全球HBM市場).
    static let marketLeading = folded(["在", "於", "全球", "整個", "的"])
    /// Connectives before a segment's name (其中資料中心營收).
    static let segmentLeading = folded(["其中", "至於", "而", "則", "產品方面", "另外", "此外", "的", "同期", "實現", "錄得", "取得", "達成", "全球"])
    /// Right before points: the gap a session opened with (高開257點), not a level or the day's move.
    static let openingGap = folded(["高開", "低開", "裂口高開", "裂口低開"])
    /// Verbs whose object is a company bought (收購花旗集團台灣消費金融業務): a deal's target, not the reporter
    /// (not 購入 or 買下: investors buy shares of the company a report is about).
    static let acquires = folded(["收購", "併購", "并購", "收編"])
    /// Characters before a count of months that make it a span of time, not a bond's tenor (近6個月, 過去3個月).
    static let spanBeforeMonths: Set<UInt32> = Set("近去逾前過过".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
    /// Words between 每股 and its figure (每股為0.5元).
    static let beforePerShareFigure: Set<UInt32> = Set("為为達达約约".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
    /// Verbs that leave a factor out (剔除通膨與季節因素後): the metric after them is not the figure's.
    static let excluding = folded(["剔除", "扣除", "排除", "撇除", "除去", "不計", "不包括"])
    /// Right before a name: it is what something is compared with (高於蔚來), not the subject.
    static let comparedWith = folded(["高於", "低於", "超過", "超越", "勝過", "不及", "優於", "遜於", "落後於", "領先", "多於", "少於"])
    /// A yield of the tenor named before it (日本同天期殖利率).
    static let sameTenor = folded(["同天期", "同年期", "同期限", "同年限"])
    /// The quoted exchange rate itself (韓元對美元匯率下跌9.9韓元: the number fell).
    static let exchangeRate = folded(["匯率", "匯價"])
    /// Characters of a currency's own worth moving (升值, 貶值, 升, 貶), as against its quoted number.
    static let currencyWorth: Set<UInt32> = Set("升貶贬值".unicodeScalars.map { ScriptFold.shared.fold($0.value) })
    /// Moves that only an economy makes (萎縮, 擴張, 衰退): its output's growth.
    static let economyMoves = folded(["萎縮", "擴張", "衰退", "負成長", "負增長"])
    static let pastYears = folded(["去年", "前年"])
    static let lastYearSamePeriod = ScriptFold.shared.fold("去年同期")
}
