import Foundation
import ImageModel
import SecretScanning

/// `todoaudit secrets PATH…`: every regular file under the paths (symlinks are not
/// followed, `.git` directories are skipped) read and scanned for secrets, on `jobs`
/// threads. Files are read into memory one at a time per thread, up to the size limit.
public struct FileSecretAudit: Sendable {
    public var engine: RuleEngine
    public var jobs: Int

    public init(engine: RuleEngine, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.engine = engine
        self.jobs = max(1, jobs)
    }

    /// The rule secret findings in plain files are reported under.
    public var rule: Rule? { engine.activeRules(for: .context).first { $0.check == "secret-in-file" } }

    public func audit(paths: [String]) throws(AuditError) -> AuditReport {
        var files: [ScannedFile] = []
        var targets: [AuditTarget] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let found = isDirectory.boolValue
                ? Self.files(under: path).map { ScannedFile(path: $0, relative: String($0.dropFirst(prefix.count))) }
                : [ScannedFile(path: path, relative: String(path.split(separator: "/").last ?? Substring(path)))]
            files += found
            targets.append(AuditTarget(kind: .context, path: path, summary: "\(found.count) file\(found.count == 1 ? "" : "s")"))
        }
        guard let rule else { return AuditReport(targets: targets, rules: [], findings: [], weights: engine.catalog.weights) }
        let detector: SecretDetector
        switch engine.catalog.secretRuleSet() {
        case .success(let rules): detector = SecretDetector(rules: rules, catalog: engine.catalog, configuration: engine.configuration)
        case .failure(let error): throw .rules(RuleLoadError(file: "secrets/\(error.kind).yml", problem: error.message))
        }
        let (findings, stats) = scan(files, detector: detector, rule: rule)
        var report = AuditReport(targets: targets, rules: [rule], findings: findings, weights: engine.catalog.weights)
        report.secretStats = stats
        return report
    }

    /// Regular files under a directory, in path order; `.git` is history, not content.
    /// Symlinks are not followed. readdir + lstat: Foundation's enumerator with resource
    /// values cost more than scanning the files.
    static func files(under directory: String) -> [String] {
        var out: [String] = []
        var pending = [directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory]
        while let dir = pending.popLast() {
            guard let handle = opendir(dir) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = dir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR where name != ".git": pending.append(path)
                case S_IFREG: out.append(path)
                default: continue
                }
            }
        }
        return out.sorted()
    }

    /// A file to scan: its path as reported, and relative to the directory given, which
    /// fingerprints use so they do not depend on the working directory.
    struct ScannedFile: Sendable {
        var path: String
        var relative: String
    }

    /// Scans files on `jobs` threads; findings come back in file order.
    func scan(_ files: [ScannedFile], detector: SecretDetector, rule: Rule) -> ([Finding], SecretScanStats) {
        let slots = ParallelResults<([Finding], SecretScanStats)>(count: files.count)
        let workers = min(jobs, max(1, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var buffer = FileBuffer()
            while let index = slots.claim() {
                slots.set(index, scanFile(files[index], detector: detector, rule: rule, buffer: &buffer))
            }
        }
        var findings: [Finding] = []
        var stats = SecretScanStats()
        for (found, local) in slots.values {
            findings += found
            stats.add(local)
        }
        return (findings, stats)
    }

    func scanFile(_ file: ScannedFile, detector: SecretDetector, rule: Rule, buffer: inout FileBuffer) -> ([Finding], SecretScanStats) {
        var stats = SecretScanStats()
        let path = file.path
        // A package's own tests report nothing: not worth reading.
        let policy = detector.policy(for: path)
        guard policy != .nothing, !detector.allows(path: path), !detector.allows(path: file.relative) else { return ([], stats) }
        switch buffer.load(path, limit: detector.settings.maxFileBytes) {
        case .unreadable, .empty:
            return ([], stats)
        case .tooLarge:
            stats.skippedLarge = 1
            return ([], stats)
        case .loaded(let count):
            let bytes = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<count])
            if !detector.settings.scanBinary && SecretScanner.isBinary(bytes) {
                stats.skippedBinary = 1
                return ([], stats)
            }
            stats.filesScanned = 1
            stats.bytesScanned = Int64(count)
            let found = detector.find(in: bytes, path: path, identity: file.relative, rule: rule, policy: policy)
            return (found.map { Self.finding($0, path: path, rule: rule, engine: engine) }, stats)
        }
    }

    static func finding(_ found: DetectedSecret, path: String, rule: Rule, engine: RuleEngine) -> Finding {
        var finding = Finding(
            ruleID: rule.id, ruleName: rule.name, severity: engine.configuration.severity(of: rule, found: found.severity),
            category: rule.category, message: "\(found.kindName) in \(path):\(found.match.line)",
            location: Location(kind: .context, path: path, line: found.match.line),
            evidence: found.match.redacted, remediation: rule.remediation, fingerprint: found.fingerprint
        )
        finding.secretKind = found.match.kindID
        return finding
    }

    /// Findings for files given in memory (rule examples, tests): path → bytes.
    public func findings(files: [(path: String, bytes: [UInt8])]) -> [Finding] {
        guard let rule, let detector = SecretDetector.make(engine.catalog, engine.configuration) else { return [] }
        return files.flatMap { file in
            if detector.allows(path: file.path) { return [Finding]() }
            return file.bytes.withUnsafeBytes { bytes -> [Finding] in
                if !detector.settings.scanBinary && SecretScanner.isBinary(bytes) { return [] }
                return detector.find(in: bytes, path: file.path, rule: rule).map { Self.finding($0, path: file.path, rule: rule, engine: engine) }
            }
        }
    }
}

/// One reusable read buffer per thread: files are read with POSIX calls straight into it.
struct FileBuffer: ~Copyable {
    enum Load { case loaded(Int), empty, tooLarge, unreadable }

    private(set) var storage = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)

    deinit { storage.deallocate() }

    mutating func load(_ path: String, limit: Int) -> Load {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .unreadable }
        let size = Int(info.st_size)
        if size == 0 { return .empty }
        if size > limit { return .tooLarge }
        if storage.count < size {
            storage.deallocate()
            storage = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        }
        var total = 0
        while total < size {
            let n = read(fd, storage.baseAddress! + total, size - total)
            if n < 0 { if errno == EINTR { continue }; return .unreadable }
            if n == 0 { break }
            total += n
        }
        return total == 0 ? .empty : .loaded(total)
    }
}
