import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresText

// Benchmark of the pipeline stages in-process over a folder of pages (see scripts/bench):
// normalise + recognise quantities, and full extraction. Prints MB/s per stage.
// Usage: figures-bench FOLDER [--repeat N]

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: figures-bench FOLDER [--repeat N]\n".data(using: .utf8)!)
    exit(2)
}
let folder = args[1]
let repeats = args.firstIndex(of: "--repeat").flatMap { Int(args[$0 + 1]) } ?? 1
let files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".txt") }.sorted()
let pages = files.map { String(decoding: FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent($0))!, as: UTF8.self) }
let bytes = pages.reduce(0) { $0 + $1.utf8.count } * repeats
let mb = Double(bytes) / 1_048_576
let reference = Day(year: 2025, month: 12, day: 13)

func time(_ label: String, _ body: () -> Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let count = body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "%-28@ %8.1f MB in %6.2f s = %7.1f MB/s  (%d items)", label as NSString, mb, seconds, mb / seconds, count))
}

time("normalise only") {
    var n = 0
    for _ in 0..<repeats { for p in pages { n += NormalizedText(p).count } }
    return n
}
time("normalise + quantities") {
    var n = 0
    for _ in 0..<repeats { for p in pages { n += QuantityRecognizer.shared.recognize(NormalizedText(p)).quantities.count } }
    return n
}
if args.contains("--quantities-only") { exit(0) }
time("extract (whole pipeline)") {
    var n = 0
    for _ in 0..<repeats { for p in pages { n += Extractor.extract(p, reference: reference).observations.count } }
    return n
}
