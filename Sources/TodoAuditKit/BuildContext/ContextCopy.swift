import DockerfileSyntax

/// One `COPY`/`ADD` from the build context (not `--from`, not a URL or a here-document)
/// and the context files it copies into its stage.
public struct ContextCopy: Sendable {
    public struct Source: Sendable {
        /// As written (after ARG/ENV expansion).
        public var text: String
        /// Relative to the context, cleaned; `.` for the whole context.
        public var path: String
        /// Indices into the tree's files.
        public var files: [Int]
        /// Whether the source names something that is sent (a file, a directory, a glob's match).
        public var found: Bool
        /// The ignore line that leaves out a path the source names and the context holds.
        public var excludedBy: IgnoreFile.Line?
    }

    public var instruction: Instruction
    public var stage: Stage
    /// Whether the stage's layers are in the shipped image, or a shipped stage copies files
    /// from it (`COPY --from=builder`): what a builder took from the context reaches the image
    /// through its build output.
    public var ships: Bool
    /// The stage is not in the image itself; a shipped stage copies from it.
    public var feedsOnly: Bool
    public var sources: [Source]

    /// Whether it copies the whole context (`COPY . .`, `ADD . /app`, `COPY * ./`).
    public var copiesEverything: Bool {
        sources.contains { $0.path == "." || $0.path == "*" }
    }

    /// Every COPY/ADD of every stage that reads the context, resolved against `tree`.
    static func resolve(_ facts: DockerfileFacts, tree: ContextTree, ignore: IgnoreFile?) -> [ContextCopy] {
        var out: [ContextCopy] = []
        let feeding = feedingStages(facts)
        // Everything on disk, walked only if a glob source matches nothing that is sent.
        var unfiltered: ContextTree?
        func everything() -> ContextTree {
            if let unfiltered { return unfiltered }
            let walked = ContextTree(root: tree.root, ignore: nil)
            unfiltered = walked
            return walked
        }
        for stage in facts.dockerfile.stages {
            for instruction in stage.instructions where instruction.kind == .copy || instruction.kind == .add {
                guard instruction.flag("from") == nil else { continue }
                let sources = CopySources.sources(of: instruction).filter { !CopySources.isURL($0) && !$0.contains("$") }
                guard !sources.isEmpty else { continue }
                out.append(ContextCopy(instruction: instruction, stage: stage, ships: facts.ships(stage) || feeding.contains(stage.index),
                                       feedsOnly: !facts.ships(stage) && feeding.contains(stage.index),
                                       sources: sources.map { resolve($0, tree: tree, ignore: ignore, everything: everything) }))
            }
        }
        return out
    }

    /// Stages a shipped stage copies from, directly or through other stages.
    static func feedingStages(_ facts: DockerfileFacts) -> Set<Int> {
        let stages = facts.dockerfile.stages
        func index(of name: String) -> Int? {
            stages.firstIndex { $0.name == name.lowercased() } ?? Int(name).flatMap { stages.indices.contains($0) ? $0 : nil }
        }
        var found = Set<Int>()
        var pending = facts.shippedChain.map(\.index)
        while let current = pending.popLast() {
            for instruction in stages[current].instructions where instruction.kind == .copy {
                guard let from = instruction.flag("from"), let source = index(of: from), !found.contains(source) else { continue }
                found.insert(source)
                pending += facts.dockerfile.ancestry(of: source).map(\.index)
            }
        }
        return found
    }

    /// A source's files: a path and everything below it, or what a glob matches (a matched
    /// directory brings everything below it, as Docker copies a directory's contents).
    /// `everything` gives the context with nothing ignored, to tell which ignore line hides
    /// what a glob would have matched.
    static func resolve(_ text: String, tree: ContextTree, ignore: IgnoreFile?, everything: () -> ContextTree) -> Source {
        let path = IgnoreFile.clean(text.hasPrefix("/") ? String(text.drop { $0 == "/" }) : text)
        if path == "." {
            return Source(text: text, path: ".", files: Array(tree.files.indices), found: true, excludedBy: nil)
        }
        let hasWildcard = path.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "\\" }
        if hasWildcard, let pattern = PathPattern(path, syntax: .copySource) {
            var files: [Int] = []
            for (index, file) in tree.files.enumerated() where Self.matchesOrParent(pattern, file.path) {
                files.append(index)
            }
            let found = !files.isEmpty || tree.directories.contains { pattern.matches($0) }
            var source = Source(text: text, path: path, files: files, found: found, excludedBy: nil)
            if !found, let ignore {
                let hidden = everything().files.first { Self.matchesOrParent(pattern, $0.path) }
                source.excludedBy = hidden.flatMap { ignore.excludingLine($0.path) }
            }
            return source
        }
        let inside = path + "/"
        let files = tree.files.indices.filter { tree.files[$0].path == path || tree.files[$0].path.hasPrefix(inside) }
        var source = Source(text: text, path: path, files: files, found: !files.isEmpty || tree.contains(path), excludedBy: nil)
        if !source.found, !path.hasPrefix("../"), path != "..", tree.exists(path) {
            source.excludedBy = ignore?.excludingLine(path)
        }
        return source
    }

    /// Whether the glob matches the path or one of its directories.
    static func matchesOrParent(_ pattern: PathPattern, _ path: String) -> Bool {
        if pattern.matches(path) { return true }
        var end = path.endIndex
        while let slash = path[..<end].lastIndex(of: "/") {
            if pattern.matches(String(path[..<slash])) { return true }
            end = slash
        }
        return false
    }
}
