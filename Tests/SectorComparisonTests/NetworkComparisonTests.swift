import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import SectorComparison
import Testing
import TestSupport

/// Whole-network comparison: the CUG tests against R sna's `cug.test` (Tests/Fixtures/reference/cug.json,
/// written by Scripts/reference/sna.R), and the random graphs behind them.
@Suite struct NetworkComparisonTests {
    static let datasets = ["karate", "florentine", "gnp-directed", "gnp-strong"]

    /// Observed figures equal sna's; p-values agree within Monte Carlo error: both are shares of 2,000
    /// replicates, so their difference has standard deviation at most √(2 p(1 − p)/2000); allowed 4 of those.
    @Test(arguments: datasets)
    func matchesSnaCUG(_ name: String) throws {
        let reference = try Fixtures.referenceJSON("cug.json")[name] as! [String: [String: Double]]
        let graph = try NetworkReader.read(Fixtures.dataset(name)).network.graph()
        let statistics = reference.keys.sorted().map { NetworkComparison.Statistic(rawValue: $0)! }
        let result = NetworkComparison.compare(graph, settings: .init(replicates: 2000, seed: 4, threads: 2, statistics: statistics))
        for (statistic, expected) in reference {
            let figure = result.figure(NetworkComparison.Statistic(rawValue: statistic)!)!
            #expect(isClose(figure.observed, expected["observed"]!, relative: 1e-12), "\(name) \(statistic)")
            let null = figure.sameDensity!
            for (ours, key) in [(null.pGreaterOrEqual, "p_greater_or_equal"), (null.pLessOrEqual, "p_less_or_equal")] {
                let theirs = expected[key]!
                let p = max((ours + theirs) / 2, 1.0 / 2000)
                let allowed = 4 * (2 * p * (1 - p) / 2000).squareRoot() + 1e-9
                #expect(abs(ours - theirs) <= allowed, "\(name) \(statistic) \(key): \(ours) vs sna \(theirs)")
            }
            let spread = null.standardDeviation / (2000).squareRoot()
            #expect(abs(null.mean - expected["mean"]!) <= 5 * spread * 1.5 + 1e-9, "\(name) \(statistic) null mean \(null.mean) vs sna \(expected["mean"]!)")
        }
    }

    /// Size and density are fixed by the same-density model, degrees by rewiring: their z-scores are undefined.
    @Test func fixedFiguresHaveNoZ() throws {
        let graph = try NetworkReader.read(Fixtures.dataset("karate")).network.graph()
        let result = NetworkComparison.compare(graph, settings: .init(replicates: 50, seed: 1))
        #expect(result.figure(.density)!.sameDensity!.z == nil)
        #expect(result.figure(.ties)!.sameDegrees!.z == nil)
        #expect(result.figure(.degreeCentralization)!.sameDegrees!.z == nil)
        #expect(result.figure(.transitivity)!.sameDensity!.z! > 2, "karate is far more clustered than chance")
        #expect(result.figure(.reciprocity)!.observed.isNaN)
        let again = NetworkComparison.compare(graph, settings: .init(replicates: 50, seed: 1, threads: 1))
        #expect(again.figures.map { $0.sameDegrees?.mean } == result.figures.map { $0.sameDegrees?.mean })
    }

    /// G(n, m) has exactly m ties, no loops, and every pair equally likely.
    @Test(arguments: [false, true])
    func uniformGraphs(_ directed: Bool) {
        var generator = SeededGenerator(seed: 9)
        let n = 6, m = directed ? 25 : 4
        let pairs = directed ? 30 : 15
        var counts = [Int](repeating: 0, count: n * n)
        let draws = 4000
        for _ in 0 ..< draws {
            let graph = RandomGraphs.uniform(nodeCount: n, edgeCount: m, directed: directed, generator: &generator)
            #expect(graph.edgeCount == m && graph.selfLoopCount == 0)
            for u in 0 ..< n { for v in graph.successors(of: u) where directed || Int(v) > u { counts[u * n + Int(v)] += 1 } }
        }
        // Each pair is present with probability m / pairs; allow 5 standard deviations.
        let p = Double(m) / Double(pairs)
        let sd = (Double(draws) * p * (1 - p)).squareRoot()
        for u in 0 ..< n { for v in 0 ..< n where u != v && (directed || v > u) {
            #expect(abs(Double(counts[u * n + v]) - Double(draws) * p) < 5 * sd, "pair \(u)-\(v)")
        } }
    }

    /// Rewiring keeps every degree and makes every simple graph with those degrees about equally likely:
    /// the 70 two-regular graphs on six labelled nodes (60 hexagons, 10 pairs of triangles), chi-square
    /// with 69 degrees of freedom below its 0.1% critical value 111.1.
    @Test func rewiringIsUniformOverTwoRegularGraphs() {
        var builder = GraphBuilder(nodeCount: 6, isDirected: false)
        for v in 0 ..< 6 { builder.addArc(from: v, to: (v + 1) % 6) }
        let hexagon = builder.build(isWeighted: false)
        var generator = SeededGenerator(seed: 3)
        var seen: [String: Int] = [:]
        let draws = 7000
        for _ in 0 ..< draws {
            let graph = RandomGraphs.rewired(hexagon, generator: &generator)
            #expect((0 ..< 6).allSatisfy { graph.outDegree(of: $0) == 2 } && graph.edgeCount == 6 && graph.selfLoopCount == 0)
            let key = (0 ..< 6).map { u in graph.successors(of: u).map(String.init).joined(separator: ",") }.joined(separator: "|")
            seen[key, default: 0] += 1
        }
        #expect(seen.count == 70)
        let expected = Double(draws) / 70
        let chiSquare = seen.values.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(chiSquare < 111.1, "chi-square \(chiSquare)")
    }

    /// Directed rewiring keeps in- and out-degrees.
    @Test func directedRewiringKeepsDegrees() throws {
        let graph = try NetworkReader.read(Fixtures.dataset("gnp-directed")).network.graph()
        var generator = SeededGenerator(seed: 1)
        let rewired = RandomGraphs.rewired(graph, generator: &generator)
        #expect((0 ..< graph.nodeCount).allSatisfy { rewired.outDegree(of: $0) == graph.outDegree(of: $0) && rewired.inDegree(of: $0) == graph.inDegree(of: $0) })
        #expect(rewired.outTargets != graph.outTargets)
    }
}
