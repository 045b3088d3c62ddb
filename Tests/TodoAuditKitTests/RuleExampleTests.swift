import DockerfileSyntax
import Testing
@testable import TodoAuditKit

/// One generic test runs every example of every rule in `Rules/`: a fire example must be
/// reported at exactly its `↓` lines, a pass example not at all. Adding a rule never needs
/// a new test file.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var rule: Rule
        var example: RuleExample
        var testDescription: String { "\(rule.id) \(rule.name) \(example.expectation.rawValue) #\(example.number)" }
    }

    static let catalog: RuleCatalog = {
        switch RuleCatalog.builtInWithExamples {
        case .success(let c): return c
        case .failure(let e): fatalError("Rules/ does not load: \(e)")
        }
    }()

    static let cases: [Case] = catalog.rules.flatMap { rule in rule.examples.map { Case(rule: rule, example: $0) } }

    @Test(arguments: cases)
    func example(_ c: Case) throws {
        let dockerfile = try DockerfileParser.parse(c.example.dockerfile)
        let facts = DockerfileFacts(path: "Dockerfile", dockerfile: dockerfile, target: c.example.target,
                                    hasDockerignore: c.example.hasDockerignore)
        let engine = RuleEngine(catalog: Self.catalog)
        let lines = Set(engine.evaluate(facts, rules: [c.rule]).compactMap(\.location.line))
        let where_ = "Rules/\(c.rule.source), \(c.example.expectation.rawValue) example \(c.example.number)"
        switch c.example.expectation {
        case .fire:
            #expect(lines == Set(c.example.expectedLines), "\(where_): expected findings at lines \(c.example.expectedLines.sorted()), got \(lines.sorted())")
        case .pass:
            #expect(lines.isEmpty, "\(where_): expected no finding, got lines \(lines.sorted())")
        }
    }
}
