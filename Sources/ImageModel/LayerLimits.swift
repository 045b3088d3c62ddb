/// Bounds on reading one layer. Past the byte or entry bound the walk stops; entries
/// deeper than the depth bound are left out. Either way the walk says so with a
/// `LayerProblem.limitReached`, so an audit is never cut short without a word.
public struct LayerLimits: Sendable, Hashable {
    /// Uncompressed tar bytes read of one layer: a decompression bomb costs bounded time.
    public var bytes: Int64
    /// Entries read of one layer: each one costs memory in the merged view.
    public var entries: Int
    /// Path components of an entry (`a/b/c` is 3); deeper ones are not kept.
    public var pathDepth: Int

    public init(bytes: Int64 = .max, entries: Int = .max, pathDepth: Int = .max) {
        self.bytes = bytes
        self.entries = entries
        self.pathDepth = pathDepth
    }

    public static let unlimited = LayerLimits()
}

/// Which of the `LayerLimits` a walk ran into.
public enum LayerLimit: String, Sendable, Hashable {
    case bytes, entries, pathDepth
}
