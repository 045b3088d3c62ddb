import DockerfileSyntax
import ImageModel

/// Which Dockerfile instruction made which image layer, matched from the image history's
/// `created_by` (BuildKit: `RUN /bin/sh -c … # buildkit`, `COPY src dst # buildkit`; the
/// classic builder: `/bin/sh -c #(nop) COPY file:… in /dst`), newest layers first.
enum LayerOrigins {
    enum Step: Equatable {
        case run(String)
        case copy(kind: String, text: String?)
    }

    /// Layer index → the instruction's first line.
    static func map(_ image: ImageFacts, to facts: DockerfileFacts) -> [Int: Int] {
        var candidates: [(Step, Int)] = []
        for instruction in facts.shippedInstructions {
            switch instruction.kind {
            case .run:
                candidates.append((.run(collapse(instruction.arguments)), instruction.lines.start))
            case .copy, .add:
                let kind = instruction.kind.rawValue.uppercased()
                candidates.append((.copy(kind: kind, text: collapse(instruction.words.joined(separator: " "))), instruction.lines.start))
            default:
                break
            }
        }
        var out: [Int: Int] = [:]
        var next = candidates.count - 1
        for entry in image.history.reversed() {
            guard !entry.emptyLayer, let layer = entry.layer, let step = step(entry.createdBy) else { continue }
            var i = next
            while i >= 0 {
                if matches(step, candidates[i].0) {
                    out[layer] = candidates[i].1
                    next = i - 1
                    break
                }
                i -= 1
            }
        }
        return out
    }

    static func matches(_ fromHistory: Step, _ fromDockerfile: Step) -> Bool {
        switch (fromHistory, fromDockerfile) {
        case (.run(let a), .run(let b)): return a == b
        case (.copy(let k1, let t1), .copy(let k2, let t2)):
            // The classic builder records `file:<hash> in /dst`: the kind is all there is to match.
            return k1 == k2 && (t1 == nil || t1 == t2)
        default: return false
        }
    }

    /// What a history line says was run or copied.
    static func step(_ createdBy: String) -> Step? {
        var s = Substring(createdBy)
        if s.hasSuffix(" # buildkit") { s = s.dropLast(" # buildkit".count) }
        if s.hasPrefix("RUN ") { s = s.dropFirst(4) }
        if s.hasPrefix("|"), let space = s.firstIndex(of: " "), let count = Int(s[s.index(after: s.startIndex)..<space]) {
            // Build arguments precede the command: `|2 A=b C=d /bin/sh -c …`.
            var words = s[s.index(after: space)...].split(separator: " ", maxSplits: count, omittingEmptySubsequences: true)
            if words.count > count { words.removeFirst(count) }
            s = words.last ?? ""
        }
        if s.hasPrefix("/bin/sh -c #(nop) ") {
            let rest = s.dropFirst("/bin/sh -c #(nop) ".count).drop { $0 == " " }
            for kind in ["COPY", "ADD"] where rest.hasPrefix(kind + " ") {
                let text = collapse(String(rest.dropFirst(kind.count + 1)))
                return .copy(kind: kind, text: text.hasPrefix("file:") || text.hasPrefix("dir:") || text.hasPrefix("multi:") ? nil : text)
            }
            return nil
        }
        if s.hasPrefix("/bin/sh -c ") { return .run(collapse(String(s.dropFirst("/bin/sh -c ".count)))) }
        for kind in ["COPY", "ADD"] where s.hasPrefix(kind + " ") {
            return .copy(kind: kind, text: collapse(String(s.dropFirst(kind.count + 1))))
        }
        return nil
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
