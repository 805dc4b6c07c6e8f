import Foundation
import NetworkMetrics
import NetworkModel
@testable import SectorComparison
import Testing
import TestSupport

/// Group profiles over periods: each period's figures are those of the network of its active ties, and the
/// permutation p-value of a change matches the exact one, found by swapping the pairs' years in every one of
/// the 2^d ways and recomputing the change from scratch.
@Suite struct PeriodComparisonTests {
    /// Six stakeholders in two groups; each pair's one tie in 2000 only, 2010 only, or both.
    static func network(_ seed: UInt64, swapped: Int = 0) -> (StakeholderNetwork, Grouping, changing: Int) {
        var rng = SeededGenerator(seed: seed)
        let n = 6
        var ties: [Tie] = []
        var changing = 0
        for a in 0 ..< n { for b in a + 1 ..< n where rng.next() % 3 == 0 {
            var tie = Tie(source: Int32(a), target: Int32(b))
            switch rng.next() % 5 {
            case 0: tie.start = 2000; tie.end = 2010
            case 1, 2:
                tie.start = 2000; tie.end = 2000
                if swapped & (1 << changing) != 0 { tie.start = 2010; tie.end = 2010 }
                changing += 1
            default:
                tie.start = 2010; tie.end = 2010
                if swapped & (1 << changing) != 0 { tie.start = 2000; tie.end = 2000 }
                changing += 1
            }
            ties.append(tie)
        } }
        let stakeholders = (0 ..< n).map { Stakeholder(id: "s\($0)") }
        let network = StakeholderNetwork(name: "periods \(seed)", isDirected: false, stakeholders: stakeholders, ties: ties)
        return (network, Grouping(attribute: "side", names: ["left", "right"], groupOf: [0, 0, 0, 1, 1, 1]), changing)
    }

    static func compare(_ network: StakeholderNetwork, _ grouping: Grouping, permutations: Int, seed: UInt64 = 1, threads: Int = 2) throws -> PeriodComparison {
        try PeriodComparison.compare(network: network, selection: GraphSelection(), periods: [2000 ... 2000, 2010 ... 2010], grouping: grouping,
                                     partnerKind: [Int](repeating: -1, count: network.stakeholderCount), kindNames: [],
                                     permutations: permutations, seed: seed, threads: threads)
    }

    @Test(arguments: [3, 5, 8, 13])
    func pValuesMatchTheExactSwapDistribution(_ seed: Int) throws {
        let (network, grouping, changing) = Self.network(UInt64(seed))
        try #require(changing >= 3 && changing <= 10, "case \(seed) has \(changing) changing pairs")
        let observed = try Self.compare(network, grouping, permutations: 0)
        var exceed = [Int](repeating: 0, count: observed.changes.count)
        for swap in 0 ..< (1 << changing) {
            let (other, _, _) = Self.network(UInt64(seed), swapped: swap)
            let changes = try Self.compare(other, grouping, permutations: 0).changes
            for (i, change) in observed.changes.enumerated() where !change.change.isNaN && !changes[i].change.isNaN {
                if abs(changes[i].change) >= abs(change.change) - 1e-12 * Swift.max(1, abs(change.change)) { exceed[i] += 1 }
            }
        }
        let runs = 4000
        let sampled = try Self.compare(network, grouping, permutations: runs)
        for (i, change) in sampled.changes.enumerated() {
            guard let p = change.p else { #expect(change.change.isNaN); continue }
            let exact = Double(exceed[i]) / Double(1 << changing)
            let error = (exact * (1 - exact) / Double(runs)).squareRoot()
            #expect(abs(p - exact) <= 4.5 * error + 2.0 / Double(runs), "case \(seed) \(sampled.measures[change.measure].name) of group \(change.group): \(p) vs exact \(exact)")
        }
        // The same numbers on one thread.
        let single = try Self.compare(network, grouping, permutations: runs, threads: 1)
        let one = single.changes.map(Self.key), two = sampled.changes.map(Self.key)
        #expect(one == two)
    }

    static func key(_ c: PeriodComparison.Change) -> String {
        let change = c.change.isNaN ? "-" : "\(c.change)"
        let p = c.p.map { "\($0)" } ?? "-"
        return "\(c.measure) \(c.group) \(change) \(p)"
    }

    @Test func eachPeriodIsTheProfileOfItsActiveTies() throws {
        let (network, grouping, _) = Self.network(5)
        let result = try Self.compare(network, grouping, permutations: 0)
        for (p, period) in result.periods.enumerated() {
            let graph = try network.graph(selecting: GraphSelection(period: period))
            let profiler = try GroupProfiler(graph: graph, partnerKind: [Int](repeating: -1, count: 6), kindNames: [], reach: nil)
            var scratch = GroupProfiler.Scratch(nodeCount: 6)
            let expected = profiler.profile(labels: grouping.groupOf.map(Int32.init), groupCount: 2, scratch: &scratch)
            #expect(zip(expected, result.values[p]).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "period \(period)")
            #expect(result.tieCounts[p] == network.ties.filter { $0.isActive(in: period) }.count)
        }
    }
}
