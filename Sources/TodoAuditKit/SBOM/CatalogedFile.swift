import Foundation
import ImageModel

/// What one package metadata file says, parsed where it is read so the file's bytes are
/// not kept: an image with Debian's npm holds thousands of package.json and copyright files.
public enum CatalogedFile: Sendable {
    case packages([SoftwarePackage])
    /// A Debian copyright file's licenses.
    case licenses([String])
    /// Damaged metadata (not JSON, no version): counted, not cataloged.
    case unreadable
    /// A project file, not a package (a package.json without name and version).
    case none

    /// Whether the scan should parse this file for the inventory.
    public static func wants(_ path: String) -> Bool {
        LanguagePackageCatalog.isMetadata(path) || LanguagePackageCatalog.isLockfile(path) || OSPackageCatalog.isCopyright(path)
            || JavaArchiveCatalog.isArchive(path)
    }

    /// The most of the file `parse` reads; a larger file is unreadable.
    static func maxBytes(_ path: String) -> Int {
        JavaArchiveCatalog.isArchive(path) ? JavaArchiveCatalog.maxBytes : 16 << 20
    }

    static func parse(path: String, _ bytes: [UInt8], layer: Int) -> CatalogedFile {
        if OSPackageCatalog.isCopyright(path) {
            return .licenses(OSPackageCatalog.copyrightLicenses(String(decoding: bytes, as: UTF8.self)))
        }
        if JavaArchiveCatalog.isArchive(path) {
            guard let packages = JavaArchiveCatalog.packages(bytes, location: path, layer: layer) else { return .unreadable }
            return packages.isEmpty ? .none : .packages(packages)
        }
        if LanguagePackageCatalog.isLockfile(path) {
            return LanguagePackageCatalog.npmLock(bytes, location: path, layer: layer).map(CatalogedFile.packages) ?? .unreadable
        }
        if let package = LanguagePackageCatalog.package(at: path, bytes, layer: layer) { return .packages([package]) }
        // A package.json without a name and a version is a project file, not a package; one
        // that is not JSON, or Python metadata without a version, is damage.
        return path.hasSuffix("package.json") && LanguagePackageCatalog.isJSONObject(bytes) ? .none : .unreadable
    }
}

/// Package metadata files met while the layers are read, parsed on the reader threads.
final class CatalogedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var byLayer: [Int: [String: CatalogedFile]] = [:]

    /// The reader's `inspect` hook.
    func inspect(layer: Int, entry: LayerEntry, content: LayerContent) {
        guard entry.kind == .file, CatalogedFile.wants(entry.path) else { return }
        let limit = CatalogedFile.maxBytes(entry.path)
        let parsed = entry.size > Int64(limit)
            ? CatalogedFile.unreadable
            : CatalogedFile.parse(path: entry.path, content.read(limit: limit), layer: layer)
        lock.lock()
        byLayer[layer, default: [:]][entry.path] = parsed
        lock.unlock()
    }

    var all: [Int: [String: CatalogedFile]] {
        lock.lock()
        defer { lock.unlock() }
        return byLayer
    }
}
