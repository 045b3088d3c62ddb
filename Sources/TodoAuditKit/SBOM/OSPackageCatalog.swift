import Foundation

/// Packages the distribution's package manager installed: dpkg's `status` (and the
/// per-package files distroless images keep in `status.d/`) and apk's `installed`.
enum OSPackageCatalog {
    static let dpkgStatus = "var/lib/dpkg/status"
    static let dpkgStatusDirectory = "var/lib/dpkg/status.d/"
    static let apkInstalled = "lib/apk/db/installed"

    /// Installed packages of a dpkg status file; a `status.d` file has no Status field
    /// and counts as installed.
    static func dpkg(_ text: String, location: String, layer: Int, os: OperatingSystem?) -> [SoftwarePackage] {
        ControlStanza.parse(text).compactMap { stanza in
            guard let name = stanza["Package"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
                  let version = stanza["Version"]?.trimmingCharacters(in: .whitespaces), !version.isEmpty else { return nil }
            if let status = stanza["Status"], !status.hasSuffix(" installed") { return nil }
            let arch = stanza["Architecture"]?.trimmingCharacters(in: .whitespaces)
            var purl = PackageURL(type: "deb", namespace: os?.id ?? "debian", name: name, version: version)
            purl.qualifiers["arch"] = arch
            purl.qualifiers["distro"] = os?.distro
            var package = SoftwarePackage(ecosystem: .deb, name: name, version: version, purl: purl, location: location, layer: layer)
            package.supplier = stanza["Maintainer"]
            package.description = stanza["Description"].map { String($0.prefix { $0 != "\n" }) }
            package.dependsOn = dependencyGroups((stanza["Pre-Depends"].map { [$0] } ?? []) + (stanza["Depends"].map { [$0] } ?? []))
            package.provides = stanza["Provides"].map { dependencyGroups([$0]).flatMap { $0.split(separator: "|").map(String.init) } } ?? []
            if let source = stanza["Source"] {
                // `glibc (2.36-9+deb12u4)`: the source package, and its version when it differs.
                let parts = source.split(separator: " ", maxSplits: 1)
                package.properties["todoaudit:package:source"] = String(parts[0])
                if parts.count == 2 {
                    package.properties["todoaudit:package:source-version"] = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "() "))
                }
            }
            if let arch { package.properties["todoaudit:package:architecture"] = arch }
            return package
        }
    }

    /// Where a Debian package keeps its copyright file.
    static func copyrightPath(_ package: String) -> String { "usr/share/doc/\(package)/copyright" }

    static func isCopyright(_ path: String) -> Bool {
        path.hasPrefix("usr/share/doc/") && path.hasSuffix("/copyright") && path.utf8.filter { $0 == UInt8(ascii: "/") }.count == 4
    }

    /// The licenses a copyright file names, each once, sorted: the first line of every
    /// `License:` field of a machine-readable (DEP-5) file, split at `or` and `and`, and in
    /// any file the texts it points to in `/usr/share/common-licenses/` (`GPL-2`).
    static func copyrightLicenses(_ text: String) -> [String] {
        var names = Set<String>()
        if text.hasPrefix("Format:"), text.prefix(200).contains("copyright-format") {
            for stanza in ControlStanza.parse(text) {
                guard let field = stanza["License"] else { continue }
                let first = field.prefix { $0 != "\n" }
                for part in first.replacingOccurrences(of: ",", with: " ").components(separatedBy: " ")
                    .split(whereSeparator: { $0.lowercased() == "or" || $0.lowercased() == "and" }) {
                    let name = part.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
                    if !name.isEmpty && name.count <= 64 { names.insert(name) }
                }
            }
        }
        let marker = "/usr/share/common-licenses/"
        var rest = Substring(text)
        while let found = rest.range(of: marker) {
            let name = rest[found.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "+" }
            let trimmed = name.hasSuffix(".") ? name.dropLast() : name
            if !trimmed.isEmpty && trimmed.count <= 32 { names.insert(String(trimmed)) }
            rest = rest[found.upperBound...]
        }
        return names.sorted()
    }

    /// apk's installed database: one record per package, one letter per field.
    static func apk(_ text: String, location: String, layer: Int, os: OperatingSystem?) -> [SoftwarePackage] {
        ControlStanza.parse(text).compactMap { stanza in
            guard let name = stanza["P"], !name.isEmpty, let version = stanza["V"], !version.isEmpty else { return nil }
            var purl = PackageURL(type: "apk", namespace: os?.id ?? "alpine", name: name, version: version)
            purl.qualifiers["arch"] = stanza["A"]
            purl.qualifiers["distro"] = os?.distro
            var package = SoftwarePackage(ecosystem: .apk, name: name, version: version, purl: purl, location: location, layer: layer)
            package.license = stanza["L"]
            package.supplier = stanza["m"]
            package.description = stanza["T"]
            // `D:so:libc.musl-x86_64.so.1 musl>=1.2 !conflict`: names without constraints.
            package.dependsOn = (stanza["D"] ?? "").split(separator: " ").filter { !$0.hasPrefix("!") }.map { apkName($0) }
            package.provides = (stanza["p"] ?? "").split(separator: " ").map { apkName($0) }
            if let checksum = stanza["C"], checksum.hasPrefix("Q1"), let digest = Data(base64Encoded: String(checksum.dropFirst(2))), digest.count == 20 {
                package.hashes["SHA-1"] = digest.map { String(format: "%02x", $0) }.joined()
            }
            if let origin = stanza["o"] { package.properties["todoaudit:package:origin"] = origin }
            if let arch = stanza["A"] { package.properties["todoaudit:package:architecture"] = arch }
            return package
        }
    }

    static func apkName(_ token: Substring) -> String {
        String(token.prefix { !"<>=~".contains($0) })
    }

    /// `libc6 (>= 2.34), libgcc-s1 | libgcc1, awk:any`: one entry per group, alternatives
    /// joined by `|`, version constraints and architecture qualifiers dropped.
    static func dependencyGroups(_ fields: [String]) -> [String] {
        fields.flatMap { field in
            field.split(separator: ",").compactMap { group -> String? in
                let names = group.split(separator: "|").compactMap { alternative -> String? in
                    let name = alternative.trimmingCharacters(in: .whitespacesAndNewlines).prefix { !" (:[".contains($0) }
                    return name.isEmpty ? nil : String(name)
                }
                return names.isEmpty ? nil : names.joined(separator: "|")
            }
        }
    }
}
