import NetworkModel

extension Graph {
    /// PageRank, as NetworkX's `pagerank`: a random surfer follows an out-going tie (chosen in proportion
    /// to its strength on a weighted graph) with probability `alpha`, else jumps to a node chosen
    /// uniformly; a node without out-going ties jumps uniformly. Undirected ties run both ways. Power
    /// iteration from the uniform vector until the L1 change is below `tolerance` (the vector sums to 1, so
    /// this is a relative change): the default, 1e-12, gives the fixed point to about 1e-12, equal to
    /// NetworkX's `pagerank(tol=1e-13)` and igraph's PRPACK within 1e-9 (NetworkX's own default, n·1e-6,
    /// stops up to 3·10⁻⁶ short of it).
    ///
    /// - Complexity: O(n + m) per iteration.
    /// - Throws: `AnalysisError.notConverged` naming the iterations and tolerance.
    /// - Reference: L. Page, S. Brin, R. Motwani and T. Winograd, "The PageRank citation ranking:
    ///   bringing order to the Web", Stanford InfoLab, 1999.
    public func pagerank(alpha: Double = 0.85, maxIterations: Int = 1000, tolerance: Double = IterationDefaults.tolerance) throws -> NodeScores {
        let n = nodeCount
        guard n > 0 else { return NodeScores(measure: "pagerank", values: []) }
        // Share of a node's rank each of its out-going arcs carries: w / out-strength.
        var outStrength = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            outStrength[v] = isWeighted ? outWeights[outRange(of: v)].reduce(0, +) : Double(outDegree(of: v))
        }
        let share = outStrength.map { $0 != 0 ? 1 / $0 : 0 }
        let dangling = (0 ..< n).filter { outStrength[$0] == 0 }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = x
        for _ in 0 ..< maxIterations {
            let danglingMass = dangling.reduce(0) { $0 + x[$1] }
            let base = alpha * danglingMass * uniform + (1 - alpha) * uniform
            var change = 0.0
            for v in 0 ..< n {
                var sum = 0.0
                for e in inRange(of: v) {
                    let u = Int(inSources[e])
                    sum += x[u] * (isWeighted ? inWeights[e] : 1) * share[u]
                }
                next[v] = alpha * sum + base
                change += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if change < tolerance { return NodeScores(measure: "pagerank", values: x) }
        }
        throw AnalysisError.notConverged(measure: "pagerank", iterations: maxIterations, tolerance: tolerance)
    }
}
