/// ASCII bytes the lexers look for. Every byte that matters to Dockerfile syntax is ASCII,
/// and UTF-8 never reuses ASCII values inside a multi-byte sequence, so lexing bytes is safe.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let singleQuote: UInt8 = 0x27
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let dash: UInt8 = 0x2D
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let backslash: UInt8 = 0x5C
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    /// Go's `unicode.IsSpace` restricted to ASCII: what Docker trims and splits on.
    static func isSpace(_ b: UInt8) -> Bool {
        b == space || (b >= 0x09 && b <= 0x0D)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Characters of a shell variable name after the first.
    static func isNameCharacter(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == 0x5F }
}

/// The Dockerfile's bytes, checked once up front so the lexers can work on plain bytes
/// and build strings from any slice without re-validating.
struct SourceText {
    let bytes: [UInt8]
    /// Where the text starts (after a UTF-8 BOM).
    let start: Int
    /// Number of physical lines; a final line without "\n" counts, an empty tail does not.
    let lineCount: Int

    init(bytes input: [UInt8], maxBytes: Int) throws(DockerfileError) {
        if input.count > maxBytes {
            throw .tooLarge(bytes: input.count, limit: maxBytes)
        }
        if input.contains(0) {
            throw .binary
        }
        start = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if let badLine = SourceText.firstInvalidUTF8Line(input, from: start) {
            throw .invalidUTF8(line: badLine)
        }
        bytes = input
        var newlines = 0
        for b in input[start...] where b == ASCII.newline { newlines += 1 }
        let unterminatedTail = input.count > start && input[input.count - 1] != ASCII.newline
        lineCount = newlines + (unterminatedTail ? 1 : 0)
    }

    /// The physical line starting at `offset`, without its "\n" and trailing "\r"s (CRLF),
    /// and the offset of the next line; nil at the end.
    func line(at offset: Int) -> (range: Range<Int>, next: Int)? {
        guard offset < bytes.count else { return nil }
        var end = offset
        while end < bytes.count, bytes[end] != ASCII.newline { end += 1 }
        let next = end + 1
        while end > offset, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        return (offset..<end, next)
    }

    /// The 1-based line of the first byte that is not well-formed UTF-8 (overlong forms,
    /// surrogates and values past U+10FFFF included), nil when the whole input is valid.
    static func firstInvalidUTF8Line(_ b: [UInt8], from start: Int) -> Int? {
        var line = 1
        var i = start
        let n = b.count
        func continuation(_ index: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index < n && b[index] >= low && b[index] <= high
        }
        while i < n {
            let lead = b[i]
            if lead < 0x80 {
                if lead == ASCII.newline { line += 1 }
                i += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF:
                length = continuation(i + 1) ? 2 : 0
            case 0xE0:
                length = continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
            case 0xED:
                length = continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
            case 0xE1...0xEC, 0xEE...0xEF:
                length = continuation(i + 1) && continuation(i + 2) ? 3 : 0
            case 0xF0:
                length = continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            case 0xF1...0xF3:
                length = continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            case 0xF4:
                length = continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
            default:
                length = 0
            }
            if length == 0 { return line }
            i += length
        }
        return nil
    }
}
