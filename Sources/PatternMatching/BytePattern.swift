import CPCRE2

/// A PCRE2 pattern compiled once (JIT when the platform has it) and matched over raw bytes,
/// from any thread. Owns its compiled code; no C pointer leaves this type.
///
/// Patterns run in byte mode (no UTF check: layer files are not guaranteed UTF-8) with `^`
/// and `$` at line boundaries. Every match is bounded by a match limit, so a pathological
/// subject costs bounded time instead of catastrophic backtracking.
public final class BytePattern: @unchecked Sendable {
    // The compiled code is read-only after init; PCRE2 allows matching it from several
    // threads at once as long as each match has its own match data, which `matches` does.
    private let code: OpaquePointer
    private let context: OpaquePointer?
    private let jit: Bool
    /// Capture group names to numbers, resolved at compile time.
    private let groups: [String: Int]
    /// Capture groups in the pattern (not counting the whole match).
    private let groupCount: Int
    public let source: String

    /// Most backtracking steps one search may take before it gives up (reported as no match).
    public static let matchLimit: UInt32 = 200_000

    /// `jit: false` skips the JIT compile (about ten times the cost of compiling), for
    /// patterns that only need checking or match a few short texts.
    /// `anchored: true` matches only at the start offset of each search (JIT supports
    /// anchoring only when compiled in), for callers that pick start positions themselves.
    public init(_ pattern: String, caseless: Bool = false, dotAll: Bool = false, jit: Bool = true,
                anchored: Bool = false) throws(PatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var options = UInt32(PCRE2_MULTILINE)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if dotAll { options |= UInt32(PCRE2_DOTALL) }
        if anchored { options |= UInt32(PCRE2_ANCHORED) }
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw PatternError(pattern: pattern, offset: errorOffset, message: Self.message(errorCode))
        }
        code = compiled
        source = pattern
        self.jit = jit && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        let matchContext = pcre2_match_context_create_8(nil)
        if let matchContext {
            pcre2_set_match_limit_8(matchContext, Self.matchLimit)
            pcre2_set_depth_limit_8(matchContext, 10_000)
        }
        context = matchContext
        groups = Self.groupNames(compiled)
        var captures: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &captures)
        groupCount = Int(captures)
    }

    deinit {
        pcre2_code_free_8(code)
        if let context { pcre2_match_context_free_8(context) }
    }

    /// The number of a named group, or nil when the pattern has no such group.
    public func group(named name: String) -> Int? { groups[name] }

    /// Calls `body` with each non-overlapping match that starts in `range` of `subject`
    /// until `body` returns false. Look-behind may read before the range; matches may run
    /// on past it up to `end` (default: the range's end), never further. A search that
    /// runs into the match limit ends the loop.
    /// `scratch`, when given, holds the match data instead of a fresh allocation per call
    /// (a scanner calls this hundreds of thousands of times).
    public func matches(in subject: UnsafeRawBufferPointer, range: Range<Int>, end: Int? = nil, scratch: MatchScratch? = nil,
                        _ body: (PatternMatch) -> Bool) {
        let end = max(range.upperBound, min(end ?? range.upperBound, subject.count))
        guard let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self), !range.isEmpty,
              range.upperBound <= subject.count else { return }
        let owned = scratch == nil || scratch!.pairs < groupCount + 1 ? pcre2_match_data_create_from_pattern_8(code, nil) : nil
        defer { if let owned { pcre2_match_data_free_8(owned) } }
        guard let data = owned ?? scratch?.data else { return }
        var start = range.lowerBound
        while start < range.upperBound {
            var rc = jit
                ? pcre2_jit_match_8(code, base, end, start, 0, data, context)
                : pcre2_match_8(code, base, end, start, 0, data, context)
            if rc == PCRE2_ERROR_JIT_STACKLIMIT {
                // The JIT's small default stack ran out: the interpreter keeps its frames on the heap.
                rc = pcre2_match_8(code, base, end, start, UInt32(PCRE2_NO_JIT), data, context)
            }
            guard rc > 0, let vector = pcre2_get_ovector_pointer_8(data) else { return }
            let count = min(Int(pcre2_get_ovector_count_8(data)), groupCount + 1)
            var spans: [Range<Int>?] = []
            spans.reserveCapacity(count)
            for i in 0..<count {
                // PCRE2_UNSET is all ones: -1 once read as a signed offset.
                let from = Int(truncatingIfNeeded: vector[2 * i]), to = Int(truncatingIfNeeded: vector[2 * i + 1])
                spans.append(from < 0 || to < from ? nil : from..<to)
            }
            guard let whole = spans[0], whole.lowerBound < range.upperBound else { return }
            if !body(PatternMatch(groups: spans)) { return }
            // An empty match must still move on, or the loop would find it forever.
            start = whole.isEmpty ? whole.upperBound + 1 : whole.upperBound
        }
    }

    /// Whether the pattern matches anywhere in `bytes`.
    public func matches(_ bytes: [UInt8], scratch: MatchScratch? = nil) -> Bool {
        var found = false
        bytes.withUnsafeBytes { buffer in
            matches(in: buffer, range: 0..<buffer.count, scratch: scratch) { _ in found = true; return false }
        }
        return found
    }

    public func matches(_ text: String) -> Bool { matches(Array(text.utf8)) }

    private static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        return n > 0 ? String(decoding: buffer.prefix(Int(n)), as: UTF8.self) : "PCRE2 error \(code)"
    }

    /// Reads the name table PCRE2 keeps after the code: entries of a 2-byte group number
    /// and a NUL-terminated name, `entrySize` bytes each.
    private static func groupNames(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table, count > 0 else { return [:] }
        var out: [String: Int] = [:]
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var name: [UInt8] = []
            var p = entry + 2
            while p.pointee != 0 && name.count < Int(entrySize) { name.append(p.pointee); p += 1 }
            out[String(decoding: name, as: UTF8.self)] = number
        }
        return out
    }
}

/// The byte ranges of one match: index 0 is the whole match, then each capture group
/// (nil when the group did not take part).
public struct PatternMatch: Sendable, Hashable {
    public let groups: [Range<Int>?]

    public var range: Range<Int> { groups[0]! }

    public func group(_ index: Int) -> Range<Int>? { index < groups.count ? groups[index] : nil }
}

/// Match data reused across searches on one thread: create one per scanning loop, never
/// share it between threads. Owns its PCRE2 allocation.
public final class MatchScratch {
    let data: OpaquePointer
    let pairs: Int

    public init(pairs: Int = 64) {
        // Only fails when out of memory.
        guard let data = pcre2_match_data_create_8(UInt32(pairs), nil) else { fatalError("PCRE2: out of memory") }
        self.data = data
        self.pairs = pairs
    }

    deinit { pcre2_match_data_free_8(data) }
}
