import XCTest
import Foundation

/// scripts/spark-extract: a PySpark job in local mode that pipes page lines through the figures binary
/// (shipped with SparkContext.addFile) gives exactly the observations of a local `figures extract`.
/// Runs when pyspark can be imported (FIGURES_SPARK_PYTHON, else .build/pyspark-venv/bin/python, which
/// .ci/run makes, else python3) and Java answers; skipped with a message otherwise.
final class SparkTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws { scratch = try makeScratchFolder("spark") }

    override func tearDown() { removeScratchFolder(scratch) }

    /// Runs a program found on PATH (or at a path), in the scratch folder (where Spark leaves its files).
    @discardableResult
    func run(_ executable: String, _ args: [String]) throws -> ProcessOutput {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [executable] + args, in: scratch)
    }

    /// A Python that imports pyspark, or nil.
    func sparkPython() -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["FIGURES_SPARK_PYTHON"], !env.isEmpty { candidates.append(env) }
        candidates.append(CLITests.root.appendingPathComponent(".build/pyspark-venv/bin/python").path)
        candidates.append("python3")
        for python in candidates where python == "python3" || FileManager.default.isExecutableFile(atPath: python) {
            if let r = try? run(python, ["-c", "import pyspark"]), r.status == 0 { return python }
        }
        return nil
    }

    func testSparkJobGivesTheObservationsOfALocalExtract() throws {
        guard let python = sparkPython() else {
            throw XCTSkip("pyspark is not importable (FIGURES_SPARK_PYTHON, .build/pyspark-venv, python3): the Spark job is not tested; .ci/run installs it")
        }
        guard let java = try? run("java", ["-version"]), java.status == 0 else {
            throw XCTSkip("no java on PATH: pyspark needs Java 17; the Spark job is not tested")
        }
        // a few generated pages with index.tsv dates, the seed page, and a page without a date (--date)
        let pages = scratch.appendingPathComponent("pages")
        let gen = try run(python, [CLITests.root.appendingPathComponent("scripts/gen-corpus").path, pages.path, "--mb", "0.06", "--seed", "5"])
        XCTAssertEqual(gen.status, 0, gen.err)
        try FileManager.default.copyItem(atPath: CLITests.seed, toPath: pages.appendingPathComponent("seed page, 1.txt").path)
        try Data("日經225指數收在50,000點。\n".utf8).write(to: pages.appendingPathComponent("undated.txt"))
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(names.count, 3)

        let out = scratch.appendingPathComponent("out")
        let job = try run(python, [CLITests.root.appendingPathComponent("scripts/spark-extract").path, pages.path, out.path,
                                        "--date", "2025-12-01", "--figures", CLITests.binary.path, "--master", "local[2]", "--partitions", "3"])
        XCTAssertEqual(job.status, 0, job.err)
        var spark: [String] = []
        for part in try FileManager.default.contentsOfDirectory(atPath: out.path) where part.hasPrefix("part-") {
            spark += try String(contentsOf: out.appendingPathComponent(part), encoding: .utf8).split(separator: "\n").map(String.init)
        }

        // the same pages through figures extract, one at a time, with the page's id and date added
        let index = try String(contentsOf: pages.appendingPathComponent("index.tsv"), encoding: .utf8)
        var dates: [String: String] = [:]
        for line in index.split(separator: "\n") {
            let cols = line.split(separator: "\t").map(String.init)
            if cols.count >= 2 { dates[cols[0]] = cols[1] }
        }
        var local: [String] = []
        for name in names {
            let date = dates[String(name.dropLast(4))] ?? "2025-12-01"
            let r = try runFigures(["extract", "--format", "jsonl", "--date", date, pages.appendingPathComponent(name).path], in: scratch)
            XCTAssertEqual(r.status, 0, r.err)
            local += r.out.split(separator: "\n").map { MapperTests.mapped($0, id: name, date: date) }
        }
        XCTAssertGreaterThan(local.count, 100)
        XCTAssertEqual(spark.count, local.count)
        XCTAssertEqual(spark.sorted(), local.sorted())
        XCTAssertTrue(spark.contains { $0.contains("\"page_id\":\"seed page, 1.txt\"") })
        XCTAssertTrue(spark.contains { $0.contains("\"page_id\":\"undated.txt\",\"page_date\":\"2025-12-01\"") })
    }
}
