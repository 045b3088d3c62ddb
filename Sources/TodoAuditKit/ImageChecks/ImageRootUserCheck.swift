/// The image config runs the container as root: `User` empty, `root`, `0`, `root:…`, `0:…`.
struct ImageRootUserCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let user = ImageUser(image.config.user)
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
