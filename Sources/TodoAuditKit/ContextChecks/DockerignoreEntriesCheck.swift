/// With `COPY . .` and an ignore file: the entries every context needs (`.git`, `.env*`)
/// and those of its ecosystem (Node: `node_modules`, `.next`; Python: `__pycache__`,
/// `.venv`), checked with Docker's matching on probe paths, so an entry that only covers
/// the top level or that a later `!` line undoes still counts as missing.
struct DockerignoreEntriesCheck: ContextCheck {
    func evaluate(_ context: ContextFacts, _ input: CheckInput) -> [ContextViolation] {
        guard let ignore = context.ignore, let copy = context.copies.first(where: \.copiesEverything) else { return [] }
        let data = input.list("dockerignore-entries")
        let how = "\(copy.instruction.keyword.uppercased()) \(copy.instruction.arguments) (line \(copy.instruction.lines.start))"
        var out: [ContextViolation] = []
        func check(_ entries: [RuleData], severity: Severity?, ecosystem: String?) {
            for entry in entries {
                guard let name = entry["entry"]?.string else { continue }
                let probes = entry["probes"]?.strings ?? [name]
                let sent = probes.filter { !ignore.excludes($0) }
                guard !sent.isEmpty else { continue }
                // A file that is there and copied is the sensitive-file rule's, with more to say.
                if ecosystem == nil && context.copiedFiles.contains(where: { copied in
                    let path = context.tree.files[copied.file].path
                    return probes.contains { path == $0 || path.hasPrefix($0 + "/") }
                }) { continue }
                let why = entry["why"]?.string.map { " (" + $0 + ")" } ?? ""
                let undone = probes.compactMap { probe in ignore.lines.last(where: { $0.isException && $0.pattern.matches(probe) }) }.first
                var message = "\(ignore.path) does not exclude \(name)\(why); \(how) would send \(sent[0])"
                if let undone { message += ", which line \(undone.number) (!\(undone.pattern.text)) brings back" }
                if let ecosystem { message = "\(ecosystem) context: " + message }
                out.append(ContextViolation(.ignoreFile(line: nil), message, evidence: name, severity: severity))
            }
        }
        check(data["always"]?.items ?? [], severity: nil, ecosystem: nil)
        // `node`, `cgr.dev/chainguard/node` → `node`.
        let bases = context.dockerfile.dockerfile.stages.compactMap { ImageReference($0.baseImage)?.repository.split(separator: "/").last.map(String.init) }
        for ecosystem in data["ecosystems"]?.items ?? [] {
            let images = ecosystem["images"]?.strings ?? []
            let files = ecosystem["files"]?.strings ?? []
            let shown = bases.contains { images.contains($0) } || files.contains { context.tree.exists($0) }
            if shown { check(ecosystem["entries"]?.items ?? [], severity: .low, ecosystem: ecosystem["name"]?.string) }
        }
        return out
    }
}
