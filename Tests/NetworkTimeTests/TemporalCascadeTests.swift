import Foundation
@testable import NetworkDiffusion
import NetworkModel
@testable import NetworkTime
import Testing

/// The temporal cascade and its reverse-reachable sets against exact enumeration of every live world (each
/// contact live or not) on small random temporal networks: in each world a stakeholder adopts in its
/// earliest time-respecting arrival year over live contacts, found here by relaxing every live contact until
/// nothing changes (no queue, no buckets).
@Suite struct TemporalCascadeTests {
    struct Exact {
        /// P(v adopts), P(v has adopted by year start + t), E[adopters by start + t], E[spread].
        var adopts: [Double]
        var byStep: [[Double]]
        var curve: [Double]
        var spread: Double
    }

    static func contacts(_ c: TimeRespectingPathTests.Case) -> [(u: Int, v: Int, s: Int, e: Int, p: Double)] {
        var contacts: [(u: Int, v: Int, s: Int, e: Int, p: Double)] = []
        for (i, tie) in c.network.ties.enumerated() {
            let s = tie.start.map(Int.init) ?? c.years.lowerBound, e = tie.end.map(Int.init) ?? c.years.upperBound
            guard s <= e else { continue }
            contacts.append((Int(tie.source), Int(tie.target), s, e, c.probability[i]))
            if !c.network.isDirected { contacts.append((Int(tie.target), Int(tie.source), s, e, c.probability[i])) }
        }
        return contacts
    }

    /// A random case with at most 11 contacts (2,048 live worlds), the first from `seed` on.
    static func smallCase(_ seed: UInt64) -> TimeRespectingPathTests.Case {
        var k = seed
        while true {
            let c = TimeRespectingPathTests.randomCase(k)
            if contacts(c).count <= 11 { return c }
            k &+= 1_000_003
        }
    }

    static func exact(_ c: TimeRespectingPathTests.Case, seeds: Set<Int>, start: Int, order: TemporalOrder) -> Exact {
        let contacts = Self.contacts(c)
        let n = c.network.stakeholderCount, steps = c.years.upperBound - start + 1
        var result = Exact(adopts: Array(repeating: 0, count: n), byStep: Array(repeating: Array(repeating: 0, count: steps), count: n),
                           curve: Array(repeating: 0, count: steps), spread: 0)
        for world in 0 ..< (1 << contacts.count) {
            var weight = 1.0
            for (i, contact) in contacts.enumerated() { weight *= world & (1 << i) != 0 ? contact.p : 1 - contact.p }
            var arrival = [Int?](repeating: nil, count: n)
            for s in seeds { arrival[s] = start }
            var changed = true
            while changed {
                changed = false
                for (i, contact) in contacts.enumerated() where world & (1 << i) != 0 {
                    guard let a = arrival[contact.u] else { continue }
                    let ready = seeds.contains(contact.u) ? start : (order == .strict ? a + 1 : a)
                    let y = Swift.max(ready, contact.s)
                    if y <= contact.e && y < (arrival[contact.v] ?? Int.max) { arrival[contact.v] = y; changed = true }
                }
            }
            for v in 0 ..< n {
                guard let a = arrival[v] else { continue }
                result.adopts[v] += weight
                result.spread += weight
                for t in (a - start) ..< steps { result.byStep[v][t] += weight; result.curve[t] += weight }
            }
        }
        return result
    }

    @Test(arguments: 0 ..< 60)
    func simulationMatchesTheLiveWorlds(_ seed: Int) throws {
        let c = Self.smallCase(UInt64(seed) &+ 20_000)
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        var rng = SplitMix(seed: UInt64(seed) &* 17 &+ 3)
        let seeds = Array(Set([rng.below(n), rng.below(n)])).sorted()
        let start = c.years.lowerBound + rng.below(c.years.count)
        let runs = 20_000
        for order in [TemporalOrder.nonDecreasing, .strict] {
            let exact = Self.exact(c, seeds: Set(seeds), start: start, order: order)
            let cascade = try TemporalCascade(network: net, tieProbability: c.probability, start: start, order: order)
            let result = cascade.simulate(seeds: seeds, settings: DiffusionSettings(runs: runs, seed: UInt64(seed) + 1, threads: 2))
            let label = "case \(seed) \(order) seeds \(seeds) start \(start)"
            for v in 0 ..< n {
                let p = exact.adopts[v]
                #expect(abs(result.adoptionProbability[v] - p) <= 4.5 * Swift.max(0, p * (1 - p) / Double(runs)).squareRoot() + 1e-9, "\(label) v\(v): \(result.adoptionProbability[v]) vs \(p)")
            }
            // The adoption curve in years after the start, against the exact expected adopters by then.
            for (t, point) in result.curve.enumerated() {
                #expect(abs(point.mean - exact.curve[t]) <= 4.5 * Double(n) / (2 * Double(runs).squareRoot()), "\(label) year +\(t): \(point.mean) vs \(exact.curve[t])")
            }
            #expect(result.curve.count <= exact.curve.count, "\(label): adoptions after the last year")
            // Mean year of adoption among the runs in which v adopted.
            for v in 0 ..< n where exact.adopts[v] > 0.05 {
                var mean = 0.0
                for t in exact.byStep[v].indices { mean += Double(t) * (exact.byStep[v][t] - (t > 0 ? exact.byStep[v][t - 1] : 0)) }
                mean /= exact.adopts[v]
                #expect(abs(result.meanStep[v] - mean) <= 0.15 * Double(exact.curve.count), "\(label) v\(v) mean year")
            }
        }
    }

    @Test(arguments: 0 ..< 60)
    func reverseReachableSetsEstimateTheExactSpread(_ seed: Int) throws {
        let c = Self.smallCase(UInt64(seed) &+ 30_000)
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        var rng = SplitMix(seed: UInt64(seed) &* 13 &+ 5)
        let start = c.years.lowerBound + rng.below(c.years.count)
        for order in [TemporalOrder.nonDecreasing, .strict] {
            let cascade = try TemporalCascade(network: net, tieProbability: c.probability, start: start, order: order)
            var sets = ReverseReachableSets(sampler: TemporalCascade.BackwardSampler(cascade: cascade), seed: UInt64(seed) + 7)
            let count = 20_000
            sets.extend(to: count, threads: 2)
            for seeds in [Set([rng.below(n)]), Set([rng.below(n), rng.below(n)])] {
                let exact = Self.exact(c, seeds: seeds, start: start, order: order).spread
                let share = sets.coverage(of: seeds), q = exact / Double(n)
                #expect(abs(share - q) <= 4.5 * Swift.max(0, q * (1 - q) / Double(count)).squareRoot() + 1e-9,
                        "case \(seed) \(order) seeds \(seeds.sorted()) start \(start): \(share * Double(n)) vs \(exact)")
            }
        }
    }

    @Test(arguments: 0 ..< 20)
    func seedsReachTheGuaranteeOfTheOptimum(_ seed: Int) throws {
        let c = Self.smallCase(UInt64(seed) &+ 40_000)
        let net = try TemporalNetwork(network: c.network)
        let n = c.network.stakeholderCount
        let start = c.years.lowerBound
        let cascade = try TemporalCascade(network: net, tieProbability: c.probability, start: start)
        for k in 1 ... 2 {
            var best = 0.0
            for a in 0 ..< n { for b in a ..< n where k == 2 || a == b {
                best = Swift.max(best, Self.exact(c, seeds: Set([a, b]), start: start, order: .nonDecreasing).spread)
            } }
            let chosen = cascade.maximizeInfluence(k: k, epsilon: 0.1, seed: UInt64(seed) + 1, threads: 2)
            #expect(chosen.seeds.count == k)
            let reached = Self.exact(c, seeds: Set(chosen.seeds), start: start, order: .nonDecreasing).spread
            #expect(reached >= (1 - 1 / M_E - 0.1) * best - 1e-12, "case \(seed) k=\(k): \(reached) of the best \(best)")
            #expect(abs(chosen.spread.last! - reached) <= 0.1 * best + 1e-9, "case \(seed) k=\(k): estimated \(chosen.spread.last!) vs \(reached)")
        }
    }

    @Test func aTieThatEndedBeforeTheAdoptionCarriesNothing() throws {
        // a–b ended in 2005, b–c runs 2010–2012: from a in 2008 nothing passes; from b in 2008 c adopts in 2010.
        var ab = Tie(source: 0, target: 1), bc = Tie(source: 1, target: 2)
        ab.start = 2000; ab.end = 2005; bc.start = 2010; bc.end = 2012
        let network = StakeholderNetwork(name: "t", isDirected: false, stakeholders: ["a", "b", "c"].map { Stakeholder(id: $0) }, ties: [ab, bc])
        let cascade = try TemporalCascade(network: try TemporalNetwork(network: network), tieProbability: [1, 1], start: 2008)
        let fromA = cascade.simulate(seeds: [0], settings: DiffusionSettings(runs: 10))
        #expect(fromA.adoptionProbability == [1, 0, 0])
        let fromB = cascade.simulate(seeds: [1], settings: DiffusionSettings(runs: 10))
        #expect(fromB.adoptionProbability == [0, 1, 1] && fromB.meanStep[2] == 2)
        #expect(throws: TemporalError.yearOutside(2020, 2000 ... 2012)) {
            try TemporalCascade(network: try TemporalNetwork(network: network), tieProbability: [1, 1], start: 2020)
        }
    }
}
