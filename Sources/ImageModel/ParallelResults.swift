import Foundation

/// Results of work items done on several threads, kept in item order: each thread claims
/// the next item, does it, and sets its slot. Used for layers and for the files of a
/// secret scan.
public final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    private var claimed = 0
    private var done = 0

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next item to do, nil when every item has been taken.
    public func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < slots.count else { return nil }
        claimed += 1
        return claimed - 1
    }

    public func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        done += 1
        lock.unlock()
    }

    /// Whether some item is not done yet.
    public var isPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done < slots.count
    }

    /// Every result, in item order; call once every claimed item is set.
    public var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
