import Foundation
import NetworkMetrics
import NetworkModel
import NetworkTime
import Testing

/// Temporal closeness and shortest temporal betweenness against exhaustive enumeration of the
/// time-respecting tie sequences of small random temporal networks, and against the static measures when
/// every tie is always active.
@Suite struct TemporalCentralityTests {
    /// Every time-respecting simple path from `source` setting out in `start`: its stakeholders (each tie
    /// taken in the first year it can be).
    static func timedPaths(_ c: TimeRespectingPathTests.Case, from source: Int, start: Int, order: TemporalOrder) -> [(nodes: [Int], years: [Int])] {
        let contacts = TemporalCascadeTests.contacts(c)
        var found: [(nodes: [Int], years: [Int])] = []
        func extend(_ nodes: [Int], _ years: [Int]) {
            let u = nodes.last!
            let ready = nodes.count == 1 ? start : (order == .strict ? years.last! + 1 : years.last!)
            for contact in contacts where contact.u == u && !nodes.contains(contact.v) {
                let y = Swift.max(ready, contact.s)
                guard y <= contact.e else { continue }
                found.append((nodes + [contact.v], years + [y]))
                extend(nodes + [contact.v], years + [y])
            }
        }
        extend([source], [start])
        return found
    }

    static func paths(_ c: TimeRespectingPathTests.Case, from source: Int, start: Int, order: TemporalOrder) -> [[Int]] {
        timedPaths(c, from: source, start: start, order: order).map(\.nodes)
    }

    /// Prefix-foremost betweenness by enumeration: paths each of whose prefixes arrives in its end's earliest year.
    static func prefixForemost(_ c: TimeRespectingPathTests.Case, start: Int) -> [Double] {
        let n = c.network.stakeholderCount
        var betweenness = [Double](repeating: 0, count: n)
        for s in 0 ..< n {
            let all = timedPaths(c, from: s, start: start, order: .strict)
            var earliest = [Int](repeating: Int.max, count: n)
            earliest[s] = start
            for path in all { earliest[path.nodes.last!] = Swift.min(earliest[path.nodes.last!], path.years.last!) }
            let good = all.filter { path in path.nodes.indices.allSatisfy { $0 == 0 || path.years[$0] == earliest[path.nodes[$0]] } }
            for v in 0 ..< n where v != s {
                let reaching = good.filter { $0.nodes.last == v }
                guard !reaching.isEmpty else { continue }
                for w in 0 ..< n where w != s && w != v {
                    betweenness[w] += Double(reaching.filter { $0.nodes.contains(w) }.count) / Double(reaching.count)
                }
            }
        }
        let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
        return betweenness.map { $0 * scale }
    }

    static func enumerated(_ c: TimeRespectingPathTests.Case, start: Int, order: TemporalOrder) -> (closeness: [Double], betweenness: [Double]) {
        let n = c.network.stakeholderCount
        var closeness = [Double](repeating: 0, count: n), betweenness = [Double](repeating: 0, count: n)
        for s in 0 ..< n {
            let all = paths(c, from: s, start: start, order: order)
            for v in 0 ..< n where v != s {
                let reaching = all.filter { $0.last == v }
                guard let fewest = reaching.map(\.count).min() else { continue }
                closeness[s] += 1 / Double(fewest - 1) / Double(n - 1)
                let shortest = reaching.filter { $0.count == fewest }
                for w in 0 ..< n where w != s && w != v {
                    betweenness[w] += Double(shortest.filter { $0.contains(w) }.count) / Double(shortest.count)
                }
            }
        }
        let scale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
        return (closeness, betweenness.map { $0 * scale })
    }

    @Test(arguments: 0 ..< 150)
    func bothMatchEnumeration(_ seed: Int) throws {
        let c = TimeRespectingPathTests.randomCase(UInt64(seed) &+ 50_000)
        let net = try TemporalNetwork(network: c.network)
        var rng = SplitMix(seed: UInt64(seed) &* 7 &+ 1)
        let start = c.years.lowerBound + rng.below(c.years.count)
        for order in [TemporalOrder.nonDecreasing, .strict] {
            let expected = Self.enumerated(c, start: start, order: order)
            for threads in [1, 3] {
                let got = TemporalCentrality(network: net, start: start, order: order, threads: threads)
                let foremost = order == .strict ? Self.prefixForemost(c, start: start) : nil
                #expect((got.prefixForemostBetweenness == nil) == (foremost == nil))
                for v in 0 ..< c.network.stakeholderCount {
                    if let foremost, let values = got.prefixForemostBetweenness {
                        #expect(abs(values[v] - foremost[v]) < 1e-12, "case \(seed) prefix-foremost v\(v): \(values[v]) vs \(foremost[v])")
                    }
                    #expect(abs(got.closeness[v] - expected.closeness[v]) < 1e-12, "case \(seed) \(order) closeness v\(v): \(got.closeness[v]) vs \(expected.closeness[v])")
                    #expect(abs(got.betweenness[v] - expected.betweenness[v]) < 1e-12, "case \(seed) \(order) betweenness v\(v): \(got.betweenness[v]) vs \(expected.betweenness[v])")
                }
            }
        }
    }

    /// With every tie active throughout (one pair, one tie), the temporal measures are the static ones.
    @Test(arguments: 0 ..< 40)
    func alwaysActiveTiesGiveTheStaticMeasures(_ seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &+ 60_000)
        let n = 4 + rng.below(12), directed = seed % 2 == 0
        var pairs = Set<[Int]>()
        for _ in 0 ..< (n * 2) {
            let a = rng.below(n), b = rng.below(n)
            guard a != b else { continue }
            pairs.insert(directed ? [a, b] : [Swift.min(a, b), Swift.max(a, b)])
        }
        let ties = pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { pair -> Tie in
            var tie = Tie(source: Int32(pair[0]), target: Int32(pair[1]))
            tie.start = 2000
            tie.end = 2003
            return tie
        }
        let network = StakeholderNetwork(name: "static \(seed)", isDirected: directed, stakeholders: (0 ..< n).map { Stakeholder(id: "s\($0)") }, ties: ties)
        let graph = try network.graph()
        let staticBetweenness = graph.betweenness(), harmonic = try graph.compute([directed ? .outHarmonic : .harmonic]).columns[0]
        let temporal = TemporalCentrality(network: try TemporalNetwork(network: network), start: 2000)
        for v in 0 ..< n {
            #expect(abs(temporal.betweenness[v] - staticBetweenness[v]) < 1e-12, "seed \(seed) v\(v): \(temporal.betweenness[v]) vs \(staticBetweenness[v])")
            #expect(abs(temporal.closeness[v] - harmonic[v] / Double(n - 1)) < 1e-12, "seed \(seed) v\(v) closeness")
        }
    }

    @Test func sampledSourcesEstimateWithoutBias() throws {
        // Every source once each over all samples of one source: the mean of the scaled estimates is exact.
        let c = TimeRespectingPathTests.randomCase(77)
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        let exact = TemporalCentrality(network: net)
        var mean = [Double](repeating: 0, count: n)
        for s in 0 ..< n {
            let one = TemporalCentrality(network: net, sources: [s])
            for v in 0 ..< n { mean[v] += one.betweenness[v] / Double(n) }
            #expect(one.closeness[s] == exact.closeness[s] && one.sourceCount == 1)
        }
        for v in 0 ..< n { #expect(abs(mean[v] - exact.betweenness[v]) < 1e-12) }
    }
}
