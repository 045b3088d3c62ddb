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
    /// Runs `body` on every layer, two (or as many as there are cores) at a time; the
    /// results come back in layer order.
    public func mapLayers<T: Sendable>(_ body: @Sendable (Layer) -> T) -> [T] {
        let results = LayerResults<T>(count: layers.count)
        let layers = self.layers
        DispatchQueue.concurrentPerform(iterations: layers.count) { index in
            results.set(index, body(layers[index]))
        }
        return results.values
    }

    /// Walks every layer in parallel, keeping entries and the contents `contentLimit`
    /// asks for (nil: none; n: the first n bytes), then merges the layers. `progress`, if
    /// given, hears about file bytes as entries go by and about each finished layer.
    /// `inspect`, if given, sees every regular file of every layer with its data (layer
    /// index, entry, content), on the thread reading that layer.
    public func scan(contentLimit: @escaping @Sendable (LayerEntry) -> Int?, progress: (any ScanProgress)? = nil,
                     maxLayerBytes: Int64 = .max,
                     inspect: (@Sendable (Int, LayerEntry, LayerContent) -> Void)? = nil) -> ImageScan {
        progress?.started(image: name, layers: layers.count)
        let layers = mapLayers { layer -> LayerScan in
            var entries: [LayerEntry] = []
            var contents: [String: [UInt8]] = [:]
            let result = layer.walk(maxUncompressedBytes: maxLayerBytes) { entry, content in
                entries.append(entry)
                if entry.kind == .file {
                    if let limit = contentLimit(entry) { contents[entry.path] = content.read(limit: limit) }
                    inspect?(layer.index, entry, content)
                }
                if entry.size > 0 { progress?.read(bytes: entry.size) }
            }
            progress?.finishedLayer()
            return LayerScan(layer: layer, entries: entries, contents: contents, result: result)
        }
        progress?.finished()
        return ImageScan(layers: layers, merged: MergedView.merge(layers.map(\.entries)))
    }
}

/// Slots filled from several threads, one per layer.
private final class LayerResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
