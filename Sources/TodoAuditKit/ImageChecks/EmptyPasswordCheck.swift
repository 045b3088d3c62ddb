/// An account whose password is empty: `root:::0:::::` in /etc/shadow (Alpine's images
/// shipped that, CVE-2019-5021), or an empty second field in /etc/passwd with no shadow
/// entry. `su`, `login` or an SSH server in the container then let anyone become it.
/// Locked (`!`, `*`) and hashed passwords pass.
struct EmptyPasswordCheck: ImageCheck {
    func evaluate(_ image: ImageFacts, _ input: CheckInput) -> [ImageViolation] {
        var out: [ImageViolation] = []
        var shadowed: Set<String> = []
        for (file, fields, line) in Self.entries(image, "etc/shadow") {
            shadowed.insert(fields[0])
            guard fields[1].isEmpty else { continue }
            out.append(Self.violation(image, file, line, fields[0], "/etc/shadow"))
        }
        for (file, fields, line) in Self.entries(image, "etc/passwd") where !shadowed.contains(fields[0]) {
            guard fields[1].isEmpty else { continue }
            out.append(Self.violation(image, file, line, fields[0], "/etc/passwd"))
        }
        return out
    }

    /// The colon-separated lines of a merged-view file with its line numbers.
    static func entries(_ image: ImageFacts, _ path: String) -> [(String, [String], Int)] {
        guard let text = image.text(path) else { return [] }
        var out: [(String, [String], Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[0].hasPrefix("#"), !fields[0].hasPrefix("+") else { continue }
            out.append((path, fields, index + 1))
        }
        return out
    }

    static func violation(_ image: ImageFacts, _ path: String, _ line: Int, _ account: String, _ shown: String) -> ImageViolation {
        var v = ImageViolation(.file(path, layer: image.files[path]?.layer ?? 0),
                               "Account '\(account)' has an empty password in \(shown), so su or a login in the container needs none; lock it with passwd -l \(account)",
                               evidence: "\(account)::")
        v.line = line
        return v
    }
}
