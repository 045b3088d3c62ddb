#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring tests over UTF-8 bytes (`memchr` to the first byte, `memcmp` the rest). `String.contains(String)` goes through
/// Foundation's NSString search on Linux, which profiling showed as half of a whole-set lint.
enum TextSearch {
    static func contains(_ text: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard haystack.count >= pattern.count, let h = haystack.baseAddress, let p = pattern.baseAddress else { return false }
                let last = haystack.count - pattern.count
                var i = 0
                while i <= last {
                    guard let hit = memchr(h + i, Int32(p.pointee), last - i + 1) else { return false }
                    let at = h.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(h + at, p, pattern.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }

    static func containsAny(_ text: String, _ needles: [String]) -> Bool {
        needles.contains { contains(text, $0) }
    }
}
