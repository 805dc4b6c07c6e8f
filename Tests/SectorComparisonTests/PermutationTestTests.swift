import Foundation
import NetworkMetrics
import NetworkModel
@testable import SectorComparison
import Testing
import TestSupport

/// A two-sector network: `sizes[g]` stakeholders per sector, each pair tied with probability
/// `within[g]` inside sector g and `between` across sectors (a stochastic block model).
func twoSectorNetwork(sizes: [Int], within: [Double], between: Double, seed: UInt64) -> (Graph, Grouping) {
    var generator = SeededGenerator(seed: seed)
    let labels = sizes.enumerated().flatMap { g, size in [Int](repeating: g, count: size) }
    var builder = GraphBuilder(nodeCount: labels.count, isDirected: false)
    for u in labels.indices {
        for v in 0 ..< u {
            let p = labels[u] == labels[v] ? within[labels[u]] : between
            if generator.nextUnit() < p { builder.addArc(from: u, to: v) }
        }
    }
    let names = sizes.indices.map { "sector\($0)" }
    return (builder.build(isWeighted: false), Grouping(attribute: "sector", names: names, groupOf: labels))
}

func profiler(_ graph: Graph, reach: [Double]? = nil) throws -> GroupProfiler {
    try GroupProfiler(graph: graph, partnerKind: [Int](repeating: 0, count: graph.nodeCount), kindNames: ["organisation"], reach: reach, threads: 1)
}

/// The permutation tests and bootstrap intervals of `GroupComparison`.
@Suite struct PermutationTestTests {
    /// A planted difference (one sector four times as dense inside) is found with p < 0.01.
    @Test func findsPlantedDifference() throws {
        let (graph, grouping) = twoSectorNetwork(sizes: [40, 40], within: [0.2, 0.05], between: 0.03, seed: 3)
        let result = try GroupComparison.compare(profiler(graph), grouping: grouping, settings: .init(permutations: 999, bootstrap: 500, seed: 5, threads: 2))
        for name in ["density_within", "mean_degree", "ties_within", "e_i_index"] {
            let m = result.measures.firstIndex { $0.name == name }!
            let test = result.pairs.first { $0.measure == m }!
            #expect(test.p! < 0.01, "\(name): p = \(test.p!)")
        }
        let density = result.measures.firstIndex { $0.name == "density_within" }!
        #expect(result.values[density][0] > result.values[density][1])
        #expect(result.overall.isEmpty, "no overall test for two groups")
    }

    /// Where sectors are drawn independently of the network, p-values are uniform: over 100 networks the
    /// Kolmogorov–Smirnov distance of each figure's p-values from the uniform stays below 0.195 (its 0.1%
    /// critical value for 100 draws), and about 5% fall below 0.05.
    @Test func uniformUnderTheNull() throws {
        let names = ["density_within", "mean_degree", "e_i_index", "mean_betweenness", "clustering_within", "ties_within"]
        var pValues = [String: [Double]]()
        for replicate in 0 ..< 100 {
            let (graph, _) = twoSectorNetwork(sizes: [60], within: [0.08], between: 0, seed: 1000 + UInt64(replicate))
            var generator = SeededGenerator(seed: 77, stream: UInt64(replicate))
            var labels = (0 ..< 60).map { $0 < 25 ? 0 : 1 }
            generator.shuffle(&labels)
            let grouping = Grouping(attribute: "sector", names: ["a", "b"], groupOf: labels)
            let result = try GroupComparison.compare(profiler(graph), grouping: grouping,
                                                     settings: .init(permutations: 99, bootstrap: 0, seed: UInt64(replicate), threads: 2))
            for name in names {
                let m = result.measures.firstIndex { $0.name == name }!
                if let p = result.pairs.first(where: { $0.measure == m })?.p { pValues[name, default: []].append(p) }
            }
        }
        for name in names {
            let sorted = pValues[name]!.sorted()
            #expect(sorted.count >= 95)
            let count = Double(sorted.count)
            var distance = 0.0
            for (i, p) in sorted.enumerated() { distance = max(distance, abs(Double(i + 1) / count - p), abs(p - Double(i) / count)) }
            #expect(distance < 0.195, "\(name): KS distance \(distance)")
            let small = Double(sorted.filter { $0 <= 0.05 }.count) / count
            #expect(small < 0.05 + 3 * (0.05 * 0.95 / count).squareRoot(), "\(name): \(small) of p-values ≤ 0.05")
        }
    }

    /// Three groups: pairwise tests for each pair and one overall test per figure; identical on 1 and 3 threads.
    @Test func threeGroupsAndThreadCounts() throws {
        let (graph, grouping) = twoSectorNetwork(sizes: [20, 15, 10], within: [0.3, 0.1, 0.1], between: 0.04, seed: 8)
        let p = try profiler(graph)
        let one = try GroupComparison.compare(p, grouping: grouping, settings: .init(permutations: 300, bootstrap: 200, seed: 2, threads: 1))
        let three = try GroupComparison.compare(p, grouping: grouping, settings: .init(permutations: 300, bootstrap: 200, seed: 2, threads: 3))
        let tested = one.measures.filter(\.isTested).count
        #expect(one.pairs.count == 3 * tested)
        #expect(one.overall.count == tested)
        #expect(one.pairs.map(\.p) == three.pairs.map(\.p))
        #expect(one.overall.map(\.p) == three.overall.map(\.p))
        #expect(one.intervals == three.intervals)
        let density = one.measures.firstIndex { $0.name == "density_within" }!
        #expect(one.overall.first { $0.measure == density }!.p! < 0.01)
    }

    /// The overall statistic by hand: sizes 2 and 3 with values 1 and 2 → mean 8/5, spread 2(0.6)² + 3(0.4)².
    @Test func overallSpreadByHand() {
        #expect(isClose(GroupComparison.spread([1, 2], sizes: [2, 3]), 2 * 0.36 + 3 * 0.16))
        #expect(GroupComparison.spread([1, .nan], sizes: [2, 3]).isNaN)
    }

    /// The bootstrap interval of a mean covers the group's mean and shrinks with larger groups; a figure
    /// of the group's internal ties gets none.
    @Test func bootstrapIntervals() throws {
        let (graph, grouping) = twoSectorNetwork(sizes: [10, 60], within: [0.2, 0.2], between: 0.05, seed: 12)
        let result = try GroupComparison.compare(profiler(graph), grouping: grouping, settings: .init(permutations: 0, bootstrap: 2000, seed: 1))
        let degree = result.measures.firstIndex { $0.name == "mean_degree" }!
        for g in 0 ..< 2 {
            let interval = result.intervals[degree][g]!
            #expect(interval.lower <= result.values[degree][g] && result.values[degree][g] <= interval.upper)
        }
        let small = result.intervals[degree][0]!, large = result.intervals[degree][1]!
        #expect(small.upper - small.lower > large.upper - large.lower)
        let density = result.measures.firstIndex { $0.name == "density_within" }!
        #expect(result.intervals[density].allSatisfy { $0 == nil })
        #expect(result.pairs.allSatisfy { $0.p == nil }, "no permutations, no p-values")
    }

    /// Grouping by something with more values than a comparison takes is refused.
    @Test func tooManyGroups() throws {
        let (graph, _) = twoSectorNetwork(sizes: [150], within: [0.05], between: 0, seed: 1)
        let grouping = Grouping(attribute: "id", names: (0 ..< 150).map(String.init), groupOf: Array(0 ..< 150))
        #expect(throws: ComparisonError.self) { try GroupComparison.compare(profiler(graph), grouping: grouping) }
    }
}
