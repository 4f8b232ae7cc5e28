import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresStore
import FiguresText

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract pages and store their observations in the database.",
        discussion: """
        PATH is a page (.txt) or a folder, read recursively for .txt files. Each page is stored with
        its observations or not at all; a page whose content is already stored is skipped,
        so ingesting the same files again adds nothing. A page's reference date is --date, else the
        date beside it in an index.tsv (page name, date), else today. A line of an index.tsv that gives
        no valid date (YYYY-MM-DD, years 1900–2100) stops the ingest before anything is stored.

        Example:
          figures ingest --db news.sqlite seeds/
          figures ingest --date 2026-01-28 today.txt
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Reference date for every page (YYYY-MM-DD). Default: the page's index.tsv entry, else today.")
    var date: Day?

    @OptionGroup var encoding: EncodingOptions

    @Flag(name: .shortAndLong, help: "Print one line per page (and, on stderr, the encoding each was read in).")
    var verbose = false

    @Argument(help: ArgumentHelp("Pages or folders of pages.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one page or folder") }
        try requireSupportedYears(["--date": date])
    }

    func run() throws {
        var files: [String] = []
        var failures = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                warn("cannot read \(path): no such file or folder")
                failures += 1
                continue
            }
            files += isDirectory.boolValue ? pages(in: path) : [path]
        }
        // a bad index.tsv line stops the ingest before anything is stored (or a database created)
        if date == nil {
            for folder in Set(files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) {
                _ = try ReferenceDateIndex.shared.dates(inFolder: folder)
            }
        }
        let store = try database.open(mustExist: false)
        let tally = IngestTally(failures: failures)
        let out = Output()
        // Batches: read, skip what is stored, extract on all cores, then write the batch in one
        // transaction (a savepoint per page, in file order: a page that fails is left out alone).
        // A batch is written on the writer queue while the next one is read and extracted.
        let writer = DispatchQueue(label: "figures.ingest.writer")
        let batchSize = 256
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            var pending: [(file: String, content: String, hash: String, reference: Day)] = []
            var lines: [String] = []   // verbose lines of the batch, printed in file order by the writer
            var skipped = 0, failed = 0
            for file in files[batchStart..<min(files.count, batchStart + batchSize)] {
                let content: String
                do { content = try readPage(file, encoding: encoding.encoding, verbose: verbose) } catch { warn("\(error)"); failed += 1; continue }
                let reference = try referenceDate(date, for: file)
                let hash = FiguresStore.contentHash(content)
                do {
                    if let stored = try store.storedReferenceDate(hash: hash) {
                        skipped += 1
                        if stored != reference.description {
                            warn("\(file): same content already stored with reference date \(stored); not extracted again")
                        }
                        if verbose { lines.append("unchanged\t0\t\(file)") }
                        continue
                    }
                } catch { warn("\(file): not stored: \(error)"); failed += 1; continue }
                if pending.contains(where: { $0.hash == hash }) { skipped += 1; continue }   // the same page twice in one run
                pending.append((file, content, hash, reference))
            }
            let extractions = parallelMap(pending) { Extractor.extract($0.content, reference: $0.reference) }
            let toStore = zip(pending, extractions).map { page, extraction in
                FiguresStore.PageToStore(content: page.content, hash: page.hash, sourcePath: page.file, reference: page.reference, extraction: extraction)
            }
            let verbose = self.verbose
            // the previous batch was written while this one was extracted: wait for it, so that at most
            // one batch waits for the writer and memory stays two batches whatever the input
            writer.sync {}
            writer.async { [lines, skipped, failed] in
                tally.add(unchanged: skipped, failures: failed)
                // a failed write is remembered by `out` and reported by the final flush; storing goes on
                for line in lines { try? out.write(line + "\n") }
                let results: [Result<IngestOutcome, any Error>]
                do { results = try store.store(toStore) } catch {
                    // the batch's transaction failed as a whole (disk full, database locked): none of it is stored
                    for page in toStore { warn("\(page.sourcePath): not stored: \(error)") }
                    tally.add(failures: toStore.count)
                    return
                }
                for (page, result) in zip(toStore, results) {
                    switch result {
                    case .success(let outcome):
                        tally.add(outcome)
                        if verbose { try? out.write("\(outcome.status.rawValue)\t\(outcome.observationsAdded)\t\(page.sourcePath)\n") }
                    case .failure(let error):
                        warn("\(page.sourcePath): not stored: \(error)")
                        tally.add(failures: 1)
                    }
                }
            }
        }
        writer.sync {}
        let t = tally.snapshot
        try out.write("pages: \(t.new) new, \(t.unchanged) unchanged\(t.failures > 0 ? ", \(t.failures) failed" : ""); observations added: \(t.added); database: \(store.path)\n")
        try out.flush()
        if t.failures > 0 { throw ExitCode(1) }
    }

    /// The .txt pages below a folder, in name order.
    func pages(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let item = walker.nextObject() as? String {
            if item.hasSuffix(".txt") { found.append((folder as NSString).appendingPathComponent(item)) }
        }
        return found.sorted()
    }
}

/// Counts of an ingest run, added to by the writer queue and read when it is done.
final class IngestTally: @unchecked Sendable {
    struct Counts { var new = 0, unchanged = 0, failures = 0, added = 0 }
    private var counts = Counts()
    private let lock = NSLock()

    init(failures: Int) { counts.failures = failures }

    func add(unchanged: Int = 0, failures: Int = 0) {
        lock.withLock { counts.unchanged += unchanged; counts.failures += failures }
    }

    func add(_ outcome: IngestOutcome) {
        lock.withLock {
            switch outcome.status {
            case .new: counts.new += 1
            case .unchanged: counts.unchanged += 1
            }
            counts.added += outcome.observationsAdded
        }
    }

    var snapshot: Counts { lock.withLock { counts } }
}
