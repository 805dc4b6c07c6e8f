import NetworkModel

extension Graph {
    /// Calls `body(neighbour, weight)` once per node tied to `v` either way, ascending, with the weights of
    /// the arcs v → u and u → v added (1 per arc when unweighted). `countingBothRowsWhenUndirected`: on an
    /// undirected graph, read the shared row as out- and in-row both, so an edge counts twice (2w, as
    /// NetworkX's mutual weight); otherwise once. Self-loops are included (neighbour == v).
    ///
    /// - Complexity: O(deg(v)), a merge of two sorted rows.
    public func forEachTieEitherWay(of v: Int, countingBothRowsWhenUndirected: Bool, _ body: (Int32, Double) -> Void) {
        let out = outRange(of: v)
        let into = isDirected || countingBothRowsWhenUndirected ? inRange(of: v) : 0 ..< 0
        var a = out.lowerBound, b = into.lowerBound
        while a < out.upperBound || b < into.upperBound {
            let x = a < out.upperBound ? outTargets[a] : Int32.max
            let y = b < into.upperBound ? inSources[b] : Int32.max
            let node = Swift.min(x, y)
            var weight = 0.0
            if x == node { weight += isWeighted ? outWeights[a] : 1; a += 1 }
            if y == node { weight += isWeighted ? inWeights[b] : 1; b += 1 }
            body(node, weight)
        }
    }
}
