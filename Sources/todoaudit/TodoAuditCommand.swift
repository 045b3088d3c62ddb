import ArgumentParser
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
        subcommands: [Scan.self, SecretsCommand.self, SBOMCommand.self, RulesCommand.self],
        defaultSubcommand: Scan.self
    )
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
