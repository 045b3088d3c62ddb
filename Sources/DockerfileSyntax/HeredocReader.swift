/// A `<<WORD` operator found on an instruction line, before its body is read.
struct HeredocOpener: Equatable {
    var delimiter: String
    var isQuoted: Bool
    var stripsTabs: Bool
}

/// Finds heredoc operators on a RUN/COPY/ADD line and reads their bodies, following BuildKit:
/// the line is split into words (quotes and escapes kept, `\` as escape whatever the file's
/// escape directive), and a word is a heredoc when it reads `[n]<<[-]WORD` with WORD free of
/// `<`. `<<` followed by blanks joins the next word (`<< EOF`), as in current BuildKit.
///
/// Two deliberate differences keep shell arithmetic from swallowing the rest of the file:
/// words inside `$(( … ))` / `(( … ))` are never heredocs, and a delimiter separated from
/// `<<` by blanks must not be all digits (`x << 5`).
enum HeredocReader {
    static func openers(in line: [UInt8]) -> [HeredocOpener] {
        // Most lines have no `<<`; BuildKit skips the lexer for them too.
        guard containsHeredocOperator(line) else { return [] }
        var found: [HeredocOpener] = []
        for word in splitWords(line) where !word.inArithmetic {
            if let opener = opener(line[word.range]) { found.append(opener) }
        }
        return found
    }

    private static func containsHeredocOperator(_ line: [UInt8]) -> Bool {
        var i = 1
        while i < line.count {
            if line[i] == ASCII.lessThan && line[i - 1] == ASCII.lessThan { return true }
            i += 1
        }
        return false
    }

    /// Reads the body of `opener` from the lines after the instruction.
    static func readBody(
        of opener: HeredocOpener, from reader: inout LogicalLineReader, instructionLine: Int
    ) throws(DockerfileError) -> Heredoc {
        let delimiter = Array(opener.delimiter.utf8)
        var body: [UInt8] = []
        let firstLine = reader.position + 1
        while let (_, raw) = reader.nextRawLine() {
            let line = opener.stripsTabs ? raw.drop(while: { $0 == ASCII.tab }) : raw
            if line.elementsEqual(delimiter) {
                return Heredoc(
                    delimiter: opener.delimiter, body: String(decoding: body, as: UTF8.self),
                    isQuoted: opener.isQuoted, stripsTabs: opener.stripsTabs, bodyStartLine: firstLine)
            }
            body.append(contentsOf: line)
            body.append(ASCII.newline)
        }
        throw .unterminatedHeredoc(delimiter: opener.delimiter, line: instructionLine)
    }

    /// `[digits]<<[-][blanks]WORD` → opener; anything else nil.
    static func opener(_ word: ArraySlice<UInt8>) -> HeredocOpener? {
        var i = word.startIndex
        let end = word.endIndex
        while i < end, ASCII.isDigit(word[i]) { i += 1 }
        guard i + 1 < end, word[i] == ASCII.lessThan, word[i + 1] == ASCII.lessThan else { return nil }
        i += 2
        let stripsTabs = i < end && word[i] == ASCII.dash
        if stripsTabs { i += 1 }
        let restStart = i
        while i < end, ASCII.isSpace(word[i]) { i += 1 }
        let spaced = i > restStart
        let rest = word[i...]
        guard !rest.isEmpty, !rest.contains(ASCII.lessThan) else { return nil }
        let delimiter = ArgumentWords.unquote(rest, escape: ASCII.backslash)
        guard !delimiter.isEmpty else { return nil }
        if spaced && delimiter.utf8.allSatisfy(ASCII.isDigit) { return nil }
        // BuildKit's test: quotes that disappeared when the word was unquoted were real quotes.
        let isQuoted = quoteCount(rest) != quoteCount(delimiter.utf8)
        return HeredocOpener(delimiter: delimiter, isQuoted: isQuoted, stripsTabs: stripsTabs)
    }

    private static func quoteCount<S: Sequence<UInt8>>(_ bytes: S) -> Int {
        bytes.reduce(0) { $0 + ($1 == ASCII.singleQuote || $1 == ASCII.doubleQuote ? 1 : 0) }
    }

    private struct Word {
        var range: Range<Int>
        var inArithmetic: Bool
    }

    /// Splits a line on unquoted blanks (quotes and escapes stay in the words, so each word
    /// is a plain range of the line), gluing `<<` + blanks to the following word, and
    /// marking words inside arithmetic parentheses.
    private static func splitWords(_ line: [UInt8]) -> [Word] {
        var words: [Word] = []
        var wordStart: Int? = nil
        var wordInArithmetic = false
        var arithmeticDepth = 0
        var i = 0
        let n = line.count
        while i < n {
            let b = line[i]
            if ASCII.isSpace(b) {
                if let start = wordStart {
                    words.append(Word(range: start..<i, inArithmetic: wordInArithmetic))
                    wordStart = nil
                }
                i += 1
                continue
            }
            if wordStart == nil {
                wordStart = i
                wordInArithmetic = arithmeticDepth > 0
            }
            switch b {
            case ASCII.backslash:
                i += 2
            case ASCII.singleQuote, ASCII.doubleQuote:
                i += 1
                while i < n, line[i] != b {
                    if b == ASCII.doubleQuote, line[i] == ASCII.backslash { i += 1 }
                    i += 1
                }
                i += 1
            case ASCII.lessThan where i + 1 < n && line[i + 1] == ASCII.lessThan && arithmeticDepth == 0:
                i += 2
                // BuildKit's lexer keeps the blanks after `<<` inside the word.
                while i < n, ASCII.isSpace(line[i]) { i += 1 }
            case ASCII.openParen:
                if arithmeticDepth > 0 {
                    arithmeticDepth += 1
                } else if i + 1 < n, line[i + 1] == ASCII.openParen,
                          i == wordStart || line[i - 1] == ASCII.dollar {
                    arithmeticDepth = 1
                    wordInArithmetic = true
                }
                i += 1
            case ASCII.closeParen:
                if arithmeticDepth > 0 { arithmeticDepth -= 1 }
                i += 1
            default:
                i += 1
            }
        }
        if let start = wordStart {
            words.append(Word(range: start..<min(i, n), inArithmetic: wordInArithmetic))
        }
        return words
    }
}
