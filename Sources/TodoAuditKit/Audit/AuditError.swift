import DockerfileSyntax

/// Why an audit could not run; each reads as one clear line and maps to exit code 2.
public enum AuditError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case noDockerfile(directory: String)
    case unreadable(String, reason: String)
    case invalidDockerfile(String, DockerfileError)
    case invalidImage(String, String)
    case unknownTarget(String, stage: String, available: [String])
    case rules(RuleLoadError)
    case configuration(ConfigurationError)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .noDockerfile(let dir):
            return "\(dir): no Dockerfile here (looked for Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile)"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason))"
        case .invalidDockerfile(let path, .tooLarge(let bytes, let limit)):
            return "\(path): the file is \(bytes) bytes, over the \(limit)-byte limit for Dockerfiles (raise limits.max_dockerfile_size or --max-dockerfile-bytes)"
        case .invalidDockerfile(let path, let error):
            return "\(path): not a valid Dockerfile: \(error)"
        case .invalidImage(let path, let reason):
            return reason.contains(path) ? reason : "\(path): \(reason)"
        case .unknownTarget(let path, let stage, let available):
            let list = available.isEmpty ? "it has no named stages" : "stages: \(available.joined(separator: ", "))"
            return "\(path): no stage named '\(stage)' for --target (\(list))"
        case .rules(let error):
            return "rules: \(error)"
        case .configuration(let error):
            return "configuration: \(error)"
        }
    }
}
