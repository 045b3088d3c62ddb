import DockerfileSyntax

/// `apt-get install` without `--no-install-recommends` in a stage that ships: recommended
/// packages often double the image. Passes when apt is configured not to install them
/// earlier (an `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…` in an earlier
/// RUN or earlier in the same RUN, or a COPY heredoc writing it).
struct AptNoInstallRecommendsCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var configured = false
        var out: [Violation] = []
        for instruction in facts.shippedInstructions {
            if instruction.kind == .copy || instruction.kind == .add {
                if instruction.heredocs.contains(where: { Self.disablesRecommends($0.body) }) { configured = true }
                continue
            }
            guard instruction.kind == .run, !configured else { continue }
            // Commands run in order: a config write counts for the installs after it.
            for command in facts.commands(of: instruction) {
                if ["echo", "printf", "tee", "cat"].contains(command.name), command.arguments.contains(where: Self.disablesRecommends) {
                    configured = true
                }
                guard !configured, let op = PackageOperation(command), op.manager == .apt, op.action == .install else { continue }
                // aptitude spells it `-R` / `--without-recommends`.
                let ok = op.has("--no-install-recommends") || op.has("--without-recommends") || (command.name == "aptitude" && op.has("-R"))
                    || command.arguments.contains(where: Self.disablesRecommends)
                if !ok {
                    out.append(Violation(instruction, "\(command.name) install without --no-install-recommends pulls in packages the image does not need", evidence: op.packages.prefix(5).joined(separator: " ")))
                    break
                }
            }
            // A heredoc body that is not a shell script (`RUN cat <<EOF > /etc/apt/…`).
            if instruction.heredocs.contains(where: { Self.disablesRecommends($0.body) }) { configured = true }
        }
        return out
    }

    static func disablesRecommends(_ text: String) -> Bool {
        guard TextSearch.contains(text, "Install-Recommends") else { return false }
        let t = text.replacing("\"", with: "").replacing("'", with: "").lowercased()
        return t.contains("install-recommends=false") || t.contains("install-recommends=0")
            || t.contains("install-recommends 0") || t.contains("install-recommends false")
    }
}
