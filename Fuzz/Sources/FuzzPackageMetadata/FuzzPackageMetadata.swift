import FuzzSupport
import ImageModel
@testable import TodoAuditKit

/// Package metadata parsers on any bytes. The first byte picks the parser, the rest is the
/// file. Whatever packages come out are folded into an inventory and written as CycloneDX,
/// which must be well-formed: metadata in an image is attacker-controlled.
enum MetadataFile: UInt8, CaseIterable {
    case dpkgStatus, apkInstalled, pythonMetadata, packageJSON, packageLock, goBuildInfo, debianCopyright, osRelease, javaArchive
}

func fuzzPackageMetadata(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    let kind = MetadataFile(rawValue: input.byte() % UInt8(MetadataFile.allCases.count))!
    let bytes = Array(input.rest())
    let text = String(decoding: bytes, as: UTF8.self)
    let os = OperatingSystem(id: "debian", versionID: "12")
    var packages: [SoftwarePackage] = []
    switch kind {
    case .dpkgStatus:
        packages = OSPackageCatalog.dpkg(text, location: OSPackageCatalog.dpkgStatus, layer: 0, os: os)
    case .apkInstalled:
        packages = OSPackageCatalog.apk(text, location: OSPackageCatalog.apkInstalled, layer: 0, os: nil)
    case .pythonMetadata:
        packages = LanguagePackageCatalog.python(text, location: "usr/lib/python3/dist-packages/x.dist-info/METADATA", layer: 0).map { [$0] } ?? []
    case .packageJSON:
        packages = LanguagePackageCatalog.npm(bytes, location: "app/node_modules/x/package.json", layer: 0).map { [$0] } ?? []
    case .packageLock:
        packages = LanguagePackageCatalog.npmLock(bytes, location: "app/package-lock.json", layer: 0) ?? []
    case .goBuildInfo:
        // Found the way the layer reader finds it: fed in chunks, then parsed.
        var search = GoBuildInfoSearch()
        for chunk in stride(from: 0, to: bytes.count, by: 4096) {
            bytes[chunk..<min(chunk + 4096, bytes.count)].withUnsafeBytes { search.feed($0) }
        }
        if let info = search.blob.flatMap(GoBuildInfo.parse) {
            packages = PackageInventory.goModules(info, location: "usr/local/bin/app", layer: 0)
        }
    case .debianCopyright:
        var package = SoftwarePackage(ecosystem: .deb, name: "x", version: "1", purl: PackageURL(type: "deb", name: "x", version: "1"),
                                      location: OSPackageCatalog.dpkgStatus, layer: 0)
        package.licenses = OSPackageCatalog.copyrightLicenses(text)
        packages = [package]
    case .osRelease:
        _ = OperatingSystem.parse(text)
    case .javaArchive:
        packages = JavaArchiveCatalog.packages(bytes, location: "app/lib/x.jar", layer: 0) ?? []
    }
    guard !packages.isEmpty else { return 0 }
    var inventory = PackageInventory(layers: [], merged: MergedView())
    inventory.operatingSystem = os
    inventory.components = PackageInventory.fold(packages)
    let document = CycloneDXDocument(inventory: inventory, subject: .init(name: "fuzz:latest", digest: nil, layerDigests: [nil]),
                                     timestamp: nil, spdxIDs: ["MIT", "Apache-2.0", "GPL-2.0-only"])
    do {
        requireWellFormed(try document.xml(), "the SBOM of \(kind) metadata")
    } catch {
        fatalError("the SBOM of \(kind) metadata cannot be written: \(error)")
    }
    return 0
}
