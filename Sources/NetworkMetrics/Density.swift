import NetworkModel

extension Graph {
    /// Density: the share of possible ties present, m / (n(n − 1)) for a directed graph and
    /// 2m / (n(n − 1)) for an undirected one; 0 for fewer than two nodes. As NetworkX's `density`,
    /// self-loops kept in the graph count as ties (by default `StakeholderNetwork.graph` leaves them out).
    ///
    /// - Complexity: O(1).
    public func density() -> Double {
        guard nodeCount > 1 else { return 0 }
        let possible = Double(nodeCount) * Double(nodeCount - 1)
        return (isDirected ? 1 : 2) * Double(edgeCount) / possible
    }
}
