import DockerfileSyntax

/// A COPY or ADD of several sources whose destination does not end in `/`: the Dockerfile
/// reference requires a directory written with its trailing slash, and the classic builder
/// refuses the line. `.` and `..` are directories already and pass.
struct CopyDestinationCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .copy || instruction.kind == .add {
            let words = instruction.words
            guard words.count >= 3, let destination = words.last, !Self.isDirectory(destination) else { continue }
            let keyword = instruction.keyword.uppercased()
            out.append(Violation(instruction, "\(keyword) of \(words.count - 1) sources into '\(destination)' needs a directory destination; write '\(destination)/'", evidence: destination))
        }
        return out
    }

    static func isDirectory(_ destination: String) -> Bool {
        // An unexpanded variable may well end in a slash.
        if destination.contains("$") { return true }
        if destination.hasSuffix("/") || destination.hasSuffix("\\") { return true }
        let last = destination.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? destination
        return last == "." || last == ".."
    }
}
