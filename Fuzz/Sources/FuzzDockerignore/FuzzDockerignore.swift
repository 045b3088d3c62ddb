import FuzzSupport
import TodoAuditKit

/// `.dockerignore` text, a NUL, then one path per line: the file is parsed and every path
/// (and each of the file's own patterns, read as a path) is matched the ways the context
/// walk matches it: directly, and component by component with verdicts handed down.
func fuzzDockerignore(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let ignore = IgnoreFile(text: input.text())
    let paths = input.text().split(separator: "\n").prefix(64).map(String.init) + ignore.lines.prefix(16).map(\.pattern.text)
    // COPY sources use the same matcher with their own syntax.
    let copySource = paths.first.flatMap { PathPattern($0, syntax: .copySource) }
    for path in paths {
        _ = copySource?.matches(path)
        _ = ignore.excludes(path)
        _ = ignore.excludingLine(path)
        _ = ignore.mayInclude(below: path)
        var verdict: IgnoreFile.Verdict?
        var walked = ""
        for component in IgnoreFile.normalized(path).split(separator: "/").prefix(32) {
            walked += walked.isEmpty ? String(component) : "/" + component
            verdict = ignore.verdict(walked, parent: verdict)
        }
    }
    return 0
}
