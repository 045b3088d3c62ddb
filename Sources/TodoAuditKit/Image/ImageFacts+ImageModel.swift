import ImageModel

extension ImageFacts {
    /// `wantedContents` as one glob set (a `dir/` entry stands for everything below it),
    /// built once: it is asked about every entry of every layer.
    private static let wanted = GlobSet(wantedContents.map { $0.hasSuffix("/") ? $0 + "*" : $0 })

    /// Whether the checks need this entry's content (small text databases only).
    static func wantsContent(_ path: String) -> Bool { wanted.matches(path) }
}
