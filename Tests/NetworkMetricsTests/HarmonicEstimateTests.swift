import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkPerception
import Testing
import TestSupport

/// Harmonic closeness estimated from sampled sources (`harmonic(_:)`, the report's at scale): unbiased by
/// exhaustive enumeration of every sample on small graphs, the same bits for any thread count, and exact
/// when every stakeholder is a source.
@Suite struct HarmonicEstimateTests {
    /// A directed graph with a cycle, a tail, a node no one reaches and an isolate; weights 1 to 3.
    static func small(weighted: Bool) -> Graph {
        let arcs: [(Int, Int, Double)] = [(0, 1, 1), (1, 2, 2), (2, 0, 1), (2, 3, 3), (3, 4, 1), (5, 3, 2), (4, 1, 1)]
        var builder = GraphBuilder(nodeCount: 7, isDirected: true)
        for (u, v, w) in arcs { builder.addArc(from: u, to: v, weight: weighted ? w : 1) }
        return builder.build(isWeighted: weighted)
    }

    /// All k-subsets of 0..<n, in lexicographic order.
    static func subsets(of n: Int, size k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard k <= n else { return [] }
        return subsets(of: n - 1, size: k - 1).map { $0 + [n - 1] } + subsets(of: n - 1, size: k)
    }

    @Test(arguments: [false, true], [false, true])
    func theMeanOverEverySampleIsTheExactValue(weighted: Bool, outgoing: Bool) {
        let graph = Self.small(weighted: weighted)
        let exact = graph.harmonic(outgoing: outgoing).values
        for k in 1 ... 3 {
            let samples = Self.subsets(of: graph.nodeCount, size: k)
            var mean = [Double](repeating: 0, count: graph.nodeCount)
            for sample in samples {
                let estimate = graph.harmonic(estimatedFrom: sample, outgoing: outgoing).values
                for v in mean.indices { mean[v] += estimate[v] / Double(samples.count) }
            }
            for v in mean.indices { #expect(abs(mean[v] - exact[v]) < 1e-12, "k \(k), node \(v): \(mean[v]) against \(exact[v])") }
        }
    }

    @Test func everyStakeholderASourceIsTheExactValue() throws {
        for name in ["karate", "lesmis", "gnp-directed"] {
            let graph = try NetworkReader.read(Fixtures.dataset(name)).network.graph()
            for weighted in [false, true] {
                let g = weighted ? graph : graph.unweighted()
                let exact = g.harmonic().values
                let all = g.harmonic(estimatedFrom: Array(0 ..< g.nodeCount)).values
                for v in exact.indices { #expect(abs(all[v] - exact[v]) < 1e-9 * max(1, exact[v]), "\(name) \(weighted) node \(v)") }
            }
        }
    }

    @Test func theSameBitsForAnyThreadCountAndSeed() throws {
        let graph = try NetworkReader.read(Fixtures.dataset("lesmis")).network.graph()
        for g in [graph, graph.unweighted()] {
            let method = BetweennessMethod.sampled(sources: 40, seed: 7)
            let one = g.harmonic(method, threads: 1).values
            #expect(g.harmonic(method, threads: 2).values == one)
            #expect(g.harmonic(method, threads: 4).values == one)
            #expect(g.harmonic(.sampled(sources: 40, seed: 8), threads: 2).values != one)
            // The estimate tracks the exact value: rank correlation well above chance on 40 of 77 sources.
            let exact = g.harmonic().values
            #expect(RankCorrelation.spearman(one, exact) > 0.9, "\(RankCorrelation.spearman(one, exact))")
        }
    }
}
