/// One image history `created_by` line taken apart, in the forms builders write:
/// BuildKit's `RUN |2 A=b C=d /bin/sh -c cmd # buildkit` and `COPY src dst # buildkit`, the
/// classic builder's `/bin/sh -c cmd` and `/bin/sh -c #(nop)  COPY file:… in /dst`, and bare
/// metadata steps (`USER app`, `ENV A=b`). Parsed in one place for the layer table, the
/// history secret rule and the Dockerfile line mapping.
struct HistoryStep {
    enum Kind: Equatable { case run, copy, add, metadata }

    var kind: Kind
    /// The command of a RUN, the arguments of a COPY/ADD, the whole text of anything else.
    var text: String
    /// `|N A=b …`: the build arguments in scope, values as recorded (they may be secrets).
    var buildArguments: [(name: String, value: String)]

    init(_ createdBy: String) {
        var s = Substring(createdBy)
        if s.hasSuffix(" # buildkit") { s = s.dropLast(" # buildkit".count) }
        s = s.drop { $0 == " " }
        var run = false
        if s.hasPrefix("RUN ") {
            run = true
            s = s.dropFirst(4)
        }
        buildArguments = []
        if s.hasPrefix("|"), let space = s.firstIndex(of: " "), let count = Int(s[s.index(after: s.startIndex)..<space]) {
            var words = s[s.index(after: space)...].split(separator: " ", maxSplits: count, omittingEmptySubsequences: true)
            for word in words.prefix(count) {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.count == 2 { buildArguments.append((String(parts[0]), String(parts[1]))) }
            }
            words.removeFirst(min(count, words.count))
            s = words.first ?? ""
        }
        if s.hasPrefix("/bin/sh -c #(nop) ") {
            s = s.dropFirst("/bin/sh -c #(nop) ".count).drop { $0 == " " }
            run = false
        } else if s.hasPrefix("/bin/sh -c ") {
            s = s.dropFirst("/bin/sh -c ".count)
            run = true
        }
        let trimmed = String(s).trimmingWhitespace()
        if run {
            kind = .run
            text = trimmed
        } else if trimmed.hasPrefix("COPY ") {
            kind = .copy
            text = String(trimmed.dropFirst(5))
        } else if trimmed.hasPrefix("ADD ") {
            kind = .add
            text = String(trimmed.dropFirst(4))
        } else {
            kind = .metadata
            text = trimmed
        }
    }

    /// `RUN apk add gcc`, `COPY . /app`, `USER app`: without build-argument values, runs of
    /// blanks (left by joined continuation lines) folded.
    var display: String {
        let folded = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        switch kind {
        case .run: return "RUN " + folded
        case .copy: return "COPY " + folded
        case .add: return "ADD " + folded
        case .metadata: return folded
        }
    }
}
