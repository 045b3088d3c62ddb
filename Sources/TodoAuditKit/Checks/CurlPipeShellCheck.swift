import DockerfileSyntax

/// A download executed without being checked: `curl … | sh`, `wget -O- … | bash`,
/// `bash -c "$(curl …)"`, `sh <(curl …)`, also inside `sh -c '…'` and heredocs.
/// `curl | tar` and download-verify-run pass.
struct CurlPipeShellCheck: DockerfileCheck {
    static let interpreters: Set<String> = [
        "sh", "bash", "ash", "dash", "zsh", "ksh", "fish", "python", "python2", "python3", "perl", "ruby",
        "node", "php", "source", ".", "eval", "pwsh", "iex",
    ]

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            var downloads = DownloadedScriptRun()
            for instruction in stage.instructions where instruction.kind == .run {
                let piped = facts.scripts(of: instruction).lazy.compactMap { Self.find(in: $0, depth: 0) }.first
                let evidence = piped ?? Self.powerShellDownloadRun(instruction)
                    ?? downloads.visit(instruction, commands: facts.commands(of: instruction))
                if let evidence {
                    out.append(Violation(instruction, "RUN executes a download without verifying it (\(evidence)); download to a file, check its sha256, then run it", evidence: evidence))
                }
            }
        }
        return out
    }

    /// `iex ((New-Object Net.WebClient).DownloadString('…'))`, `iwr … | iex`: PowerShell
    /// running what it downloads (Chocolatey's installer, in many Windows Dockerfiles).
    static func powerShellDownloadRun(_ instruction: Instruction) -> String? {
        let text = instruction.arguments.lowercased()
        guard TextSearch.containsAny(text, ["iex", "invoke-expression"]) else { return nil }
        let words = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init))
        guard words.contains("iex") || words.contains("invoke-expression") else { return nil }
        let downloads = ["downloadstring", "invoke-webrequest", "invoke-restmethod", "iwr", "irm", "downloadfile"]
        guard let download = downloads.first(where: words.contains) else { return nil }
        return "\(download) | iex"
    }

    static func find(in script: ShellScript, depth: Int) -> String? {
        for pipeline in script.pipelines {
            let commands = pipeline.commands.compactMap(ResolvedCommand.init)
            // A downloader writing to stdout, followed in the same pipeline by an interpreter reading stdin.
            if let d = commands.firstIndex(where: writesDownloadToStdout) {
                if let i = commands[(d + 1)...].first(where: { runsStdin($0) }) {
                    return "\(commands[d].name) | \(i.name)"
                }
            }
            for command in commands where interpreters.contains(command.name) {
                // `bash -c "$(curl …)"`, `eval "$(curl …)"`, `sh <(curl …)`.
                for word in command.argumentWords where startsWithSubstitution(word.raw) {
                    if word.substitutions.contains(where: { $0.commands.compactMap(ResolvedCommand.init).contains(where: writesDownloadToStdout) }) {
                        return "\(command.name) \(word.raw.prefix(40))"
                    }
                }
                if depth < 3, let inline = command.inlineScript, let found = find(in: ShellScript.parse(inline), depth: depth + 1) {
                    return found
                }
            }
        }
        return nil
    }

    static func startsWithSubstitution(_ raw: String) -> Bool {
        let s = raw.drop { $0 == "\"" || $0 == "'" }
        return s.hasPrefix("$(") || s.hasPrefix("`") || s.hasPrefix("<(")
    }

    /// curl without `-o`/`-O`, or wget with `-O -`.
    static func writesDownloadToStdout(_ command: ResolvedCommand) -> Bool {
        let args = command.arguments
        switch command.name {
        case "curl":
            for (i, arg) in args.enumerated() {
                if arg == "--output" || arg == "-o" { return i + 1 < args.count && args[i + 1] == "-" }
                if arg.hasPrefix("--output=") { return arg == "--output=-" }
                if arg == "--remote-name" || arg == "--remote-name-all" || arg == "-O" { return false }
                if arg.hasPrefix("-") && !arg.hasPrefix("--"), let o = arg.firstIndex(where: { $0 == "o" || $0 == "O" }) {
                    if arg[o] == "O" { return false }
                    let rest = arg[arg.index(after: o)...]
                    return rest == "-" || (rest.isEmpty && i + 1 < args.count && args[i + 1] == "-")
                }
            }
            return true
        case "wget":
            for (i, arg) in args.enumerated() {
                if arg.hasPrefix("--output-document=") { return arg.hasSuffix("=-") || arg.hasSuffix("=/dev/stdout") }
                if arg == "--output-document" { return i + 1 < args.count && ["-", "/dev/stdout"].contains(args[i + 1]) }
                if arg.hasPrefix("-") && !arg.hasPrefix("--"), let o = arg.firstIndex(of: "O") {
                    let rest = arg[arg.index(after: o)...]
                    if !rest.isEmpty { return rest == "-" || rest == "/dev/stdout" }
                    return i + 1 < args.count && ["-", "/dev/stdout"].contains(args[i + 1])
                }
            }
            return false
        default:
            return false
        }
    }

    /// An interpreter that takes its program from stdin (not from `-c`/`-e`).
    static func runsStdin(_ command: ResolvedCommand) -> Bool {
        guard interpreters.contains(command.name), command.name != "eval" else { return false }
        for arg in command.arguments {
            // `perl - App::cpanminus`, `python3 - --version 2`: `-` names stdin as the program.
            if arg == "--" || arg == "-" { break }
            if arg.hasPrefix("-") && !arg.hasPrefix("--") && (arg.contains("c") || arg.contains("e")) && arg != "-" {
                // `sh -c '…'` and `python3 -c '…'` read their program from the argument; stdin is data.
                // `bash -es` still runs stdin: only treat -c (and -e for perl/ruby/node) as program options.
                let isShell = RunScript.shells.contains(command.name)
                if arg.contains("c") || (!isShell && arg.contains("e")) { return false }
            }
            if !arg.hasPrefix("-") { return false }  // a script file argument: stdin is data
        }
        return true
    }
}
