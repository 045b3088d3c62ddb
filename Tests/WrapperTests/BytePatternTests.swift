import Digesting
import PatternMatching
import Testing

@Suite struct BytePatternTests {
    func all(_ pattern: String, _ text: String, range: Range<Int>? = nil) throws -> [String] {
        let compiled = try BytePattern(pattern)
        let bytes = Array(text.utf8)
        var out: [String] = []
        bytes.withUnsafeBytes { buffer in
            compiled.matches(in: buffer, range: range ?? 0..<buffer.count) { match in
                out.append(String(decoding: bytes[match.range], as: UTF8.self))
                return true
            }
        }
        return out
    }

    @Test func findsEveryMatchAndNamedGroups() throws {
        #expect(try all("[0-9]+", "a1 b22 c333") == ["1", "22", "333"])
        let p = try BytePattern("(?P<key>[a-z]+)=(?P<secret>[0-9]+)")
        #expect(p.group(named: "key") == 1)
        #expect(p.group(named: "secret") == 2)
        #expect(p.group(named: "other") == nil)
    }

    @Test func lookBehindSeesBeforeTheRangeAndMatchesStartInIt() throws {
        // "x1" at 0, "y2" at 3: with the range starting at 4, look-behind still sees the y.
        #expect(try all("(?<=y)[0-9]", "x1 y2", range: 4..<5) == ["2"])
        #expect(try all("[0-9]", "x1 y2", range: 0..<3) == ["1"])
    }

    @Test func caretAndDollarAreLineAnchors() throws {
        #expect(try all("^[a-z]+$", "ab\ncd\n") == ["ab", "cd"])
    }

    @Test func invalidPatternIsAnError() {
        #expect(throws: PatternError.self) { try BytePattern("(unclosed") }
    }

    @Test func catastrophicBacktrackingIsBoundedByTheMatchLimit() throws {
        let text = String(repeating: "a", count: 5000) + "!"
        #expect(try all("(a+)+b", text).isEmpty)
    }

    @Test func hmacMatchesRFC4231() {
        #expect(HMACSHA256.hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.hex(key: [], message: []).count == 64)
    }
}

extension BytePatternTests {
    @Test func groupsOutsideTheMatchingBranchAreNil() throws {
        let p = try BytePattern("(?P<a>x)|(?P<b>y)")
        var seen: [[Range<Int>?]] = []
        Array("y".utf8).withUnsafeBytes { buffer in
            p.matches(in: buffer, range: 0..<1) { seen.append($0.groups); return true }
        }
        #expect(seen.count == 1)
        #expect(seen.first?[1] == nil)
        #expect(seen.first?[2] == 0..<1)
    }
}
