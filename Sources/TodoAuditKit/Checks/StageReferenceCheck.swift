import DockerfileSyntax

/// Stage names that go wrong, in every stage: a `COPY --from=` or `RUN --mount=…,from=`
/// that names no stage (BuildKit then pulls an image of that name, so a typo becomes a
/// registry pull), a reference back into its own stage or round a cycle (BuildKit refuses
/// it), a `FROM` two edits from an earlier stage's name, a name two stages share, and a
/// reserved name. Linear in the file: a Dockerfile of 20,000 stages is hostile input too.
struct StageReferenceCheck: DockerfileCheck {
    /// Names BuildKit gives a meaning of its own.
    static let reserved: Set<String> = ["scratch", "context"]
    /// Typo suggestions compare names pairwise; past this many stages none are made.
    static let maxStagesForSuggestions = 200

    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        let dockerfile = facts.dockerfile
        let stages = dockerfile.stages
        var out: [Violation] = []
        for stage in stages {
            guard let name = stage.name, !name.contains("$") else { continue }
            if Self.reserved.contains(name) {
                out.append(Violation(stage.from, "'\(name)' is a reserved name for a stage; choose another", evidence: name))
            } else if let first = dockerfile.stageNamed[name], first != stage.index {
                out.append(Violation(stage.from, "Stage name '\(name)' is already used on line \(stages[first].from.lines.start); give every stage its own name", evidence: name))
            }
        }
        // `FROM bulider`: no stage is called that, but one nearly is; the builder would pull it.
        for stage in stages {
            guard let near = Self.likelyStageTypo(stage, in: stages) else { continue }
            out.append(Violation(stage.from, "FROM \(stage.baseImage) names no earlier stage, so the builder pulls the image '\(stage.baseImage)' from a registry; did you mean '\(near)'?", evidence: stage.baseImage))
        }
        let references = stages.map(Self.references(in:))
        // Which stages each stage reads: its FROM parent and every --from that names a stage.
        let reads = stages.map { stage in
            references[stage.index].compactMap { dockerfile.stageIndex(referencedBy: $0.1) } + (stage.parentStage.map { [$0] } ?? [])
        }
        let component = Self.components(reads)
        for stage in stages {
            for (instruction, from) in references[stage.index] {
                let written = instruction.kind == .run ? "RUN --mount=…,from=\(from)" : "\(instruction.keyword.uppercased()) --from=\(from)"
                if let target = dockerfile.stageIndex(referencedBy: from) {
                    if target == stage.index {
                        out.append(Violation(instruction, "\(written) reads from its own stage, a cycle the builder refuses; copy from another stage", evidence: from))
                    } else if component[target] == component[stage.index] {
                        out.append(Violation(instruction, "\(written) closes a cycle: stage '\(stages[target].name ?? from)' already reads from this one, and the builder refuses it", evidence: from))
                    }
                } else if Self.isBareName(from) {
                    var message = "\(written) names no stage of this Dockerfile, so the builder pulls the image '\(from)' from a registry"
                    if stages.count <= Self.maxStagesForSuggestions, let near = Self.nearest(from, in: stages.compactMap(\.name)) {
                        message += "; did you mean '\(near)'?"
                    } else {
                        message += "; name a stage, or give the image a tag"
                    }
                    out.append(Violation(instruction, message, evidence: from))
                }
            }
        }
        return out
    }

    /// For a stage built FROM a plain name that is no earlier stage: the stage name it is
    /// probably a typo of (FROM can only name stages above it).
    static func likelyStageTypo(_ stage: Stage, in stages: [Stage]) -> String? {
        guard stages.count <= maxStagesForSuggestions, stage.parentStage == nil, isBareName(stage.baseImage),
              !stage.baseImage.contains("$") else { return nil }
        let earlier = stages.prefix(stage.index).compactMap(\.name)
        let base = stage.baseImage.lowercased()
        guard !earlier.contains(base), let near = nearest(base, in: earlier) else { return nil }
        // `FROM ubuntu` after `FROM ubuntu AS ubuntu1` names the image on purpose.
        return near.hasPrefix(base) || base.hasPrefix(near) ? nil : near
    }

    /// `--from` values of a stage's COPY, ADD and RUN mounts, ARGs applied; unresolved ones left out.
    static func references(in stage: Stage) -> [(Instruction, String)] {
        stage.instructions.flatMap { instruction -> [(Instruction, String)] in
            switch instruction.kind {
            case .copy, .add: return instruction.flag("from").map { [(instruction, $0)] } ?? []
            case .run: return RunMount.all(of: instruction).compactMap { m in m.from.map { (instruction, $0) } }
            default: return []
            }
        }.filter { !$0.1.isEmpty && !$0.1.contains("$") }
    }

    /// A name with no registry, path, tag or digest: what a stage name looks like.
    static func isBareName(_ from: String) -> Bool {
        from.lowercased() != "scratch" && !from.contains(where: { "/:@".contains($0) }) && Int(from) == nil
    }

    /// The stage name within two edits of `from`, when exactly one is closest.
    static func nearest(_ from: String, in names: [String]) -> String? {
        let target = Array(from.lowercased())
        // Names longer than this are no typo anyone makes, and cost a large table.
        guard target.count <= 64 else { return nil }
        let scored = names.compactMap { name -> (String, Int)? in
            let candidate = Array(name)
            guard abs(candidate.count - target.count) <= 2, candidate.count <= 64 else { return nil }
            let d = distance(target, candidate)
            return d <= 2 ? (name, d) : nil
        }
        guard let best = scored.map(\.1).min() else { return nil }
        let closest = Set(scored.filter { $0.1 == best }.map(\.0))
        return closest.count == 1 ? closest.first : nil
    }

    /// Levenshtein distance, with a transposition counted as one edit (`biuld` → `build`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }

    /// Strongly connected components of the reads-from graph (Tarjan's, iterative so a
    /// long chain cannot overflow the stack): two stages share one exactly when each
    /// reads, directly or not, from the other.
    static func components(_ edges: [[Int]]) -> [Int] {
        let n = edges.count
        var index = Array(repeating: -1, count: n), low = Array(repeating: 0, count: n)
        var component = Array(repeating: -1, count: n), onStack = Array(repeating: false, count: n)
        var stack: [Int] = [], counter = 0, components = 0
        for root in 0..<n where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let (node, next) = work.last {
                if next < edges[node].count {
                    work[work.count - 1].next += 1
                    let to = edges[node][next]
                    if index[to] < 0 {
                        index[to] = counter; low[to] = counter; counter += 1
                        stack.append(to); onStack[to] = true
                        work.append((to, 0))
                    } else if onStack[to] {
                        low[node] = min(low[node], index[to])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component[top] = components
                        if top == node { break }
                    }
                    components += 1
                }
            }
        }
        return component
    }
}
