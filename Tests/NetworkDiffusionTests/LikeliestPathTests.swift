import Foundation
import NetworkDiffusion
import NetworkModel
import Testing
import TestSupport

/// Likeliest paths and the likeliest tree against brute force: every simple path of small random graphs.
@Suite struct LikeliestPathTests {
    static func randomNetwork(seed: UInt64, nodes: Int = 8, arcChance: Double = 0.35) -> TransmissionGraph {
        var generator = SeededGenerator(seed: seed)
        var builder = GraphBuilder(nodeCount: nodes, isDirected: true)
        for u in 0 ..< nodes { for v in 0 ..< nodes where u != v && generator.nextUnit() < arcChance { builder.addArc(from: u, to: v) } }
        let graph = builder.build(isWeighted: false)
        return TransmissionGraph(graph: graph, probability: graph.outTargets.map { _ in 0.05 + 0.9 * generator.nextUnit() })
    }

    /// Every simple path from `source` to `target` with its probability, likeliest first.
    static func allPaths(_ network: TransmissionGraph, from source: Int, to target: Int) -> [(path: [Int], probability: Double)] {
        var result: [(path: [Int], probability: Double)] = []
        func walk(_ path: [Int], _ probability: Double) {
            let u = path.last!
            if u == target { result.append((path, probability)); return }
            for e in network.graph.outRange(of: u) {
                let v = Int(network.graph.outTargets[e])
                if !path.contains(v) { walk(path + [v], probability * network.probability[e]) }
            }
        }
        walk([source], 1)
        return result.sorted { $0.probability > $1.probability }
    }

    @Test func kLikeliestPathsAreTheBruteForceTopK() {
        var compared = 0
        for seed in UInt64(1) ... 12 {
            let network = Self.randomNetwork(seed: seed)
            for target in 1 ..< 8 {
                let truth = Self.allPaths(network, from: 0, to: target)
                let found = network.likeliestPaths(from: 0, to: target, count: 5)
                #expect(found.count == min(5, truth.count), "seed \(seed) target \(target)")
                for (rank, path) in found.enumerated() {
                    #expect(isClose(path.probability, truth[rank].probability, relative: 1e-9), "seed \(seed) → \(target) rank \(rank)")
                    // The path is real and its probability is the product along it.
                    #expect(path.nodes.first == 0 && path.nodes.last == target && Set(path.nodes).count == path.nodes.count)
                    compared += 1
                }
            }
        }
        #expect(compared > 100)
    }

    @Test func treeGivesEachStakeholderItsLikeliestPathFromAnySeed() {
        for seed in UInt64(20) ... 26 {
            let network = Self.randomNetwork(seed: seed)
            let seeds = [0, 3]
            let tree = network.likeliestTree(from: seeds)
            for v in 0 ..< 8 {
                let best = seeds.map { s in s == v ? 1.0 : (Self.allPaths(network, from: s, to: v).first?.probability ?? 0) }.max()!
                #expect(isClose(tree.probability[v], best, relative: 1e-9, absolute: 1e-15), "seed \(seed) node \(v)")
                if seeds.contains(v) { #expect(tree.parent[v] == -1) }
            }
        }
    }
}
