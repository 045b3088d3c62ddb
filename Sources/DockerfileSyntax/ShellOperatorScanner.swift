/// Script-level scanning: what starts at a token boundary (blanks, newlines, comments,
/// operators, redirections, parentheses) and where words begin.
extension ShellScriptParser {
    mutating func scanToken(in frame: ShellParseFrame) {
        if frame.caseStates.last == .pattern {
            scanCasePattern(in: frame)
            return
        }
        let current = bytes[position]
        if frame.doubleBracketParens != nil, scanDoubleBracketOperator(current, in: frame) { return }

        switch current {
        case ShellByte.space, ShellByte.tab, ShellByte.carriageReturn:
            position += 1
        case ShellByte.backslash where byte(at: position + 1) == ShellByte.newline:
            position += 2  // line continuation
        case ShellByte.newline:
            scanNewline(in: frame)
        case ShellByte.hash:
            skipComment()
        case ShellByte.semicolon:
            scanSemicolon(in: frame)
        case ShellByte.ampersand:
            if byte(at: position + 1) == ShellByte.ampersand {
                position += 2
                separate(in: frame, by: "&&")
            } else if byte(at: position + 1) == ShellByte.greater {
                scanRedirection(in: frame)
            } else {
                position += 1
                separate(in: frame, by: "&")
            }
        case ShellByte.pipe:
            if byte(at: position + 1) == ShellByte.pipe {
                position += 2
                separate(in: frame, by: "||")
            } else {
                position += byte(at: position + 1) == ShellByte.ampersand ? 2 : 1
                finishCommand(in: frame)
                frame.compoundJustClosed = false
            }
        case ShellByte.openParen:
            scanOpenParen(in: frame)
        case ShellByte.closeParen:
            if let index = parenFrameIndex() {
                position += 1
                closeFrames(downTo: index, end: position)
            } else {
                position += 1  // stray `)`, e.g. an unrecognized case pattern
            }
        case ShellByte.less, ShellByte.greater:
            if byte(at: position + 1) == ShellByte.openParen {
                startWord(in: frame)  // process substitution
            } else {
                scanRedirection(in: frame)
            }
        case ShellByte.backtick:
            if let index = backtickFrameIndex() {
                position += 1
                closeFrames(downTo: index, end: position)
            } else {
                startWord(in: frame)
            }
        default:
            if ShellByte.isDigit(current), startsNumberedRedirection() {
                scanRedirection(in: frame)
            } else {
                startWord(in: frame)
            }
        }
    }

    mutating func startWord(in frame: ShellParseFrame) {
        beginElement(in: frame)
        frame.word = ShellWordInProgress(start: position)
    }

    mutating func scanNewline(in frame: ShellParseFrame) {
        switch frame.header {
        case .caseSubject:
            break  // `case $x` may put `in` on the next line
        case .loopVariables, .functionName:
            frame.header = nil
        case nil:
            // After `&&`, `||`, `|` or on a blank line nothing is pending: a continuation.
            if !frame.commandIsEmpty { finishPipeline(in: frame, followedBy: "\n") }
        }
        consumeNewline()
    }

    /// Moves past a newline token and past the bodies of here-documents opened on its line.
    mutating func consumeNewline() {
        position += 1
        guard !heredocs.isEmpty else { return }
        for heredoc in heredocs {
            while position < bytes.count {
                var lineEnd = position
                while lineEnd < bytes.count, bytes[lineEnd] != ShellByte.newline { lineEnd += 1 }
                var lineStart = position
                if heredoc.stripsTabs {
                    while lineStart < lineEnd, bytes[lineStart] == ShellByte.tab { lineStart += 1 }
                }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == ShellByte.carriageReturn { contentEnd -= 1 }
                position = min(lineEnd + 1, bytes.count)
                if bytes[lineStart..<contentEnd].elementsEqual(heredoc.delimiter) { break }
            }
        }
        heredocs = []
    }

    mutating func skipComment() {
        while position < bytes.count, bytes[position] != ShellByte.newline { position += 1 }
    }

    /// `;`, `;;`, `;&`, `;;&` all separate like `;`; in a `case` body the longer forms end
    /// the branch.
    mutating func scanSemicolon(in frame: ShellParseFrame) {
        position += 1
        var endsBranch = false
        if byte(at: position) == ShellByte.semicolon {
            position += 1
            endsBranch = true
        }
        if byte(at: position) == ShellByte.ampersand {
            position += 1
            endsBranch = true
        }
        separate(in: frame, by: ";")
        if endsBranch, frame.caseStates.last == .body {
            frame.caseStates[frame.caseStates.count - 1] = .pattern
        }
    }

    mutating func scanOpenParen(in frame: ShellParseFrame) {
        var next = position + 1
        while next < bytes.count, ShellByte.isBlank(bytes[next]) { next += 1 }
        if byte(at: next) == ShellByte.closeParen {
            // `name()` of a function definition: the name is not a command.
            frame.assignments = []
            frame.words = []
            frame.redirections = []
            frame.pendingRedirection = nil
            releaseSlotIfUnused(in: frame)
            position = next + 1
            return
        }
        guard frame.commandIsEmpty else {
            position += 1  // `(` after words is a syntax error; skip it
            return
        }
        if byte(at: position + 1) == ShellByte.openParen {
            position = scanBalanced(from: position, open: ShellByte.openParen, close: ShellByte.closeParen)
            return  // `(( arithmetic ))`, also `for (( … ))`
        }
        if canNest {
            push(.subshell, openedAt: position)
            position += 1
        } else {
            let start = position
            beginElement(in: frame)
            position = scanBalanced(from: position, open: ShellByte.openParen, close: ShellByte.closeParen)
            frame.word = ShellWordInProgress(start: start, text: Array(bytes[start..<position]))
        }
    }

    /// Inside `[[ … ]]` operators such as `&&`, `<` and `(` are arguments of the test.
    mutating func scanDoubleBracketOperator(_ current: UInt8, in frame: ShellParseFrame) -> Bool {
        guard var parens = frame.doubleBracketParens else { return false }
        var length = 1
        switch current {
        case ShellByte.ampersand, ShellByte.pipe:
            if byte(at: position + 1) == current { length = 2 }
        case ShellByte.less, ShellByte.greater:
            break
        case ShellByte.openParen:
            parens += 1
        case ShellByte.closeParen:
            guard parens > 0 else { return false }
            parens -= 1
        default:
            return false
        }
        frame.doubleBracketParens = parens
        let written = string(position..<position + length)
        frame.words.append(ShellWord(text: written, raw: written, substitutions: []))
        position += length
        return true
    }

    /// Digits directly followed by `<` or `>` (not `<(`) are a file-descriptor number.
    func startsNumberedRedirection() -> Bool {
        var index = position
        while index < bytes.count, ShellByte.isDigit(bytes[index]) { index += 1 }
        guard let next = byte(at: index), next == ShellByte.less || next == ShellByte.greater else { return false }
        return byte(at: index + 1) != ShellByte.openParen
    }

    /// Reads `[n]<`, `<<`, `<<-`, `<<<`, `<>`, `<&`, `>`, `>>`, `>|`, `>&`, `&>`, `&>>`;
    /// the next word becomes its target.
    mutating func scanRedirection(in frame: ShellParseFrame) {
        let start = position
        while position < bytes.count, ShellByte.isDigit(bytes[position]) { position += 1 }
        var heredocStripsTabs: Bool?
        let first = bytes[position]
        position += 1
        let second = byte(at: position)
        if first == ShellByte.less {
            if second == ShellByte.less {
                position += 1
                if byte(at: position) == ShellByte.less {
                    position += 1
                } else if byte(at: position) == ShellByte.minus {
                    position += 1
                    heredocStripsTabs = true
                } else {
                    heredocStripsTabs = false
                }
            } else if second == ShellByte.greater || second == ShellByte.ampersand {
                position += 1
            }
        } else if first == ShellByte.greater {
            if second == ShellByte.greater || second == ShellByte.pipe || second == ShellByte.ampersand {
                position += 1
            }
        } else {  // `&>` or `&>>`
            position += 1
            if byte(at: position) == ShellByte.greater { position += 1 }
        }
        flushPendingRedirection(in: frame)
        beginElement(in: frame)
        frame.pendingRedirection = ShellPendingRedirection(
            written: Array(bytes[start..<position]), heredocStripsTabs: heredocStripsTabs)
    }
}
