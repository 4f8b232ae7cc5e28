import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock for the schema set-up of a database, shared by every figures process on the machine.
///
/// It is an advisory `flock` on the database's folder, not on the database file: SQLite locks its files
/// with POSIX record locks, which a process loses on closing *any* descriptor of the file, so opening the
/// database file a second time to lock it would put SQLite's own locks at risk; and a lock on the folder
/// leaves no lock file behind. Schema set-up is short, so serialising it per folder costs nothing.
enum SchemaLock {
    static func holding<T>(forDatabaseAt path: String, _ body: () throws -> T) throws -> T {
        var folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
        // Without a folder to lock (unreadable, or a file system without flock) the set-up still runs:
        // the lock only matters when two processes create the same database at the same moment.
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }   // closing releases the lock
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return try body()
    }
}
