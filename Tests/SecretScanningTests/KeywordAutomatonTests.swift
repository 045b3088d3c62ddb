import Testing
@testable import SecretScanning

@Suite struct KeywordAutomatonTests {
    func hits(_ keywords: [String], _ text: String) -> [String] {
        let automaton = KeywordAutomaton(keywords.map { Array($0.utf8) })
        var out: [String] = []
        Array(text.utf8).withUnsafeBytes { buffer in
            automaton.scan(buffer) { keyword, end in out.append("\(keywords[keyword])@\(end)") }
        }
        return out
    }

    @Test func findsOverlappingKeywordsCaseFolded() {
        #expect(hits(["he", "she", "his", "hers"], "uSHErs") == ["she@4", "he@4", "hers@6"])
    }

    @Test func findsKeywordsThatAreSuffixesOfOthers() {
        #expect(hits(["password", "word", "pass"], "my_PASSWORD=x") == ["pass@7", "password@11", "word@11"])
    }

    @Test func nonLettersAreNotFolded() {
        #expect(hits(["ghp_"], "GHP_ ghp_ GHP-") == ["ghp_@4", "ghp_@9"])
    }

    @Test func emptyInputAndNoKeywords() {
        #expect(hits(["akia"], "").isEmpty)
        #expect(hits([], "anything").isEmpty)
    }
}
