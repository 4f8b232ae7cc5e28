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
        PATH is a page (.txt), a folder, read recursively for .txt files, or - for one page read from
        standard input (its reference date is --date, else today, with a note). Each page is stored with
        its observations or not at all. A page is identified by its text: the same text saved with a
        byte-order mark, CRLF or CR line ends or whitespace at the end is the same page. A page whose
        content is already stored is skipped, so ingesting the same files again adds nothing — except
        with --date D when the page was stored with another date: it is extracted again with D, its
        observations replaced (a wrong date corrected). --force extracts every stored page again (after
        an upgrade of figures), with --date, else its index.tsv date, else the date it was stored with.
        A page's reference date is --date, else the date beside it in an index.tsv (page name, date),
        else today. A line of an index.tsv that gives no valid date (YYYY-MM-DD, years 1900–2100) stops
        the ingest before anything is stored.

        When the database cannot be written (disk full), the ingest stops at the first failure and says
        how many pages were stored; running it again once there is room adds the rest.

        An ingest of more than 200 pages shows a progress line on stderr when stderr is a terminal
        (pages done / total, observations, MB/s, time left); -q turns it off.

        Example:
          figures ingest --db news.sqlite seeds/
          figures ingest --date 2026-01-28 today.txt
          figures ingest --force seeds/
          figures ingest --db postgresql://me@localhost/news seeds/   (a PostgreSQL server; many ingests at once)
          curl -s https://… | figures ingest --date 2026-01-28 -
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Reference date for every page (YYYY-MM-DD); a stored page with another date is extracted again with this one. Default: the page's index.tsv entry, else today.")
    var date: Day?

    @OptionGroup var encoding: EncodingOptions

    @Flag(help: "Extract pages that are stored already again, replacing their observations.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print one line per page (and, on stderr, the encoding each was read in).")
    var verbose = false

    @Flag(name: .shortAndLong, help: "No progress line.")
    var quiet = false

    @Argument(help: ArgumentHelp("Pages or folders of pages; - for a page on standard input.", valueName: "path"), completion: .file())
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one page or folder") }
        try requireSupportedYears(["--date": date])
    }

    func run() throws {
        var files: [String] = []
        var failures = 0
        for path in paths {
            if path == "-" {
                if !files.contains("-") { files.append("-") }
                continue
            }
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
            for folder in Set(files.filter { $0 != "-" }.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) {
                _ = try ReferenceDateIndex.shared.dates(inFolder: folder)
            }
        }
        let store = try database.openForWriting()
        let tally = IngestTally(failures: failures)
        let out = Output()
        let progress = ProgressLine.wanted(pages: files.count, quiet: quiet)
            ? ProgressLine(total: files.count) { let c = tally.snapshot; return (c.new + c.unchanged + c.reextracted + c.failures, c.added) }
            : nil
        progress?.start()
        defer { progress?.finish() }
        // Batches: read, skip what is stored, extract on all cores, then write the batch in one
        // transaction (a savepoint per page, in file order: a page that fails is left out alone).
        // A batch is written on the writer queue while the next one is read and extracted.
        let writer = DispatchQueue(label: "figures.ingest.writer")
        let batchSize = 256
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            // the database failed (disk full): every further page would fail the same way
            if tally.storageFailure != nil { break }
            var pending: [(file: String, content: String, identity: PageIdentity, reference: Day, policy: StoredPagePolicy)] = []
            var lines: [String] = []   // verbose lines of the batch, printed in file order by the writer
            var skipped = 0, failed = 0
            let batch = files[batchStart..<min(files.count, batchStart + batchSize)]
            for file in batch {
                let content: String
                do { content = try readPage(file, encoding: encoding.encoding, verbose: verbose) } catch { warn("\(error)"); failed += 1; continue }
                progress?.add(bytes: content.utf8.count)
                let identity = PageIdentity(content)
                let stored: String?
                do { stored = try store.storedReferenceDate(of: identity) } catch { warn("\(file): not stored: \(error)"); failed += 1; continue }
                let reference: Day
                let policy: StoredPagePolicy
                if let stored {
                    let recorded = try date ?? (file == "-" ? nil : recordedReferenceDate(for: file))
                    if force {
                        reference = try recorded ?? Day(iso: stored) ?? referenceDate(nil, for: file)
                        policy = .reextract
                    } else if let date, date.description != stored {
                        reference = date
                        policy = .redate
                    } else {
                        skipped += 1
                        if let recorded, recorded.description != stored {
                            warn("\(file): same content already stored with reference date \(stored), not \(recorded); not extracted again (--date \(recorded) re-extracts it with that date)")
                        }
                        if verbose { lines.append("unchanged\t0\t\(file)") }
                        continue
                    }
                } else {
                    reference = try referenceDate(date, for: file)
                    policy = .keep
                }
                if pending.contains(where: { $0.identity.textHash == identity.textHash }) { skipped += 1; continue }   // the same page twice in one run
                pending.append((file, content, identity, reference, policy))
            }
            let extractions = parallelMap(pending) { Extractor.extract($0.content, reference: $0.reference) }
            let toStore = zip(pending, extractions).map { page, extraction in
                FiguresStore.PageToStore(content: page.content, identity: page.identity, sourcePath: page.file, reference: page.reference,
                                         extraction: extraction, policy: page.policy)
            }
            let verbose = self.verbose
            // the previous batch was written while this one was extracted: wait for it, so that at most
            // one batch waits for the writer and memory stays two batches whatever the input
            writer.sync {}
            writer.async { [lines, skipped, failed] in
                if tally.storageFailure != nil { return }
                tally.add(unchanged: skipped, failures: failed)
                // a failed write is remembered by `out` and reported by the final flush; storing goes on
                for line in lines { try? out.write(line + "\n") }
                let batch: FiguresStore.BatchOutcome
                do { batch = try store.store(toStore) } catch {
                    // the batch's transaction failed as a whole: none of it is stored
                    if FiguresStore.isStorageFailure(error) { tally.stop(error); return }
                    for page in toStore { warn("\(page.sourcePath): not stored: \(error)") }
                    tally.add(failures: toStore.count)
                    return
                }
                for (page, result) in zip(toStore, batch.results) {
                    switch result {
                    case .success(let outcome):
                        tally.add(outcome)
                        if verbose { try? out.write("\(outcome.status.rawValue)\t\(outcome.observationsAdded)\t\(page.sourcePath)\n") }
                        if outcome.status == .reextracted, let earlier = outcome.storedReferenceDate {
                            try? out.write("re-dated \(page.sourcePath): stored with \(earlier), extracted again with \(page.reference): \(outcome.observationsAdded) observations replace \(outcome.observationsRemoved)\n")
                        }
                    case .failure(let error):
                        warn("\(page.sourcePath): not stored: \(error)")
                        tally.add(failures: 1)
                    }
                }
                if let failure = batch.storageFailure { tally.stop(failure) }
            }
        }
        writer.sync {}
        progress?.finish()
        let t = tally.snapshot
        if let failure = tally.storageFailure {
            // one message, not one per page: every page after the first failure would fail the same way
            let done = t.new + t.reextracted
            warn("cannot write to \(store.path): \(FiguresStore.reason(failure)); stopped after storing \(done) page\(done == 1 ? "" : "s") of \(files.count) in this run (\(t.added) observations); the rest are not stored — run the same ingest again once the database can be written to")
        }
        var pages = "\(t.new) new, \(t.unchanged) unchanged"
        if t.reextracted > 0 { pages += ", \(t.reextracted) re-extracted" }
        if t.failures > 0 { pages += ", \(t.failures) failed" }
        var observations = "observations added: \(t.added)"
        if t.removed > 0 { observations += ", replaced: \(t.removed)" }
        try out.write("pages: \(pages); \(observations); database: \(store.path)\n")
        try out.flush()
        if t.failures > 0 || tally.storageFailure != nil { throw ExitCode(1) }
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
    struct Counts { var new = 0, unchanged = 0, reextracted = 0, failures = 0, added = 0, removed = 0 }
    private var counts = Counts()
    private var firstStorageFailure: (any Error)?
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
            case .reextracted: counts.reextracted += 1
            }
            counts.added += outcome.observationsAdded
            counts.removed += outcome.observationsRemoved
        }
    }

    /// The database failed: the ingest stops (the first failure is the one reported).
    func stop(_ error: any Error) {
        lock.withLock { if firstStorageFailure == nil { firstStorageFailure = error } }
    }

    var storageFailure: (any Error)? { lock.withLock { firstStorageFailure } }

    var snapshot: Counts { lock.withLock { counts } }
}
