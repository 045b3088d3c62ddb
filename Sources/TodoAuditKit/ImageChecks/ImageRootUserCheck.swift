/// The image config runs the container as root: `User` empty, `root`, `0`, `root:…`, `0:…`,
/// or a name the image's /etc/passwd gives uid 0.
struct ImageRootUserCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let user = ImageUser(image.config.user)
        if !user.isRoot, user.uid == nil, image.users.contains(where: { $0.name == user.user && $0.uid == 0 }) {
            return [ImageViolation(.config("User"), "The image config sets User '\(user.raw)', whose uid in /etc/passwd is 0, so the container runs as root", evidence: "User=\(user.raw)")]
        }
        guard user.isRoot else { return [] }
        let why = user.raw.isEmpty ? "sets no User" : "sets User '\(user.raw)'"
        return [ImageViolation(.config("User"), "The image config \(why), so the container runs as root", evidence: "User=\(user.raw)")]
    }
}

/// `User` split into its user part, resolved against the image's passwd when numeric.
struct ImageUser {
    let raw: String
    let user: String

    init(_ value: String?) {
        raw = (value ?? "").trimmingWhitespace()
        user = raw.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    var uid: Int? { user.allSatisfy(\.isNumber) ? Int(user) : nil }
    var isRoot: Bool { user.isEmpty || user == "root" || uid == 0 }
}

extension ImageFacts {
    /// The configured user with what passwd says of it: `1001 (fastapi)`, `fastapi (uid 1001)`, `root`.
    public var userDescription: String {
        let user = ImageUser(config.user)
        if user.isRoot { return user.raw.isEmpty ? "root (no User set)" : "root (\(user.raw))" }
        if let uid = user.uid {
            return users.first { $0.uid == uid }.map { "\(uid) (\($0.name))" } ?? "\(uid)"
        }
        return users.first { $0.name == user.user }.map { "\(user.user) (uid \($0.uid))" } ?? user.user
    }
}
