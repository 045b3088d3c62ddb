#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over bytes: memchr for the first byte, then a compare. The one helper
/// every part of the engine uses (windows, allow comments, placeholders, JWT headers), and
/// the path globs of the audit.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let first = needle.first, let needleBase = needle.baseAddress else { return true }
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        var position = 0
        let last = haystack.count - needle.count
        while position <= last, let found = memchr(base + position, Int32(first), last - position + 1) {
            let at = base.distance(to: UnsafeRawPointer(found))
            if memcmp(base + at, needleBase, needle.count) == 0 { return true }
            position = at + 1
        }
        return false
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBytes { contains(haystack, $0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { contains($0, needle) }
    }
}
