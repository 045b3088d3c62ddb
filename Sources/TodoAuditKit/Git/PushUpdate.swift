/// One line git writes to a pre-push hook's standard input:
/// `<local ref> <local object> <remote ref> <remote object>`.
public struct PushUpdate: Sendable, Hashable {
    public var localRef: String
    public var localObject: String
    public var remoteRef: String
    public var remoteObject: String

    /// A deleted ref: nothing is pushed, nothing to audit.
    public var deletes: Bool { Self.isZero(localObject) }
    /// A ref the remote does not have yet (a new branch or tag).
    public var creates: Bool { Self.isZero(remoteObject) }

    /// All zeros, in SHA-1's 40 digits or SHA-256's 64.
    static func isZero(_ object: String) -> Bool { !object.isEmpty && object.allSatisfy { $0 == "0" } }

    /// The updates of a pre-push input; a line that does not have the four fields is an error.
    public static func parse(_ text: String) throws(GitError) -> [PushUpdate] {
        var out: [PushUpdate] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 4, fields[1].allSatisfy(\.isHexDigit), fields[3].allSatisfy(\.isHexDigit) else {
                throw GitError(description: "pre-push input line \(number + 1) is not '<local ref> <sha> <remote ref> <sha>': \(line.prefix(120))")
            }
            out.append(PushUpdate(localRef: fields[0], localObject: fields[1], remoteRef: fields[2], remoteObject: fields[3]))
        }
        return out
    }
}
