import Digesting
import Foundation
import ImageModel

/// An OCI image layout directory being written: `oci-layout`, content-addressed
/// `blobs/sha256/…`, and `index.json`, whose existing entries are kept.
public struct OCILayout {
    public let root: String
    private var manifests: [[String: Any]]

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Opens `root`, creating it (and the layout marker) when needed; an existing
    /// directory must be empty or an OCI layout.
    public init(root: String) throws(Failure) {
        self.root = root
        let fm = FileManager.default
        let marker = (root as NSString).appendingPathComponent("oci-layout")
        let indexPath = (root as NSString).appendingPathComponent("index.json")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: root, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure(description: "\(root) exists and is not a directory") }
            let entries = (try? fm.contentsOfDirectory(atPath: root)) ?? []
            guard entries.isEmpty || fm.fileExists(atPath: marker) else {
                throw Failure(description: "\(root) is neither empty nor an OCI image layout (no oci-layout file)")
            }
        }
        do {
            try fm.createDirectory(atPath: (root as NSString).appendingPathComponent("blobs/sha256"), withIntermediateDirectories: true)
            if !fm.fileExists(atPath: marker) {
                try Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8).write(to: URL(fileURLWithPath: marker))
            }
        } catch {
            throw Failure(description: "cannot write \(root): \(error.localizedDescription)")
        }
        manifests = []
        if let data = fm.contents(atPath: indexPath) {
            guard let index = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw Failure(description: "\(indexPath) is not JSON")
            }
            manifests = index["manifests"] as? [[String: Any]] ?? []
        }
    }

    func blobPath(_ digest: String) -> String {
        (root as NSString).appendingPathComponent("blobs/" + digest.replacingOccurrences(of: ":", with: "/"))
    }

    /// Stores bytes as a blob; its descriptor.
    @discardableResult
    public func put(_ bytes: [UInt8], mediaType: String) throws(Failure) -> OCIDescriptor {
        let digest = "sha256:" + SHA256.hex(bytes)
        let path = blobPath(digest)
        if !FileManager.default.fileExists(atPath: path) {
            do { try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
            }
        }
        return OCIDescriptor(mediaType: mediaType, digest: digest, size: Int64(bytes.count))
    }

    /// Copies a blob from where an image archive holds it, digesting it on the way; when
    /// the archive names its digest, the copy must match it.
    public func copy(_ location: BlobLocation, expected: String?) throws(Failure) -> (digest: String, size: Int64, head: [UInt8]) {
        let staging = (root as NSString).appendingPathComponent("blobs/sha256/.incoming-\(UUID().uuidString)")
        guard let input = FileHandle(forReadingAtPath: location.file) else { throw Failure(description: "cannot read \(location.file)") }
        defer { try? input.close() }
        guard FileManager.default.createFile(atPath: staging, contents: nil), let output = FileHandle(forWritingAtPath: staging) else {
            throw Failure(description: "cannot write into \(root)")
        }
        let hash = SHA256()
        var head: [UInt8] = []
        var left = location.length
        do {
            try input.seek(toOffset: UInt64(location.offset))
            while left > 0 {
                guard let chunk = try input.read(upToCount: Int(min(left, 1 << 20))), !chunk.isEmpty else {
                    throw Failure(description: "\(location.file) ends inside a layer")
                }
                if head.count < 8 { head += chunk.prefix(8 - head.count) }
                chunk.withUnsafeBytes { hash.update($0) }
                try output.write(contentsOf: chunk)
                left -= Int64(chunk.count)
            }
            try output.close()
        } catch let failure as Failure {
            try? FileManager.default.removeItem(atPath: staging)
            throw failure
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw Failure(description: "cannot copy a layer: \(error.localizedDescription)")
        }
        let digest = "sha256:" + hash.finalize()
        if let expected, expected != digest {
            try? FileManager.default.removeItem(atPath: staging)
            throw Failure(description: "layer \(expected) does not match its content (\(digest)); not attached")
        }
        let path = blobPath(digest)
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: staging) } else {
                try FileManager.default.moveItem(atPath: staging, toPath: path)
            }
        } catch {
            throw Failure(description: "cannot store \(path): \(error.localizedDescription)")
        }
        return (digest, location.length, head)
    }

    /// Lists a manifest in `index.json`, once: an entry with the same digest is kept as it
    /// is (`keepingExisting`, so an image's own tags survive) or replaced.
    public mutating func add(_ descriptor: OCIDescriptor, keepingExisting: Bool) {
        if keepingExisting && manifests.contains(where: { $0["digest"] as? String == descriptor.digest }) { return }
        manifests.removeAll { $0["digest"] as? String == descriptor.digest }
        let data = Data(CanonicalJSON.encode(descriptor))
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] { manifests.append(object) }
    }

    /// Writes `index.json`, entries in a stable order (by digest).
    public func writeIndex() throws(Failure) {
        let sorted = manifests.sorted { ($0["digest"] as? String ?? "") < ($1["digest"] as? String ?? "") }
        let index: [String: Any] = ["schemaVersion": 2, "mediaType": OCIMediaType.index, "manifests": sorted]
        let path = (root as NSString).appendingPathComponent("index.json")
        do {
            let data = try JSONSerialization.data(withJSONObject: index, options: [.sortedKeys, .withoutEscapingSlashes])
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
