import Testing
@testable import SecretScanning

@Suite struct KeywordFinderTests {
    func hits(_ keywords: [String], _ text: String) -> [String] {
        let finder = KeywordFinder(keywords.map { Array($0.utf8) })
        var out: [String] = []
        Array(text.utf8).withUnsafeBytes { buffer in
            finder.scan(buffer) { keyword, end in out.append("\(keywords[keyword])@\(end)") }
        }
        return out
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

    /// Every occurrence, found by comparing each keyword at each position.
    func naive(_ keywords: [[UInt8]], _ text: [UInt8]) -> [String] {
        let folded = text.map(KeywordFinder.fold)
        var out: [(Int, Int)] = []
        for start in folded.indices {
            for (index, keyword) in keywords.enumerated() where start + keyword.count <= folded.count
                && zip(folded[start...], keyword.map(KeywordFinder.fold)).allSatisfy({ $0 == $1 }) {
                out.append((start, index))
            }
        }
        return out.map { "\($0.1)@\($0.0 + keywords[$0.1].count)" }
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
            text.withUnsafeBytes { buffer in finder.scan(buffer) { keyword, end in found.append("\(keyword)@\(end)") } }
            #expect(found == naive(keywords, text), "round \(round): \(String(decoding: text, as: UTF8.self))")
        }
    }
}
