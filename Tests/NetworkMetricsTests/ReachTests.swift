import NetworkMetrics
import NetworkModel
import Testing

/// Reach counts from the sweep over components, against a breadth-first search from every node.
@Suite struct ReachTests {
    @Test(arguments: 0 ..< 50)
    func theSweepMatchesASearchFromEveryNode(_ seed: Int) throws {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1
        func next(_ bound: Int) -> Int { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int((state >> 33) % UInt64(bound)) }
        let n = 1 + next(40), m = next(3 * n)
        let directed = seed % 5 != 0
        var builder = GraphBuilder(nodeCount: n, isDirected: directed, expectedArcs: m)
        for _ in 0 ..< m { builder.addArc(from: next(n), to: next(n), weight: 1) }
        let graph = builder.build(isWeighted: false)
        for limit in [1 << 31, 0] {
            let counts = graph.reachCounts(bitsetLimit: limit)
            for v in 0 ..< n {
                var seen = Set([v]), queue = [v], reverse = Set([v]), back = [v]
                while let x = queue.popLast() { for w in graph.successors(of: x) where seen.insert(Int(w)).inserted { queue.append(Int(w)) } }
                while let x = back.popLast() { for w in graph.predecessors(of: x) where reverse.insert(Int(w)).inserted { back.append(Int(w)) } }
                #expect(counts.out[v] == seen.count - 1 && counts.in[v] == reverse.count - 1, "seed \(seed) node \(v) limit \(limit)")
            }
        }
    }
}
