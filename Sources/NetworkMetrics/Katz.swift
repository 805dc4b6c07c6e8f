import NetworkModel

extension Graph {
    /// Katz centrality, as NetworkX's `katz_centrality(alpha=0.1, beta=1, normalized=True)`:
    /// x = α Aᵀx + β, iterated from zero until the L1 change is below `tolerance` times the L1 norm of x
    /// (default 1e-12), then scaled to unit Euclidean length. A node's score comes from its in-neighbours; on a weighted graph A holds strengths.
    /// It converges only when α is below 1/λ_max of A: otherwise it is refused as not converged.
    ///
    /// - Complexity: O(n + m) per iteration.
    /// - Throws: `AnalysisError.notConverged` naming the iterations and tolerance.
    /// - Reference: L. Katz, "A new status index derived from sociometric analysis", Psychometrika 18(1),
    ///   1953. doi:10.1007/BF02289026
    public func katz(alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true,
                     maxIterations: Int = 1000, tolerance: Double = IterationDefaults.tolerance) throws -> NodeScores {
        let n = nodeCount
        guard n > 0 else { return NodeScores(measure: "katz", values: []) }
        var x = [Double](repeating: 0, count: n)
        var next = x
        for _ in 0 ..< maxIterations {
            var change = 0.0, size = 0.0
            for v in 0 ..< n {
                var sum = 0.0
                for e in inRange(of: v) { sum += x[Int(inSources[e])] * (isWeighted ? inWeights[e] : 1) }
                next[v] = alpha * sum + beta
                change += abs(next[v] - x[v])
                size += abs(next[v])
            }
            swap(&x, &next)
            if !change.isFinite { break }
            if change <= tolerance * size {
                if normalized {
                    let norm = (x.reduce(0) { $0 + $1 * $1 }).squareRoot()
                    if norm > 0 { x = x.map { $0 / norm } }
                }
                return NodeScores(measure: "katz", values: x)
            }
        }
        throw AnalysisError.notConverged(measure: "katz", iterations: maxIterations, tolerance: tolerance)
    }
}
