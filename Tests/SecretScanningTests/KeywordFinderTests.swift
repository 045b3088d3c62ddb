import Testing
@testable import SecretScanning

@Suite struct KeywordFinderTests {
    func hits(_ keywords: [String], _ text: String) -> [String] {
        let finder = KeywordFinder(keywords.map { Array($0.utf8) })
        var out: [String] = []
        Array(text.utf8).withUnsafeBytes { buffer in
            finder.scan(buffer) { keyword, start, end in out.append("\(keywords[keyword])@\(Self.place(start, end, keywords[keyword].utf8.count))") }
        }
        return out
    }

    /// `end` for one occurrence, `start-end` for a run of them.
    static func place(_ start: Int, _ end: Int, _ length: Int) -> String {
        end - start == length ? "\(end)" : "\(start)-\(end)"
    }

    @Test func findsOverlappingKeywordsCaseFolded() {
        #expect(hits(["she", "hers", "his"], "uSHErs his") == ["she@4", "hers@6", "his@10"])
    }

    @Test func findsKeywordsThatShareAPrefixOrSuffix() {
        #expect(hits(["password", "word", "pass"], "my_PASSWORD=x") == ["password@11", "pass@7", "word@11"])
    }

    @Test func onlyLettersAreFolded() {
        #expect(hits(["ghp_"], "GHP_ ghp_ GHP- ghp\u{7F}") == ["ghp_@4", "ghp_@9"])
        #expect(hits(["://"], "a://b :/x") == ["://@4"])
    }

    @Test func keywordsAtTheVeryEnd() {
        #expect(hits(["akia", "eyj"], "xxAKIA") == ["akia@6"])
        #expect(hits(["akia", "eyj"], "eyJ") == ["eyj@3"])
        #expect(hits(["akia"], "aki").isEmpty)
    }

    @Test func emptyInputAndNoKeywords() {
        #expect(hits(["akia"], "").isEmpty)
        #expect(hits([], "anything").isEmpty)
    }

    /// A run of one keyword (`aaaa` at every offset of a line of `a`) is one span: one hit
    /// from the first occurrence's start to the last's end.
    @Test func aRunOfOneKeywordIsOneSpan() {
        #expect(hits(["aaaa", "bab"], "x" + String(repeating: "a", count: 1000) + " aaaa babab") == ["aaaa@1-1001", "aaaa@1006", "bab@1007-1012"])
        let long = String(repeating: "A", count: 1 << 20)
        #expect(hits(["aaaaaaaaaaaaaaaaaaaaa"], long + "\n" + long) == ["aaaaaaaaaaaaaaaaaaaaa@0-\(1 << 20)", "aaaaaaaaaaaaaaaaaaaaa@\((1 << 20) + 1)-\((2 << 20) + 1)"])
        // Touching occurrences join too: `passpass` is one identifier to judge.
        #expect(hits(["pass"], "passpass pass") == ["pass@0-8", "pass@13"])
    }

    /// Every occurrence, found by comparing each keyword at each position; occurrences of
    /// one keyword that overlap or touch as one span.
    func naive(_ keywords: [[UInt8]], _ text: [UInt8]) -> [String] {
        let folded = text.map(KeywordFinder.fold)
        var spans: [(start: Int, keyword: Int, end: Int)] = []
        var last: [Int: Int] = [:]
        for start in folded.indices {
            for (index, keyword) in keywords.enumerated() where start + keyword.count <= folded.count
                && zip(folded[start...], keyword.map(KeywordFinder.fold)).allSatisfy({ $0 == $1 }) {
                if let previous = last[index], start <= spans[previous].end {
                    spans[previous].end = start + keyword.count
                } else {
                    last[index] = spans.count
                    spans.append((start, index, start + keyword.count))
                }
            }
        }
        return spans.map { "\($0.keyword)@\(Self.place($0.start, $0.end, keywords[$0.keyword].count))" }
    }

    /// Keywords of three bytes and longer, at odd and even offsets, overlapping, at both
    /// ends and in upper case: every probe stride and fragment offset the finder uses.
    @Test func agreesWithANaiveSearch() {
        let keywords = ["eyj", "://", "pwd", "hf_", "pass", "password", "passwd", "secret", "token", "akia", "ghp_",
                        "begin rsa private key", "aaaa", "xoxb-", "k00", "sg."].map { Array($0.utf8) }
        let finder = KeywordFinder(keywords)
        var seed: UInt64 = 0x5DEECE66D
        func next(_ n: Int) -> Int {  // a fixed sequence, so a failure repeats
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let filler = Array("ab:/ _.-PWDEYJ0k".utf8)
        for round in 0..<400 {
            var text: [UInt8] = []
            let length = next(round < 50 ? 30 : 400)
            while text.count < length {
                if next(4) == 0 {
                    var word = keywords[next(keywords.count)]
                    if next(3) == 0 { word = word.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 } }
                    text += word
                } else {
                    text.append(filler[next(filler.count)])
                }
            }
            var found: [String] = []
            text.withUnsafeBytes { buffer in
                finder.scan(buffer) { keyword, start, end in found.append("\(keyword)@\(Self.place(start, end, keywords[keyword].count))") }
            }
            #expect(found == naive(keywords, text), "round \(round): \(String(decoding: text, as: UTF8.self))")
        }
    }
}
