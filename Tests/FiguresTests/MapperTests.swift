import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `figures extract --input jsonl` (the mapper) and `figures load`, end to end through the binary.
final class MapperTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try makeScratchFolder("mapper") }

    override func tearDown() { removeScratchFolder(scratch) }

    @discardableResult
    func run(_ args: [String], stdin: Data? = nil) throws -> ProcessOutput { try runFigures(args, in: scratch, stdin: stdin) }

    static var seedText: String { get throws { try String(contentsOfFile: CLITests.seed, encoding: .utf8) } }

    /// A page line as the mapper reads it.
    static func pageLine(id: String, date: String?, text: String) throws -> String {
        var object: [String: Any] = ["id": id, "text": text]
        if let date { object["date"] = date }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// What the mapper adds to an observation line of `figures extract --format jsonl`.
    static func mapped(_ extractLine: Substring, id: String, date: String) -> String {
        String(extractLine.dropLast()) + ",\"page_id\":" + quote(id) + ",\"page_date\":\"\(date)\",\"extractor_version\":\"figures-0.1.0\"}"
    }

    static func quote(_ s: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }

    // MARK: the mapper

    func testMapperGivesTheObservationsOfExtractWithThePageID() throws {
        let expected = try run(["extract", "--format", "jsonl", "--date", "2025-12-13", CLITests.seed])
        XCTAssertEqual(expected.status, 0, expected.err)
        let input = try Self.pageLine(id: "seed/000", date: "2025-12-13", text: Self.seedText) + "\n"
            + Self.pageLine(id: "fallback", date: nil, text: "日經225指數收在50,000點。") + "\n"
        let r = try run(["extract", "--input", "jsonl", "--date", "2025-12-11", "-"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n")
        let want = expected.out.split(separator: "\n").map { Self.mapped($0, id: "seed/000", date: "2025-12-13") }
        XCTAssertGreaterThan(want.count, 50)
        XCTAssertEqual(lines.prefix(want.count).map(String.init), want)
        // the page without a date took --date
        XCTAssertEqual(lines.count, want.count + 1)
        XCTAssertTrue(lines.last!.contains("\"date\":\"2025-12-11\""), String(lines.last!))
        XCTAssertTrue(lines.last!.hasSuffix(",\"page_id\":\"fallback\",\"page_date\":\"2025-12-11\",\"extractor_version\":\"figures-0.1.0\"}"))

        // the same from a file, and as CSV: one header row, a row per observation, the page id in its column
        try Data(input.utf8).write(to: scratch.appendingPathComponent("pages.jsonl"))
        let fromFile = try run(["extract", "--input", "jsonl", "--date", "2025-12-11", "pages.jsonl"])
        XCTAssertEqual(fromFile.out, r.out)
        let csv = try run(["extract", "--input", "jsonl", "--format", "csv", "--date", "2025-12-11", "pages.jsonl"])
        XCTAssertEqual(csv.status, 0, csv.err)
        let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.first, "kind,subject,metric,value,value_high,unit,previous,target,qualifier,date,period,scope,text,start,end,page_id,page_date,extractor_version")
        XCTAssertEqual(rows.count, lines.count + 1)
        XCTAssertTrue(rows[1].hasSuffix(",seed/000,2025-12-13,figures-0.1.0"), rows[1])
    }

    func testBadLinesAreReportedWithTheirNumberAndSkipped() throws {
        let good = try Self.pageLine(id: "ok", date: "2025-12-12", text: "日經225指數收在50,000點。")
        let input = [
            good,
            "not json",
            "{\"id\": \"no-text\", \"date\": \"2025-12-12\"}",
            "{\"id\": \"bad-date\", \"date\": \"2025-13-40\", \"text\": \"日經225指數收在50,000點。\"}",
            "{\"id\": \"no-date\", \"text\": \"日經225指數收在50,000點。\"}",
            "",
            "{\"date\": \"2025-12-12\", \"text\": \"日經225指數收在50,000點。\"}",
            "[1, 2]",
            "{\"id\": \"year\", \"date\": \"0000-01-01\", \"text\": \"x\"}",
            "{\"id\": \"trailing\", \"date\": \"2025-12-12\", \"text\": \"x\"} garbage",
            good.replacingOccurrences(of: "\"ok\"", with: "\"ok2\""),
        ].joined(separator: "\n")
        let r = try run(["extract", "--input", "jsonl", "-"], stdin: Data(input.utf8))
        XCTAssertEqual(r.status, 1)
        // the good lines are processed, before and after the bad ones
        XCTAssertTrue(r.out.contains("\"page_id\":\"ok\""), r.out)
        XCTAssertTrue(r.out.contains("\"page_id\":\"ok2\""), r.out)
        XCTAssertEqual(r.out.split(separator: "\n").count, 2)
        for (line, why) in [(2, "not a JSON object"), (3, "page no-text: no text"), (4, "page bad-date: bad date '2025-13-40'"),
                            (5, "page no-date: no date"), (7, "no page id"), (8, "not a JSON object"), (9, "page year: date 0000-01-01: years outside"),
                            (10, "not JSON (text after the object")] {
            XCTAssertTrue(r.err.contains("figures: standard input, line \(line): \(why)"), "line \(line): \(r.err)")
        }
        XCTAssertFalse(r.err.contains("line 6:"), "a blank line is skipped quietly: \(r.err)")
        XCTAssertTrue(r.err.contains("8 bad lines skipped"), r.err)
        // with --date, the line without a date is good
        let withDate = try run(["extract", "--input", "jsonl", "--date", "2025-12-12", "-"], stdin: Data(input.utf8))
        XCTAssertTrue(withDate.out.contains("\"page_id\":\"no-date\""))
        XCTAssertTrue(withDate.err.contains("7 bad lines skipped"), withDate.err)
        // a file that does not exist is an error; the others are still read
        try Data((good + "\n").utf8).write(to: scratch.appendingPathComponent("good.jsonl"))
        let missing = try run(["extract", "--input", "jsonl", "missing.jsonl", "good.jsonl"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("cannot read missing.jsonl"), missing.err)
        XCTAssertTrue(missing.out.contains("\"page_id\":\"ok\""))
        // formats that do not stream are refused
        XCTAssertNotEqual(try run(["extract", "--input", "jsonl", "--format", "table", "-"]).status, 0)
    }

    /// A line's observations come out before the next line is written: the mapper does not wait for
    /// more input (or its end) to process what it has, so it can sit in a pipe between two programs.
    func testMapperAnswersEachLineBeforeTheNextArrives() throws {
        let p = testProcess(CLITests.binary, ["extract", "--input", "jsonl", "--date", "2025-12-12", "-"], in: scratch)
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let reader = output.fileHandleForReading
        var received = Data()
        /// Reads output until it holds `needle`, at most `seconds`.
        func waitFor(_ needle: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            let bytes = Data(needle.utf8)
            var from = 0   // what was searched already (less the needle's length)
            func found() -> Bool {
                defer { from = max(0, received.count - bytes.count) }
                return received.range(of: bytes, in: from..<received.count) != nil
            }
            while Date() < deadline {
                if found() { return true }
                var p = pollfd(fd: reader.fileDescriptor, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 200) > 0 {
                    let chunk = reader.availableData
                    if chunk.isEmpty { return found() }
                    received.append(chunk)
                }
            }
            return false
        }
        for i in 1...3 {
            let line = try Self.pageLine(id: "p\(i)", date: nil, text: "日經225指數收在5000\(i)點。") + "\n"
            input.fileHandleForWriting.write(Data(line.utf8))
            XCTAssertTrue(waitFor("\"page_id\":\"p\(i)\""), "no output for line \(i) while the input stays open: \(String(decoding: received, as: UTF8.self))")
        }

        // memory stays flat however much comes through: 15 MB of lines (each with 100 KB the mapper
        // reads and ignores, and 150 figures, 45 KB of output) grow the peak resident size by far less
        let pad = String(repeating: "x", count: 100_000)
        let dense = (0..<150).map { "日經225指數收在\(50000 + $0)點。" }.joined()
        func page(_ i: Int) throws -> Data {
            var object = try Self.pageLine(id: "big\(i)", date: nil, text: dense)
            object.removeLast()
            return Data((object + ",\"pad\":\"\(pad)\"}\n").utf8)
        }
        // written on another thread while this one reads: the mapper's output pipe must not fill up
        let firstPages = try (0..<20).map(page), laterPages = try (20..<150).map(page)
        let sink = input.fileHandleForWriting
        Thread { for d in firstPages { sink.write(d) } }.start()
        XCTAssertTrue(waitFor("\"page_id\":\"big19\""))
        let early = try peakResidentKB(p.processIdentifier)
        Thread { for d in laterPages { sink.write(d) } }.start()
        XCTAssertTrue(waitFor("\"page_id\":\"big149\""))
        let late = try peakResidentKB(p.processIdentifier)
        XCTAssertLessThan(late - early, 5_000, "peak RSS grew from \(early) KB to \(late) KB over 13 MB of input and 6 MB of output")
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
    }

    func peakResidentKB(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            throw XCTSkip("no VmHWM in /proc/\(pid)/status")
        }
        return kb
    }

    // MARK: load

    /// Page ids with characters that CSV, JSON and the shell treat specially come back as they were.
    func testOddPageIDsSurviveTheMapperAndLoadInBothFormats() throws {
        let ids = ["a,b", "quote\"d", "new\nline", "tab\there", "=1+2", "-minus", "@at", "'apostrophe", "新聞/頁 1.txt", "back\\slash", "  spaced  ", "😀"]
        var input = ""
        for (i, id) in ids.enumerated() { input += try Self.pageLine(id: id, date: "2025-12-12", text: "日經225指數收在\(50000 + i)點。") + "\n" }
        input += "{\"id\": 42, \"date\": \"2025-12-12\", \"text\": \"日經225指數收在49999點。\"}\n"
        try Data(input.utf8).write(to: scratch.appendingPathComponent("pages.jsonl"))
        let want = Set(ids + ["42"])
        for format in ["jsonl", "csv"] {
            let mapped = try run(["extract", "--input", "jsonl", "--format", format, "pages.jsonl"])
            XCTAssertEqual(mapped.status, 0, mapped.err)
            try Data(mapped.out.utf8).write(to: scratch.appendingPathComponent("obs.\(format)"))
            let loaded = try run(["load", "--db", "\(format).sqlite", "obs.\(format)"])
            XCTAssertEqual(loaded.status, 0, loaded.err)
            XCTAssertTrue(loaded.out.hasPrefix("pages: 13 new, 0 unchanged, 0 replaced; observations added: 13"), loaded.out)
            let export = try run(["export", "--db", "\(format).sqlite", "--format", "jsonl"])
            let pages = try export.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            XCTAssertEqual(Set(pages.map { $0["page"] as! String }), want, format)
            // each id kept its own figure
            for (i, id) in ids.enumerated() {
                XCTAssertEqual(pages.first { $0["page"] as? String == id }?["value"] as? Int, 50000 + i, "\(format) \(id)")
            }
        }
    }

    func testLoadIsIdempotentByPageID() throws {
        let input = try Self.pageLine(id: "seed", date: "2025-12-13", text: Self.seedText) + "\n"
            + Self.pageLine(id: "small", date: "2025-12-12", text: "日經225指數收在50,000點，漲1.5%。") + "\n"
        let mapped = try run(["extract", "--input", "jsonl", "-"], stdin: Data(input.utf8))
        XCTAssertEqual(mapped.status, 0, mapped.err)
        let lines = mapped.out.split(separator: "\n")
        let all = mapped.out
        try Data(all.utf8).write(to: scratch.appendingPathComponent("obs.jsonl"))
        let first = try run(["load", "--db", "db.sqlite", "obs.jsonl"])
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertEqual(first.out, "pages: 2 new, 0 unchanged, 0 replaced; observations added: \(lines.count), removed: 0; database: db.sqlite\n")
        let export1 = try run(["export", "--db", "db.sqlite"]).out
        // the same again: nothing changes, not even the rows' ids
        let again = try run(["load", "--db", "db.sqlite", "obs.jsonl"])
        XCTAssertEqual(again.out, "pages: 0 new, 2 unchanged, 0 replaced; observations added: 0, removed: 0; database: db.sqlite\n")
        XCTAssertEqual(try run(["export", "--db", "db.sqlite"]).out, export1)
        XCTAssertEqual(try counts("db.sqlite"), [2, lines.count])
        // a page's observations changed (one fewer): replaced, not added to
        let smallLines = lines.filter { $0.contains("\"page_id\":\"small\"") }
        XCTAssertEqual(smallLines.count, 2)
        let fewer = lines.filter { $0 != smallLines[0] }.joined(separator: "\n") + "\n"
        let replaced = try run(["load", "--db", "db.sqlite", "-"], stdin: Data(fewer.utf8))
        XCTAssertEqual(replaced.out, "pages: 0 new, 1 unchanged, 1 replaced; observations added: 1, removed: 2; database: db.sqlite\n")
        XCTAssertEqual(try counts("db.sqlite"), [2, lines.count - 1])
        // the outputs of two mappers, one page's lines split between them and a header-less concatenation: all kept once
        let a = lines.prefix(10).joined(separator: "\n") + "\n", b = lines.dropFirst(10).joined(separator: "\n") + "\n"
        let split = try run(["load", "--db", "split.sqlite", "-"], stdin: Data((a + b).utf8))
        XCTAssertEqual(split.status, 0, split.err)
        XCTAssertEqual(try counts("split.sqlite"), [2, lines.count])
        try Data(a.utf8).write(to: scratch.appendingPathComponent("a.jsonl"))
        try Data(b.utf8).write(to: scratch.appendingPathComponent("b.jsonl"))
        XCTAssertEqual(try run(["load", "--db", "two.sqlite", "a.jsonl", "b.jsonl"]).status, 0)
        XCTAssertEqual(try counts("two.sqlite"), [2, lines.count])
        // (the seed page's lines in both files meet in one batch: the page is whole again, so unchanged)
        XCTAssertEqual(try run(["load", "--db", "two.sqlite", "a.jsonl", "b.jsonl"]).out,
                       "pages: 0 new, 2 unchanged, 0 replaced; observations added: 0, removed: 0; database: two.sqlite\n")
        XCTAssertEqual(try counts("two.sqlite"), [2, lines.count])
    }

    func testLoadReadsCSVFromManyMappersAndReportsBadLines() throws {
        let input = try Self.pageLine(id: "seed", date: "2025-12-13", text: Self.seedText) + "\n"
        let jsonl = try run(["extract", "--input", "jsonl", "-"], stdin: Data(input.utf8)).out
        let csv = try run(["extract", "--input", "jsonl", "--format", "csv", "-"], stdin: Data(input.utf8)).out
        let tsv = try run(["extract", "--input", "jsonl", "--format", "tsv", "-"], stdin: Data(input.utf8)).out
        XCTAssertEqual(try run(["load", "--db", "j.sqlite", "-"], stdin: Data(jsonl.utf8)).status, 0)
        // two mappers' CSV concatenated: the second header is skipped; the format is told from the first line
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let twoMappers = rows.prefix(20).joined(separator: "\r\n") + "\r\n" + ([rows[0]] + rows.dropFirst(20)).joined(separator: "\r\n") + "\r\n"
        let c = try run(["load", "--db", "c.sqlite", "-"], stdin: Data(twoMappers.utf8))
        XCTAssertEqual(c.status, 0, c.err)
        XCTAssertEqual(try run(["load", "--db", "t.sqlite", "--format", "tsv", "-"], stdin: Data(tsv.utf8)).status, 0)
        let j = try run(["export", "--db", "j.sqlite", "--format", "jsonl"]).out
        XCTAssertEqual(try run(["export", "--db", "c.sqlite", "--format", "jsonl"]).out, j)
        XCTAssertEqual(try run(["export", "--db", "t.sqlite", "--format", "jsonl"]).out, j)
        // export's own CSV loads too (its page column is the page id)
        let exported = try run(["export", "--db", "j.sqlite"]).out
        XCTAssertEqual(try run(["load", "--db", "e.sqlite", "-"], stdin: Data(exported.utf8)).status, 0)
        XCTAssertEqual(try counts("e.sqlite"), try counts("j.sqlite"))

        // bad lines: named by number, skipped, exit 1; the good ones stored
        let lines = jsonl.split(separator: "\n").map(String.init)
        let bad = [lines[0], "{\"kind\": \"index\"}", lines[1].replacingOccurrences(of: "\"value\":", with: "\"value\":\"x\",\"v\":"), "oops", lines[2]]
            .joined(separator: "\n") + "\n"
        let r = try run(["load", "--db", "bad.sqlite", "-"], stdin: Data(bad.utf8))
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("standard input, line 2: no page_id"), r.err)
        XCTAssertTrue(r.err.contains("standard input, line 3: value is not a number"), r.err)
        XCTAssertTrue(r.err.contains("standard input, line 4: not a JSON object"), r.err)
        XCTAssertTrue(r.out.contains("3 bad lines skipped"), r.out)
        XCTAssertEqual(try counts("bad.sqlite"), [1, 2])
        // a first line that is neither JSON nor a header
        let unknown = try run(["load", "--db", "u.sqlite", "-"], stdin: Data("hello\n".utf8))
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.err.contains("cannot tell the format"), unknown.err)
    }

    /// `extract --input jsonl | load` gives the database answers that `ingest` of the same pages gives.
    func testMapperThenLoadAnswersAsIngestDoes() throws {
        let pages = scratch.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let texts: [(String, String, String)] = [
            ("a.txt", "2025-12-13", try Self.seedText),
            ("b.txt", "2025-12-12", "日經225指數收在50,836.55點，漲1.37%。\n美國對越南課徵20%關稅，從46%調降。\n中央社 ・ 1 天前"),
            ("c.txt", "2025-12-12", "日經225指數收在50,900點。恆生指數收在25,976.79點。\n新台幣兌美元收31.2元，貶值6.6分。"),
            ("d.txt", "2025-12-15", "台積電第三季營收9,899億元，年增30%。\n日經225指數收在50,100點。"),
        ]
        var jsonl = ""
        var index = "page\treference_date\n"
        for (name, date, text) in texts {
            try Data(text.utf8).write(to: pages.appendingPathComponent(name))
            index += "\(name.dropLast(4))\t\(date)\n"
            jsonl += try Self.pageLine(id: "pages/\(name)", date: date, text: text) + "\n"
        }
        try Data(index.utf8).write(to: pages.appendingPathComponent("index.tsv"))
        XCTAssertEqual(try run(["ingest", "--db", "ingest.sqlite", "pages"]).status, 0)
        let mapped = try run(["extract", "--input", "jsonl", "-"], stdin: Data(jsonl.utf8))
        XCTAssertEqual(mapped.status, 0, mapped.err)
        let loaded = try run(["load", "--db", "load.sqlite", "-"], stdin: Data(mapped.out.utf8))
        XCTAssertEqual(loaded.status, 0, loaded.err)
        let csv = try run(["extract", "--input", "jsonl", "--format", "csv", "-"], stdin: Data(jsonl.utf8))
        XCTAssertEqual(try run(["load", "--db", "csv.sqlite", "-"], stdin: Data(csv.out.utf8)).status, 0)
        let questions: [[String]] = [
            ["export", "--format", "jsonl"], ["export"], ["query", "N225"], ["query", "--kind", "index", "--as-of", "2025-12-13"],
            ["query", "close"], ["series", "日經", "close"], ["series", "日經", "恆指", "close", "--wide"], ["tariffs"],
            ["subjects"], ["query", "台積電", "--format", "csv"], ["query", "USD/TWD"],
        ]
        for q in questions {
            let ingested = try run(q + ["--db", "ingest.sqlite"])
            XCTAssertEqual(ingested.status, 0, "\(q): \(ingested.err)")
            XCTAssertFalse(ingested.out.isEmpty, "\(q)")
            XCTAssertEqual(try run(q + ["--db", "load.sqlite"]).out, ingested.out, "\(q)")
            XCTAssertEqual(try run(q + ["--db", "csv.sqlite"]).out, ingested.out, "\(q) (csv)")
        }
    }

    /// Pages and observations in a database.
    func counts(_ db: String) throws -> [Int] {
        let r = try run(["export", "--db", db, "--format", "jsonl"])
        let rows = try r.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        return [Set(rows.map { $0["page"] as! String }).count, rows.count]
    }
}
