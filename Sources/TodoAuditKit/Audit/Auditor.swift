import DockerfileSyntax
import Foundation
@_exported import protocol ImageModel.ScanProgress

/// Resolves what the user pointed at (a Dockerfile, a directory holding one, stdin) and
/// audits it with the rule engine.
public struct Auditor: Sendable {
    public var engine: RuleEngine
    /// `--target`: the stage that ships.
    public var target: String?
    /// `--context`: where `.dockerignore` is looked for (default: the Dockerfile's directory).
    public var context: String?
    /// Bounds on what is read: the configuration's `limits:`, then the flags that override them.
    public var limits: Limits
    /// `--max-dockerfile-bytes`: `limits.maxDockerfileBytes`.
    public var maxDockerfileBytes: Int {
        get { limits.maxDockerfileBytes }
        set { limits.maxDockerfileBytes = newValue }
    }
    /// `--image NAME[:TAG]`: which image of a tarball holding several (default: all).
    public var imageName: String?
    /// `--platform os/arch[/variant]` for a multi-platform index (default linux/amd64, or the only one).
    public var platform: String?
    /// Hears image reading progress; nil for none.
    public var progress: (any ScanProgress)?
    /// `--dockerfile` given with an image: image findings point at the line that made their layer.
    public var dockerfileForImages: String?
    /// Largest uncompressed size read of one layer (`--max-layer-bytes`): `limits.maxLayerBytes`.
    public var maxLayerBytes: Int64 {
        get { limits.maxLayerBytes }
        set { limits.maxLayerBytes = newValue }
    }
    /// `scan --sbom`: also catalog each image's packages for its SBOM (`AuditReport.sboms`).
    public var sbom = false
    /// `SOURCE_DATE_EPOCH` for the SBOM timestamp, when set.
    public var sourceDateEpoch: String?

    /// `maxDockerfileBytes`, when given, overrides the configuration's limit.
    public init(engine: RuleEngine, target: String? = nil, context: String? = nil, maxDockerfileBytes: Int? = nil,
                imageName: String? = nil, platform: String? = nil) {
        self.engine = engine
        self.target = target
        self.context = context
        self.limits = engine.configuration.limits
        if let maxDockerfileBytes { self.limits.maxDockerfileBytes = maxDockerfileBytes }
        self.imageName = imageName
        self.platform = platform
    }

    public func audit(paths: [String]) throws(AuditError) -> AuditReport {
        var targets: [AuditTarget] = []
        var findings: [Finding] = []
        var images: [ImageSummary] = []
        var sboms: [CycloneDXDocument] = []
        var origin: DockerfileFacts?
        if let path = dockerfileForImages {
            let dockerfile: Dockerfile
            do { dockerfile = try DockerfileParser.parse(bytes: try Self.read(path, limit: maxDockerfileBytes), maxBytes: maxDockerfileBytes) } catch let error as DockerfileError {
                throw .invalidDockerfile(path, error)
            } catch let error as AuditError {
                throw error
            } catch {
                throw .unreadable(path, reason: "\(error)")
            }
            origin = DockerfileFacts(path: path, dockerfile: dockerfile, target: target, hasDockerignore: nil)
        }
        for path in paths {
            if path == "-" {
                // Standard input holds a Dockerfile or an image (`docker save app | todoaudit scan -`):
                // the first bytes tell which.
                let head = Self.readStandardInput(upTo: 512)
                if ImageAudit.looksLikeArchive(head) {
                    for (target, found, summary, document) in try imageAudit().audit(path: "-", stdinPrefix: head) {
                        targets.append(target)
                        findings.append(contentsOf: found)
                        images.append(summary)
                        if let document { sboms.append(document) }
                    }
                } else {
                    let rest = FileHandle.standardInput.readDataToEndOfFile()
                    let (target, found) = try auditDockerfile(bytes: head + [UInt8](rest), path: "-",
                                                              hasDockerignore: context.map { Self.hasDockerignore(context: $0, dockerfile: nil) })
                    targets.append(target)
                    findings.append(contentsOf: found)
                }
                continue
            }
            if ImageAudit.isImage(path) {
                for (target, found, summary, document) in try imageAudit().audit(path: path) {
                    targets.append(target)
                    findings.append(contentsOf: found)
                    images.append(summary)
                    if let document { sboms.append(document) }
                }
                continue
            }
            // A directory is a build context; a Dockerfile named alone is one only with --context.
            var isDirectory: ObjCBool = false
            let contextRoot = context ?? (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil)
            for dockerfile in try Self.dockerfiles(at: path) {
                let (target, found, facts) = try auditDockerfile(at: dockerfile)
                targets.append(target)
                findings.append(contentsOf: found)
                if let contextRoot, engine.catalog.rules.contains(where: { $0.appliesTo.contains(.context) && engine.configuration.isActive($0) }) {
                    let (contextTarget, contextFindings) = try ContextAudit(engine: engine).audit(facts, dockerfilePath: dockerfile, root: contextRoot)
                    targets.append(contextTarget)
                    findings.append(contentsOf: contextFindings)
                }
            }
        }
        // Two Dockerfiles of one context may both copy a file: its finding is reported once.
        var seen = Set<String>()
        findings = findings.filter { seen.insert("\($0.fingerprint) \($0.location.display)").inserted }
        let kinds = Set(targets.map(\.kind))
        let rules = engine.catalog.rules.filter { rule in
            engine.configuration.isActive(rule) && rule.appliesTo.contains { kinds.contains($0) }
        }
        var report = AuditReport(targets: targets, rules: rules, findings: findings, weights: engine.catalog.weights, images: images)
        report.sboms = sboms
        return report

        func imageAudit() -> ImageAudit {
            var audit = ImageAudit(engine: engine, imageName: imageName, platform: platform, progress: progress, origin: origin, limits: limits)
            audit.sbom = (sbom, sourceDateEpoch)
            return audit
        }
    }

    /// Audits one Dockerfile's text; `path` is what findings name.
    public func auditDockerfile(bytes: [UInt8], path: String, hasDockerignore: Bool?) throws(AuditError) -> (AuditTarget, [Finding]) {
        let (target, findings, _) = try auditDockerfileFacts(bytes: bytes, path: path, hasDockerignore: hasDockerignore)
        return (target, findings)
    }

    func auditDockerfileFacts(bytes: [UInt8], path: String, hasDockerignore: Bool?) throws(AuditError) -> (AuditTarget, [Finding], DockerfileFacts) {
        let dockerfile: Dockerfile
        do {
            dockerfile = try DockerfileParser.parse(bytes: bytes, maxBytes: maxDockerfileBytes)
        } catch {
            throw .invalidDockerfile(path, error)
        }
        if let target, dockerfile.shippedStage(target: target) == nil {
            throw .unknownTarget(path, stage: target, available: dockerfile.stages.compactMap(\.name))
        }
        let facts = DockerfileFacts(path: path, dockerfile: dockerfile, target: target, hasDockerignore: hasDockerignore)
        let findings = engine.evaluate(facts)
        return (AuditTarget(kind: .dockerfile, path: path, summary: Self.summary(facts)), findings, facts)
    }

    /// Up to `count` bytes of standard input (fewer only at its end).
    static func readStandardInput(upTo count: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < count, let data = try? FileHandle.standardInput.read(upToCount: count - out.count), !data.isEmpty {
            out += data
        }
        return out
    }

    func auditDockerfile(at path: String) throws(AuditError) -> (AuditTarget, [Finding], DockerfileFacts) {
        let bytes = try Self.read(path, limit: maxDockerfileBytes)
        let contextDir = context ?? (path as NSString).deletingLastPathComponent
        return try auditDockerfileFacts(bytes: bytes, path: path, hasDockerignore: Self.hasDockerignore(context: contextDir.isEmpty ? "." : contextDir, dockerfile: path))
    }

    /// Whether an ignore file applies: BuildKit's `<Dockerfile>.dockerignore` beside the
    /// Dockerfile, or the context's `.dockerignore`.
    static func hasDockerignore(context: String, dockerfile: String?) -> Bool {
        ContextAudit.ignoreFilePath(context: context, dockerfile: dockerfile) != nil
    }

    /// Reads a file, refusing ones over `limit` before reading them.
    static func read(_ path: String, limit: Int) throws(AuditError) -> [UInt8] {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw .unreadable(path, reason: "cannot stat it")
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > limit {
            throw .invalidDockerfile(path, .tooLarge(bytes: size.intValue, limit: limit))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, reason: "permission denied") }
        defer { try? handle.close() }
        // Read one byte past the limit so a file that grew after stat is still caught.
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw .unreadable(path, reason: "\(error.localizedDescription)")
        }
        if data.count > limit { throw .invalidDockerfile(path, .tooLarge(bytes: data.count, limit: limit)) }
        return [UInt8](data)
    }

    /// The Dockerfiles a path names: itself, or those in a directory (sorted).
    public static func dockerfiles(at path: String) throws(AuditError) -> [String] {
        if path == "-" { return ["-"] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        guard isDirectory.boolValue else { return [path] }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw .unreadable(path, reason: "cannot list the directory")
        }
        let found = names.filter(isDockerfileName).sorted()
        guard !found.isEmpty else { throw .noDockerfile(directory: path) }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        return found.map { base == "." ? $0 : base + "/" + $0 }
    }

    /// True for an image tarball or OCI layout directory (not Dockerfile text).
    public static func isImagePath(_ path: String) -> Bool { ImageAudit.isImage(path) }

    public static func isDockerfileName(_ name: String) -> Bool {
        let n = name.lowercased()
        if n.hasSuffix(".dockerignore") { return false }
        return n == "dockerfile" || n == "containerfile" || n.hasPrefix("dockerfile.") || n.hasSuffix(".dockerfile")
            || n.hasPrefix("containerfile.")
    }

    static func summary(_ facts: DockerfileFacts) -> String {
        let count = facts.dockerfile.stages.count
        var text = "Dockerfile, \(count) stage\(count == 1 ? "" : "s")"
        if let shipped = facts.shippedStage {
            let name = shipped.name.map { "'\($0)'" } ?? "#\(shipped.index)"
            text += ", ships \(name) (\(facts.shippedChain.first?.baseImage ?? shipped.baseImage))"
        }
        return text
    }
}
