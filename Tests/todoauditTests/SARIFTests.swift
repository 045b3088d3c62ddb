import Foundation
import Testing

/// `--format sarif`: the SARIF 2.1.0 schema's requirements on every object the log holds, the
/// links GitHub code scanning follows (ruleIndex, URIs), agreement with `--format json`, and
/// byte-identical output for the same input.
@Suite struct SARIFTests {
    /// The fixtures, one of each kind of finding location.
    enum Input: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case dockerfile, image, context, secrets

        var arguments: [String] {
            switch self {
            case .dockerfile: ["scan", "Fixtures/dockerfiles/frontend-bad"]
            case .image: ["scan", "Fixtures/images/backend-bad.tar"]
            case .context: ["scan", "--context", "Fixtures/contexts/frontend", "--dockerfile", "Fixtures/contexts/frontend/bad.Dockerfile",
                            "Fixtures/contexts/frontend"]
            case .secrets: ["secrets", "Fixtures/contexts/frontend"]
            }
        }

        var testDescription: String { rawValue }
    }

    static func output(_ input: Input, _ format: String, cwd: URL? = nil) throws -> String {
        var arguments = input.arguments
        arguments.insert(contentsOf: ["--format", format], at: 1)
        let r = try CLI.run(arguments, cwd: cwd)
        #expect(r.status == 0 || r.status == 1, "\(input) \(format): \(r.stderr)")
        return r.stdout
    }

    static func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: Input.allCases)
    func structureFollowsTheSchema(_ input: Input) throws {
        let log = try Self.parse(Self.output(input, "sarif"))
        var check = SARIFStructure()
        check.log(log)
        #expect(check.problems.isEmpty, "\(check.problems.prefix(20).joined(separator: "\n"))")

        let json = try Self.parse(Self.output(input, "json"))
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty, "the fixture must have findings, or the checks above ran over nothing")
        #expect(check.counts["result"] == findings.count)
        #expect((check.counts["reportingDescriptor"] ?? 0) > 0)
        #expect(check.counts["invocation"] == 1)

        // Each result is the JSON finding at the same place: the file (for image contents the
        // tarball), the line, the rule and the severity.
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let imagePath = (json["targets"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "image" }?["path"] as? String
        let fromJSON = findings.map { f -> String in
            let place = f["location"] as? [String: Any] ?? [:]
            let inImage = ["image", "config"].contains(place["kind"] as? String)
            let path = inImage ? imagePath ?? "" : place["path"] as? String ?? ""
            let line = inImage ? 0 : place["line"] as? Int ?? 0
            return "\(f["rule"] ?? "") \(f["severity"] ?? "") \(path):\(line)"
        }
        let fromSARIF = results.map { r -> String in
            let physical = ((r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            let line = (physical["region"] as? [String: Any])?["startLine"] as? Int ?? 0
            return "\(r["ruleId"] ?? "") \((r["properties"] as? [String: Any])?["severity"] ?? "") \(uri.removingPercentEncoding ?? uri):\(line)"
        }
        #expect(fromSARIF.sorted() == fromJSON.sorted())

        switch input {
        case .dockerfile, .context, .secrets:
            #expect((check.counts["region"] ?? 0) > 0, "findings on lines carry a region")
        case .image:
            #expect((check.counts["logicalLocation"] ?? 0) >= 2 * findings.count, "each image finding names its image and a part of it")
            let names = results.flatMap { ($0["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]] ?? [] }
            #expect(names.contains { $0["kind"] as? String == "module" && $0["name"] as? String == "docker.io/todo/backend:bad" })
            #expect(names.contains { $0["kind"] as? String == "resource" && $0["name"] as? String == "/app/.env" })
            #expect(names.contains { $0["kind"] as? String == "property" && $0["name"] as? String == "User" })
        }
    }

    @Test(arguments: Input.allCases)
    func sameInputSameBytes(_ input: Input) throws {
        let first = try Self.output(input, "sarif")
        #expect(!first.isEmpty)
        #expect(try Self.output(input, "sarif") == first)
    }

    @Test func ruleMetadataAndScore() throws {
        let log = try Self.parse(Self.output(.dockerfile, "sarif"))
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let root = try #require(rules.first { $0["id"] as? String == "TA1001" })
        #expect(root["name"] as? String == "root-user")
        #expect((root["shortDescription"] as? [String: Any])?["text"] as? String == "Container runs as root")
        #expect((root["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = try #require(root["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "8.0")
        #expect(properties["tags"] as? [String] == ["security", "root-execution"])
        #expect((properties["peers"] as? [String])?.contains("DL3002") == true)
        #expect((run["properties"] as? [String: Any])?["securityScore"] as? Int == 0)
        #expect((run["properties"] as? [String: Any])?["maxScore"] as? Int == 10)
    }

    /// Paths inside the working directory become relative URIs under %SRCROOT%, escaped;
    /// others absolute file URIs. A relative argument leaves the machine's paths out.
    @Test func artifactURIs() throws {
        let dir = try CLI.temporaryDirectory()
        let sub = dir.appendingPathComponent("my dir#1")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "FROM ubuntu\n".write(to: sub.appendingPathComponent("Dockerfile"), atomically: true, encoding: .utf8)
        func uris(_ path: String, cwd: URL) throws -> [(uri: String, base: String?)] {
            let r = try CLI.run(["scan", "--format", "sarif", path], cwd: cwd)
            let run = try #require((try Self.parse(r.stdout)["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(!results.isEmpty)
            return results.compactMap {
                let artifact = (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
                return (artifact?["uri"] as? String).map { ($0, artifact?["uriBaseId"] as? String) }
            }
        }
        let relative = try uris("my dir#1/Dockerfile", cwd: dir)
        #expect(!relative.isEmpty && relative.allSatisfy { $0.uri == "my%20dir%231/Dockerfile" && $0.base == "%SRCROOT%" })
        let absoluteInside = try uris(sub.appendingPathComponent("Dockerfile").path, cwd: dir)
        #expect(!absoluteInside.isEmpty && absoluteInside.allSatisfy { $0.uri == "my%20dir%231/Dockerfile" && $0.base == "%SRCROOT%" })
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let outside = try uris("../my dir#1/Dockerfile", cwd: other)
        let expected = "file://" + dir.standardizedFileURL.path.replacingOccurrences(of: " ", with: "%20") + "/my%20dir%231/Dockerfile"
        #expect(!outside.isEmpty && outside.allSatisfy { $0.uri == expected && $0.base == nil })
        let printed = try CLI.run(["scan", "--format", "sarif", "my dir#1/Dockerfile"], cwd: dir).stdout
        #expect(!printed.contains(dir.path), "no machine path the user did not give")
    }

    /// The official schema, through Python's jsonschema, when the environment names both.
    static let schemaValidator: (python: String, schema: String)? = {
        let env = ProcessInfo.processInfo.environment
        guard let python = env["TODOAUDIT_SARIF_PYTHON"], let schema = env["TODOAUDIT_SARIF_SCHEMA"] else { return nil }
        return (python, schema)
    }()

    @Test(.enabled(if: SARIFTests.schemaValidator != nil))
    func validAgainstTheOfficialSchema() throws {
        let (python, schema) = try #require(Self.schemaValidator)
        let dir = try CLI.temporaryDirectory()
        var files: [String] = []
        for input in Input.allCases {
            let file = dir.appendingPathComponent("\(input.rawValue).sarif").path
            try Self.output(input, "sarif").write(toFile: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        // A log the schema must reject (the driver lacks its name), so a validator that
        // accepts everything cannot pass.
        let broken = dir.appendingPathComponent("broken.sarif").path
        try #"{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}"#.write(toFile: broken, atomically: true, encoding: .utf8)
        let script = """
            import json, sys
            import jsonschema
            with open(sys.argv[1], encoding="utf-8") as f:
                schema = json.load(f)
            assert schema.get("id", "").endswith("/sarif-schema-2.1.0.json"), "not the SARIF 2.1.0 schema"
            jsonschema.Draft4Validator.check_schema(schema)
            validator = jsonschema.Draft4Validator(schema)
            for path in sys.argv[2:]:
                with open(path, encoding="utf-8") as f:
                    errors = list(validator.iter_errors(json.load(f)))
                print(path, len(errors))
                for e in errors[:10]:
                    print("  ", "/".join(map(str, e.absolute_path)), e.message[:300])
            """
        let r = try CLI.run(["-c", script, schema] + files + [broken], executable: URL(fileURLWithPath: python))
        #expect(r.status == 0, "validator: \(r.stderr)")
        for file in files {
            #expect(r.stdout.contains("\(file) 0\n"), "\(r.stdout)")
        }
        #expect(r.stdout.contains("\(broken) ") && !r.stdout.contains("\(broken) 0\n"), "the schema must reject a driver without a name")
    }
}

/// What the SARIF 2.1.0 schema requires of each object todoaudit writes, and what GitHub code
/// scanning relies on beyond it. Collects every problem with its JSON path, and counts the
/// objects it checked so callers can tell a check over nothing from a pass.
struct SARIFStructure {
    var problems: [String] = []
    var counts: [String: Int] = [:]

    static let levels: Set = ["none", "note", "warning", "error"]
    static let severities: Set = ["info", "low", "medium", "high", "critical"]
    /// Keys the schema defines for each object, narrowed to those todoaudit writes: the schema
    /// forbids any other key, so a key is added here only after checking the schema has it.
    static let keys: [String: Set<String>] = [
        "sarifLog": ["$schema", "version", "runs"],
        "run": ["tool", "invocations", "results", "properties"],
        "tool": ["driver"],
        "toolComponent": ["name", "version", "rules"],
        "reportingDescriptor": ["id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties"],
        "reportingConfiguration": ["level"],
        "multiformatMessageString": ["text", "markdown"],
        "message": ["text"],
        "invocation": ["executionSuccessful"],
        "result": ["ruleId", "ruleIndex", "level", "message", "locations", "relatedLocations", "partialFingerprints", "properties"],
        "location": ["id", "physicalLocation", "logicalLocations", "message"],
        "physicalLocation": ["artifactLocation", "region"],
        "artifactLocation": ["uri", "uriBaseId", "description"],
        "region": ["startLine", "endLine"],
        "logicalLocation": ["name", "fullyQualifiedName", "kind"],
    ]

    mutating func fail(_ path: String, _ text: String) { problems.append("\(path): \(text)") }

    /// The object at `path` if it is one, after checking its required and allowed keys.
    mutating func object(_ value: Any?, _ kind: String, at path: String, required: [String] = []) -> [String: Any]? {
        guard let object = value as? [String: Any] else {
            fail(path, "\(kind) missing or not an object")
            return nil
        }
        counts[kind, default: 0] += 1
        for key in required where object[key] == nil { fail(path, "\(kind) lacks required \(key)") }
        let allowed = Self.keys[kind] ?? []
        for key in object.keys.sorted() where !allowed.contains(key) { fail(path, "\(kind) has \(key), which todoaudit should not write") }
        return object
    }

    mutating func text(_ value: Any?, at path: String) -> String? {
        guard let text = value as? String, !text.isEmpty else {
            fail(path, "not a non-empty string")
            return nil
        }
        return text
    }

    mutating func log(_ value: Any) {
        guard let log = object(value, "sarifLog", at: "$", required: ["version", "runs"]) else { return }
        if log["$schema"] as? String != "https://json.schemastore.org/sarif-2.1.0.json" { fail("$.$schema", "wrong schema URI") }
        if log["version"] as? String != "2.1.0" { fail("$.version", "not 2.1.0") }
        guard let runs = log["runs"] as? [Any], runs.count == 1 else { return fail("$.runs", "not exactly one run") }
        run(runs[0], at: "$.runs[0]")
    }

    mutating func run(_ value: Any, at path: String) {
        guard let run = object(value, "run", at: path, required: ["tool"]) else { return }
        let tool = object(run["tool"], "tool", at: path + ".tool", required: ["driver"])
        let driver = object(tool?["driver"], "toolComponent", at: path + ".tool.driver", required: ["name"])
        if text(driver?["name"], at: path + ".tool.driver.name") != "todoaudit" { fail(path + ".tool.driver.name", "not todoaudit") }
        _ = text(driver?["version"], at: path + ".tool.driver.version")
        guard let rules = driver?["rules"] as? [Any], !rules.isEmpty else { return fail(path + ".tool.driver.rules", "no rules") }
        let ids = rules.enumerated().map { descriptor($1, at: "\(path).tool.driver.rules[\($0)]") }
        if Set(ids).count != ids.count { fail(path + ".tool.driver.rules", "duplicate rule ids") }

        for (i, invocation) in (run["invocations"] as? [Any] ?? []).enumerated() {
            let at = "\(path).invocations[\(i)]"
            if object(invocation, "invocation", at: at, required: ["executionSuccessful"])?["executionSuccessful"] as? Bool == nil {
                fail(at, "executionSuccessful is not a boolean")
            }
        }
        let properties = run["properties"] as? [String: Any]
        if let score = properties?["securityScore"] as? Int, let max = properties?["maxScore"] as? Int, (0...max).contains(score), max == 10 {} else {
            fail(path + ".properties", "no securityScore within 0...maxScore (10)")
        }
        guard let results = run["results"] as? [Any] else { return fail(path + ".results", "missing") }
        for (i, r) in results.enumerated() { result(r, ruleIDs: ids, at: "\(path).results[\(i)]") }
    }

    /// Checks a reportingDescriptor and returns its id.
    mutating func descriptor(_ value: Any, at path: String) -> String? {
        guard let rule = object(value, "reportingDescriptor", at: path, required: ["id"]) else { return nil }
        let id = text(rule["id"], at: path + ".id")
        _ = text(rule["name"], at: path + ".name")
        for key in ["shortDescription", "fullDescription", "help"] { messageString(rule[key], at: "\(path).\(key)") }
        _ = text((rule["help"] as? [String: Any])?["markdown"], at: path + ".help.markdown")
        let configuration = object(rule["defaultConfiguration"], "reportingConfiguration", at: path + ".defaultConfiguration")
        if !Self.levels.contains(configuration?["level"] as? String ?? "") { fail(path + ".defaultConfiguration.level", "not a SARIF level") }
        let properties = rule["properties"] as? [String: Any]
        if let score = (properties?["security-severity"] as? String).flatMap(Double.init), (0...10).contains(score) {} else {
            fail(path + ".properties.security-severity", "not a number from 0 to 10 in a string")
        }
        if !((properties?["tags"] as? [String])?.contains("security") ?? false) { fail(path + ".properties.tags", "lacks security") }
        return id
    }

    mutating func messageString(_ value: Any?, at path: String) {
        _ = text(object(value, "multiformatMessageString", at: path, required: ["text"])?["text"], at: path + ".text")
    }

    mutating func message(_ value: Any?, at path: String) {
        // The schema asks for text or id; todoaudit writes text.
        _ = text(object(value, "message", at: path, required: ["text"])?["text"], at: path + ".text")
    }

    mutating func result(_ value: Any, ruleIDs: [String?], at path: String) {
        guard let result = object(value, "result", at: path, required: ["message"]) else { return }
        message(result["message"], at: path + ".message")
        let ruleID = text(result["ruleId"], at: path + ".ruleId")
        if let index = result["ruleIndex"] as? Int, ruleIDs.indices.contains(index), ruleIDs[index] == ruleID {} else {
            fail(path + ".ruleIndex", "does not point at rule \(ruleID ?? "?") in tool.driver.rules")
        }
        let level = result["level"] as? String ?? ""
        if !Self.levels.contains(level) { fail(path + ".level", "not a SARIF level") }
        let severity = (result["properties"] as? [String: Any])?["severity"] as? String ?? ""
        if !Self.severities.contains(severity) { fail(path + ".properties.severity", "not a todoaudit severity") }
        let expected = ["critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"][severity]
        if level != expected { fail(path + ".level", "\(level) for a \(severity) finding") }
        guard let locations = result["locations"] as? [Any], !locations.isEmpty else { return fail(path + ".locations", "none") }
        for (i, l) in locations.enumerated() { location(l, at: "\(path).locations[\(i)]") }
        for (i, l) in (result["relatedLocations"] as? [Any] ?? []).enumerated() { location(l, at: "\(path).relatedLocations[\(i)]") }
        let fingerprints = result["partialFingerprints"] as? [String: String]
        if fingerprints?["todoauditFingerprint/v1"]?.isEmpty ?? true { fail(path + ".partialFingerprints", "no todoauditFingerprint/v1") }
    }

    mutating func location(_ value: Any, at path: String) {
        guard let location = object(value, "location", at: path) else { return }
        if let id = location["id"], (id as? Int).map({ $0 >= -1 }) != true { fail(path + ".id", "not an integer ≥ -1") }
        if location["message"] != nil { message(location["message"], at: path + ".message") }
        if location["physicalLocation"] == nil && location["logicalLocations"] == nil { fail(path, "neither physical nor logical") }
        if let physical = location["physicalLocation"] {
            let at = path + ".physicalLocation"
            // The schema's anyOf: artifactLocation or address; todoaudit always names an artifact.
            let place = object(physical, "physicalLocation", at: at, required: ["artifactLocation"])
            artifact(place?["artifactLocation"], at: at + ".artifactLocation")
            if let region = place?["region"] { self.region(region, at: at + ".region") }
        }
        if let logical = location["logicalLocations"] {
            guard let logical = logical as? [Any], !logical.isEmpty else { return fail(path + ".logicalLocations", "empty") }
            for (i, item) in logical.enumerated() {
                let at = "\(path).logicalLocations[\(i)]"
                let named = object(item, "logicalLocation", at: at)
                _ = text(named?["name"], at: at + ".name")
                _ = text(named?["fullyQualifiedName"], at: at + ".fullyQualifiedName")
                _ = text(named?["kind"], at: at + ".kind")
            }
        }
    }

    static let uriCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%")

    mutating func artifact(_ value: Any?, at path: String) {
        guard let artifact = object(value, "artifactLocation", at: path) else { return }
        guard let uri = artifact["uri"] as? String else {
            // Standard input has no URI; it is described instead.
            return messageString(artifact["description"], at: path + ".description")
        }
        let base = artifact["uriBaseId"] as? String
        if uri.hasPrefix("file:///") {
            if base != nil { fail(path, "an absolute URI with a uriBaseId") }
            if !Set(uri.dropFirst("file://".count)).isSubset(of: Self.uriCharacters) { fail(path + ".uri", "unescaped characters in \(uri)") }
        } else {
            if base != "%SRCROOT%" { fail(path + ".uriBaseId", "a relative URI without %SRCROOT%") }
            if uri.isEmpty || uri.hasPrefix("/") || !Set(uri).isSubset(of: Self.uriCharacters) { fail(path + ".uri", "not a relative reference: \(uri)") }
            if uri.split(separator: "/").contains("..") { fail(path + ".uri", "leaves %SRCROOT%: \(uri)") }
        }
        if URL(string: uri) == nil { fail(path + ".uri", "not a URI: \(uri)") }
    }

    mutating func region(_ value: Any, at path: String) {
        guard let region = object(value, "region", at: path, required: ["startLine"]) else { return }
        guard let start = region["startLine"] as? Int, start >= 1 else { return fail(path + ".startLine", "not an integer ≥ 1") }
        if let end = region["endLine"], (end as? Int).map({ $0 >= start }) != true { fail(path + ".endLine", "before startLine") }
    }
}
