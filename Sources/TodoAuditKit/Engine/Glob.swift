/// Shell-style patterns for data lists: `*` any run, `?` one character, `[a-z]`/`[!x]` a class.
/// Matching is on Unicode scalars, iterative, so hostile patterns cannot recurse deeply.
public struct Glob: Sendable, Hashable {
    private let pattern: [Unicode.Scalar]
    public let source: String

    public init(_ pattern: String) {
        self.source = pattern
        self.pattern = Array(pattern.unicodeScalars)
    }

    public func matches(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < s.count {
            if p < pattern.count {
                switch pattern[p] {
                case "*":
                    starP = p; starT = t; p += 1
                    continue
                case "?":
                    p += 1; t += 1
                    continue
                case "[":
                    if let (ok, next) = matchClass(at: p, s[t]) {
                        if ok { p = next; t += 1; continue }
                    } else if s[t] == "[" {
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
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// Matches `c` against the class starting at `start`; nil when the class is unterminated.
    private func matchClass(at start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.count && (pattern[i] == "!" || pattern[i] == "^") { negate = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.count && (pattern[i] != "]" || first) {
            first = false
            if i + 2 < pattern.count && pattern[i + 1] == "-" && pattern[i + 2] != "]" {
                if pattern[i].value <= c.value && c.value <= pattern[i + 2].value { matched = true }
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
