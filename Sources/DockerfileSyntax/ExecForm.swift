/// The exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME.
public enum ExecForm {
    /// The strings of `text` when it is a JSON array of strings (leading and trailing blanks
    /// allowed), nil otherwise. Strict JSON as Docker's decoder: single quotes, trailing
    /// commas, raw control characters or non-string elements all mean "not exec form".
    public static func decode(_ text: String) -> [String]? {
        var reader = JSONStringArrayReader(bytes: Array(text.utf8))
        return reader.read()
    }
}

/// A small strict reader for `["a", "b"]`; linear and without recursion.
private struct JSONStringArrayReader {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() -> [String]? {
        skipBlanks()
        guard take(0x5B) else { return nil } // [
        var items: [String] = []
        skipBlanks()
        if take(0x5D) { // ]
            skipBlanks()
            return i == bytes.count ? items : nil
        }
        while true {
            skipBlanks()
            guard let item = readString() else { return nil }
            items.append(item)
            skipBlanks()
            if take(0x2C) { continue } // ,
            guard take(0x5D) else { return nil }
            skipBlanks()
            return i == bytes.count ? items : nil
        }
    }

    private mutating func take(_ b: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    private mutating func skipBlanks() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
            i += 1
        }
    }

    private mutating func readString() -> String? {
        guard take(ASCII.doubleQuote) else { return nil }
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == ASCII.doubleQuote { return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { return nil }
            if b != ASCII.backslash {
                out.append(b)
                continue
            }
            guard i < bytes.count else { return nil }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08) // \b
            case 0x66: out.append(0x0C) // \f
            case 0x6E: out.append(0x0A) // \n
            case 0x72: out.append(0x0D) // \r
            case 0x74: out.append(0x09) // \t
            case 0x75: // \uXXXX, surrogate pairs joined, lone surrogates become U+FFFD as in Go
                guard var unit = readHex4() else { return nil }
                if (0xD800...0xDBFF).contains(unit) {
                    let save = i
                    if take(ASCII.backslash), take(0x75), let low = readHex4(), (0xDC00...0xDFFF).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        i = save
                        unit = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    unit = 0xFFFD
                }
                let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                return nil
            }
        }
        return nil
    }

    private mutating func readHex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case 0x30...0x39: digit = b - 0x30
            case 0x41...0x46: digit = b - 0x41 + 10
            case 0x61...0x66: digit = b - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }
}

extension Instruction {
    /// RUN/CMD/ENTRYPOINT (and HEALTHCHECK CMD's command part): exec form when `arguments` is
    /// a valid JSON array of strings, else shell form with the text. nil for other kinds and
    /// for `HEALTHCHECK NONE`.
    public var commandForm: CommandForm? {
        switch kind {
        case .run, .cmd, .entrypoint:
            return CommandForm(arguments)
        case .healthcheck:
            guard let command = healthcheckCommand else { return nil }
            return CommandForm(command)
        default:
            return nil
        }
    }

    /// For HEALTHCHECK: the text after `CMD` (any case), nil for `NONE` or anything else.
    public var healthcheckCommand: String? {
        guard kind == .healthcheck else { return nil }
        let bytes = Array(arguments.utf8)
        var end = 0
        while end < bytes.count, !ASCII.isSpace(bytes[end]) { end += 1 }
        guard String(decoding: bytes[0..<end], as: UTF8.self).lowercased() == "cmd" else { return nil }
        var start = end
        while start < bytes.count, ASCII.isSpace(bytes[start]) { start += 1 }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}

extension CommandForm {
    /// Exec form when `text` is a JSON array of strings, shell form otherwise.
    public init(_ text: String) {
        if let array = ExecForm.decode(text) {
            self = .exec(array)
        } else {
            self = .shell(text)
        }
    }
}
