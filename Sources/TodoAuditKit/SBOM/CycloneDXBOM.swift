import Foundation

/// A CycloneDX BOM with every choice already made (which fields, which order, which
/// license form), so the XML and the JSON rendition say the same thing. Property names
/// follow the JSON schema; the XML writer maps them to elements and attributes.
public struct CycloneDXBOM: Sendable, Encodable {
    public var specVersion: String
    public var serialNumber: String
    public var metadata: Metadata
    public var components: [Component]
    public var dependencies: [Dependency]

    public struct Metadata: Sendable, Encodable {
        public var timestamp: String?
        public var tools: Tools
        public var component: Component
        public var properties: [Property]?
    }

    public struct Tools: Sendable, Encodable {
        public var components: [Component]
    }

    public struct Component: Sendable, Encodable {
        public var type: String
        public var bomRef: String?
        public var supplier: Supplier?
        public var name: String
        public var version: String?
        public var description: String?
        public var hashes: [Hash]?
        public var licenses: [LicenseChoice]?
        public var purl: String?
        public var properties: [Property]?
        public var evidence: Evidence?

        init(type: String, bomRef: String? = nil, name: String, version: String? = nil) {
            self.type = type
            self.bomRef = bomRef
            self.name = name
            self.version = version
        }

        enum CodingKeys: String, CodingKey {
            case type, bomRef = "bom-ref", supplier, name, version, description, hashes, licenses, purl, properties, evidence
        }
    }

    public struct Supplier: Sendable, Encodable { public var name: String }
    public struct Hash: Sendable, Encodable { public var alg: String; public var content: String }
    public struct Property: Sendable, Encodable { public var name: String; public var value: String }
    public struct Evidence: Sendable, Encodable { public var occurrences: [Occurrence] }
    public struct Occurrence: Sendable, Encodable { public var location: String }

    /// A license by SPDX id or by name, or an SPDX expression (which stands alone in the list).
    public enum LicenseChoice: Sendable, Encodable {
        case id(String), name(String), expression(String)

        private enum Keys: String, CodingKey { case license, expression, id, name }

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case .expression(let value): try container.encode(value, forKey: .expression)
            case .id(let value):
                var license = container.nestedContainer(keyedBy: Keys.self, forKey: .license)
                try license.encode(value, forKey: .id)
            case .name(let value):
                var license = container.nestedContainer(keyedBy: Keys.self, forKey: .license)
                try license.encode(value, forKey: .name)
            }
        }
    }

    public struct Dependency: Sendable, Encodable {
        public var ref: String
        public var dependsOn: [String]
    }

    private enum CodingKeys: String, CodingKey {
        case schema = "$schema", bomFormat, specVersion, serialNumber, version, metadata, components, dependencies
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("http://cyclonedx.org/schema/bom-\(specVersion).schema.json", forKey: .schema)
        try container.encode("CycloneDX", forKey: .bomFormat)
        try container.encode(specVersion, forKey: .specVersion)
        try container.encode(serialNumber, forKey: .serialNumber)
        try container.encode(1, forKey: .version)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(components, forKey: .components)
        try container.encode(dependencies, forKey: .dependencies)
    }

    public func json() throws -> String { try Self.readableJSON(self) }

    /// Keys sorted and indented, so the same document is always the same bytes.
    static func readableJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
