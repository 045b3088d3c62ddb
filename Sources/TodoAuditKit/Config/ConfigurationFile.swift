import Foundation

/// Finds and reads `.todoaudit.yml`.
public enum ConfigurationFile {
    public static let names = [".todoaudit.yml", ".todoaudit.yaml"]

    /// The nearest config file in `path`'s directory or any parent.
    public static func discover(from path: String) -> String? {
        var dir = URL(fileURLWithPath: path == "-" ? "." : path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            dir = dir.deletingLastPathComponent()
        }
        while true {
            for name in names {
                let candidate = dir.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    public static func load(_ path: String) throws(ConfigurationError) -> AuditConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(source: path, problem: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(source: path, problem: "is not UTF-8 text")
        }
        return try AuditConfiguration.parse(text, source: path)
    }
}
