/// The configured user has no entry in the image's own `/etc/passwd`: a name then fails at
/// start (`unable to find user`), a bare uid runs without a home or a name.
struct ImageUserMissingCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        let user = ImageUser(image.config.user)
        guard !user.isRoot else { return [] }
        let users = image.users
        if let uid = user.uid {
            // A uid is valid without passwd (scratch, static binaries); only an existing passwd that lacks it is odd.
            guard image.contents["etc/passwd"] != nil, !users.contains(where: { $0.uid == uid }) else { return [] }
            return [ImageViolation(.config("User"), "User \(uid) has no entry in the image's /etc/passwd; add the user so tools and HOME work", evidence: "User=\(user.raw)")]
        }
        guard !users.contains(where: { $0.name == user.user }) else { return [] }
        let where_ = image.contents["etc/passwd"] == nil ? "the image has no /etc/passwd" : "/etc/passwd has no such user"
        return [ImageViolation(.config("User"), "User '\(user.user)' does not exist (\(where_)); the container will fail to start", evidence: "User=\(user.raw)")]
    }
}
