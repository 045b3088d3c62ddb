/// A comment line (`# …`) outside of instructions, with its text after `#`, trimmed.
public struct Comment: Sendable, Hashable {
    public var line: Int
    public var text: String
    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}

/// A `FROM` and the instructions up to the next one.
public struct Stage: Sendable, Hashable {
    public var index: Int
    /// The `AS` name, lower-cased as Docker compares it; nil when unnamed.
    public var name: String?
    public var from: Instruction
    /// The image reference after ARG expansion (`node:22-alpine`, `builder`, `scratch`).
    public var baseImage: String
    /// `--platform` value, if given (expanded).
    public var platform: String?
    /// When `baseImage` names an earlier stage (`FROM builder`), its index.
    public var parentStage: Int?
    /// The instructions after FROM, in order.
    public var instructions: [Instruction]

    public init(
        index: Int, name: String?, from: Instruction, baseImage: String, platform: String?,
        parentStage: Int?, instructions: [Instruction]
    ) {
        self.index = index
        self.name = name
        self.from = from
        self.baseImage = baseImage
        self.platform = platform
        self.parentStage = parentStage
        self.instructions = instructions
    }
}

/// A parsed Dockerfile: directives, every instruction and the stage graph.
public struct Dockerfile: Sendable, Hashable {
    /// Parser directives from the top of the file (`syntax`, `escape`, `check`), keys lower-cased.
    public var directives: [String: String]
    /// The escape character in force (`\` or `` ` ``).
    public var escapeCharacter: Character
    /// ARG instructions before the first FROM.
    public var globalArguments: [Instruction]
    /// Every instruction in file order (including global ARGs and FROMs).
    public var instructions: [Instruction]
    /// The stages in file order; set once, with `stageNamed` built from it.
    public private(set) var stages: [Stage]
    /// Each stage name's first stage, so references resolve without a scan.
    public private(set) var stageNamed: [String: Int]
    /// Comment lines that are not directives and not inside a continuation.
    public var comments: [Comment]
    /// Number of lines in the source.
    public var lineCount: Int

    public init(
        directives: [String: String], escapeCharacter: Character, globalArguments: [Instruction],
        instructions: [Instruction], stages: [Stage], comments: [Comment], lineCount: Int
    ) {
        self.directives = directives
        self.escapeCharacter = escapeCharacter
        self.globalArguments = globalArguments
        self.instructions = instructions
        self.stages = stages
        var named: [String: Int] = [:]
        for stage in stages { if let name = stage.name, named[name] == nil { named[name] = stage.index } }
        self.stageNamed = named
        self.comments = comments
        self.lineCount = lineCount
    }

    /// The stage that ships: the one named `target` (case-insensitive), else the last.
    public func shippedStage(target: String? = nil) -> Stage? {
        if let target {
            return stages.first { $0.name == target.lowercased() }
        }
        return stages.last
    }

    /// The stage a `COPY --from=REF` or `FROM REF` refers to: a stage name, or a numeric index
    /// of an earlier stage. Nil when REF is an external image.
    public func stageIndex(referencedBy ref: String, before index: Int) -> Int? {
        stageIndex(referencedBy: ref).flatMap { $0 < index ? $0 : nil }
    }

    /// The stage a `COPY --from=REF` names as BuildKit resolves it: a stage name anywhere in
    /// the file (a later stage too) or a stage number. Nil when REF is an external image.
    public func stageIndex(referencedBy ref: String) -> Int? {
        if let named = stageNamed[ref.lowercased()] { return named }
        if let number = Int(ref), number >= 0, number < stages.count { return number }
        return nil
    }

    /// The stage and every stage it is built `FROM`, nearest first.
    public func ancestry(of index: Int) -> [Stage] {
        var chain: [Stage] = []
        var current: Int? = index
        var seen = Set<Int>()
        while let i = current, i < stages.count, seen.insert(i).inserted {
            chain.append(stages[i])
            current = stages[i].parentStage
        }
        return chain
    }
}
