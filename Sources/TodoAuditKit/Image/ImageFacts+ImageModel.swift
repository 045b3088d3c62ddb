import ImageModel

extension ImageFacts {
    /// Whether the checks need this entry's content (small text databases only).
    /// Asked for every entry of every layer, so the list is split into its kinds once.
    static func wantsContent(_ path: String) -> Bool {
        WantedContents.shared.matches(path)
    }
}

/// `wantedContents` as exact paths, directory prefixes and globs.
struct WantedContents: Sendable {
    static let shared = WantedContents(ImageFacts.wantedContents)

    let exact: Set<String>
    let prefixes: [String]
    let globs: [Glob]

    init(_ wanted: [String]) {
        exact = Set(wanted.filter { !$0.hasSuffix("/") && !$0.contains("*") })
        prefixes = wanted.filter { $0.hasSuffix("/") }
        globs = wanted.filter { $0.contains("*") }.map(Glob.init)
    }

    func matches(_ path: String) -> Bool {
        exact.contains(path) || prefixes.contains { path.hasPrefix($0) } || globs.contains { $0.matches(path) }
    }
}
