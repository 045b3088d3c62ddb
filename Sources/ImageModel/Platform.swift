/// `os/architecture[/variant]`, as in an OCI index or an image config.
public struct Platform: Sendable, Hashable, CustomStringConvertible {
    public var os: String
    public var architecture: String
    public var variant: String?

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant?.isEmpty == true ? nil : variant
    }

    /// Parses `linux/arm64/v8`; nil unless it has two or three parts.
    public init?(_ text: String) {
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        self.init(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    public static let linuxAMD64 = Platform(os: "linux", architecture: "amd64")

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    /// BuildKit's provenance/SBOM attestations are stored as `unknown/unknown` manifests.
    public var isUnknown: Bool { os == "unknown" && architecture == "unknown" }

    /// True when `self` (what was asked) accepts `other`; no variant asked accepts any.
    public func accepts(_ other: Platform) -> Bool {
        os == other.os && architecture == other.architecture && (variant == nil || variant == other.variant)
    }
}
