import DockerfileSyntax

/// `apt-get install` without `--no-install-recommends` in a stage that ships: recommended
/// packages often double the image. Passes when apt is configured not to install them.
struct AptNoInstallRecommendsCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var configured = false
        var out: [Violation] = []
        for instruction in facts.shippedInstructions where instruction.kind == .run {
            let text = instruction.arguments + instruction.heredocs.map(\.body).joined()
            if Self.disablesRecommends(text) && !text.contains("apt-get install") { configured = true }
            guard !configured else { continue }
            for op in facts.packageOperations(of: instruction) where op.manager == .apt && op.action == .install {
                let ok = op.has("--no-install-recommends") || op.command.arguments.contains(where: Self.disablesRecommends)
                if !ok {
                    out.append(Violation(instruction, "\(op.command.name) install without --no-install-recommends pulls in packages the image does not need", evidence: op.packages.prefix(5).joined(separator: " ")))
                    break
                }
            }
        }
        return out
    }

    static func disablesRecommends(_ text: String) -> Bool {
        guard text.contains("Install-Recommends") else { return false }
        return text.contains("Install-Recommends=false") || text.contains("Install-Recommends=0")
            || text.contains("Install-Recommends \"0\"") || text.contains("Install-Recommends \"false\"")
            || text.contains("Install-Recommends=\"false\"") || text.contains("Install-Recommends \"False\"")
    }
}
