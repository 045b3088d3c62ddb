import DockerfileSyntax

/// ADD from a URL with no `--checksum`: whatever the server sends goes into the image.
/// A git source pinned to a full commit id passes, and so does a download that a later RUN
/// of the same stage verifies (`gpg --verify tini.asc tini`, `sha256sum -c`) by its name.
struct AddURLChecksumCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for stage in facts.dockerfile.stages {
            for (position, instruction) in stage.instructions.enumerated() where instruction.kind == .add {
                guard instruction.flag("checksum") == nil else { continue }
                let later = stage.instructions[(position + 1)...].lazy.filter { $0.kind == .run }
                for source in CopySources.sources(of: instruction) where CopySources.isURL(source) {
                    if Self.isPinnedGit(source) { continue }
                    if let name = Self.fileName(source, destination: instruction.words.last ?? ""),
                       later.contains(where: { Self.verifies($0, name, facts) }) { continue }
                    out.append(Violation(instruction, "ADD downloads \(source) without --checksum; add --checksum=sha256:… or download and verify in a RUN", evidence: source))
                    break
                }
            }
        }
        return out
    }

    /// The name the download lands under: the destination's last component, or the URL's
    /// when the destination is a directory.
    static func fileName(_ source: String, destination: String) -> String? {
        let path = source.split(separator: "?").first.map(String.init) ?? source
        let fromURL = path.split(separator: "/").last.map(String.init)
        let name = destination.hasSuffix("/") || destination == "." ? fromURL : destination.split(separator: "/").last.map(String.init)
        // A name this short would match by accident.
        guard let name, name.count >= 3 else { return nil }
        return name
    }

    /// A RUN with a pipeline that verifies and names the file (`gpg --verify tini.asc tini`,
    /// `echo "<sum>  /tini" | sha256sum -c -`); naming it elsewhere in the RUN is not enough.
    static func verifies(_ run: Instruction, _ name: String, _ facts: DockerfileFacts) -> Bool {
        facts.scripts(of: run).contains { script in
            script.pipelines.contains { pipeline in
                let text = pipeline.commands.flatMap { $0.words.map(\.text) }.joined(separator: " ")
                return text.contains(name) && TextSearch.containsAny(text.lowercased(), DownloadedScriptRun.verifiers)
            }
        }
    }

    static func isPinnedGit(_ source: String) -> Bool {
        guard let hash = source.lastIndex(of: "#") else { return false }
        let ref = source[source.index(after: hash)...].split(separator: ":").first ?? ""
        return ref.count == 40 && ref.allSatisfy(\.isHexDigit)
    }
}
