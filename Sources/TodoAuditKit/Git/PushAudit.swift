import Foundation

/// What a `git push` would publish, audited as it is in the pushed commits (not the
/// working tree): the build contexts (directories holding a Dockerfile) that the pushed
/// commits touch, exported from each commit into a private temporary directory.
public struct PushAudit: Sendable {
    public var repository: GitRepository
    /// The remote's name, for "not yet on the remote" when a ref is new there.
    public var remote: String

    public init(repository: GitRepository, remote: String) {
        self.repository = repository
        self.remote = remote
    }

    /// One pushed ref and the contexts of its commit that the push changes.
    public struct Target: Sendable {
        public var update: PushUpdate
        public var commit: String
        /// Files the pushed commits change (added, modified or deleted).
        public var changed: [String]
        /// Directories (relative to the repository, "" for its root) holding a Dockerfile
        /// whose context the changes touch, sorted.
        public var contexts: [String]
    }

    /// The refs worth auditing; deletions, non-commits and pushes that change nothing a
    /// build context holds are left out.
    public func targets(_ updates: [PushUpdate]) throws(GitError) -> [Target] {
        var out: [Target] = []
        for update in updates where !update.deletes {
            guard let commit = repository.commit(update.localObject) else { continue }
            // A force push or a shallow clone may name a remote commit this repository lacks:
            // then everything not on the remote's refs counts.
            let base = update.creates ? nil : repository.commit(update.remoteObject)
            let changed = try repository.changedFiles(local: commit, base: base, remote: remote)
            guard !changed.isEmpty else { continue }
            let dockerfiles = try repository.files(of: commit).filter {
                Auditor.isDockerfileName(($0 as NSString).lastPathComponent)
            }
            let directories = Set(dockerfiles.map { ($0 as NSString).deletingLastPathComponent })
            let touched = directories.filter { directory in
                directory.isEmpty || changed.contains { $0.hasPrefix(directory + "/") }
            }
            guard !touched.isEmpty else { continue }
            out.append(Target(update: update, commit: commit, changed: changed, contexts: touched.sorted()))
        }
        return out
    }

    /// Exports more of the commit (the rule directories its settings name) into `directory`;
    /// paths the commit does not have are left out.
    public func export(_ target: Target, paths: [String], into directory: String) throws(GitError) {
        let present = Set(try repository.files(of: target.commit))
        let wanted = paths.filter { path in present.contains { $0.hasPrefix(path + "/") } }
        guard !wanted.isEmpty else { return }
        try repository.export(target.commit, paths: wanted, into: directory)
    }

    /// Exports the target's contexts from its commit into `directory` (created), so they
    /// can be audited by relative path from there.
    public func export(_ target: Target, into directory: String) throws(GitError) {
        do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw GitError(description: "cannot create \(directory): \(error.localizedDescription)")
        }
        let paths = target.contexts.contains("") ? [] : target.contexts
        // The settings file at the repository root travels with the commit too.
        let settings = try repository.files(of: target.commit).filter { ConfigurationFile.names.contains($0) }
        try repository.export(target.commit, paths: paths.isEmpty ? [] : paths + settings, into: directory)
    }
}
