import Foundation

/// Packages that carry their own metadata wherever they are installed: Python
/// distributions (`*.dist-info/METADATA`, `*.egg-info/PKG-INFO` or an `*.egg-info` file)
/// in any site-packages, dist-packages or virtualenv, and npm packages (`package.json`
/// with a name and a version) in node_modules or a distribution's nodejs directories.
enum LanguagePackageCatalog {
    /// Whether the scan should keep this file's content for the catalog.
    static func isMetadata(_ path: String) -> Bool {
        path.hasSuffix(".dist-info/METADATA") || path.hasSuffix(".egg-info/PKG-INFO") || path.hasSuffix(".egg-info")
            || path == "package.json" || path.hasSuffix("/package.json")
    }

    static func package(at path: String, _ bytes: [UInt8], layer: Int) -> SoftwarePackage? {
        if path.hasSuffix("package.json") { return npm(bytes, location: path, layer: layer) }
        return python(String(decoding: bytes, as: UTF8.self), location: path, layer: layer)
    }

    /// Core metadata headers (the description body after the first blank line is ignored).
    static func python(_ text: String, location: String, layer: Int) -> SoftwarePackage? {
        guard let headers = ControlStanza.parse(text, stopAtBody: true).first,
              let name = headers["Name"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty,
              let version = headers["Version"]?.trimmingCharacters(in: .whitespaces), !version.isEmpty else { return nil }
        let purl = PackageURL(type: "pypi", name: normalizedPythonName(name), version: version)
        var package = SoftwarePackage(ecosystem: .python, name: name, version: version, purl: purl, location: location, layer: layer)
        package.license = pythonLicense(headers)
        package.description = headers["Summary"].flatMap { $0.isEmpty || $0 == "UNKNOWN" ? nil : $0 }
        package.supplier = [headers["Author"], headers["Author-email"], headers["Maintainer"]]
            .compactMap { $0 }.first { !$0.isEmpty && $0 != "UNKNOWN" }
        return package
    }

    /// PEP 503: lower case, every run of `-`, `_` and `.` one `-` (the purl spec's pypi rule).
    static func normalizedPythonName(_ name: String) -> String {
        var out = ""
        var inRun = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !inRun { out.append("-") }
                inRun = true
            } else {
                out.append(c)
                inRun = false
            }
        }
        return out
    }

    /// `License-Expression` (metadata 2.4), else a one-line `License` that says something,
    /// else the license classifiers' last parts.
    static func pythonLicense(_ headers: ControlStanza) -> String? {
        if let expression = headers["License-Expression"]?.trimmingCharacters(in: .whitespaces), !expression.isEmpty {
            return expression
        }
        if let license = headers["License"]?.trimmingCharacters(in: .whitespaces), !license.isEmpty, license != "UNKNOWN",
           !license.contains("\n"), license.count <= 100 {
            return license
        }
        let classifiers = (headers.repeated["Classifier"] ?? []).filter { $0.hasPrefix("License ::") }
            .compactMap { $0.components(separatedBy: " :: ").last }
            .filter { $0 != "OSI Approved" }
        return classifiers.isEmpty ? nil : classifiers.joined(separator: " AND ")
    }

    static func npm(_ bytes: [UInt8], location: String, layer: Int) -> SoftwarePackage? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any],
              let fullName = object["name"] as? String, !fullName.isEmpty,
              let version = object["version"] as? String, !version.isEmpty else { return nil }
        guard var package = npm(name: fullName, version: version, location: location, layer: layer) else { return nil }
        package.license = npmLicense(object)
        package.description = (object["description"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        if let author = object["author"] as? String, !author.isEmpty {
            package.supplier = author
        } else if let author = (object["author"] as? [String: Any])?["name"] as? String, !author.isEmpty {
            package.supplier = author
        }
        return package
    }

    static func isLockfile(_ path: String) -> Bool {
        (path == "package-lock.json" || path.hasSuffix("/package-lock.json")) && !path.contains("node_modules/")
    }

    /// The packages an npm lockfile pins (lockfileVersion 1, 2 or 3), dev-only ones left
    /// out (a production install skips them); nil when the file is not a JSON object.
    static func npmLock(_ bytes: [UInt8], location: String, layer: Int) -> [SoftwarePackage]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        var out: [SoftwarePackage] = []
        func add(name: String, _ entry: [String: Any]) {
            guard entry["dev"] as? Bool != true, entry["link"] as? Bool != true,
                  let version = entry["version"] as? String, !version.isEmpty, !name.isEmpty,
                  var package = npm(name: name, version: version, location: location, layer: layer) else { return }
            package.license = entry["license"] as? String
            if let integrity = entry["integrity"] as? String, integrity.hasPrefix("sha512-"),
               let digest = Data(base64Encoded: String(integrity.dropFirst(7))), digest.count == 64 {
                package.hashes["SHA-512"] = digest.map { String(format: "%02x", $0) }.joined()
            }
            out.append(package)
        }
        if let packages = object["packages"] as? [String: Any] {
            for (path, value) in packages {
                guard let entry = value as? [String: Any], let range = path.range(of: "node_modules/", options: .backwards) else { continue }
                add(name: entry["name"] as? String ?? String(path[range.upperBound...]), entry)
            }
        } else if let dependencies = object["dependencies"] as? [String: Any] {
            func walk(_ dependencies: [String: Any]) {
                for (name, value) in dependencies {
                    guard let entry = value as? [String: Any] else { continue }
                    add(name: name, entry)
                    if let nested = entry["dependencies"] as? [String: Any] { walk(nested) }
                }
            }
            walk(dependencies)
        }
        return out
    }

    /// A package named `name` or `@scope/name`.
    static func npm(name fullName: String, version: String, location: String, layer: Int) -> SoftwarePackage? {
        var namespace: String?
        var name = fullName
        if fullName.hasPrefix("@") {
            guard let slash = fullName.firstIndex(of: "/") else { return nil }
            namespace = String(fullName[..<slash])
            name = String(fullName[fullName.index(after: slash)...])
        }
        let purl = PackageURL(type: "npm", namespace: namespace, name: name, version: version)
        return SoftwarePackage(ecosystem: .npm, name: fullName, version: version, purl: purl, location: location, layer: layer)
    }

    static func isJSONObject(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any]
    }

    /// `"license": "MIT"`, `{"type": "MIT"}`, or the old `"licenses": [{"type": …}]`.
    static func npmLicense(_ object: [String: Any]) -> String? {
        if let license = object["license"] as? String, !license.isEmpty { return license }
        if let type = (object["license"] as? [String: Any])?["type"] as? String, !type.isEmpty { return type }
        let old = (object["licenses"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["type"] as? String ?? $0 as? String }
        return old.isEmpty ? nil : old.count == 1 ? old[0] : "(" + old.joined(separator: " OR ") + ")"
    }
}
