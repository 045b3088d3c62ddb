import Foundation

/// The files of a build context that Docker would send, after the ignore file: one walk,
/// readdir by readdir, never following a symbolic link, skipping the directories the
/// ignore file excludes unless an exception could bring something back inside them.
public struct ContextTree: Sendable {
    public struct File: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case file, symlink, other }
        /// Relative to the context, `/`-separated; a name that is not UTF-8 shows U+FFFD.
        public var path: String
        public var kind: Kind
        /// The name's real bytes when `path` could not spell them.
        public var rawPath: [UInt8]?
    }

    public var root: String
    /// What is sent, sorted by path (directories are implied by their files).
    public var files: [File]
    /// Directories that are sent themselves (not excluded), sorted.
    public var directories: [String]
    /// Entries the ignore file left out (a skipped directory counts once).
    public var excludedCount = 0
    /// Directories that could not be read (permission denied), relative to the context.
    public var unreadable: [String] = []

    /// Whether `path` (a file or a directory) is sent.
    public func contains(_ path: String) -> Bool {
        Self.sortedContains(directories, path) || Self.sortedContains(files.lazy.map(\.path), path)
    }

    private static func sortedContains<C: RandomAccessCollection>(_ sorted: C, _ value: String) -> Bool where C.Element == String, C.Index == Int {
        var low = sorted.startIndex, high = sorted.endIndex
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.endIndex && sorted[low] == value
    }

    public init(root: String, ignore: IgnoreFile?) {
        self.root = root
        var files: [File] = []
        var directories: [String] = []
        var excluded = 0
        var unreadable: [String] = []
        let base = Array((root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root).utf8)
        // (bytes on disk, path relative to the context, verdict of that directory)
        var pending: [([UInt8], [UInt8], IgnoreFile.Verdict?)] = [(base, [], nil)]
        while let (directory, relative, verdict) = pending.popLast() {
            guard let entries = Self.list(directory) else {
                unreadable.append(relative.isEmpty ? "." : String(decoding: relative, as: UTF8.self))
                continue
            }
            for entry in entries {
                let relativeBytes = relative.isEmpty ? entry.name : relative + [0x2F] + entry.name
                let path = String(decoding: relativeBytes, as: UTF8.self)
                let own = ignore?.verdict(path, parent: verdict)
                var type = entry.type
                let full = directory + [0x2F] + entry.name
                if type == Self.DT_UNKNOWN_ { type = Self.lstatType(full) }
                if type == Self.DT_DIR_ {
                    if own?.excluded == true && !(ignore?.mayInclude(below: path) ?? false) {
                        excluded += 1
                        continue
                    }
                    if own?.excluded != true { directories.append(path) }
                    pending.append((full, relativeBytes, own))
                    continue
                }
                if own?.excluded == true {
                    excluded += 1
                    continue
                }
                let kind: File.Kind = type == Self.DT_REG_ ? .file : type == Self.DT_LNK_ ? .symlink : .other
                let lossless = Array(path.utf8) == relativeBytes
                files.append(File(path: path, kind: kind, rawPath: lossless ? nil : relativeBytes))
            }
        }
        files.sort { $0.path < $1.path }
        self.files = files
        self.directories = directories.sorted()
        self.excludedCount = excluded
        self.unreadable = unreadable.sorted()
    }

    /// Whether the context directory holds `path` at all, sent or not (lstat: a link counts).
    public func exists(_ path: String) -> Bool {
        Self.lstatType(Array(root.utf8) + [0x2F] + Array(path.utf8)) != 0
    }

    /// The bytes of a file's path on disk.
    public func diskPath(_ file: File) -> [UInt8] {
        Array(root.utf8) + [0x2F] + (file.rawPath ?? Array(file.path.utf8))
    }

    // readdir's d_type values (Glibc's DT_* are not imported as constants everywhere).
    private static let DT_UNKNOWN_: UInt8 = 0, DT_DIR_: UInt8 = 4, DT_REG_: UInt8 = 8, DT_LNK_: UInt8 = 10

    /// A directory's entries by name bytes and type, sorted; nil when it cannot be opened.
    static func list(_ directory: [UInt8]) -> [(name: [UInt8], type: UInt8)]? {
        let handle: OpaquePointer? = (directory + [0]).withUnsafeBufferPointer { path in
            path.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { opendir($0) }
        }
        guard let handle else { return nil }
        defer { closedir(handle) }
        var out: [(name: [UInt8], type: UInt8)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            out.append((name, entry.pointee.d_type))
        }
        return out.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    static func lstatType(_ path: [UInt8]) -> UInt8 {
        var info = stat()
        let status = (path + [0]).withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { lstat($0, &info) }
        }
        guard status == 0 else { return 0 }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return DT_DIR_
        case S_IFREG: return DT_REG_
        case S_IFLNK: return DT_LNK_
        default: return 1
        }
    }
}
