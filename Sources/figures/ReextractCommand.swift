import ArgumentParser
import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresStore

struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Extract every stored page again with this figures, replacing its observations.",
        discussion: """
        After an upgrade of figures: every page stored with its text (ingested by a figures with schema
        v4 or later) is extracted again from that text with its stored reference date; its source path,
        reference date and ingest time are kept. Pages stored before have no text: they are counted and
        left as they are (ingest their files again with --force to extract them anew). Pages are written
        in batches, one transaction each, as ingest does.

        Example:
          figures reextract --db news.sqlite
        """
    )

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try database.openForWriting()
        let before = try store.counts()
        let withoutText = try store.pagesWithoutText()
        var pages = 0, added = 0, removed = 0, failures = 0
        var last: Int64 = 0
        while true {
            let batch = try store.pagesWithText(after: last, limit: 256)
            guard let lastPage = batch.last else { break }
            last = lastPage.id
            let extractions = parallelMap(batch) { page in
                Extractor.extract(page.text, reference: Day(iso: page.referenceDate) ?? Day(year: 2000, month: 1, day: 1))
            }
            let toStore = zip(batch, extractions).map { page, extraction in
                FiguresStore.PageToStore(content: page.text, sourcePath: page.sourcePath,
                                         reference: Day(iso: page.referenceDate) ?? Day(year: 2000, month: 1, day: 1),
                                         extraction: extraction, policy: .reextract, ingestedAt: page.ingestedAt)
            }
            let outcome: FiguresStore.BatchOutcome
            do { outcome = try store.store(toStore) } catch {
                throw CLIError("cannot write to \(store.path): \(FiguresStore.reason(error)); \(pages) pages re-extracted before")
            }
            for (page, result) in zip(toStore, outcome.results) {
                switch result {
                case .success(let o):
                    pages += 1; added += o.observationsAdded; removed += o.observationsRemoved
                case .failure(let error):
                    warn("\(page.sourcePath): not re-extracted: \(error)")
                    failures += 1
                }
            }
            if let failure = outcome.storageFailure {
                throw CLIError("cannot write to \(store.path): \(FiguresStore.reason(failure)); \(pages) pages re-extracted before")
            }
        }
        let after = try store.counts()
        if withoutText > 0 {
            warn("\(withoutText) page\(withoutText == 1 ? "" : "s") stored without text (before schema v4) skipped: ingest their files again with --force to extract them anew")
        }
        let out = Output()
        try out.write("re-extracted \(pages) page\(pages == 1 ? "" : "s") with \(extractorVersion) (\(withoutText) skipped without text"
                      + (failures > 0 ? ", \(failures) failed" : "") + "); observations: \(removed) removed, \(added) added\n")
        try out.write("before: \(before.pages) pages, \(before.observations) observations; after: \(after.pages) pages, \(after.observations) observations; database: \(store.path)\n")
        try out.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
