import NetworkModel

/// How tie weights become path lengths in path-based measures (DESIGN.md, Weights).
public enum WeightMeaning: String, Sendable, CaseIterable {
    /// Weight is strength: a tie of strength w has length 1/w (a zero-strength tie cannot be crossed).
    case strength
    /// Weight is already a distance: the length is the weight itself.
    case distance
}

/// Which way a search follows arcs.
enum SearchDirection {
    /// Along arcs: distances *from* the source.
    case forward
    /// Against arcs: distances *to* the source.
    case backward
}

/// An unsafe, read-only view of one adjacency of a graph, for hot loops. Valid only inside
/// `Graph.withAdjacency`; the fenced place where metrics touch raw memory.
struct Adjacency: @unchecked Sendable {
    let nodeCount: Int
    let offsets: UnsafeBufferPointer<Int>
    let neighbours: UnsafeBufferPointer<Int32>
    /// Arc weights (strengths) in the same positions.
    let weights: UnsafeBufferPointer<Double>
    /// Arc lengths in the same positions; empty when the search is unweighted.
    let lengths: UnsafeBufferPointer<Double>
    /// Offsets of the opposite adjacency: `reverseOffsets[v + 1] − reverseOffsets[v]` bounds how many
    /// arcs a search can reach v by, so they give room for v's predecessors in a shortest-path DAG.
    let reverseOffsets: UnsafeBufferPointer<Int>

    var isWeighted: Bool { !lengths.isEmpty }
}

extension Graph {
    /// Arc lengths for path measures, parallel to `outWeights` (and so to `inWeights` when undirected),
    /// or `nil` when the graph is unweighted.
    func pathLengths(_ meaning: WeightMeaning, direction: SearchDirection) -> [Double]? {
        guard isWeighted else { return nil }
        let weights = direction == .forward || !isDirected ? outWeights : inWeights
        switch meaning {
        case .strength: return weights.map { $0 > 0 ? 1 / $0 : .infinity }
        case .distance: return weights
        }
    }

    /// Runs `body` with a view of the out-adjacency (`.forward`) or in-adjacency (`.backward`).
    func withAdjacency<R>(_ direction: SearchDirection, lengths: [Double]?, _ body: (Adjacency) throws -> R) rethrows -> R {
        let useOut = direction == .forward || !isDirected
        let offsets = useOut ? outOffsets : inOffsets
        let reverseOffsets = useOut ? inOffsets : outOffsets
        let neighbours = useOut ? outTargets : inSources
        let weights = useOut ? outWeights : inWeights
        let lengths = lengths ?? []
        return try offsets.withUnsafeBufferPointer { o in
            try reverseOffsets.withUnsafeBufferPointer { r in
                try neighbours.withUnsafeBufferPointer { t in
                    try weights.withUnsafeBufferPointer { w in
                        try lengths.withUnsafeBufferPointer { l in
                            try body(Adjacency(nodeCount: nodeCount, offsets: o, neighbours: t, weights: w, lengths: l, reverseOffsets: r))
                        }
                    }
                }
            }
        }
    }
}
