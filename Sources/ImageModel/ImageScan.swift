import Foundation

/// One layer as the scan saw it.
public struct LayerScan: Sendable {
    public var layer: Layer
    /// Every entry, in tar order.
    public var entries: [LayerEntry]
    /// Contents of the entries the scan was asked for (capped), by path.
    public var contents: [String: [UInt8]]
    public var result: LayerWalkResult
}

/// Every layer walked, and the merged view over them.
public struct ImageScan: Sendable {
    public var layers: [LayerScan]
    public var merged: MergedView

    /// Contents of the requested files that the merged view still shows.
    public var visibleContents: [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for (path, file) in merged.files {
            if let bytes = layers[file.layer].contents[path] { out[path] = bytes }
        }
        return out
    }

    public var problems: [LayerProblem] { layers.flatMap(\.result.problems) }
}

extension Image {
    /// Runs `body` on every layer, as many at a time as there are cores, largest first so
    /// a big layer does not start last; the results come back in layer order. A thread
    /// with no layer left calls `whenIdle` (if given) with a test for whether others are
    /// still walking, so work handed off by those (file scans) can be done there.
    public func mapLayers<T: Sendable>(whenIdle: (@Sendable (_ walking: @Sendable () -> Bool) -> Void)? = nil,
                                       _ body: @Sendable (Layer) -> T) -> [T] {
        let results = ParallelResults<T>(count: layers.count)
        let layers = self.layers
        let order = layers.indices.sorted { layers[$0].compressedSize > layers[$1].compressedSize }
        let workers = max(1, min(layers.count, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let next = results.claim() {
                let index = order[next]
                results.set(index, body(layers[index]))
            }
            whenIdle?({ results.isPending })
        }
        return results.values
    }

    /// Walks every layer in parallel, keeping entries and the contents `contentLimit`
    /// asks for (nil: none; n: the first n bytes), then merges the layers. `progress`, if
    /// given, hears about file bytes as entries go by and about each finished layer;
    /// `limits` bound each layer's walk.
    /// `inspect`, if given, sees every regular file of every layer with its data (layer
    /// index, entry, content), on the thread reading that layer; `whenIdle` is
    /// `mapLayers`'s, for finishing work `inspect` handed off.
    public func scan(contentLimit: @escaping @Sendable (LayerEntry) -> Int?, progress: (any ScanProgress)? = nil,
                     limits: LayerLimits = .unlimited,
                     inspect: (@Sendable (Int, LayerEntry, LayerContent) -> Void)? = nil,
                     whenIdle: (@Sendable (_ walking: @Sendable () -> Bool) -> Void)? = nil) -> ImageScan {
        progress?.started(image: name, layers: layers.count)
        let merge = LayerMerge(count: layers.count)
        let layers = mapLayers(whenIdle: whenIdle) { layer -> LayerScan in
            var entries: [LayerEntry] = []
            var contents: [String: [UInt8]] = [:]
            let result = layer.walk(limits: limits) { entry, content in
                entries.append(entry)
                if entry.kind == .file {
                    if let limit = contentLimit(entry) { contents[entry.path] = content.read(limit: limit) }
                    inspect?(layer.index, entry, content)
                }
                if entry.size > 0 { progress?.read(bytes: entry.size) }
            }
            progress?.finishedLayer()
            merge.walked(layer.index, entries)
            return LayerScan(layer: layer, entries: entries, contents: contents, result: result)
        }
        progress?.finished()
        return ImageScan(layers: layers, merged: merge.view)
    }
}

/// The merged view built while layers are still being walked: a layer is applied as soon
/// as every layer below it is, by the thread that finished the last of them, so little of
/// the merge is left once the last layer is read.
private final class LayerMerge: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [[LayerEntry]?]
    private var next = 0
    private var merging = false
    private var merged: MergedView

    init(count: Int) {
        pending = Array(repeating: nil, count: count)
        merged = MergedView()
    }

    func walked(_ index: Int, _ entries: [LayerEntry]) {
        lock.lock()
        pending[index] = entries
        if merging {  // the thread merging now will take it
            lock.unlock()
            return
        }
        merging = true
        while next < pending.count, let layer = pending[next] {
            pending[next] = nil
            let index = next
            lock.unlock()
            merged.apply(layer: index, entries: layer)   // only the merging thread touches it
            lock.lock()
            next += 1
        }
        merging = false
        lock.unlock()
    }

    var view: MergedView {
        lock.lock()
        defer { lock.unlock() }
        precondition(next == pending.count, "every layer is merged once all are walked")
        return merged
    }
}
