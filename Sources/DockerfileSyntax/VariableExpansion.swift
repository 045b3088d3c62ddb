/// The ARG and ENV values in scope at one instruction, and Docker's `$VAR` expansion with them.
///
/// Expansion keeps quotes and escapes in the text (so the result can still be split into
/// words and key=value pairs) and substitutes `$NAME`, `${NAME}`, `${NAME:-word}`,
/// `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`, `${NAME:?word}`, `${NAME?word}`,
/// `${NAME#pattern}`, `${NAME##pattern}`, `${NAME%pattern}` and `${NAME%%pattern}`.
/// Text in single quotes and a `$` after the escape character are left alone, as Docker does.
public struct ArgumentEnvironment: Sendable, Hashable {
    /// ENV values; they win over ARG values of the same name, as in Docker.
    public var environment: [String: String]
    /// ARG values in scope.
    public var arguments: [String: String]
    /// Names whose value only the builder knows (`TARGETARCH`, `BUILDPLATFORM`…): references
    /// to them stay as written instead of becoming "".
    public var buildTimeNames: Set<String>
    public var escapeCharacter: Character

    /// The ARGs BuildKit defines itself in the global scope.
    public static let automaticPlatformArguments: Set<String> = [
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
    ]

    /// Nested `${a:-${b:-…}}` deeper than this is copied literally rather than recursed into.
    static let maxNesting = 16

    public init(
        environment: [String: String] = [:], arguments: [String: String] = [:],
        buildTimeNames: Set<String> = [], escapeCharacter: Character = "\\"
    ) {
        self.environment = environment
        self.arguments = arguments
        self.buildTimeNames = buildTimeNames
        self.escapeCharacter = escapeCharacter
    }

    /// The value of NAME (ENV first, then ARG), nil when unset.
    public func value(of name: String) -> String? {
        environment[name] ?? arguments[name]
    }

    /// `text` with variable references replaced; unknown variables become "".
    public func expand(_ text: String) -> String {
        guard text.utf8.contains(ASCII.dollar) else { return text }
        let expansion = Expansion(bytes: Array(text.utf8), environment: self)
        var out: [UInt8] = []
        out.reserveCapacity(expansion.bytes.count)
        expansion.expand(expansion.bytes.startIndex..<expansion.bytes.endIndex, depth: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// One expansion run over a text. Matching braces are found once up front so that
/// unbalanced `${` cannot make the scan quadratic.
private struct Expansion {
    let bytes: [UInt8]
    let environment: ArgumentEnvironment
    let escape: UInt8
    /// For the index of each `$` of a `${`, the index of its closing `}`.
    let closingBrace: [Int: Int]

    init(bytes: [UInt8], environment: ArgumentEnvironment) {
        self.bytes = bytes
        self.environment = environment
        escape = environment.escapeCharacter.escapeByte
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == escape {
                i += 2
                continue
            }
            if b == ASCII.dollar, i + 1 < bytes.count, bytes[i + 1] == ASCII.openBrace {
                open.append(i)
                i += 2
                continue
            }
            if b == ASCII.closeBrace, let start = open.popLast() {
                closing[start] = i
            }
            i += 1
        }
        closingBrace = closing
    }

    func expand(_ range: Range<Int>, depth: Int, into out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        var inDoubleQuotes = false
        while i < end {
            let b = bytes[i]
            if b == escape {
                out.append(b)
                if i + 1 < end { out.append(bytes[i + 1]) }
                i += 2
            } else if b == ASCII.singleQuote && !inDoubleQuotes {
                // Single-quoted text is never expanded.
                var j = i + 1
                while j < end, bytes[j] != ASCII.singleQuote { j += 1 }
                let stop = min(j + 1, end)
                out.append(contentsOf: bytes[i..<stop])
                i = stop
            } else if b == ASCII.doubleQuote {
                inDoubleQuotes.toggle()
                out.append(b)
                i += 1
            } else if b == ASCII.dollar, let next = substitute(at: i, end: end, depth: depth, into: &out) {
                i = next
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    /// Expands the reference starting at the `$` at `start`; returns the index after it,
    /// or nil when this `$` is literal.
    private func substitute(at start: Int, end: Int, depth: Int, into out: inout [UInt8]) -> Int? {
        let j = start + 1
        guard j < end else { return nil }
        if bytes[j] != ASCII.openBrace {
            var k = j
            if ASCII.isDigit(bytes[k]) {
                k += 1 // positional parameter: a single digit
            } else {
                while k < end, ASCII.isNameCharacter(bytes[k]) { k += 1 }
            }
            guard k > j else { return nil }
            append(name: bytes[j..<k], literal: start..<k, into: &out)
            return k
        }

        guard let close = closingBrace[start], close < end else { return nil }
        var k = j + 1
        while k < close, ASCII.isNameCharacter(bytes[k]) { k += 1 }
        guard k > j + 1 else { return nil }
        let nameBytes = bytes[(j + 1)..<k]
        if k == close {
            append(name: nameBytes, literal: start..<(close + 1), into: &out)
            return close + 1
        }

        let name = String(decoding: nameBytes, as: UTF8.self)
        let value = environment.value(of: name)
        if value == nil && environment.buildTimeNames.contains(name) {
            out.append(contentsOf: bytes[start...close])
            return close + 1
        }
        var colon = false
        if bytes[k] == UInt8(ascii: ":") {
            colon = true
            k += 1
        }
        guard k < close else {
            out.append(contentsOf: Array((value ?? "").utf8))
            return close + 1
        }
        let op = bytes[k]
        k += 1
        let present = colon ? !(value ?? "").isEmpty : value != nil
        switch op {
        case ASCII.dash:
            if present { out.append(contentsOf: Array((value ?? "").utf8)) } else { word(k..<close, depth, &out) }
        case UInt8(ascii: "+"):
            if present { word(k..<close, depth, &out) }
        case UInt8(ascii: "?"):
            // Docker fails the build here; for auditing the value (or nothing) is enough.
            out.append(contentsOf: Array((value ?? "").utf8))
        case ASCII.hash, UInt8(ascii: "%"):
            guard !colon else {
                out.append(contentsOf: Array((value ?? "").utf8))
                break
            }
            var longest = false
            if k < close, bytes[k] == op {
                longest = true
                k += 1
            }
            var pattern: [UInt8] = []
            word(k..<close, depth, &pattern)
            let text = Array((value ?? "").utf8)
            out.append(contentsOf: PatternRemoval.remove(
                pattern, from: text, prefix: op == ASCII.hash, longest: longest))
        default:
            // Forms Docker may support that this auditor does not (`${a/x/y}`): the value.
            out.append(contentsOf: Array((value ?? "").utf8))
        }
        return close + 1
    }

    private func word(_ range: Range<Int>, _ depth: Int, _ out: inout [UInt8]) {
        if depth + 1 >= ArgumentEnvironment.maxNesting {
            out.append(contentsOf: bytes[range])
        } else {
            expand(range, depth: depth + 1, into: &out)
        }
    }

    private func append(name: ArraySlice<UInt8>, literal: Range<Int>, into out: inout [UInt8]) {
        let key = String(decoding: name, as: UTF8.self)
        if let value = environment.value(of: key) {
            out.append(contentsOf: Array(value.utf8))
        } else if environment.buildTimeNames.contains(key) {
            out.append(contentsOf: bytes[literal])
        }
    }
}

/// `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}` with `*`, `?` and `\` in the pattern.
enum PatternRemoval {
    /// Past these sizes the value is returned unchanged rather than spending quadratic time.
    static let maxValueLength = 4096
    static let maxPatternLength = 256

    static func remove(_ pattern: [UInt8], from value: [UInt8], prefix: Bool, longest: Bool) -> [UInt8] {
        guard value.count <= maxValueLength, pattern.count <= maxPatternLength else { return value }
        let lengths: [Int] = longest ? Array((0...value.count).reversed()) : Array(0...value.count)
        for length in lengths {
            let part = prefix ? value[0..<length] : value[(value.count - length)..<value.count]
            if matches(pattern[...], part) {
                return prefix ? Array(value[length...]) : Array(value[0..<(value.count - length)])
            }
        }
        return value
    }

    /// Glob match with single-star backtracking: O(pattern × text), no recursion.
    static func matches(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int? = nil
        var starT = t
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                var literal = c
                var width = 1
                if c == ASCII.backslash, p + 1 < pattern.endIndex {
                    literal = pattern[p + 1]
                    width = 2
                }
                if (c == UInt8(ascii: "?") && width == 1) || literal == text[t] {
                    p += width
                    t += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
