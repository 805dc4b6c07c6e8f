import Foundation
import NetworkDiffusion
import NetworkModel
import Testing
import TestSupport

/// IMM's seeds against the brute-force optimum (exact spreads by enumerating live-edge worlds).
@Suite struct InfluenceMaximizationTests {
    static func exactSpread(_ seeds: [Int], threshold: Bool) -> Double {
        threshold ? ExactDiffusionTests.exactThreshold(seeds: seeds).spread : ExactDiffusionTests.exactCascade(seeds: seeds).spread
    }

    @Test(arguments: [false, true])
    func seedsReachTheGuaranteeOfTheOptimum(_ threshold: Bool) {
        let network = ExactDiffusionTests.network()
        let epsilon = 0.1
        for k in 1 ... 3 {
            var best = 0.0
            func subsets(_ start: Int, _ chosen: [Int]) {
                if chosen.count == k { best = max(best, Self.exactSpread(chosen, threshold: threshold)); return }
                for v in start ..< 5 { subsets(v + 1, chosen + [v]) }
            }
            subsets(0, [])
            let selection = network.maximizeInfluence(k: k, model: threshold ? .linearThreshold : .independentCascade, epsilon: epsilon, seed: 4, threads: 2)
            #expect(selection.seeds.count == k)
            let reached = Self.exactSpread(selection.seeds, threshold: threshold)
            #expect(reached >= (1 - 1 / exp(1.0) - epsilon) * best, "k \(k): \(reached) of optimum \(best)")
            // The estimate is close to the exact spread of the chosen seeds.
            #expect(abs(selection.spread.last! - reached) < 0.1 * reached, "estimate \(selection.spread.last!) vs \(reached)")
        }
    }

    /// The share of RR sets holding a stakeholder estimates its exact spread over n, for both models; the
    /// network's nodes 2 and 3 have in-arcs of different probabilities, so independent cascade's candidates
    /// drawn at the largest rate and thinned are exercised.
    @Test(arguments: [false, true])
    func reverseReachableSetsEstimateExactSpreads(_ threshold: Bool) {
        let network = ExactDiffusionTests.network()
        var sets = ReverseReachableSets(sampler: LiveEdgeSampler(network: network, model: threshold ? .linearThreshold : .independentCascade), seed: 11)
        let count = 200_000
        sets.extend(to: count, threads: 2)
        for v in 0 ..< 5 {
            let q = Self.exactSpread([v], threshold: threshold) / 5
            let share = sets.coverage(of: [v])
            #expect(abs(share - q) <= 4 * (q * (1 - q) / Double(count)).squareRoot() + 1e-12, "node \(v): \(share) vs \(q)")
        }
    }

    @Test func greedyScanningAndInvertedIndexChooseAlike() {
        let network = ExactDiffusionTests.network()
        var sets = ReverseReachableSets(sampler: LiveEdgeSampler(network: network, model: .independentCascade), seed: 5)
        sets.extend(to: 5_000, threads: 2)
        for k in 1 ... 5 {
            let scanned = sets.greedy(k: k, candidates: nil, inverted: false), indexed = sets.greedy(k: k, candidates: nil, inverted: true)
            #expect(scanned.0 == indexed.0 && scanned.1 == indexed.1)
            let restricted = (sets.greedy(k: k, candidates: [1, 3, 4], inverted: false), sets.greedy(k: k, candidates: [1, 3, 4], inverted: true))
            #expect(restricted.0.0 == restricted.1.0 && restricted.0.1 == restricted.1.1)
        }
    }

    @Test func candidatesRestrictTheChoiceAndThreadsDoNotMatter() {
        let network = ExactDiffusionTests.network()
        let restricted = network.maximizeInfluence(k: 2, candidates: [3, 4], seed: 2)
        #expect(Set(restricted.seeds) == [3, 4])
        let one = network.maximizeInfluence(k: 2, seed: 8, threads: 1)
        let two = network.maximizeInfluence(k: 2, seed: 8, threads: 2)
        #expect(one.seeds == two.seeds && one.spread == two.spread && one.sampleCount == two.sampleCount)
    }
}

@Suite struct CriticalityTests {
    @Test func bridgesLoseWhatLiesBehindThem() {
        // a → b → c → d with p = 1, and a → e: spread from a is 5; taking out b loses b, c and d (3), c loses 2,
        // d and e lose 1 each.
        var builder = GraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (0, 4)] { builder.addArc(from: u, to: v) }
        let network = TransmissionGraph(graph: builder.build(isWeighted: false), probability: [1, 1, 1, 1])
        let drops = network.criticality(.independentCascade, seeds: [0], settings: DiffusionSettings(runs: 50))
        #expect(drops[0].isNaN && Array(drops[1...]) == [3, 2, 1, 1])
        // With p = 0.5 on b → c, c is behind b only half the time: b loses 1 + 0.5·2 = 2 in expectation.
        let half = TransmissionGraph(graph: network.graph, probability: network.graph.outTargets.indices.map { network.graph.outTargets[$0] == 2 ? 0.5 : 1 })
        let runs = 20_000
        let estimate = half.criticality(.independentCascade, seeds: [0], settings: DiffusionSettings(runs: runs, seed: 3))
        #expect(abs(estimate[1] - 2) < 4 * (1.0 / Double(runs)).squareRoot())
    }
}
