import Foundation
import FiguresStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `-o PATH` may write: a new file, or over an existing regular file that is not the database.
/// Everything else — a folder, a symbolic link, a device, a FIFO, a socket, the database or its
/// -wal/-shm/-journal files — is refused before anything is opened, so a mistyped `-o` destroys nothing.
enum OutputTarget {
    static func check(_ path: String, database: String) throws {
        if path.isEmpty { throw CLIError("cannot write to an empty path") }
        if path.hasSuffix("/") { throw refusal(path, "it names a folder") }
        var info = stat()
        if lstat(path, &info) == 0 {
            try checkExisting(path, info, database: database)
        } else if errno != ENOENT {
            throw writeFailure(path, errno)
        }
        if isDatabaseFile(path, database: database) { throw refusal(path, "it is the database's own file") }
    }

    private static func checkExisting(_ path: String, _ info: stat, database: String) throws {
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw refusal(path, "it is a folder")
        case S_IFLNK: throw refusal(path, "it is a symbolic link (give the path it points to)")
        case S_IFCHR, S_IFBLK: throw refusal(path, "it is a device")
        case S_IFIFO: throw refusal(path, "it is a FIFO (write to standard output and redirect instead)")
        case S_IFSOCK: throw refusal(path, "it is a socket")
        default: throw refusal(path, "it is not a regular file")
        }
        for file in databaseFiles(database) {
            var other = stat()
            if stat(file, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino {
                throw refusal(path, file == database ? "it is the database (\(database))" : "it is the database's \(file)")
            }
        }
    }

    /// The database and the files SQLite keeps beside it.
    static func databaseFiles(_ database: String) -> [String] {
        if FiguresStore.isPostgresURL(database) { return [] }   // on a server: no file to overwrite
        return [database, database + "-wal", database + "-shm", database + "-journal"]
    }

    /// Whether `path` would land on one of the database's files: compared as canonical paths of their
    /// folders, since a -wal that does not exist yet has no inode, and writing one would feed SQLite a log.
    static func isDatabaseFile(_ path: String, database: String) -> Bool {
        guard let target = canonical(path) else { return false }
        return databaseFiles(database).compactMap(canonical).contains(target)
    }

    /// The real path of the file's folder plus its name (the file itself need not exist).
    static func canonical(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard let real = realpath(folder, nil) else { return nil }
        defer { free(real) }
        return String(cString: real) + "/" + url.lastPathComponent
    }

    private static func refusal(_ path: String, _ why: String) -> CLIError {
        CLIError("refusing to write \(path): \(why); -o takes a new file or an existing regular file")
    }
}

/// A file written beside its target under a unique temporary name, synced, then renamed over the target:
/// the target is either untouched or complete, never half written. Discarded (the temporary file removed)
/// unless committed.
final class AtomicFile {
    let path: String
    let temporaryPath: String
    let descriptor: Int32
    private var open = true

    init(replacing path: String) throws {
        let url = URL(fileURLWithPath: path)
        let template = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path
        var name = Array(template.utf8CString)
        let fd = mkstemp(&name)
        if fd < 0 { throw writeFailure(path, errno) }
        self.path = path
        descriptor = fd
        temporaryPath = String(cString: name)
        // mkstemp creates the file 0600; give it the mode the target has, or a new file's usual mode
        if fchmod(fd, Self.mode(for: path)) != 0 { let code = errno; discard(); throw writeFailure(path, code) }
    }

    static func mode(for path: String) -> mode_t {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Syncs the data to disk and puts the file in place of the target.
    func commit() throws {
        guard open else { return }
        if fsync(descriptor) != 0 { let code = errno; discard(); throw writeFailure(path, code) }
        open = false
        if close(descriptor) != 0 { let code = errno; unlink(temporaryPath); throw writeFailure(path, code) }
        if rename(temporaryPath, path) != 0 { let code = errno; unlink(temporaryPath); throw writeFailure(path, code) }
        syncFolder()
    }

    /// Makes the rename itself durable; best effort (some file systems cannot sync a folder).
    private func syncFolder() {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = Foundation.open(folder, O_RDONLY)
        if fd >= 0 { _ = fsync(fd); close(fd) }
    }

    func discard() {
        guard open else { return }
        open = false
        close(descriptor)
        unlink(temporaryPath)
    }

    deinit { discard() }
}
