import Foundation
import NetworkModel

/// Which algorithm finds communities.
public enum CommunityMethod: String, Sendable, CaseIterable {
    case leiden, louvain

    /// A run of Louvain or Leiden starts again from its own result while the run before added at least this
    /// to modularity (and stops as soon as one adds nothing)… On BA(200,000, 5) the runs gained 0.026,
    /// 0.0033, 0.0017, 0.0013, 0.0008: stopping below 0.002 keeps 0.2964 of the 0.2985 that stopping below
    /// 0.001 reached (NetworKit PLM 0.2508) in four runs instead of six; on LFR graphs (mixing 0.1 to 0.6)
    /// modularity and NMI were the same either way, on the classic datasets within 0.0014, and every one at
    /// least PLM's (`Scripts/bench`).
    public static let passGain = 0.002
    /// …for at most this many runs.
    public static let maximumPasses = 21
}

extension Graph {
    /// Communities that (locally) maximise modularity with resolution γ, by Louvain or Leiden.
    ///
    /// Ties are read as undirected (a directed network's ties either way, their weights added), weighted
    /// when the graph is. Node order, and Leiden's random merges, come from `seed`, so a seed always gives
    /// the same partition. Leiden guarantees every community is connected; Louvain does not. Runs repeat
    /// from their own result while a run adds at least `CommunityMethod.passGain` (0.002) to modularity.
    ///
    /// - Complexity: about O(m) per pass; a few passes per level, O(log n) levels in practice.
    /// - References: V. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
    ///   communities in large networks", J. Stat. Mech. 2008, P10008. doi:10.1088/1742-5468/2008/10/P10008;
    ///   V. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing well-connected
    ///   communities", Sci. Rep. 9, 5233, 2019. doi:10.1038/s41598-019-41695-z
    public func communities(method: CommunityMethod = .leiden, resolution: Double = 1, seed: UInt64 = 1) -> Partition {
        // Each runs again from its own result while a run still adds at least `passGain` to modularity, at most
        // `maximumPasses` runs (igraph's Leiden with n_iterations = −1 runs until a run changes nothing; on a
        // million ties that took 20 runs, the last ones gaining 0.0002 each, for 0.005 in all over the 6th).
        var generator = SeededGenerator(seed: seed)
        let graph = CommunityGraph(self)  // built once, the first level of every run
        var best = communityPass(graph, method: method, resolution: resolution, initial: nil, generator: &generator)
        var quality = modularity(of: best, resolution: resolution, asUndirected: true)
        for _ in 1 ..< CommunityMethod.maximumPasses {
            let next = communityPass(graph, method: method, resolution: resolution, initial: best, generator: &generator)
            let nextQuality = modularity(of: next, resolution: resolution, asUndirected: true)
            guard nextQuality > quality + 1e-10 else { break }
            let gained = nextQuality - quality
            (best, quality) = (next, nextQuality)
            if gained < CommunityMethod.passGain { break }
        }
        return best
    }

    /// One run of Louvain or Leiden, from singletons or from `initial`.
    private func communityPass(_ first: CommunityGraph, method: CommunityMethod, resolution: Double, initial: Partition?,
                               generator: inout SeededGenerator) -> Partition {
        var level = first
        guard level.totalWeight > 0 else { return Partition(labels: Array(0 ..< nodeCount)) }
        // membership[v]: node of the current level that original node v belongs to.
        var membership = Array(0 ..< nodeCount)
        var start = initial?.communityOf ?? Array(0 ..< level.nodeCount)
        while true {
            let moved = level.localMoving(start: start, resolution: resolution, generator: &generator, queue: true)
            // Stop when no node joined another, or when aggregating would not shrink the graph.
            if (moved.max() ?? -1) + 1 == level.nodeCount { return Partition(labels: membership.map { moved[$0] }) }
            let (next, map) = level.aggregate(by: method == .leiden ? level.refine(moved, resolution: resolution, generator: &generator) : moved)
            if next.nodeCount == level.nodeCount { return Partition(labels: membership.map { moved[$0] }) }
            // Leiden: aggregated nodes start in their (unrefined) community; Louvain: each in its own.
            var nextStart = [Int](repeating: 0, count: next.nodeCount)
            for v in 0 ..< level.nodeCount { nextStart[map[v]] = method == .leiden ? moved[v] : map[v] }
            for v in 0 ..< nodeCount { membership[v] = map[membership[v]] }
            level = next
            start = CommunityGraph.compact(nextStart)
        }
    }
}

/// A weighted undirected graph for community detection, with self-loops (aggregated nodes' inner weight).
struct CommunityGraph {
    var nodeCount: Int
    var offsets: [Int]
    var neighbours: [Int32]
    var weights: [Double]
    /// Weight of each node's self-loop (counted once).
    var loops: [Double]
    /// Strength k_v: incident tie weights, a self-loop twice.
    var strength: [Double]
    /// m: total tie weight, each tie once.
    var totalWeight: Double

    init(_ graph: Graph) {
        let n = graph.nodeCount
        nodeCount = n
        offsets = [0]
        neighbours = []
        weights = []
        loops = [Double](repeating: 0, count: n)
        strength = [Double](repeating: 0, count: n)
        totalWeight = 0
        for v in 0 ..< n {
            // Ties read either way (an undirected tie once), weights added.
            graph.forEachTieEitherWay(of: v, countingBothRowsWhenUndirected: false) { node, w in
                if Int(node) == v {
                    loops[v] += graph.isDirected ? w / 2 : w
                } else {
                    neighbours.append(node)
                    weights.append(w)
                }
            }
            offsets.append(neighbours.count)
        }
        for v in 0 ..< n {
            strength[v] = weights[offsets[v] ..< offsets[v + 1]].reduce(0, +) + 2 * loops[v]
        }
        totalWeight = strength.reduce(0, +) / 2
    }

    private init(nodeCount: Int, offsets: [Int], neighbours: [Int32], weights: [Double], loops: [Double]) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
        self.loops = loops
        strength = (0 ..< nodeCount).map { v in weights[offsets[v] ..< offsets[v + 1]].reduce(0, +) + 2 * loops[v] }
        totalWeight = strength.reduce(0, +) / 2
    }

    /// Labels renumbered 0, 1, … in order of first appearance.
    static func compact(_ labels: [Int]) -> [Int] { Partition(labels: labels).communityOf }

    /// Moves nodes between communities while modularity grows: Louvain's sweeps in a random order until a
    /// sweep gains less than 10⁻⁷ in modularity, or (with `queue`) Leiden's fast local moving, revisiting
    /// only the neighbours of nodes that moved. Returns compact community labels.
    func localMoving(start: [Int], resolution: Double, generator: inout SeededGenerator, queue: Bool) -> [Int] {
        let n = nodeCount
        var community = start
        var order = Array(0 ..< n)
        generator.shuffle(&order)
        var total = [Double](repeating: 0, count: n) // Σ_tot per community label (labels < n)
        for v in 0 ..< n { total[community[v]] += strength[v] }
        var linkWeight = [Double](repeating: 0, count: n)
        var touched = [Int](repeating: 0, count: n)
        let twoM = 2 * totalWeight, m = totalWeight
        offsets.withUnsafeBufferPointer { offsets in
        neighbours.withUnsafeBufferPointer { neighbours in
        weights.withUnsafeBufferPointer { weights in
        strength.withUnsafeBufferPointer { strength in
        community.withUnsafeMutableBufferPointer { community in
        total.withUnsafeMutableBufferPointer { total in
        linkWeight.withUnsafeMutableBufferPointer { linkWeight in
        touched.withUnsafeMutableBufferPointer { touched in
            /// Moves v to its best community (v taken out of its own first); returns the modularity gained.
            func move(_ v: Int) -> Double {
                let own = community[v]
                var touchedCount = 0
                for e in offsets[v] ..< offsets[v &+ 1] {
                    let c = community[Int(truncatingIfNeeded: neighbours[e])]
                    if linkWeight[c] == 0 { touched[touchedCount] = c; touchedCount &+= 1 }
                    linkWeight[c] += weights[e]
                }
                let kv = strength[v]
                total[own] -= kv
                var best = own
                let ownGain = linkWeight[own] - resolution * total[own] * kv / twoM
                var bestGain = ownGain
                for i in 0 ..< touchedCount {
                    let c = touched[i]
                    guard c != own else { continue }
                    let gain = linkWeight[c] - resolution * total[c] * kv / twoM
                    if gain > bestGain + 1e-12 * Swift.max(1, abs(bestGain)) {
                        best = c
                        bestGain = gain
                    }
                }
                total[best] += kv
                for i in 0 ..< touchedCount { linkWeight[touched[i]] = 0 }
                linkWeight[own] = 0
                community[v] = best
                return (bestGain - ownGain) / m
            }
            if queue {
                var inQueue = [Bool](repeating: true, count: n)
                var pending = order
                var head = 0
                while head < pending.count {
                    let v = pending[head]
                    head += 1
                    inQueue[v] = false
                    let before = community[v]
                    _ = move(v)
                    let after = community[v]
                    if after != before {
                        for e in offsets[v] ..< offsets[v &+ 1] {
                            let u = Int(truncatingIfNeeded: neighbours[e])
                            if !inQueue[u] && community[u] != after {
                                inQueue[u] = true
                                pending.append(u)
                            }
                        }
                    }
                    // Keep the queue's storage bounded.
                    if head > 4 * n { pending.removeFirst(head); head = 0 }
                }
            } else {
                for _ in 0 ..< 1000 {
                    var gained = 0.0
                    for v in order { gained += move(v) }
                    if gained < 1e-6 { break }
                }
            }
        }}}}}}}}
        return Self.compact(community)
    }

    /// Leiden's refinement: within each community, nodes start alone and merge into well-connected
    /// sub-communities of the same community, chosen at random in proportion to exp(gain/θ) (θ = 0.01).
    /// Returns compact labels of the refined partition.
    func refine(_ community: [Int], resolution: Double, generator: inout SeededGenerator) -> [Int] {
        let n = nodeCount
        let theta = 0.01
        let twoM = 2 * totalWeight
        var refined = Array(0 ..< n)
        var refinedTotal = strength
        var isSingleton = [Bool](repeating: true, count: n)
        let communityCount = (community.max() ?? -1) + 1
        var communityTotal = [Double](repeating: 0, count: communityCount)
        for v in 0 ..< n { communityTotal[community[v]] += strength[v] }
        // Weight from each node, and each refined sub-community, to the rest of its community.
        var nodeToCommunity = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            for e in offsets[v] ..< offsets[v + 1] where community[Int(neighbours[e])] == community[v] { nodeToCommunity[v] += weights[e] }
        }
        var subToCommunity = nodeToCommunity
        var linkWeight = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var candidateSub: [Int] = [], chance: [Double] = []
        var order = Array(0 ..< n)
        generator.shuffle(&order)
        for v in order where isSingleton[v] {
            let c = community[v], kv = strength[v]
            // v must be well connected to its community.
            guard nodeToCommunity[v] >= resolution * kv * (communityTotal[c] - kv) / twoM else { continue }
            touched.removeAll(keepingCapacity: true)
            for e in offsets[v] ..< offsets[v + 1] {
                let u = Int(neighbours[e])
                guard community[u] == c else { continue }
                let s = refined[u]
                if linkWeight[s] == 0 { touched.append(s) }
                linkWeight[s] += weights[e]
            }
            let own = refined[v]
            candidateSub.removeAll(keepingCapacity: true)
            chance.removeAll(keepingCapacity: true)
            for s in touched where s != own {
                // The target sub-community must itself be well connected to the community.
                guard subToCommunity[s] >= resolution * refinedTotal[s] * (communityTotal[c] - refinedTotal[s]) / twoM else { continue }
                let gain = linkWeight[s] - resolution * refinedTotal[s] * kv / twoM
                if gain >= 0 { candidateSub.append(s); chance.append(gain) }
            }
            for s in touched { linkWeight[s] = 0 }
            guard !candidateSub.isEmpty else { continue }
            // Chances exp((gain − top)/θ), in the buffers reused from node to node.
            var top = chance[0]
            for gain in chance where gain > top { top = gain }
            var total = 0.0
            for i in chance.indices { chance[i] = exp((chance[i] - top) / theta); total += chance[i] }
            var pick = generator.nextUnit() * total
            var chosen = candidateSub[candidateSub.count - 1]
            for i in chance.indices {
                if pick < chance[i] { chosen = candidateSub[i]; break }
                pick -= chance[i]
            }
            // Move v into the chosen sub-community.
            refined[v] = chosen
            refinedTotal[own] -= kv
            refinedTotal[chosen] += kv
            isSingleton[v] = false
            isSingleton[chosen] = false
            var towardChosen = 0.0
            for e in offsets[v] ..< offsets[v + 1] where refined[Int(neighbours[e])] == chosen && Int(neighbours[e]) != v {
                towardChosen += weights[e]
            }
            subToCommunity[chosen] += nodeToCommunity[v] - 2 * towardChosen
            subToCommunity[own] = 0
        }
        return Self.compact(refined)
    }

    /// The graph of communities: one node per label, tie weights between communities summed, weights
    /// within a community becoming its self-loop. Returns it and each node's new index.
    func aggregate(by labels: [Int]) -> (CommunityGraph, [Int]) {
        let map = Self.compact(labels)
        let k = (map.max() ?? -1) + 1
        // Members of each community in increasing order, by a counting sort (no array per community).
        var start = [Int](repeating: 0, count: k + 1)
        for v in 0 ..< nodeCount { start[map[v] + 1] += 1 }
        for c in 0 ..< k { start[c + 1] += start[c] }
        var members = [Int](repeating: 0, count: nodeCount)
        var next = start
        for v in 0 ..< nodeCount { members[next[map[v]]] = v; next[map[v]] += 1 }
        var offsets = [0]
        offsets.reserveCapacity(k + 1)
        var neighbours: [Int32] = []
        var weights: [Double] = []
        var loops = [Double](repeating: 0, count: k)
        var accumulated = [Double](repeating: 0, count: k)
        var touched: [Int] = []
        for c in 0 ..< k {
            touched.removeAll(keepingCapacity: true)
            for v in members[start[c] ..< start[c + 1]] {
                loops[c] += self.loops[v]
                for e in self.offsets[v] ..< self.offsets[v + 1] {
                    let d = map[Int(self.neighbours[e])]
                    if d == c {
                        loops[c] += self.weights[e] / 2 // each inner tie seen from both ends
                    } else {
                        if accumulated[d] == 0 { touched.append(d) }
                        accumulated[d] += self.weights[e]
                    }
                }
            }
            touched.sort()
            for d in touched {
                neighbours.append(Int32(d))
                weights.append(accumulated[d])
                accumulated[d] = 0
            }
            offsets.append(neighbours.count)
        }
        return (CommunityGraph(nodeCount: k, offsets: offsets, neighbours: neighbours, weights: weights, loops: loops), map)
    }
}
