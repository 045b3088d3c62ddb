import DockerfileSyntax

/// An external image in FROM, `COPY --from=` or `RUN --mount=…,from=` that is untagged or
/// `:latest` once ARG defaults are applied. Stage names, `scratch` and digests pass; a bare
/// `--from=NAME` that names no stage is reported by stage-reference instead.
struct UnpinnedImageCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let dockerfile = facts.dockerfile
        var out: [Violation] = []
        for stage in dockerfile.stages {
            // `FROM bulider` after a stage `builder` is stage-reference's typo, not an image to pin.
            if stage.parentStage == nil, StageReferenceCheck.likelyStageTypo(stage, in: dockerfile.stages) == nil,
               let problem = Self.problem(stage.baseImage) {
                out.append(Violation(stage.from, "FROM \(stage.baseImage) \(problem); pin a version tag (and ideally a digest) so builds are reproducible", evidence: stage.baseImage))
            }
            for instruction in stage.instructions {
                let sources: [(String, String)]
                switch instruction.kind {
                case .copy, .add: sources = instruction.flag("from").map { [("\(instruction.keyword.uppercased()) --from=\($0)", $0)] } ?? []
                case .run: sources = RunMount.all(of: instruction).compactMap { m in m.from.map { ("RUN --mount=…,from=\($0)", $0) } }
                default: sources = []
                }
                for (written, from) in sources {
                    // A stage's name or number (a later stage's too, as BuildKit reads it) is no image.
                    guard !from.isEmpty, dockerfile.stageIndex(referencedBy: from) == nil,
                          // A bare name that is no stage is stage-reference's: likely a typo.
                          !StageReferenceCheck.isBareName(from),
                          let problem = Self.problem(from) else { continue }
                    out.append(Violation(instruction, "\(written) \(problem); pin a version tag or digest", evidence: from))
                }
            }
        }
        return out
    }

    static func problem(_ image: String) -> String? {
        // An unresolved variable cannot be judged.
        guard !image.contains("$"), image.lowercased() != "scratch", let ref = ImageReference(image),
              ref.digest == nil else { return nil }
        switch ref.tag {
        case nil: return "has no tag, so it means :latest"
        case "latest"?: return "uses the :latest tag"
        default: return nil
        }
    }
}
