/// ASCII bytes the shell grammar cares about. Every delimiter is ASCII, so scanning UTF-8
/// bytes never splits a multi-byte character.
enum ShellByte {
    static let newline = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
    static let space = UInt8(ascii: " ")
    static let carriageReturn = UInt8(ascii: "\r")
    static let backslash = UInt8(ascii: "\\")
    static let singleQuote = UInt8(ascii: "'")
    static let doubleQuote = UInt8(ascii: "\"")
    static let backtick = UInt8(ascii: "`")
    static let dollar = UInt8(ascii: "$")
    static let hash = UInt8(ascii: "#")
    static let semicolon = UInt8(ascii: ";")
    static let ampersand = UInt8(ascii: "&")
    static let pipe = UInt8(ascii: "|")
    static let less = UInt8(ascii: "<")
    static let greater = UInt8(ascii: ">")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let equals = UInt8(ascii: "=")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")

    /// Space, tab and CR (Dockerfiles written on Windows) separate words.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn
    }

    /// Bytes that end an unquoted word.
    static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, carriageReturn, newline, semicolon, ampersand, pipe, less, greater,
             openParen, closeParen:
            true
        default:
            false
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool { isNameStart(byte) || isDigit(byte) }

    /// `NAME=` or `NAME+=` at the start of `bytes`, written without quotes; returns the
    /// length of the prefix including `=`.
    static func assignmentPrefixLength<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8 {
        var index = bytes.startIndex
        guard index != bytes.endIndex, isNameStart(bytes[index]) else { return nil }
        var length = 0
        while index != bytes.endIndex, isNameCharacter(bytes[index]) {
            index = bytes.index(after: index)
            length += 1
        }
        if index != bytes.endIndex, bytes[index] == plus {
            index = bytes.index(after: index)
            length += 1
        }
        guard index != bytes.endIndex, bytes[index] == equals else { return nil }
        return length + 1
    }
}
