import SecretScanning

/// Several globs asked about one text at a time, as image checks do for every file of an
/// image (150,000 in a large one): exact names, `prefix*`, `*suffix` and `*infix*` are
/// compared as bytes, and only the other shapes run the glob matcher.
public struct GlobSet: Sendable {
    private enum Shape: Sendable { case exact, prefix, suffix, infix, general }

    private struct Entry: Sendable {
        let shape: Shape
        /// The literal part's bytes in `literals`.
        let start: Int
        let count: Int
    }

    public let globs: [Glob]
    private let entries: [Entry]
    private let literals: [UInt8]

    public init(_ patterns: [String]) {
        globs = patterns.map(Glob.init)
        var entries: [Entry] = [], literals: [UInt8] = []
        for pattern in patterns {
            let bytes = Array(pattern.utf8)
            func wild(_ b: UInt8) -> Bool { b == UInt8(ascii: "*") || b == UInt8(ascii: "?") || b == UInt8(ascii: "[") }
            let shape: Shape, literal: ArraySlice<UInt8>
            if !bytes.contains(where: wild) {
                (shape, literal) = (.exact, bytes[...])
            } else if bytes.last == UInt8(ascii: "*"), !bytes.dropLast().contains(where: wild) {
                (shape, literal) = (.prefix, bytes.dropLast())
            } else if bytes.first == UInt8(ascii: "*"), !bytes.dropFirst().contains(where: wild) {
                (shape, literal) = (.suffix, bytes.dropFirst())
            } else if bytes.count > 2, bytes.first == UInt8(ascii: "*"), bytes.last == UInt8(ascii: "*"),
                      !bytes.dropFirst().dropLast().contains(where: wild) {
                // `*/node_modules/*`: a substring search.
                (shape, literal) = (.infix, bytes.dropFirst().dropLast())
            } else {
                (shape, literal) = (.general, [])
            }
            entries.append(Entry(shape: shape, start: literals.count, count: literal.count))
            literals += literal
        }
        self.entries = entries
        self.literals = literals
    }

    public func matches(_ text: String) -> Bool { firstMatch(text) != nil }

    /// The index of the first glob (in the order given) that matches `text`.
    public func firstMatch(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            literals.withUnsafeBufferPointer { literals in
                for (index, entry) in entries.enumerated() {
                    let literal = UnsafeBufferPointer(rebasing: literals[entry.start..<(entry.start + entry.count)])
                    switch entry.shape {
                    case .exact:
                        if bytes.count == entry.count && bytes.elementsEqual(literal) { return index }
                    case .prefix:
                        if bytes.count >= entry.count && bytes.prefix(entry.count).elementsEqual(literal) { return index }
                    case .suffix:
                        if bytes.count >= entry.count && bytes.suffix(entry.count).elementsEqual(literal) { return index }
                    case .infix:
                        if ByteSearch.contains(UnsafeRawBufferPointer(bytes), UnsafeRawBufferPointer(literal)) { return index }
                    case .general:
                        if globs[index].matches(bytes: bytes) { return index }
                    }
                }
                return nil
            }
        }
    }
}
