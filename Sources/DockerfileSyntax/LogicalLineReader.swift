/// One instruction's text with its continuation lines joined.
struct LogicalLine {
    /// The joined text: escape+newline removed and nothing inserted, as Docker joins lines.
    var text: [UInt8]
    var startLine: Int
    var endLine: Int
}

/// Walks the physical lines the way BuildKit's parser does: directives at the top, comment
/// lines outside instructions collected, continuation lines joined while comment and blank
/// lines inside a continuation are skipped. Heredoc bodies are read through `nextRawLine`.
struct LogicalLineReader {
    let source: SourceText
    private(set) var directives = ParserDirectives()
    private(set) var comments: [Comment] = []
    /// The 1-based number of the last physical line read.
    private(set) var position = 0
    /// Byte offset of the next physical line.
    private var offset: Int

    init(source: SourceText) {
        self.source = source
        offset = source.start
    }

    /// The next physical line as a range of `source.bytes`.
    private mutating func advance() -> Range<Int>? {
        guard let (range, next) = source.line(at: offset) else { return nil }
        offset = next
        position += 1
        return range
    }

    var escape: UInt8 { directives.escape }

    /// The next instruction's text, or nil at the end of the file.
    mutating func nextLine() -> LogicalLine? {
        let bytes = source.bytes
        while let range = advance() {
            let trimmed = bytes[range].drop(while: ASCII.isSpace)
            if directives.offer(trimmed) { continue }
            if trimmed.first == ASCII.hash {
                comments.append(Comment(line: position, text: LogicalLineReader.commentText(trimmed)))
                continue
            }
            var (content, continues) = splitContinuation(trimmed)
            if !continues && content.isEmpty { continue }

            let startLine = position
            var text = Array(content)
            while continues, let nextRange = advance() {
                let next = bytes[nextRange]
                let nextTrimmed = next.drop(while: ASCII.isSpace)
                // Docker skips comment and blank lines inside a continuation.
                if nextTrimmed.isEmpty || nextTrimmed.first == ASCII.hash { continue }
                (content, continues) = splitContinuation(next)
                text.append(contentsOf: content)
            }
            // A continuation running into the end of the file just ends the instruction,
            // as BuildKit does.
            if text.allSatisfy(ASCII.isSpace) { continue }
            return LogicalLine(text: text, startLine: startLine, endLine: position)
        }
        return nil
    }

    /// The next physical line as written (without line ending), for heredoc bodies.
    mutating func nextRawLine() -> (number: Int, bytes: ArraySlice<UInt8>)? {
        guard let range = advance() else { return nil }
        return (position, source.bytes[range])
    }

    /// BuildKit's continuation test: the escape character as the last non-blank character
    /// (spaces and tabs after it allowed), unless it is itself escaped.
    private func splitContinuation(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Bool) {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == ASCII.space || line[end - 1] == ASCII.tab {
            end -= 1
        }
        guard end > line.startIndex, line[end - 1] == escape else { return (line, false) }
        let escapeIndex = end - 1
        if escapeIndex > line.startIndex, line[escapeIndex - 1] == escape {
            return (line, false)
        }
        return (line[line.startIndex..<escapeIndex], true)
    }

    private static func commentText(_ line: ArraySlice<UInt8>) -> String {
        let body = line.dropFirst().drop(while: ASCII.isSpace)
        var end = body.endIndex
        while end > body.startIndex, ASCII.isSpace(body[end - 1]) { end -= 1 }
        return String(decoding: body[body.startIndex..<end], as: UTF8.self)
    }
}
