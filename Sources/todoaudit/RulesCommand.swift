import ArgumentParser
import TodoAuditKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, or show one rule with its examples."
    )

    enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(help: "A rule id (TA1001) or name (root-user) to show in full.")
    var rule: String?

    @Option(name: .long, help: "List format: text or markdown (the README's table).")
    var format: ListFormat = .text

    func run() throws {
        let catalog = try loadCatalog(RuleCatalog.builtInWithExamples)
        if let rule {
            guard let found = catalog.rule(named: rule) else {
                throw fail("no rule named '\(rule)' (see todoaudit rules)")
            }
            FileHandleOutput.writeStdout(RuleTable.detail(found))
            return
        }
        switch format {
        case .text: FileHandleOutput.writeStdout(RuleTable.text(catalog.rules))
        case .markdown: FileHandleOutput.writeStdout(RuleTable.markdown(catalog.rules))
        }
    }
}
