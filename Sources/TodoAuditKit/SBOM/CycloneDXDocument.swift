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

    public func xml(_ spec: SpecVersion = .v1_6) throws(XMLWriterError) -> String {
        let w = try XMLStreamWriter()
        try w.startElement("bom", namespace: "http://cyclonedx.org/schema/bom/\(spec.rawValue)")
        try w.attribute("serialNumber", serialNumber)
        try w.attribute("version", "1")
        try writeMetadata(w)
        try w.startElement("components")
        if let os = inventory.operatingSystem, let osRef {
            try w.startElement("component")
            try w.attribute("type", "operating-system")
            try w.attribute("bom-ref", osRef)
            try w.element("name", os.id)
            if let version = os.versionID { try w.element("version", version) }
            if let pretty = os.prettyName { try w.element("description", pretty) }
            try w.endElement()
        }
        for component in inventory.components { try writeComponent(component, w) }
        try w.endElement()
        try writeDependencies(w)
        try w.endElement()
        return try w.finish()
    }

    private func writeMetadata(_ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement("metadata")
        if let timestamp { try w.element("timestamp", timestamp) }
        try w.startElement("tools")
        try w.startElement("components")
        try w.startElement("component")
        try w.attribute("type", "application")
        try w.element("name", "todoaudit")
        try w.element("version", TodoAudit.version)
        try w.endElement()
        try w.endElement()
        try w.endElement()
        try w.startElement("component")
        try w.attribute("type", "container")
        try w.attribute("bom-ref", imageRef)
        try w.element("name", subject.name)
        if let digest = subject.digest, digest.hasPrefix("sha256:") {
            try w.startElement("hashes")
            try w.startElement("hash")
            try w.attribute("alg", "SHA-256")
            try w.text(String(digest.dropFirst(7)))
            try w.endElement()
            try w.endElement()
        }
        if let imagePurl { try w.element("purl", imagePurl.description) }
        try w.endElement()
        if !inventory.unreadable.isEmpty {
            // Damaged package metadata is counted, not hidden: the SBOM may miss those packages.
            try w.startElement("properties")
            try w.startElement("property")
            try w.attribute("name", "todoaudit:catalog:unreadable-metadata")
            try w.text(String(inventory.unreadable.count))
            try w.endElement()
            try w.endElement()
        }
        try w.endElement()
    }

    private func writeComponent(_ component: PackageInventory.Component, _ w: XMLStreamWriter) throws(XMLWriterError) {
        let package = component.package
        try w.startElement("component")
        try w.attribute("type", "library")
        try w.attribute("bom-ref", component.purl.description)
        if let supplier = package.supplier, !supplier.isEmpty {
            try w.startElement("supplier")
            try w.element("name", supplier)
            try w.endElement()
        }
        try w.element("name", package.name)
        try w.element("version", package.version)
        if let description = package.description, !description.isEmpty { try w.element("description", description) }
        if !package.hashes.isEmpty {
            try w.startElement("hashes")
            for (algorithm, value) in package.hashes.sorted(by: { $0.key < $1.key }) {
                try w.startElement("hash")
                try w.attribute("alg", algorithm)
                try w.text(value)
                try w.endElement()
            }
            try w.endElement()
        }
        if let license = package.license?.trimmingCharacters(in: .whitespacesAndNewlines), !license.isEmpty {
            try writeLicense(license, w)
        } else if !package.licenses.isEmpty {
            try w.startElement("licenses")
            for license in package.licenses { try writeLicenseEntry(license, w) }
            try w.endElement()
        }
        try w.element("purl", component.purl.description)
        var properties = package.properties
        properties["todoaudit:layer:index"] = String(component.layer)
        if component.layer < subject.layerDigests.count, let digest = subject.layerDigests[component.layer] {
            properties["todoaudit:layer:digest"] = digest
        }
        properties["todoaudit:path"] = "/" + component.locations[0]
        try w.startElement("properties")
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            try w.startElement("property")
            try w.attribute("name", name)
            try w.text(value)
            try w.endElement()
        }
        try w.endElement()
        try w.startElement("evidence")
        try w.startElement("occurrences")
        for location in component.locations {
            try w.startElement("occurrence")
            try w.element("location", "/" + location)
            try w.endElement()
        }
        try w.endElement()
        try w.endElement()
        try w.endElement()
    }

    /// An SPDX id as `<id>`, an expression (`MIT OR Apache-2.0`) as `<expression>`, anything
    /// else (`GPL-2+`, a sentence) as `<name>`.
    private func writeLicense(_ license: String, _ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement("licenses")
        let bare = license.hasPrefix("(") && license.hasSuffix(")") ? String(license.dropFirst().dropLast()) : license
        let words = bare.split(separator: " ")
        let isExpression = words.count >= 3 && words.contains { $0 == "OR" || $0 == "AND" || $0 == "WITH" }
            && words.allSatisfy { ["OR", "AND", "WITH"].contains(String($0)) || spdxIDs.contains(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "()"))) }
        if isExpression {
            try w.element("expression", license)
        } else {
            try writeLicenseEntry(license, w)
        }
        try w.endElement()
    }

    private func writeLicenseEntry(_ license: String, _ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement("license")
        if spdxIDs.contains(license) { try w.element("id", license) } else { try w.element("name", license) }
        try w.endElement()
    }

    private func writeDependencies(_ w: XMLStreamWriter) throws(XMLWriterError) {
        try w.startElement("dependencies")
        try w.startElement("dependency")
        try w.attribute("ref", imageRef)
        var top = inventory.components.map(\.purl.description)
        if let osRef { top.insert(osRef, at: 0) }
        for ref in top {
            try w.startElement("dependency")
            try w.attribute("ref", ref)
            try w.endElement()
        }
        try w.endElement()
        for component in inventory.components
        where component.package.ecosystem == .deb || component.package.ecosystem == .apk || !component.dependsOn.isEmpty {
            try w.startElement("dependency")
            try w.attribute("ref", component.purl.description)
            for target in component.dependsOn {
                try w.startElement("dependency")
                try w.attribute("ref", target.description)
                try w.endElement()
            }
            try w.endElement()
        }
        try w.endElement()
    }
}
