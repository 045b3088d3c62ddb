/// Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) read from the top of the file.
///
/// As in BuildKit they are only recognised before the first line that is not one: a blank
/// line, an ordinary comment, an unknown or repeated key, or an instruction ends the section.
struct ParserDirectives {
    static let known: Set<String> = ["syntax", "escape", "check"]

    private(set) var values: [String: String] = [:]
    private(set) var isClosed = false
    /// The escape character in force; only `\` and `` ` `` are accepted.
    private(set) var escape: UInt8 = ASCII.backslash

    /// Offers a physical line (already left-trimmed). Returns true when it was a directive,
    /// which then is neither a comment nor part of an instruction.
    mutating func offer(_ line: ArraySlice<UInt8>) -> Bool {
        if isClosed { return false }
        guard let (key, value) = ParserDirectives.match(line),
              ParserDirectives.known.contains(key), values[key] == nil
        else {
            isClosed = true
            return false
        }
        values[key] = value
        if key == "escape" {
            if value == "`" { escape = ASCII.backtick }
            else if value == "\\" { escape = ASCII.backslash }
        }
        return true
    }

    /// `#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`, with the key lower-cased.
    static func match(_ line: ArraySlice<UInt8>) -> (String, String)? {
        var i = line.startIndex
        let end = line.endIndex
        guard i < end, line[i] == ASCII.hash else { return nil }
        i += 1
        while i < end, ASCII.isSpace(line[i]) { i += 1 }
        let keyStart = i
        guard i < end, ASCII.isLetter(line[i]) else { return nil }
        while i < end, ASCII.isLetter(line[i]) || ASCII.isDigit(line[i]) { i += 1 }
        let keyEnd = i
        while i < end, ASCII.isSpace(line[i]) { i += 1 }
        guard i < end, line[i] == ASCII.equals else { return nil }
        i += 1
        while i < end, ASCII.isSpace(line[i]) { i += 1 }
        var valueEnd = end
        while valueEnd > i, ASCII.isSpace(line[valueEnd - 1]) { valueEnd -= 1 }
        guard valueEnd > i else { return nil }
        let key = String(decoding: line[keyStart..<keyEnd], as: UTF8.self).lowercased()
        return (key, String(decoding: line[i..<valueEnd], as: UTF8.self))
    }
}
