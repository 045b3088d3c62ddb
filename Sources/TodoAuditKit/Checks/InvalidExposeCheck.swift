import DockerfileSyntax

/// EXPOSE of something that is not `port[-port][/tcp|udp|sctp]` with ports 1–65535
/// (`EXPOSE 80:80` maps ports at run time, not in the image).
struct InvalidExposeCheck: DockerfileCheck {
    func evaluate(_ facts: DockerfileFacts, _ input: CheckInput) -> [Violation] {
        var out: [Violation] = []
        for instruction in facts.stageInstructions where instruction.kind == .expose {
            if let bad = instruction.words.first(where: { !Self.isValid($0) }) {
                out.append(Violation(instruction, "EXPOSE \(bad) is not a valid port; write port[/tcp|/udp] with a port from 1 to 65535", evidence: bad))
            }
        }
        return out
    }

    static func isValid(_ spec: String) -> Bool {
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        if parts.count == 2 && !["tcp", "udp", "sctp"].contains(parts[1].lowercased()) { return false }
        let range = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard range.count <= 2 else { return false }
        let ports = range.map { p -> Int? in
            guard !p.isEmpty, p.count <= 5, p.allSatisfy(\.isASCII), p.allSatisfy(\.isNumber) else { return nil }
            return Int(p)
        }
        guard ports.allSatisfy({ $0 != nil && (1...65535).contains($0!) }) else { return false }
        return ports.count == 1 || ports[0]! <= ports[1]!
    }
}
