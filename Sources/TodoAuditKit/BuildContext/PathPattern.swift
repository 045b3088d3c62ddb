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

    public let text: String
    let tokens: [Token]
    let kind: Kind
    private let program: Program

    public enum Syntax: Sendable { case dockerignore, copySource }

    /// nil when Go's `filepath.Match` would reject the pattern (`[a-`, `[]`, a trailing `\`).
    public init?(_ text: String, syntax: Syntax = .dockerignore) {
        guard let tokens = Self.tokens(Array(text.unicodeScalars), syntax: syntax) else { return nil }
        self.text = text
        self.tokens = tokens
        self.kind = syntax == .dockerignore ? Self.kind(of: text, tokens) : (tokens.allSatisfy { if case .scalar = $0 { true } else { false } } ? .exact : .expression)
        self.program = Program(tokens)
    }

    /// Byte comparisons, as Go compares strings (Swift's `==` and `hasPrefix` would treat
    /// canonically equivalent spellings of `é` as equal).
    public func matches(_ path: String) -> Bool {
        switch kind {
        case .exact: return path.utf8.elementsEqual(text.utf8)
        case .prefix(let prefix): return path.utf8.starts(with: prefix.utf8)
        case .suffix(let suffix):
            if Self.hasSuffix(path, suffix) { return true }
            return suffix.utf8.first == 0x2F && path.utf8.elementsEqual(suffix.utf8.dropFirst())
        case .expression: return program.matches(path)
        }
    }

    static func hasSuffix(_ path: String, _ suffix: String) -> Bool {
        let p = path.utf8, s = suffix.utf8
        guard p.count >= s.count else { return false }
        return p.dropFirst(p.count - s.count).elementsEqual(s)
    }

    /// Whether the pattern holds nothing but literal characters.
    public var isLiteral: Bool { if case .exact = kind { true } else { false } }

    /// The literal characters before the first wildcard (`src/app/` of `src/app/*.py`).
    public var literalPrefix: String { String(decoding: program.prefix, as: UTF8.self) }

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

    /// The NFA in flat arrays (no enum payloads to copy in the loop): one state per token,
    /// except `**/` which needs two, an entry that may skip it and a loop that can only be
    /// left after a `/`. The literal bytes a match must start and end with reject most
    /// paths before the NFA runs.
    struct Program: Sendable, Hashable {
        enum Op: UInt8, Sendable { case scalar, one, star, directoriesEntry, directoriesLoop, rest, set }
        var ops: [Op] = []
        /// The scalar, or the index into `sets`.
        var values: [UInt32] = []
        var sets: [[ClosedRange<UInt32>]] = []
        var negated: [Bool] = []
        /// States reachable from each state without reading (for fewer than 64 states).
        var skips: [UInt64] = []
        var prefix: [UInt8] = []
        var suffix: [UInt8] = []

        init(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .scalar(let value): append(.scalar, value)
                case .one: append(.one, 0)
                case .star: append(.star, 0)
                case .directories:
                    append(.directoriesEntry, 0)
                    append(.directoriesLoop, 0)
                case .rest: append(.rest, 0)
                case .set(let ranges, let isNegated):
                    append(.set, UInt32(sets.count))
                    sets.append(ranges)
                    negated.append(isNegated)
                }
            }
            skips = ops.indices.map { t in
                switch ops[t] {
                case .directoriesEntry: return t + 2 < 64 ? (1 << UInt64(t + 1)) | (1 << UInt64(t + 2)) : 0
                case .star, .rest: return t + 1 < 64 ? 1 << UInt64(t + 1) : 0
                default: return 0
                }
            }
            func literal(_ slice: some Sequence<Token>) -> [UInt8] {
                var out = String.UnicodeScalarView()
                for token in slice {
                    guard case .scalar(let value) = token, let scalar = Unicode.Scalar(value) else { break }
                    out.append(scalar)
                }
                return Array(String(out).utf8)
            }
            prefix = literal(tokens)
            let tail = tokens.reversed().prefix { if case .scalar = $0 { true } else { false } }
            suffix = literal(Array(tail.reversed()))
        }

        private mutating func append(_ op: Op, _ value: UInt32) {
            ops.append(op)
            values.append(value)
        }

        func matches(_ path: String) -> Bool {
            let utf8 = path.utf8
            if !prefix.isEmpty && !utf8.starts(with: prefix) { return false }
            if !suffix.isEmpty {
                guard utf8.count >= suffix.count, utf8.dropFirst(utf8.count - suffix.count).elementsEqual(suffix) else { return false }
            }
            return ops.count < 64 ? runMask(path) : runSet(path)
        }

        /// Whether state `t` reading `c` stays where it is and/or moves to the next state.
        @inline(__always)
        private func step(_ t: Int, _ c: UInt32) -> (stay: Bool, move: Bool) {
            switch ops[t] {
            case .scalar: return (false, values[t] == c)
            case .one: return (false, c != 0x2F)
            case .star: return (c != 0x2F, false)
            case .directoriesEntry: return (false, false)
            case .directoriesLoop: return (true, c == 0x2F)
            case .rest: return (true, false)
            case .set:
                let index = Int(values[t])
                return (false, sets[index].contains { $0.contains(c) } != negated[index])
            }
        }

        private func closure(_ set: UInt64) -> UInt64 {
            var out = set
            var pending = set
            while pending != 0 {
                let t = pending.trailingZeroBitCount
                pending &= pending - 1
                guard t < skips.count else { continue }
                let added = skips[t] & ~out
                out |= added
                pending |= added
            }
            return out
        }

        private func runMask(_ path: String) -> Bool {
            let count = ops.count
            var current = closure(1)
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

        /// Patterns of 64 states or more: the same walk over a set of positions.
        private func runSet(_ path: String) -> Bool {
            func closure(_ set: Set<Int>) -> Set<Int> {
                var out = set
                for t in 0..<ops.count where out.contains(t) {
                    switch ops[t] {
                    case .directoriesEntry: out.formUnion([t + 1, t + 2])
                    case .star, .rest: out.insert(t + 1)
                    default: break
                    }
                }
                return out
            }
            var current = closure([0])
            for scalar in path.unicodeScalars {
                var next = Set<Int>()
                for t in current where t < ops.count {
                    let (stay, move) = step(t, scalar.value)
                    if stay { next.insert(t) }
                    if move { next.insert(t + 1) }
                }
                if next.isEmpty { return false }
                current = closure(next)
            }
            return current.contains(ops.count)
        }
    }
}
