import DockerfileSyntax

/// The shell scripts one RUN instruction runs.
enum RunScript {
    static let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"]

    static func scripts(of instruction: Instruction) -> [ShellScript] {
        var out: [ShellScript] = []
        let main: ShellScript
        switch instruction.commandForm {
        case .exec(let argv)?:
            main = script(argv: argv)
        case .shell(let text)?:
            main = ShellScript.parse(text)
        case nil:
            return []
        }
        out.append(main)
        // Heredocs are matched to `<<` redirections in order; a body goes to a shell when
        // the command reading it is a shell or there is no command (`RUN <<EOF`).
        var remaining = instruction.heredocs[...]
        for command in main.commands {
            for redirection in command.redirections where redirection.hasPrefix("<<") && !redirection.hasPrefix("<<<") {
                guard let heredoc = remaining.popFirst() else { break }
                let name = command.name.map(baseName)
                if name == nil || shells.contains(name!) {
                    out.append(ShellScript.parse(heredoc.body))
                }
            }
        }
        if main.commands.isEmpty, let first = remaining.first {
            out.append(ShellScript.parse(first.body))
        }
        return out
    }

    /// An exec-form RUN: `["sh", "-c", "…"]` is parsed as a script; anything else is one command.
    static func script(argv: [String]) -> ShellScript {
        if let first = argv.first, shells.contains(baseName(first)),
           let c = argv.firstIndex(of: "-c"), c + 1 < argv.count {
            return ShellScript.parse(argv[c + 1])
        }
        let words = argv.map { ShellWord(text: $0, raw: $0, substitutions: []) }
        let command = SimpleCommand(assignments: [], words: words, redirections: [])
        return ShellScript(pipelines: [Pipeline(commands: [command], nesting: .topLevel, followedBy: nil)])
    }

    /// Shell variables a script assigns (`deps='gcc make'`, `export DEPS=…`), last one winning.
    static func assignments(in scripts: [ShellScript]) -> [String: String] {
        var out: [String: String] = [:]
        for command in scripts.flatMap(\.commands) {
            var texts = command.assignments.map(\.text)
            if let name = command.name, ["export", "readonly", "declare", "local", "typeset"].contains(name) {
                texts += command.arguments
            }
            for text in texts where ResolvedCommand.isAssignment(text) {
                let eq = text.firstIndex(of: "=")!
                out[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
        }
        return out
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
