import NetworkModel

extension Graph {
    /// Degree: the number of distinct neighbours, as NetworkX's `G.degree()` on a simple graph.
    /// On a directed graph `degree` is in-degree plus out-degree. A self-loop kept in the graph counts
    /// twice towards `degree` (once in and once out), as in NetworkX.
    ///
    /// - Complexity: O(n).
    public func degree() -> NodeScores {
        let values = (0 ..< nodeCount).map { v -> Double in
            if isDirected { return Double(outDegree(of: v) + inDegree(of: v)) }
            return Double(outDegree(of: v) + (hasEdge(from: v, to: v) ? 1 : 0))
        }
        return NodeScores(measure: "degree", values: values)
    }

    /// In-degree: the number of distinct in-neighbours (equal to `degree` when undirected). O(n).
    public func inDegree() -> NodeScores {
        isDirected ? NodeScores(measure: "in_degree", values: (0 ..< nodeCount).map { Double(inDegree(of: $0)) })
            : NodeScores(measure: "in_degree", values: degree().values)
    }

    /// Out-degree: the number of distinct out-neighbours (equal to `degree` when undirected). O(n).
    public func outDegree() -> NodeScores {
        isDirected ? NodeScores(measure: "out_degree", values: (0 ..< nodeCount).map { Double(outDegree(of: $0)) })
            : NodeScores(measure: "out_degree", values: degree().values)
    }

    /// Degree centrality: degree over n − 1, as NetworkX's `degree_centrality` (and the `in_`/`out_` variants). O(n).
    public func degreeCentrality(_ which: DegreeKind = .total) -> NodeScores {
        let raw: NodeScores
        switch which {
        case .total: raw = degree()
        case .incoming: raw = inDegree()
        case .outgoing: raw = outDegree()
        }
        let scale = nodeCount > 1 ? 1 / Double(nodeCount - 1) : 1
        return NodeScores(measure: which.prefix + "degree_centrality", values: raw.values.map { $0 * scale })
    }

    /// Strength: the sum of the weights of a node's ties (in plus out on a directed graph), as NetworkX's
    /// `G.degree(weight=…)` and igraph's `strength`; a self-loop's weight counts twice. Called on an unweighted
    /// graph it counts ties (parallel ties counted): `compute` sums the tie weights instead through
    /// `MeasureOptions.strengthGraph`. `in_strength` and `out_strength` sum in-coming and out-going ties.
    ///
    /// - Complexity: O(n + m).
    public func strength(_ which: DegreeKind = .total) -> NodeScores {
        let values = (0 ..< nodeCount).map { v -> Double in
            let out = outWeights[outRange(of: v)].reduce(0, +)
            let into = inWeights[inRange(of: v)].reduce(0, +)
            switch which {
            case .incoming: return isDirected ? into : out + (weight(from: v, to: v) ?? 0)
            case .outgoing: return isDirected ? out : out + (weight(from: v, to: v) ?? 0)
            case .total: return isDirected ? out + into : out + (weight(from: v, to: v) ?? 0)
            }
        }
        return NodeScores(measure: which.prefix + "strength", values: values)
    }
}

/// Which ties of a node a degree-like measure counts.
public enum DegreeKind: Sendable {
    case total, incoming, outgoing

    var prefix: String {
        switch self {
        case .total: return ""
        case .incoming: return "in_"
        case .outgoing: return "out_"
        }
    }
}
