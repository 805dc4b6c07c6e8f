import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// The cases igraph's unit tests cover (empty graph, one node, self-loops, parallel ties), hand-checked
/// small graphs, thread independence, sampled betweenness, and measures that must refuse.
@Suite struct MetricsEdgeCaseTests {
    static func graph(_ edges: [(String, String)], directed: Bool = false, selection: GraphSelection = GraphSelection()) throws -> Graph {
        try StakeholderNetwork(isDirected: directed, edges: edges).graph(selecting: selection)
    }

    @Test func emptyGraphGivesEmptyResults() throws {
        let empty = try StakeholderNetwork(name: "empty", isDirected: true, stakeholders: [], ties: []).graph()
        let results = try empty.compute(Measure.allCases)
        #expect(results.columns.allSatisfy { $0.values.isEmpty })
        #expect(empty.pathFigures() == nil && empty.degreeAssortativity() == nil && empty.reciprocity() == nil)
    }

    @Test func oneNodeScoresZeroWhereNetworkXDoes() throws {
        let one = try StakeholderNetwork(name: "one", isDirected: false, stakeholders: [Stakeholder(id: "x")], ties: []).graph()
        let results = try one.compute(Measure.allCases)
        let byName = Dictionary(uniqueKeysWithValues: results.columns.map { ($0.measure, $0.values) })
        #expect(byName["degree"] == [0] && byName["betweenness"] == [0] && byName["closeness"] == [0])
        // NetworkX: pagerank 1, eigenvector 1, katz 1 (normalised), clustering 0, core number 0.
        #expect(byName["pagerank"] == [1] && byName["eigenvector"] == [1] && byName["katz"] == [1])
        #expect(byName["clustering"] == [0] && byName["core_number"] == [0])
    }

    @Test func selfLoopsAreLeftOutUnlessKept() throws {
        let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("a", "a")]
        let plain = try Self.graph(edges)
        let triangle = try Self.graph(Array(edges.prefix(3)))
        #expect(try plain.compute(Measure.allCases).columns == (try triangle.compute(Measure.allCases)).columns)
        // Kept, a loop adds 2 to degree (as NetworkX) but changes no path measure or clustering.
        let kept = try Self.graph(edges, selection: GraphSelection(keepSelfLoops: true))
        #expect(kept.degree().values == [4, 2, 2])
        #expect(kept.betweenness() == triangle.betweenness())
        #expect(kept.clustering() == triangle.clustering())
        #expect(kept.coreNumber() == triangle.coreNumber())
    }

    @Test func parallelTiesActAsOneTieWhoseWeightCombines() throws {
        let doubled = try Self.graph([("a", "b"), ("a", "b"), ("b", "c")], selection: GraphSelection(weighting: .strength))
        let single = try Self.graph([("a", "b"), ("b", "c")])
        #expect(doubled.degree() == single.degree())
        #expect(doubled.strength().values == [2, 3, 1])
        // Strength 2 is length 1/2 in path measures: a is 0.5 from b and 1.5 from c, so its closeness
        // is 2/(0.5 + 1.5) = 1; the betweenness of b is unchanged.
        #expect(doubled.betweenness() == single.betweenness())
        #expect(doubled.closeness().values[0] == 1)
        #expect(isClose(single.closeness().values[0], 2 / 3))
    }

    @Test func handCheckedPath() throws {
        // a – b – c – d: betweenness of b = 2 pairs of 3 possible ((a,c), (a,d)) → 2/3; closeness of b = 3/4.
        let path = try Self.graph([("a", "b"), ("b", "c"), ("c", "d")])
        #expect(zip(path.betweenness().values, [0, 2.0 / 3, 2.0 / 3, 0]).allSatisfy { isClose($0, $1) })
        #expect(path.closeness().values == [0.5, 0.75, 0.75, 0.5])
        #expect(path.harmonic().values == [1 + 0.5 + 1.0 / 3, 2.5, 2.5, 1 + 0.5 + 1.0 / 3])
        #expect(path.coreNumber().values == [1, 1, 1, 1])
        let star = try Self.graph([("o", "a"), ("o", "b"), ("o", "c")])
        #expect(star.betweenness().values == [1, 0, 0, 0])
    }

    @Test func unitWeightsGiveTheUnweightedAnswer() throws {
        let network = try NetworkReader.read(Fixtures.dataset("karate")).network
        let unweighted = try network.graph()
        var unit = network
        unit = StakeholderNetwork(name: "unit", isDirected: false, stakeholders: network.stakeholders,
                                  ties: network.ties.map { var tie = $0; tie.weight = 1; return tie })
        let weighted = try unit.graph(selecting: GraphSelection(weighting: .strength))
        for measure in [Measure.betweenness, .closeness, .harmonic, .pagerank, .eigenvector, .clustering, .strength] {
            let a = try unweighted.compute([measure]).columns[0].values
            let b = try weighted.compute([measure]).columns[0].values
            #expect(zip(a, b).allSatisfy { isClose($0, $1, relative: 1e-12) }, "\(measure)")
        }
    }

    @Test func resultsAreBitIdenticalOnOneAndTwoThreads() throws {
        let network = try NetworkReader.read(Fixtures.dataset("lesmis")).network
        for weighting in [GraphSelection.Weighting.none, .strength] {
            let graph = try network.graph(selecting: GraphSelection(weighting: weighting))
            for measures in [[Measure.betweenness, .closeness, .harmonic, .outCloseness]] {
                let one = try graph.compute(measures, options: MeasureOptions(threads: 1))
                let two = try graph.compute(measures, options: MeasureOptions(threads: 2))
                let four = try graph.compute(measures, options: MeasureOptions(threads: 4))
                for (a, b) in zip(one.columns, two.columns) { #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern)) }
                for (a, b) in zip(one.columns, four.columns) { #expect(a.values.map(\.bitPattern) == b.values.map(\.bitPattern)) }
            }
            let sampledOne = graph.approximateBetweenness(sampleSize: 30, seed: 9, threads: 1)
            let sampledTwo = graph.approximateBetweenness(sampleSize: 30, seed: 9, threads: 2)
            #expect(sampledOne.estimate.values.map(\.bitPattern) == sampledTwo.estimate.values.map(\.bitPattern))
            #expect(sampledOne.upper.values.map(\.bitPattern) == sampledTwo.upper.values.map(\.bitPattern))
            #expect(sampledOne.lower.values.map(\.bitPattern) == sampledTwo.lower.values.map(\.bitPattern))
        }
    }

    @Test func sampledBetweennessIsExactWithEverySourceAndUnbiasedOtherwise() throws {
        let network = try NetworkReader.read(Fixtures.dataset("lesmis")).network
        let graph = try network.graph()
        let exact = graph.betweenness().values
        let all = graph.approximateBetweenness(sampleSize: graph.nodeCount, seed: 1)
        for v in 0 ..< graph.nodeCount {
            #expect(isClose(all.estimate[v], exact[v], relative: 1e-12, absolute: 1e-15))
            #expect(all.lower[v] == all.estimate[v] && all.upper[v] == all.estimate[v] && all.standardError[v] == 0)
        }
        // With 25 of 77 sources, over 200 seeds, for the five most central nodes: the estimates average to
        // the exact value (within 3 standard errors of that average), and the 95% interval holds at least
        // as often as it says (it is conservative: here always).
        let runs = 200
        let samples = (0 ..< runs).map { graph.approximateBetweenness(sampleSize: 25, seed: UInt64(1000 + $0), threads: 1) }
        for node in graph.betweenness().ranking.prefix(5) {
            let estimates = samples.map { $0.estimate[node] }
            let mean = estimates.reduce(0, +) / Double(runs)
            let spread = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs - 1)).squareRoot()
            #expect(abs(mean - exact[node]) < 3 * spread / Double(runs).squareRoot(), "node \(node)")
            let held = samples.filter { $0.lower[node] <= exact[node] && exact[node] <= $0.upper[node] }.count
            #expect(Double(held) >= 0.95 * Double(runs), "node \(node): \(held) of \(runs)")
        }
    }

    /// Clustering and transitivity run in blocks of nodes over several threads: on a generated ecosystem of
    /// 6,000 stakeholders (several blocks), directed and undirected, with and without weights, the same bits
    /// on 1, 2 and 4 threads; transitivity also equals a count of closed triples over neighbour sets.
    @Test func clusteringAndTransitivityAreTheSameOnAnyNumberOfThreads() throws {
        var generator = EcosystemGenerator(stakeholders: 6000)
        generator.meanDegree = 10
        generator.seed = 3
        let network = try generator.generate()
        var undirected = network
        undirected.isDirected = false
        for base in [network, undirected] {
            for weighting in [GraphSelection.Weighting.none, .strength] {
                let graph = try base.graph(selecting: GraphSelection(weighting: weighting))
                let one = graph.clustering(threads: 1).values.map(\.bitPattern)
                #expect(one.contains { $0 != 0 })
                for threads in [2, 4] {
                    #expect(graph.clustering(threads: threads).values.map(\.bitPattern) == one)
                    #expect(graph.transitivity(threads: threads) == graph.transitivity(threads: 1))
                    #expect(graph.directedTransitivity(threads: threads) == graph.directedTransitivity(threads: 1))
                }
                // Closed triples counted over each node's set of neighbours in either direction.
                let sets = (0 ..< graph.nodeCount).map { v in
                    Set(graph.successors(of: v).map(Int.init) + graph.predecessors(of: v).map(Int.init)).subtracting([v])
                }
                var closed = 0, triples = 0
                for v in sets.indices {
                    triples += sets[v].count * (sets[v].count - 1)
                    for u in sets[v] { closed += sets[u].intersection(sets[v]).count }
                }
                #expect(graph.transitivity(threads: 2) == Double(closed) / Double(triples))
            }
        }
    }

    /// The coverage the issue asks for, on a generated ecosystem whose dependencies are heavy-tailed: among
    /// the 100 most central of 4,000 stakeholders (mean degree 10, seed 1), estimated from 100 sources, the
    /// 95% interval holds for at least 90% (here all 100), where the plain ±1.96 sample standard errors hold
    /// for only 87.
    @Test func theIntervalHoldsOnAHeavyTailedNetworkWhereTheSampleErrorDoesNot() throws {
        var generator = EcosystemGenerator(stakeholders: 4000)
        generator.meanDegree = 10
        generator.seed = 1
        let graph = try generator.generate().graph()
        let exact = graph.betweenness()
        let sampled = graph.approximateBetweenness(sampleSize: 100, seed: 1)
        let top = exact.ranking.prefix(100)
        let held = top.filter { sampled.lower[$0] <= exact[$0] && exact[$0] <= sampled.upper[$0] }.count
        let plain = top.filter { abs(sampled.estimate[$0] - exact[$0]) <= 1.96 * sampled.sampleStandardError[$0] }.count
        #expect(held >= 90, "\(held) of 100 within the 95% interval")
        #expect(plain < 90, "the plain interval held for \(plain): the test network no longer shows the problem")
        // The conservative standard error contains the interval within ±1.96 SE.
        for v in top {
            #expect(sampled.estimate[v] - 1.96 * sampled.standardError[v] <= sampled.lower[v] + 1e-12)
            #expect(sampled.estimate[v] + 1.96 * sampled.standardError[v] >= sampled.upper[v] - 1e-12)
        }
    }

    @Test func bernsteinIntervalIsValidByExhaustiveEnumeration() throws {
        // Every sample of 3 of these 8 values, drawn without replacement: the interval of level 0.8 must
        // contain the true mean in at least 80% of the C(8,3) = 56 equally likely samples.
        let values: [Double] = [0, 0, 0, 0, 0, 0, 0.2, 1]
        let mu = values.reduce(0, +) / 8
        var held = 0, total = 0
        for a in 0 ..< 8 { for b in a + 1 ..< 8 { for c in b + 1 ..< 8 {
            let mean = (values[a] + values[b] + values[c]) / 3
            let (low, high) = BetweennessInterval.bounds(mean: mean, range: 1, samples: 3, confidence: 0.8)
            if low <= mu && mu <= high { held += 1 }
            total += 1
        } } }
        #expect(total == 56 && Double(held) >= 0.8 * 56)
        #expect(abs(BetweennessInterval.normalQuantile(0.975) - 1.959963984540054) < 1e-12)
    }

    @Test func iterativeMeasuresRefuseRatherThanGuess() throws {
        let network = try NetworkReader.read(Fixtures.dataset("karate")).network
        let weighted = try network.graph(selecting: GraphSelection(weighting: .strength))
        #expect(throws: AnalysisError.notConverged(measure: "katz", iterations: 1000, tolerance: 1e-12)) { try weighted.katz() }
        #expect(throws: AnalysisError.notConverged(measure: "pagerank", iterations: 2, tolerance: 1e-12)) {
            try weighted.pagerank(maxIterations: 2)
        }
        let components = try NetworkReader.read(Fixtures.dataset("gnm-components")).network.graph()
        #expect(throws: AnalysisError.disconnected(measure: "eigenvector", components: 31)) { try components.eigenvector() }
        // Not strict (as for `--measures all`): left out, with the reason.
        let results = try weighted.compute([.degree, .katz], strict: false)
        #expect(results.columns.map(\.measure) == ["degree"] && results.skipped.first?.measure == .katz)
    }

    @Test func unknownMeasuresAreNamedWithTheKnownOnes() throws {
        #expect(throws: AnalysisError.self) { try Measure.parseList("degree,centrality") }
        do {
            _ = try Measure.parseList("degree,centrality")
        } catch {
            #expect("\(error)".contains("unknown measure 'centrality'; known measures: degree, in_degree"))
        }
        #expect(try Measure.parseList("all") == Measure.allCases)
        #expect(try Measure.parseList("PageRank, core-number") == [.pagerank, .coreNumber])
    }
}
