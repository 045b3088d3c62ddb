import DockerfileSyntax

/// A parsed Dockerfile with what every check asks about computed once: which stage ships,
/// the stages it is built on, the shell scripts of every RUN, whether a .dockerignore exists.
public struct DockerfileFacts: Sendable {
    public let path: String
    public let dockerfile: Dockerfile
    /// `--target`, when given.
    public let target: String?
    public let shippedStage: Stage?
    /// The shipped stage and the stages it is built `FROM`, root first: their layers are in the image.
    public let shippedChain: [Stage]
    /// Whether a `.dockerignore` applies to the build; nil when unknown (Dockerfile from stdin).
    public let hasDockerignore: Bool?
    private let scriptsByLine: [Int: [ShellScript]]

    public init(path: String, dockerfile: Dockerfile, target: String? = nil, hasDockerignore: Bool?) {
        self.path = path
        self.dockerfile = dockerfile
        self.target = target
        self.hasDockerignore = hasDockerignore
        let shipped = dockerfile.shippedStage(target: target)
        self.shippedStage = shipped
        self.shippedChain = shipped.map { dockerfile.ancestry(of: $0.index).reversed() } ?? []
        var scripts: [Int: [ShellScript]] = [:]
        for stage in dockerfile.stages {
            for instruction in stage.instructions where instruction.kind == .run {
                scripts[instruction.lines.start] = RunScript.scripts(of: instruction)
            }
        }
        self.scriptsByLine = scripts
    }

    /// True when the stage's layers end up in the shipped image.
    public func ships(_ stage: Stage) -> Bool {
        shippedChain.contains { $0.index == stage.index }
    }

    /// The shipped stage is only files: built on `scratch` with no CMD or ENTRYPOINT, it is
    /// an export (`docker build --output`, `COPY --from=` by other builds), never a container.
    public var shipsOnlyFiles: Bool {
        guard let root = shippedChain.first, root.baseImage.lowercased() == "scratch" else { return false }
        return !shippedInstructions.contains { $0.kind == .cmd || $0.kind == .entrypoint }
    }

    /// The instructions whose effects end up in the image, root stage first.
    public var shippedInstructions: [Instruction] { shippedChain.flatMap(\.instructions) }

    /// Every instruction after a FROM, in every stage, in file order.
    public var stageInstructions: [Instruction] { dockerfile.stages.flatMap(\.instructions) }

    /// The shell scripts a RUN runs: its command and any heredoc bodies fed to a shell.
    public func scripts(of instruction: Instruction) -> [ShellScript] {
        scriptsByLine[instruction.lines.start] ?? []
    }

    /// Every command a RUN runs, with wrappers such as `sudo` and `env` seen through,
    /// including `sh -c '…'` arguments.
    public func commands(of instruction: Instruction) -> [ResolvedCommand] {
        scripts(of: instruction).flatMap { ResolvedCommand.all(in: $0) }
    }
}
