import Testing
@testable import TodoAuditKit

@Suite struct GlobSetTests {
    static let patterns = [".env", ".env.*", "*.key", "id_rsa*", "client_secret*.json", "usr/lib/python3*/test/*", "[._]netrc", "a?c",
                           "*/node_modules/*", "**"]

    /// Every shape the set sorts patterns into answers as the glob matcher does, and the
    /// first matching pattern is the one reported.
    @Test(arguments: [".env", ".env.local", "x.env", "server.key", ".key", "key", "id_rsa", "id_rsa.pub", "client_secret_1.json",
                      "client_secret.jsonx", "usr/lib/python3.11/test/a.py", "usr/lib/python3/x", ".netrc", "_netrc", "-netrc",
                      "abc", "ac", "", "é.key", "/app/node_modules/x/index.js", "/node_modules/", "/node_modules", "node_modules/x",
                      "/usr/node_modules/"])
    func agreesWithTheGlobs(_ text: String) {
        let set = GlobSet(Self.patterns)
        let expected = Self.patterns.firstIndex { Glob($0).matches(text) }
        #expect(set.firstMatch(text) == expected)
        #expect(set.matches(text) == (expected != nil))
    }

    @Test func emptySetMatchesNothing() {
        #expect(!GlobSet([]).matches("anything"))
        #expect(GlobSet([""]).matches(""))
    }
}
