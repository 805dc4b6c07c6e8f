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
    /// - Complexity: O(Σ_v d_v²) in the worst case, with a marker array per node.
    /// - References: D. Watts and S. Strogatz, Nature 393, 1998. doi:10.1038/30918; J.-P. Onnela,
    ///   J. Saramäki, J. Kertész and K. Kaski, Phys. Rev. E 71, 2005. doi:10.1103/PhysRevE.71.065103;
    ///   G. Fagiolo, Phys. Rev. E 76, 2007. doi:10.1103/PhysRevE.76.026107
    public func clustering() -> NodeScores {
        NodeScores(measure: "clustering", values: isDirected ? directedClustering() : undirectedClustering())
    }

    /// The largest arc weight, used to normalise weights in clustering (1 when unweighted or empty).
    var maximumWeight: Double {
        guard isWeighted else { return 1 }
        return outWeights.max() ?? 1
    }

    private func undirectedClustering() -> [Double] {
        let n = nodeCount
        let scale = maximumWeight
        // mark[w] holds the normalised weight of the tie v–w while v is processed, 0 otherwise.
        var mark = [Double](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            let neighbours = outRange(of: v).filter { Int(outTargets[$0]) != v }
            let d = neighbours.count
            guard d >= 2 else { continue }
            for e in neighbours { mark[Int(outTargets[e])] = isWeighted ? outWeights[e] / scale : 1 }
            var triangles = 0.0
            for e in neighbours {
                let u = Int(outTargets[e])
                let wvu = mark[u]
                for f in outRange(of: u) {
                    let w = Int(outTargets[f])
                    guard w != u, mark[w] != 0 else { continue }
                    triangles += isWeighted ? cbrt(wvu * outWeights[f] / scale * mark[w]) : 1
                }
            }
            for e in neighbours { mark[Int(outTargets[e])] = 0 }
            // Each triangle was counted twice (once from each of its other two corners).
            result[v] = triangles == 0 ? 0 : triangles / Double(d * (d - 1))
        }
        return result
    }

    private func directedClustering() -> [Double] {
        let n = nodeCount
        let scale = maximumWeight
        // inMark[k] = ŵ(k → v) for in-neighbours k of v; outMark[k] = ŵ(v → k) for out-neighbours.
        var inMark = [Double](repeating: 0, count: n)
        var outMark = [Double](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n)
        func normalised(_ weight: Double) -> Double { isWeighted ? weight / scale : 1 }
        for v in 0 ..< n {
            let ins = inRange(of: v).filter { Int(inSources[$0]) != v }
            let outs = outRange(of: v).filter { Int(outTargets[$0]) != v }
            for e in ins { inMark[Int(inSources[e])] = normalised(inWeights[e]) }
            for e in outs { outMark[Int(outTargets[e])] = normalised(outWeights[e]) }
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
            for e in ins { countThrough(Int(inSources[e]), tie: normalised(inWeights[e])) }
            for e in outs { countThrough(Int(outTargets[e]), tie: normalised(outWeights[e])) }
            let total = ins.count + outs.count
            let reciprocal = outs.reduce(0) { $0 + (inMark[Int(outTargets[$1])] != 0 ? 1 : 0) }
            for e in ins { inMark[Int(inSources[e])] = 0 }
            for e in outs { outMark[Int(outTargets[e])] = 0 }
            let possible = Double(2 * (total * (total - 1) - 2 * reciprocal))
            result[v] = triangles == 0 ? 0 : triangles / possible
        }
        return result
    }

    /// Average clustering over all nodes (zeros included), as NetworkX's `average_clustering`. O(as `clustering`).
    public func averageClustering() -> Double {
        guard nodeCount > 0 else { return 0 }
        return clustering().values.reduce(0, +) / Double(nodeCount)
    }

    /// Transitivity: 3 × triangles / connected triples of the undirected, unweighted graph, as NetworkX's
    /// `transitivity` and igraph's `transitivity_undirected` (a directed graph is read as undirected: see
    /// `directedTransitivity` for the directed figure). 0 when there are no triples.
    ///
    /// - Complexity: O(Σ_v d_v²).
    public func transitivity() -> Double {
        let n = nodeCount
        let neighbours: [[Int]] = (0 ..< n).map { v in
            var set = Set(successors(of: v).map(Int.init))
            if isDirected { set.formUnion(predecessors(of: v).map(Int.init)) }
            set.remove(v)
            return set.sorted()
        }
        var mark = [Bool](repeating: false, count: n)
        var closed = 0.0, triples = 0.0
        for v in 0 ..< n {
            let d = neighbours[v].count
            triples += Double(d * (d - 1))
            for u in neighbours[v] { mark[u] = true }
            for u in neighbours[v] { for w in neighbours[u] where mark[w] { closed += 1 } }
            for u in neighbours[v] { mark[u] = false }
        }
        return triples == 0 ? 0 : closed / triples
    }

    /// Directed transitivity, as R sna's `gtrans(mode = "digraph", measure = "weak")`: of the two-paths
    /// i → j → k (i ≠ k), the share with an arc i → k, Σ a_ik (A²)_ik / Σ (A²)_ik, self-loops left out.
    /// `nil` when there is no two-path (sna reports 1 by convention there) or the graph is undirected.
    ///
    /// - Complexity: O(Σ_j in(j)·out(j)).
    /// - Reference: S. Wasserman and K. Faust, "Social network analysis", 1994, §6.2.4; C. Butts, sna.
    public func directedTransitivity() -> Double? {
        guard isDirected else { return nil }
        var mark = [Bool](repeating: false, count: nodeCount)
        var closed = 0.0, paths = 0.0
        for i in 0 ..< nodeCount {
            for k in successors(of: i) { mark[Int(k)] = true }
            for j in successors(of: i) where Int(j) != i {
                for k in successors(of: Int(j)) where Int(k) != i && k != j {
                    paths += 1
                    if mark[Int(k)] { closed += 1 }
                }
            }
            for k in successors(of: i) { mark[Int(k)] = false }
        }
        return paths > 0 ? closed / paths : nil
    }
}
