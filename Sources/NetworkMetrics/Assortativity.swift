import NetworkModel

extension Graph {
    /// Degree assortativity: the Pearson correlation, over ties, of the degrees at their two ends, as
    /// NetworkX's `degree_assortativity_coefficient`. On a directed graph it correlates the source's
    /// out-degree with the target's in-degree; on an undirected graph each edge counts in both directions.
    /// `nil` when undefined (no ties, or all ends of equal degree).
    ///
    /// - Complexity: O(n + m).
    /// - Reference: M. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 2003. doi:10.1103/PhysRevE.67.026126
    public func degreeAssortativity() -> Double? {
        let sourceDegree = isDirected ? outDegree().values : degree().values
        let targetDegree = isDirected ? inDegree().values : sourceDegree
        var count = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0, sumXY = 0.0
        for u in 0 ..< nodeCount {
            for w in successors(of: u) {
                let x = sourceDegree[u], y = targetDegree[Int(w)]
                count += 1; sumX += x; sumY += y; sumXX += x * x; sumYY += y * y; sumXY += x * y
            }
        }
        guard count > 0 else { return nil }
        let covariance = sumXY / count - (sumX / count) * (sumY / count)
        let varianceX = sumXX / count - (sumX / count) * (sumX / count)
        let varianceY = sumYY / count - (sumY / count) * (sumY / count)
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Edgewise reciprocity of a directed graph: the share of arcs whose reverse arc is also present,
    /// as NetworkX's `overall_reciprocity`. `nil` for an undirected graph or one without arcs. O(m log d).
    public func reciprocity() -> Double? {
        guard isDirected, edgeCount > 0 else { return nil }
        var reciprocated = 0
        for u in 0 ..< nodeCount {
            for w in successors(of: u) where Int(w) != u && hasEdge(from: Int(w), to: u) { reciprocated += 1 }
        }
        return Double(reciprocated) / Double(edgeCount)
    }
}
