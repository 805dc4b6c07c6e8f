import NetworkModel

/// A division of a graph's nodes into components.
public struct Components: Sendable, Equatable {
    /// `componentOf[v]`: the component of node `v`, numbered 0, 1, … by their smallest node.
    public let componentOf: [Int]
    /// Number of nodes in each component.
    public let sizes: [Int]

    public var count: Int { sizes.count }
    public var largestSize: Int { sizes.max() ?? 0 }

    /// The nodes of each component, ascending, components in number order.
    public var members: [[Int]] {
        var groups = [[Int]](repeating: [], count: sizes.count)
        for (v, c) in componentOf.enumerated() { groups[c].append(v) }
        return groups
    }

    /// Renumbers labels so components are numbered by their smallest node.
    init(labels: [Int]) {
        var renumber: [Int: Int] = [:]
        var componentOf = [Int](repeating: 0, count: labels.count)
        var sizes: [Int] = []
        for (v, label) in labels.enumerated() {
            if let c = renumber[label] {
                componentOf[v] = c
                sizes[c] += 1
            } else {
                renumber[label] = sizes.count
                componentOf[v] = sizes.count
                sizes.append(1)
            }
        }
        self.componentOf = componentOf
        self.sizes = sizes
    }
}

extension Graph {
    /// Connected components, ignoring direction (weakly connected components of a directed graph),
    /// as NetworkX's `connected_components` / `weakly_connected_components`.
    ///
    /// - Complexity: O(n + m), breadth-first search over out- and in-arcs.
    public func weakComponents() -> Components {
        var label = [Int](repeating: -1, count: nodeCount)
        var queue = [Int]()
        queue.reserveCapacity(nodeCount)
        for start in 0 ..< nodeCount where label[start] < 0 {
            label[start] = start
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                for w in successors(of: v) where label[Int(w)] < 0 {
                    label[Int(w)] = start
                    queue.append(Int(w))
                }
                if isDirected {
                    for w in predecessors(of: v) where label[Int(w)] < 0 {
                        label[Int(w)] = start
                        queue.append(Int(w))
                    }
                }
            }
        }
        return Components(labels: label)
    }

    /// Strongly connected components: maximal sets in which every node reaches every other along arcs.
    /// For an undirected graph these are the connected components.
    ///
    /// - Complexity: O(n + m), Tarjan's algorithm with an explicit stack (no recursion, so deep chains are safe).
    /// - Reference: R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J. Comput. 1(2), 1972. doi:10.1137/0201010
    public func strongComponents() -> Components {
        guard isDirected else { return weakComponents() }
        let n = nodeCount
        var index = [Int](repeating: -1, count: n)
        var lowlink = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var label = [Int](repeating: -1, count: n)
        var stack: [Int] = []
        var callStack: [(node: Int, next: Int)] = []
        var counter = 0
        for root in 0 ..< n where index[root] < 0 {
            callStack.append((root, outOffsets[root]))
            index[root] = counter; lowlink[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let frame = callStack.last {
                let v = frame.node
                if frame.next < outOffsets[v + 1] {
                    callStack[callStack.count - 1].next += 1
                    let w = Int(outTargets[frame.next])
                    if index[w] < 0 {
                        index[w] = counter; lowlink[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        callStack.append((w, outOffsets[w]))
                    } else if onStack[w] {
                        lowlink[v] = Swift.min(lowlink[v], index[w])
                    }
                    continue
                }
                callStack.removeLast()
                if let parent = callStack.last?.node { lowlink[parent] = Swift.min(lowlink[parent], lowlink[v]) }
                if lowlink[v] == index[v] {
                    while true {
                        let w = stack.removeLast()
                        onStack[w] = false
                        label[w] = v
                        if w == v { break }
                    }
                }
            }
        }
        return Components(labels: label)
    }

    /// Nodes with no tie at all (self-loops aside), ascending. O(n).
    public func isolates() -> [Int] {
        (0 ..< nodeCount).filter { v in
            let loop = hasEdge(from: v, to: v) ? 1 : 0
            return outDegree(of: v) - loop == 0 && (!isDirected || inDegree(of: v) - loop == 0)
        }
    }
}
