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
        let step = HistoryStep(createdBy)
        switch step.kind {
        case .run:
            return .run(collapse(step.text))
        case .copy, .add:
            let text = collapse(step.text)
            // The classic builder records `file:<hash> in /dst`: only the kind can match.
            let classic = text.hasPrefix("file:") || text.hasPrefix("dir:") || text.hasPrefix("multi:")
            return .copy(kind: step.kind == .copy ? "COPY" : "ADD", text: classic ? nil : text)
        case .metadata:
            return nil
        }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
