/// Values that stand in for a secret rather than being one: references (`${DB_PASSWORD}`,
/// `$(cat /run/secrets/x)`, `{{ .Values.x }}`), the placeholder words of
/// `Rules/data/secret-placeholders.yml`, runs of one character, and counting sequences.
/// Judged on the value alone, never on where the file is.
public struct Placeholder: Sendable {
    private let globs: [NameGlob]

    /// `globs` match the lower-cased value (`changeme`, `*example*`, `your-*`).
    public init(globs: [String]) {
        self.globs = globs.map(NameGlob.init)
    }

    public func matches(_ value: String) -> Bool {
        let lower = value.lowercased()
        if Self.isReference(lower) || Self.isMonotone(lower) { return true }
        return globs.contains { $0.matches(lower) }
    }

    static let referenceMarks = ["${", "$(", "{{", "<%", "%(", "#{", "{%", "@{", "$env:", "%env"]

    /// A shell, template or format reference to a value kept elsewhere.
    static func isReference(_ value: String) -> Bool {
        if referenceMarks.contains(where: { value.contains($0) }) { return true }
        // `$NAME` or `%NAME%` as the whole value.
        let bytes = Array(value.utf8)
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

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
    }
}
