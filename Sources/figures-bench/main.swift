import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresText

// Benchmark of the pipeline stages in-process over a folder of pages (see scripts/bench):
// normalise + recognise quantities, and full extraction. Prints MB/s per stage.
// Usage: figures-bench FOLDER [--repeat N] [--quantities-only]   (N runs, default 5; median and best reported)

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: figures-bench FOLDER [--repeat N]\n".data(using: .utf8)!)
    exit(2)
}
let folder = args[1]
let repeats = max(1, args.firstIndex(of: "--repeat").flatMap { Int(args[$0 + 1]) } ?? 5)
let files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".txt") }.sorted()
let pages = files.map { String(decoding: FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent($0))!, as: UTF8.self) }
let bytes = pages.reduce(0) { $0 + $1.utf8.count }
let mb = Double(bytes) / 1_048_576
let reference = Day(year: 2025, month: 12, day: 13)

/// Runs `body` over the corpus `repeats` times and prints the median and best throughput
/// (the machine is shared, so single runs are noisy).
func time(_ label: String, _ body: () -> Int) {
    var seconds: [Double] = []
    var count = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        count = body()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    seconds.sort()
    let median = seconds[seconds.count / 2], best = seconds[0]
    print(String(format: "%-26@ %7.1f MB: median %7.1f MB/s, best %7.1f MB/s  (%d items, %d runs)",
                 label as NSString, mb, mb / median, mb / best, count, repeats))
}

time("normalise only") {
    var n = 0
    for p in pages { n += NormalizedText(p).count }
    return n
}
time("normalise + quantities") {
    var n = 0
    for p in pages { n += QuantityRecognizer.shared.recognize(NormalizedText(p)).quantities.count }
    return n
}
if args.contains("--quantities-only") { exit(0) }
time("extract (whole pipeline)") {
    var n = 0
    for p in pages { n += Extractor.extract(p, reference: reference).observations.count }
    return n
}
