/// A package an OS package database says is installed, with the files it owns when the
/// database lists them (apk does; dpkg keeps them in separate .list files).
public struct InstalledPackage: Sendable, Hashable {
    public enum Manager: String, Sendable { case apk, dpkg }

    public var manager: Manager
    public var name: String
    public var version: String
    public var files: [String]

    /// Parses `lib/apk/db/installed`: blank-line separated records of `K:value` lines,
    /// `F:` a directory and the following `R:` files in it.
    public static func apk(_ text: String) -> [InstalledPackage] {
        ControlStanza.parse(text).compactMap { record in
            guard let name = record["P"], !name.isEmpty else { return nil }
            var directory = ""
            var files: [String] = []
            for (key, value) in record.lines {
                if key == "F" { directory = value }
                if key == "R" { files.append(directory.isEmpty ? value : directory + "/" + value) }
            }
            return InstalledPackage(manager: .apk, name: name, version: record["V"] ?? "", files: files)
        }
    }

    /// Parses a dpkg status file: RFC 822-style stanzas; only `install ok installed` counts.
    public static func dpkg(_ text: String) -> [InstalledPackage] {
        ControlStanza.parse(text).compactMap { stanza in
            guard let name = stanza["Package"]?.trimmingWhitespace(), !name.isEmpty,
                  (stanza["Status"] ?? "install ok installed").hasSuffix(" installed") else { return nil }
            return InstalledPackage(manager: .dpkg, name: name, version: stanza["Version"]?.trimmingWhitespace() ?? "", files: [])
        }
    }
}

extension ImageFacts {
    /// Packages from the apk and dpkg databases of the merged view (distroless `status.d/` too).
    public var packages: [InstalledPackage] {
        var out: [InstalledPackage] = []
        if let apk = text("lib/apk/db/installed") { out += InstalledPackage.apk(apk) }
        if let status = text("var/lib/dpkg/status") {
            out += InstalledPackage.dpkg(status).map { package in
                // `NAME.list` or, for multi-arch packages, `NAME:ARCH.list`.
                var owned = package
                let list = text("var/lib/dpkg/info/\(package.name).list")
                    ?? contents.keys.first { $0.hasPrefix("var/lib/dpkg/info/\(package.name):") && $0.hasSuffix(".list") }.flatMap { text($0) }
                owned.files = (list ?? "").split(separator: "\n").map { String($0.drop { $0 == "/" }) }.filter { !$0.isEmpty && $0 != "." }
                return owned
            }
        }
        for path in contents.keys.sorted() where path.hasPrefix("var/lib/dpkg/status.d/") {
            out += InstalledPackage.dpkg(text(path) ?? "")
        }
        return out
    }

    /// `etc/passwd` as name and uid, in file order.
    public var users: [(name: String, uid: Int)] {
        accountRecords("etc/passwd").compactMap { record in
            guard record.fields.count >= 3, let uid = Int(record.fields[2]) else { return nil }
            return (record.fields[0], uid)
        }
    }

    /// The colon-separated account lines of `etc/passwd`, `etc/shadow` or `etc/group` in the
    /// merged view, with their line numbers; comments and NIS `+` lines left out.
    public func accountRecords(_ path: String) -> [(fields: [String], line: Int)] {
        guard let text = text(path) else { return [] }
        var out: [(fields: [String], line: Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[0].hasPrefix("#"), !fields[0].hasPrefix("+") else { continue }
            out.append((fields, index + 1))
        }
        return out
    }
}
