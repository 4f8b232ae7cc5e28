import XCTest
import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The binary's input and output under stress: `-o` targets it must refuse, write errors (/dev/full as
/// standard output only), FIFOs and process substitution as input, pages in other encodings, bad dates.
/// Every test works in its own temporary folder.
final class ReliabilityCLITests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try makeScratchFolder("io") }

    override func tearDown() { removeScratchFolder(scratch) }

    /// Runs the binary in the scratch folder; `stdout` replaces the captured pipe (then `out` is empty).
    @discardableResult
    func run(_ args: [String], stdout: FileHandle? = nil) throws -> ProcessOutput { try runFigures(args, in: scratch, stdout: stdout) }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// A database with the seed page in it.
    func seededDatabase() throws -> String {
        let db = path("db.sqlite")
        let r = try run(["ingest", "--db", db, "--date", "2025-12-13", CLITests.seed])
        XCTAssertEqual(r.status, 0, r.err)
        return db
    }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    // MARK: export -o

    func testExportRefusesEverythingButARegularFileAndTouchesNothing() throws {
        let db = try seededDatabase()
        let dbBytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let folder = path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        FileManager.default.createFile(atPath: folder + "/keep.txt", contents: Data("keep".utf8))
        XCTAssertTrue(FileManager.default.createFile(atPath: path("real.csv"), contents: Data("old".utf8)))
        try FileManager.default.createSymbolicLink(atPath: path("link.csv"), withDestinationPath: "real.csv")
        XCTAssertEqual(mkfifo(path("fifo"), 0o600), 0)
        try FileManager.default.linkItem(atPath: db, toPath: path("hardlink.sqlite"))

        for target in [folder, path("link.csv"), path("fifo"), db, "./db.sqlite", path("hardlink.sqlite"), db + "-wal", db + "-shm", "folder/"] {
            let r = try run(["export", "--db", db, "-o", target])
            XCTAssertEqual(r.status, 1, target)
            XCTAssertTrue(r.err.hasPrefix("figures: refusing to write \(target): "), r.err)
            XCTAssertEqual(r.err.filter { $0 == "\n" }.count, 1, "one line: \(r.err)")
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "/keep.txt", encoding: .utf8), "keep")
        XCTAssertEqual(fileType(path("link.csv")), S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: path("real.csv"), encoding: .utf8), "old")
        XCTAssertEqual(fileType(path("fifo")), S_IFIFO)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), dbBytes)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted(),
                       ["db.sqlite", "fifo", "folder", "hardlink.sqlite", "link.csv", "real.csv"])
    }

    func testExportRefusesADeviceAndLeavesIt() throws {
        let device = "/dev/full"
        guard fileType(device) == S_IFCHR else { throw XCTSkip("no \(device) here") }
        let db = try seededDatabase()
        let r = try run(["export", "--db", db, "-o", device])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "figures: refusing to write /dev/full: it is a device; -o takes a new file or an existing regular file\n")
        XCTAssertEqual(fileType(device), S_IFCHR)
    }

    func testExportReplacesARegularFileWholeKeepingItsMode() throws {
        let db = try seededDatabase()
        let target = path("out.csv")
        FileManager.default.createFile(atPath: target, contents: Data("old contents\n".utf8), attributes: [.posixPermissions: 0o640])
        let r = try run(["export", "--db", db, "-o", target])
        XCTAssertEqual(r.status, 0, r.err)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("kind,subject,metric,value"))
        XCTAssertFalse(written.contains("old contents"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int, 0o640)
        // SQLite's own -wal and -shm beside a WAL database (a reader opens them) are not ours to count
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { !$0.hasPrefix("db.sqlite-") }.sorted()
        XCTAssertEqual(left, ["db.sqlite", "out.csv"], "no temporary file is left beside the target")
        let fresh = try run(["export", "--db", db, "--format", "jsonl", "-o", "new.jsonl"])
        XCTAssertEqual(fresh.status, 0, fresh.err)
        XCTAssertEqual(try String(contentsOfFile: path("new.jsonl"), encoding: .utf8).split(separator: "\n").count, 73)
    }

    // MARK: write errors

    func testAFullStandardOutputIsAnErrorForEveryCommand() throws {
        guard fileType("/dev/full") == S_IFCHR, let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        defer { try? full.close() }
        let db = try seededDatabase()
        let commands: [[String]] = [
            ["extract", "--date", "2025-12-13", CLITests.seed],
            ["extract", "--format", "table", "--date", "2025-12-13", CLITests.seed],
            ["query", "N225", "--db", db],
            ["export", "--db", db],
            ["tariffs", "--db", db],
            ["explain", "--date", "2025-12-13", CLITests.seed],
            ["numbers", "上漲1.5%"],
            ["ingest", "--db", path("other.sqlite"), "--date", "2025-12-13", CLITests.seed],
        ]
        for args in commands {
            let r = try run(args, stdout: full)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertEqual(r.err, "figures: cannot write standard output: No space left on device\n", args.joined(separator: " "))
        }
    }

    // MARK: reading pages

    func write(_ bytes: [UInt8], to name: String) -> String {
        FileManager.default.createFile(atPath: path(name), contents: Data(bytes))
        return path(name)
    }

    func testExtractReadsGB18030Big5AndUTF16LikeUTF8() throws {
        let teaser = ReliabilityTests.teaser
        let utf8 = write(Array(teaser.utf8), to: "utf8.txt")
        let expected = try run(["extract", "--date", "2025-12-12", utf8])
        XCTAssertEqual(expected.status, 0, expected.err)
        XCTAssertTrue(expected.out.contains("\"subject\":\"TOPIX\""), expected.out)
        let copies: [(String, [UInt8], String)] = [
            ("gb.txt", ReliabilityTests.encoded(teaser, .GB_18030_2000), "GB18030 (detected)"),
            ("big5.txt", ReliabilityTests.encoded(teaser, .big5), "Big5 (detected)"),
            ("utf16.txt", [0xFE, 0xFF] + teaser.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE (byte-order mark)"),
        ]
        for (name, bytes, note) in copies {
            let file = write(bytes, to: name)
            let r = try run(["extract", "-v", "--date", "2025-12-12", file])
            XCTAssertEqual(r.status, 0, r.err)
            XCTAssertEqual(r.out, expected.out, name)
            XCTAssertEqual(r.err, "figures: \(file): \(note)\n")
        }
        let forced = try run(["extract", "--encoding", "big5", "--date", "2025-12-12", path("big5.txt")])
        XCTAssertEqual(forced.out, expected.out)
        let ingested = try run(["ingest", "--db", path("db.sqlite"), "--date", "2025-12-12", path("gb.txt"), path("big5.txt"), utf8])
        XCTAssertTrue(ingested.out.hasPrefix("pages: 1 new, 2 unchanged"), "the same text in three encodings is one page: \(ingested.out)")
    }

    func testBinaryFilesAreSkippedAndInvalidBytesCounted() throws {
        let binary = write([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 64), to: "program.txt")
        let page = write(Array(ReliabilityTests.teaser.prefix(12).utf8) + [0xFF] + Array(ReliabilityTests.teaser.dropFirst(12).utf8), to: "page.txt")
        let r = try run(["extract", "--date", "2025-12-12", binary, page])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("figures: skipping \(binary): not a text file (binary)\n"), r.err)
        XCTAssertTrue(r.err.contains("figures: \(page): 1 invalid byte sequence in UTF-8 replaced by U+FFFD\n"), r.err)
        XCTAssertTrue(r.out.contains("N225"), "the good page is still read")
        let ingest = try run(["ingest", "--db", path("db.sqlite"), "--date", "2025-12-12", scratch.path])
        XCTAssertEqual(ingest.status, 1)
        XCTAssertTrue(ingest.out.hasPrefix("pages: 1 new, 0 unchanged, 1 failed"), ingest.out)
    }

    func testExtractReadsAFIFOAndProcessSubstitution() throws {
        let fifo = path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let text = Data(ReliabilityTests.teaser.utf8)
        let writer = Thread {
            // opening a FIFO for writing waits for its reader, the figures process
            if let handle = FileHandle(forWritingAtPath: fifo) { handle.write(text); try? handle.close() }
        }
        writer.start()
        let r = try run(["extract", "--date", "2025-12-12", fifo])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("\"subject\":\"N225\""), r.out + r.err)

        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let page = write(Array(text), to: "page.txt")
        let substituted = try runProcess(URL(fileURLWithPath: "/bin/bash"),
                                         ["-c", "\"$0\" extract --date 2025-12-12 <(cat \"$1\")", CLITests.binary.path, page], in: scratch)
        XCTAssertEqual(substituted.status, 0, substituted.err)
        XCTAssertTrue(substituted.out.contains("\"subject\":\"N225\""), substituted.out)
    }

    // MARK: dates

    func testDatesOutsideTheSupportedYearsAreRefused() throws {
        let page = write(Array(ReliabilityTests.teaser.utf8), to: "page.txt")
        for args in [["extract", "--date", "0000-01-01", page], ["explain", "--date", "2101-01-01", page],
                     ["ingest", "--db", path("db.sqlite"), "--date", "1899-12-31", page], ["query", "--on", "3000-01-01", "--db", path("db.sqlite")],
                     ["tariffs", "--since", "0001-01-01", "--db", path("db.sqlite")]] {
            let r = try run(args)
            XCTAssertNotEqual(r.status, 0, args.joined(separator: " "))
            XCTAssertTrue(r.err.contains("years outside 1900–2100 are not supported"), r.err)
            XCTAssertEqual(r.out, "")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("db.sqlite")))
    }

    func testAMalformedIndexLineStopsTheIngestBeforeAnythingIsStored() throws {
        let folder = scratch.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        for name in ["a", "b"] { FileManager.default.createFile(atPath: folder.appendingPathComponent("\(name).txt").path, contents: Data(ReliabilityTests.teaser.utf8)) }
        let index = folder.appendingPathComponent("index.tsv").path
        for (line, why) in [("b\t2025-13-45", "'2025-13-45' is not a date"), ("b\t0025-12-12", "years outside"), ("b", "no reference date")] {
            FileManager.default.createFile(atPath: index, contents: Data("page\treference_date\na\t2025-12-12\n\(line)\n".utf8))
            let ingest = try run(["ingest", "--db", path("db.sqlite"), folder.path])
            XCTAssertEqual(ingest.status, 1)
            XCTAssertTrue(ingest.err.hasPrefix("figures: \(index), line 3: "), ingest.err)
            XCTAssertTrue(ingest.err.contains(why), ingest.err)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path("db.sqlite")), "nothing stored, no database created")
            let extract = try run(["extract", folder.appendingPathComponent("b.txt").path])
            XCTAssertEqual(extract.status, 1)
            XCTAssertTrue(extract.err.contains("\(index), line 3"), extract.err)
        }
        // comments and blank lines are fine, and --date needs no index
        FileManager.default.createFile(atPath: index, contents: Data("page\treference_date\r\n# pages of one day\r\n\r\na\t2025-12-12\r\nb\t2025-12-12\r\n".utf8))
        let good = try run(["ingest", "--db", path("db.sqlite"), folder.path])
        XCTAssertEqual(good.status, 0, good.err)
        XCTAssertEqual(good.err, "", "no fallback to today")
        XCTAssertTrue(good.out.hasPrefix("pages: 1 new, 1 unchanged"), good.out)
    }
}
