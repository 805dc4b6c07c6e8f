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
        let cores = withAdjacency(.forward, lengths: nil) { forward in
            withAdjacency(.backward, lengths: nil) { backward in
                CorePeeling(nodeCount: n, first: forward, second: isDirected ? backward : nil, hasSelfLoops: selfLoopCount > 0).run()
            }
        }
        return NodeScores(measure: "core_number", values: cores.map(Double.init))
    }
}

/// Batagelj–Zaversnik peeling over one adjacency (undirected) or two (out and in, directed).
private struct CorePeeling {
    let nodeCount: Int
    let first: Adjacency
    let second: Adjacency?
    let hasSelfLoops: Bool

    func countNeighbours(of v: Int, in view: Adjacency) -> Int32 {
        let range = view.offsets[v] ..< view.offsets[v &+ 1]
        guard hasSelfLoops else { return Int32(truncatingIfNeeded: range.count) }
        var d: Int32 = 0
        for e in range where Int(view.neighbours[e]) != v { d &+= 1 }
        return d
    }

    func run() -> [Int32] {
        let n = nodeCount
        var degreeArray = [Int32](repeating: 0, count: n)
        var positionArray = [Int32](repeating: 0, count: n)
        var verticesArray = [Int32](repeating: 0, count: n)
        degreeArray.withUnsafeMutableBufferPointer { degree in
            positionArray.withUnsafeMutableBufferPointer { position in
                verticesArray.withUnsafeMutableBufferPointer { vertices in
                    var maxDegree: Int32 = 0
                    for v in 0 ..< n {
                        let d = countNeighbours(of: v, in: first) &+ (second.map { countNeighbours(of: v, in: $0) } ?? 0)
                        degree[v] = d
                        if d > maxDegree { maxDegree = d }
                    }
                    var binStartArray = [Int](repeating: 0, count: Int(maxDegree) + 2)
                    binStartArray.withUnsafeMutableBufferPointer { binStart in
                        for v in 0 ..< n { binStart[Int(degree[v]) &+ 1] &+= 1 }
                        for d in 0 ... Int(maxDegree) { binStart[d &+ 1] &+= binStart[d] }
                        for v in 0 ..< n {
                            let d = Int(degree[v])
                            let slot = binStart[d]
                            position[v] = Int32(truncatingIfNeeded: slot)
                            vertices[slot] = Int32(truncatingIfNeeded: v)
                            binStart[d] = slot &+ 1
                        }
                        // binStart[d] now holds the end of bin d, the start of bin d + 1: shift back.
                        var d = Int(maxDegree)
                        while d > 0 { binStart[d] = binStart[d &- 1]; d &-= 1 }
                        binStart[0] = 0

                        func lower(_ u: Int, below dv: Int32) {
                            let du = degree[u]
                            guard du > dv else { return }
                            // Move u to the front of its bin, then shrink the bin by one.
                            let pu = Int(position[u]), pw = binStart[Int(du)], w = Int(vertices[pw])
                            if u != w {
                                position[u] = Int32(truncatingIfNeeded: pw); vertices[pu] = Int32(truncatingIfNeeded: w)
                                position[w] = Int32(truncatingIfNeeded: pu); vertices[pw] = Int32(truncatingIfNeeded: u)
                            }
                            binStart[Int(du)] &+= 1
                            degree[u] = du &- 1
                        }
                        for i in 0 ..< n {
                            let v = Int(vertices[i])
                            let dv = degree[v]
                            for e in first.offsets[v] ..< first.offsets[v &+ 1] {
                                let u = Int(first.neighbours[e])
                                if u != v { lower(u, below: dv) }
                            }
                            if let second {
                                for e in second.offsets[v] ..< second.offsets[v &+ 1] {
                                    let u = Int(second.neighbours[e])
                                    if u != v { lower(u, below: dv) }
                                }
                            }
                        }
                    }
                }
            }
        }
        return degreeArray
    }
}
