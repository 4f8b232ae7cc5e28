// A libFuzzer target for the extractor and the quantity recogniser (scripts/fuzz builds and runs it).
//
// Built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFIGURES_FUZZ`, libFuzzer supplies `main` and
// calls `LLVMFuzzerTestOneInput` with each input. In a normal build (no fuzzer flags) the same oracles run
// over the files given as arguments, so `swift build` and `swift test` need nothing special and a crash
// file can be replayed with `swift run figures-fuzz CRASH_FILE`.
import FiguresExtraction
import FiguresQuantities
import FiguresText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixed reference date of every fuzzed page.
let fuzzReference = Day(year: 2025, month: 12, day: 13)

/// Writes to standard error (fd 2) without the C `stderr` global.
func printError(_ message: String) {
    var m = message
    m.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String, _ input: String) -> Never {
    let preview = String(input.unicodeScalars.prefix(200))
    printError("figures-fuzz: oracle failed: \(message)\ninput (first 200 scalars): \(preview.debugDescription)\n")
    abort()
}

/// CPU seconds of this thread: a fuzzer shares the machine with builds (and runs niced), so wall time
/// would flag inputs that merely waited for a core.
func seconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Runs the extractor and the recogniser on `bytes` (read as UTF-8, invalid sequences replaced) and
/// aborts when an oracle fails: a span outside the text, a span's text not the text there, a value
/// that is not finite, an observation's range upside down, or more than 1 s per 10 KB.
func check(_ bytes: UnsafeBufferPointer<UInt8>) {
    let page = String(decoding: bytes, as: UTF8.self)
    let started = seconds()
    let text = NormalizedText(page)
    let recognition = QuantityRecognizer.shared.recognize(text)
    for q in recognition.quantities {
        guard 0 <= q.start, q.start < q.end, q.end <= text.count else { fail("quantity span \(q.start)..<\(q.end) outside 0..<\(text.count)", page) }
        guard q.value.isFinite, q.high?.isFinite ?? true else { fail("quantity \(q.value) \(String(describing: q.high)) not finite", page) }
    }
    for d in recognition.dates {
        guard 0 <= d.start, d.start < d.end, d.end <= text.count else { fail("date span \(d.start)..<\(d.end) outside 0..<\(text.count)", page) }
    }
    let extraction = Extractor.extract(page, reference: fuzzReference)
    for o in extraction.observations {
        guard 0 <= o.start, o.start < o.end, o.end <= text.count else { fail("observation span \(o.start)..<\(o.end) outside 0..<\(text.count)", page) }
        guard o.text == text.text(o.start, o.end) else { fail("observation text \(o.text.debugDescription) is not the text at \(o.start)..<\(o.end)", page) }
        guard o.value.isFinite, o.valueHigh?.isFinite ?? true, o.previous?.isFinite ?? true else { fail("observation \(o) not finite", page) }
        if let high = o.valueHigh, !(o.value <= high) { fail("observation range \(o.value)–\(high) upside down", page) }
    }
    for u in extraction.unused {
        guard 0 <= u.start, u.start <= u.end, u.end <= text.count else { fail("unused span \(u.start)..<\(u.end) outside 0..<\(text.count)", page) }
    }
    // 1 s per 10 KB, and at least 1 s (a sanitizer build is slow; the first input also loads the lexicons)
    let limit = max(1.0, Double(bytes.count) / 10_240)
    let elapsed = seconds() - started
    if elapsed > limit { fail("took \(elapsed) s for \(bytes.count) bytes (limit \(limit) s)", page) }
}

#if FIGURES_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    check(UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
    return 0
}

// SwiftPM links an executable target's entry point as `main` (`--defsym main=figures_fuzz_main`, so
// that tests can import executables), which keeps libFuzzer's own `main` out: this entry point hands
// over to libFuzzer's driver. (Where SwiftPM does not rename, libFuzzer's `main` is linked instead.)
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("figures_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzOneInput(data, size) })
}
#else
@main
struct FuzzReplay {
    /// Without libFuzzer: runs the oracles over each file given (a corpus folder's files, or a crash).
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            printError("usage: figures-fuzz FILE...   (scripts/fuzz runs it under libFuzzer)\n")
            exit(2)
        }
        for path in paths {
            guard let f = fopen(path, "rb") else { printError("figures-fuzz: cannot read \(path)\n"); exit(1) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&buffer, 1, buffer.count, f)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            fclose(f)
            bytes.withUnsafeBufferPointer { check($0) }
        }
        print("figures-fuzz: \(paths.count) inputs passed")
    }
}
#endif
