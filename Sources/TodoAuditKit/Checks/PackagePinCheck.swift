import DockerfileSyntax

/// Packages installed by name without a version, in any stage: `apt-get install curl`,
/// `apk add curl`, `pip install flask`, `npm install -g pnpm`, `dnf install tar`. A rebuild
/// may then install something else. Opt-in: pinning OS packages trades reproducibility for
/// security updates, and many teams choose the updates.
struct PackagePinCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        let stages = facts.dockerfile.stages
        // ARG and ENV values reach RUN's shell (`apt-get install $DEPS`); ENV carries over a
        // FROM of an earlier stage, so one pass in order keeps each stage's end state.
        var atEnd: [BuildVariables] = []
        for stage in stages {
            var scope = BuildVariables(facts)
            if let parent = stage.parentStage, parent < stage.index { scope.enterStage(from: atEnd[parent]) }
            for instruction in stage.instructions {
                scope.record(instruction)
                guard instruction.kind == .run, let violation = Self.violation(instruction, facts, scope.values) else { continue }
                out.append(violation)
            }
            atEnd.append(scope)
        }
        return out
    }

    /// The RUN's unpinned installs, as one violation.
    static func violation(_ instruction: Instruction, _ facts: DockerfileFacts, _ variables: [String: String]) -> Violation? {
        let unpinned = facts.packageOperations(of: instruction, variables: variables)
            .filter { $0.action == .install }
            .flatMap { op in op.specs.filter { !isPinned($0, op) }.map { (op, $0) } }
        guard let (op, _) = unpinned.first else { return nil }
        let names = unpinned.map(\.1)
        let shown = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", +\(names.count - 4) more" : "")
        return Violation(instruction, "\(op.command.name) installs \(shown) without a version, so a rebuild may install another; pin it (\(example(op.manager)))", evidence: shown)
    }

    static func isPinned(_ spec: String, _ op: PackageOperation) -> Bool {
        // A variable we could not resolve, a local file, a URL or a VCS reference is not a name to pin.
        if spec.contains("$") || spec.contains("/") || spec.hasPrefix(".") || spec.contains("://") { return true }
        let lower = spec.lowercased()
        if [".deb", ".rpm", ".apk", ".whl", ".tar.gz", ".tgz", ".zip"].contains(where: { lower.hasSuffix($0) }) { return true }
        switch op.manager {
        case .apt: return spec.contains("=")
        case .apk: return spec.contains(where: { "=~<>".contains($0) }) || spec == op.virtualName
        case .pip, .uv:
            // The installer itself is upgraded by name as a matter of course.
            if ["pip", "setuptools", "wheel"].contains(lower) { return true }
            return spec.contains(where: { "=<>~!@".contains($0) })
        case .npm, .yarn, .pnpm:
            let body = spec.hasPrefix("@") ? spec.dropFirst() : Substring(spec)
            return body.contains("@") || spec.contains(":")
        case .yum, .dnf, .microdnf, .zypper:
            // name-version (`nginx-1.24.0`) or a comparison (`zypper in 'curl>=8'`).
            return spec.contains(where: { "=<>".contains($0) }) || zip(spec, spec.dropFirst()).contains { $0 == "-" && $1.isNumber }
        }
    }

    static func example(_ manager: PackageOperation.Manager) -> String {
        switch manager {
        case .apt: return "curl=8.5.0-2"
        case .apk: return "curl=8.11.1-r0"
        case .pip, .uv: return "flask==3.1.0"
        case .npm, .yarn, .pnpm: return "pnpm@9.15.0"
        case .yum, .dnf, .microdnf, .zypper: return "tar-1.34"
        }
    }
}
