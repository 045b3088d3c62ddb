import DockerfileSyntax

/// The shipped stage's effective user is root: no USER anywhere in its `FROM` chain
/// (and a base image not known to run unprivileged), or the last USER is root / uid 0.
/// A files-only export stage (`FROM scratch`, no CMD or ENTRYPOINT) never runs and passes.
struct RootUserCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        guard let shipped = facts.shippedStage, let root = facts.shippedChain.first, !facts.shipsOnlyFiles else { return [] }
        var last: (Instruction, String)?
        for instruction in facts.shippedInstructions where instruction.kind == .user {
            last = (instruction, instruction.words.first ?? "")
        }
        let stage = shipped.name.map { "'\($0)'" } ?? "\(shipped.index)"
        if let (instruction, value) = last {
            let user = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            // An unresolved `USER $UID` is set by the base image or the build; nothing to judge.
            guard !user.isEmpty, Self.isRoot(user) else { return [] }
            return [Violation(instruction, "The last USER of stage \(stage) is '\(value)', so the container runs as root", evidence: "USER \(value)")]
        }
        if let ref = ImageReference(root.baseImage) {
            let nonRoot = input.list("nonroot-base-images").strings.map(Glob.init)
            if nonRoot.contains(where: { $0.matches(ref.repositoryAndTag) }) { return [] }
        }
        return [Violation(shipped.from, "Stage \(stage) sets no USER, so the container runs as root", evidence: "FROM \(root.baseImage)")]
    }

    static func isRoot(_ user: String) -> Bool {
        // Windows containers' administrator account is the root equivalent.
        user == "root" || user.lowercased() == "containeradministrator"
            || (user.allSatisfy(\.isNumber) && Int(user) == 0)
    }
}
