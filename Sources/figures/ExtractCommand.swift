import ArgumentParser
import FiguresExtraction
import FiguresQuantities
import FiguresReports
import FiguresText

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the observations in news pages (no database).",
        discussion: """
        Each FILE is one page (a file, a FIFO, `<(command)`); `-` reads standard input. jsonl prints exactly
        the observation contract (one JSON object a line). A file that cannot be read, or is not text, is
        reported on stderr, the others are still processed, and the exit status is 1. Pages in UTF-8,
        UTF-16, GB18030 or Big5 are recognised (-v says which); --encoding overrides.

        --input jsonl reads pages as JSON lines instead, one page a line, {"id": …, "date": "YYYY-MM-DD",
        "text": …} (a missing date is --date's), from each FILE or - and writes each page's observations
        (jsonl, csv or tsv) with its page_id, page_date and extractor_version, line by line with flat
        memory: a mapper for Spark's RDD.pipe, Hadoop streaming or GNU parallel (`figures load` stores
        its output). A bad line (not JSON, no id or text, a bad date) is reported on stderr with its line
        number and skipped; the rest are still processed, and the exit status is 1.

        Example:
          figures extract --date 2025-12-13 seeds/000_ebbe0d012c511b39.txt
          figures extract --format table seeds/000_ebbe0d012c511b39.txt
          scripts/pages-jsonl seeds/ | figures extract --input jsonl - > observations.jsonl
        """
    )

    @Option(help: "Reference date of the pages (YYYY-MM-DD). Default: the date in an index.tsv beside the page, else today.")
    var date: Day?

    @OptionGroup var encoding: EncodingOptions

    @Flag(name: .shortAndLong, help: "Say on stderr which encoding each page was read in.")
    var verbose = false

    @Option(help: "Output format: jsonl, json, table, csv or tsv.")
    var format: OutputFormat = .jsonl

    enum Input: String, ExpressibleByArgument, CaseIterable { case files, jsonl }

    @Option(help: "files: each FILE is a page; jsonl: each FILE (or -) holds pages as JSON lines, {\"id\", \"date\", \"text\"}.")
    var input: Input = .files

    @Argument(help: ArgumentHelp("Pages to read (with --input jsonl: files of page lines); - for standard input.", valueName: "file"), completion: .file())
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE (or - for standard input)") }
        try requireSupportedYears(["--date": date])
        if input == .jsonl {
            guard [.jsonl, .csv, .tsv].contains(format) else { throw ValidationError("--input jsonl writes jsonl, csv or tsv (it streams)") }
            if encoding.encoding != nil { throw ValidationError("--encoding is for page files: the text of a JSON line is Unicode already") }
        }
    }

    func run() throws {
        if input == .jsonl { return try runMapper() }
        var failed = 0
        var items: [(Observation, String?, String?)] = []
        let out = Output()
        let formatter = ObservationFormatter()
        // pages are read and extracted in batches on all cores; output keeps the order of the files
        let batchSize = 256
        for batchStart in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[batchStart..<min(files.count, batchStart + batchSize)])
            var pages: [(path: String, content: String, date: Day)] = []
            for path in batch {
                do { pages.append((path, try readPage(path, encoding: encoding.encoding, verbose: verbose), try referenceDate(date, for: path))) } catch {
                    warn("\(error)")
                    failed += 1
                }
            }
            if format == .jsonl {
                // JSON lines are written on the cores too: a page's text is ready when its extraction is
                // (a page larger than a chunk is extracted below, chunk by chunk, each written as it is ready)
                let texts = parallelMap(pages) { page in
                    var text = ""
                    guard page.content.utf8.count <= Extractor.chunkBytes else { return text }
                    for o in Extractor.extract(page.content, reference: page.date).observations { text += formatter.jsonLine(o); text += "\n" }
                    return text
                }
                for (page, text) in zip(pages, texts) {
                    guard page.content.utf8.count > Extractor.chunkBytes else { try out.write(text); continue }
                    try Extractor.extractChunks(page.content, reference: page.date) { chunk in
                        var text = ""
                        for o in chunk.observations { text += formatter.jsonLine(o); text += "\n" }
                        try out.write(text)
                    }
                }
                continue
            }
            let extractions = parallelMap(pages) { Extractor.extract($0.content, reference: $0.date) }
            for (page, extraction) in zip(pages, extractions) {
                items += extraction.observations.map { ($0, files.count > 1 || format == .csv || format == .tsv ? page.path : nil, nil) }
            }
        }
        if format != .jsonl { try out.write(formatter.render(items, as: format)) }
        try out.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}


extension ExtractCommand {
    /// `--input jsonl`: see `Mapper`.
    func runMapper() throws {
        let out = Output()
        var mapper = Mapper(format: format, fallbackDate: date, out: out)
        if format != .jsonl { try out.write(MapperColumns.writer(separator: format == .tsv ? "\t" : ",").row(MapperColumns.all)) }
        var unreadable = 0
        for file in files {
            let reader: LineReader
            do { reader = try LineReader(path: file) } catch { warn("\(error)"); unreadable += 1; continue }
            try mapper.run(reader)
        }
        try out.flush()
        if mapper.badLines > 0 { warn("\(mapper.badLines) bad line\(mapper.badLines == 1 ? "" : "s") skipped") }
        if mapper.badLines > 0 || unreadable > 0 { throw ExitCode(1) }
    }
}
