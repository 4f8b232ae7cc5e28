import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A write that failed: the path (or "standard output") and the system's reason.
func writeFailure(_ name: String, _ code: Int32) -> CLIError {
    CLIError("cannot write \(name): \(String(cString: strerror(code)))")
}

/// Buffered writes to a file descriptor, every one checked: a full disk or a closed pipe is an error
/// (`cannot write standard output: No space left on device`), never truncated output with exit 0.
/// Buffered because printing thousands of lines one `print` at a time is slow; locked because ingest
/// writes its per-page lines from its writer queue.
final class Output: @unchecked Sendable {
    let descriptor: Int32
    /// What the messages call the destination: "standard output" or the path the user gave.
    let name: String
    private var buffer = [UInt8]()
    private let lock = NSLock()
    /// The first write that failed: every later write and flush reports it again, so a caller that could
    /// not stop at once (a writer queue) still fails at its final flush.
    private var failure: CLIError?

    init(descriptor: Int32 = STDOUT_FILENO, name: String = "standard output") {
        self.descriptor = descriptor
        self.name = name
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ s: String) throws {
        try lock.withLock {
            buffer.append(contentsOf: s.utf8)
            if buffer.count >= 1 << 16 { try drain() }
        }
    }

    func write(bytes: [UInt8]) throws {
        try lock.withLock {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { try drain() }
        }
    }

    /// Writes out what is buffered; also flushes anything `print` left in the C library's buffer.
    func flush() throws {
        try lock.withLock { try drain() }
        if descriptor == STDOUT_FILENO { try flushStandardOutputStream() }
    }

    private func drain() throws {
        if let failure { throw failure }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = writeFailure(name, n < 0 ? errno : EIO)
                    throw failure!
                }
                offset += n
            }
        }
    }
}
