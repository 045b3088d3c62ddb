/// What opened a nesting level; it decides what closes the level and how its pipelines are tagged.
enum ShellFrameKind: Equatable {
    case root
    case subshell            // ( … )
    case group               // { …; }
    case dollarParen         // $( … )
    case backtick            // ` … `
    case processSubstitution // <( … ) or >( … )

    var nesting: ShellNesting {
        switch self {
        case .root: .topLevel
        case .subshell, .group: .subshell
        case .dollarParen, .backtick: .commandSubstitution
        case .processSubstitution: .processSubstitution
        }
    }

    var closesWithParen: Bool {
        self == .subshell || self == .dollarParen || self == .processSubstitution
    }

    /// Substitutions live inside a word and hand a parsed `ShellScript` back to it.
    var isSubstitution: Bool {
        self == .dollarParen || self == .backtick || self == .processSubstitution
    }
}

/// A word being lexed. It is kept on its frame so lexing can resume after a nested
/// `$( … )` closes, without recursion.
struct ShellWordInProgress {
    var start: Int
    var text: [UInt8] = []
    var substitutions: [ShellScript] = []
    var inDoubleQuotes = false
}

/// Words that are read but are not commands: `for NAME in …`, `case WORD in`, `function NAME`.
enum ShellHeader: Equatable {
    case loopVariables
    case caseSubject
    case functionName
}

/// Where a `case … esac` stands: reading a `pattern)` or the commands after it.
enum ShellCaseState: Equatable {
    case pattern
    case body
}

/// A redirection operator waiting for its target word.
struct ShellPendingRedirection {
    var written: [UInt8]
    var heredocStripsTabs: Bool?  // nil unless `<<` or `<<-`
}

/// A here-document whose body starts after the next newline token.
struct ShellPendingHeredoc {
    var delimiter: [UInt8]
    var stripsTabs: Bool
}

/// A place in the flattened pipeline list, reserved when a pipeline's first command starts
/// so outer pipelines precede the ones nested in them.
struct ShellPipelineSlot {
    var pipeline: Pipeline?
    /// Index in the frame stack of the level that owns the pipeline.
    var owner: Int
}

/// One nesting level of the script being parsed: the pipeline and command under
/// construction plus the compound-command state that only matters at this level.
final class ShellParseFrame {
    let kind: ShellFrameKind
    let index: Int
    /// Offset of `$(`, `` ` ``, `<(` or `(`, so the written substitution can be copied into the word.
    let openedAt: Int
    /// First slot reserved while this frame was open; later slots all belong to it or its children.
    let firstSlot: Int

    var pipelineSlot: Int?
    var commands: [SimpleCommand] = []
    var assignments: [ShellWord] = []
    var words: [ShellWord] = []
    var redirections: [String] = []
    var pendingRedirection: ShellPendingRedirection?
    var word: ShellWordInProgress?

    var header: ShellHeader?
    var caseStates: [ShellCaseState] = []
    /// Parenthesis depth inside `[[ … ]]`, nil outside; there `&&`, `<`, `(` are arguments.
    var doubleBracketParens: Int?
    /// Set after `done`, `fi`, `}` …: redirections that follow belong to the compound command.
    var compoundJustClosed = false

    init(kind: ShellFrameKind, index: Int, openedAt: Int, firstSlot: Int) {
        self.kind = kind
        self.index = index
        self.openedAt = openedAt
        self.firstSlot = firstSlot
    }

    var commandIsEmpty: Bool {
        assignments.isEmpty && words.isEmpty && redirections.isEmpty && pendingRedirection == nil
    }

    var pipelineIsEmpty: Bool { commands.isEmpty && commandIsEmpty }
}
