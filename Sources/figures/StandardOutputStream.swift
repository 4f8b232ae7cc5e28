// Only the C library here: `stdout` is a C global, which Swift 6 accepts from a @preconcurrency import
// (and not when Foundation, which re-exports the C library, is imported in the same file).
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Flushes the C library's standard output (what `print` and the argument parser's help wrote) and
/// reports a write that failed there.
func flushStandardOutputStream() throws {
    errno = 0
    if fflush(stdout) != 0 || ferror(stdout) != 0 {
        let code = errno == 0 ? EIO : errno
        clearerr(stdout)
        throw writeFailure("standard output", code)
    }
}
