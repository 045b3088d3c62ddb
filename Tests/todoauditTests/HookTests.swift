import Foundation
import Testing

/// The pre-push hook with real git: a working repository, a local bare remote, the hook
/// installed by `todoaudit hook install`, and real `git push`es that it lets through or
/// refuses.
@Suite struct HookTests {
    /// A repository `work` with a bare `remote.git` as origin, in a fresh directory.
    struct Sandbox {
        let root: URL
        var work: URL { root.appendingPathComponent("work") }

        init() throws {
            root = try CLI.temporaryDirectory()
            try Self.git(["init", "-q", "--bare", "remote.git"], in: root)
            try Self.git(["init", "-q", "-b", "main", "work"], in: root)
            try git(["remote", "add", "origin", "../remote.git"])
        }

        @discardableResult
        static func git(_ arguments: [String], in directory: URL, check: Bool = true) throws -> CLIResult {
            let r = try CLI.run(arguments, cwd: directory, environment: [
                "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            ], executable: URL(fileURLWithPath: "/usr/bin/git"))
            if check { #expect(r.status == 0, "git \(arguments.joined(separator: " ")): \(r.stderr)") }
            return r
        }

        @discardableResult
        func git(_ arguments: [String], check: Bool = true) throws -> CLIResult { try Self.git(arguments, in: work, check: check) }

        func write(_ files: [String: String]) throws {
            for (path, text) in files {
                let url = work.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }

        func commit(_ files: [String: String], _ message: String) throws {
            try write(files)
            try git(["add", "-A"])
            try git(["commit", "-qm", message])
        }

        /// `git push`, its exit status and everything git and the hook printed.
        func push(_ arguments: [String] = ["origin", "main"]) throws -> CLIResult { try git(["push"] + arguments, check: false) }

        func remoteHead(_ ref: String = "refs/heads/main") throws -> String? {
            let r = try Self.git(["rev-parse", "--verify", "--quiet", ref], in: root.appendingPathComponent("remote.git"), check: false)
            return r.status == 0 ? r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        }

        func install(_ extra: [String] = []) throws -> CLIResult { try CLI.run(["hook", "install"] + extra, cwd: work) }
    }

    static let good = "FROM python:3.12-alpine\nRUN adduser -D -u 1001 app\nUSER app\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:8000/ || exit 1\nCMD [\"python\"]\n"

    @Test func aCleanPushPassesAndAnUnrelatedOneIsNotAudited() throws {
        let box = try Sandbox()
        try box.commit(["services/api/Dockerfile": Self.good, "docs/README.md": "hi\n"], "api")
        let installed = try box.install(["--min-score", "8"])
        #expect(installed.status == 0 && installed.stdout.contains(".git/hooks/pre-push"), "\(installed.stderr)")
        let first = try box.push()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("auditing services/api") && first.stdout.contains("the push passes the audit"))
        try box.commit(["docs/README.md": "more\n"], "docs")
        let docs = try box.push()
        #expect(docs.status == 0)
        #expect(docs.stdout.contains("not audited") && !docs.stdout.contains("Security Score"))
    }

    @Test func aRootDockerfileOrAShippedEnvFileIsRefused() throws {
        let box = try Sandbox()
        try box.commit(["services/api/Dockerfile": Self.good], "api")
        #expect(try box.install().status == 0)
        #expect(try box.push().status == 0)
        let before = try box.remoteHead()
        try box.commit(["services/web/Dockerfile": "FROM nginx:1.27\nHEALTHCHECK CMD true\n"], "web as root")
        let root = try box.push()
        #expect(root.status != 0)
        #expect(root.stdout.contains("root-user at services/web/Dockerfile:1"), "\(root.stdout)")
        #expect(root.stderr.contains("push blocked") && root.stderr.contains("git push --no-verify") && root.stderr.contains("todoaudit ignore="))
        #expect(try box.remoteHead() == before, "the remote did not move")
        // The audit reads the pushed commit: fixing the working tree alone changes nothing.
        try box.write(["services/web/Dockerfile": Self.good])
        #expect(try box.push().status != 0)
        try box.git(["checkout", "-q", "--", "."])
        try box.git(["reset", "-q", "--hard", "HEAD~1"])
        try box.commit(["services/api/.env": "DATABASE_URL=postgres://app:HookFakePassw0rd91@db:5432/app\n",
                        "services/api/Dockerfile": Self.good + "COPY . /app\n"], "env")
        let env = try box.push()
        #expect(env.status != 0)
        #expect(env.stdout.contains("sensitive-file-in-context at services/api/.env"), "\(env.stdout)")
        let bypass = try box.push(["--no-verify", "origin", "main"])
        #expect(bypass.status == 0)
    }

    @Test func newBranchesTagsDeletionsAndForcePushes() throws {
        let box = try Sandbox()
        try box.commit(["api/Dockerfile": Self.good], "api")
        #expect(try box.install().status == 0)
        #expect(try box.push().status == 0)
        // A new branch: only its commits that the remote lacks are looked at.
        try box.git(["checkout", "-q", "-b", "feature"])
        try box.commit(["notes.txt": "x\n"], "notes")
        let branch = try box.push(["origin", "feature"])
        #expect(branch.status == 0 && branch.stdout.contains("not audited"), "\(branch.stdout)\(branch.stderr)")
        // A tag of a pushed commit publishes nothing new; an annotated tag is peeled.
        try box.git(["tag", "-a", "-m", "v1", "v1"])
        #expect(try box.push(["origin", "v1"]).status == 0)
        // Deleting a branch publishes nothing.
        let deleted = try box.push(["origin", ":feature"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        // A rewritten commit the remote never had: audited like any other (force push).
        try box.git(["checkout", "-q", "main"])
        try box.write(["api/Dockerfile": "FROM python:3.12-alpine\nCMD [\"python\"]\n"])
        try box.git(["commit", "-q", "-a", "--amend", "-m", "api as root"])
        let forced = try box.push(["--force", "origin", "main"])
        #expect(forced.status != 0)
        #expect(forced.stdout.contains("root-user at api/Dockerfile"))
        // Two refs at once: both reported, either one blocks.
        try box.git(["checkout", "-q", "-b", "other"])
        let both = try box.push(["--force", "origin", "main", "other"])
        #expect(both.status != 0)
    }

    /// A detached HEAD pushed by refspec, and a shallow clone whose history stops early.
    @Test func detachedHeadsAndShallowClones() throws {
        let box = try Sandbox()
        try box.commit(["api/Dockerfile": Self.good], "one")
        try box.commit(["api/app.py": "print(1)\n"], "two")
        #expect(try box.push().status == 0)
        #expect(try box.install().status == 0)
        try box.git(["checkout", "-q", "--detach"])
        try box.commit(["api/Dockerfile": "FROM python:3.12-alpine\nCMD [\"python\"]\n"], "detached root")
        let detached = try box.push(["origin", "HEAD:refs/heads/experiment"])
        #expect(detached.status != 0 && detached.stdout.contains("HEAD → origin refs/heads/experiment"), "\(detached.stdout)\(detached.stderr)")

        try Sandbox.git(["clone", "-q", "-b", "main", "--depth", "1", "file://" + box.root.appendingPathComponent("remote.git").path, "shallow"], in: box.root)
        let shallow = box.root.appendingPathComponent("shallow")
        #expect(try CLI.run(["hook", "install"], cwd: shallow).status == 0)
        try "FROM python:3.12-alpine\nCMD [\"python\"]\n".write(to: shallow.appendingPathComponent("api/Dockerfile"), atomically: true, encoding: .utf8)
        try Sandbox.git(["commit", "-qam", "root in a shallow clone"], in: shallow)
        let refused = try Sandbox.git(["push", "origin", "HEAD:main"], in: shallow, check: false)
        #expect(refused.status != 0 && refused.stdout.contains("root-user at api/Dockerfile"), "\(refused.stdout)\(refused.stderr)")
    }

    /// The settings and the team's rules come from the pushed commit too.
    @Test func settingsAndRuleDirectoriesOfThePushedCommitApply() throws {
        let box = try Sandbox()
        try box.commit(["api/Dockerfile": Self.good + "RUN apt-get update && apt-get upgrade -y\n",
                        ".todoaudit.yml": "rules_dirs: [policy]\nfail_on: low\ndisabled_rules: [apt-upgrade]\n",
                        "policy/TA9001-acme-no-upgrade.yml": UserRulesTests.rule], "api with team rules")
        #expect(try box.install().status == 0)
        let pushed = try box.push()
        #expect(pushed.status != 0, "the team rule (low) fails fail_on: low")
        #expect(pushed.stdout.contains("TA9001 acme-no-upgrade") && !pushed.stdout.contains("TA1018"), "\(pushed.stdout)\(pushed.stderr)")
    }

    @Test func deletedAndBinaryDockerfilesDoNotBlockUnseen() throws {
        let box = try Sandbox()
        try box.commit(["a/Dockerfile": Self.good, "b/Dockerfile": Self.good], "two")
        #expect(try box.install().status == 0)
        #expect(try box.push().status == 0)
        try box.git(["rm", "-q", "a/Dockerfile"])
        try box.git(["commit", "-qm", "drop a"])
        let dropped = try box.push()
        #expect(dropped.status == 0, "\(dropped.stdout)\(dropped.stderr)")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0xFF, 0xFE] + Array(repeating: 0, count: 64))
            .write(to: box.work.appendingPathComponent("b/Dockerfile"))
        try box.git(["commit", "-qam", "binary"])
        let binary = try box.push()
        // Said, not hidden: the file is not a Dockerfile, so there is nothing to hold the push for.
        #expect(binary.stdout.contains("b: not audited: b/Dockerfile: not a valid Dockerfile: the file is binary"), "\(binary.stdout)")
        #expect(binary.status == 0, "\(binary.stderr)")
    }

    @Test func installRespectsOtherHooksAndHooksPath() throws {
        let box = try Sandbox()
        let hooks = box.work.appendingPathComponent(".git/hooks")
        let foreign = "#!/bin/sh\ncat > \"$(dirname \"$0\")/../chained-ran\"\nexit 0\n"
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try foreign.write(to: hooks.appendingPathComponent("pre-push"), atomically: true, encoding: .utf8)
        chmod(hooks.appendingPathComponent("pre-push").path, 0o755)
        let refused = try box.install()
        #expect(refused.status == 2 && refused.stderr.contains("--chain") && refused.stderr.contains("--force"))
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-push"), encoding: .utf8) == foreign)
        #expect(try box.install(["--chain"]).status == 0)
        try box.commit(["Dockerfile": Self.good], "one")
        let pushed = try box.push()
        #expect(pushed.status == 0, "\(pushed.stdout)\(pushed.stderr)")
        // The chained hook saw git's input too.
        let seen = try String(contentsOf: box.work.appendingPathComponent(".git/chained-ran"), encoding: .utf8)
        #expect(seen.hasPrefix("refs/heads/main "))
        let removed = try CLI.run(["hook", "uninstall"], cwd: box.work)
        #expect(removed.status == 0)
        #expect(try String(contentsOf: hooks.appendingPathComponent("pre-push"), encoding: .utf8) == foreign, "the chained hook is back")
        #expect(try CLI.run(["hook", "uninstall"], cwd: box.work).status == 2, "not ours: left alone")
        #expect(try box.install(["--force"]).status == 0)
        // core.hooksPath is where git looks, so that is where the hook goes.
        try box.git(["config", "core.hooksPath", "githooks"])
        let moved = try box.install()
        #expect(moved.status == 0 && moved.stdout.contains("githooks/pre-push"), "\(moved.stdout)")
    }

    @Test func failuresSayWhatHappenedAndHowToBypass() throws {
        let outside = try CLI.temporaryDirectory()
        let r = try CLI.run(["hook", "pre-push", "origin"], cwd: outside)
        #expect(r.status == 2 && r.stderr.contains("not inside a git repository"))
        #expect(try CLI.run(["hook", "install"], cwd: outside).status == 2)
        let box = try Sandbox()
        #expect(try box.install().status == 0)
        // The installed script turns todoaudit's own failure into a block that says so.
        let script = box.work.appendingPathComponent(".git/hooks/pre-push").path
        let broken = try CLI.run([script, "origin", "../remote.git"], stdin: Data("not git's input\n".utf8), cwd: box.work,
                                 executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("pre-push input line 1") && broken.stderr.contains("the pre-push hook failed (exit 2)")
                && broken.stderr.contains("git push --no-verify"), "\(broken.stderr)")
    }
}
