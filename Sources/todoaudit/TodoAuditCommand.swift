import ArgumentParser
import Foundation
import TodoAuditKit

@main
struct TodoAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "todoaudit",
        abstract: "Audit Dockerfiles, build contexts and container images: root execution, build tools, secrets, hardening.",
        discussion: """
        Exit codes: 0 the policy passed, 1 the policy failed (--fail-on, --fail-under), \
        2 an input could not be read or parsed, 64 a usage mistake.
        """,
        version: TodoAudit.version,
        subcommands: [Scan.self, ContextCommand.self, SecretsCommand.self, SBOMCommand.self, RulesCommand.self, HookCommand.self],
        defaultSubcommand: Scan.self
    )
}

/// The embedded rule catalog, or the one-line error that it does not load.
func loadCatalog(_ loaded: Result<RuleCatalog, some Error>) throws -> RuleCatalog {
    switch loaded {
    case .success(let catalog): return catalog
    case .failure(let error): throw fail("rules: \(error)")
    }
}

/// The built-in rules with the user's rule directories (`rules_dirs`, `--rules`) added.
func loadCatalog(adding directories: [String]) throws -> RuleCatalog {
    var catalog = try loadCatalog(RuleCatalog.builtIn)
    for directory in directories {
        do { catalog = try catalog.adding(try RuleCatalog.directory(directory, weights: catalog.weights)) } catch {
            throw fail("rules: \(error)")
        }
    }
    return catalog
}

/// `SOURCE_DATE_EPOCH`, when set and not empty: SBOM timestamps use it instead of the image's date.
var sourceDateEpoch: String? {
    ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { $0.isEmpty ? nil : $0 }
}

/// Prints one line to stderr and exits with `code`.
func fail(_ message: String, code: Int32 = 2) -> ExitCode {
    var stderr = StandardError()
    print("todoaudit: \(message)", to: &stderr)
    return ExitCode(code)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.writeStderr(string)
    }
}
