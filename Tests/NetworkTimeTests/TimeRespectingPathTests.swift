import Foundation
import NetworkModel
import NetworkTime
import Testing

/// Every path type, forward and backward, strict and not, checked against exhaustive enumeration of the
/// time-respecting simple paths (a walk that comes back to a stakeholder can always be cut short without
/// arriving later, setting out earlier, using more ties or being less likely) on many small random
/// temporal networks: ties of the same year, intervals of one year, ties without years.
@Suite struct TimeRespectingPathTests {
    struct Case {
        let network: StakeholderNetwork
        let probability: [Double]
        let years: ClosedRange<Int>
    }

    /// A path as enumerated: its stakeholders, the year each tie is used, and its probability.
    struct Walk { let nodes: [Int]; let years: [Int]; let probability: Double }

    static func randomCase(_ seed: UInt64) -> Case {
        var rng = SplitMix(seed: seed)
        let n = 3 + rng.below(4), m = 2 + rng.below(8)
        let directed = rng.below(3) > 0
        var ties: [Tie] = []
        for _ in 0 ..< m {
            let a = rng.below(n)
            var b = rng.below(n)
            if b == a { b = (a + 1) % n }
            var tie = Tie(source: Int32(a), target: Int32(b))
            let start = 1 + rng.below(4)
            if rng.below(5) > 0 { tie.start = Int32(start) }
            if rng.below(5) > 0 { tie.end = Int32(start + rng.below(5 - start)) }
            ties.append(tie)
        }
        if !ties.contains(where: { $0.start != nil || $0.end != nil }) { ties[0].start = 2 }
        let stakeholders = (0 ..< n).map { Stakeholder(id: "s\($0)") }
        let network = StakeholderNetwork(name: "case \(seed)", isDirected: directed, stakeholders: stakeholders, ties: ties)
        let years = ties.flatMap { [$0.start, $0.end].compactMap { $0 } }.map(Int.init)
        return Case(network: network, probability: ties.map { _ in Double(1 + rng.below(9)) / 10 }, years: years.min()! ... years.max()!)
    }

    /// Every time-respecting simple path from `source`, with every choice of year for each tie.
    static func walks(_ c: Case, from source: Int, order: TemporalOrder, earliest: Int) -> [Walk] {
        var contacts: [(u: Int, v: Int, s: Int, e: Int, p: Double)] = []
        for (i, tie) in c.network.ties.enumerated() {
            let s = tie.start.map(Int.init) ?? c.years.lowerBound, e = tie.end.map(Int.init) ?? c.years.upperBound
            guard s <= e else { continue }
            contacts.append((Int(tie.source), Int(tie.target), s, e, c.probability[i]))
            if !c.network.isDirected { contacts.append((Int(tie.target), Int(tie.source), s, e, c.probability[i])) }
        }
        var out: [Walk] = [Walk(nodes: [source], years: [], probability: 1)]
        func extend(_ walk: Walk) {
            let u = walk.nodes.last!
            for c in contacts where c.u == u && !walk.nodes.contains(c.v) {
                let floor = walk.years.last.map { order == .strict ? $0 + 1 : $0 } ?? earliest
                guard floor <= c.e else { continue }
                for y in Swift.max(floor, c.s) ... c.e {
                    let next = Walk(nodes: walk.nodes + [c.v], years: walk.years + [y], probability: walk.probability * c.p)
                    out.append(next)
                    extend(next)
                }
            }
        }
        extend(out[0])
        return out
    }

    @Test(arguments: 0 ..< 300)
    func everyPathTypeMatchesEnumeration(_ seed: Int) throws {
        let c = Self.randomCase(UInt64(seed))
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        for order in [TemporalOrder.nonDecreasing, .strict] {
            var rng = SplitMix(seed: UInt64(seed) &* 31 &+ 7)
            let sources = Array(Set([rng.below(n), rng.below(n)])).sorted()
            let start = c.years.lowerBound + rng.below(c.years.count)
            let all = sources.flatMap { Self.walks(c, from: $0, order: order, earliest: start) }

            // Foremost, with the fewest ties among the earliest; shortest.
            let search = TimeRespectingPaths(network: net, from: sources, start: start, order: order)
            for v in 0 ..< n {
                let reaching = all.filter { $0.nodes.last == v }
                let arrival = reaching.map { $0.years.last ?? start }.min()
                #expect(search.times[v] == arrival, "seed \(seed) \(order) v\(v)")
                let hops = reaching.filter { ($0.years.last ?? start) == arrival }.map { $0.years.count }.min()
                #expect(search.hops[v] == hops, "seed \(seed) \(order) hops v\(v)")
                #expect(search.shortestHops[v] == reaching.map { $0.years.count }.min(), "seed \(seed) \(order) shortest v\(v)")
                // The path read back is one of the enumerated ones achieving both.
                let path = search.path(to: v)
                if arrival != nil {
                    #expect(reaching.contains { $0.nodes == path && ($0.years.last ?? start) == arrival && $0.years.count == hops }, "seed \(seed) path \(path)")
                } else {
                    #expect(path.isEmpty)
                }
            }

            // Fastest.
            let fastest = FastestPaths(network: net, from: sources, start: start, order: order)
            for v in 0 ..< n {
                let reaching = all.filter { $0.nodes.last == v }
                let duration = reaching.map { ($0.years.last ?? start) - ($0.years.first ?? start) }.min()
                #expect(fastest.duration[v] == duration, "seed \(seed) \(order) fastest v\(v)")
            }

            // Likeliest.
            let likeliest = LikeliestTemporalPaths(network: net, from: sources, start: start, order: order, tieProbability: c.probability)
            for v in 0 ..< n {
                let best = all.filter { $0.nodes.last == v }.map(\.probability).max() ?? 0
                #expect(abs(likeliest.probability[v] - best) < 1e-12, "seed \(seed) \(order) likeliest v\(v): \(likeliest.probability[v]) vs \(best)")
                let path = likeliest.path(to: v)
                if best > 0 && !sources.contains(v) {
                    #expect(all.contains { $0.nodes == path && abs($0.probability - best) < 1e-12 }, "seed \(seed) likeliest path \(path)")
                }
            }

            // Backward: the latest year each could set out and reach the target by the deadline.
            let target = rng.below(n), deadline = c.years.lowerBound + rng.below(c.years.count)
            let back = TimeRespectingPaths(network: net, to: target, by: deadline, order: order)
            for u in 0 ..< n {
                let arriving = Self.walks(c, from: u, order: order, earliest: c.years.lowerBound)
                    .filter { $0.nodes.last == target && ($0.years.last ?? Int.min) <= deadline && !$0.years.isEmpty }
                let departure = u == target ? deadline : arriving.map { $0.years[0] }.max()
                #expect(back.times[u] == departure, "seed \(seed) \(order) backward u\(u) to \(target) by \(deadline)")
                let hops = u == target ? 0 : arriving.filter { $0.years[0] == departure }.map { $0.years.count }.min()
                #expect(back.hops[u] == hops, "seed \(seed) \(order) backward hops u\(u)")
                let path = back.path(to: u)
                if u != target, departure != nil {
                    #expect(arriving.contains { $0.nodes == path && $0.years[0] == departure && $0.years.count == hops }, "seed \(seed) backward path \(path)")
                }
            }
        }
    }

    @Test func aNetworkWithoutYearsIsRefused() {
        let network = StakeholderNetwork(name: "x", isDirected: true, stakeholders: [Stakeholder(id: "a"), Stakeholder(id: "b")], ties: [Tie(source: 0, target: 1)])
        #expect(throws: TemporalError.noYears) { try TemporalNetwork(network: network) }
    }
}

/// SplitMix64, for reproducible random cases.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Reach for everyone at once, against one search per stakeholder.
@Suite struct TemporalReachTests {
    @Test(arguments: 0 ..< 200)
    func countsMatchTheSearchesOfEachStakeholder(_ seed: Int) throws {
        let c = TimeRespectingPathTests.randomCase(UInt64(seed) &+ 10_000)
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        for order in [TemporalOrder.nonDecreasing, .strict] {
            let start = c.years.lowerBound + seed % c.years.count
            let counts = TemporalReach.counts(net, start: start, order: order, threads: 1 + seed % 3)
            for v in 0 ..< n {
                let forward = TimeRespectingPaths(network: net, from: [v], start: start, order: order).times.enumerated().filter { $0.offset != v && $0.element != nil }.count
                #expect(counts.forward[v] == forward, "seed \(seed) \(order) forward v\(v)")
                let backward = TimeRespectingPaths(network: net, to: v, by: c.years.upperBound, order: order).times.enumerated()
                    .filter { $0.offset != v && ($0.element ?? Int.min) >= start }.count
                #expect(counts.backward[v] == backward, "seed \(seed) \(order) backward v\(v)")
            }
        }
    }
}
