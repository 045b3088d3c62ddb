/// An account whose password is empty: `root:::0:::::` in /etc/shadow (Alpine's images
/// shipped that, CVE-2019-5021), or an empty second field in /etc/passwd with no shadow
/// entry. `su`, `login` or an SSH server in the container then let anyone become it.
/// Locked (`!`, `*`) and hashed passwords pass.
struct EmptyPasswordCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        var out: [ImageViolation] = []
        var shadowed: Set<String> = []
        for (fields, line) in image.accountRecords("etc/shadow") {
            shadowed.insert(fields[0])
            guard fields[1].isEmpty else { continue }
            out.append(Self.violation(image, "etc/shadow", line, fields[0]))
        }
        for (fields, line) in image.accountRecords("etc/passwd") where !shadowed.contains(fields[0]) {
            guard fields[1].isEmpty else { continue }
            out.append(Self.violation(image, "etc/passwd", line, fields[0]))
        }
        return out
    }

    static func violation(_ image: ImageFacts, _ path: String, _ line: Int, _ account: String) -> ImageViolation {
        var v = ImageViolation(.file(path, layer: image.files[path]?.layer ?? 0),
                               "Account '\(account)' has an empty password in /\(path), so su or a login in the container needs none; lock it with passwd -l \(account)",
                               evidence: "\(account)::")
        v.line = line
        return v
    }
}
