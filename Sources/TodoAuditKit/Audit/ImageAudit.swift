import Foundation
import ImageModel

/// Reads container images (docker-archive, OCI layout, oci-archive) and audits each one.
struct ImageAudit {
    /// Largest content read of a file checks need (package databases reach a few MB).
    static let contentLimit = 16 << 20

    var engine: RuleEngine
    /// `--image NAME[:TAG]`: which image of a multi-image tarball; nil scans all.
    var imageName: String?
    /// `--platform os/arch[/variant]` in a multi-platform index.
    var platform: String?
    /// Where to report reading progress (the CLI's stderr line on a terminal).
    var progress: (any ScanProgress)?
    /// The Dockerfile that built the image (`--dockerfile`): findings name the line that made their layer.
    var origin: DockerfileFacts?
    /// Bounds on the JSON documents and on each layer's walk; reaching a layer bound is a finding.
    var limits = Limits()
    /// Also catalog packages and build each image's SBOM (`scan --sbom`); the value is SOURCE_DATE_EPOCH, if set.
    var sbom: (wanted: Bool, sourceDateEpoch: String?) = (false, nil)

    func audit(path: String, stdinPrefix: [UInt8] = []) throws(AuditError) -> [(AuditTarget, [Finding], ImageSummary, CycloneDXDocument?)] {
        var wanted: Platform?
        if let platform {
            guard let p = Platform(platform) else { throw .invalidImage(path, "--platform \(platform) is not os/arch[/variant]") }
            wanted = p
        }
        let timestamp = try ImageSBOM.timestamp(sourceDateEpoch: sbom.sourceDateEpoch, path: path)
        do {
            let source = try ImageSource(path: path, stdinPrefix: stdinPrefix, documentLimit: limits.maxJSONBytes)
            var out: [(AuditTarget, [Finding], ImageSummary, CycloneDXDocument?)] = []
            for descriptor in try source.select(name: imageName, platform: wanted) {
                let image = try source.load(descriptor)
                let facts = Self.facts(image, path: path, progress: progress, limits: limits,
                                       secrets: Self.layerSecrets(engine), catalog: sbom.wanted)
                var (findings, size) = engine.evaluate(facts)
                if let origin {
                    let lines = LayerOrigins.map(facts, to: origin)
                    for i in findings.indices {
                        if let layer = findings[i].location.layerIndex, let line = lines[layer] {
                            findings[i].location.source = "\(origin.path):\(line)"
                        }
                    }
                }
                let summary = ImageSummary(facts, size: size)
                let document = sbom.wanted ? ImageSBOM.document(image, facts, path: path, timestamp: timestamp, catalog: engine.catalog) : nil
                out.append((AuditTarget(kind: .image, path: path, summary: summary.headline), findings, summary, document))
            }
            return out
        } catch {
            throw .invalidImage(path, error.description)
        }
    }

    /// The layer secret scan, when its rule is on.
    static func layerSecrets(_ engine: RuleEngine) -> LayerSecrets? {
        guard let rule = engine.activeRules(for: .image).first(where: { $0.check == "secret-in-layer" }),
              let detector = SecretDetector.make(engine.catalog, engine.configuration) else { return nil }
        return LayerSecrets(detector: detector, rule: rule)
    }

    /// `catalog`: also keep the packages' metadata files and build the package inventory (SBOM).
    static func facts(_ image: Image, path: String, progress: (any ScanProgress)? = nil, limits: Limits? = nil,
                      secrets: LayerSecrets? = nil, catalog: Bool = false) -> ImageFacts {
        var inspect: (@Sendable (Int, LayerEntry, LayerContent) -> Void)?
        var whenIdle: (@Sendable (@Sendable () -> Bool) -> Void)?
        let goBinaries = catalog ? GoBinaries() : nil
        let packageFiles = catalog ? CatalogedFiles() : nil
        if secrets != nil || goBinaries != nil {
            inspect = { layer, entry, content in
                secrets?.inspect(layer: layer, entry: entry, content: content)
                packageFiles?.inspect(layer: layer, entry: entry, content: content)
                goBinaries?.inspect(layer: layer, entry: entry, content: content)
            }
        }
        if let secrets { whenIdle = { walking in secrets.help(while: walking) } }
        let scan = image.scan(contentLimit: { ImageFacts.wantsContent($0.path) ? contentLimit : nil }, progress: progress,
                              limits: limits?.layer ?? .unlimited, inspect: inspect, whenIdle: whenIdle)
        let layers = scan.layers.map { layer in
            var problems: [String] = [], unsafe: [String] = [], limitsReached: [String] = []
            for problem in layer.result.problems {
                switch problem {
                case .escapingPath(let path): unsafe.append(path)
                case .limitReached(let limit, let count): limitsReached.append(Self.describe(limit, count: count, limits: limits ?? Limits()))
                default: problems.append(problem.description)
                }
            }
            var facts = ImageFacts.Layer(index: layer.layer.index, digest: layer.layer.digest, createdBy: layer.layer.createdBy,
                                         size: layer.result.fileBytes, problems: problems, unsafeEntries: unsafe)
            facts.limitsReached = limitsReached
            return facts
        }
        var facts = ImageFacts(name: image.name, path: path, format: image.format.rawValue, config: image.config,
                               layers: layers, merged: scan.merged, contents: scan.visibleContents)
        facts.problems = image.problems
        facts.digest = image.descriptor.manifestDigest ?? image.configDigest
        if catalog {
            facts.inventory = PackageInventory(layers: scan.layers.map(\.contents), merged: scan.merged, cataloged: packageFiles?.all ?? [:],
                                               goBinaries: goBinaries?.all ?? [],
                                               unreadableGoBinaries: goBinaries?.unreadablePaths ?? [])
        }
        if let secrets { (facts.secrets, facts.secretStats) = secrets.results }
        return facts
    }

    /// A reached layer bound as the report says it: what was left unread, and the setting to raise.
    static func describe(_ limit: LayerLimit, count: Int, limits: Limits) -> String {
        switch limit {
        case .bytes:
            "reading stopped after \(count) entries at the \(Limits.size(limits.maxLayerBytes)) limit for a layer's uncompressed size (limits.max_layer_size, --max-layer-bytes); the rest of the layer is not audited and its digest is not checked"
        case .entries:
            "reading stopped at the limit of \(limits.maxLayerEntries) entries per layer (limits.max_layer_entries); the rest of the layer is not audited and its digest is not checked"
        case .pathDepth:
            "\(count) entr\(count == 1 ? "y" : "ies") nested deeper than \(limits.maxPathDepth) directories (limits.max_path_depth) \(count == 1 ? "is" : "are") not audited"
        }
    }

    /// A path is an image when it is an OCI layout directory or an archive (tar, or a
    /// compressed stream) rather than Dockerfile text.
    static func isImage(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue {
            return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("oci-layout"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return looksLikeArchive([UInt8]((try? handle.read(upToCount: 512)) ?? Data()))
    }

    /// The first bytes of a tar, or of a gzip/zstd/xz/bzip2 stream.
    static func looksLikeArchive(_ head: [UInt8]) -> Bool {
        let magics: [[UInt8]] = [[0x1F, 0x8B], [0x28, 0xB5, 0x2F, 0xFD], [0xFD, 0x37, 0x7A, 0x58, 0x5A], [0x42, 0x5A, 0x68]]
        if magics.contains(where: { head.starts(with: $0) }) { return true }
        return head.count >= 262 && Array(head[257..<262]) == Array("ustar".utf8)
    }
}
