import DockerfileSyntax

/// A RUN that pipes one command into another without `pipefail`: the shell reports only the
/// last command's status, so `curl … | tar x` or `wget -O- … | gpg --dearmor` build on
/// after the download failed. Checked in every stage; a SHELL with `-o pipefail` (inherited
/// through FROM a stage) or a `set -o pipefail` earlier in the same script passes. Pipes
/// whose feeding commands cannot fail (`echo`, `printf`, `cat <<EOF`) pass, as pipefail
/// changes nothing there.
struct PipefailCheck: DockerfileCheck {
    /// Feeding commands that always succeed: pipefail would report nothing more.
    static let neverFailing: Set<String> = ["echo", "printf", "true", "yes", ":"]
    /// Shells that do not read POSIX pipelines.
    static let foreignShells: Set<String> = ["pwsh", "powershell", "cmd"]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        let stages = facts.dockerfile.stages
        // SHELL is image config: a stage starts with the one its FROM stage ended with. A
        // FROM names only earlier stages, so one pass in order carries it along.
        var endShell: [[String]?] = Array(repeating: nil, count: stages.count)
        for stage in stages {
            var shell: [String]?
            if let parent = stage.parentStage, parent < stage.index {
                shell = endShell[parent]
            } else if Self.isWindows(stage.baseImage) {
                shell = ["cmd"]
            }
            defer { endShell[stage.index] = shell }
            for instruction in stage.instructions {
                if instruction.kind == .shell { shell = instruction.words }
                guard instruction.kind == .run else { continue }
                if let shell, Self.setsPipefail(shell) || Self.foreignShells.contains(Self.program(shell.first ?? "")) { continue }
                if case .exec(let argv)? = instruction.commandForm, Self.setsPipefail(argv) { continue }
                guard let pipe = Self.unguardedPipe(in: facts.scripts(of: instruction)) else { continue }
                out.append(Violation(instruction, "RUN pipes \(pipe) without pipefail, so a failure before the last command is hidden; add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before it, or start the RUN with set -o pipefail where the shell has it", evidence: pipe))
            }
        }
        return out
    }

    /// The first pipeline whose earlier commands can fail, run while pipefail is off.
    static func unguardedPipe(in scripts: [ShellScript]) -> String? {
        for script in scripts {
            var pipefail = false
            for pipeline in script.pipelines {
                if pipeline.commands.contains(where: setsPipefail) { pipefail = true }
                guard !pipefail, pipeline.commands.count > 1, pipeline.nesting != .processSubstitution else { continue }
                let feeding = pipeline.commands.dropLast()
                guard feeding.contains(where: { !cannotFail($0) }) else { continue }
                return pipeline.commands.map { ($0.name.map(program) ?? "…") + " …" }.joined(separator: " | ")
            }
        }
        return nil
    }

    /// `echo …`, `printf …`, and `cat` reading only a here-document (`cat <<EOF | tee …`).
    static func cannotFail(_ command: SimpleCommand) -> Bool {
        let name = program(command.name ?? "")
        if neverFailing.contains(name) { return true }
        return name == "cat" && command.arguments.isEmpty && command.redirections.contains { $0.hasPrefix("<<") }
    }

    /// `set -o pipefail`, `set -eo pipefail`, `set -euxo pipefail`, `set -o errexit -o pipefail`.
    static func setsPipefail(_ command: SimpleCommand) -> Bool {
        command.name == "set" && setsPipefail(command.arguments)
    }

    /// An argument list with `-o pipefail` (the `o` possibly among other short options).
    static func setsPipefail(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { option, value in
            value == "pipefail" && option.hasPrefix("-") && !option.hasPrefix("--") && option.contains("o")
        }
    }

    static func program(_ path: String) -> String {
        let name = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
        return name.lowercased().hasSuffix(".exe") ? String(name.dropLast(4)).lowercased() : name
    }

    /// Windows base images run RUN with cmd unless SHELL says otherwise.
    static func isWindows(_ image: String) -> Bool {
        let lower = image.lowercased()
        return lower.contains("/windows/") || lower.contains("nanoserver") || lower.contains("servercore")
    }
}
