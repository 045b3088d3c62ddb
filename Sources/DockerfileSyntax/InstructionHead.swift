/// An instruction line cut into keyword, leading `--flags` and arguments
/// (BuildKit's `splitCommand` + `extractBuilderFlags`).
struct InstructionHead {
    var keyword: String
    var kind: InstructionKind
    var flags: [InstructionFlag]
    var arguments: String

    init(_ text: ArraySlice<UInt8>) {
        var i = text.startIndex
        let end = text.endIndex
        while i < end, ASCII.isSpace(text[i]) { i += 1 }
        let keywordStart = i
        while i < end, !ASCII.isSpace(text[i]) { i += 1 }
        keyword = String(decoding: text[keywordStart..<i], as: UTF8.self)
        let lowered = keyword.lowercased()
        kind = lowered == "unknown" ? .unknown : InstructionKind(rawValue: lowered) ?? .unknown

        flags = []
        // Flags are the leading words starting with `--`; a bare `--` ends them.
        while true {
            while i < end, ASCII.isSpace(text[i]) { i += 1 }
            guard i + 1 < end, text[i] == ASCII.dash, text[i + 1] == ASCII.dash else { break }
            let (word, next) = InstructionHead.flagWord(text, from: i)
            i = next
            if word == "--" { break }
            let body = word.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                flags.append(InstructionFlag(
                    name: String(body[body.startIndex..<eq]),
                    value: String(body[body.index(after: eq)...])))
            } else {
                flags.append(InstructionFlag(name: String(body), value: nil))
            }
        }
        while i < end, ASCII.isSpace(text[i]) { i += 1 }
        var argumentsEnd = end
        while argumentsEnd > i, ASCII.isSpace(text[argumentsEnd - 1]) { argumentsEnd -= 1 }
        arguments = i < argumentsEnd ? String(decoding: text[i..<argumentsEnd], as: UTF8.self) : ""
    }

    /// One flag word up to unquoted whitespace, with quotes and `\` escapes removed
    /// (BuildKit always uses `\` here, whatever the escape directive).
    private static func flagWord(_ text: ArraySlice<UInt8>, from start: Int) -> (String, Int) {
        var out: [UInt8] = []
        var i = start
        var quote: UInt8? = nil
        while i < text.endIndex {
            let b = text[i]
            if let q = quote {
                if b == q {
                    quote = nil
                } else if b == ASCII.backslash, i + 1 < text.endIndex {
                    i += 1
                    out.append(text[i])
                } else {
                    out.append(b)
                }
            } else if ASCII.isSpace(b) {
                break
            } else if b == ASCII.singleQuote || b == ASCII.doubleQuote {
                quote = b
            } else if b == ASCII.backslash {
                if i + 1 < text.endIndex {
                    i += 1
                    out.append(text[i])
                }
            } else {
                out.append(b)
            }
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), i)
    }
}
