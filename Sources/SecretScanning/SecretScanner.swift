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

    /// Bytes a single-line window reaches before and after a keyword (within its line).
    static let before = 256
    static let after = 512
    /// How far past its window a match may run, for long tokens (JWTs) on long lines.
    static let overrun = 2048
    /// Multi-line kinds (PEM blocks, manifests) look further, across lines.
    static let multilineBefore = 4096
    static let multilineAfter = 16384
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
        for region in regions {
            let kind = region.kind
            rules.patterns[kind].matches(in: buffer, range: region.start..<region.startsBefore, end: region.end) { match in
                guard let secret = match.group(rules.secretGroups[kind]), !secret.isEmpty else { return true }
                guard seen.insert(Candidate.Key(kind: kind, secret: secret)).inserted else { return true }
                if let candidate = judge(kind, match, secret, buffer, fileName) {
                    candidates.append(candidate)
                    perKind[kind, default: 0] += 1
                    if perKind[kind]! >= Self.maxPerKind { return false }
                }
                return candidates.count < Self.maxPerFile
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
    }

    /// One window per keyword hit and gated kind, merged per kind where they overlap, so
    /// a run of keywords costs one pass of the pattern, not one per hit.
    func windows(_ buffer: UnsafeRawBufferPointer, fileName: String) -> [Window] {
        var out: [Window] = []
        let count = buffer.count
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        rules.keywordFinder.scan(buffer) { keyword, end in
            let start = end - rules.keywordFinder.keywordLengths[keyword]
            for kind in rules.keywordKinds[keyword] {
                if rules.kinds[kind].multiline {
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
        guard out.count > 1 else { return out }
        out.sort { $0.kind != $1.kind ? $0.kind < $1.kind : $0.start < $1.start }
        var merged: [Window] = [out[0]]
        for window in out.dropFirst() {
            let last = merged.count - 1
            if merged[last].kind == window.kind && window.start <= merged[last].startsBefore {
                merged[last].startsBefore = max(merged[last].startsBefore, window.startsBefore)
                merged[last].end = max(merged[last].end, window.end)
            } else {
                merged.append(window)
            }
        }
        return merged
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
               _ fileName: String) -> Candidate? {
        let spec = rules.kinds[kind]
        let bytes = Array(buffer[secret])
        let text = String(decoding: bytes, as: UTF8.self)
        let documentation = spec.documentation.contains(text)
        if !documentation {
            for allow in rules.allows[kind] where allow.matches(bytes) { return nil }
            if rules.placeholder.matches(text) { return nil }
            if let floor = spec.entropy, Entropy.bits(bytes) < floor { return nil }
        }
        let key = rules.keyGroups[kind].flatMap { match.group($0) }.map { String(decoding: buffer[$0], as: UTF8.self) }
        if let validation = spec.validation, !documentation {
            let quote = secret.lowerBound > 0 ? buffer[secret.lowerBound - 1] : 0
            let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`")
            guard rules.validator.accepts(validation, secret: bytes, whole: Array(buffer[match.range]), key: key,
                                          quoted: quoted, fileName: fileName) else { return nil }
        }
        if Self.lineIsAllowed(buffer, at: secret.lowerBound) { return nil }
        return Candidate(kind: kind, secret: secret, key: key, documentation: documentation)
    }

    static func lineIsAllowed(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let start = lineStart(base, before: offset, limit: 4096)
        let end = lineEnd(base, count: buffer.count, from: offset, limit: 4096)
        guard end - start >= 13 else { return false }
        let line = UnsafeRawBufferPointer(rebasing: buffer[start..<end])
        return allowMarks.contains { contains(line, $0) }
    }

    static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count, let base = haystack.baseAddress else { return false }
        var position = 0
        let last = haystack.count - needle.count
        while position <= last, let found = memchr(base + position, Int32(first), last - position + 1) {
            let at = base.distance(to: UnsafeRawPointer(found))
            if needle.indices.allSatisfy({ haystack[at + $0] == needle[$0] }) { return true }
            position = at + 1
        }
        return false
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
