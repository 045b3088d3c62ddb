/// Hears how a scan advances, for a progress line. Called from the threads reading
/// layers, so implementations must be thread-safe.
public protocol ScanProgress: Sendable {
    func started(image: String, layers: Int)
    func read(bytes: Int64)
    func finishedLayer()
    func finished()
}
