/// Lexical path handling for names inside archives: nothing here touches the disk.
enum ArchivePath {
    /// Strips `./` and leading `/`, drops empty and `.` components and a trailing slash.
    /// `..` components are kept but reported: such an entry would land outside the root.
    static func normalize(_ raw: String) -> (path: String, escapes: Bool) {
        // Most names are already clean; keep their storage instead of splitting and joining.
        if isClean(raw) { return (raw, false) }
        var parts: [Substring] = []
        var escapes = false
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." { escapes = true }
            parts.append(part)
        }
        return (parts.joined(separator: "/"), escapes)
    }

    /// No leading, doubled or trailing `/`, and no `.` or `..` component.
    static func isClean(_ raw: String) -> Bool {
        var length = 0
        var dotsOnly = true
        for byte in raw.utf8 {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (dotsOnly && length <= 2) { return false }
                length = 0
                dotsOnly = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { dotsOnly = false }
            }
        }
        return length > 0 && !(dotsOnly && length <= 2)
    }

    /// Resolves `target` (a symlink's, relative to the link's directory, or absolute from
    /// the root) lexically; nil when it climbs above the root.
    static func resolve(_ target: String, from directory: String) -> String? {
        var stack: [Substring] = target.hasPrefix("/") ? [] : directory.split(separator: "/")
        for part in target.split(separator: "/") where part != "." {
            if part == ".." {
                if stack.isEmpty { return nil }
                stack.removeLast()
            } else {
                stack.append(part)
            }
        }
        return stack.joined(separator: "/")
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        // Over the bytes: a Character search walks grapheme breaks, per entry of every layer.
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (String(path[..<slash]), String(path[path.utf8.index(after: slash)...]))
    }

    /// The directory part alone (`a/b` of `a/b/c`).
    static func directory(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
