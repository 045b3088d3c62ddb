/// A path pattern in the syntax Docker reads: Go's `filepath.Match` (`*` and `?` stop at
/// `/`, `[a-z]`, `[^…]`, `\` escapes) plus, in `.dockerignore`, `**` for any number of
/// directories, with the meaning moby's pattern matcher gives it when it turns a pattern
/// into a regular expression. Matched over Unicode scalars (a name that is not UTF-8 was
/// decoded with U+FFFD, as Go's regexp reads it) by a small NFA, so no pattern can make a
/// match take more than patterns × path length steps.
public struct PathPattern: Sendable, Hashable {
    enum Token: Sendable, Hashable {
        case scalar(UInt32)
        /// `?`: one character but `/`.
        case one
        /// `*`: any run of characters without `/`.
        case star
        /// `**` before more pattern: nothing, or anything ending in `/`.
        case directories
        /// `**` at the end: anything.
        case rest
        case set(ranges: [ClosedRange<UInt32>], negated: Bool)
    }

    /// moby's shortcuts: equal, starts with, ends with, or the full expression. Kept because
    /// they differ from the expression at one edge (`**foo` ends with `foo`, so it matches
    /// `barfoo`), and Docker's answer is the shortcut's.
    enum Kind: Sendable, Hashable { case exact, prefix(String), suffix(String), expression }

    /// One NFA state per token, except `**/` which needs two: its entry may skip it, but
    /// once it has read a character it can only be left after a `/`.
    enum State: Sendable, Hashable {
        case token(Token)
        case directoriesEntry
        case directoriesLoop
    }

    public let text: String
    let tokens: [Token]
    let states: [State]
    let kind: Kind

    public enum Syntax: Sendable { case dockerignore, copySource }

    /// nil when Go's `filepath.Match` would reject the pattern (`[a-`, `[]`, a trailing `\`).
    public init?(_ text: String, syntax: Syntax = .dockerignore) {
        guard let tokens = Self.tokens(Array(text.unicodeScalars), syntax: syntax) else { return nil }
        self.text = text
        self.tokens = tokens
        self.states = tokens.flatMap { token -> [State] in
            if case .directories = token { return [.directoriesEntry, .directoriesLoop] }
            return [.token(token)]
        }
        self.kind = syntax == .dockerignore ? Self.kind(of: text, tokens) : (tokens.allSatisfy { if case .scalar = $0 { true } else { false } } ? .exact : .expression)
    }

    public func matches(_ path: String) -> Bool {
        switch kind {
        case .exact: return path == text
        case .prefix(let prefix): return path.hasPrefix(prefix)
        case .suffix(let suffix):
            if path.hasSuffix(suffix) { return true }
            return suffix.hasPrefix("/") && path == suffix.dropFirst()
        case .expression: return run(path)
        }
    }

    /// Whether the pattern holds nothing but literal characters.
    public var isLiteral: Bool { if case .exact = kind { true } else { false } }

    /// The literal characters before the first wildcard (`src/app/` of `src/app/*.py`).
    public var literalPrefix: String {
        var out = String.UnicodeScalarView()
        for token in tokens {
            guard case .scalar(let value) = token, let scalar = Unicode.Scalar(value) else { break }
            out.append(scalar)
        }
        return String(out)
    }

    // MARK: - Compiling

    private static func tokens(_ s: [Unicode.Scalar], syntax: Syntax) -> [Token]? {
        var out: [Token] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            i += 1
            switch c {
            case "*":
                if syntax == .dockerignore && i < s.count && s[i] == "*" {
                    i += 1
                    if i < s.count && s[i] == "/" { i += 1 }
                    out.append(i == s.count ? .rest : .directories)
                } else if case .star? = out.last {
                    continue  // `**` in a COPY source is Go's `*` twice: the same thing
                } else {
                    out.append(.star)
                }
            case "?": out.append(.one)
            case "\\":
                guard i < s.count else { return nil }
                out.append(.scalar(s[i].value))
                i += 1
            case "[":
                var negated = false
                if i < s.count && s[i] == "^" { negated = true; i += 1 }
                var ranges: [ClosedRange<UInt32>] = []
                // Go: a class needs one range at least; `-` and `]` must be escaped where a
                // character is expected.
                func character() -> UInt32? {
                    guard i < s.count else { return nil }
                    var ch = s[i]
                    if ch == "-" || ch == "]" { return nil }
                    if ch == "\\" {
                        i += 1
                        guard i < s.count else { return nil }
                        ch = s[i]
                    }
                    i += 1
                    return ch.value
                }
                while true {
                    if i < s.count && s[i] == "]" && !ranges.isEmpty { i += 1; break }
                    guard let low = character() else { return nil }
                    var high = low
                    if i < s.count && s[i] == "-" {
                        i += 1
                        guard let end = character() else { return nil }
                        high = end
                    }
                    // Go's regexp rejects a reversed range; filepath.Match lets it match nothing.
                    guard low <= high else { return nil }
                    ranges.append(low...high)
                }
                out.append(.set(ranges: ranges, negated: negated))
            default: out.append(.scalar(c.value))
            }
        }
        return out
    }

    private static func kind(of text: String, _ tokens: [Token]) -> Kind {
        let specials = tokens.filter { if case .scalar = $0 { false } else { true } }
        if specials.isEmpty { return text.contains("\\") ? .expression : .exact }
        // moby: `**` first (and only literals after it) compares the end; `**` last (and
        // only literals before it) compares the start.
        if specials.count == 1, !text.contains("\\") {
            if case .rest = tokens.last, text.hasSuffix("**") {
                return tokens.count == 1 ? .suffix("") : .prefix(String(text.dropLast(2)))
            }
            if case .directories = tokens.first, text.hasPrefix("**") { return .suffix(String(text.dropFirst(2))) }
        }
        return .expression
    }

    // MARK: - Matching

    /// Thompson simulation: the set of states reachable after each character.
    private func run(_ path: String) -> Bool {
        let count = states.count
        if count < 64 {
            var current: UInt64 = closure(1)
            for scalar in path.unicodeScalars {
                var next: UInt64 = 0
                var pending = current
                while pending != 0 {
                    let t = pending.trailingZeroBitCount
                    pending &= pending - 1
                    guard t < count else { continue }
                    let (stay, move) = step(t, scalar.value)
                    if stay { next |= 1 << UInt64(t) }
                    if move { next |= 1 << UInt64(t + 1) }
                }
                if next == 0 { return false }
                current = closure(next)
            }
            return current & (1 << UInt64(count)) != 0
        }
        // Very long patterns: the same walk over a set of positions.
        var current = closureList([0])
        for scalar in path.unicodeScalars {
            var next = Set<Int>()
            for t in current where t < count {
                let (stay, move) = step(t, scalar.value)
                if stay { next.insert(t) }
                if move { next.insert(t + 1) }
            }
            if next.isEmpty { return false }
            current = closureList(next)
        }
        return current.contains(count)
    }

    /// Whether state `t` reading `c` stays where it is and/or moves to the next state.
    private func step(_ t: Int, _ c: UInt32) -> (stay: Bool, move: Bool) {
        switch states[t] {
        case .directoriesEntry: return (false, false)
        case .directoriesLoop: return (true, c == 0x2F)
        case .token(let token):
            switch token {
            case .scalar(let value): return (false, value == c)
            case .one: return (false, c != 0x2F)
            case .star: return (c != 0x2F, false)
            case .rest: return (true, false)
            case .set(let ranges, let negated): return (false, ranges.contains { $0.contains(c) } != negated)
            case .directories: return (false, false)
            }
        }
    }

    /// The states reachable without reading: past `*` and a final `**` at any time, past
    /// `**/` (or into its loop) only from its entry.
    private func skips(_ t: Int) -> [Int] {
        switch states[t] {
        case .directoriesEntry: return [t + 1, t + 2]
        case .token(.star), .token(.rest): return [t + 1]
        default: return []
        }
    }

    private func closure(_ set: UInt64) -> UInt64 {
        var out = set
        for t in 0..<states.count where out & (1 << UInt64(t)) != 0 {
            for next in skips(t) { out |= 1 << UInt64(next) }
        }
        return out
    }

    private func closureList(_ set: some Sequence<Int>) -> Set<Int> {
        var out = Set(set)
        for t in 0..<states.count where out.contains(t) {
            out.formUnion(skips(t))
        }
        return out
    }
}
