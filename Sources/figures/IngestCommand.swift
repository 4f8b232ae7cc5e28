import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract pages and store their observations in the database.",
        discussion: """
        PATH is a page (.txt) or a folder, read recursively for .txt files. Each page is stored in
        one transaction with its observations; a page whose content is already stored is skipped,
        so ingesting the same files again adds nothing. A page's reference date is --date, else the
        date beside it in an index.tsv (page name, date), else today.

        Example:
          figures ingest --db news.sqlite seeds/
          figures ingest --date 2026-01-28 today.txt
        """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Reference date for every page (YYYY-MM-DD). Default: the page's index.tsv entry, else today.")
    var date: Day?

    @Flag(name: .shortAndLong, help: "Print one line per page.")
    var verbose = false

    @Argument(help: ArgumentHelp("Pages or folders of pages.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one page or folder") }
    }

    func run() throws {
        let store = try database.open(mustExist: false)
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
        var new = 0, unchanged = 0, added = 0
        // Batches: read, skip what is stored, extract on all cores, then write page by page
        // (one transaction each, in file order).
        let batchSize = 256
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            var pending: [(file: String, content: String, hash: String, reference: Day)] = []
            for file in files[batchStart..<min(files.count, batchStart + batchSize)] {
                let content: String
                do { content = try readPage(file) } catch { warn("\(error)"); failures += 1; continue }
                let reference = referenceDate(date, for: file)
                let hash = FiguresStore.contentHash(content)
                do {
                    if let stored = try store.storedReferenceDate(hash: hash) {
                        unchanged += 1
                        if stored != reference.description {
                            warn("\(file): same content already stored with reference date \(stored); not extracted again")
                        }
                        if verbose { print("unchanged\t0\t\(file)") }
                        continue
                    }
                } catch { warn("\(file): not stored: \(error)"); failures += 1; continue }
                if pending.contains(where: { $0.hash == hash }) { unchanged += 1; continue }   // the same page twice in one run
                pending.append((file, content, hash, reference))
            }
            let extractions = parallelMap(pending) { Extractor.extract($0.content, reference: $0.reference) }
            for (page, extraction) in zip(pending, extractions) {
                do {
                    let outcome = try store.store(content: page.content, hash: page.hash, sourcePath: page.file, reference: page.reference, extraction: extraction)
                    switch outcome.status {
                    case .new: new += 1
                    case .unchanged: unchanged += 1
                    }
                    added += outcome.observationsAdded
                    if verbose { print("\(outcome.status.rawValue)\t\(outcome.observationsAdded)\t\(page.file)") }
                } catch {
                    warn("\(page.file): not stored: \(error)")
                    failures += 1
                }
            }
        }
        print("pages: \(new) new, \(unchanged) unchanged\(failures > 0 ? ", \(failures) failed" : ""); observations added: \(added); database: \(store.path)")
        if failures > 0 { throw ExitCode(1) }
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
