extension Graph {
    /// The graph induced by `kept` (indices in increasing order): node i of the result is node `kept[i]` of
    /// this graph, with every arc between two kept nodes and its weight.
    ///
    /// - Complexity: O(n + m).
    public func induced(keeping kept: [Int]) -> Graph {
        var position = [Int32](repeating: -1, count: nodeCount)
        for (i, v) in kept.enumerated() {
            precondition(i == 0 || kept[i - 1] < v, "kept nodes must be in increasing order")
            position[v] = Int32(i)
        }
        var builder = GraphBuilder(nodeCount: kept.count, isDirected: isDirected)
        for (i, u) in kept.enumerated() {
            for p in outRange(of: u) {
                let w = position[Int(outTargets[p])]
                guard w >= 0, isDirected || Int(w) >= i else { continue }
                builder.addArc(from: i, to: Int(w), weight: outWeights[p])
            }
        }
        return builder.build(isWeighted: isWeighted)
    }
}
