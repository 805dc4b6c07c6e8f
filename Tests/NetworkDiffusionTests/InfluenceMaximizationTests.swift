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

    @Test func candidatesRestrictTheChoiceAndThreadsDoNotMatter() {
        let network = ExactDiffusionTests.network()
        let restricted = network.maximizeInfluence(k: 2, candidates: [3, 4], seed: 2)
        #expect(Set(restricted.seeds) == [3, 4])
        let one = network.maximizeInfluence(k: 2, seed: 8, threads: 1)
        let two = network.maximizeInfluence(k: 2, seed: 8, threads: 2)
        #expect(one.seeds == two.seeds && one.spread == two.spread && one.sampleCount == two.sampleCount)
    }
}
