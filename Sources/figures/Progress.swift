import Foundation

/// A progress line on stderr for long ingests: pages done / total, observations, MB/s and time left,
/// rewritten in place every two seconds. Only on a terminal (or with FIGURES_PROGRESS=1), never with -q:
/// quiet in pipes, logs and CI.
final class ProgressLine: @unchecked Sendable {
    /// Ingests of more pages than this show progress.
    static let threshold = 200

    static func wanted(pages: Int, quiet: Bool) -> Bool {
        if quiet || pages <= threshold { return false }
        if ProcessInfo.processInfo.environment["FIGURES_PROGRESS"] == "1" { return true }
        return isatty(STDERR_FILENO) == 1
    }

    private let total: Int
    private let started = Date()
    private let lock = NSLock()
    private var bytes = 0
    private let status: () -> (pages: Int, observations: Int)
    private var timer: DispatchSourceTimer?
    private var shown = false

    init(total: Int, status: @escaping () -> (pages: Int, observations: Int)) {
        self.total = total
        self.status = status
    }

    func start(every seconds: Double = 2) {
        let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        t.schedule(deadline: .now() + seconds, repeating: seconds)
        t.setEventHandler { [weak self] in self?.show() }
        t.resume()
        timer = t
        show()   // at once: a long job says so from its start
    }

    func add(bytes n: Int) { lock.withLock { bytes += n } }

    private func show() {
        let (pages, observations) = status()
        let line = Self.format(pages: pages, total: total, observations: observations, bytes: lock.withLock { bytes },
                               seconds: Date().timeIntervalSince(started))
        lock.withLock { shown = true }
        FileHandle.standardError.write(("\r" + line + "\u{1B}[K").data(using: .utf8)!)
    }

    /// Stops the timer and clears the line (the summary follows on stdout).
    func finish() {
        timer?.cancel()
        timer = nil
        if lock.withLock({ shown }) { FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!) }
    }

    /// `ingest: 1,200/6,000 pages, 20,512 observations, 1.6 MB/s, about 0:42 left`
    static func format(pages: Int, total: Int, observations: Int, bytes: Int, seconds: Double) -> String {
        func grouped(_ n: Int) -> String {
            let s = String(n)
            var out = ""
            for (i, ch) in s.enumerated() { if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }; out.append(ch) }
            return out
        }
        var line = "ingest: \(grouped(pages))/\(grouped(total)) pages, \(grouped(observations)) observations"
        if seconds > 0 {
            line += String(format: ", %.1f MB/s", Double(bytes) / 1_000_000 / seconds)
            if pages > 0 && pages < total {
                let left = Int((Double(total - pages) * seconds / Double(pages)).rounded())
                line += left >= 3600 ? String(format: ", about %ld:%02ld:%02ld left", left / 3600, left / 60 % 60, left % 60)
                                     : String(format: ", about %ld:%02ld left", left / 60, left % 60)
            }
        }
        return line
    }
}
