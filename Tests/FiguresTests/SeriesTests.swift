import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresStore
import GRDB

/// Names, periods, the conflict rule, sparklines and the SVG chart, without the command line.
final class SeriesUnitTests: XCTestCase {
    let names = SubjectNames(storedSubjects: ["N225", "HSI", "TSMC", "USD/TWD", "USD/JPY", "US", "CSI300/银行", "CSI300/銀行", "2317.TW", "FED"])

    func resolved(_ q: String) -> [String] {
        if case .stored(let s) = names.resolve(q) { return s }
        return []
    }

    func testEveryKindOfNameResolvesToTheStoredID() {
        for (query, id) in [("日經", "N225"), ("日经", "N225"), ("Nikkei", "N225"), ("NIKKEI 225", "N225"), ("nikkei225", "N225"),
                            ("n225", "N225"), ("恆指", "HSI"), ("恒指", "HSI"), ("Hang Seng Index", "HSI"), ("台積電", "TSMC"),
                            ("台积电", "TSMC"), ("2330", "TSMC"), ("2330.tw", "TSMC"), ("tsmc", "TSMC"), ("鴻海", "2317.TW"),
                            ("2317", "2317.TW"), ("美國", "US"), ("美国", "US"), ("聯準會", "FED"),
                            ("USDTWD", "USD/TWD"), ("USD/TWD", "USD/TWD"), ("usd-twd", "USD/TWD"), ("usd twd", "USD/TWD"),
                            ("新台幣", "USD/TWD"), ("新臺幣", "USD/TWD"), ("TWD", "USD/TWD")] {
            XCTAssertEqual(resolved(query), [id], query)
        }
        XCTAssertEqual(Set(resolved("日圓")), ["USD/JPY"], "a currency name gives the stored pairs with it")
    }

    func testSectorsInEitherScriptAreOneSubject() {
        XCTAssertEqual(Set(resolved("CSI300/銀行")), ["CSI300/银行", "CSI300/銀行"])
        XCTAssertEqual(Set(resolved("csi300/银行")), ["CSI300/银行", "CSI300/銀行"])
        XCTAssertEqual(Set(resolved("滬深300/銀行")), ["CSI300/银行", "CSI300/銀行"], "the index part by name")
        XCTAssertEqual(names.canonical("CSI300/銀行"), names.canonical("CSI300/银行"))
    }

    func testMissesGetSuggestionsAndKnownNamesWithoutDataSaySo() {
        guard case .unknown(let s) = names.resolve("Nikei") else { return XCTFail("Nikei resolved") }
        XCTAssertEqual(s.first?.hasPrefix("N225"), true, "\(s)")
        guard case .unknown(let t) = names.resolve("TSCM") else { return XCTFail() }
        XCTAssertTrue(t.contains { $0.hasPrefix("TSMC") }, "\(t)")
        XCTAssertLessThanOrEqual(names.suggestions(for: "H").count, 5)
        XCTAssertEqual(names.resolve("日本"), .notStored(ids: ["JP"]))
        XCTAssertEqual(names.resolve("JP"), .notStored(ids: ["JP"]))
        XCTAssertEqual(MetricNames.resolve("CLOSE", stored: ["close", "change"]), "close")
        XCTAssertEqual(MetricNames.suggestions(for: "clsoe", stored: ["close", "change", "change_pct", "revenue"]).first, "close")
    }

    func testDisplayNames() {
        XCTAssertEqual(names.names(of: "N225").chinese, "日經225")
        XCTAssertEqual(names.names(of: "N225").english, "Nikkei 225")
        XCTAssertEqual(names.names(of: "USD/TWD").chinese, "美元/新台幣")
    }

    func testPeriodsAndOverlap() {
        let d = { (s: String) in Day(iso: s)! }
        XCTAssertEqual(PeriodRange("2025"), PeriodRange(first: d("2025-01-01"), last: d("2025-12-31")))
        XCTAssertEqual(PeriodRange("2025-Q3"), PeriodRange(first: d("2025-07-01"), last: d("2025-09-30")))
        XCTAssertEqual(PeriodRange("2025-Q1/2025-Q3"), PeriodRange(first: d("2025-01-01"), last: d("2025-09-30")))
        XCTAssertEqual(PeriodRange("2025-01/2025-11"), PeriodRange(first: d("2025-01-01"), last: d("2025-11-30")))
        XCTAssertEqual(PeriodRange("2024-02"), PeriodRange(first: d("2024-02-01"), last: d("2024-02-29")))
        XCTAssertEqual(PeriodRange("2025-H2"), PeriodRange(first: d("2025-07-01"), last: d("2025-12-31")))
        XCTAssertNil(PeriodRange("1w"))
        XCTAssertNil(PeriodRange("ytd"))
        XCTAssertNil(PeriodRange("2025-Q5"))
        let q3 = PeriodRange("2025-Q3")!
        XCTAssertTrue(q3.overlaps(from: d("2025-09-30"), to: nil))
        XCTAssertFalse(q3.overlaps(from: d("2025-10-01"), to: nil))
        XCTAssertTrue(q3.overlaps(from: nil, to: d("2025-07-01")))
        XCTAssertFalse(q3.overlaps(from: d("2025-01-01"), to: d("2025-06-30")))
    }

    func row(_ value: Double, id: Int64, ingested: String, date: String = "2025-12-18") -> StoredObservation {
        StoredObservation(observation: Observation(kind: "rate", subject: "CBC", metric: "policy_rate", value: value, unit: "pct", date: date,
                                                   text: "\(value)%", start: 0, end: 1),
                          page: "p\(id).txt", pageHash: "h\(id)", extractorVersion: extractorVersion, id: id, ingestedAt: ingested)
    }

    func testConflictRuleMostAgreeThenLatestIngested() {
        let rows = [row(2, id: 1, ingested: "2025-12-18T01:00:00Z"), row(2.375, id: 2, ingested: "2025-12-18T02:00:00Z"),
                    row(4.25, id: 3, ingested: "2025-12-18T03:00:00Z"), row(2, id: 4, ingested: "2025-12-18T01:30:00Z")]
        let c = SeriesRule.choose(rows)!
        XCTAssertEqual(c.chosen.observation.value, 2)
        XCTAssertEqual(c.agree, 2)
        XCTAssertEqual(c.disagree, 2)
        XCTAssertEqual(Set(c.others), [2.375, 4.25])
        // a tie: the value from the page ingested last
        let tie = SeriesRule.choose([row(2, id: 1, ingested: "2025-12-18T01:00:00Z"), row(2.375, id: 2, ingested: "2025-12-18T02:00:00Z")])!
        XCTAssertEqual(tie.chosen.observation.value, 2.375)
        XCTAssertEqual(tie.agree, 1)
        XCTAssertEqual(tie.disagree, 1)

        let s = Series(subject: "CBC", metric: "policy_rate", rows: rows + [row(2, id: 5, ingested: "x", date: "2025-09-18")])
        XCTAssertEqual(s.points.map(\.label), ["2025-09-18", "2025-12-18"])
        XCTAssertEqual(s.points.map(\.value), [2, 2])
        XCTAssertEqual(s.points.map(\.sources), [1, 4])
        XCTAssertEqual(s.observations, 5)
    }

    func testSparkline() {
        XCTAssertEqual(Sparkline.render([1, 2, 3, 4, 5, 6, 7, 8]), "▁▂▃▄▅▆▇█")
        XCTAssertEqual(Sparkline.render([5, 5]), "▄▄")
        XCTAssertEqual(Sparkline.render(Array(0..<200).map(Double.init), width: 40).count, 40)
        XCTAssertEqual(Sparkline.render([]), "")
    }

    func testDateTicks() {
        let d = { (s: String) in Day(iso: s)! }
        XCTAssertEqual(SVGChart.dateTicks(from: d("2025-12-01"), to: d("2025-12-05")).first?.1, "2025-12-01")
        let months = SVGChart.dateTicks(from: d("2025-01-15"), to: d("2025-12-20"))
        XCTAssertTrue(months.allSatisfy { $0.1.count == 7 } && months.count <= 8, "\(months.map { $0.1 })")
        let years = SVGChart.dateTicks(from: d("2001-03-01"), to: d("2025-12-20"))
        XCTAssertTrue(years.allSatisfy { $0.1.count == 4 } && years.count <= 8, "\(years.map { $0.1 })")
        XCTAssertEqual(SVGChart.niceTicks(0, 10), [0, 2, 4, 6, 8, 10])
    }

    /// The chart parses as XML, has one polyline per series, its axis labels and legend; rsvg-convert, when
    /// installed, renders it.
    func testSVGChartIsValidAndRenders() throws {
        let a = Series(subject: "N225", metric: "close", rows: [row(50000, id: 1, ingested: "a", date: "2025-12-01"),
                                                                row(50836.55, id: 2, ingested: "a", date: "2025-12-12")].map {
            var r = $0; r.observation.subject = "N225"; r.observation.metric = "close"; r.observation.unit = "pt"; return r })
        let b = Series(subject: "HSI & co", metric: "close", rows: [row(25976.79, id: 3, ingested: "a", date: "2025-12-05")].map {
            var r = $0; r.observation.unit = "pt"; return r })
        let svg = SVGChart(series: [a, b]).render()
        let parsed = try SVGSummary(svg)
        XCTAssertEqual(parsed.polylines, 2)
        XCTAssertTrue(parsed.texts.contains("index points"), "the y axis names the unit")
        XCTAssertTrue(parsed.texts.contains("date"))
        XCTAssertTrue(parsed.texts.contains("2025-12-01"), "\(parsed.texts)")
        XCTAssertTrue(parsed.texts.contains("N225 close (2)"))
        XCTAssertTrue(parsed.texts.contains("HSI & co close (1)"), "text is escaped and read back")
        XCTAssertTrue(parsed.texts.contains { $0.hasPrefix("3 observations") }, "the caption counts the sources")
        try Self.renderWithRSVG(svg)
    }

    static func renderWithRSVG(_ svg: String) throws {
        guard let tool = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
            .first(where: FileManager.default.isExecutableFile) else {
            print("rsvg-convert is not installed: the SVG is checked by parsing only (apt-get install librsvg2-bin to render it)")
            return
        }
        let folder = try makeScratchFolder("svg")
        defer { removeScratchFolder(folder) }
        let input = folder.appendingPathComponent("chart.svg"), output = folder.appendingPathComponent("chart.png")
        try svg.write(to: input, atomically: true, encoding: .utf8)
        let r = try runProcess(URL(fileURLWithPath: tool), ["-o", output.path, input.path], in: folder)
        XCTAssertEqual(r.status, 0, r.err)
        let png = try Data(contentsOf: output)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "a PNG")
        XCTAssertGreaterThan(png.count, 1000)
    }
}

/// What an SVG document holds, read with Foundation's XMLParser (which fails on malformed XML).
struct SVGSummary {
    var polylines = 0
    var texts: [String] = []
    var root = ""

    init(_ svg: String) throws {
        final class Delegate: NSObject, XMLParserDelegate {
            var summary = SVGSummary()
            var text: String?
            var depth = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if summary.root.isEmpty { summary.root = name }
                if name == "polyline" || name == "path" { summary.polylines += 1 }
                if name == "text" { text = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "text", let t = text { summary.texts.append(t); text = nil }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else { throw NSError(domain: "SVG", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(parser.parserError.map { "\($0)" } ?? "invalid XML")"]) }
        self = delegate.summary
        XCTAssertEqual(root, "svg")
    }

    init() {}
}

/// The new commands end to end: names, subjects, series, plot, periods, empty results, tariffs, export
/// filters, --version, ingest -, progress, views.
final class SeriesCLITests: XCTestCase {
    var scratch: URL!
    var db: String { scratch.appendingPathComponent("t.sqlite").path }

    override func setUpWithError() throws { scratch = try makeScratchFolder("series") }

    override func tearDown() { removeScratchFolder(scratch) }

    /// Runs the binary on the test's database (FIGURES_DB), without progress lines unless `env` asks for them.
    @discardableResult
    func run(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> ProcessOutput {
        var environment: [String: String?] = ["FIGURES_DB": db, "FIGURES_PROGRESS": nil]
        for (k, v) in env { environment[k] = v }
        return try runFigures(args, in: scratch, environment: environment, stdin: stdin.map { Data($0.utf8) })
    }

    /// The seed, plus three pages on one day that disagree on the Nikkei's close (two say 50,000) and
    /// one a day earlier.
    func ingestSeedAndConflicts() throws {
        XCTAssertEqual(try run(["ingest", CLITests.seed]).status, 0)
        let pages = scratch.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let texts = ["a": "日經225指數收在50,000點。", "b": "日經指數收在50,000點。", "c": "日經225指數收在51,000點。", "d": "日經225指數收在49,000點。"]
        var index = "page\treference_date\n"
        for (name, text) in texts {
            try text.write(to: pages.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
            index += "\(name)\t\(name == "d" ? "2025-12-10" : "2025-12-11")\n"
        }
        try index.write(to: pages.appendingPathComponent("index.tsv"), atomically: true, encoding: .utf8)
        let r = try run(["ingest", pages.path])
        XCTAssertEqual(r.status, 0, r.err)
    }

    func testNamesWorkInQueryTariffsAndSeries() throws {
        try ingestSeedAndConflicts()
        for (name, id) in [("日經", "N225"), ("恆指", "HSI"), ("Nikkei", "N225"), ("USDTWD", "USD/TWD"), ("usd-twd", "USD/TWD"),
                           ("新台幣", "USD/TWD"), ("美國", "US"), ("hsi/金融", "HSI/金融"), ("HSI/金融", "HSI/金融")] {
            let r = try run(["query", name, "--format", "csv"])
            XCTAssertEqual(r.status, 0, name + ": " + r.err)
            let subjects = Set(CSVTests.parse(r.out).dropFirst().map { $0[1] })
            XCTAssertEqual(subjects, [id], name)
        }
        let t = try run(["tariffs", "--subject", "美國", "--target", "馬來西亞", "--format", "csv"])
        XCTAssertEqual(t.status, 0, t.err)
        XCTAssertEqual(CSVTests.parse(t.out).count, 4, t.out)
        let miss = try run(["query", "Nikei"])
        XCTAssertEqual(miss.status, 1)
        XCTAssertTrue(miss.err.contains("did you mean: N225"), miss.err)
        let metricTypo = try run(["query", "N225", "clsoe"])
        XCTAssertEqual(metricTypo.status, 1)
        XCTAssertTrue(metricTypo.err.contains("did you mean: close"), metricTypo.err)
        let upper = try run(["query", "n225", "CLOSE", "--format", "csv"])
        XCTAssertEqual(CSVTests.parse(upper.out).count, 6, "a header, the seed's close and four pages' closes: \(upper.out)")
        // a metric alone lists it across subjects
        for args in [["query", "close", "--format", "csv"], ["query", "--metric", "close", "--format", "csv"]] {
            let rows = CSVTests.parse(try run(args).out).dropFirst()
            XCTAssertGreaterThan(Set(rows.map { $0[1] }).count, 3, "\(args)")
            XCTAssertTrue(rows.allSatisfy { $0[2] == "close" })
        }
    }

    func testPeriodRowsMatchDatesAndPeriod() throws {
        try ingestSeedAndConflicts()
        let financial = CSVTests.parse(try run(["query", "--kind", "financial", "--from", "2025-01-01", "--format", "csv"]).out).dropFirst()
        XCTAssertFalse(financial.isEmpty, "figures of a period overlapping the dates")
        XCTAssertTrue(financial.allSatisfy { $0[9].isEmpty && !$0[10].isEmpty })
        let q3 = CSVTests.parse(try run(["query", "4414.TW", "--on", "2025-08-15", "--format", "csv"]).out).dropFirst()
        XCTAssertTrue(!q3.isEmpty && q3.allSatisfy { $0[10].contains("Q3") || $0[10].contains("/") }, "\(q3)")
        let year2024 = CSVTests.parse(try run(["query", "4414.TW", "--to", "2024-12-31", "--format", "csv"]).out).dropFirst()
        XCTAssertEqual(year2024.map { $0[10] }, ["2024"], "only the figure of 2024 overlaps")
        let period = CSVTests.parse(try run(["query", "--period", "2025-Q3", "--format", "csv"]).out).dropFirst()
        XCTAssertTrue(!period.isEmpty && period.allSatisfy { $0[10] == "2025-Q3" }, "\(period)")
        let asOf = try run(["query", "--kind", "financial", "--as-of", "2025-12-31", "--format", "csv"])
        XCTAssertGreaterThan(CSVTests.parse(asOf.out).count, 1, "--as-of sees figures of periods")
    }

    func testEmptyResultsAreValidDocuments() throws {
        try ingestSeedAndConflicts()
        let csv = try run(["query", "N225", "--on", "2020-01-01", "--format", "csv"])
        XCTAssertEqual(csv.status, 0)
        XCTAssertEqual(CSVTests.parse(csv.out).count, 1, "the header")
        XCTAssertTrue(csv.err.contains("empty result"))
        XCTAssertEqual(try run(["query", "N225", "--on", "2020-01-01", "--format", "json"]).out, "[]\n")
        XCTAssertEqual(try run(["tariffs", "--subject", "US", "--target", "JP", "--format", "json"]).out, "[]\n")
        XCTAssertTrue(try run(["tariffs", "--target", "JP", "--format", "csv"]).out.hasPrefix("levied_by,on,scope,previous,new,new_high,change_pp,measure"))
        XCTAssertEqual(try run(["series", "N225", "close", "--to", "2020-01-01", "--format", "json"]).out, "[]\n")
        XCTAssertEqual(CSVTests.parse(try run(["export", "--subject", "N225", "--on", "2020-01-01"]).out).count, 1)
    }

    func testSeriesOneValuePerDateWithAgreement() throws {
        try ingestSeedAndConflicts()
        let r = try run(["series", "日經", "close", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.err)
        let rows = CSVTests.parse(r.out)
        XCTAssertEqual(rows[0], SeriesReport.columns)
        XCTAssertEqual(rows.dropFirst().map { [$0[2], $0[3], $0[6], $0[7], $0[8]] }, [
            ["2025-12-10", "49000", "1", "1", "0"],
            ["2025-12-11", "50000", "3", "2", "1"],
            ["2025-12-12", "50836.55", "1", "1", "0"],
        ])
        XCTAssertEqual(rows[2][9], "51000")
        let table = try run(["series", "N225", "close"])
        XCTAssertFalse(table.out.contains("▁") || table.out.contains("█"), "no sparkline in a pipe")
        let json = try JSONSerialization.jsonObject(with: Data(try run(["series", "N225", "close", "--format", "json"]).out.utf8)) as! [[String: Any]]
        XCTAssertEqual(json.count, 3)
        XCTAssertEqual(json[1]["disagree"] as? Int, 1)
        let wide = CSVTests.parse(try run(["series", "N225", "HSI", "TOPIX", "close", "--wide"]).out)
        XCTAssertEqual(wide[0], ["date", "N225", "HSI", "TOPIX"])
        XCTAssertEqual(wide.last, ["2025-12-12", "50836.55", "25976.79", "3423.83"])
        XCTAssertEqual(wide[1], ["2025-12-10", "49000", "", ""])
        let file = scratch.appendingPathComponent("s.csv").path
        XCTAssertEqual(try run(["series", "N225", "close", "--format", "csv", "-o", file]).status, 0)
        XCTAssertEqual(CSVTests.parse(try String(contentsOfFile: file, encoding: .utf8)).count, 4)
        XCTAssertTrue(try run(["series", "--help"]).out.contains("agree on"), "the help states the conflict rule")
    }

    func testSparklineOnATerminal() throws {
        try ingestSeedAndConflicts()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { print("no script(1): skipped"); return }
        // script(1) gives the command a terminal
        let p = testProcess(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", "\(CLITests.binary.path) series N225 close --db \(db)", "/dev/null"],
                            in: scratch)
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("N225 close  ▁▅█  49,000–50836.55 pt"), text)
    }

    func testPlotWritesAChartOfEachSeries() throws {
        try ingestSeedAndConflicts()
        let chart = scratch.appendingPathComponent("chart.svg").path
        let r = try run(["plot", "日經", "close", "HSI", "close", "-o", chart])
        XCTAssertEqual(r.status, 0, r.err)
        let svg = try String(contentsOfFile: chart, encoding: .utf8)
        let parsed = try SVGSummary(svg)
        XCTAssertEqual(parsed.polylines, 2)
        XCTAssertTrue(parsed.texts.contains("index points"))
        XCTAssertTrue(parsed.texts.contains("N225 close (5)"), "\(parsed.texts)")
        XCTAssertTrue(parsed.texts.contains("2025-12-10"))
        try SeriesUnitTests.renderWithRSVG(svg)
        XCTAssertEqual(try run(["plot", "N225"]).status, 64, "pairs of subject and metric")
        XCTAssertNotEqual(try run(["plot", "N225", "close", "-o", scratch.path]).status, 0, "-o is checked")
    }

    func testSubjectsListsWhatIsStored() throws {
        try ingestSeedAndConflicts()
        let r = try run(["subjects", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.err)
        let items = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [[String: Any]]
        let n225 = try XCTUnwrap(items.first { $0["id"] as? String == "N225" })
        XCTAssertEqual(n225["name"] as? String, "日經225")
        XCTAssertEqual(n225["english"] as? String, "Nikkei 225")
        XCTAssertEqual(n225["kind"] as? String, "index")
        XCTAssertEqual(n225["first"] as? String, "2025-12-10")
        XCTAssertEqual(n225["last"] as? String, "2025-12-12")
        XCTAssertEqual(n225["count"] as? Int, 8)
        XCTAssertTrue((n225["metrics"] as? [String])?.contains("close") ?? false)
        let company = try XCTUnwrap(items.first { $0["id"] as? String == "4414.TW" })
        XCTAssertEqual(company["first"] as? String, "2024-01-01", "a period's first day (its revenue of 2024)")
        XCTAssertEqual(company["last"] as? String, "2025-09-30")
        let fx = CSVTests.parse(try run(["subjects", "--kind", "fx", "--format", "csv"]).out)
        XCTAssertEqual(fx.dropFirst().map { $0[0] }, ["USD/TWD"])
        XCTAssertEqual(CSVTests.parse(try run(["subjects", "日經", "--format", "csv"]).out).dropFirst().map { $0[0] }, ["N225"])
    }

    func testTariffColumnsHoldNumbersOnly() throws {
        try ingestSeedAndConflicts()
        let rows = CSVTests.parse(try run(["tariffs", "--format", "csv"]).out)
        XCTAssertEqual(rows[0], TariffReport.headers)
        XCTAssertEqual(Array(rows[0].prefix(9)), ["levied_by", "on", "scope", "previous", "new", "new_high", "change_pp", "measure", "qualifier"])
        for row in rows.dropFirst() {
            for column in 3...6 { XCTAssertTrue(row[column].isEmpty || Double(row[column]) != nil, "\(row)") }
        }
        XCTAssertTrue(rows.contains { $0[1] == "VN" && $0[4] == "20" && $0[6].isEmpty })
        let json = try JSONSerialization.jsonObject(with: Data(try run(["tariffs", "--format", "json"]).out.utf8)) as! [[String: Any]]
        XCTAssertEqual(Set(json[0].keys), Set(TariffReport.headers), "CSV and JSON have the same keys")
    }

    func testExportFiltersAndBOMOnlyForCSV() throws {
        try ingestSeedAndConflicts()
        let refused = try run(["export", "--bom", "--format", "jsonl"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.err.contains("--bom"), refused.err)
        let n225 = CSVTests.parse(try run(["export", "--subject", "日經", "--metric", "close", "--from", "2025-12-11"]).out).dropFirst()
        XCTAssertEqual(n225.count, 4)
        let kinds = Set(CSVTests.parse(try run(["export", "--kind", "fx"]).out).dropFirst().map { $0[0] })
        XCTAssertEqual(kinds, ["fx"])
        let out = scratch.appendingPathComponent("q.csv").path
        let q = try run(["query", "N225", "-o", out, "--format", "csv"])
        XCTAssertEqual(q.status, 0, q.err)
        XCTAssertEqual(CSVTests.parse(try String(contentsOfFile: out, encoding: .utf8)).count, 9)
        XCTAssertNotEqual(try run(["query", "N225", "-o", db]).status, 0, "-o never the database")
    }

    func testVersionStdinIngestAndProgress() throws {
        let version = try run(["--version"])
        XCTAssertEqual(version.out.trimmingCharacters(in: .whitespacesAndNewlines), extractorVersion)
        let piped = try run(["ingest", "--date", "2025-03-07", "-"], stdin: "加權指數上漲120.5點。")
        XCTAssertEqual(piped.status, 0, piped.err)
        XCTAssertTrue(piped.out.contains("pages: 1 new"), piped.out)
        XCTAssertTrue(try run(["query", "加權指數", "--format", "csv"]).out.contains("2025-03-07"))
        let today = try run(["ingest", "-"], stdin: "日經225指數收在50,000點。")
        XCTAssertEqual(today.status, 0)
        XCTAssertTrue(today.err.contains("using today"), today.err)

        let many = scratch.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for i in 0...200 { try "加權指數上漲\(i).5點。".write(to: many.appendingPathComponent("p\(i).txt"), atomically: true, encoding: .utf8) }
        let quietPipe = try run(["ingest", "--date", "2025-03-08", many.path])
        XCTAssertFalse(quietPipe.err.contains("pages,"), "no progress in a pipe: \(quietPipe.err)")
        let shown = try run(["ingest", "--date", "2025-03-08", "--force", many.path], env: ["FIGURES_PROGRESS": "1"])
        XCTAssertTrue(shown.err.contains("ingest: 0/201 pages"), shown.err)
        let quiet = try run(["ingest", "-q", "--date", "2025-03-08", "--force", many.path], env: ["FIGURES_PROGRESS": "1"])
        XCTAssertFalse(quiet.err.contains("pages,"), quiet.err)
    }

    func testViewsForOtherTools() throws {
        try ingestSeedAndConflicts()
        let queue = try DatabaseQueue(path: db, configuration: { var c = Configuration(); c.readonly = true; return c }())
        try queue.read { db in
            let views = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name")
            XCTAssertEqual(views, ["latest", "latest_value", "observation_view", "series", "subjects", "tariff_changes"])
            let latest = try Double.fetchAll(db, sql: "SELECT value FROM latest_value WHERE subject = 'N225' AND metric = 'close'")
            XCTAssertEqual(latest, [50836.55])
            let day = try String.fetchOne(db, sql: "SELECT day FROM observation_view WHERE subject = '4414.TW' AND period = '2025-Q3' LIMIT 1")
            XCTAssertEqual(day, "2025-09-30")
            let change = try Double.fetchOne(db, sql: "SELECT change_pp FROM tariff_changes WHERE levied_by = 'US' AND \"on\" = 'MY' AND measure = 'rate'")
            XCTAssertEqual(change, -5)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count FROM subjects WHERE subject = 'N225'"), 8)
            XCTAssertTrue(try db.columns(in: "observation").contains { $0.name == "scope" })
        }
    }
}

/// A reader of a database made before schema v3 (no `scope`, no views) reads it as before and adds nothing.
final class SchemaV3ReaderTests: XCTestCase {
    func testAReaderOfAV2FileReadsItWithoutScope() throws {
        let path = scratchDatabasePath("v2")
        defer { removeDatabase(at: path) }
        do {
            let store = try FiguresStore(writingAt: path)
            _ = try store.ingest(content: "美國對越南課徵的關稅從46%下調至20%。日經225指數收在50,000點。", sourcePath: "a.txt",
                                 reference: Day(year: 2025, month: 3, day: 7))
        }
        // back to what schema v2 left
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for view in ["latest_value", "latest", "series", "observation_view", "subjects", "tariff_changes"] { try db.execute(sql: "DROP VIEW \(view)") }
            try db.execute(sql: "ALTER TABLE observation DROP COLUMN scope")
            for column in ["text", "title", "source"] { try db.execute(sql: "ALTER TABLE page DROP COLUMN \(column)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3%' OR identifier LIKE 'v4%'")
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        try queue.close()
        let reader = try FiguresStore(readingAt: path)
        let rows = try reader.observations(matching: ObservationFilter(subjects: ["N225"], metric: "CLOSE"))
        XCTAssertEqual(rows.map(\.observation.value), [50000])
        XCTAssertNil(rows[0].scope)
        XCTAssertEqual(try reader.tariffs(subject: "US", target: nil, since: nil).count, 1)
        let check = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        XCTAssertEqual(try check.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, 2, "readers never migrate")
        // the next ingest migrates it
        _ = try FiguresStore(writingAt: path)
        XCTAssertEqual(try check.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }, FiguresStore.schemaVersion)
    }
}
