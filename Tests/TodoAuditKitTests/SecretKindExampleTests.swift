import SecretScanning
import Testing
@testable import TodoAuditKit

/// One generic test runs every example of every secret kind in `Rules/secrets/`: a
/// `secret` example must give a finding of its kind, a `not-secret` example none of it.
@Suite struct SecretKindExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var kind: String
        var number: Int
        var example: SecretExample
        var testDescription: String { "\(kind) \(example.isSecret ? "secret" : "not-secret") #\(number)" }
    }

    static let catalog = RuleExampleTests.catalog
    static let scanner: SecretScanner = {
        switch catalog.secretRuleSet() {
        case .success(let rules): return SecretScanner(rules: rules)
        case .failure(let error): fatalError("Rules/secrets/ does not compile: \(error)")
        }
    }()

    static let cases: [Case] = catalog.secretKinds.flatMap { kind in
        (catalog.secretExamples[kind.id] ?? []).enumerated().map { Case(kind: kind.id, number: $0.offset + 1, example: $0.element) }
    }

    @Test(arguments: cases)
    func example(_ c: Case) {
        let found = Self.scanner.scan(c.example.text, fileName: c.example.path)
        let kinds = found.map(\.kindID)
        if c.example.isSecret {
            #expect(kinds.contains(c.kind), "Rules/secrets/\(c.kind).yml secret example #\(c.number) gave \(kinds): \(c.example.text.prefix(120))")
        } else {
            #expect(!kinds.contains(c.kind), "Rules/secrets/\(c.kind).yml not-secret example #\(c.number) was reported: \(c.example.text.prefix(120))")
        }
    }

    @Test func everyKindHasExamplesBothWays() {
        for kind in Self.catalog.secretKinds {
            let examples = Self.catalog.secretExamples[kind.id] ?? []
            #expect(examples.contains(where: \.isSecret) && examples.contains(where: { !$0.isSecret }), "\(kind.id) needs secret and not-secret examples")
        }
    }
}
