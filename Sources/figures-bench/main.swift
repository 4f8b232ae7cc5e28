import Foundation
import FiguresExtraction
import FiguresQuantities
import FiguresText

// Benchmark of the pipeline stages in-process over a folder of pages (see scripts/bench):
// normalise + recognise quantities, and full extraction. Prints MB/s per stage, by wall clock and by
// this process's CPU time: it runs on one thread, so the CPU figure is what one core does, also on a
// machine shared with other work (where wall time waits for the processor).
// Usage: figures-bench FOLDER [--repeat N] [--quantities-only]   (N runs, default 5; median and best reported)

let args = CommandLine.arguments
guard args.count >= 2 else {
    FileHandle.standardError.write("usage: figures-bench FOLDER [--repeat N] [--quantities-only]\n".data(using: .utf8)!)
    exit(2)
}
let folder = args[1]
let repeats = max(1, args.firstIndex(of: "--repeat").flatMap { Int(args[$0 + 1]) } ?? 5)
let files = (try FileManager.default.contentsOfDirectory(atPath: folder)).filter { $0.hasSuffix(".txt") }.sorted()
let pages = files.map { String(decoding: FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent($0))!, as: UTF8.self) }
let bytes = pages.reduce(0) { $0 + $1.utf8.count }
let mb = Double(bytes) / 1_048_576
let reference = Day(year: 2025, month: 12, day: 13)

/// Seconds of CPU this process has used.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

// The lexicons and tables are built once per process, on first use: built here, before any stage is
// timed, so that the stages measure the work per page (the CLI's figures include the start-up).
_ = Extractor.extract("台積電上漲2.5%", reference: reference)

/// Runs `body` over the corpus `repeats` times and prints the median and best throughput, by wall
/// clock and by CPU time (the machine is shared, so single runs are noisy).
func time(_ label: String, _ body: () -> Int) {
    var wall: [Double] = [], cpu: [Double] = []
    var count = 0
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = cpuSeconds()
        count = body()
        cpu.append(cpuSeconds() - startCPU)
        wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    wall.sort(); cpu.sort()
    print(String(format: "%-26@ %7.2f MB: %7.1f MB/s a core (CPU time; best %.1f), wall %7.1f MB/s  (%d items, %d runs)",
                 label as NSString, mb, mb / cpu[cpu.count / 2], mb / cpu[0], mb / wall[wall.count / 2], count, repeats))
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
