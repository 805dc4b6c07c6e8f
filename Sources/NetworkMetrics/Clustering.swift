import Foundation
import NetworkModel

extension Graph {
    /// Local clustering coefficient, as NetworkX's `clustering`:
    /// - undirected: the share of pairs of neighbours that are tied, 2T/(d(d − 1));
    /// - directed: Fagiolo's coefficient, directed triangles over 2(d_tot(d_tot − 1) − 2d_↔);
    /// - weighted: triangles count the geometric mean of their normalised strengths, (ŵ_ij ŵ_jk ŵ_ki)^{1/3}
    ///   with ŵ = w / max(w) (Onnela et al.), in both cases.
    /// Self-loops are ignored; a node with fewer than two neighbours has 0.
    ///
    /// Nodes are taken in fixed blocks on `threads` workers, each with its own marker arrays; a node's
    /// coefficient is computed as on one thread, so the result has the same bits for any number of threads.
    ///
    /// - Complexity: O(Σ_v d_v²) in the worst case, with marker arrays of n values per worker.
    /// - References: D. Watts and S. Strogatz, Nature 393, 1998. doi:10.1038/30918; J.-P. Onnela,
    ///   J. Saramäki, J. Kertész and K. Kaski, Phys. Rev. E 71, 2005. doi:10.1103/PhysRevE.71.065103;
    ///   G. Fagiolo, Phys. Rev. E 76, 2007. doi:10.1103/PhysRevE.76.026107
    public func clustering(threads: Int = Parallel.defaultThreads) -> NodeScores {
        let n = nodeCount
        let result = SharedBuffer(repeating: 0.0, count: n)
        let blocks = Parallel.blockCount(for: n, minimumPerBlock: 1024)
        let marks = WorkerLocal(workers: Swift.min(threads, blocks)) { ClusteringMarks(nodeCount: n, directed: isDirected) }
        let graph = self
        let scale = maximumWeight
        Parallel.forEachBlock(blocks, threads: threads) { block, worker in
            let mark = marks(worker)
            for v in Parallel.range(ofBlock: block, blocks: blocks, count: n) {
                result.pointer[v] = graph.isDirected ? graph.directedClustering(of: v, scale: scale, marks: mark)
                                                     : graph.undirectedClustering(of: v, scale: scale, marks: mark)
            }
        }
        return NodeScores(measure: "clustering", values: result.array)
    }

    /// The largest arc weight, used to normalise weights in clustering (1 when unweighted or empty).
    var maximumWeight: Double {
        guard isWeighted else { return 1 }
        return outWeights.max() ?? 1
    }

    /// `scale`: the largest weight (`maximumWeight`).
    private func undirectedClustering(of v: Int, scale: Double, marks: ClusteringMarks) -> Double {
        // mark[w] holds the normalised weight of the tie v–w while v is processed, 0 otherwise.
        let mark = marks.outMark
        var d = 0
        for e in outRange(of: v) where Int(outTargets[e]) != v { d += 1 }
        guard d >= 2 else { return 0 }
        for e in outRange(of: v) where Int(outTargets[e]) != v { mark[Int(outTargets[e])] = isWeighted ? outWeights[e] / scale : 1 }
        var triangles = 0.0
        for e in outRange(of: v) where Int(outTargets[e]) != v {
            let u = Int(outTargets[e])
            let wvu = mark[u]
            for f in outRange(of: u) {
                let w = Int(outTargets[f])
                guard w != u, mark[w] != 0 else { continue }
                triangles += isWeighted ? cbrt(wvu * outWeights[f] / scale * mark[w]) : 1
            }
        }
        for e in outRange(of: v) where Int(outTargets[e]) != v { mark[Int(outTargets[e])] = 0 }
        // Each triangle was counted twice (once from each of its other two corners).
        return triangles == 0 ? 0 : triangles / Double(d * (d - 1))
    }

    private func directedClustering(of v: Int, scale: Double, marks: ClusteringMarks) -> Double {
        // inMark[k] = ŵ(k → v) for in-neighbours k of v; outMark[k] = ŵ(v → k) for out-neighbours.
        let inMark = marks.inMark, outMark = marks.outMark
        func normalised(_ weight: Double) -> Double { isWeighted ? weight / scale : 1 }
        let ins = inRange(of: v), outs = outRange(of: v)
        for e in ins where Int(inSources[e]) != v { inMark[Int(inSources[e])] = normalised(inWeights[e]) }
        for e in outs where Int(outTargets[e]) != v { outMark[Int(outTargets[e])] = normalised(outWeights[e]) }
        var triangles = 0.0
        // For each neighbour j (by the tie between v and j), every k tied to both v and j, in each direction.
        func countThrough(_ j: Int, tie wvj: Double) {
            for f in inRange(of: j) {
                let k = Int(inSources[f])
                guard k != j else { continue }
                let wkj = normalised(inWeights[f])
                if inMark[k] != 0 { triangles += isWeighted ? cbrt(wvj * inMark[k] * wkj) : 1 }
                if outMark[k] != 0 { triangles += isWeighted ? cbrt(wvj * outMark[k] * wkj) : 1 }
            }
            for f in outRange(of: j) {
                let k = Int(outTargets[f])
                guard k != j else { continue }
                let wjk = normalised(outWeights[f])
                if inMark[k] != 0 { triangles += isWeighted ? cbrt(wvj * inMark[k] * wjk) : 1 }
                if outMark[k] != 0 { triangles += isWeighted ? cbrt(wvj * outMark[k] * wjk) : 1 }
            }
        }
        var total = 0, reciprocal = 0
        for e in ins where Int(inSources[e]) != v {
            countThrough(Int(inSources[e]), tie: normalised(inWeights[e]))
            total += 1
        }
        for e in outs where Int(outTargets[e]) != v {
            countThrough(Int(outTargets[e]), tie: normalised(outWeights[e]))
            total += 1
            if inMark[Int(outTargets[e])] != 0 { reciprocal += 1 }
        }
        for e in ins where Int(inSources[e]) != v { inMark[Int(inSources[e])] = 0 }
        for e in outs where Int(outTargets[e]) != v { outMark[Int(outTargets[e])] = 0 }
        let possible = Double(2 * (total * (total - 1) - 2 * reciprocal))
        return triangles == 0 ? 0 : triangles / possible
    }

    /// Average clustering over all nodes (zeros included), as NetworkX's `average_clustering`. O(as `clustering`).
    public func averageClustering(threads: Int = Parallel.defaultThreads) -> Double {
        guard nodeCount > 0 else { return 0 }
        return clustering(threads: threads).values.reduce(0, +) / Double(nodeCount)
    }

    /// Transitivity: 3 × triangles / connected triples of the undirected, unweighted graph, as NetworkX's
    /// `transitivity` and igraph's `transitivity_undirected` (a directed graph is read as undirected: see
    /// `directedTransitivity` for the directed figure). 0 when there are no triples.
    ///
    /// The distinct neighbours of every node (either direction, itself left out) are gathered once into
    /// one array (CSR, 4 bytes a neighbour); closed triples are counted in fixed blocks of nodes, as whole
    /// numbers, so the figure is the same for any number of threads.
    ///
    /// - Complexity: O(Σ_v d_v²) time; 8 bytes per arc and n per worker beyond the graph.
    public func transitivity(threads: Int = Parallel.defaultThreads) -> Double {
        let n = nodeCount
        let (offsets, neighbours) = distinctNeighbours()
        var triples = 0
        for v in 0 ..< n {
            let d = offsets[v + 1] - offsets[v]
            triples += d * (d - 1)
        }
        guard triples > 0 else { return 0 }
        let blocks = Parallel.blockCount(for: n, minimumPerBlock: 1024)
        let closedInBlock = SharedBuffer(repeating: 0, count: blocks)
        let marks = WorkerLocal(workers: Swift.min(threads, blocks)) { ClusteringMarks(nodeCount: n, directed: false) }
        Parallel.forEachBlock(blocks, threads: threads) { block, worker in
            let mark = marks(worker).outMark
            var closed = 0
            for v in Parallel.range(ofBlock: block, blocks: blocks, count: n) {
                let around = offsets[v] ..< offsets[v + 1]
                for i in around { mark[Int(neighbours[i])] = 1 }
                for i in around {
                    let u = Int(neighbours[i])
                    for j in offsets[u] ..< offsets[u + 1] where mark[Int(neighbours[j])] != 0 { closed += 1 }
                }
                for i in around { mark[Int(neighbours[i])] = 0 }
            }
            closedInBlock.pointer[block] = closed
        }
        let closed = (0 ..< blocks).reduce(0) { $0 + closedInBlock.pointer[$1] }
        return Double(closed) / Double(triples)
    }

    /// Each node's distinct neighbours in either direction, itself left out, in increasing order:
    /// `neighbours[offsets[v] ..< offsets[v + 1]]`. O(m log d) time.
    func distinctNeighbours() -> (offsets: [Int], neighbours: [Int32]) {
        let n = nodeCount
        var offsets = [Int](repeating: 0, count: n + 1)
        var neighbours: [Int32] = []
        neighbours.reserveCapacity(isDirected ? outTargets.count + inSources.count : outTargets.count)
        for v in 0 ..< n {
            let start = neighbours.count
            for u in successors(of: v) where Int(u) != v { neighbours.append(u) }
            if isDirected { for u in predecessors(of: v) where Int(u) != v { neighbours.append(u) } }
            neighbours[start...].sort()
            var kept = start
            for i in start ..< neighbours.count where i == start || neighbours[i] != neighbours[i - 1] {
                neighbours[kept] = neighbours[i]
                kept += 1
            }
            neighbours.removeLast(neighbours.count - kept)
            offsets[v + 1] = kept
        }
        return (offsets, neighbours)
    }

    /// Directed transitivity, as R sna's `gtrans(mode = "digraph", measure = "weak")`: of the two-paths
    /// i → j → k (i ≠ k), the share with an arc i → k, Σ a_ik (A²)_ik / Σ (A²)_ik, self-loops left out.
    /// `nil` when there is no two-path (sna reports 1 by convention there) or the graph is undirected.
    ///
    /// - Complexity: O(Σ_j in(j)·out(j)).
    /// - Reference: S. Wasserman and K. Faust, "Social network analysis", 1994, §6.2.4; C. Butts, sna.
    public func directedTransitivity(threads: Int = Parallel.defaultThreads) -> Double? {
        guard isDirected else { return nil }
        let n = nodeCount
        let blocks = Parallel.blockCount(for: n, minimumPerBlock: 1024)
        let counts = SharedBuffer(repeating: 0, count: 2 * blocks)
        let marks = WorkerLocal(workers: Swift.min(threads, blocks)) { ClusteringMarks(nodeCount: n, directed: false) }
        let graph = self
        Parallel.forEachBlock(blocks, threads: threads) { block, worker in
            let mark = marks(worker).outMark
            var closed = 0, paths = 0
            for i in Parallel.range(ofBlock: block, blocks: blocks, count: n) {
                for k in graph.successors(of: i) { mark[Int(k)] = 1 }
                for j in graph.successors(of: i) where Int(j) != i {
                    for k in graph.successors(of: Int(j)) where Int(k) != i && k != j {
                        paths += 1
                        if mark[Int(k)] != 0 { closed += 1 }
                    }
                }
                for k in graph.successors(of: i) { mark[Int(k)] = 0 }
            }
            counts.pointer[2 * block] = closed
            counts.pointer[2 * block + 1] = paths
        }
        let closed = (0 ..< blocks).reduce(0) { $0 + counts.pointer[2 * $1] }
        let paths = (0 ..< blocks).reduce(0) { $0 + counts.pointer[2 * $1 + 1] }
        return paths > 0 ? Double(closed) / Double(paths) : nil
    }
}

/// Marker arrays of one worker for clustering and transitivity: n values each, 0 except while a node is
/// being processed.
final class ClusteringMarks: @unchecked Sendable {
    let inMark: UnsafeMutablePointer<Double>
    let outMark: UnsafeMutablePointer<Double>
    private let count: Int

    init(nodeCount: Int, directed: Bool) {
        count = max(nodeCount, 1)
        outMark = .allocate(capacity: count)
        outMark.initialize(repeating: 0, count: count)
        inMark = .allocate(capacity: directed ? count : 1)
        inMark.initialize(repeating: 0, count: directed ? count : 1)
    }

    deinit {
        outMark.deallocate()
        inMark.deallocate()
    }
}
