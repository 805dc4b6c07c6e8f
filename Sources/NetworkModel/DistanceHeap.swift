/// A binary min-heap of (distance, node) for Dijkstra's algorithm, with lazy deletion. Reused across
/// searches, so it allocates only when it grows.
public struct DistanceHeap: Sendable {
    @usableFromInline var keys: [Double] = []
    @usableFromInline var nodes: [Int32] = []

    public init() {}

    @inlinable public var isEmpty: Bool { keys.isEmpty }

    @inlinable public mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    /// Ties in distance are broken by node index, so the settling order is deterministic.
    @inlinable func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
    }

    @inlinable public mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            keys.swapAt(child, parent)
            nodes.swapAt(child, parent)
            child = parent
        }
    }

    @inlinable public mutating func pop() -> (key: Double, node: Int32) {
        let top = (keys[0], nodes[0])
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < keys.count, less(left, smallest) { smallest = left }
                if right < keys.count, less(right, smallest) { smallest = right }
                if smallest == parent { break }
                keys.swapAt(parent, smallest)
                nodes.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
