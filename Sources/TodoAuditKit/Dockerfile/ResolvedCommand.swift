import DockerfileSyntax

/// A simple command with its real program found: `sudo -E env A=b /usr/bin/apt-get install x`
/// is `apt-get` with arguments `install x`. `python -m pip` becomes `pip`.
public struct ResolvedCommand: Sendable, Hashable {
    /// The program's base name (`apt-get`, `pip`, `curl`).
    public var name: String
    /// The program word as written (`./install.sh`, `/usr/bin/apt-get`).
    public var program: String
    public var arguments: [String]
    /// The argument words, for their substitutions.
    public var argumentWords: [ShellWord]
    /// Wrappers seen through (`sudo`, `env`), in order.
    public var wrappers: [String]
    /// `NAME=value` assignments before the command (also those given to `env`).
    public var assignments: [String]
    public var command: SimpleCommand

    /// Wrappers that run their arguments as a command, with the options of each that take a value.
    static let wrappers: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "--user", "--group"],
        "doas": ["-u", "-C"],
        "env": ["-u", "-C", "-S", "--unset", "--chdir"],
        "nice": ["-n", "--adjustment"],
        "nohup": [], "time": [], "exec": [], "command": [], "builtin": [],
        "stdbuf": ["-i", "-o", "-e"], "timeout": ["-s", "-k", "--signal", "--kill-after"],
        "chroot": [], "su-exec": [], "gosu": [], "tini": [], "dumb-init": [],
        // `xargs -a packages.txt apt-get install -y`: the packages come from the file.
        "xargs": ["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines"],
    ]

    init?(_ command: SimpleCommand) {
        var words = command.words[...]
        var wrappers: [String] = []
        var assignments = command.assignments.map(\.text)
        while let first = words.first {
            let name = RunScript.baseName(first.text)
            guard let valued = Self.wrappers[name] else { break }
            wrappers.append(name)
            words = words.dropFirst()
            // Skip the wrapper's own options (and, for env, assignments).
            var positionalToSkip = (name == "timeout" || name == "chroot") ? 1 : 0
            if name == "su-exec" || name == "gosu" { positionalToSkip = 1 }
            while let w = words.first {
                let t = w.text
                if t == "--" { words = words.dropFirst(); break }
                if t.hasPrefix("-") && t.count > 1 {
                    words = words.dropFirst()
                    if valued.contains(t) { words = words.dropFirst() }
                } else if name == "env" && Self.isAssignment(t) {
                    assignments.append(t)
                    words = words.dropFirst()
                } else if positionalToSkip > 0 {
                    positionalToSkip -= 1
                    words = words.dropFirst()
                } else {
                    break
                }
            }
        }
        guard let program = words.first else { return nil }
        var name = RunScript.baseName(program.text)
        var rest = Array(words.dropFirst())
        // `python3 -m pip install …` runs pip.
        if name.hasPrefix("python"), rest.count >= 2, rest[0].text == "-m" {
            name = rest[1].text
            rest = Array(rest.dropFirst(2))
        }
        self.name = name
        self.program = program.text
        self.arguments = rest.map(\.text)
        self.argumentWords = rest
        self.wrappers = wrappers
        self.assignments = assignments
        self.command = command
    }

    static func isAssignment(_ word: String) -> Bool {
        guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { return false }
        return word[..<eq].allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }

    /// Every command of a script, including scripts passed to `sh -c` (a few levels deep).
    static func all(in script: ShellScript, depth: Int = 0) -> [ResolvedCommand] {
        var out: [ResolvedCommand] = []
        for command in script.commands {
            guard let resolved = ResolvedCommand(command) else { continue }
            out.append(resolved)
            if depth < 4, let inner = resolved.inlineScript {
                out.append(contentsOf: all(in: ShellScript.parse(inner), depth: depth + 1))
            }
        }
        return out
    }

    /// The script of `sh -c '…'` / `bash -lc "…"`, when this is a shell given one.
    public var inlineScript: String? {
        guard RunScript.shells.contains(name) else { return nil }
        for (i, arg) in arguments.enumerated() where arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.contains("c") {
            return i + 1 < arguments.count ? arguments[i + 1] : nil
        }
        return nil
    }

    /// True when an option is present: `has("--no-cache")`, or a short flag bundled (`-qO-`
    /// is not searched; use `arguments` for that).
    public func has(_ option: String) -> Bool {
        arguments.contains { $0 == option || $0.hasPrefix(option + "=") }
    }
}
