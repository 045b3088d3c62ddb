import ArchiveReading
import Digesting
import Foundation

/// Java packages: the Maven coordinates in a jar's `META-INF/maven/**/pom.properties`, or
/// what its `META-INF/MANIFEST.MF` and file name say when it has none. Jars nested in a
/// jar, war or ear (Spring Boot's `BOOT-INF/lib`, a war's `WEB-INF/lib`) are read too,
/// from memory: nothing is extracted.
enum JavaArchiveCatalog {
    /// Larger archives are counted as unreadable rather than held in memory.
    static let maxBytes = 256 << 20
    /// Archives inside archives inside archives: deeper ones are not opened.
    static let maxDepth = 3
    /// A nested archive is held in memory next to its parent: a smaller bound.
    static let maxNestedBytes = 64 << 20
    private static let extensions = [".jar", ".war", ".ear", ".jpi", ".hpi", ".par", ".sar", ".nar", ".kar"]

    static func isArchive(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), path.count > 4 else { return false }
        return extensions.contains(path[dot...].lowercased())
    }

    /// nil when the bytes are not a readable zip archive.
    static func packages(_ bytes: [UInt8], location: String, layer: Int) -> [SoftwarePackage]? {
        packages(bytes, location: location, layer: layer, depth: 1)
    }

    private static func packages(_ bytes: [UInt8], location: String, layer: Int, depth: Int) -> [SoftwarePackage]? {
        var poms: [PomProperties] = []
        var manifest: [String: String] = [:]
        var nested: [SoftwarePackage] = []
        do {
            let reader = try ArchiveReader(bytes: bytes, format: .zip)
            while let entry = try reader.next() {
                guard entry.kind == .file else { continue }
                let path = entry.path
                if path.hasPrefix("META-INF/maven/") && path.hasSuffix("/pom.properties") {
                    if let pom = PomProperties.parse(String(decoding: try reader.readData(limit: 1 << 20), as: UTF8.self), path: path) {
                        poms.append(pom)
                    }
                } else if path == "META-INF/MANIFEST.MF" {
                    manifest = mainAttributes(String(decoding: try reader.readData(limit: 1 << 20), as: UTF8.self))
                } else if depth < maxDepth && isArchive(path) && entry.size <= Int64(maxNestedBytes) {
                    // A nested archive that is not a zip is a resource, not damage.
                    nested += packages(try reader.readData(limit: maxNestedBytes), location: location + ":" + path, layer: layer, depth: depth + 1) ?? []
                }
            }
        } catch {
            return nil
        }
        let file = fileNameAndVersion(location)
        var found = poms.sorted { $0.path < $1.path }.map { $0.package(location: location, layer: layer) }
        // The archive's own package: the one pom.properties, or the one named like the file;
        // a jar without one (or a fat jar shading others) is described by its manifest.
        let own = found.count == 1 ? 0 : found.firstIndex { $0.name == file.name }
        if let own {
            found[own].hashes["SHA-1"] = SHA1.hex(bytes)
        } else if var package = manifestPackage(manifest, file: file, location: location, layer: layer),
                  !found.contains(where: { $0.purl == package.purl }) {
            package.hashes["SHA-1"] = SHA1.hex(bytes)
            found.insert(package, at: 0)
        }
        return found + nested
    }

    /// `commons-lang3-3.12.0.jar` → (`commons-lang3`, `3.12.0`): the version starts at the
    /// first `-` followed by a digit. Debian's `guava.jar` has no version.
    static func fileNameAndVersion(_ location: String) -> (name: String, version: String?) {
        let last = location.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? location
        let stem = last.lastIndex(of: ".").map { String(last[..<$0]) } ?? last
        let characters = Array(stem)
        for index in characters.indices.dropLast() where characters[index] == "-" && characters[index + 1].isNumber {
            return (String(characters[..<index]), String(characters[(index + 1)...]))
        }
        return (stem, nil)
    }

    /// A jar without Maven metadata: named for its file (or its title), versioned by its
    /// manifest or its file name, grouped only when the manifest states a vendor id.
    static func manifestPackage(_ manifest: [String: String], file: (name: String, version: String?),
                                location: String, layer: Int) -> SoftwarePackage? {
        let name = file.name.isEmpty ? (manifest["implementation-title"] ?? manifest["bundle-name"] ?? "") : file.name
        let version = manifest["implementation-version"] ?? manifest["bundle-version"] ?? manifest["specification-version"] ?? file.version
        guard !name.isEmpty, let version, !version.isEmpty else { return nil }
        let group = manifest["implementation-vendor-id"]
        var package = SoftwarePackage(ecosystem: .maven, name: name, version: version,
                                      purl: PackageURL(type: "maven", namespace: group, name: name, version: version),
                                      location: location, layer: layer)
        package.supplier = manifest["implementation-vendor"] ?? manifest["bundle-vendor"]
        if let license = manifest["bundle-license"], !license.contains("://") { package.license = license }
        return package
    }

    /// The main section of a manifest (up to the first blank line), names lower-cased:
    /// they are case-insensitive, and a line starting with a space continues the one before.
    static func mainAttributes(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var current: String?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if raw.isEmpty { break }
            if raw.hasPrefix(" "), let key = current {
                out[key, default: ""] += raw.dropFirst()
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else { current = nil; continue }
            let key = raw[..<colon].lowercased()
            out[key] = String(raw[raw.index(after: colon)...].drop { $0 == " " })
            current = key
        }
        return out.compactMapValues { value in
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }
}

/// A `pom.properties` Maven writes into every jar it builds (and shaded jars keep for
/// every library they swallowed).
struct PomProperties {
    var groupId: String
    var artifactId: String
    var version: String
    /// Where inside the archive.
    var path: String

    /// Java properties syntax, as far as Maven writes it: `key=value` or `key: value`,
    /// `#` and `!` comments.
    static func parse(_ text: String, path: String) -> PomProperties? {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard let first = trimmed.first, first != "#", first != "!",
                  let separator = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = trimmed[..<separator].trimmingCharacters(in: .whitespaces)
            values[key] = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        }
        guard let group = values["groupId"], !group.isEmpty, let artifact = values["artifactId"], !artifact.isEmpty,
              let version = values["version"], !version.isEmpty else { return nil }
        return PomProperties(groupId: group, artifactId: artifact, version: version, path: path)
    }

    func package(location: String, layer: Int) -> SoftwarePackage {
        var package = SoftwarePackage(ecosystem: .maven, name: artifactId, version: version,
                                      purl: PackageURL(type: "maven", namespace: groupId, name: artifactId, version: version),
                                      location: location, layer: layer)
        package.properties["todoaudit:maven:pom-properties"] = path
        return package
    }
}
