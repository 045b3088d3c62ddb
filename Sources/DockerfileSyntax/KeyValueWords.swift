/// Word splitting and quote removal as Docker applies them to instruction arguments.
enum ArgumentWords {
    /// Splits on unquoted whitespace, keeping quotes and escapes in the words
    /// (BuildKit's `parseWords`). `""` alone is a word (the empty string).
    static func rawWords(_ text: ArraySlice<UInt8>, escape: UInt8) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var i = text.startIndex
        let end = text.endIndex
        while i < end {
            while i < end, ASCII.isSpace(text[i]) { i += 1 }
            if i == end { break }
            let start = i
            var quote: UInt8? = nil
            while i < end {
                let b = text[i]
                if let q = quote {
                    if b == q {
                        quote = nil
                    } else if b == escape && q != ASCII.singleQuote {
                        i += 1
                    }
                } else if ASCII.isSpace(b) {
                    break
                } else if b == ASCII.singleQuote || b == ASCII.doubleQuote {
                    quote = b
                } else if b == escape {
                    i += 1
                }
                i += 1
            }
            words.append(start..<min(i, end))
        }
        return words
    }

    /// Removes quotes and escapes from one word (BuildKit's `ProcessWord` without expansion,
    /// which has already happened): outside quotes the escape character makes the next
    /// character literal; inside double quotes it only escapes `"`, `$` and itself; inside
    /// single quotes nothing is special. An unterminated quote runs to the end.
    static func unquote(_ text: ArraySlice<UInt8>, escape: UInt8) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        let end = text.endIndex
        var quote: UInt8? = nil
        while i < end {
            let b = text[i]
            switch quote {
            case ASCII.singleQuote?:
                if b == ASCII.singleQuote { quote = nil } else { out.append(b) }
            case ASCII.doubleQuote?:
                if b == ASCII.doubleQuote {
                    quote = nil
                } else if b == escape, i + 1 < end,
                          text[i + 1] == ASCII.doubleQuote || text[i + 1] == ASCII.dollar || text[i + 1] == escape {
                    i += 1
                    out.append(text[i])
                } else {
                    out.append(b)
                }
            default:
                if b == ASCII.singleQuote || b == ASCII.doubleQuote {
                    quote = b
                } else if b == escape {
                    if i + 1 < end {
                        i += 1
                        out.append(text[i])
                    }
                } else {
                    out.append(b)
                }
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Index of the first `=` outside quotes (after escapes), nil when there is none.
    static func unquotedEquals(_ text: ArraySlice<UInt8>, escape: UInt8) -> Int? {
        var i = text.startIndex
        var quote: UInt8? = nil
        while i < text.endIndex {
            let b = text[i]
            if let q = quote {
                if b == q { quote = nil } else if b == escape && q != ASCII.singleQuote { i += 1 }
            } else if b == ASCII.equals {
                return i
            } else if b == ASCII.singleQuote || b == ASCII.doubleQuote {
                quote = b
            } else if b == escape {
                i += 1
            }
            i += 1
        }
        return nil
    }

    /// `NAME=value` pairs of one ENV/LABEL/ARG argument text.
    static func keyValuePairs(
        _ text: [UInt8], kind: InstructionKind, escape: UInt8
    ) -> [(key: String, value: String?)] {
        let all = text[...]
        let words = rawWords(all, escape: escape)
        guard let first = words.first else { return [] }
        if kind == .env || kind == .label, !all[first].contains(ASCII.equals) {
            // Legacy `ENV name value with spaces`: the value is everything after the name.
            let key = unquote(all[first], escape: escape)
            var rest = first.upperBound
            while rest < all.endIndex, ASCII.isSpace(all[rest]) { rest += 1 }
            var restEnd = all.endIndex
            while restEnd > rest, ASCII.isSpace(all[restEnd - 1]) { restEnd -= 1 }
            if rest == restEnd { return [(key, nil)] }
            return [(key, unquote(all[rest..<restEnd], escape: escape))]
        }
        return words.map { range in
            let word = all[range]
            guard let eq = unquotedEquals(word, escape: escape) else {
                return (unquote(word, escape: escape), nil)
            }
            return (unquote(word[word.startIndex..<eq], escape: escape),
                    unquote(word[(eq + 1)..<word.endIndex], escape: escape))
        }
    }
}

extension Character {
    /// The escape character as the byte the lexers compare against.
    var escapeByte: UInt8 { self == "`" ? ASCII.backtick : ASCII.backslash }
}

extension Instruction {
    /// ENV/LABEL/ARG pairs from `expandedArguments`: `a=b c="d e"` and legacy `ENV a b c`
    /// (value "b c"), quotes removed, `ARG NAME` gives value nil. Empty for other kinds.
    public var keyValuePairs: [(key: String, value: String?)] {
        switch kind {
        case .env, .label, .arg:
            return ArgumentWords.keyValuePairs(
                Array(expandedArguments.utf8), kind: kind, escape: escapeCharacter.escapeByte)
        default:
            return []
        }
    }

    /// The arguments split into words honouring quotes (for COPY/ADD sources, EXPOSE, VOLUME,
    /// USER...), from expandedArguments; a JSON array form (`COPY ["a b", "/x/"]`) is decoded.
    public var words: [String] {
        if let array = ExecForm.decode(expandedArguments) { return array }
        let bytes = Array(expandedArguments.utf8)
        let escape = escapeCharacter.escapeByte
        return ArgumentWords.rawWords(bytes[...], escape: escape).map {
            ArgumentWords.unquote(bytes[$0], escape: escape)
        }
    }
}
