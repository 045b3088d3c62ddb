/// Parses Dockerfiles the way BuildKit's frontend does: directives, comments, continuations,
/// heredocs, flags, ONBUILD triggers, ARG/ENV expansion and the stage graph.
///
/// Every step is a single forward pass over the bytes, so time is linear in the input and no
/// recursion depth depends on it.
public enum DockerfileParser {
    public static let defaultMaxBytes = 4 * 1024 * 1024

    /// Raw bytes: rejects NUL bytes (.binary), invalid UTF-8 (.invalidUTF8(line:)), over
    /// maxBytes (.tooLarge). A UTF-8 BOM is skipped. CRLF line endings are accepted.
    public static func parse(bytes: [UInt8], maxBytes: Int = defaultMaxBytes) throws(DockerfileError) -> Dockerfile {
        try parse(SourceText(bytes: bytes, maxBytes: maxBytes))
    }

    /// Text already in memory: no size limit; NUL characters still mean `.binary`.
    public static func parse(_ text: String) throws(DockerfileError) -> Dockerfile {
        try parse(SourceText(bytes: Array(text.utf8), maxBytes: Int.max))
    }

    /// Instructions that may carry heredocs (BuildKit's `heredocDirectives`).
    static let heredocKinds: Set<InstructionKind> = [.run, .copy, .add]

    private static func parse(_ source: SourceText) throws(DockerfileError) -> Dockerfile {
        var reader = LogicalLineReader(source: source)
        var instructions: [Instruction] = []
        while let line = reader.nextLine() {
            let escape: Character = reader.escape == ASCII.backtick ? "`" : "\\"
            var instruction = makeInstruction(
                line.text[...], lines: LineRange(start: line.startLine, end: line.endLine),
                escape: escape, parsesTrigger: true)
            let target = instruction.kind == .onbuild ? instruction.trigger.first : instruction
            if let target, heredocKinds.contains(target.kind),
               ExecForm.decode(target.arguments) == nil {
                var heredocs: [Heredoc] = []
                for opener in HeredocReader.openers(in: line.text) {
                    heredocs.append(try HeredocReader.readBody(
                        of: opener, from: &reader, instructionLine: line.startLine))
                }
                if !heredocs.isEmpty {
                    instruction.heredocs = heredocs
                    instruction.lines.end = reader.position
                    if instruction.kind == .onbuild, !instruction.trigger.isEmpty {
                        instruction.trigger[0].heredocs = heredocs
                        instruction.trigger[0].lines = instruction.lines
                    }
                }
            }
            instructions.append(instruction)
        }
        guard !instructions.isEmpty else { throw .empty }

        let escape: Character = reader.escape == ASCII.backtick ? "`" : "\\"
        let (globals, stages) = try StageGraph.resolve(&instructions, escape: escape)
        return Dockerfile(
            directives: reader.directives.values, escapeCharacter: escape,
            globalArguments: globals, instructions: instructions, stages: stages,
            comments: reader.comments, lineCount: source.lineCount)
    }

    /// One instruction from its joined text. `expandedArguments` starts equal to `arguments`;
    /// `StageGraph` expands it for the kinds Docker expands. An ONBUILD trigger is parsed one
    /// level deep only (Docker rejects `ONBUILD ONBUILD`), which keeps recursion bounded.
    static func makeInstruction(
        _ text: ArraySlice<UInt8>, lines: LineRange, escape: Character, parsesTrigger: Bool
    ) -> Instruction {
        let head = InstructionHead(text)
        var trigger: [Instruction] = []
        if parsesTrigger, head.kind == .onbuild, !head.arguments.isEmpty {
            trigger = [makeInstruction(
                Array(head.arguments.utf8)[...], lines: lines, escape: escape, parsesTrigger: false)]
        }
        var instruction = Instruction(
            kind: head.kind, keyword: head.keyword, flags: head.flags, arguments: head.arguments,
            expandedArguments: head.arguments, heredocs: [], lines: lines, trigger: trigger)
        instruction.escapeCharacter = escape
        return instruction
    }
}
