import Dispatch
import Foundation

/// Deterministic parallel work: tasks split into a fixed number of blocks that never depends on the
/// number of threads; each block's result is kept apart and combined in block order, so a result has
/// the same bits on 1 or 16 threads.
public enum Parallel {
    /// Threads to use by default: the machine's active processors (`STAKENET_THREADS` overrides).
    public static var defaultThreads: Int {
        if let text = ProcessInfo.processInfo.environment["STAKENET_THREADS"], let value = Int(text), value > 0 { return value }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The number of blocks `count` tasks split into: up to 32, at least `minimumPerBlock` tasks each.
    public static func blockCount(for count: Int, minimumPerBlock: Int = 16) -> Int {
        max(1, min(32, count / max(1, minimumPerBlock)))
    }

    /// The tasks of block `block` of `blocks` over `0 ..< count`: contiguous, sizes differing by at most one.
    public static func range(ofBlock block: Int, blocks: Int, count: Int) -> Range<Int> {
        let base = count / blocks, extra = count % blocks
        let start = block * base + min(block, extra)
        return start ..< start + base + (block < extra ? 1 : 0)
    }

    /// Runs `body(block, worker)` for every block on up to `threads` workers. `worker` (0 ..< threads)
    /// identifies scratch space that one worker may reuse across the blocks it runs.
    public static func forEachBlock(_ blocks: Int, threads: Int, _ body: @escaping @Sendable (_ block: Int, _ worker: Int) -> Void) {
        let workers = max(1, min(threads, blocks))
        if workers == 1 {
            for block in 0 ..< blocks { body(block, 0) }
            return
        }
        let next = BlockCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let block = next.take(below: blocks) { body(block, worker) }
        }
    }
}

/// Hands out block numbers to workers.
private final class BlockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Memory that parallel blocks write to disjoint parts of; the caller guarantees the parts do not overlap.
public final class SharedBuffer<Element>: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Element>
    public let count: Int

    public init(repeating value: Element, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(repeating: value, count: count)
    }

    public var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}

/// Scratch objects, one per worker, made before the work starts and only read afterwards.
public final class WorkerLocal<Value>: @unchecked Sendable {
    private let values: [Value]

    public init(workers: Int, make: () -> Value) {
        values = (0 ..< max(1, workers)).map { _ in make() }
    }

    public func callAsFunction(_ worker: Int) -> Value { values[worker] }
}

/// Tasks finished so far across workers, for progress reports.
public final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Adds `amount` finished tasks; returns the total so far.
    public func add(_ amount: Int = 1) -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += amount
        return count
    }

    public var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
