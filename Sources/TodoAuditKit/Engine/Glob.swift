/// Shell-style patterns for data lists: `*` any run, `?` one byte, `[a-z]`/`[!x]` a class.
/// Matching works on UTF-8 bytes without copying the text (it runs for every file of an
/// image against every pattern), iteratively, so hostile patterns cannot recurse deeply.
public struct Glob: Sendable, Hashable {
    private let pattern: [UInt8]
    public let source: String
    /// A pattern without wildcards is compared as a whole.
    private let literal: Bool

    public init(_ pattern: String) {
        self.source = pattern
        self.pattern = Array(pattern.utf8)
        self.literal = !pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    public func matches(_ text: String) -> Bool {
        if literal { return text == source }
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    public func matches(bytes s: UnsafeBufferPointer<UInt8>) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < s.count {
            if p < pattern.count {
                switch pattern[p] {
                case UInt8(ascii: "*"):
                    starP = p; starT = t; p += 1
                    continue
                case UInt8(ascii: "?"):
                    p += 1; t += 1
                    continue
                case UInt8(ascii: "["):
                    if let (ok, next) = matchClass(at: p, s[t]) {
                        if ok { p = next; t += 1; continue }
                    } else if s[t] == UInt8(ascii: "[") {
                        p += 1; t += 1; continue
                    }
                default:
                    if pattern[p] == s[t] { p += 1; t += 1; continue }
                }
            }
            guard starP >= 0 else { return false }
            starT += 1
            t = starT
            p = starP + 1
        }
        while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }

    /// Matches `c` against the class starting at `start`; nil when the class is unterminated.
    private func matchClass(at start: Int, _ c: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count && (pattern[i] == UInt8(ascii: "!") || pattern[i] == UInt8(ascii: "^")) { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.count && (pattern[i] != UInt8(ascii: "]") || first) {
            first = false
            if i + 2 < pattern.count && pattern[i + 1] == UInt8(ascii: "-") && pattern[i + 2] != UInt8(ascii: "]") {
                if pattern[i] <= c && c <= pattern[i + 2] { matched = true }
                i += 3
            } else {
                if pattern[i] == c { matched = true }
                i += 1
            }
        }
        guard i < pattern.count else { return nil }
        return (matched != negate, i + 1)
    }
}
