import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines of a file or stream, read with read(2) in blocks of 64 KB: memory is one block plus the
/// longest line, whatever the size of the input. Lines end in LF; the LF is not part of a line (a CR
/// before it is, so that a CSV reader can tell CRLF record ends from line breaks inside quotes).
///
/// `beforeWaiting` runs before a read that would block (a pipe with nothing in it yet): the mapper
/// finishes and flushes what it has, so that a line's observations are out before the next line comes
/// (a reader at the other end of the pipe may be waiting for them). A regular file never blocks.
final class LineReader {
    let descriptor: Int32
    /// What messages call the input: a path or "standard input".
    let name: String
    private var buffer = [UInt8]()
    private var start = 0
    private var atEnd = false
    private var ownsDescriptor = false
    /// How many lines were returned (the number of the last one).
    private(set) var lineNumber = 0

    init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Opens a file, or standard input for `-`.
    convenience init(path: String) throws {
        if path == "-" {
            self.init(descriptor: STDIN_FILENO, name: "standard input")
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CLIError("cannot read \(path): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw CLIError("cannot read \(path): it is a folder") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CLIError("cannot read \(path): \(String(cString: strerror(errno)))") }
        self.init(descriptor: descriptor, name: path)
        ownsDescriptor = true
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    private var pushedBack: ArraySlice<UInt8>?

    /// Gives back the line last returned: the next call returns it again (a format told from a first line).
    func pushBack(_ line: ArraySlice<UInt8>) {
        pushedBack = line
        lineNumber -= 1
    }

    /// The next line (without its LF), or nil at the end of the input. A last line without LF is a line.
    func next(beforeWaiting: () throws -> Void = {}) throws -> ArraySlice<UInt8>? {
        if let line = pushedBack {
            pushedBack = nil
            lineNumber += 1
            return line
        }
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            // keep the unfinished line, drop what was returned
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            searchFrom = buffer.count
            if !readable() { try beforeWaiting() }
            try fill()
        }
    }

    /// Whether a read would return at once (data or end of file) rather than wait.
    private func readable() -> Bool {
        var p = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let n = poll(&p, 1, 0)
            if n < 0 && errno == EINTR { continue }
            return n != 0
        }
    }

    private func fill() throws {
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 1 << 16))
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, 1 << 16) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                buffer.removeSubrange(old...)
                throw CLIError("cannot read \(name): \(String(cString: strerror(errno)))")
            }
            buffer.removeSubrange((old + n)...)
            if n == 0 { atEnd = true }
            return
        }
    }
}
