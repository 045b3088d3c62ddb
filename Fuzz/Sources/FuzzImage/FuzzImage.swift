import Digesting
import Foundation
import FuzzSupport
import TodoAuditKit

/// Image archives audited as `todoaudit scan --sbom image.tar` audits them (outer tar,
/// index and manifests, configs, layers with whiteouts, package catalogs, secrets). The
/// first byte chooses how the rest is read: even, as the whole archive (docker-archive or
/// oci-archive); odd, as the one layer of a docker-archive built around it, so layer
/// contents (tar, gzip, zstd) are reached without the fuzzer having to find a manifest.
let auditor: Auditor = {
    var auditor = Auditor(engine: RuleEngine(catalog: builtInCatalog))
    auditor.sbom = true
    return auditor
}()

/// A private directory for the one archive file the reader is handed each run.
let imagePath: String = {
    var template = Array((NSTemporaryDirectory() + "/todoaudit-fuzz-image.XXXXXX").utf8CString)
    guard let directory = mkdtemp(&template) else { fatalError("cannot create a temporary directory") }
    return String(cString: directory) + "/image.tar"
}()

func fuzzImage(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let mode = input.byte()
    let body = Array(input.rest())
    let archive = mode & 1 == 0 ? body : dockerArchive(layer: body)
    guard FileManager.default.createFile(atPath: imagePath, contents: Data(archive)) else { fatalError("cannot write \(imagePath)") }
    _ = try? auditor.audit(paths: [imagePath])
    return 0
}

/// A docker-archive whose only layer is `layer`, with a matching diff ID.
func dockerArchive(layer: [UInt8]) -> [UInt8] {
    let diffID = "sha256:" + SHA256.hex(layer)
    let config = """
        {"architecture":"amd64","os":"linux","config":{"User":"app"},"rootfs":{"type":"layers","diff_ids":["\(diffID)"]},\
        "history":[{"created_by":"COPY . /"}]}
        """
    let manifest = #"[{"Config":"config.json","RepoTags":["fuzz:latest"],"Layers":["layer.tar"]}]"#
    var tar = TarArchive()
    tar.add("manifest.json", Array(manifest.utf8))
    tar.add("config.json", Array(config.utf8))
    tar.add("layer.tar", layer)
    return tar.finished
}
