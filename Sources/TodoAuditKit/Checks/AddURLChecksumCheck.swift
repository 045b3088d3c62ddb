import DockerfileSyntax

/// ADD from a URL with no `--checksum`: whatever the server sends goes into the image.
/// A git source pinned to a full commit id passes.
struct AddURLChecksumCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .add {
            guard instruction.flag("checksum") == nil else { continue }
            for source in CopySources.sources(of: instruction) where CopySources.isURL(source) {
                if Self.isPinnedGit(source) { continue }
                out.append(Violation(instruction, "ADD downloads \(source) without --checksum; add --checksum=sha256:… or download and verify in a RUN", evidence: source))
                break
            }
        }
        return out
    }

    static func isPinnedGit(_ source: String) -> Bool {
        guard let hash = source.lastIndex(of: "#") else { return false }
        let ref = source[source.index(after: hash)...].split(separator: ":").first ?? ""
        return ref.count == 40 && ref.allSatisfy(\.isHexDigit)
    }
}
