#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PatternMatching

/// Finds secrets in a buffer: the keyword automaton picks windows, each kind's pattern
/// runs only in its own windows, and candidates go through the allow list, placeholder
/// filter, entropy floor and structure check. Bytes in, matches out; the buffer is never
/// converted to a String.
public struct SecretScanner: Sendable {
    public let rules: SecretRuleSet

    /// Where a single-line match may start: from 192 bytes before a keyword to 128 after
    /// it, within its line. Kinds put their keyword in the match's key or prefix, so the
    /// match starts at or a little before it; every byte of this range costs a regex
    /// attempt, which is what the scan spends most of its time on.
    static let before = 192
    static let after = 128
    /// How far past its window a match may run, for long tokens (JWTs) on long lines.
    static let overrun = 2048
    /// Multi-line kinds (PEM blocks, manifests) look further, across lines.
    static let multilineBefore = 1024
    static let multilineAfter = 16384
    /// How many token starts up to a keyed kind's keyword are tried (`<add key="DbPassword"`
    /// has five: `<`, `add`, `key`, `="`, `DbPassword`).
    static let keyTokens = 6
    /// How many quote, bracket, backslash and space bytes may sit between a key and what follows it.
    static let keyGap = 16
    /// Caps that keep a file full of look-alikes from flooding the report.
    static let maxPerKind = 100
    static let maxPerFile = 1000
    /// Comments that mark a line as knowingly holding a secret (gitleaks' and
    /// detect-secrets' spellings too, for projects that already use them).
    static let allowMarks = ["todoaudit:allow", "gitleaks:allow", "pragma: allowlist secret"].map { Array($0.utf8) }

    public init(rules: SecretRuleSet) { self.rules = rules }

    /// Whether a file looks binary: a NUL byte in its first 8 KiB (as git decides).
    public static func isBinary(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard let base = prefix.baseAddress else { return false }
        return memchr(base, 0, min(prefix.count, 8192)) != nil
    }

    public func scan(_ bytes: [UInt8], fileName: String = "") -> [SecretMatch] {
        bytes.withUnsafeBytes { scan($0, fileName: fileName) }
    }

    public func scan(_ text: String, fileName: String = "") -> [SecretMatch] {
        scan(Array(text.utf8), fileName: fileName)
    }

    /// Every secret in `buffer`, in order; `fileName` is the base name path-gated kinds
    /// and the value-shape check look at.
    public func scan(_ buffer: UnsafeRawBufferPointer, fileName: String = "") -> [SecretMatch] {
        guard !buffer.isEmpty else { return [] }
        let regions = windows(buffer, fileName: fileName)
        guard !regions.isEmpty else { return [] }
        var candidates: [Candidate] = []
        var perKind: [Int: Int] = [:]
        var seen = Set<Candidate.Key>()
        let scratch = MatchScratch()
        var seenStarts = Set<Int>()   // (position, kind) pairs a keyed kind already tried
        for region in regions {
            let kind = region.kind
                let onMatch: (PatternMatch) -> Bool = { match in
                guard let secret = match.group(rules.secretGroups[kind]), !secret.isEmpty else { return true }
                guard seen.insert(Candidate.Key(kind: kind, secret: secret)).inserted else { return true }
                if let candidate = judge(kind, match, secret, buffer, fileName, scratch) {
                    candidates.append(candidate)
                    perKind[kind, default: 0] += 1
                    if perKind[kind]! >= Self.maxPerKind { return false }
                }
                return candidates.count < Self.maxPerFile
            }
            if rules.kinds[kind].startsWithin != nil {
                // Only where a token starts; anchored, so each try costs one attempt.
                let pattern = rules.anchoredPatterns[kind]
                var next = region.start
                for position in Self.tokenStarts(buffer, region.start..<region.startsBefore, limit: Self.keyTokens)
                where position >= next && seenStarts.insert(position &* 1024 &+ kind).inserted {
                    var more = true
                    pattern.matches(in: buffer, range: position..<(position + 1), end: region.end, scratch: scratch) { match in
                        next = match.range.upperBound
                        more = onMatch(match)
                        return false
                    }
                    if !more { break }
                }
            } else {
                rules.patterns[kind].matches(in: buffer, range: region.start..<region.startsBefore, end: region.end, scratch: scratch, onMatch)
            }
            if candidates.count >= Self.maxPerFile { break }
        }
        return resolve(candidates, buffer)
    }

    struct Candidate {
        struct Key: Hashable { let kind: Int; let secret: Range<Int> }
        let kind: Int
        let secret: Range<Int>
        let key: String?
        let documentation: Bool
    }

    struct Window {
        var kind: Int
        var start: Int
        var startsBefore: Int
        var end: Int
        /// For keyed kinds, where the keyword ends: `requires` is looked for just after it.
        var keywordEnd: Int? = nil
    }

    /// One window per keyword hit and gated kind, merged per kind where they overlap, so
    /// a run of keywords costs one pass of the pattern, not one per hit.
    func windows(_ buffer: UnsafeRawBufferPointer, fileName: String) -> [Window] {
        var out: [Window] = []
        var names: [String: Bool] = [:]   // identifier → names a secret, judged once per file
        let count = buffer.count
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        rules.keywordFinder.scan(buffer) { keyword, end in
            let start = end - rules.keywordFinder.keywordLengths[keyword]
            // The identifier around the keyword is the key generic kinds judge; judged once
            // per hit, before any regex runs (`tokenizer`, `bypass` are not secret names).
            var keyIsSecretName: Bool?
            for kind in rules.keywordKinds[keyword] {
                if let within = rules.kinds[kind].startsWithin {
                    if rules.kinds[kind].validation == .generic && rules.keywordNamesSecret[keyword] {
                        if keyIsSecretName == nil {
                            let name = Self.identifier(base, count: count, around: start..<end)
                            if let known = names[name] {
                                keyIsSecretName = known
                            } else {
                                let judged = rules.validator.isSecretName(name)
                                names[name] = judged
                                keyIsSecretName = judged
                            }
                        }
                        if keyIsSecretName == false { continue }
                    }
                    let lineStart = Self.lineStart(base, before: start, limit: within)
                    let far = rules.kinds[kind].multiline ? Self.multilineAfter : Self.after + Self.overrun
                    let lineEnd = rules.kinds[kind].multiline ? min(count, end + far) : Self.lineEnd(base, count: count, from: end, limit: far)
                    out.append(Window(kind: kind, start: rules.kinds[kind].multiline ? max(0, start - within) : lineStart,
                                      startsBefore: start + 1, end: lineEnd, keywordEnd: end))
                } else if rules.kinds[kind].multiline {
                    out.append(Window(kind: kind, start: max(0, start - Self.multilineBefore),
                                      startsBefore: min(count, end + Self.multilineBefore),
                                      end: min(count, end + Self.multilineAfter)))
                } else {
                    let lineStart = Self.lineStart(base, before: start, limit: Self.before)
                    let lineEnd = Self.lineEnd(base, count: count, from: end, limit: Self.after + Self.overrun)
                    out.append(Window(kind: kind, start: lineStart, startsBefore: min(lineEnd, end + Self.after), end: lineEnd))
                }
            }
        }
        if !rules.pathKinds.isEmpty, !fileName.isEmpty {
            for (kind, globs) in rules.pathKinds where globs.contains(where: { $0.matches(fileName) }) {
                out.append(Window(kind: kind, start: 0, startsBefore: count, end: count))
            }
        }
        out = out.filter { window in
            let needs = rules.requirements[window.kind]
            guard !needs.isEmpty else { return true }
            if let keywordEnd = window.keywordEnd {
                // A keyed kind's operator or value marker comes right after the key.
                return Self.followsKey(buffer, from: keywordEnd, limit: window.end, needs)
            }
            let span = UnsafeRawBufferPointer(rebasing: buffer[window.start..<window.end])
            return needs.contains { ByteSearch.contains(span, $0) }
        }
        guard out.count > 1 else { return out }
        out.sort { $0.kind != $1.kind ? $0.kind < $1.kind : $0.start < $1.start }
        var merged: [Window] = [out[0]]
        for window in out.dropFirst() {
            let last = merged.count - 1
            // Keyed kinds keep one window per keyword: they try only the few tokens before it.
            if merged[last].kind == window.kind && window.start <= merged[last].startsBefore
                && rules.kinds[window.kind].startsWithin == nil {
                merged[last].startsBefore = max(merged[last].startsBefore, window.startsBefore)
                merged[last].end = max(merged[last].end, window.end)
            } else {
                merged.append(window)
            }
        }
        return merged
    }

    /// Whether, after the identifier the keyword ends in and at most `keyGap` quotes,
    /// brackets and spaces, one of `needs` starts (`=` in `api_token" = `, `(` in `setPassword(`).
    static func followsKey(_ buffer: UnsafeRawBufferPointer, from: Int, limit: Int, _ needs: [[UInt8]]) -> Bool {
        var p = from
        while p < limit, isIdentifier(buffer[p]) || buffer[p] == 0x2E || buffer[p] == 0x2D { p += 1 }
        let gapEnd = min(limit, p + keyGap)
        while p < gapEnd {
            let b = buffer[p]
            guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x22 || b == 0x27 || b == 0x60 || b == 0x5D || b == 0x5C else { break }
            p += 1
        }
        return needs.contains { need in
            p + need.count <= limit && need.indices.allSatisfy { KeywordFinder.fold(buffer[p + $0]) == KeywordFinder.fold(need[$0]) }
        }
    }

    /// The last `limit` positions in `range` where a token starts, in order: line starts,
    /// a non-space byte after a space, or where the byte class changes between identifier
    /// bytes (`A-Za-z0-9_`) and others. Walks back from the end, so it costs a few bytes.
    static func tokenStarts(_ buffer: UnsafeRawBufferPointer, _ range: Range<Int>, limit: Int) -> [Int] {
        var out: [Int] = []
        var p = range.upperBound - 1
        while p >= range.lowerBound && out.count < limit {
            if p == 0 || buffer[p - 1] == 0x0A {
                out.append(p)   // line starts, indented or not
            } else {
                let b = buffer[p], a = buffer[p - 1]
                let space = b == 0x20 || b == 0x09 || b == 0x0D
                let after = a == 0x20 || a == 0x09 || a == 0x0D
                if !space && (after || isIdentifier(a) != isIdentifier(b)) { out.append(p) }
            }
            p -= 1
        }
        return out.reversed()
    }

    /// The identifier (`A-Za-z0-9_.-`) holding `range`, at most 128 bytes either side.
    static func identifier(_ base: UnsafePointer<UInt8>, count: Int, around range: Range<Int>) -> String {
        func part(_ b: UInt8) -> Bool { isIdentifier(b) || b == 0x2E || b == 0x2D }
        var from = range.lowerBound, to = range.upperBound
        while from > 0, range.lowerBound - from < 128, part(base[from - 1]) { from -= 1 }
        while to < count, to - range.upperBound < 128, part(base[to]) { to += 1 }
        return String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
    }

    @inline(__always) static func isIdentifier(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    /// The start of the line holding `offset`, looking back at most `limit` bytes.
    static func lineStart(_ base: UnsafePointer<UInt8>, before offset: Int, limit: Int) -> Int {
        var i = offset
        let floor = max(0, offset - limit)
        while i > floor && base[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// The end of the line holding `offset` (its newline's index), at most `limit` bytes on.
    static func lineEnd(_ base: UnsafePointer<UInt8>, count: Int, from offset: Int, limit: Int) -> Int {
        let ceiling = min(count, offset + limit)
        guard offset < ceiling else { return ceiling }
        if let found = memchr(base + offset, 0x0A, ceiling - offset) {
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        return ceiling
    }

    /// A candidate that survives the kind's allow list, the placeholder filter, the
    /// entropy floor, its structure check and the line's allow comment.
    func judge(_ kind: Int, _ match: PatternMatch, _ secret: Range<Int>, _ buffer: UnsafeRawBufferPointer,
               _ fileName: String, _ scratch: MatchScratch) -> Candidate? {
        let spec = rules.kinds[kind]
        let bytes = Array(buffer[secret])
        let text = String(decoding: bytes, as: UTF8.self)
        let documentation = spec.documentation.contains(text)
        let key = rules.keyGroups[kind].flatMap { match.group($0) }.map { String(decoding: buffer[$0], as: UTF8.self) }
        if !documentation {
            // Cheapest and most selective first: most generic candidates fail on their key.
            if spec.validation == .generic, let key, !rules.validator.isSecretName(key) { return nil }
            if let floor = spec.entropy, Entropy.bits(bytes) < floor { return nil }
            if rules.placeholder.matches(text) { return nil }
            if rules.hasAllow[kind] && rules.allows[kind].matches(bytes, scratch: scratch) { return nil }
        }
        if let validation = spec.validation, !documentation {
            let quoted = Self.insideStringLiteral(buffer, at: secret.lowerBound)
            guard rules.validator.accepts(validation, secret: bytes, whole: Array(buffer[match.range]), key: key,
                                          quoted: quoted, fileName: fileName) else { return nil }
        }
        if Self.lineIsAllowed(buffer, at: secret.lowerBound) { return nil }
        return Candidate(kind: kind, secret: secret, key: key, documentation: documentation)
    }

    /// Whether the byte at `offset` is inside a quoted string on its line (an odd number of
    /// one kind of quote before it): `"host=db password=s3cret"` in code is a literal.
    static func insideStringLiteral(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset > 0 else { return false }
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var double = 0, single = 0, back = 0
        for p in lineStart(base, before: offset, limit: 4096)..<offset {
            switch base[p] {
            case UInt8(ascii: "\""): double += 1
            case UInt8(ascii: "'"): single += 1
            case UInt8(ascii: "`"): back += 1
            default: break
            }
        }
        return double % 2 == 1 || single % 2 == 1 || back % 2 == 1
    }

    static func lineIsAllowed(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let start = lineStart(base, before: offset, limit: 4096)
        let end = lineEnd(base, count: buffer.count, from: offset, limit: 4096)
        guard end - start >= 13 else { return false }
        let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        return allowMarks.contains { ByteSearch.contains(line, $0) }
    }

    /// Where candidates overlap, the more specific kind wins (a GitHub token inside a URL
    /// is one GitHub token); then line numbers, counted once front to back.
    func resolve(_ candidates: [Candidate], _ buffer: UnsafeRawBufferPointer) -> [SecretMatch] {
        let ranked = candidates.sorted { a, b in
            let sa = rules.kinds[a.kind].specificity, sb = rules.kinds[b.kind].specificity
            if sa != sb { return sa > sb }
            if a.secret.count != b.secret.count { return a.secret.count > b.secret.count }
            return a.secret.lowerBound < b.secret.lowerBound
        }
        var kept: [Candidate] = []
        for candidate in ranked where !kept.contains(where: { $0.secret.overlaps(candidate.secret) }) {
            kept.append(candidate)
        }
        kept.sort { $0.secret.lowerBound != $1.secret.lowerBound ? $0.secret.lowerBound < $1.secret.lowerBound : $0.kind < $1.kind }
        var line = 1
        var counted = 0
        let base = buffer.baseAddress!
        return kept.map { candidate in
            var position = counted
            while position < candidate.secret.lowerBound,
                  let found = memchr(base + position, 0x0A, candidate.secret.lowerBound - position) {
                line += 1
                position = base.distance(to: UnsafeRawPointer(found)) + 1
            }
            counted = candidate.secret.lowerBound
            return SecretMatch(kindIndex: candidate.kind, kindID: rules.kinds[candidate.kind].id,
                               secret: String(decoding: buffer[candidate.secret], as: UTF8.self), key: candidate.key,
                               range: candidate.secret, line: line, isDocumentation: candidate.documentation)
        }
    }
}

