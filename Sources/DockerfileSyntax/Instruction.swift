/// Lines an element of a Dockerfile spans, 1-based and inclusive.
public struct LineRange: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// The instruction keywords Docker knows; anything else is `.unknown`.
public enum InstructionKind: String, Sendable, Hashable, CaseIterable {
    case from, run, cmd, label, maintainer, expose, env, add, copy, entrypoint
    case volume, user, workdir, arg, onbuild, stopsignal, healthcheck, shell
    case unknown
}

/// A `--name=value` flag written before an instruction's arguments
/// (`COPY --from=builder`, `RUN --mount=type=secret,id=npm`).
/// `value` is nil for a bare `--link`.
public struct InstructionFlag: Sendable, Hashable {
    public var name: String
    public var value: String?
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// A here-document attached to an instruction (`RUN <<EOF`, `COPY <<EOF /path`).
public struct Heredoc: Sendable, Hashable {
    /// The delimiter word without quotes or the `-` of `<<-`.
    public var delimiter: String
    /// The body, without the closing delimiter line; lines joined with "\n", ending with "\n"
    /// unless empty. With `<<-` leading tabs are already stripped.
    public var body: String
    /// A quoted delimiter (`<<'EOF'`, `<<"EOF"`) turns off expansion in the body.
    public var isQuoted: Bool
    /// `<<-EOF`: leading tabs were stripped.
    public var stripsTabs: Bool
    /// Line of the first body line (the line after the instruction's line holding `<<`).
    public var bodyStartLine: Int

    public init(delimiter: String, body: String, isQuoted: Bool, stripsTabs: Bool, bodyStartLine: Int) {
        self.delimiter = delimiter
        self.body = body
        self.isQuoted = isQuoted
        self.stripsTabs = stripsTabs
        self.bodyStartLine = bodyStartLine
    }
}

/// Exec (JSON array) or shell form of RUN, CMD, ENTRYPOINT and the HEALTHCHECK command.
public enum CommandForm: Sendable, Hashable {
    case exec([String])
    case shell(String)
}

/// One instruction, with continuations joined and comment lines inside them removed.
public struct Instruction: Sendable, Hashable {
    public var kind: InstructionKind
    /// The keyword as written (`run`, `RUN`, `Run`).
    public var keyword: String
    /// Leading `--flag[=value]` words, in order, quotes removed. For FROM, COPY and ADD the
    /// values are ARG/ENV-expanded as Docker does (`--platform=$X`, `--from=${STAGE}`).
    public var flags: [InstructionFlag]
    /// Everything after the keyword and flags, continuations joined the way Docker joins them
    /// (escape+newline removed, nothing inserted), leading and trailing blanks trimmed.
    public var arguments: String
    /// `arguments` with `$VAR`, `${VAR}`, `${VAR:-x}`, `${VAR:+x}` expanded from the ARG/ENV
    /// values in scope, for the instructions Docker expands (FROM, ADD, COPY, ENV, ARG, EXPOSE,
    /// LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR, ONBUILD's own trigger excluded). For others it
    /// equals `arguments`. Unknown variables expand to the empty string as Docker does.
    public var expandedArguments: String
    /// Here-documents in order of their `<<` operators.
    public var heredocs: [Heredoc]
    /// Lines from the keyword to the last continuation or heredoc delimiter line.
    public var lines: LineRange
    /// `ONBUILD RUN …`: the trigger instruction (always 0 or 1 element).
    public var trigger: [Instruction]
    /// The file's escape character (`# escape=` directive), kept so `words` and
    /// `keyValuePairs` remove escapes the way this file writes them.
    public var escapeCharacter: Character = "\\"

    public init(
        kind: InstructionKind, keyword: String, flags: [InstructionFlag], arguments: String,
        expandedArguments: String, heredocs: [Heredoc], lines: LineRange, trigger: [Instruction] = []
    ) {
        self.kind = kind
        self.keyword = keyword
        self.flags = flags
        self.arguments = arguments
        self.expandedArguments = expandedArguments
        self.heredocs = heredocs
        self.lines = lines
        self.trigger = trigger
    }

    /// The value of the last flag with this name (`flag("from")`), nil if absent.
    /// A bare flag (`--link`) gives "".
    public func flag(_ name: String) -> String? {
        guard let f = flags.last(where: { $0.name == name }) else { return nil }
        return f.value ?? ""
    }

    /// All values of a repeatable flag (`--mount`).
    public func flagValues(_ name: String) -> [String] {
        flags.filter { $0.name == name }.map { $0.value ?? "" }
    }
}
