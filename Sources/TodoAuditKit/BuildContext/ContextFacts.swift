import DockerfileSyntax

/// A build context as a Dockerfile uses it: the ignore file that applies, the files sent,
/// what each COPY/ADD takes from them, and where the secret engine found secrets among
/// the files that are copied.
public struct ContextFacts: Sendable {
    public let dockerfile: DockerfileFacts
    /// The context directory as the user named it.
    public let root: String
    /// The ignore file in force (BuildKit's `Dockerfile.dockerignore` beside the Dockerfile
    /// wins over the context's `.dockerignore`); nil when there is none.
    public let ignore: IgnoreFile?
    public let tree: ContextTree
    public let copies: [ContextCopy]
    /// Context paths (of files that are copied) holding a secret the engine recognised.
    public var secretPaths: Set<String> = []

    public init(dockerfile: DockerfileFacts, root: String, ignore: IgnoreFile?, tree: ContextTree) {
        self.dockerfile = dockerfile
        self.root = root
        self.ignore = ignore
        self.tree = tree
        self.copies = ContextCopy.resolve(dockerfile, tree: tree, ignore: ignore)
        self.copiedFiles = Self.copied(copies)
    }

    /// The tree's files that some COPY/ADD takes, with the copy that takes each (a shipped
    /// one over one that is not), in file order. Worked out once: the checks, the secret
    /// scan and the summary all read it, and a context may hold 200,000 files.
    public let copiedFiles: [(file: Int, copy: ContextCopy)]

    static func copied(_ copies: [ContextCopy]) -> [(file: Int, copy: ContextCopy)] {
        var first: [Int: ContextCopy] = [:]
        for copy in copies {
            for source in copy.sources {
                for file in source.files where first[file] == nil || (!first[file]!.ships && copy.ships) {
                    first[file] = copy
                }
            }
        }
        return first.keys.sorted().map { ($0, first[$0]!) }
    }

    /// `path` as the user sees it: under the context directory they named.
    public func display(_ path: String) -> String {
        root == "." ? path : (root.hasSuffix("/") ? root + path : root + "/" + path)
    }

    /// `stage 'runner'` / `stage #0 (node:22-alpine), which the image does not ship`.
    static func describe(_ copy: ContextCopy) -> String {
        let name = copy.stage.name.map { "'\($0)'" } ?? "#\(copy.stage.index) (\(copy.stage.baseImage))"
        if copy.ships && !copy.feedsOnly { return "stage \(name)" }
        return "stage \(name)" + (copy.ships ? ", whose files the image copies" : ", which the image does not ship")
    }
}
