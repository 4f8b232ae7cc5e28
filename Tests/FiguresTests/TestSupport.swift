import XCTest
import Foundation

// What the tests that write files or run processes share: a folder of their own for each test, and the
// figures binary (or another program) run as a child process whose outputs come back as text.

/// A new, empty folder of one test's own in the temporary directory (`figures-<name>-<UUID>`): a test
/// writes only there, so that tests running at once, or another checkout's tests, never meet its files.
func makeScratchFolder(_ name: String) throws -> URL {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("figures-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Removes a folder made by `makeScratchFolder` (nil when the set-up failed before making it); a test
/// may have made the folder read-only.
func removeScratchFolder(_ folder: URL?) {
    guard let folder else { return }
    _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
    try? FileManager.default.removeItem(at: folder)
}

/// A path for a new SQLite database of one test's own in the temporary directory (`figures-<name>-<UUID>.sqlite`).
func scratchDatabasePath(_ name: String) -> String {
    NSTemporaryDirectory() + "figures-\(name)-\(UUID().uuidString).sqlite"
}

/// Removes a database made at `scratchDatabasePath`, with the write-ahead log and shared memory SQLite
/// keeps beside it.
func removeDatabase(at path: String?) {
    guard let path else { return }
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

/// How a child process ended and what it wrote.
typealias ProcessOutput = (status: Int32, out: String, err: String)

/// A process of `executable` as a test runs one, not started: in `folder` (the test's own), with this
/// process's environment less `FIGURES_DB` (the user's database is never a test's) and with `environment`'s
/// changes (a nil value removes the variable). Its standard streams are the caller's to set.
func testProcess(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String?] = [:]) -> Process {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    p.currentDirectoryURL = folder
    var variables = ProcessInfo.processInfo.environment
    variables["FIGURES_DB"] = nil
    for (name, value) in environment { variables[name] = value }
    p.environment = variables
    return p
}

/// Runs `executable` (set up as `testProcess` says) to its end. `stdin` is written on another thread, then
/// closed (a large input must not wait for output nobody reads yet); standard error is read on another
/// thread while standard output is read on this one (a child writing much to either must not block on
/// it). `stdout` replaces the captured standard output (then `out` is empty).
@discardableResult
func runProcess(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String?] = [:],
                stdin: Data? = nil, stdout: FileHandle? = nil) throws -> ProcessOutput {
    let p = testProcess(executable, arguments, in: folder, environment: environment)
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = stdout ?? out
    p.standardError = err
    p.standardInput = input
    try p.run()
    let written = DispatchSemaphore(value: 0)
    Thread {
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        written.signal()
    }.start()
    let errors = PipeReader(err)
    let o = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
    p.waitUntilExit()
    written.wait()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), errors.text())
}

/// Runs the figures binary of this build, as `runProcess` runs a program.
@discardableResult
func runFigures(_ arguments: [String], in folder: URL, environment: [String: String?] = [:],
                stdin: Data? = nil, stdout: FileHandle? = nil) throws -> ProcessOutput {
    try runProcess(CLITests.binary, arguments, in: folder, environment: environment, stdin: stdin, stdout: stdout)
}

/// Reads a pipe to its end on another thread (a child writing much to it must not block while the test
/// waits for something else).
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        Thread {
            self.data = pipe.fileHandleForReading.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
