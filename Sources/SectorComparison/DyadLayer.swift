import NetworkModel

/// One relation among the same stakeholders as a vector over dyads — the off-diagonal cells of its
/// adjacency matrix, ordered pairs (i, j), i ≠ j, when directed, unordered pairs when not — as QAP reads it.
public struct DyadLayer: Sendable {
    public let name: String
    public let nodeCount: Int
    public let isDirected: Bool
    /// `values[index(i, j)]`: the tie's value from i to j (1 for a tie when unweighted, 0 for none).
    public let values: [Double]

    /// The layer of a graph: its combined tie weights when the graph is weighted, else 1 per tie.
    /// Self-loops are left out (QAP ignores the diagonal, as sna's defaults do).
    ///
    /// - Complexity: O(n²) memory (8 bytes per dyad).
    public init(name: String, graph: Graph) {
        self.name = name
        nodeCount = graph.nodeCount
        isDirected = graph.isDirected
        var values = [Double](repeating: 0, count: DyadLayer.dyadCount(graph.nodeCount, directed: graph.isDirected))
        for u in 0 ..< graph.nodeCount {
            for position in graph.outRange(of: u) {
                let v = Int(graph.outTargets[position])
                guard v != u, graph.isDirected || v < u else { continue }
                values[DyadLayer.index(u, v, graph.nodeCount, directed: graph.isDirected)] = graph.isWeighted ? graph.outWeights[position] : 1
            }
        }
        self.values = values
    }

    public init(name: String, nodeCount: Int, isDirected: Bool, values: [Double]) {
        precondition(values.count == DyadLayer.dyadCount(nodeCount, directed: isDirected))
        self.name = name
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.values = values
    }

    /// The layer among some stakeholders only (indices in increasing order): node i of the result is
    /// `kept[i]`. O(k²).
    public func restricted(to kept: [Int]) -> DyadLayer {
        let k = kept.count
        var result = [Double](repeating: 0, count: DyadLayer.dyadCount(k, directed: isDirected))
        for i in 0 ..< k {
            for j in 0 ..< k where j != i && (isDirected || j < i) {
                result[DyadLayer.index(i, j, k, directed: isDirected)] = values[DyadLayer.index(kept[i], kept[j], nodeCount, directed: isDirected)]
            }
        }
        return DyadLayer(name: name, nodeCount: k, isDirected: isDirected, values: result)
    }

    public static func dyadCount(_ n: Int, directed: Bool) -> Int { directed ? n * (n - 1) : n * (n - 1) / 2 }

    /// Position of the dyad (i, j), i ≠ j: row by row when directed; i(i − 1)/2 + j with i > j when not.
    @inlinable public static func index(_ i: Int, _ j: Int, _ n: Int, directed: Bool) -> Int {
        if directed { return i * (n - 1) + (j < i ? j : j - 1) }
        return i > j ? i * (i - 1) / 2 + j : j * (j - 1) / 2 + i
    }

    /// For every dyad position, the position of its image under relabelling node v as `permutation[v]`:
    /// the permuted layer's value at (i, j) is the original's at (π(i), π(j)), as sna's `rmperm`.
    static func permutedPositions(_ permutation: [Int], directed: Bool, into positions: inout [Int]) {
        let n = permutation.count
        var index = 0
        if directed {
            for i in 0 ..< n { for j in 0 ..< n where j != i {
                positions[index] = DyadLayer.index(permutation[i], permutation[j], n, directed: true); index += 1
            } }
        } else {
            for i in 0 ..< n { for j in 0 ..< i {
                positions[index] = DyadLayer.index(permutation[i], permutation[j], n, directed: false); index += 1
            } }
        }
    }
}
