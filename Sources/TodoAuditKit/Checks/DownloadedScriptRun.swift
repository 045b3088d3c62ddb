import DockerfileSyntax

/// Finds a file downloaded with curl/wget and later run (`curl -o i.sh URL && sh i.sh`,
/// `wget URL/install.sh && bash install.sh`) with no checksum or signature check in between,
/// across the RUNs of one stage. The same risk as `curl | sh`, one step removed.
struct DownloadedScriptRun {
    /// Words that show a RUN verifies what it downloaded; seeing one forgets earlier downloads.
    static let verifiers = [
        "sha256sum", "sha512sum", "sha384sum", "sha1sum", "shasum", "md5sum", "b2sum", "gpg --verify", "gpg --batch --verify",
        "gpgv", "cosign verify", "minisign", "signify", "openssl dgst", "get-filehash", "--checksum", "slsa-verifier",
    ]
    static let runners: Set<String> = [
        "sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python2", "python3", "perl", "ruby", "node", "php", "source", ".",
    ]

    /// Downloaded paths not yet verified, as written (`/tmp/install.sh`, `install.sh`).
    private var pending: [String: String] = [:]

    /// Looks at one RUN; returns evidence when it runs an unverified download.
    mutating func visit(_ instruction: Instruction, commands: [ResolvedCommand]) -> String? {
        let text = (instruction.arguments + instruction.heredocs.map(\.body).joined()).lowercased()
        if TextSearch.containsAny(text, Self.verifiers) {
            pending = [:]
            return nil
        }
        for command in commands {
            for file in Self.downloadedFiles(command) { pending[Self.key(file)] = command.name }
            if let file = Self.executedFile(command), let downloader = pending[Self.key(file)] {
                return "\(downloader) -o \(file), then \(Self.runners.contains(command.name) ? command.name + " " + file : file)"
            }
        }
        return nil
    }

    /// Paths compare by base name: `-o /tmp/i.sh` then `cd /tmp && sh ./i.sh`.
    static func key(_ path: String) -> String { RunScript.baseName(path) }

    /// The file a command runs: `sh FILE`, `. FILE`, or `./FILE` / `/path/FILE` itself.
    static func executedFile(_ command: ResolvedCommand) -> String? {
        if runners.contains(command.name) {
            guard let first = command.arguments.first(where: { !$0.hasPrefix("-") }) else { return nil }
            // `sh -c '…'` runs its argument, not a file.
            if command.arguments.contains(where: { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("c") }) { return nil }
            return first
        }
        // Only an explicit path counts: `kubectl version` runs whatever is on PATH.
        return command.program.contains("/") ? command.program : nil
    }

    /// Files a curl or wget command writes.
    static func downloadedFiles(_ command: ResolvedCommand) -> [String] {
        let args = command.arguments
        let urls = args.filter { $0.contains("://") }
        let basenames = urls.compactMap { url -> String? in
            let path = url.split(separator: "?").first.map(String.init) ?? url
            let name = RunScript.baseName(path)
            return name.isEmpty || name.contains(":") ? nil : name
        }
        switch command.name {
        case "curl":
            return options(args, valued: "oHduAexXwTKmrbcCEFYyzQ", long: curlLong, output: "o", remote: "O",
                           longOutput: "--output", longRemote: ["--remote-name", "--remote-name-all"], basenames: basenames)
        case "wget":
            let files = options(args, valued: "OoPtTwUeaiBQlARDXIY", long: wgetLong, output: "O", remote: nil,
                                longOutput: "--output-document", longRemote: [], basenames: [])
            return files.isEmpty ? basenames : files
        default:
            return []
        }
    }

    static let curlLong: Set<String> = [
        "--header", "--data", "--data-raw", "--data-binary", "--user", "--user-agent", "--referer", "--proxy", "--request",
        "--write-out", "--upload-file", "--config", "--max-time", "--range", "--cookie", "--cookie-jar", "--continue-at",
        "--cert", "--cacert", "--key", "--form", "--retry", "--retry-delay", "--retry-max-time", "--connect-timeout",
        "--url", "--output-dir", "--proto", "--resolve", "--limit-rate",
    ]
    static let wgetLong: Set<String> = ["--header", "--user", "--password", "--tries", "--timeout", "--directory-prefix", "--user-agent"]

    /// Output files named by `-o FILE`, `-oFILE`, bundled `-fsSLo FILE`, `--output FILE`,
    /// `--output=FILE`; `-O`/`--remote-name` name the URL's base name.
    private static func options(
        _ args: [String], valued: String, long: Set<String>, output: Character, remote: Character?,
        longOutput: String, longRemote: Set<String>, basenames: [String]
    ) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let arg = args[i]
            i += 1
            if arg.hasPrefix("--") {
                if arg == longOutput, i < args.count { out.append(args[i]); i += 1 }
                else if arg.hasPrefix(longOutput + "=") { out.append(String(arg.dropFirst(longOutput.count + 1))) }
                else if longRemote.contains(arg) { out += basenames }
                else if long.contains(arg) { i += 1 }
                continue
            }
            guard arg.hasPrefix("-"), arg.count > 1 else { continue }
            var chars = arg.dropFirst()
            while let c = chars.first {
                chars = chars.dropFirst()
                if c == remote { out += basenames; continue }
                guard valued.contains(c) else { continue }
                let value = chars.isEmpty ? (i < args.count ? args[i] : "") : String(chars)
                if chars.isEmpty { i += 1 }
                if c == output { out.append(value) }
                break
            }
        }
        return out.filter { $0 != "-" && $0 != "/dev/stdout" && $0 != "/dev/null" && !$0.isEmpty }
    }
}
