import NetworkModel

extension Graph {
    /// Eigenvector centrality, computed exactly as NetworkX's `eigenvector_centrality`: power iteration on
    /// A + I (A weighted by strength on a weighted graph) from the uniform vector, each step normalised
    /// to unit Euclidean length, until the L1 change is below `tolerance` times the vector's L1 norm
    /// (default 1e-12; NetworkX stops at an L1 change of n·1e-6). On a directed graph a node's
    /// score comes from its in-neighbours (left eigenvector), as in NetworkX.
    ///
    /// Refused on a disconnected graph (the leading eigenvector is then not unique); use
    /// `eigenvectorByComponent` to score each component on its own.
    ///
    /// - Complexity: O(m) per iteration.
    /// - Throws: `AnalysisError.disconnected`, or `.notConverged` naming the iterations and tolerance.
    /// - Reference: P. Bonacich, "Power and centrality: a family of measures", Am. J. Sociol. 92(5), 1987.
    ///   doi:10.1086/228631
    public func eigenvector(maxIterations: Int = 1000, tolerance: Double = IterationDefaults.tolerance) throws -> NodeScores {
        let components = weakComponents()
        if components.count > 1 { throw AnalysisError.disconnected(measure: "eigenvector", components: components.count) }
        return NodeScores(measure: "eigenvector", values: try eigenvectorIteration(nodes: Array(0 ..< nodeCount), maxIterations: maxIterations, tolerance: tolerance))
    }

    /// Eigenvector centrality of each (weakly connected) component on its own, each normalised to unit
    /// length within its component, as NetworkX's `eigenvector_centrality` on each component's subgraph.
    public func eigenvectorByComponent(maxIterations: Int = 1000, tolerance: Double = IterationDefaults.tolerance) throws -> NodeScores {
        var values = [Double](repeating: 0, count: nodeCount)
        for members in weakComponents().members {
            let scores = try eigenvectorIteration(nodes: members, maxIterations: maxIterations, tolerance: tolerance)
            for (i, v) in members.enumerated() { values[v] = scores[i] }
        }
        return NodeScores(measure: "eigenvector", values: values)
    }

    /// Power iteration over the nodes `nodes` (a union of components, ascending); returns their scores in that order.
    private func eigenvectorIteration(nodes: [Int], maxIterations: Int, tolerance: Double) throws -> [Double] {
        let k = nodes.count
        guard k > 0 else { return [] }
        var local = [Int](repeating: -1, count: nodeCount)
        for (i, v) in nodes.enumerated() { local[v] = i }
        var x = [Double](repeating: 1 / Double(k), count: k)
        var next = x
        for _ in 0 ..< maxIterations {
            // next = x (A + I)^T, pulled from in-neighbours.
            for (i, v) in nodes.enumerated() {
                var sum = x[i]
                for e in inRange(of: v) {
                    let u = local[Int(inSources[e])]
                    sum += x[u] * (isWeighted ? inWeights[e] : 1)
                }
                next[i] = sum
            }
            var norm = (next.reduce(0) { $0 + $1 * $1 }).squareRoot()
            if norm == 0 { norm = 1 }
            var change = 0.0, size = 0.0
            for i in 0 ..< k {
                next[i] /= norm
                change += abs(next[i] - x[i])
                size += abs(next[i])
            }
            swap(&x, &next)
            if change <= tolerance * size { return x }
        }
        if isDirected && isAcyclic(nodes) {
            throw AnalysisError.invalid("eigenvector centrality is not defined on a directed network without cycles: every score falls to 0 "
                + "(NetworkX's eigenvector_centrality does not converge either); use pagerank or katz")
        }
        throw AnalysisError.notConverged(measure: "eigenvector", iterations: maxIterations, tolerance: tolerance)
    }

    /// Whether the arcs among `nodes` (self-loops aside) form no cycle: Kahn's algorithm, O(n + m).
    private func isAcyclic(_ nodes: [Int]) -> Bool {
        var inside = [Bool](repeating: false, count: nodeCount)
        for v in nodes { inside[v] = true }
        var remaining = [Int](repeating: 0, count: nodeCount)
        for v in nodes { for u in predecessors(of: v) where inside[Int(u)] && Int(u) != v { remaining[v] += 1 } }
        var ready = nodes.filter { remaining[$0] == 0 }
        var removed = 0
        while let v = ready.popLast() {
            removed += 1
            for w in successors(of: v) where inside[Int(w)] && Int(w) != v {
                remaining[Int(w)] -= 1
                if remaining[Int(w)] == 0 { ready.append(Int(w)) }
            }
        }
        return removed == nodes.count
    }
}
