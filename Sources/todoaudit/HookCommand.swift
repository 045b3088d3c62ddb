import ArgumentParser
import Foundation
import TodoAuditKit

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install, remove or run the git pre-push hook that audits what a push publishes.",
        subcommands: [Install.self, Uninstall.self, PrePush.self, PreCommit.self]
    )

    /// The repository around the current directory, or the one-line error.
    static func repository() throws -> GitRepository {
        guard let repository = GitRepository(at: FileManager.default.currentDirectoryPath) else {
            throw fail("not inside a git repository (run this from a working tree)")
        }
        return repository
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write .git/hooks/pre-push (or into core.hooksPath) to run `todoaudit hook pre-push`."
        )

        @Option(name: .long, help: "Block a push whose audit scores below N (0-10).")
        var minScore: Int?

        @Option(name: .long, help: "Block a push with a finding of this severity or above (default: high, or .todoaudit.yml's fail_on).")
        var failOn: Severity?

        @Flag(name: .long, help: "Replace a pre-push hook todoaudit did not write.")
        var force = false

        @Flag(name: .long, help: "Keep an existing pre-push hook and run it before todoaudit's.")
        var chain = false

        func validate() throws {
            if let minScore, !(0...10).contains(minScore) { throw ValidationError("--min-score takes a score from 0 to 10.") }
            if force && chain { throw ValidationError("--force and --chain exclude each other.") }
        }

        func run() throws {
            let repository = try HookCommand.repository()
            let hooks: String
            do { hooks = try repository.hooksDirectory() } catch { throw fail(error.description) }
            var options: [String] = []
            if let minScore { options += ["--fail-under", String(minScore)] }
            if let failOn { options += ["--fail-on", failOn.rawValue] }
            let binary = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
            let path: String
            do { path = try HookScript.install(into: hooks, binary: binary, options: options, force: force, chain: chain) } catch {
                throw fail(error.description)
            }
            print("todoaudit: installed \(path)")
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove todoaudit's pre-push hook (and put back a hook it chained).")

        func run() throws {
            let repository = try HookCommand.repository()
            do {
                let path = try HookScript.uninstall(from: try repository.hooksDirectory())
                print("todoaudit: removed todoaudit's hook from \(path)")
            } catch let error as HookScript.Problem {
                throw fail(error.description)
            } catch {
                throw fail("\(error)")
            }
        }
    }

    struct PreCommit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-commit",
            abstract: "For the pre-commit framework: audit the build contexts (directories holding a Dockerfile) that hold the given files.",
            discussion: """
            Each FILE belongs to the nearest directory at or above it that holds a Dockerfile             (Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile); those directories are scanned             as `todoaudit scan DIR` would, in the working tree. Files in no context are ignored.
            """
        )

        @Argument(help: "Files the commit changes (pre-commit passes them).")
        var files: [String] = []

        @Option(name: .long, help: "Fail when the score is below N.")
        var failUnder: Int?

        @Option(name: .long, help: "Fail on a finding of this severity or above (default: high).")
        var failOn: Severity?

        /// The directory at or above `file` that holds a Dockerfile, not above the working directory.
        static func context(of file: String) -> String? {
            let fm = FileManager.default
            let top = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            var directory = URL(fileURLWithPath: file).standardizedFileURL
            if !(fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
                directory = directory.deletingLastPathComponent()
            }
            while directory.path.hasPrefix(top) {
                if let names = try? fm.contentsOfDirectory(atPath: directory.path), names.contains(where: Auditor.isDockerfileName) {
                    let path = directory.path
                    return path == top ? "." : String(path.dropFirst(top.count + 1))
                }
                if directory.path == top || directory.path == "/" { break }
                directory = directory.deletingLastPathComponent()
            }
            return nil
        }

        func run() throws {
            let contexts = Set(files.compactMap(Self.context(of:))).sorted()
            guard !contexts.isEmpty else { return }
            var configuration = AuditConfiguration()
            if let file = ConfigurationFile.discover(from: contexts[0]) {
                do { configuration = try ConfigurationFile.load(file) } catch { throw fail("configuration: \(error)") }
            }
            let catalog = try loadCatalog(adding: configuration.ruleDirectories)
            let report: AuditReport
            do { report = try Auditor(engine: RuleEngine(catalog: catalog, configuration: configuration)).audit(paths: contexts) } catch {
                throw fail(error.description)
            }
            FileHandleOutput.writeStdout(OutputFormat.text.render(report, color: false))
            let failOn = self.failOn ?? configuration.failOn
            let failUnder = self.failUnder ?? configuration.failUnder
            if report.failsPolicyOrDefault(failUnder: failUnder, failOn: failOn) { throw ExitCode(1) }
        }
    }

    /// Hook output goes straight to stdout, in order with the reports (print buffers).
    static func say(_ line: String) {
        FileHandleOutput.writeStdout(line + "\n")
    }

    struct PrePush: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-push",
            abstract: "Git's pre-push hook: audit the build contexts the pushed commits touch, as they are in those commits.",
            discussion: """
            Reads git's '<local ref> <local sha> <remote ref> <remote sha>' lines from standard \
            input. Exit 0 lets the push go, 1 blocks it; git push --no-verify skips the hook.
            """
        )

        @Argument(help: "The remote's name (git passes it).")
        var remote: String

        @Argument(help: "The remote's URL (git passes it; unused).")
        var url: String?

        @Option(name: .long, help: "Block when the score is below N.")
        var failUnder: Int?

        @Option(name: .long, help: "Block on a finding of this severity or above.")
        var failOn: Severity?

        func run() throws {
            let repository = try HookCommand.repository()
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let audit = PushAudit(repository: repository, remote: remote)
            let targets: [PushAudit.Target]
            do { targets = try audit.targets(try PushUpdate.parse(input)) } catch { throw fail(error.description) }
            guard !targets.isEmpty else {
                HookCommand.say("todoaudit: nothing in this push touches a Dockerfile or its build context; not audited")
                return
            }
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-push-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let start = FileManager.default.currentDirectoryPath
            defer { FileManager.default.changeCurrentDirectoryPath(start) }
            var blocked: [String] = []
            for (index, target) in targets.enumerated() {
                let directory = (scratch as NSString).appendingPathComponent(String(index))
                do { try audit.export(target, into: directory) } catch { throw fail(error.description) }
                // Paths in the report read as in the repository: audit from the export's root.
                FileManager.default.changeCurrentDirectoryPath(directory)
                var configuration = AuditConfiguration()
                if let file = ConfigurationFile.names.first(where: { FileManager.default.fileExists(atPath: $0) }) {
                    do { configuration = try ConfigurationFile.load(file) } catch { throw fail("\(target.commit.prefix(12)):\(file): \(error)") }
                    // The team's rule directories come from the same commit.
                    let relative = configuration.ruleDirectories.filter { !$0.hasPrefix("/") }.map { IgnoreFile.normalized($0) }
                    do { try audit.export(target, paths: relative, into: directory) } catch { throw fail(error.description) }
                }
                let engine = RuleEngine(catalog: try loadCatalog(adding: configuration.ruleDirectories), configuration: configuration)
                let contexts = target.contexts.map { $0.isEmpty ? "." : $0 }
                HookCommand.say("todoaudit: \(target.update.localRef) → \(remote) \(target.update.remoteRef) (\(target.commit.prefix(12))): \(target.changed.count) changed file\(target.changed.count == 1 ? "" : "s"), auditing \(contexts.joined(separator: ", "))")
                var reports: [AuditReport] = []
                for context in contexts {
                    do {
                        reports.append(try Auditor(engine: engine).audit(paths: [context]))
                    } catch {
                        // A file named Dockerfile that is not one must not block the push unseen.
                        HookCommand.say("todoaudit: \(context): not audited: \(error.description)")
                    }
                }
                for report in reports {
                    FileHandleOutput.writeStdout(OutputFormat.text.render(report, color: false))
                    let failOn = self.failOn ?? configuration.failOn
                    let failUnder = self.failUnder ?? configuration.failUnder
                    if report.failsPolicyOrDefault(failUnder: failUnder, failOn: failOn) { blocked.append(report.targets.first?.path ?? "?") }
                }
            }
            guard blocked.isEmpty else {
                var stderr = StandardError()
                print("""
                    todoaudit: push blocked: the audit of \(blocked.joined(separator: ", ")) fails the policy.
                      Fix the findings above, or suppress one: `# todoaudit ignore=RULE-NAME` on the line before it in the
                      Dockerfile, or `disabled_rules: [RULE-NAME]` in .todoaudit.yml.
                      To push anyway: git push --no-verify
                    """, to: &stderr)
                throw ExitCode(1)
            }
            HookCommand.say("todoaudit: the push passes the audit")
        }
    }
}
