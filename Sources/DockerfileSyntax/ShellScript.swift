/// A shell command line split the way a POSIX shell splits it, so rules reason about
/// commands and their arguments rather than about regexes over text.
///
/// Every simple command of the script appears in `pipelines`, including those nested in
/// `$(…)`, backticks, `<(…)`/`>(…)`, `( … )` subshells and `{ …; }` groups, flattened in
/// source order. `ShellScript.parse` never fails: unbalanced quotes or parentheses end the
/// word or group at the end of input.
public struct ShellScript: Sendable, Hashable {
    public var pipelines: [Pipeline]

    public init(pipelines: [Pipeline]) {
        self.pipelines = pipelines
    }

    /// Every simple command, in source order.
    public var commands: [SimpleCommand] { pipelines.flatMap(\.commands) }
}

/// Where a pipeline sits in the script.
public enum ShellNesting: Sendable, Hashable {
    case topLevel
    case subshell            // ( … ) or { …; }
    case commandSubstitution // $( … ) or ` … `
    case processSubstitution // <( … ) or >( … )
}

/// Commands joined by `|` (or `|&`). A single command is a pipeline of one.
public struct Pipeline: Sendable, Hashable {
    public var commands: [SimpleCommand]
    public var nesting: ShellNesting
    /// The operator that follows this pipeline at its own level: "&&", "||", ";", "&",
    /// newline as "\n", or nil at the end.
    public var followedBy: String?

    public init(commands: [SimpleCommand], nesting: ShellNesting, followedBy: String?) {
        self.commands = commands
        self.nesting = nesting
        self.followedBy = followedBy
    }
}

/// `NAME=value … cmd arg arg >redirect`.
public struct SimpleCommand: Sendable, Hashable {
    /// Leading `NAME=value` words.
    public var assignments: [ShellWord]
    /// The command name and its arguments (redirections removed).
    public var words: [ShellWord]
    /// Redirections such as `>/dev/null`, `2>&1`, `<<EOF`, `< file`, in order, as written.
    public var redirections: [String]

    public init(assignments: [ShellWord], words: [ShellWord], redirections: [String]) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
    }

    /// The command name after quote removal (`apt-get`), nil for a bare assignment.
    public var name: String? { words.first?.text }

    /// The arguments after quote removal.
    public var arguments: [String] { words.dropFirst().map(\.text) }
}

/// One word after quote removal. Substitutions stay in `text` as written (`$(curl x)`,
/// `${HOME}`) and are also parsed into `substitutions`.
public struct ShellWord: Sendable, Hashable {
    /// The word with quotes and escapes removed.
    public var text: String
    /// The word exactly as written.
    public var raw: String
    /// Parsed `$(…)`, `` `…` ``, `<(…)`, `>(…)` found in the word, in order.
    public var substitutions: [ShellScript]

    public init(text: String, raw: String, substitutions: [ShellScript]) {
        self.text = text
        self.raw = raw
        self.substitutions = substitutions
    }
}
