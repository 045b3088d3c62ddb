import Foundation
import Digesting
import XMLWriting

/// A CycloneDX XML SBOM of one image: its packages, the distribution, the dependency
/// graph, written with libxml2 in the schema's element order. Nothing in it comes from
/// the clock or chance: the timestamp is the image's creation date (or
/// `SOURCE_DATE_EPOCH`, passed in), the serial number derives from the image digest.
public struct CycloneDXDocument: Sendable {
    public enum SpecVersion: String, Sendable, CaseIterable {
        case v1_5 = "1.5", v1_6 = "1.6"
    }

    /// The two renditions CycloneDX defines, with the media type each travels under.
    public enum Format: String, Sendable, CaseIterable {
        case xml, json

        public var mediaType: String { "application/vnd.cyclonedx+" + rawValue }
        /// The file name an artifact's blob is titled with.
        public var fileName: String { "sbom.cdx." + rawValue }
    }

    /// The image the SBOM describes.
    public struct Subject: Sendable {
        /// `todo/backend:v1`, or the tarball's file name when the image has no name.
        public var name: String
        /// `sha256:…` of the manifest (OCI) or, for a docker-archive, of the config (the image ID).
        public var digest: String?
        /// Per layer index, its digest (for `todoaudit:layer` properties).
        public var layerDigests: [String?]

        public init(name: String, digest: String?, layerDigests: [String?]) {
            self.name = name
            self.digest = digest
            self.layerDigests = layerDigests
        }
    }

    public var inventory: PackageInventory
    public var subject: Subject
    /// An `xs:dateTime`; nil leaves the timestamp out.
    public var timestamp: String?
    /// SPDX identifiers the schema accepts in `<license><id>`; others are written as names.
    public var spdxIDs: Set<String>
    /// Bounds of `limits:` the layer walks reached (`Layer N: …`): packages there may be missing.
    public var limitsReached: [String] = []

    public init(inventory: PackageInventory, subject: Subject, timestamp: String?, spdxIDs: Set<String>) {
        self.inventory = inventory
        self.subject = subject
        self.timestamp = timestamp
        self.spdxIDs = spdxIDs
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970) as an `xs:dateTime` in UTC; nil when not a number.
    public static func timestamp(sourceDateEpoch: String) -> String? {
        guard let seconds = Int64(sourceDateEpoch.trimmingCharacters(in: .whitespaces)), seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let formatter = ISO8601DateFormatter()   // UTC, `2023-11-14T22:13:20Z`
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// `urn:uuid:` from the SHA-256 of the image digest, shaped as a name-based (version 5
    /// layout) UUID: the same image always gets the same serial.
    public var serialNumber: String {
        let hex = Array(SHA256.hex(Array("todoaudit-sbom:\(subject.digest ?? subject.name)".utf8)).prefix(32))
        var chars = hex.map { Character(String($0)) }
        chars[12] = "5"
        chars[16] = ["8", "9", "a", "b"][Int(String(chars[16]), radix: 16)! & 3]
        let s = String(chars)
        func part(_ from: Int, _ to: Int) -> Substring { s.dropFirst(from).prefix(to - from) }
        return "urn:uuid:\(part(0, 8))-\(part(8, 12))-\(part(12, 16))-\(part(16, 20))-\(part(20, 32))"
    }

    var imageRef: String { "image:" + (subject.digest ?? subject.name) }
    var osRef: String? { inventory.operatingSystem.map { "os:" + $0.distro } }

    /// The image's purl (`pkg:oci/backend@sha256:…?repository_url=todo/backend&tag=v1`), when it has a digest.
    var imagePurl: PackageURL? {
        guard let digest = subject.digest else { return nil }
        var repository = subject.name, tag: String?
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") {
            tag = String(repository[repository.index(after: colon)...])
            repository = String(repository[..<colon])
        }
        let name = repository.split(separator: "/").last.map(String.init) ?? repository
        var purl = PackageURL(type: "oci", name: name.lowercased(), version: digest)
        if repository.contains("/") { purl.qualifiers["repository_url"] = repository }
        purl.qualifiers["tag"] = tag
        return purl
    }

    public func xml(_ spec: SpecVersion = .v1_6) throws(XMLWriterError) -> String { try bom(spec).xml() }

    public func json(_ spec: SpecVersion = .v1_6) throws -> String { try bom(spec).json() }

    public func rendered(_ format: Format, spec: SpecVersion = .v1_6) throws -> String {
        switch format {
        case .xml: try xml(spec)
        case .json: try json(spec)
        }
    }

    /// The document in CycloneDX terms: what each rendition writes.
    public func bom(_ spec: SpecVersion = .v1_6) -> CycloneDXBOM {
        var components: [CycloneDXBOM.Component] = []
        if let os = inventory.operatingSystem, let osRef {
            var component = CycloneDXBOM.Component(type: "operating-system", bomRef: osRef, name: os.id, version: os.versionID)
            component.description = os.prettyName
            components.append(component)
        }
        components += inventory.components.map(component)
        return CycloneDXBOM(specVersion: spec.rawValue, serialNumber: serialNumber, metadata: metadata,
                            components: components, dependencies: dependencies)
    }

    private var metadata: CycloneDXBOM.Metadata {
        var image = CycloneDXBOM.Component(type: "container", bomRef: imageRef, name: subject.name)
        if let digest = subject.digest, digest.hasPrefix("sha256:") {
            image.hashes = [.init(alg: "SHA-256", content: String(digest.dropFirst(7)))]
        }
        image.purl = imagePurl?.description
        let tool = CycloneDXBOM.Component(type: "application", name: "todoaudit", version: TodoAudit.version)
        // Damaged package metadata is counted, not hidden: the SBOM may miss those packages.
        let properties = inventory.unreadable.isEmpty ? nil
            : [CycloneDXBOM.Property(name: "todoaudit:catalog:unreadable-metadata", value: String(inventory.unreadable.count))]
        return .init(timestamp: timestamp, tools: .init(components: [tool]), component: image, properties: properties)
    }

    private func component(_ component: PackageInventory.Component) -> CycloneDXBOM.Component {
        let package = component.package
        var result = CycloneDXBOM.Component(type: "library", bomRef: component.purl.description, name: package.name, version: package.version)
        if let supplier = package.supplier, !supplier.isEmpty { result.supplier = .init(name: supplier) }
        if let description = package.description, !description.isEmpty { result.description = description }
        if !package.hashes.isEmpty {
            result.hashes = package.hashes.sorted(by: { $0.key < $1.key }).map { .init(alg: $0.key, content: $0.value) }
        }
        if let license = package.license?.trimmingCharacters(in: .whitespacesAndNewlines), !license.isEmpty {
            result.licenses = [licenseChoice(license)]
        } else if !package.licenses.isEmpty {
            result.licenses = package.licenses.map(licenseEntry)
        }
        result.purl = component.purl.description
        var properties = package.properties
        properties["todoaudit:layer:index"] = String(component.layer)
        if component.layer < subject.layerDigests.count, let digest = subject.layerDigests[component.layer] {
            properties["todoaudit:layer:digest"] = digest
        }
        properties["todoaudit:path"] = "/" + component.locations[0]
        result.properties = properties.sorted(by: { $0.key < $1.key }).map { .init(name: $0.key, value: $0.value) }
        result.evidence = .init(occurrences: component.locations.map { .init(location: "/" + $0) })
        return result
    }

    /// An SPDX expression (`MIT OR Apache-2.0`) as an expression, anything else (an SPDX
    /// id, `GPL-2+`, a sentence) as one license.
    private func licenseChoice(_ license: String) -> CycloneDXBOM.LicenseChoice {
        let bare = license.hasPrefix("(") && license.hasSuffix(")") ? String(license.dropFirst().dropLast()) : license
        let words = bare.split(separator: " ")
        let isExpression = words.count >= 3 && words.contains { $0 == "OR" || $0 == "AND" || $0 == "WITH" }
            && words.allSatisfy { ["OR", "AND", "WITH"].contains(String($0)) || spdxIDs.contains(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "()"))) }
        return isExpression ? .expression(license) : licenseEntry(license)
    }

    /// The schema accepts only SPDX ids as ids; others are written as names.
    private func licenseEntry(_ license: String) -> CycloneDXBOM.LicenseChoice {
        spdxIDs.contains(license) ? .id(license) : .name(license)
    }

    /// The image depends on the OS and every package; OS packages list theirs, even when none.
    private var dependencies: [CycloneDXBOM.Dependency] {
        var top = inventory.components.map(\.purl.description)
        if let osRef { top.insert(osRef, at: 0) }
        var result = [CycloneDXBOM.Dependency(ref: imageRef, dependsOn: top)]
        for component in inventory.components
        where component.package.ecosystem == .deb || component.package.ecosystem == .apk || !component.dependsOn.isEmpty {
            result.append(.init(ref: component.purl.description, dependsOn: component.dependsOn.map(\.description)))
        }
        return result
    }
}
