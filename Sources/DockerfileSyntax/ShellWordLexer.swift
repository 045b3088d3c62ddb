/// Word lexing: quote removal, escapes and the start of substitutions. A word pauses when
/// a substitution opens a frame and resumes when that frame closes.
extension ShellScriptParser {
    mutating func continueWord(in frame: ShellParseFrame) {
        guard var word = frame.word else { return }
        frame.word = nil  // keep `word.text` uniquely referenced while appending
        while position < bytes.count {
            let current = bytes[position]
            if word.inDoubleQuotes {
                switch current {
                case ShellByte.doubleQuote:
                    word.inDoubleQuotes = false
                    position += 1
                case ShellByte.backslash:
                    appendDoubleQuotedEscape(to: &word)
                case ShellByte.dollar:
                    if appendDollar(to: &word) {
                        frame.word = word
                        return
                    }
                case ShellByte.backtick:
                    if backtickFrameIndex() != nil {
                        frame.word = word  // the closing backtick ends the unterminated quote
                        completeWord(in: frame)
                        return
                    }
                    if openBacktick(in: &word) {
                        frame.word = word
                        return
                    }
                default:
                    word.text.append(current)
                    position += 1
                }
                continue
            }
            switch current {
            case ShellByte.singleQuote:
                appendSingleQuoted(to: &word)
            case ShellByte.doubleQuote:
                word.inDoubleQuotes = true
                position += 1
            case ShellByte.backslash:
                if let next = byte(at: position + 1) {
                    if next != ShellByte.newline { word.text.append(next) }
                    position += 2
                } else {
                    word.text.append(current)
                    position += 1
                }
            case ShellByte.dollar:
                if appendDollar(to: &word) {
                    frame.word = word
                    return
                }
            case ShellByte.backtick:
                if backtickFrameIndex() != nil {
                    frame.word = word
                    completeWord(in: frame)
                    return
                }
                if openBacktick(in: &word) {
                    frame.word = word
                    return
                }
            case ShellByte.openParen where ShellByte.assignmentPrefixLength(bytes[word.start..<position]) == position - word.start:
                // `name=(a b c)` array assignment: one word.
                let end = scanBalanced(from: position, open: ShellByte.openParen, close: ShellByte.closeParen)
                word.text.append(contentsOf: bytes[position..<end])
                position = end
            default:
                if position == word.start, current == ShellByte.less || current == ShellByte.greater,
                   byte(at: position + 1) == ShellByte.openParen {
                    if openProcessSubstitution(in: &word) {
                        frame.word = word
                        return
                    }
                    continue
                }
                if ShellByte.endsWord(current) {
                    frame.word = word
                    completeWord(in: frame)
                    return
                }
                word.text.append(current)
                position += 1
            }
        }
        frame.word = word
        completeWord(in: frame)
    }

    /// Inside double quotes only `\$`, `` \` ``, `\"`, `\\` and `\`+newline are escapes.
    mutating func appendDoubleQuotedEscape(to word: inout ShellWordInProgress) {
        guard let next = byte(at: position + 1) else {
            word.text.append(ShellByte.backslash)
            position += 1
            return
        }
        switch next {
        case ShellByte.dollar, ShellByte.backtick, ShellByte.doubleQuote, ShellByte.backslash:
            word.text.append(next)
        case ShellByte.newline:
            break
        default:
            word.text.append(ShellByte.backslash)
            word.text.append(next)
        }
        position += 2
    }

    mutating func appendSingleQuoted(to word: inout ShellWordInProgress) {
        position += 1
        while position < bytes.count, bytes[position] != ShellByte.singleQuote {
            word.text.append(bytes[position])
            position += 1
        }
        position = min(position + 1, bytes.count)
    }

    /// `$'…'`: like single quotes, with C escapes decoded.
    mutating func appendANSIQuoted(to word: inout ShellWordInProgress) {
        position += 2
        while position < bytes.count, bytes[position] != ShellByte.singleQuote {
            let current = bytes[position]
            guard current == ShellByte.backslash, let next = byte(at: position + 1) else {
                word.text.append(current)
                position += 1
                continue
            }
            switch next {
            case UInt8(ascii: "n"): word.text.append(0x0A)
            case UInt8(ascii: "t"): word.text.append(0x09)
            case UInt8(ascii: "r"): word.text.append(0x0D)
            case UInt8(ascii: "a"): word.text.append(0x07)
            case UInt8(ascii: "b"): word.text.append(0x08)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): word.text.append(0x1B)
            case UInt8(ascii: "f"): word.text.append(0x0C)
            case UInt8(ascii: "v"): word.text.append(0x0B)
            case ShellByte.backslash, ShellByte.singleQuote, ShellByte.doubleQuote, UInt8(ascii: "?"):
                word.text.append(next)
            default:
                word.text.append(current)
                word.text.append(next)
            }
            position += 2
        }
        position = min(position + 1, bytes.count)
    }

    /// Handles `$` at `position`; returns true when a `$(` frame was pushed. Parameter
    /// expansions and `$(( … ))` are kept as written, unexpanded.
    mutating func appendDollar(to word: inout ShellWordInProgress) -> Bool {
        let next = byte(at: position + 1)
        switch next {
        case ShellByte.openParen:
            if byte(at: position + 2) == ShellByte.openParen || !canNest {
                let end = scanBalanced(from: position + 1, open: ShellByte.openParen, close: ShellByte.closeParen)
                word.text.append(contentsOf: bytes[position..<end])
                position = end
                return false
            }
            push(.dollarParen, openedAt: position)
            position += 2
            return true
        case ShellByte.openBrace:
            let end = scanBalanced(from: position + 1, open: ShellByte.openBrace, close: ShellByte.closeBrace)
            word.text.append(contentsOf: bytes[position..<end])
            position = end
        case ShellByte.singleQuote where !word.inDoubleQuotes:
            appendANSIQuoted(to: &word)
        case ShellByte.doubleQuote where !word.inDoubleQuotes:
            position += 1  // `$"…"` (locale quoting) is a double-quoted string
        default:
            word.text.append(ShellByte.dollar)
            position += 1
        }
        return false
    }

    /// Opens `<(` or `>(` as a frame; returns false when too deep, after copying it as text.
    mutating func openProcessSubstitution(in word: inout ShellWordInProgress) -> Bool {
        if canNest {
            push(.processSubstitution, openedAt: position)
            position += 2
            return true
        }
        let end = scanBalanced(from: position + 1, open: ShellByte.openParen, close: ShellByte.closeParen)
        word.text.append(contentsOf: bytes[position..<end])
        position = end
        return false
    }

    /// Opens `` ` `` as a frame; returns false when too deep, after copying it as text.
    mutating func openBacktick(in word: inout ShellWordInProgress) -> Bool {
        if canNest {
            push(.backtick, openedAt: position)
            position += 1
            return true
        }
        var end = position + 1
        while end < bytes.count, bytes[end] != ShellByte.backtick {
            end += bytes[end] == ShellByte.backslash ? 2 : 1
        }
        end = min(end + 1, bytes.count)
        word.text.append(contentsOf: bytes[position..<end])
        position = end
        return false
    }

    /// Offset just past the `close` matching the `open` at `start`, skipping quoted text;
    /// the end of input when unbalanced. Used for text that is kept but not parsed.
    func scanBalanced(from start: Int, open: UInt8, close: UInt8) -> Int {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case ShellByte.backslash:
                index += 1
            case ShellByte.singleQuote:
                index += 1
                while index < bytes.count, bytes[index] != ShellByte.singleQuote { index += 1 }
            case ShellByte.doubleQuote:
                index += 1
                while index < bytes.count, bytes[index] != ShellByte.doubleQuote {
                    index += bytes[index] == ShellByte.backslash ? 2 : 1
                }
            case open:
                depth += 1
            case close:
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return bytes.count
    }

    /// Files the finished word as a redirection target, header word, reserved word,
    /// assignment or command word.
    mutating func completeWord(in frame: ShellParseFrame) {
        guard let progress = frame.word else { return }
        frame.word = nil
        let rawBytes = bytes[progress.start..<position]
        let raw = String(decoding: rawBytes, as: UTF8.self)
        let word = ShellWord(
            text: String(decoding: progress.text, as: UTF8.self), raw: raw, substitutions: progress.substitutions)

        if let pending = frame.pendingRedirection {
            frame.pendingRedirection = nil
            addRedirection(String(decoding: pending.written, as: UTF8.self) + raw, in: frame)
            if let stripsTabs = pending.heredocStripsTabs {
                heredocs.append(ShellPendingHeredoc(delimiter: progress.text, stripsTabs: stripsTabs))
            }
            return
        }
        if frame.header != nil {
            readHeaderWord(raw, in: frame)
            return
        }
        if frame.commandIsEmpty, handleReservedWord(raw, in: frame) {
            releaseSlotIfUnused(in: frame)
            return
        }
        frame.compoundJustClosed = false
        if frame.words.isEmpty, ShellByte.assignmentPrefixLength(rawBytes) != nil {
            frame.assignments.append(word)
            return
        }
        frame.words.append(word)
        if frame.words.count == 1, raw == "[[" {
            frame.doubleBracketParens = 0
        } else if raw == "]]" {
            frame.doubleBracketParens = nil
        }
    }
}
