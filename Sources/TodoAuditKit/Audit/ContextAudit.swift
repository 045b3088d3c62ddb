import Foundation

/// A build context audited with the Dockerfile that uses it: the ignore file in force is
/// read, the context walked once, every COPY/ADD resolved, the files they copy scanned for
/// secrets, then the context rules run.
public struct ContextAudit: Sendable {
    public var engine: RuleEngine
    static let versionControl = [".git/", ".hg/", ".svn/"]

    public init(engine: RuleEngine) {
        self.engine = engine
    }

    /// The ignore file for a Dockerfile: BuildKit's `<Dockerfile>.dockerignore` beside it,
    /// else the context's `.dockerignore`. The path is relative to the context when inside it.
    /// One larger than `limit` (`limits.max_ignore_file_size`) is an error.
    public static func ignoreFile(context root: String, dockerfile: String?, limit: Int = Limits().maxIgnoreFileBytes) throws(AuditError) -> IgnoreFile? {
        if let candidate = ignoreFilePath(context: root, dockerfile: dockerfile) {
            guard let handle = FileHandle(forReadingAtPath: candidate.disk) else { throw .unreadable(candidate.disk, reason: "permission denied") }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
            if data.count > limit {
                throw .unreadable(candidate.disk, reason: "larger than the \(Limits.size(Int64(limit))) limit for ignore files, limits.max_ignore_file_size")
            }
            return IgnoreFile(text: String(decoding: data, as: UTF8.self), path: candidate.shown)
        }
        return nil
    }

    /// Where the ignore file in force is, on disk and as shown; nil when there is none.
    static func ignoreFilePath(context root: String, dockerfile: String?) -> (disk: String, shown: String)? {
        var candidates: [(disk: String, shown: String)] = []
        if let dockerfile, dockerfile != "-" {
            let disk = dockerfile + ".dockerignore"
            candidates.append((disk, Self.relative(disk, to: root) ?? disk))
        }
        candidates.append(((root as NSString).appendingPathComponent(".dockerignore"), ".dockerignore"))
        return candidates.first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.disk, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    static func relative(_ path: String, to root: String) -> String? {
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        return full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : nil
    }

    /// The facts for one Dockerfile over its context directory, and the secret findings in
    /// the files its COPY/ADD instructions take.
    public func facts(_ dockerfile: DockerfileFacts, dockerfilePath: String?, root: String) throws(AuditError) -> (ContextFacts, [Finding]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { throw .notFound(root) }
        guard isDirectory.boolValue else { throw .unreadable(root, reason: "the build context must be a directory") }
        let ignore = try Self.ignoreFile(context: root, dockerfile: dockerfilePath, limit: engine.configuration.limits.maxIgnoreFileBytes)
        var facts = ContextFacts(dockerfile: dockerfile, root: root, ignore: ignore, tree: ContextTree(root: root, ignore: ignore))
        let secrets = secretFindings(facts)
        let prefix = facts.display("")
        facts.secretPaths = Set(secrets.compactMap { $0.location.path.hasPrefix(prefix) ? String($0.location.path.dropFirst(prefix.count)) : nil })
        return (facts, secrets)
    }

    /// The secret rule's findings in the context files a COPY takes.
    func secretFindings(_ facts: ContextFacts) -> [Finding] {
        let secrets = FileSecretAudit(engine: engine)
        guard let rule = secrets.rule, let detector = SecretDetector.make(engine.catalog, engine.configuration) else { return [] }
        // The Dockerfile's own secrets are reported at their lines by the Dockerfile rules.
        let dockerfile = Self.relative(facts.dockerfile.path, to: facts.root)
        let files = facts.copiedFiles.compactMap { copied -> FileSecretAudit.ScannedFile? in
            let file = facts.tree.files[copied.file]
            // A name that is not UTF-8 cannot be opened by its String; it is counted by the walk.
            guard file.kind == .file, file.rawPath == nil, file.path != dockerfile else { return nil }
            // Repository metadata is compressed objects and git's sample hooks; the
            // sensitive-file rule reports the directory as a whole.
            guard !Self.versionControl.contains(where: { file.path.hasPrefix($0) || file.path.contains("/" + $0) }) else { return nil }
            return FileSecretAudit.ScannedFile(path: facts.display(file.path), relative: file.path)
        }
        return secrets.scan(files, detector: detector, rule: rule).0
    }

    /// The context's findings: its rules' and the secrets in what is copied.
    public func audit(_ dockerfile: DockerfileFacts, dockerfilePath: String?, root: String) throws(AuditError) -> (AuditTarget, [Finding]) {
        let (facts, secrets) = try facts(dockerfile, dockerfilePath: dockerfilePath, root: root)
        var findings = engine.evaluate(facts)
        if engine.activeRules(for: .context).contains(where: { $0.check == "secret-in-file" }) {
            findings += secrets
        }
        let copied = facts.copiedFiles.count
        var summary = "build context, \(facts.tree.files.count) file\(facts.tree.files.count == 1 ? "" : "s") sent, \(copied) copied"
        summary += facts.ignore.map { " (\($0.path): \($0.lines.count) pattern\($0.lines.count == 1 ? "" : "s"), \(facts.tree.excludedCount) entries left out)" } ?? " (no .dockerignore)"
        if !facts.tree.unreadable.isEmpty { summary += ", \(facts.tree.unreadable.count) unreadable director\(facts.tree.unreadable.count == 1 ? "y" : "ies")" }
        return (AuditTarget(kind: .context, path: root, summary: summary), findings.sorted(by: Finding.reportOrder))
    }
}
