import NetworkModel

/// Freeman centralization: how far a network is from one where a single node holds all centrality.
///
/// C = Σ_v (max c − c(v)) / (the largest value that sum takes on a graph of the same size), computed as
/// R sna's `centralization()` with its default conventions (`normalize=TRUE`, no loops):
/// - degree: `degree` (Freeman, in + out), `in_degree`, `out_degree`; the maxima are (n−1)(n−2) for an
///   undirected graph, (n−1)² for in- or out-degree and (n−1)(2n−4) for total degree of a directed one;
/// - betweenness: raw betweenness (halved on undirected graphs) over (n−1)²(n−2) (directed) or
///   (n−1)²(n−2)/2 (undirected);
/// - closeness: sna's closeness (n−1)/Σ_v d(u,v) with distances *from* u, 0 for a node that does not
///   reach every other (so a disconnected network scores 0 for all), over (n−1)(1 − 1/n) (directed) or
///   (n−1)(n−2)/(2n−3) (undirected).
/// Unweighted. `nil` for fewer than three nodes, where the maximum is 0.
///
/// - Reference: L. Freeman, "Centrality in social networks: conceptual clarification", Social Networks 1(3),
///   1979. doi:10.1016/0378-8733(78)90021-7; C. Butts, sna: Tools for Social Network Analysis (R package).
public enum Centralization {
    public static func degree(_ graph: Graph, _ which: DegreeKind = .total) -> Double? {
        let n = Double(graph.nodeCount)
        guard graph.nodeCount > 2 else { return nil }
        let scores: [Double]
        let maximum: Double
        switch (graph.isDirected, which) {
        case (false, _): scores = graph.degree().values; maximum = (n - 1) * (n - 2)
        case (true, .total): scores = graph.degree().values; maximum = (n - 1) * (2 * (n - 1) - 2)
        case (true, .incoming): scores = graph.inDegree().values; maximum = (n - 1) * (n - 1)
        case (true, .outgoing): scores = graph.outDegree().values; maximum = (n - 1) * (n - 1)
        }
        return deviation(scores) / maximum
    }

    /// From betweenness normalised as NetworkX does (`Graph.betweenness()`), which this rescales to sna's raw counts.
    public static func betweenness(_ graph: Graph, normalizedBetweenness: NodeScores) -> Double? {
        guard graph.nodeCount > 2 else { return nil }
        // Both conventions reduce to Σ(max − b)/(n − 1) for NetworkX-normalised b.
        return deviation(normalizedBetweenness.values) / Double(graph.nodeCount - 1)
    }

    /// From out-going distance sums (`Graph.distanceSums(outgoing: true)` on the unweighted graph).
    public static func closeness(_ graph: Graph, outgoingDistances: [DistanceSum]) -> Double? {
        let n = graph.nodeCount
        guard n > 2 else { return nil }
        let scores = outgoingDistances.map { $0.reached == n && $0.total > 0 ? Double(n - 1) / $0.total : 0 }
        let nn = Double(n)
        let maximum = graph.isDirected ? (nn - 1) * (1 - 1 / nn) : (nn - 2) * (nn - 1) / (2 * nn - 3)
        return deviation(scores) / maximum
    }

    static func deviation(_ scores: [Double]) -> Double {
        guard let top = scores.max() else { return 0 }
        return scores.reduce(0) { $0 + (top - $1) }
    }
}
