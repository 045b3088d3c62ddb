import Foundation
import PackagePlugin

/// Compiles the repository's `Rules/` into the target as Swift string literals, so the
/// binary carries its rules and works from any directory.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appendingPathComponent("Rules")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedRules.swift")
        let files = (FileManager.default.enumerator(atPath: rules.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yml") }
            .sorted()
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files from Rules/",
                executable: try context.tool(named: "RulesEmbedder").url,
                arguments: [rules.path, output.path],
                inputFiles: files.map { rules.appendingPathComponent($0) } + [rules],
                outputFiles: [output]
            )
        ]
    }
}
