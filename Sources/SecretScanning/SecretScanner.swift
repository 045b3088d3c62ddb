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
        var hits: [KeywordHit] = []
        rules.keywordFinder.scan(buffer) { keyword, start, end in hits.append(KeywordHit(keyword: keyword, start: start, end: end)) }
        let pathKinds = fileName.isEmpty ? [] : rules.pathKinds.filter { $0.globs.contains { $0.matches(fileName) } }
        guard !hits.isEmpty || !pathKinds.isEmpty else { return [] }
        var found = Candidates(scanner: self, buffer: buffer, fileName: fileName)
        tryKeyedKinds(hits, buffer, &found)
        for region in windows(buffer, hits: hits, pathKinds: pathKinds.map(\.kind)) {
            guard !found.isFull else { break }
            guard !found.isExhausted(region.kind) else { continue }
            rules.patterns[region.kind].matches(in: buffer, range: region.start..<region.startsBefore, end: region.end,
                                                scratch: found.scratch) { match in found.offer(region.kind, match) }
        }
        return resolve(found.list, buffer)
    }

    struct Candidate {
        struct Key: Hashable { let kind: Int; let secret: Range<Int> }
        let kind: Int
        let secret: Range<Int>
        let key: String?
        let documentation: Bool
    }

    /// A keyword occurrence, or a run of them (`start..<end` then spans the run).
    struct KeywordHit {
        let keyword: Int
        let start: Int
        let end: Int
    }

    /// What one scan has found so far, deduplicated and capped.
    struct Candidates {
        let scanner: SecretScanner
        let buffer: UnsafeRawBufferPointer
        let fileName: String
        let scratch = MatchScratch()
        private(set) var list: [Candidate] = []
        private var perKind: [Int]
        private var seen = Set<Candidate.Key>()

        init(scanner: SecretScanner, buffer: UnsafeRawBufferPointer, fileName: String) {
            self.scanner = scanner
            self.buffer = buffer
            self.fileName = fileName
            perKind = Array(repeating: 0, count: scanner.rules.kinds.count)
        }

        var isFull: Bool { list.count >= SecretScanner.maxPerFile }
        func isExhausted(_ kind: Int) -> Bool { perKind[kind] >= SecretScanner.maxPerKind }

        /// Judges a match; false when the scan of this kind (or file) should stop.
        mutating func offer(_ kind: Int, _ match: PatternMatch) -> Bool {
            guard let secret = match.group(scanner.rules.secretGroups[kind]), !secret.isEmpty else { return true }
            guard seen.insert(Candidate.Key(kind: kind, secret: secret)).inserted else { return true }
            if let candidate = scanner.judge(kind, match, secret, buffer, fileName, scratch) {
                list.append(candidate)
                perKind[kind] += 1
            }
            return !isExhausted(kind) && !isFull
        }
    }

    /// Keyed kinds (`starts-within`) are tried per keyword hit, anchored at the last few
    /// token starts before the keyword; what every kind of a hit shares (the identifier's
    /// judgement, the line, the token starts, what follows the key) is worked out once.
    func tryKeyedKinds(_ hits: [KeywordHit], _ buffer: UnsafeRawBufferPointer, _ found: inout Candidates) {
        let count = buffer.count
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        var names = SecretNameJudgements()
        // Per kind, the first position not yet tried: hits come in order, and the token
        // starts a later hit tries below this were all tried by an earlier one.
        var resume = Array(repeating: 0, count: rules.kinds.count)
        var follows: [Bool?] = Array(repeating: nil, count: rules.requirementSets.count)
        for hit in hits {
            let kinds = rules.keyedKinds[hit.keyword]
            guard !kinds.isEmpty else { continue }
            let start = hit.start
            var nameIsSecret: Bool?
            if rules.keywordNamesSecret[hit.keyword] {
                nameIsSecret = names.judge(base, count: count, around: start..<hit.end, rules.validator)
                // `tokenizer`, `bypass`: most hits end here, before any line is measured.
                if nameIsSecret == false && rules.keyedKindsAllJudgeKey[hit.keyword] { continue }
            }
            let widest = rules.keyedReach[hit.keyword]
            let lineStart = Self.lineStart(base, before: start, limit: widest)
            let lineEnd = Self.lineEnd(base, count: count, from: hit.end, limit: Self.after + Self.overrun)
            let starts = Self.tokenStarts(buffer, max(0, start - widest)..<(start + 1), limit: Self.keyTokens)
            for index in follows.indices { follows[index] = nil }
            for kind in kinds where !found.isExhausted(kind) {
                if rules.judgesKey[kind] && nameIsSecret == false { continue }
                let within = rules.startsWithin[kind]
                let multiline = rules.isMultiline[kind]
                let from = multiline ? max(0, start - within) : max(lineStart, start - within)
                let end = multiline ? min(count, hit.end + Self.multilineAfter) : lineEnd
                let needs = rules.requirementSet[kind]
                if needs >= 0 {
                    // A keyed kind's operator or value marker comes right after the key.
                    if follows[needs] == nil || multiline {
                        follows[needs] = Self.followsKey(buffer, from: hit.end, limit: end, rules.requirementSets[needs])
                    }
                    if follows[needs] == false { continue }
                }
                let pattern = rules.anchoredPatterns[kind]
                for position in starts where position >= from && position >= resume[kind] {
                    resume[kind] = position + 1
                    var more = true
                    pattern.matches(in: buffer, range: position..<(position + 1), end: end, scratch: found.scratch) { match in
                        resume[kind] = max(position + 1, match.range.upperBound)
                        more = found.offer(kind, match)
                        return false
                    }
                    if !more { break }
                }
                if found.isFull { return }
            }
        }
    }

    struct Window {
        var kind: Int
        var start: Int
        var startsBefore: Int
        var end: Int
    }

    /// The other kinds' windows: one per keyword hit (or whole file, for path-gated
    /// kinds), merged per kind where they overlap, so a run of keywords costs one pass of
    /// the pattern, not one per hit.
    func windows(_ buffer: UnsafeRawBufferPointer, hits: [KeywordHit], pathKinds: [Int]) -> [Window] {
        var out: [Window] = []
        let count = buffer.count
        let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        for hit in hits {
            let kinds = rules.windowKinds[hit.keyword]
            guard !kinds.isEmpty else { continue }
            let start = hit.start
            var line: (start: Int, end: Int)?
            for kind in kinds {
                if rules.isMultiline[kind] {
                    out.append(Window(kind: kind, start: max(0, start - Self.multilineBefore),
                                      startsBefore: min(count, hit.end + Self.multilineBefore),
                                      end: min(count, hit.end + Self.multilineAfter)))
                } else {
                    if line == nil {
                        line = (Self.lineStart(base, before: start, limit: Self.before),
                                Self.lineEnd(base, count: count, from: hit.end, limit: Self.after + Self.overrun))
                    }
                    out.append(Window(kind: kind, start: line!.start, startsBefore: min(line!.end, hit.end + Self.after), end: line!.end))
                }
            }
        }
        for kind in pathKinds {
            out.append(Window(kind: kind, start: 0, startsBefore: count, end: count))
        }
        out = out.filter { window in
            let needs = rules.requirementSet[window.kind]
            guard needs >= 0 else { return true }
            let span = UnsafeRawBufferPointer(rebasing: buffer[window.start..<window.end])
            return rules.requirementSets[needs].contains { ByteSearch.contains(span, $0) }
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
            guard rules.validator.accepts(validation, secret: bytes, whole: Array(buffer[match.range]),
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
            if a.secret.lowerBound != b.secret.lowerBound { return a.secret.lowerBound < b.secret.lowerBound }
            return a.kind < b.kind   // found in any order: the outcome must not depend on it
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

