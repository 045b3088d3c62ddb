import DockerfileSyntax

/// The ARG and ENV values a RUN's shell sees, tracked instruction by instruction along a
/// FROM chain: Docker puts both in the environment of RUN commands, so
/// `ARG PIP_NO_CACHE_DIR=1` and `ENV BUILD_DEPS="gcc make"` matter to what a RUN does.
struct BuildVariables {
    private var arguments: [String: String] = [:]
    private var environment: [String: String] = [:]
    private let globals: [String: String]

    init(_ facts: DockerfileFacts) {
        var globals: [String: String] = [:]
        for arg in facts.dockerfile.globalArguments {
            for (key, value) in arg.keyValuePairs { if let value { globals[key] = value } }
        }
        self.globals = globals
    }

    /// ENV and ARG values in scope, ENV winning as in Docker.
    var values: [String: String] { arguments.merging(environment) { _, env in env } }

    /// A new stage of the chain: ENV values carry over, ARG values do not.
    mutating func enterStage() { arguments = [:] }

    /// A new stage built FROM the stage `parent` ended as: its ENV values, no ARG values.
    mutating func enterStage(from parent: BuildVariables) {
        arguments = [:]
        environment = parent.environment
    }

    /// Records an ARG or ENV; other instructions change nothing.
    mutating func record(_ instruction: Instruction) {
        switch instruction.kind {
        case .arg:
            for (key, value) in instruction.keyValuePairs {
                // `ARG NAME` without a value re-imports the global default, if any.
                if let value = value ?? globals[key] { arguments[key] = value }
            }
        case .env:
            for (key, value) in instruction.keyValuePairs { environment[key] = value ?? "" }
        default:
            break
        }
    }
}
