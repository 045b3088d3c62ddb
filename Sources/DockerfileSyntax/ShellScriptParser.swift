extension ShellScript {
    /// Splits a shell command line into pipelines of simple commands. Never fails.
    ///
    /// - Runs in linear time with no recursion: nesting lives on an explicit stack capped at
    ///   `ShellScriptParser.maxDepth` levels; deeper `$(…)`, `` `…` ``, `<(…)` and `( … )`
    ///   stay in their word's text without being parsed.
    /// - `pipelines` lists the pipelines of every level in the order their first command
    ///   starts: an outer pipeline comes before the pipelines nested in its words. Each
    ///   pipeline carries the nesting of its innermost level. A substitution's own
    ///   `ShellScript` (in `ShellWord.substitutions`) tags its direct pipelines `.topLevel`.
    /// - A redirection is stored as its operator (with any fd number) immediately followed by
    ///   its target word as written, blanks between them dropped: `> /dev/null` becomes
    ///   `">/dev/null"`, `2>&1` stays `"2>&1"`, `<<'EOF'` stays `"<<'EOF'"`. Here-document
    ///   bodies that follow in the source are skipped.
    /// - Commands of `if`/`while`/`for`/`case` bodies and function bodies are found; reserved
    ///   words, `for` headers, `case` patterns and `(( … ))` arithmetic are not commands.
    ///   Pipelines inside `if`, loops and `case` keep their level's nesting; `( … )`, `{ …; }`
    ///   and function bodies in braces are `.subshell`. Redirections after `done`, `fi`,
    ///   `esac`, `}` or `)` belong to the compound command and are dropped.
    /// - A compound command inside a pipeline (`a | while …; done`, `a | (b)`) leaves the
    ///   outer pipeline open, so `a | (b) | c` gives `[a, c]` and `[b]` (subshell).
    /// - `${…}` and `$(( … ))` are kept as text; a `$(…)` inside them is not parsed.
    public static func parse(_ source: String) -> ShellScript {
        var parser = ShellScriptParser(source)
        return parser.run()
    }
}

/// Single-pass lexer and parser over UTF-8 bytes with an explicit frame stack.
struct ShellScriptParser {
    /// Deeper nesting is kept as plain text so hostile input cannot exhaust memory or time.
    static let maxDepth = 64

    let bytes: [UInt8]
    var position = 0
    var frames: [ShellParseFrame]
    var slots: [ShellPipelineSlot] = []
    var heredocs: [ShellPendingHeredoc] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
        frames = [ShellParseFrame(kind: .root, index: 0, openedAt: 0, firstSlot: 0)]
    }

    var atEnd: Bool { position >= bytes.count }

    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    mutating func run() -> ShellScript {
        while true {
            let frame = frames[frames.count - 1]
            if frame.word != nil {
                continueWord(in: frame)
            } else if atEnd {
                if frames.count == 1 {
                    finishPipeline(in: frame, followedBy: nil)
                    break
                }
                close(frame, end: bytes.count)
            } else {
                scanToken(in: frame)
            }
        }
        return ShellScript(pipelines: slots.compactMap(\.pipeline))
    }

    // MARK: Frames

    mutating func push(_ kind: ShellFrameKind, openedAt: Int) {
        frames.append(ShellParseFrame(kind: kind, index: frames.count, openedAt: openedAt, firstSlot: slots.count))
    }

    var canNest: Bool { frames.count < Self.maxDepth }

    /// Ends `frame` (the top of the stack) and hands a substitution's script to the word
    /// that contains it.
    mutating func close(_ frame: ShellParseFrame, end: Int) {
        finishPipeline(in: frame, followedBy: nil)
        frames.removeLast()
        let parent = frames[frames.count - 1]
        guard frame.kind.isSubstitution else {
            parent.compoundJustClosed = true
            return
        }
        var pipelines: [Pipeline] = []
        for slot in slots[frame.firstSlot...] {
            guard var pipeline = slot.pipeline else { continue }
            if slot.owner == frame.index { pipeline.nesting = .topLevel }
            pipelines.append(pipeline)
        }
        parent.word?.text.append(contentsOf: bytes[frame.openedAt..<end])
        parent.word?.substitutions.append(ShellScript(pipelines: pipelines))
    }

    /// Closes every frame above and including `index`.
    mutating func closeFrames(downTo index: Int, end: Int) {
        while frames.count - 1 >= index {
            close(frames[frames.count - 1], end: end)
        }
    }

    /// The frame a `)` closes, looking through unclosed `{` groups; nil for a stray `)`.
    func parenFrameIndex() -> Int? {
        var index = frames.count - 1
        while index > 0 {
            let kind = frames[index].kind
            if kind.closesWithParen { return index }
            guard kind == .group else { return nil }
            index -= 1
        }
        return nil
    }

    /// The open backtick frame a `` ` `` closes, looking through groups and subshells;
    /// nil means the backtick opens a new substitution.
    func backtickFrameIndex() -> Int? {
        var index = frames.count - 1
        while index > 0 {
            switch frames[index].kind {
            case .backtick: return index
            case .group, .subshell: index -= 1
            default: return nil
            }
        }
        return nil
    }

    // MARK: Commands and pipelines

    /// Reserves the pipeline's slot when its first element starts, before any nested
    /// substitution can reserve one.
    mutating func beginElement(in frame: ShellParseFrame) {
        guard frame.header == nil, frame.pipelineSlot == nil else { return }
        slots.append(ShellPipelineSlot(pipeline: nil, owner: frame.index))
        frame.pipelineSlot = slots.count - 1
    }

    /// Gives back a slot reserved for a word that turned out not to be a command, so the
    /// next command does not take a position before pipelines nested in between.
    func releaseSlotIfUnused(in frame: ShellParseFrame) {
        if frame.pipelineIsEmpty { frame.pipelineSlot = nil }
    }

    mutating func addRedirection(_ written: String, in frame: ShellParseFrame) {
        if frame.compoundJustClosed && frame.commandIsEmpty { return }
        frame.redirections.append(written)
    }

    mutating func flushPendingRedirection(in frame: ShellParseFrame) {
        guard let pending = frame.pendingRedirection else { return }
        frame.pendingRedirection = nil
        addRedirection(String(decoding: pending.written, as: UTF8.self), in: frame)
    }

    mutating func finishCommand(in frame: ShellParseFrame) {
        flushPendingRedirection(in: frame)
        if !frame.commandIsEmpty {
            frame.commands.append(SimpleCommand(
                assignments: frame.assignments, words: frame.words, redirections: frame.redirections))
            frame.assignments = []
            frame.words = []
            frame.redirections = []
        }
        frame.doubleBracketParens = nil
    }

    mutating func finishPipeline(in frame: ShellParseFrame, followedBy separator: String?) {
        finishCommand(in: frame)
        if !frame.commands.isEmpty, let slot = frame.pipelineSlot {
            slots[slot].pipeline = Pipeline(
                commands: frame.commands, nesting: frame.kind.nesting, followedBy: separator)
        }
        frame.commands = []
        frame.pipelineSlot = nil
        frame.compoundJustClosed = false
    }

    /// `;`, `&`, `&&`, `||` (and a newline that ends a command) end the pipeline and any
    /// `for`/`case` header still being read.
    mutating func separate(in frame: ShellParseFrame, by separator: String) {
        frame.header = nil
        finishPipeline(in: frame, followedBy: separator)
    }
}
