/// Reserved words and the parts of `for`, `case` and function definitions that are not
/// commands. Bodies are left to the ordinary command scanner so their commands are found.
extension ShellScriptParser {
    /// Called for an unquoted word at the start of a command; returns true when the word was
    /// grammar rather than a command name.
    mutating func handleReservedWord(_ raw: String, in frame: ShellParseFrame) -> Bool {
        switch raw {
        case "if", "then", "else", "elif", "do", "while", "until", "!", "in":
            return true
        case "fi", "done":
            frame.compoundJustClosed = true
            return true
        case "esac":
            if !frame.caseStates.isEmpty { frame.caseStates.removeLast() }
            frame.compoundJustClosed = true
            return true
        case "for", "select":
            frame.header = .loopVariables
            return true
        case "case":
            frame.header = .caseSubject
            return true
        case "function":
            frame.header = .functionName
            return true
        case "{":
            guard canNest else { return false }
            push(.group, openedAt: position - 1)
            return true
        case "}":
            guard frame.kind == .group else { return false }
            close(frame, end: position)
            return true
        default:
            return false
        }
    }

    /// A word of a `for NAME in …` list, a `case` subject or a function name: not a command.
    mutating func readHeaderWord(_ raw: String, in frame: ShellParseFrame) {
        switch frame.header {
        case .loopVariables:
            if raw == "do" { frame.header = nil }
        case .caseSubject:
            if raw == "in" {
                frame.header = nil
                frame.caseStates.append(.pattern)
            }
        case .functionName:
            frame.header = nil
        case nil:
            break
        }
    }

    /// Reads a `pattern)` of a case branch, or the `esac` that ends the case. Patterns may
    /// hold `|` and `)`-free globs; one that runs to the end of its line is given up on.
    mutating func scanCasePattern(in frame: ShellParseFrame) {
        let current = bytes[position]
        switch current {
        case ShellByte.space, ShellByte.tab, ShellByte.carriageReturn, ShellByte.semicolon:
            position += 1
            return
        case ShellByte.backslash where byte(at: position + 1) == ShellByte.newline:
            position += 2
            return
        case ShellByte.newline:
            consumeNewline()
            return
        case ShellByte.hash:
            skipComment()
            return
        case ShellByte.closeParen, ShellByte.backtick:
            // Not a pattern: the enclosing substitution ends inside an unfinished case.
            frame.caseStates.removeLast()
            return
        default:
            break
        }
        if startsWord("esac") {
            position += 4
            frame.caseStates.removeLast()
            frame.compoundJustClosed = true
            return
        }
        if current == ShellByte.openParen { position += 1 }
        while position < bytes.count {
            switch bytes[position] {
            case ShellByte.closeParen:
                position += 1
                frame.caseStates[frame.caseStates.count - 1] = .body
                return
            case ShellByte.newline:
                frame.caseStates[frame.caseStates.count - 1] = .body
                return
            case ShellByte.backslash:
                position += 2
            case ShellByte.singleQuote, ShellByte.doubleQuote:
                let quote = bytes[position]
                position += 1
                while position < bytes.count, bytes[position] != quote { position += 1 }
                position += 1
            default:
                position += 1
            }
        }
        position = min(position, bytes.count)
        frame.caseStates[frame.caseStates.count - 1] = .body
    }

    /// `keyword` at `position` as a whole word.
    func startsWord(_ keyword: StaticString) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let matches = keyword.withUTF8Buffer { buffer in
            bytes[position..<position + count].elementsEqual(buffer)
        }
        guard matches else { return false }
        guard let after = byte(at: position + count) else { return true }
        return ShellByte.endsWord(after)
    }
}
