/// Files that usually hold credentials (`.env`, keys, `.aws/`, `.git/`) that the ignore file
/// lets through and a COPY takes: one finding per such file or directory, naming the COPY.
struct SensitiveContextFileCheck: ContextCheck {
    func evaluate(_ context: ContextFacts, _ input: CheckInput) -> [ContextViolation] {
        let data = input.list("secret-files")
        let patterns = GlobSet((data["files"]?.strings ?? []) + (data["context"]?.strings ?? []))
        let allowed = GlobSet(data["not-secret"]?.strings ?? [])
        // The first path component that names a sensitive file or directory: `.git`, `config/.env`.
        var groups: [String: (copy: ContextCopy, files: Int, secret: Bool)] = [:]
        var order: [String] = []
        for (index, copy) in context.copiedFiles {
            let path = context.tree.files[index].path
            var prefix = ""
            var sensitive: String?
            for part in path.split(separator: "/") {
                prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
                if patterns.matches(String(part)) && !allowed.matches(String(part)) {
                    sensitive = prefix
                    break
                }
            }
            guard let key = sensitive else { continue }
            let secret = context.secretPaths.contains(path)
            if let known = groups[key] {
                groups[key] = (known.copy.ships || !copy.ships ? known.copy : copy, known.files + 1, known.secret || secret)
            } else {
                groups[key] = (copy, 1, secret)
                order.append(key)
            }
        }
        let ignoreName = context.ignore?.path
        return order.map { key in
            let group = groups[key]!
            let what = group.files > 1 || context.tree.files.contains(where: { $0.path.hasPrefix(key + "/") }) ? "\(key)/ (\(group.files) file\(group.files == 1 ? "" : "s"))" : key
            let unguarded = ignoreName.map { "\($0) does not exclude it" } ?? "there is no .dockerignore"
            let copy = group.copy
            var message = "\(what) usually holds secrets (credentials, keys or repository history); \(unguarded) and \(copy.instruction.keyword.uppercased()) \(copy.instruction.arguments) (line \(copy.instruction.lines.start)) copies it into \(ContextFacts.describe(copy))"
            if group.secret { message += "; the secret scan found a secret in it" }
            // A secret found inside is critical; a copy into a stage that does not ship is a smaller risk.
            let severity: Severity? = group.secret ? .critical : (copy.ships ? nil : .medium)
            return ContextViolation(.path(key), message, evidence: key, severity: severity)
        }
    }
}
