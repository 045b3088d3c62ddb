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
            if sorted[mid].utf8.lexicographicallyPrecedes(value.utf8) { low = mid + 1 } else { high = mid }
        }
        return low < sorted.endIndex && sorted[low].utf8.elementsEqual(value.utf8)
    }

    public init(root: String, ignore: IgnoreFile?) {
        self.root = root
        var files: [File] = []
        var directories: [String] = []
        var excluded = 0
        var unreadable: [String] = []
        let base = Array((root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root).utf8)
        // Depth first, each directory's entries in the order their paths sort in (a
        // directory sorts as its name and a `/`), so the files come out in path byte order
        // with no sort at the end.
        struct Frame {
            var directory: [UInt8]
            var relative: [UInt8]
            var verdict: IgnoreFile.Verdict?
            var entries: [(name: [UInt8], type: UInt8)]
            var next = 0
        }
        var stack: [Frame] = []
        func enter(_ directory: [UInt8], _ relative: [UInt8], _ verdict: IgnoreFile.Verdict?) {
            guard let entries = Self.list(directory) else {
                unreadable.append(relative.isEmpty ? "." : String(decoding: relative, as: UTF8.self))
                return
            }
            stack.append(Frame(directory: directory, relative: relative, verdict: verdict, entries: entries))
        }
        enter(base, [], nil)
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let entry = stack[top].entries[stack[top].next]
            stack[top].next += 1
            let (directory, relative, verdict) = (stack[top].directory, stack[top].relative, stack[top].verdict)
            let relativeBytes = relative.isEmpty ? entry.name : relative + [0x2F] + entry.name
            let exact = String(validating: relativeBytes, as: UTF8.self)
            let path = exact ?? String(decoding: relativeBytes, as: UTF8.self)
            let own = ignore?.verdict(path, parent: verdict)
            if entry.type == Self.DT_DIR_ {
                if own?.excluded == true && !(ignore?.mayInclude(below: path) ?? false) {
                    excluded += 1
                    continue
                }
                if own?.excluded != true { directories.append(path) }
                enter(directory + [0x2F] + entry.name, relativeBytes, own)
                continue
            }
            if own?.excluded == true {
                excluded += 1
                continue
            }
            let kind: File.Kind = entry.type == Self.DT_REG_ ? .file : entry.type == Self.DT_LNK_ ? .symlink : .other
            files.append(File(path: path, kind: kind, rawPath: exact == nil ? relativeBytes : nil))
        }
        self.files = files
        self.directories = directories
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

    /// A directory's entries by name bytes and type (DT_UNKNOWN resolved with lstat), in
    /// path order: a directory sorts as its name followed by `/`. nil when it cannot be opened.
    static func list(_ directory: [UInt8]) -> [(name: [UInt8], type: UInt8)]? {
        let handle: OpaquePointer? = (directory + [0]).withUnsafeBufferPointer { path in
            path.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) { opendir($0) }
        }
        guard let handle else { return nil }
        defer { closedir(handle) }
        var out: [(name: [UInt8], type: UInt8, key: [UInt8])] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var type = entry.pointee.d_type
            if type == DT_UNKNOWN_ { type = lstatType(directory + [0x2F] + name) }
            out.append((name, type, type == DT_DIR_ ? name + [0x2F] : name))
        }
        out.sort { a, b in
            a.key.withUnsafeBufferPointer { pa in
                b.key.withUnsafeBufferPointer { pb in
                    let order = memcmp(pa.baseAddress!, pb.baseAddress!, min(pa.count, pb.count))
                    return order != 0 ? order < 0 : pa.count < pb.count
                }
            }
        }
        return out.map { ($0.name, $0.type) }
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
