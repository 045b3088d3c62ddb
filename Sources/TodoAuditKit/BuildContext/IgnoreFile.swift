import Foundation

/// A `.dockerignore` as Docker reads it (moby's `ignorefile.ReadAll` and pattern matcher):
/// lines starting with `#` are comments, blank lines are skipped, each line is trimmed,
/// `!` makes it an exception, the pattern is cleaned like a path (`./`, `//`, `..` and a
/// trailing `/` go, a leading `/` too). The last matching line wins, and a pattern that
/// matches a directory matches everything below it.
public struct IgnoreFile: Sendable {
    public struct Line: Sendable, Hashable {
        public var number: Int
        /// Cleaned, without its `!`.
        public var pattern: PathPattern
        public var isException: Bool
    }

    /// A line Docker refuses (the build fails with "syntax error in pattern").
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var text: String
        public var reason: String
    }

    /// Where it was read from, relative to the context (`.dockerignore`, `app.Dockerfile.dockerignore`).
    public var path: String
    public var lines: [Line]
    public var problems: [Problem]

    public init(text: String, path: String = ".dockerignore") {
        self.path = path
        var lines: [Line] = []
        var problems: [Problem] = []
        var number = 0
        for var raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            if number == 1, raw.hasPrefix("\u{FEFF}") { raw = raw.dropFirst() }
            if raw.hasPrefix("#") { continue }
            var pattern = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if pattern.isEmpty { continue }
            let isException = pattern.hasPrefix("!")
            if isException { pattern = String(pattern.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines) }
            if pattern.isEmpty {
                problems.append(Problem(line: number, text: String(raw), reason: "an exception (!) needs a pattern"))
                continue
            }
            pattern = Self.clean(pattern)
            if pattern.count > 1 && pattern.hasPrefix("/") { pattern = String(pattern.dropFirst()) }
            guard let compiled = PathPattern(pattern) else {
                problems.append(Problem(line: number, text: String(raw), reason: "syntax error in pattern (an unclosed or empty [ ], a bad range, or a trailing \\)"))
                continue
            }
            lines.append(Line(number: number, pattern: compiled, isException: isException))
        }
        self.lines = lines
        self.problems = problems
    }

    /// Whether any line is an exception: an excluded directory must then still be walked.
    public var hasExceptions: Bool { lines.contains { $0.isException } }

    /// What each line said about a directory, handed down to its entries so a path's
    /// parents are not matched again (moby's `MatchesUsingParentResults`). One bit per line
    /// for up to 64 lines, so a verdict costs no allocation.
    public struct Verdict: Sendable {
        public var excluded: Bool
        fileprivate var bits: UInt64 = 0
        fileprivate var more: [Bool]?

        fileprivate func matched(_ index: Int) -> Bool {
            if let more { return more[index] }
            return bits & (1 << UInt64(index)) != 0
        }

        fileprivate mutating func set(_ index: Int, count: Int) {
            if count <= 64 {
                bits |= 1 << UInt64(index)
            } else {
                if more == nil { more = [Bool](repeating: false, count: count) }
                more![index] = true
            }
        }
    }

    /// The verdict for `path` (relative, `/`-separated, cleaned); `parent` is its
    /// directory's verdict, or nil for an entry at the context root.
    public func verdict(_ path: String, parent: Verdict?) -> Verdict {
        var verdict = Verdict(excluded: false)
        for index in lines.indices {
            let line = lines[index]
            var match = parent?.matched(index) ?? false
            if !match {
                // An exclusion that already holds, or an exception with nothing to undo, cannot change the answer.
                if line.isException != verdict.excluded { continue }
                match = line.pattern.matches(path)
            }
            if match {
                verdict.set(index, count: lines.count)
                verdict.excluded = !line.isException
            }
        }
        return verdict
    }

    /// Whether `path` is left out of the context.
    public func excludes(_ path: String) -> Bool {
        verdictFromRoot(path)?.excluded ?? false
    }

    /// The line that leaves `path` out (the last exclusion that decided it), nil when it is sent.
    public func excludingLine(_ path: String) -> Line? {
        guard let verdict = verdictFromRoot(path), verdict.excluded else { return nil }
        return lines.indices.last { verdict.matched($0) && !lines[$0].isException }.map { lines[$0] }
    }

    /// `path`'s verdict, its directories' worked out on the way down as the walk does.
    private func verdictFromRoot(_ path: String) -> Verdict? {
        var verdict: Verdict?
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
            verdict = self.verdict(prefix, parent: verdict)
        }
        return verdict
    }

    /// Whether the walk must enter an excluded directory: BuildKit does only when an
    /// exception's pattern lies inside it (`!node_modules/keep` for `node_modules`), so an
    /// exception such as `!**/keep` never brings back what an excluded directory holds.
    public func mayInclude(below directory: String) -> Bool {
        let inside = directory + "/"
        return lines.contains { $0.isException && ($0.pattern.text + "/").hasPrefix(inside) }
    }

    /// A relative path cleaned (`./rules/` → `rules`).
    public static func normalized(_ path: String) -> String { clean(path) }

    /// Go's `filepath.Clean` on a `/`-separated path: no empty, `.` or trailing parts, and
    /// `..` taken back where it can be.
    static func clean(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if rooted { continue }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
