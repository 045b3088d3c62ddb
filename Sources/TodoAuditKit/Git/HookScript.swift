import Foundation

/// The `pre-push` hook todoaudit writes: a POSIX shell script that runs
/// `todoaudit hook pre-push` with git's arguments and standard input, optionally after the
/// hook that was there before, and that reports its own failure as such.
public enum HookScript {
    /// The line that tells todoaudit's hook from any other.
    public static let marker = "# todoaudit pre-push hook"
    /// Where a chained hook is kept, beside ours.
    public static let chainedName = "pre-push.todoaudit-chained"

    public enum Problem: Error, Sendable, CustomStringConvertible {
        case foreignHook(String)
        case notOurs(String)
        case io(String)

        public var description: String {
            switch self {
            case .foreignHook(let path):
                return "\(path) exists and was not written by todoaudit; use --chain to run it before todoaudit's, or --force to replace it"
            case .notOurs(let path): return "\(path) was not written by todoaudit; left alone"
            case .io(let message): return message
            }
        }
    }

    /// The script. `binary` is the todoaudit to run (the one installing, by absolute path,
    /// found on PATH when it has moved); `options` are passed to `hook pre-push`.
    public static func text(binary: String, options: [String], chained: Bool) -> String {
        let quoted = (options.map(shellQuoted)).joined(separator: " ")
        var lines = [
            "#!/bin/sh",
            marker + " (written by `todoaudit hook install`; remove with `todoaudit hook uninstall`)",
            "todoaudit=\(shellQuoted(binary))",
            "[ -x \"$todoaudit\" ] || todoaudit=$(command -v todoaudit) || { echo 'todoaudit: the pre-push hook cannot find todoaudit; push blocked (git push --no-verify to skip it)' >&2; exit 1; }",
            "input=$(cat)",
        ]
        if chained {
            lines += [
                "hooks=$(dirname \"$0\")",
                "if [ -x \"$hooks/\(chainedName)\" ]; then",
                "  printf '%s\\n' \"$input\" | \"$hooks/\(chainedName)\" \"$@\" || exit $?",
                "fi",
            ]
        }
        lines += [
            "printf '%s\\n' \"$input\" | \"$todoaudit\" hook pre-push \(quoted) \"$@\"",
            "status=$?",
            // 0 passes, 1 is the policy; anything else is todoaudit failing, never a silent block.
            "if [ \"$status\" -gt 1 ]; then",
            "  echo \"todoaudit: the pre-push hook failed (exit $status), so the push is blocked; git push --no-verify skips the hook\" >&2",
            "  exit 1",
            "fi",
            "exit $status",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public static func isOurs(_ path: String) -> Bool {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return false }
        return text.split(separator: "\n").prefix(3).contains { $0.hasPrefix(marker) }
    }

    /// Writes the hook into `hooks`. An existing hook that is not todoaudit's is refused,
    /// replaced (`force`) or kept and run first (`chain`).
    public static func install(into hooks: String, binary: String, options: [String], force: Bool, chain: Bool) throws(Problem) -> String {
        let fm = FileManager.default
        let path = (hooks as NSString).appendingPathComponent("pre-push")
        let chainedPath = (hooks as NSString).appendingPathComponent(chainedName)
        do {
            try fm.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            if fm.fileExists(atPath: path) && !isOurs(path) {
                if chain {
                    if fm.fileExists(atPath: chainedPath) { try fm.removeItem(atPath: chainedPath) }
                    try fm.moveItem(atPath: path, toPath: chainedPath)
                } else if force {
                    try fm.removeItem(atPath: path)
                } else {
                    throw Problem.foreignHook(path)
                }
            }
            let chained = fm.fileExists(atPath: chainedPath)
            try text(binary: binary, options: options, chained: chained).write(toFile: path, atomically: true, encoding: .utf8)
            try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .io("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }

    /// Removes todoaudit's hook and puts back the one it chained, if any.
    public static func uninstall(from hooks: String) throws(Problem) -> String {
        let fm = FileManager.default
        let path = (hooks as NSString).appendingPathComponent("pre-push")
        let chainedPath = (hooks as NSString).appendingPathComponent(chainedName)
        guard fm.fileExists(atPath: path) else { throw .io("\(path): no pre-push hook installed") }
        guard isOurs(path) else { throw .notOurs(path) }
        do {
            try fm.removeItem(atPath: path)
            if fm.fileExists(atPath: chainedPath) { try fm.moveItem(atPath: chainedPath, toPath: path) }
        } catch {
            throw .io("cannot remove \(path): \(error.localizedDescription)")
        }
        return path
    }
}
