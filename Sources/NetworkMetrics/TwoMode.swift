import NetworkModel

/// How a one-mode projection weighs the tie between two nodes that share affiliations.
public enum ProjectionWeighting: String, Sendable, CaseIterable {
    /// The number of affiliations they share (NetworkX's `weighted_projected_graph`).
    case count
    /// Newman's collaboration weight Σ_k 1/(d_k − 1) over shared affiliations k of degree d_k > 1
    /// (NetworkX's `collaboration_weighted_projected_graph`).
    case newman
}

/// A one-mode projection: the nodes of one mode, tied when they share an affiliation.
public struct Projection: Sendable {
    /// Original node of each projected node, ascending.
    public let nodes: [Int]
    /// The projected, undirected, weighted graph (node i is `nodes[i]`).
    public let graph: Graph
}

extension Graph {
    /// Two-mode degree: each node's number of ties (to the other mode), and that over the size of the other
    /// mode (NetworkX's `bipartite.degree_centrality`). Ties are read either way.
    ///
    /// - Parameter modes: 0 or 1 for every node. - Complexity: O(n + m).
    public func twoModeDegree(modes: [Int]) -> (degree: NodeScores, centrality: NodeScores) {
        let sizes = [modes.filter { $0 == 0 }.count, modes.filter { $0 == 1 }.count]
        let degree = (0 ..< nodeCount).map { v in Double(affiliations(of: v).count) }
        let centrality = (0 ..< nodeCount).map { v in sizes[1 - modes[v]] > 0 ? degree[v] / Double(sizes[1 - modes[v]]) : 0 }
        return (NodeScores(measure: "two_mode_degree", values: degree), NodeScores(measure: "two_mode_degree_centrality", values: centrality))
    }

    /// The nodes tied to v either way, ascending, v itself left out.
    func affiliations(of v: Int) -> [Int] {
        var set = Set(successors(of: v).map(Int.init))
        if isDirected { set.formUnion(predecessors(of: v).map(Int.init)) }
        set.remove(v)
        return set.sorted()
    }

    /// Projects a two-mode graph onto the nodes of mode `onto`: two of them are tied when they share a
    /// neighbour of the other mode, weighted as `weighting` says. Equal to NetworkX's bipartite projections.
    ///
    /// - Complexity: O(Σ_k d_k²) over the other mode's nodes k.
    public func projection(modes: [Int], onto mode: Int, weighting: ProjectionWeighting = .count) -> Projection {
        let nodes = (0 ..< nodeCount).filter { modes[$0] == mode }
        var index = [Int](repeating: -1, count: nodeCount)
        for (i, v) in nodes.enumerated() { index[v] = i }
        var weights: [Int: Double] = [:]
        let k = nodes.count
        for affiliation in 0 ..< nodeCount where modes[affiliation] != mode {
            let members = affiliations(of: affiliation).filter { modes[$0] == mode }
            guard members.count > 1 else { continue }
            let contribution = weighting == .count ? 1 : 1 / Double(members.count - 1)
            for a in 0 ..< members.count {
                for b in a + 1 ..< members.count {
                    weights[index[members[a]] * k + index[members[b]], default: 0] += contribution
                }
            }
        }
        var builder = GraphBuilder(nodeCount: k, isDirected: false, expectedArcs: weights.count)
        for (key, weight) in weights.sorted(by: { $0.key < $1.key }) {
            builder.addArc(from: key / k, to: key % k, weight: weight)
        }
        return Projection(nodes: nodes, graph: builder.build(isWeighted: true))
    }
}
