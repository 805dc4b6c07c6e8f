import NetworkModel

extension Graph {
    /// Core number: the largest k such that the node belongs to the k-core, the maximal subgraph in which
    /// every node has degree at least k. On a directed graph degree is in plus out, and a reciprocated pair
    /// counts twice, as in NetworkX's `core_number`. Self-loops are ignored.
    ///
    /// - Complexity: O(n + m), bucket-sorted peeling.
    /// - Reference: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores decomposition of networks",
    ///   arXiv:cs/0310049, 2003.
    public func coreNumber() -> NodeScores {
        let n = nodeCount
        guard n > 0 else { return NodeScores(measure: "core_number", values: []) }
        // Neighbour lists: out- and in-neighbours (once when undirected), self-loops left out.
        func forEachNeighbour(_ v: Int, _ body: (Int) -> Void) {
            for w in successors(of: v) where Int(w) != v { body(Int(w)) }
            if isDirected { for w in predecessors(of: v) where Int(w) != v { body(Int(w)) } }
        }
        var degree = [Int](repeating: 0, count: n)
        for v in 0 ..< n { forEachNeighbour(v) { _ in degree[v] += 1 } }
        let maxDegree = degree.max() ?? 0
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0 ... maxDegree { binStart[d + 1] += binStart[d] }
        var position = [Int](repeating: 0, count: n)
        var vertices = [Int](repeating: 0, count: n)
        var next = binStart
        for v in 0 ..< n {
            position[v] = next[degree[v]]
            vertices[position[v]] = v
            next[degree[v]] += 1
        }
        for i in 0 ..< n {
            let v = vertices[i]
            forEachNeighbour(v) { u in
                guard degree[u] > degree[v] else { return }
                // Move u to the front of its bin, then shrink the bin by one.
                let du = degree[u], pu = position[u], pw = binStart[du], w = vertices[pw]
                if u != w {
                    position[u] = pw; vertices[pu] = w
                    position[w] = pu; vertices[pw] = u
                }
                binStart[du] += 1
                degree[u] -= 1
            }
        }
        return NodeScores(measure: "core_number", values: degree.map(Double.init))
    }
}
