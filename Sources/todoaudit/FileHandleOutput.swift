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
    /// leaves half a report behind. A device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO)
    /// is written in place: renaming a file over it would replace it, as root even /dev/null.
    static func write(_ text: String, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
            defer { try? handle.close() }
            try handle.write(contentsOf: Data(text.utf8))
            return
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
