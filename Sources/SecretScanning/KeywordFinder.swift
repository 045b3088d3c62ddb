/// Finds every occurrence of many keywords (ASCII case folded) in one pass over bytes.
///
/// Each position's next three bytes are folded loosely and hashed into a 64 Ki-bit set
/// that holds the keywords' prefixes; only positions whose bit is set are compared
/// against the keywords with that hash. The sets fit in L1
/// cache and positions do not depend on each other, so the pass runs at memory-like
/// speed, unlike an Aho-Corasick table walk whose every step waits on the last.
struct KeywordFinder: Sendable {
    /// Keywords lower-cased (ASCII), at least three bytes each.
    let keywords: [[UInt8]]
    let keywordLengths: [Int]
    /// One bit per hash of a keyword's loosely folded first three bytes.
    private let filter: [UInt64]
    /// Hash → first keyword with that hash, then a chain through `nextInChain` (-1 ends).
    private let firstInChain: [Int32]
    private let nextInChain: [Int32]

    static let minimumLength = 3

    init(_ keywords: [[UInt8]]) {
        precondition(keywords.allSatisfy { $0.count >= Self.minimumLength }, "keywords need at least three bytes")
        self.keywords = keywords.map { $0.map(Self.fold) }
        keywordLengths = keywords.map(\.count)
        var filter = [UInt64](repeating: 0, count: 1024)
        var first = [Int32](repeating: -1, count: 1 << 16)
        var next = [Int32](repeating: -1, count: keywords.count)
        for (index, keyword) in keywords.enumerated().reversed() {
            let bit = Self.hash(UInt32(keyword[0] | 0x20) | UInt32(keyword[1] | 0x20) << 8 | UInt32(keyword[2] | 0x20) << 16)
            filter[bit >> 6] |= 1 &<< UInt64(bit & 63)
            next[index] = first[bit]
            first[bit] = Int32(index)
        }
        self.filter = filter
        firstInChain = first
        nextInChain = next
    }

    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    @inline(__always) static func hash(_ x: UInt32) -> Int { Int((x &* 0x9E37_79B1) &>> 16) }

    /// Calls `hit(keyword, end)` for every keyword occurrence, in position order;
    /// `end` is one past its last byte.
    func scan(_ bytes: UnsafeRawBufferPointer, _ hit: (Int, Int) -> Void) {
        guard let base = bytes.baseAddress, !keywords.isEmpty, bytes.count >= Self.minimumLength else { return }
        let count = bytes.count
        filter.withUnsafeBufferPointer { filter in
            var i = 0
            // Six positions per 8-byte load; then four bytes at a time; the end byte by byte.
            while i + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) | 0x2020_2020_2020_2020
                for k in 0..<6 {
                    let bit = Self.hash(UInt32(truncatingIfNeeded: word &>> UInt64(8 * k)) & 0x00FF_FFFF)
                    if filter[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0 { verify(bit, base, count, i &+ k, hit) }
                }
                i &+= 6
            }
            while i + 4 <= count {
                let word = (base.loadUnaligned(fromByteOffset: i, as: UInt32.self) | 0x2020_2020) & 0x00FF_FFFF
                let bit = Self.hash(word)
                if filter[bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0 { verify(bit, base, count, i, hit) }
                i &+= 1
            }
            while i + Self.minimumLength <= count {
                var word: UInt32 = 0
                for k in 0..<3 { word |= UInt32(base.load(fromByteOffset: i + k, as: UInt8.self) | 0x20) << (8 * UInt32(k)) }
                verify(Self.hash(word), base, count, i, hit)
                i += 1
            }
        }
    }

    @inline(__always)
    private func verify(_ bucket: Int, _ base: UnsafeRawPointer, _ count: Int, _ at: Int, _ hit: (Int, Int) -> Void) {
        var candidate = firstInChain[bucket]
        while candidate >= 0 {
            let keyword = keywords[Int(candidate)]
            if at + keyword.count <= count {
                var same = true
                for k in 0..<keyword.count where Self.fold(base.load(fromByteOffset: at + k, as: UInt8.self)) != keyword[k] {
                    same = false
                    break
                }
                if same { hit(Int(candidate), at + keyword.count) }
            }
            candidate = nextInChain[Int(candidate)]
        }
    }
}
