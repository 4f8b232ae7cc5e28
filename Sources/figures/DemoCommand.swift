import ArgumentParser
import Foundation
import FiguresQuantities
import FiguresReports
import FiguresSeeds
import FiguresStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The main job on the bundled seed page: build a database and print the report.",
        discussion: """
        Ingests the pages of ./seeds (or, when there is no such folder, the copy built into the binary)
        into $FIGURES_DB (a file, or a postgresql:// URL), or into a fresh database file it names, then prints the latest index levels and
        moves, exchange rates, rate moves, tariff changes and company figures as aligned tables.

        Example:
          figures demo
          FIGURES_DB=seed.sqlite figures demo
        """
    )

    func run() throws {
        let env = ProcessInfo.processInfo.environment["FIGURES_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let path = env ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("figures-demo-\(ProcessInfo.processInfo.processIdentifier)-\(Int(Date().timeIntervalSince1970)).sqlite")
        let store: FiguresStore
        do { store = try FiguresStore(path: path) } catch { throw CLIError("cannot create the database at \(FiguresStore.displayName(of: path)): \(error)") }
        var pages: [(name: String, content: String, date: Day)] = []
        if FileManager.default.fileExists(atPath: "seeds/index.tsv") {
            for (name, date) in seedIndex(String(decoding: FileManager.default.contents(atPath: "seeds/index.tsv") ?? Data(), as: UTF8.self)) {
                let file = "seeds/\(name).txt"
                guard let data = FileManager.default.contents(atPath: file) else { warn("seeds/index.tsv names \(file), which cannot be read"); continue }
                pages.append((file, String(decoding: data, as: UTF8.self), date))
            }
        } else {
            for (name, date) in seedIndex(EmbeddedSeeds.files["index.tsv"] ?? "") {
                if let content = EmbeddedSeeds.files["\(name).txt"] { pages.append(("seeds/\(name).txt (built in)", content, date)) }
            }
        }
        var added = 0
        for page in pages {
            added += try store.ingest(content: page.content, sourcePath: page.name, reference: page.date).observationsAdded
        }
        let counts = try store.counts()
        let out = Output()
        try out.write("figures demo: \(pages.count) seed page(s) → \(added) new observations; database \(store.path) holds \(counts.pages) page(s), \(counts.observations) observations\n")
        try out.write(try MarketReport.render(store: store))
        let db = FiguresStore.isPostgresURL(path) ? "" : " --db \(path)"   // a URL's password stays in FIGURES_DB
        try out.write("\nNext: figures query N225\(db)   ·   figures export --bom -o figures.csv\(db)   ·   figures tariffs\(db)\n")
        try out.flush()
    }

    func seedIndex(_ text: String) -> [(String, Day)] {
        text.split(separator: "\n").compactMap { line in
            let cols = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard cols.count >= 2, let d = Day(iso: cols[1]) else { return nil }
            return (cols[0], d)
        }
    }
}
