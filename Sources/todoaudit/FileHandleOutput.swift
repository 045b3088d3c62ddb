import Foundation

/// Where the CLI writes: stdout, stderr, or a file given with `-o`.
enum FileHandleOutput {
    static func writeStderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func writeStdout(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes the whole report to `path` through a temporary file, so a failed run never
    /// leaves half a report behind.
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
