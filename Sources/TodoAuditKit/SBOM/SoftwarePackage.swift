/// One package an image ships, as a cataloger read it from a package database or a
/// package's own metadata, before copies are folded together.
public struct SoftwarePackage: Sendable, Hashable {
    public enum Ecosystem: String, Sendable, Hashable, Comparable {
        case apk, deb, golang, maven, python, npm

        public static func < (a: Ecosystem, b: Ecosystem) -> Bool { a.rawValue < b.rawValue }
    }

    public var ecosystem: Ecosystem
    public var name: String
    public var version: String
    public var purl: PackageURL
    /// As the metadata states it: an SPDX expression or id, or free text.
    public var license: String?
    /// Several licenses, each an id or a name, when the source lists them apart (a Debian
    /// package's machine-readable copyright file); used when `license` is nil.
    public var licenses: [String] = []
    /// Algorithm (CycloneDX spelling: `SHA-1`, `SHA-256`, `MD5`) → hex digest.
    public var hashes: [String: String] = [:]
    public var supplier: String?
    public var description: String?
    /// Names of the packages it needs (OS packages: `Depends`/`D:`), resolved later.
    public var dependsOn: [String] = []
    /// Exact components it depends on, when its metadata names them (a Go binary's modules).
    public var dependsOnPackages: [PackageURL] = []
    /// Names (and virtual names) it provides (`Provides`/`p:`), for resolving those.
    public var provides: [String] = []
    /// Where it was found: the database or metadata file, without a leading `/`.
    public var location: String
    /// The layer whose copy of `location` first held this package at this version.
    public var layer: Int
    /// Extra facts for `todoaudit:` properties (source package, origin, architecture).
    public var properties: [String: String] = [:]

    public init(ecosystem: Ecosystem, name: String, version: String, purl: PackageURL, location: String, layer: Int) {
        self.ecosystem = ecosystem
        self.name = name
        self.version = version
        self.purl = purl
        self.location = location
        self.layer = layer
    }
}
