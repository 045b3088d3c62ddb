#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A shell glob over a short name or value (`*.pgpass`, `your-*`), matched with fnmatch(3).
struct NameGlob: Sendable, Hashable {
    let pattern: String

    func matches(_ name: String) -> Bool { fnmatch(pattern, name, 0) == 0 }
}
