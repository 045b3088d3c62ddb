import DockerfileSyntax

/// Compilers and build tooling installed in a stage that ships, and not removed in the same
/// RUN (a later RUN's removal leaves the bytes in the earlier layer).
struct BuildToolsCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let tools = BuildToolList(input.list("build-tools"))
        var out: [Violation] = []
        var scope = BuildVariables(facts)
        for stage in facts.shippedChain {
            scope.enterStage()
            for instruction in stage.instructions {
                scope.record(instruction)
                guard instruction.kind == .run else { continue }
                let operations = facts.packageOperations(of: instruction, variables: scope.values)
                var removed = Set<String>()
                for op in operations where op.action == .remove { removed.formUnion(op.packages) }
                let aptAutoRemoved = Self.autoRemovesNewAptPackages(facts.commands(of: instruction), operations)
                var found: [String] = []
                for op in operations where op.action == .install {
                    if let virtual = op.virtualName, removed.contains(virtual) { continue }
                    if op.manager == .apt && aptAutoRemoved { continue }
                    for package in op.packages where !removed.contains(package) && tools.isBuildTool(package, manager: op.manager) {
                        if !found.contains(package) { found.append(package) }
                    }
                }
                guard !found.isEmpty else { continue }
                let stageName = stage.name.map { "'\($0)'" } ?? "\(stage.index)"
                out.append(Violation(
                    instruction,
                    "Stage \(stageName) ships build tools \(found.joined(separator: ", ")); build in an earlier stage and COPY --from only the results, or remove them in the same RUN",
                    evidence: found.joined(separator: " ")
                ))
            }
        }
        return out
    }

    /// The Debian official-image idiom: `apt-mark auto '.*'` (after saving the manual set),
    /// then `apt-get purge -y --auto-remove`, removes everything the RUN installed.
    static func autoRemovesNewAptPackages(_ commands: [ResolvedCommand], _ operations: [PackageOperation]) -> Bool {
        guard commands.contains(where: { $0.name == "apt-mark" && $0.arguments.first == "auto" }) else { return false }
        return operations.contains { op in
            op.manager == .apt && op.action == .remove
                && (op.has("--auto-remove") || op.has("--autoremove") || op.command.arguments.contains("autoremove"))
        }
    }
}

/// `Rules/data/build-tools.yml`: package-name patterns per kind of package manager.
struct BuildToolList {
    let system: [Glob]
    let python: [Glob]
    let node: [Glob]
    let exceptions: [Glob]

    init(_ data: RuleData) {
        system = (data["os-packages"]?.strings ?? []).map { Glob($0.lowercased()) }
        python = (data["python-packages"]?.strings ?? []).map(Glob.init)
        node = (data["node-packages"]?.strings ?? []).map(Glob.init)
        exceptions = (data["not-build-tools"]?.strings ?? []).map(Glob.init)
    }

    func isBuildTool(_ package: String, manager: PackageOperation.Manager) -> Bool {
        let name = package.lowercased()
        if exceptions.contains(where: { $0.matches(name) }) { return false }
        let patterns: [Glob]
        switch manager {
        case .pip, .uv: patterns = python
        case .npm, .yarn, .pnpm: patterns = node
        default: patterns = system
        }
        return patterns.contains { $0.matches(name) }
    }
}
