import ArgumentParser
import DockerfileSyntax
import Foundation
import TodoAuditKit

struct ContextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "Show what a build context sends to the builder and what each COPY/ADD takes from it.",
        discussion: """
        The ignore file is chosen and read as BuildKit does (<Dockerfile>.dockerignore beside \
        the Dockerfile, else DIR/.dockerignore), the directory is walked once without following \
        symbolic links, and every COPY/ADD of every stage is resolved against what is sent. \
        Nothing is audited: use `todoaudit scan DIR` for the findings.
        """
    )

    @Argument(help: "The build context directory.")
    var directory: String = "."

    @Option(name: .long, help: "The Dockerfile (default: DIR/Dockerfile when there is one).")
    var dockerfile: String?

    @Flag(name: .long, help: "List every file sent, one per line, instead of the summary.")
    var list = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("\(directory): not a directory")
        }
        let dockerfilePath = dockerfile ?? {
            let candidate = (directory as NSString).appendingPathComponent("Dockerfile")
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }()
        let ignore: IgnoreFile?
        do { ignore = try ContextAudit.ignoreFile(context: directory, dockerfile: dockerfilePath) } catch { throw fail(error.description) }
        let tree = ContextTree(root: directory, ignore: ignore)
        if list {
            var out = ""
            for file in tree.files { out += file.path + "\n" }
            FileHandleOutput.writeStdout(out)
            return
        }
        var lines: [String] = []
        if let ignore {
            lines.append("ignore file: \(ignore.path), \(ignore.lines.count) pattern\(ignore.lines.count == 1 ? "" : "s")")
            for problem in ignore.problems { lines.append("  line \(problem.line): \(problem.text) — \(problem.reason)") }
        } else {
            lines.append("ignore file: none")
        }
        lines.append("sent: \(tree.files.count) file\(tree.files.count == 1 ? "" : "s"), \(tree.excludedCount) entr\(tree.excludedCount == 1 ? "y" : "ies") left out")
        if !tree.unreadable.isEmpty { lines.append("unreadable: " + tree.unreadable.joined(separator: ", ")) }
        if let dockerfilePath {
            let bytes: [UInt8]
            do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dockerfilePath))) } catch {
                throw fail("\(dockerfilePath): \(error.localizedDescription)")
            }
            let parsed: Dockerfile
            do { parsed = try DockerfileParser.parse(bytes: bytes) } catch { throw fail("\(dockerfilePath): \(error)") }
            let facts = ContextFacts(dockerfile: DockerfileFacts(path: dockerfilePath, dockerfile: parsed, hasDockerignore: ignore != nil),
                                     root: directory, ignore: ignore, tree: tree)
            for copy in facts.copies {
                let files = Set(copy.sources.flatMap(\.files)).count
                let stage = copy.stage.name.map { "'\($0)'" } ?? "#\(copy.stage.index)"
                let ships = copy.ships ? (copy.feedsOnly ? ", copied into the image by a later stage" : ", shipped") : ", not shipped"
                lines.append("\(copy.instruction.keyword.uppercased()) \(copy.instruction.arguments) (line \(copy.instruction.lines.start), stage \(stage)\(ships)): \(files) file\(files == 1 ? "" : "s")")
                for source in copy.sources where !source.found {
                    lines.append("  \(source.text): " + (source.excludedBy.map { "excluded by line \($0.number) (\($0.pattern.text))" } ?? "not in the context"))
                }
            }
        }
        FileHandleOutput.writeStdout(lines.joined(separator: "\n") + "\n")
    }
}
