/// Aho-Corasick over bytes, ASCII case folded, compiled to a dense DFA over byte classes:
/// one table load per input byte, whatever the number of keywords. This is the prefilter
/// that decides where the (much slower) patterns run at all.
struct KeywordAutomaton: Sendable {
    /// Folded byte → class; class 0 is every byte no keyword uses.
    private let classOf: [UInt8]
    private let classCount: Int
    /// `state * classCount + class` → next state; `~state` (negative) when it ends a keyword.
    private let table: [Int32]
    /// Keywords ending at each state (its own and those of its suffix states).
    private let outputs: [[Int32]]
    let keywordLengths: [Int]

    init(_ keywords: [[UInt8]]) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var classes = 1
        for keyword in keywords {
            for byte in keyword where classOf[Int(Self.fold(byte))] == 0 {
                classOf[Int(Self.fold(byte))] = UInt8(classes)
                classes += 1
            }
        }
        // Upper-case letters share their lower-case class, so input needs no folding pass.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classOf[Int(byte)] = classOf[Int(byte | 0x20)] }
        precondition(classes <= 256, "too many distinct keyword bytes")

        // The trie, then failure links breadth first, then the full transition table.
        var children: [[Int32]] = [Array(repeating: -1, count: classes)]
        var ends: [[Int32]] = [[]]
        for (index, keyword) in keywords.enumerated() where !keyword.isEmpty {
            var state = 0
            for byte in keyword {
                let c = Int(classOf[Int(byte)])
                if children[state][c] < 0 {
                    children[state][c] = Int32(children.count)
                    children.append(Array(repeating: -1, count: classes))
                    ends.append([])
                }
                state = Int(children[state][c])
            }
            ends[state].append(Int32(index))
        }
        let states = children.count
        var fail = [Int](repeating: 0, count: states)
        var next = [Int32](repeating: 0, count: states * classes)
        var queue: [Int] = []
        for c in 0..<classes {
            let child = children[0][c]
            if child >= 0 && c != 0 {
                next[c] = child
                queue.append(Int(child))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[state] += ends[fail[state]]
            for c in 0..<classes {
                let child = children[state][c]
                if child >= 0 && c != 0 {
                    fail[Int(child)] = Int(next[fail[state] * classes + c])
                    next[state * classes + c] = child
                    queue.append(Int(child))
                } else {
                    next[state * classes + c] = next[fail[state] * classes + c]
                }
            }
        }
        for i in next.indices where !ends[Int(next[i])].isEmpty { next[i] = ~next[i] }
        self.classOf = classOf
        self.classCount = classes
        self.table = next
        self.outputs = ends
        self.keywordLengths = keywords.map(\.count)
    }

    static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Calls `hit(keyword, end)` for every keyword occurrence; `end` is one past its last byte.
    func scan(_ bytes: UnsafeRawBufferPointer, _ hit: (Int, Int) -> Void) {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let count = bytes.count
        let width = classCount
        classOf.withUnsafeBufferPointer { classOf in
            table.withUnsafeBufferPointer { table in
                var state: Int32 = 0
                var i = 0
                while i < count {
                    var next = table[Int(state) &* width &+ Int(classOf[Int(base[i])])]
                    if next < 0 {
                        next = ~next
                        for keyword in outputs[Int(next)] { hit(Int(keyword), i + 1) }
                    }
                    state = next
                    i &+= 1
                }
            }
        }
    }
}
