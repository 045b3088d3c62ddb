/// Values that stand in for a secret rather than being one: references (`${DB_PASSWORD}`,
/// `$(cat /run/secrets/x)`, `{{ .Values.x }}`), the placeholder words of
/// `Rules/data/secret-placeholders.yml`, runs of one character, and counting sequences.
/// Judged on the value alone, never on where the file is.
public struct Placeholder: Sendable {
    /// The globs sorted by shape, so most need no fnmatch call: exact words, `*x*`, `x*`, `*x`.
    private let exact: Set<String>
    private let infixes: [[UInt8]]
    private let prefixes: [String]
    private let suffixes: [String]
    private let globs: [NameGlob]

    /// `globs` match the lower-cased value (`changeme`, `*example*`, `your-*`).
    public init(globs: [String]) {
        var exact = Set<String>(), infixes: [[UInt8]] = [], prefixes: [String] = [], suffixes: [String] = [], rest: [NameGlob] = []
        for glob in globs {
            let special = Set("*?[]\\")
            let inner = glob.dropFirst().dropLast()
            if !glob.contains(where: special.contains) {
                exact.insert(glob)
            } else if glob.count > 2, glob.hasPrefix("*"), glob.hasSuffix("*"), !inner.contains(where: special.contains) {
                infixes.append(Array(inner.utf8))
            } else if glob.hasSuffix("*"), !glob.dropLast().contains(where: special.contains) {
                prefixes.append(String(glob.dropLast()))
            } else if glob.hasPrefix("*"), !glob.dropFirst().contains(where: special.contains) {
                suffixes.append(String(glob.dropFirst()))
            } else {
                rest.append(NameGlob(pattern: glob))
            }
        }
        self.exact = exact
        self.infixes = infixes
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.globs = rest
    }

    public func matches(_ value: String) -> Bool {
        let lower = value.lowercased()
        if Self.isReference(lower) || Self.isMonotone(lower) { return true }
        if exact.contains(lower) { return true }
        if prefixes.contains(where: lower.hasPrefix) || suffixes.contains(where: lower.hasSuffix) { return true }
        let bytes = Array(lower.utf8)
        if infixes.contains(where: { ByteSearch.contains(bytes, $0) }) { return true }
        return globs.contains { $0.matches(lower) }
    }

    static let referenceMarks = ["${", "$(", "{{", "<%", "%(", "#{", "{%", "@{", "$env:", "%env"].map { Array($0.utf8) }

    /// A shell, template or format reference to a value kept elsewhere.
    static func isReference(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        if referenceMarks.contains(where: { ByteSearch.contains(bytes, $0) }) { return true }
        // `$name…` (a shell, Perl or PHP variable, even with trailing punctuation) or `%NAME%`.
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "$"), isNameStart(bytes[1]) { return true }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "$"), bytes.dropFirst().allSatisfy(isNameByte) { return true }
        if bytes.count >= 3, bytes.first == UInt8(ascii: "%"), bytes.last == UInt8(ascii: "%"),
           bytes.dropFirst().dropLast().allSatisfy(isNameByte) { return true }
        return false
    }

    /// One character over and over (`xxxxxxxx`, `********`, `00000000`), a counting run
    /// (`123456789`, `abcdefgh`), or a short pattern repeated (`abcabcabc`).
    static func isMonotone(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first else { return true }
        if bytes.allSatisfy({ $0 == first }) { return true }
        if bytes.count >= 6 {
            let steps = zip(bytes, bytes.dropFirst()).map { Int($1) - Int($0) }
            if steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == -1 }) { return true }
        }
        for period in 1...3 where bytes.count >= period * 3 {
            if bytes.indices.allSatisfy({ bytes[$0] == bytes[$0 % period] }) { return true }
        }
        return false
    }

    static func isNameStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_") || b == UInt8(ascii: "{") || b == UInt8(ascii: "(")
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
    }
}
