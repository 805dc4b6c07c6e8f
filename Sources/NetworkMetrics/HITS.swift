import NetworkModel

extension Graph {
    /// Hub and authority scores (HITS): authorities are pointed to by good hubs, hubs point to good
    /// authorities; a = Aᵀh and h = Aa, the leading singular vectors of A (strengths on a weighted graph),
    /// each normalised to sum 1 as NetworkX's `hits(normalized=True)`. On an undirected graph both equal
    /// the leading eigenvector of A, normalised to sum 1.
    ///
    /// NetworkX computes the singular vectors with ARPACK; here power iteration on AᵀA runs until the
    /// L1 change of the authority vector is below `tolerance`, which agrees with it to within the
    /// tolerance whenever the leading singular value is simple.
    ///
    /// - Complexity: O(n + m) per iteration.
    /// - Throws: `AnalysisError.notConverged` naming the iterations and tolerance.
    /// - Reference: J. Kleinberg, "Authoritative sources in a hyperlinked environment", J. ACM 46(5),
    ///   1999. doi:10.1145/324133.324140
    public func hits(maxIterations: Int = 10_000, tolerance: Double = IterationDefaults.tolerance) throws -> (hub: NodeScores, authority: NodeScores) {
        let n = nodeCount
        guard n > 0 else { return (NodeScores(measure: "hub", values: []), NodeScores(measure: "authority", values: [])) }
        var authority = [Double](repeating: 1 / Double(n), count: n)
        var hub = [Double](repeating: 0, count: n)
        var next = authority
        for _ in 0 ..< maxIterations {
            // h = A a (along out-arcs), then a' = Aᵀ h (along in-arcs).
            for v in 0 ..< n {
                var sum = 0.0
                for e in outRange(of: v) { sum += authority[Int(outTargets[e])] * (isWeighted ? outWeights[e] : 1) }
                hub[v] = sum
            }
            for v in 0 ..< n {
                var sum = 0.0
                for e in inRange(of: v) { sum += hub[Int(inSources[e])] * (isWeighted ? inWeights[e] : 1) }
                next[v] = sum
            }
            let total = next.reduce(0, +)
            guard total > 0 else {
                return (NodeScores(measure: "hub", values: hub), NodeScores(measure: "authority", values: next))
            }
            var change = 0.0
            for v in 0 ..< n {
                next[v] /= total
                change += abs(next[v] - authority[v])
            }
            swap(&authority, &next)
            if change < tolerance {
                for v in 0 ..< n {
                    var sum = 0.0
                    for e in outRange(of: v) { sum += authority[Int(outTargets[e])] * (isWeighted ? outWeights[e] : 1) }
                    hub[v] = sum
                }
                let hubTotal = hub.reduce(0, +)
                if hubTotal > 0 { hub = hub.map { $0 / hubTotal } }
                return (NodeScores(measure: "hub", values: hub), NodeScores(measure: "authority", values: authority))
            }
        }
        throw AnalysisError.notConverged(measure: "hub/authority", iterations: maxIterations, tolerance: tolerance)
    }
}
