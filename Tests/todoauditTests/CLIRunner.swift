import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `todoaudit` binary the way a user does and captures what it prints.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum CLI {
    /// `.build/<triple>/debug/todoaudit`, beside the test bundle.
    static let binary: URL = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("todoaudit")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return dir.appendingPathComponent("todoaudit")
    }()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String], stdin: Data? = nil, cwd: URL? = nil, environment: [String: String] = [:], executable: URL? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = cwd ?? repository
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        // An empty value unsets the variable (the test runner may set NO_COLOR itself).
        for (key, value) in environment where value.isEmpty { env[key] = nil }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a large report cannot fill a pipe and block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        // A hang is a failure, not a stuck test run.
        let finished = group.wait(timeout: .now() + 120)
        if finished == .timedOut { process.terminate() }
        process.waitUntilExit()
        return CLIResult(status: finished == .timedOut ? -1 : process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("todoaudit-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A run in a sandbox of its own: an empty working directory and an empty TMPDIR, with
/// what the child's peak memory was, so hostile-input tests can check that the run stayed
/// bounded and wrote nothing but its output.
struct SandboxedRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// todoaudit's peak resident memory (`ru_maxrss` from `wait4`, by its Python parent);
    /// `Int.max` when it was killed before reporting.
    var maxResidentBytes: Int
    /// The hang guard killed it.
    var timedOut: Bool
    /// The working directory and TMPDIR it ran with, left for the test to inspect.
    var workingDirectory: URL
    var temporaryDirectory: URL
}

extension CLI {
    /// Runs the binary under a small Python parent that reports its peak memory, started
    /// with posix_spawn and waited for with `wait4`. A run still going after `hangGuard`
    /// seconds is killed with its session: a hang fails, it never blocks the suite.
    static func runSandboxed(_ arguments: [String], stdin: String = "/dev/null", hangGuard: Double = 120) throws -> SandboxedRun {
        let root = try temporaryDirectory()
        let cwd = root.appendingPathComponent("cwd"), tmp = root.appendingPathComponent("tmp")
        for dir in [cwd, tmp] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        let outPath = root.appendingPathComponent("stdout").path, errPath = root.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp.path
        // A crash must end the run, not wait minutes for a backtrace.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        // A small Python parent changes directory, forks and execs todoaudit, and reports the
        // child's peak memory from wait4. Measuring from here would not do: posix_spawn
        // shares this (large) test process's memory until exec, and Linux counts that
        // memory's high-water mark in the child's ru_maxrss.
        let rssPath = root.appendingPathComponent("maxrss").path
        let parent = """
            import os, sys
            os.setsid()
            rss_file, cwd, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
            os.chdir(cwd)
            pid = os.fork()
            if pid == 0:
                try:
                    os.execv(argv[0], argv)
                finally:
                    os._exit(127)
            _, status, usage = os.wait4(pid, 0)
            open(rss_file, "w").write(str(usage.ru_maxrss * 1024))
            os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
            """
        let shell = ["/usr/bin/python3", "-c", parent, rssPath, cwd.path, binary.path]
        let argv = (shell + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/python3", &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        let deadline = Date().addingTimeInterval(hangGuard)
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            if Date() > deadline {
                kill(-pid, SIGKILL)   // the parent's session: todoaudit too
                timedOut = true
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(10_000)
        }
        // Exited: the code in bits 8-15; killed: 128 + the signal, as a shell reports it.
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return SandboxedRun(status: timedOut ? -1 : code,
                            stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                            stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self),
                            maxResidentBytes: (try? String(contentsOfFile: rssPath, encoding: .utf8)).flatMap { Int($0) } ?? Int.max,
                            timedOut: timedOut,
                            workingDirectory: cwd, temporaryDirectory: tmp)
    }
}
