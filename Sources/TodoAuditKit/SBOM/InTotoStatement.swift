import Foundation

/// An in-toto Statement v1 around a CycloneDX BOM (predicate type `https://cyclonedx.org/bom`,
/// the BOM in its JSON form), for signing tools (cosign, in-toto, witness) to wrap in an
/// envelope. The subject is the image by name and manifest digest.
public struct InTotoStatement: Sendable, Encodable {
    public static let mediaType = "application/vnd.in-toto+json"
    public static let statementType = "https://in-toto.io/Statement/v1"
    public static let cycloneDXPredicate = "https://cyclonedx.org/bom"

    public struct Subject: Sendable, Encodable {
        public var name: String
        public var digest: [String: String]
    }

    public var subject: [Subject]
    public var predicate: CycloneDXBOM

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Fails when the image has no SHA-256 digest: a statement must name its subject by one.
    public init(_ document: CycloneDXDocument, spec: CycloneDXDocument.SpecVersion) throws(Failure) {
        guard let digest = document.subject.digest, digest.hasPrefix("sha256:"), digest.count == 71 else {
            throw Failure(description: "\(document.subject.name) has no sha256 digest to name in an in-toto statement")
        }
        subject = [Subject(name: document.subject.name, digest: ["sha256": String(digest.dropFirst(7))])]
        predicate = document.bom(spec)
    }

    private enum CodingKeys: String, CodingKey { case type = "_type", subject, predicateType, predicate }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.statementType, forKey: .type)
        try container.encode(subject, forKey: .subject)
        try container.encode(Self.cycloneDXPredicate, forKey: .predicateType)
        try container.encode(predicate, forKey: .predicate)
    }

    public func json() throws -> String { try CycloneDXBOM.readableJSON(self) }
}
