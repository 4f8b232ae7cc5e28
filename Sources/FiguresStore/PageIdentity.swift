/// How a page is recognised when it comes again.
///
/// The same page saved by another editor or tool often differs only in a byte-order mark, CRLF or CR
/// line ends, or whitespace at the end of the file. It is the same page: its identity is the SHA-256
/// of its normalised text (`textHash`). Pages stored before schema v2 were identified by the SHA-256 of
/// their text as read (`bytesHash`); their text is not stored, so their hash cannot be recomputed, and
/// a lookup tries both.
public struct PageIdentity: Sendable, Hashable {
    /// SHA-256 of the normalised text: how pages are stored since schema v2.
    public let textHash: String
    /// SHA-256 of the text as read (UTF-8): how pages were stored before schema v2.
    public let bytesHash: String

    public init(_ content: String) {
        let normalised = Self.normalised(content)
        let bytes = Array(content.utf8)
        bytesHash = SHA256.hex(bytes)
        textHash = normalised == bytes ? bytesHash : SHA256.hex(normalised)
    }

    /// The page's UTF-8 without a leading byte-order mark, with CRLF and lone CR line ends made LF,
    /// and without the ASCII whitespace and line ends at its end.
    public static func normalised(_ content: String) -> [UInt8] {
        var bytes = Array(content.utf8)
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var kept = 0
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                bytes[kept] = 0x0A
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                bytes[kept] = b
            }
            kept += 1
            i += 1
        }
        // trailing ASCII whitespace (space, tab, line ends, form feed, vertical tab)
        while kept > 0, bytes[kept - 1] == 0x20 || (0x09...0x0C).contains(bytes[kept - 1]) { kept -= 1 }
        bytes.removeSubrange(kept...)
        return bytes
    }
}
