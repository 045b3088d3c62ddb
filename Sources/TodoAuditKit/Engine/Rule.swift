/// A rule as declared in one `Rules/**/*.yml` file: metadata, docs, parameters and examples.
public struct Rule: Sendable {
    /// Permanent: TA1xxx Dockerfile, TA2xxx context, TA3xxx image, TA4xxx secrets.
    public var id: String
    /// kebab-case; what users type in ignores and config.
    public var name: String
    public var category: RuleCategory
    public var severity: Severity
    public var appliesTo: [TargetKind]
    /// The problem, phrased as a problem ("Container runs as root").
    public var title: String
    /// The checklist line, phrased neutrally ("Non-root user").
    public var checklist: String
    public var description: String
    public var remediation: String
    /// The peers' ids for the same concept (hadolint DLxxxx, dockle CIS-DI-xxxx, trivy DSxxx, checkov CKV_DOCKER_x).
    public var references: [String]
    /// The Swift check that implements the rule.
    public var check: String
    public var parameters: RuleData
    public var enabledByDefault: Bool
    public var examples: [RuleExample]
    /// Path inside Rules/ (or the user's rules dir) the rule came from.
    public var source: String
}

/// A Dockerfile a rule must fire on (at the `↓`-marked lines) or pass.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable { case fire, pass }

    public var expectation: Expectation
    /// 1-based position among the rule's examples of this expectation.
    public var number: Int
    /// The Dockerfile with markers removed (nil for an image example).
    public var dockerfile: String?
    /// Lines marked with `↓`; a fire example must mark at least one.
    public var expectedLines: [Int]
    /// Whether a `.dockerignore` exists beside the Dockerfile (default true).
    public var hasDockerignore: Bool
    /// `--target` for the build, if the example sets one.
    public var target: String?
    /// An image described in YAML (config, history, layers of files), built in memory.
    public var image: RuleData?
    /// Where an image example's findings must be: `config:User`, `file:PATH`, `layer:N`, `image`.
    public var expectedPlaces: [String]
    /// `.todoaudit.yml` settings the example runs with (e.g. a size budget).
    public var settings: RuleData?
    /// Files of a directory (path → text), for rules over build contexts and file trees;
    /// `expectedPlaces` are then `PATH:LINE`.
    public var files: RuleData?
    /// A build context (path → text, a path ending in `/` an empty directory) holding the
    /// Dockerfile; `expectedPlaces` are context paths, `Dockerfile:LINE` or `.dockerignore:LINE`.
    public var context: RuleData?

    public init(expectation: Expectation, number: Int, dockerfile: String?, expectedLines: [Int], hasDockerignore: Bool,
                target: String?, image: RuleData? = nil, expectedPlaces: [String] = []) {
        self.expectation = expectation
        self.number = number
        self.dockerfile = dockerfile
        self.expectedLines = expectedLines
        self.hasDockerignore = hasDockerignore
        self.target = target
        self.image = image
        self.expectedPlaces = expectedPlaces
    }

    /// Splits `↓` markers off the start of lines.
    static func markedLines(_ text: String) -> (text: String, lines: [Int]) {
        var lines: [Int] = []
        var out: [Substring] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("↓") {
                lines.append(i + 1)
                out.append(line.dropFirst())
            } else {
                out.append(line)
            }
        }
        return (out.joined(separator: "\n"), lines)
    }
}
