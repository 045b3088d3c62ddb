import ArgumentParser
import Foundation
import TodoAuditKit

struct SecretsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Scan files and directories for secrets (tokens, keys, passwords) and report where they are.",
        discussion: """
        Every regular file under each PATH is read (symlinks are not followed, .git is \
        skipped); binary files and files over secrets.max_file_size are skipped and counted. \
        Secrets are shown redacted. Allow known values with secrets.allow in .todoaudit.yml \
        or a todoaudit:allow comment on the line. Without --fail-on the run fails on findings \
        of severity high or above.
        """
    )

    @Argument(help: "Files or directories to scan.")
    var paths: [String]

    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: "Threads scanning files (default: one per core).")
    var jobs: Int?

    @Option(name: .long, help: "Skip files larger than this (e.g. 32MiB; overrides secrets.max_file_size).")
    var maxFileSize: String?

    @Flag(name: .long, help: "Also scan binary files (a NUL byte in the first 8 KiB).")
    var scanBinary = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or directory.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let maxFileSize, (ByteSize.parse(maxFileSize) ?? 0) < 1 {
            throw ValidationError("--max-file-size takes a size such as 32MiB or 500KB.")
        }
    }

    func run() throws {
        let catalog = try loadCatalog(RuleCatalog.builtIn)
        var configuration = try report.configuration(near: paths[0])
        if let maxFileSize, let bytes = ByteSize.parse(maxFileSize) { configuration.secrets.maxFileBytes = Int(min(bytes, Int64(Int32.max))) }
        if scanBinary { configuration.secrets.scanBinary = true }
        var audit = FileSecretAudit(engine: RuleEngine(catalog: catalog, configuration: configuration))
        if let jobs { audit.jobs = jobs }
        let result: AuditReport
        do { result = try audit.audit(paths: paths) } catch { throw fail(error.description) }
        try report.write(result)
        if result.failsPolicy(failUnder: nil, failOn: report.failOn ?? configuration.failOn ?? .high) { throw ExitCode(1) }
    }
}
