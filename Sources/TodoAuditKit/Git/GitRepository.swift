import Foundation

/// Why a git command could not give what the hook needs.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// A git repository driven through the `git` command (the user's own git, with their
/// configuration): what a push contains, and a commit's files exported to a directory.
public struct GitRepository: Sendable {
    /// The working tree's top directory.
    public let root: String

    /// The repository holding `directory`; nil when it is not inside one.
    public init?(at directory: String) {
        guard let top = try? Self.git(["rev-parse", "--show-toplevel"], in: directory), !top.isEmpty else { return nil }
        root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Runs git in `directory`; its standard output, or an error with its first stderr line.
    @discardableResult
    static func git(_ arguments: [String], in directory: String, input: Data? = nil) throws(GitError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        // Hooks run with GIT_DIR and friends set by git: keep them, but never page or prompt.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        // stderr goes to a file: read after exit, it cannot fill a pipe and stall git.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-git-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: errorFile.path)
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do { try process.run() } catch { throw GitError(description: "cannot run git: \(error.localizedDescription)") }
        if let input, let inputPipe {
            inputPipe.fileHandleForWriting.write(input)
            try? inputPipe.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            let line = errorText.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw GitError(description: "git \(arguments.prefix(2).joined(separator: " ")): \(line)")
        }
        return data
    }

    func git(_ arguments: [String]) throws(GitError) -> Data { try Self.git(arguments, in: root) }

    func lines(_ arguments: [String]) throws(GitError) -> [String] {
        String(decoding: try git(arguments), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// Where git runs hooks from (`core.hooksPath` honoured), absolute.
    public func hooksDirectory() throws(GitError) -> String {
        let path = String(decoding: try git(["rev-parse", "--git-path", "hooks"]), as: UTF8.self).trimmingCharacters(in: .newlines)
        return path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
    }

    /// The commit a ref's object names (a tag peeled), nil when it is not one here.
    func commit(_ object: String) -> String? {
        guard let data = try? git(["rev-parse", "--verify", "--quiet", object + "^{commit}"]) else { return nil }
        let sha = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        return sha.isEmpty ? nil : sha
    }

    /// Files the commits in `local` not yet in `base` (or on no ref of `remote`, when
    /// there is no base) add, change or delete.
    func changedFiles(local: String, base: String?, remote: String) throws(GitError) -> [String] {
        var arguments = ["log", "--format=", "--name-only", "--no-renames", "-z", local]
        if let base { arguments += ["--not", base] } else { arguments += ["--not", "--remotes=\(remote)"] }
        let data = try git(arguments)
        return Array(Set(data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty && $0 != "\n" }
            .map { $0.hasPrefix("\n") ? String($0.dropFirst()) : $0 })).sorted()
    }

    /// Every file of a commit's tree.
    func files(of commit: String) throws(GitError) -> [String] {
        let data = try git(["ls-tree", "-r", "-z", "--name-only", commit])
        return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes the commit's files under `paths` (all when empty) into `directory`: git
    /// archive's tar, unpacked by tar, which refuses names leading out of the directory.
    func export(_ commit: String, paths: [String], into directory: String) throws(GitError) {
        let tar = try git(["archive", "--format=tar", commit, "--"] + paths)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-x", "--no-same-owner", "--no-same-permissions", "-C", directory, "-f", "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw GitError(description: "cannot run tar: \(error.localizedDescription)") }
        input.fileHandleForWriting.write(tar)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitError(description: "tar could not unpack commit \(commit.prefix(12))") }
    }
}
