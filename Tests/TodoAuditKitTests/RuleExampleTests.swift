import Foundation
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
        if case .map(let files)? = c.example.context {
            try contextExample(c, files)
            return
        }
        if case .map(let files)? = c.example.files {
            let engine = RuleEngine(catalog: Self.catalog)
            let given = files.keys.sorted().map { (path: $0, bytes: Array((files[$0]?.string ?? "").utf8)) }
            let places = Set(FileSecretAudit(engine: engine).findings(files: given).map { "\($0.location.path):\($0.location.line ?? 0)" })
            let where_ = "Rules/\(c.rule.source), \(c.example.expectation.rawValue) example \(c.example.number)"
            #expect(places == Set(c.example.expectedPlaces), "\(where_): expected \(c.example.expectedPlaces.sorted()), got \(places.sorted())")
            return
        }
        if let spec = c.example.image {
            try imageExample(c, spec)
            return
        }
        let dockerfile = try DockerfileParser.parse(try #require(c.example.dockerfile))
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

    /// Context examples: the files are written to a temporary directory, which is audited
    /// with its Dockerfile as `todoaudit scan DIR` would; the places (`.env`, `Dockerfile:3`,
    /// `.dockerignore:2`) must be exactly the expected ones.
    func contextExample(_ c: Case, _ files: [String: RuleData]) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ta-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, content) in files {
            let url = root.appendingPathComponent(path)
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((content.string ?? "").utf8).write(to: url)
        }
        let engine = RuleEngine(catalog: Self.catalog)
        let dockerfilePath = root.appendingPathComponent("Dockerfile").path
        let dockerfile = try DockerfileParser.parse(try #require(files["Dockerfile"]?.string, "a context example needs a Dockerfile"))
        let facts = DockerfileFacts(path: dockerfilePath, dockerfile: dockerfile, hasDockerignore: files[".dockerignore"] != nil)
        let audit = ContextAudit(engine: engine)
        let (context, secrets) = try audit.facts(facts, dockerfilePath: dockerfilePath, root: root.path)
        var found = engine.evaluate(context, rules: [c.rule])
        if c.rule.check == "secret-in-file" { found += secrets }
        let places = Set(found.map { RuleEngine.contextPlace($0, context) })
        let where_ = "Rules/\(c.rule.source), \(c.example.expectation.rawValue) example \(c.example.number)"
        #expect(places == Set(c.example.expectedPlaces), "\(where_): expected findings at \(c.example.expectedPlaces.sorted()), got \(places.sorted()): \(found.map(\.message))")
    }

    /// Image examples: the findings' places (`config:User`, `file:PATH`, `layer:N`) must be exactly the expected ones.
    func imageExample(_ c: Case, _ spec: RuleData) throws {
        let settings = try c.example.settings.map { try AuditConfiguration.settings($0, source: c.rule.source) } ?? AuditConfiguration()
        let engine = RuleEngine(catalog: Self.catalog, configuration: settings)
        let image = ImageExample.facts(spec, engine: engine)
        let places = Set(engine.evaluate(image, rules: [c.rule]).findings.map { finding -> String in
            switch finding.location.kind {
            case .config: return "config:" + finding.location.path
            case .image where finding.location.path.hasPrefix("/"): return "file:" + finding.location.path.dropFirst()
            case .image where finding.location.layer != nil:
                let layer = finding.location.layer ?? ""
                let index = image.layers.firstIndex { $0.digest == layer }.map { $0 + 1 }
                return "layer:" + (index.map(String.init) ?? String(layer.dropFirst("layer ".count)))
            default: return "image"
            }
        })
        let where_ = "Rules/\(c.rule.source), \(c.example.expectation.rawValue) example \(c.example.number)"
        #expect(places == Set(c.example.expectedPlaces), "\(where_): expected findings at \(c.example.expectedPlaces.sorted()), got \(places.sorted())")
    }
}
