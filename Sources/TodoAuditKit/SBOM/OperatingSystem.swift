/// The distribution an image is built on, from `etc/os-release` (or `usr/lib/os-release`).
public struct OperatingSystem: Sendable, Hashable {
    /// `ID`: `debian`, `alpine`, `ubuntu`.
    public var id: String
    /// `VERSION_ID`: `12`, `3.19.1`; absent on rolling releases (Debian sid).
    public var versionID: String?
    public var prettyName: String?
    public var name: String?

    /// The purl `distro` qualifier: `debian-12`, `alpine-3.19.1`.
    public var distro: String { versionID.map { "\(id)-\($0)" } ?? id }

    /// Parses `KEY=value` lines, values optionally quoted with shell escapes; nil without an `ID`.
    public static func parse(_ text: String) -> OperatingSystem? {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { continue }
            var value = Substring(trimmed[trimmed.index(after: equals)...])
            if let quote = value.first, quote == "\"" || quote == "'", value.count >= 2, value.last == quote {
                value = value.dropFirst().dropLast()
            }
            fields[String(trimmed[..<equals])] = value.replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\$", with: "$").replacingOccurrences(of: "\\\\", with: "\\")
        }
        guard let id = fields["ID"]?.lowercased(), !id.isEmpty else { return nil }
        return OperatingSystem(id: id, versionID: fields["VERSION_ID"].flatMap { $0.isEmpty ? nil : $0 },
                               prettyName: fields["PRETTY_NAME"], name: fields["NAME"])
    }
}
