/// Finds every occurrence of many keywords (ASCII case folded) in one pass over bytes.
///
/// Only every second position is probed: each keyword of four bytes or more is entered
/// by two overlapping three-byte fragments (its rarest adjacent pair, so `password` is
/// entered as `swo`/`wor`, not as the everywhere `pas`), one of which starts at an even
/// offset wherever the keyword is. A probe hashes the three loosely folded bytes at its
/// position into a 256 Ki-bit set (32 KB); the few that pass are checked against the four-byte
/// grams around them, and only then against the fragments with that hash. Three-byte
/// keywords are entered as themselves and, for odd positions, with every byte that may
/// follow them. The bit sets fit in L1 cache and probes do not depend on each other, so
/// the pass runs at memory-like speed, unlike an Aho-Corasick walk whose every step
/// waits on the last.
struct KeywordFinder: Sendable {
    /// Keywords lower-cased (ASCII), at least three bytes each.
    let keywords: [[UInt8]]
    let keywordLengths: [Int]
    /// One bit per hash of a fragment (`filterBits` bits).
    private let filter: [UInt64]
    /// The second check, one table: bits 0..<65536 per hash of the four-byte grams that
    /// start at a fragment, bits 65536… per hash of a three-byte keyword.
    private let second: [UInt64]
    /// Fragments sorted by their filter bit's group (`bit >> groupShift`): group g holds
    /// `fragments[groupStart[g]..<groupStart[g + 1]]`.
    private let groupStart: [Int32]
    private let fragments: [Fragment]
    /// The three-byte keywords: one at an odd position right at the end has no probe.
    private let threeByteKeywords: [Int]

    private struct Fragment {
        /// The three loosely folded bytes, little-endian.
        let gram: UInt32
        let keyword: Int32
        /// Where the keyword starts relative to the probe (-1 for a three-byte keyword
        /// probed one byte early).
        let offset: Int32
    }

    static let minimumLength = 3
    private static let filterBits = 18
    private static let groupShift = 6

    init(_ keywords: [[UInt8]]) {
        precondition(keywords.allSatisfy { $0.count >= Self.minimumLength }, "keywords need at least three bytes")
        self.keywords = keywords.map { $0.map(Self.fold) }
        keywordLengths = keywords.map(\.count)
        var filter = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
        var second = [UInt64](repeating: 0, count: 2048)
        var entries: [(group: Int, fragment: Fragment)] = []
        func loose(_ k: [UInt8], _ at: Int, _ n: Int) -> UInt32 {
            (0..<n).reduce(UInt32(0)) { $0 | UInt32(k[at + $1] | 0x20) << (8 * UInt32($1)) }
        }
        func enter(_ gram: UInt32, _ keyword: Int, _ offset: Int) {
            let bit = Self.hash(gram, bits: Self.filterBits)
            Self.set(&filter, bit)
            entries.append((bit >> Self.groupShift, Fragment(gram: gram, keyword: Int32(keyword), offset: Int32(offset))))
        }
        for (index, keyword) in keywords.enumerated() {
            if keyword.count == 3 {
                let gram = loose(keyword, 0, 3)
                Self.set(&second, Self.tripleBit(gram))
                enter(gram, index, 0)
                // At an odd position the probes around it see the keyword's last two bytes
                // and the next (offset 1) or the byte before and its first two (offset -1):
                // enter whichever pair is rarer, with every byte the probe can fold to.
                let afterIsRarer = Self.commonness(keyword[1]) * Self.commonness(keyword[2])
                    <= Self.commonness(keyword[0]) * Self.commonness(keyword[1])
                for byte in 0...255 where byte & 0x20 != 0 {
                    let other = UInt32(byte)
                    if afterIsRarer {
                        enter(gram >> 8 | other << 16, index, 1)
                    } else {
                        enter((gram << 8 | other) & 0x00FF_FFFF, index, -1)
                    }
                }
            } else {
                let pair = (0...(keyword.count - 4)).min {
                    Self.rarity(keyword, $0) < Self.rarity(keyword, $1)
                }!
                enter(loose(keyword, pair, 3), index, pair)
                enter(loose(keyword, pair + 1, 3), index, pair + 1)
                Self.set(&second, Self.hash4(loose(keyword, pair, 4)))
                if pair + 5 <= keyword.count { Self.set(&second, Self.hash4(loose(keyword, pair + 1, 4))) }
            }
        }
        entries.sort { $0.group != $1.group ? $0.group < $1.group : $0.fragment.keyword < $1.fragment.keyword }
        var starts = [Int32](repeating: 0, count: (1 << (Self.filterBits - Self.groupShift)) + 1)
        for entry in entries { starts[entry.group + 1] += 1 }
        for g in 1..<starts.count { starts[g] += starts[g - 1] }
        self.filter = filter
        self.second = second
        threeByteKeywords = keywords.indices.filter { keywords[$0].count == 3 }
        groupStart = starts
        fragments = entries.map(\.fragment)
    }

    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// How common a byte is in source and config text, roughly per mille: letters by
    /// their English frequency, spaces and newlines most. Only used to choose fragments.
    static func commonness(_ byte: UInt8) -> Int {
        switch fold(byte) {
        case 0x20: 150
        case UInt8(ascii: "e"): 60
        case UInt8(ascii: "t"): 45
        case UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "r"): 37
        case UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "h"), 0x0A: 20
        case UInt8(ascii: "u"), UInt8(ascii: "m"), UInt8(ascii: "p"): 15
        case UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "."): 10
        case UInt8(ascii: "y"), UInt8(ascii: "b"), UInt8(ascii: "w"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "0"), UInt8(ascii: "1"): 8
        case UInt8(ascii: "v"), UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="): 6
        case UInt8(ascii: "k"), UInt8(ascii: "2")...UInt8(ascii: "9"), UInt8(ascii: "'"): 4
        case UInt8(ascii: "x"): 3
        case UInt8(ascii: "j"), UInt8(ascii: "q"), UInt8(ascii: "z"): 1
        default: 2
        }
    }

    /// How often the fragments at `at` and `at + 1` are expected to pass by chance.
    static func rarity(_ keyword: [UInt8], _ at: Int) -> Int {
        func gram(_ i: Int) -> Int { commonness(keyword[i]) * commonness(keyword[i + 1]) * commonness(keyword[i + 2]) }
        return gram(at) + gram(at + 1)
    }

    @inline(__always) static func hash(_ x: UInt32, bits: Int) -> Int { Int((x &* 0x9E37_79B1) &>> UInt32(32 - bits)) }
    /// A different multiplier, so a four-byte gram is not judged by its first three again.
    @inline(__always) static func hash4(_ x: UInt32) -> Int { Int((x &* 0x85EB_CA77) &>> 16) }
    @inline(__always) static func tripleBit(_ gram: UInt32) -> Int { 65536 + hash(gram, bits: 16) }

    private static func set(_ bits: inout [UInt64], _ bit: Int) { bits[bit >> 6] |= 1 &<< UInt64(bit & 63) }

    @inline(__always) static func has(_ bits: UnsafePointer<UInt64>, _ bit: Int) -> Bool {
        bits[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    /// 1 when the three low bytes of `word` hash to a set bit of `bits`.
    @inline(__always) static func probe(_ bits: UnsafePointer<UInt64>, _ word: UInt64) -> UInt64 {
        let bit = hash(UInt32(truncatingIfNeeded: word) & 0x00FF_FFFF, bits: filterBits)
        return (bits[bit &>> 6] &>> UInt64(bit & 63)) & 1
    }

    /// Calls `hit(keyword, start, end)` for every keyword occurrence, ordered by where it
    /// starts (then by keyword); `end` is one past its last byte. Occurrences of one keyword
    /// that overlap or touch (`aaaa` in `aaaaaa`) come as one span from the first's start
    /// to the last's end.
    func scan(_ bytes: UnsafeRawBufferPointer, _ hit: (_ keyword: Int, _ start: Int, _ end: Int) -> Void) {
        guard let base = bytes.baseAddress, !keywords.isEmpty, bytes.count >= Self.minimumLength else { return }
        var found = Occurrences(keywordLengths)
        let count = bytes.count
        filter.withUnsafeBufferPointer { filter in
        second.withUnsafeBufferPointer { second in
            let bits = filter.baseAddress!, check = second.baseAddress!
            var i = 0
            // Eight probes (i, i+2, …, i+14) from three loads, their bits gathered into a
            // mask without branches: a branch per probe would mispredict on every pass.
            while i + 24 <= count {
                let a = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) | 0x2020_2020_2020_2020
                let b = base.loadUnaligned(fromByteOffset: i &+ 6, as: UInt64.self) | 0x2020_2020_2020_2020
                let c = base.loadUnaligned(fromByteOffset: i &+ 12, as: UInt64.self) | 0x2020_2020_2020_2020
                var mask = Self.probe(bits, a)
                mask |= Self.probe(bits, a &>> 16) &<< 2
                mask |= Self.probe(bits, a &>> 32) &<< 4
                mask |= Self.probe(bits, b) &<< 6
                mask |= Self.probe(bits, b &>> 16) &<< 8
                mask |= Self.probe(bits, b &>> 32) &<< 10
                mask |= Self.probe(bits, c) &<< 12
                mask |= Self.probe(bits, c &>> 16) &<< 14
                while mask != 0 {
                    let at = i &+ mask.trailingZeroBitCount
                    mask &= mask &- 1
                    candidates(at, base, count, check, &found)
                }
                i &+= 16
            }
            while i + Self.minimumLength <= count {
                var gram: UInt32 = 0
                for k in 0..<3 { gram |= UInt32(base.load(fromByteOffset: i + k, as: UInt8.self) | 0x20) << (8 * UInt32(k)) }
                if Self.has(bits, Self.hash(gram, bits: Self.filterBits)) { candidates(i, base, count, check, &found) }
                i += 2
            }
        }
        }
        if (count - 3) % 2 == 1 {
            // Its last two bytes have no byte after them for the probe to read.
            for keyword in threeByteKeywords where (0..<3).allSatisfy({
                Self.fold(base.load(fromByteOffset: count - 3 + $0, as: UInt8.self)) == keywords[keyword][$0]
            }) {
                found.add(count - 3, keyword)
            }
        }
        for span in found.finish() { hit(span.keyword, span.start, span.end) }
    }

    /// The keywords whose fragment passed the probe at `at`.
    @inline(never)
    private func candidates(_ at: Int, _ base: UnsafeRawPointer, _ count: Int, _ check: UnsafePointer<UInt64>,
                            _ found: inout Occurrences) {
        var gram: UInt32 = 0
        for k in 0..<3 { gram |= UInt32(base.load(fromByteOffset: at &+ k, as: UInt8.self) | 0x20) &<< (8 &* UInt32(k)) }
        if at >= 1 && at + 4 <= count {
            // Most passes are chance or a common fragment: the four-byte grams around the
            // probe, or a three-byte keyword next to it, settle them without the table.
            let here = base.loadUnaligned(fromByteOffset: at, as: UInt32.self) | 0x2020_2020
            let before = base.loadUnaligned(fromByteOffset: at &- 1, as: UInt32.self) | 0x2020_2020
            let passes = Self.has(check, Self.hash4(here)) || Self.has(check, Self.hash4(before))
                || Self.has(check, Self.tripleBit(here & 0x00FF_FFFF)) || Self.has(check, Self.tripleBit(before & 0x00FF_FFFF))
                || Self.has(check, Self.tripleBit(here &>> 8))
            if !passes { return }
        }
        let group = Self.hash(gram, bits: Self.filterBits) >> Self.groupShift
        for index in Int(groupStart[group])..<Int(groupStart[group + 1]) where fragments[index].gram == gram {
            let keyword = Int(fragments[index].keyword)
            let start = at - Int(fragments[index].offset)
            let word = keywords[keyword]
            guard start >= 0, start + word.count <= count, !found.covers(keyword, start, start + word.count) else { continue }
            var same = true
            for k in 0..<word.count where Self.fold(base.load(fromByteOffset: start + k, as: UInt8.self)) != word[k] {
                same = false
                break
            }
            if same { found.add(start, keyword) }
        }
    }
}

/// Keyword occurrences as they are found, each run of one keyword's overlapping or
/// touching occurrences kept as one span. A line of `AAAA…` holds Twitter's keyword at
/// every offset: as one span it costs one entry and one window, not one per byte, and the
/// windows the scanner opens around the span are the union of those around its members.
private struct Occurrences {
    private var spans: [(start: Int, keyword: Int, end: Int)] = []
    private let lengths: [Int]
    /// Per keyword, the index of its latest span in `spans` (-1: none yet).
    private var latest: [Int]

    init(_ lengths: [Int]) {
        self.lengths = lengths
        latest = [Int](repeating: -1, count: lengths.count)
    }

    /// Whether `start..<end` lies inside the keyword's latest span: an occurrence there
    /// would change nothing, so it need not be compared.
    func covers(_ keyword: Int, _ start: Int, _ end: Int) -> Bool {
        let index = latest[keyword]
        return index >= 0 && start >= spans[index].start && end <= spans[index].end
    }

    /// Occurrences come in order of the probe that found them, which may put one a byte or
    /// two before the one found just earlier: any that touches the latest span joins it.
    mutating func add(_ start: Int, _ keyword: Int) {
        let end = start + lengths[keyword], index = latest[keyword]
        if index >= 0 && start <= spans[index].end && end >= spans[index].start {
            spans[index].start = min(spans[index].start, start)
            spans[index].end = max(spans[index].end, end)
            return
        }
        latest[keyword] = spans.count
        spans.append((start, keyword, end))
    }

    /// The spans in order of their start (then keyword), those of one keyword that touch merged.
    func finish() -> [(start: Int, keyword: Int, end: Int)] {
        guard spans.count > 1 else { return spans }
        var merged: [(start: Int, keyword: Int, end: Int)] = []
        var last = [Int](repeating: -1, count: lengths.count)
        for span in spans.sorted(by: { $0.start != $1.start ? $0.start < $1.start : $0.keyword < $1.keyword }) {
            let index = last[span.keyword]
            if index >= 0 && span.start <= merged[index].end {
                merged[index].end = max(merged[index].end, span.end)
            } else {
                last[span.keyword] = merged.count
                merged.append(span)
            }
        }
        return merged
    }
}
