/// A compact, immutable, index-based graph for algorithms: compressed sparse rows (CSR).
///
/// Node `i` is stakeholder `i` of the network it was built from. The neighbours of `v` along
/// out-going arcs are `outTargets[outOffsets[v] ..< outOffsets[v + 1]]`, sorted ascending, each with
/// its combined weight at the same position of `outWeights`; the in-adjacency is laid out the same way.
/// An undirected graph stores each edge in the rows of both ends (a self-loop once, as NetworkX's
/// adjacency does), and its in-adjacency shares the out-adjacency's storage.
///
/// Memory: `8(n + 1)` bytes per offsets array and 12 bytes per stored arc (4-byte target, 8-byte weight).
/// A directed graph stores each arc twice (out and in): 24 bytes per arc plus `16(n + 1)` bytes.
/// An undirected graph stores each edge twice in one shared adjacency: also 24 bytes per edge plus
/// `8(n + 1)` bytes. Node indices are 32-bit, so a graph holds at most 2³¹ − 1 nodes.
public struct Graph: Sendable {
    public let nodeCount: Int
    public let isDirected: Bool
    /// Whether the weights mean something; when `false` every weight is the number of ties combined
    /// (1 for a simple graph), and measures treat the graph as unweighted.
    public let isWeighted: Bool
    /// Number of arcs (directed) or edges (undirected), self-loops included, after parallel ties are combined.
    public let edgeCount: Int
    /// Number of self-loops kept (0 unless the selection keeps them).
    public let selfLoopCount: Int
    public let outOffsets: [Int]
    public let outTargets: [Int32]
    public let outWeights: [Double]
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inWeights: [Double]

    /// Assembles a graph from CSR arrays that already satisfy the layout above. Use `GraphBuilder` or
    /// `StakeholderNetwork.graph(selecting:)` instead unless the arrays come from another graph.
    public init(nodeCount: Int, isDirected: Bool, isWeighted: Bool, edgeCount: Int, selfLoopCount: Int,
                outOffsets: [Int], outTargets: [Int32], outWeights: [Double],
                inOffsets: [Int], inSources: [Int32], inWeights: [Double]) {
        precondition(outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1)
        precondition(outTargets.count == outWeights.count && inSources.count == inWeights.count)
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.isWeighted = isWeighted
        self.edgeCount = edgeCount
        self.selfLoopCount = selfLoopCount
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outWeights = outWeights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inWeights = inWeights
    }

    /// Positions in `outTargets`/`outWeights` of `v`'s out-going arcs. O(1).
    @inlinable public func outRange(of v: Int) -> Range<Int> { outOffsets[v] ..< outOffsets[v + 1] }
    /// Positions in `inSources`/`inWeights` of `v`'s in-coming arcs. O(1).
    @inlinable public func inRange(of v: Int) -> Range<Int> { inOffsets[v] ..< inOffsets[v + 1] }

    /// Targets of `v`'s out-going arcs (neighbours, when undirected), ascending. O(1).
    @inlinable public func successors(of v: Int) -> ArraySlice<Int32> { outTargets[outRange(of: v)] }
    /// Sources of `v`'s in-coming arcs (neighbours, when undirected), ascending. O(1).
    @inlinable public func predecessors(of v: Int) -> ArraySlice<Int32> { inSources[inRange(of: v)] }

    /// Number of distinct out-neighbours (neighbours when undirected; a self-loop counts once). O(1).
    @inlinable public func outDegree(of v: Int) -> Int { outOffsets[v + 1] - outOffsets[v] }
    @inlinable public func inDegree(of v: Int) -> Int { inOffsets[v + 1] - inOffsets[v] }

    /// Whether there is an arc (edge) from `u` to `v`. O(log deg(u)).
    public func hasEdge(from u: Int, to v: Int) -> Bool { weight(from: u, to: v) != nil }

    /// The combined weight of the arc (edge) from `u` to `v`, if there is one. O(log deg(u)).
    public func weight(from u: Int, to v: Int) -> Double? {
        var low = outOffsets[u], high = outOffsets[u + 1]
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if outTargets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < outOffsets[u + 1] && outTargets[low] == target ? outWeights[low] : nil
    }

    /// The same graph with its weights ignored (every arc weight 1). O(1) when already unweighted.
    public func unweighted() -> Graph {
        guard isWeighted else { return self }
        return Graph(nodeCount: nodeCount, isDirected: isDirected, isWeighted: false, edgeCount: edgeCount, selfLoopCount: selfLoopCount,
                     outOffsets: outOffsets, outTargets: outTargets, outWeights: [Double](repeating: 1, count: outWeights.count),
                     inOffsets: inOffsets, inSources: inSources, inWeights: [Double](repeating: 1, count: inWeights.count))
    }

    /// Bytes held by the CSR arrays (shared storage counted once).
    public var memoryFootprint: Int {
        let outBytes = outOffsets.count * 8 + outTargets.count * 4 + outWeights.count * 8
        return isDirected ? 2 * outBytes : outBytes
    }
}
