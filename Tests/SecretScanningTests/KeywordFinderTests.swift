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
}
