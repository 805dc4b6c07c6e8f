import Foundation
import NetworkDiffusion
import NetworkModel
import Testing
import TestSupport

/// Monte Carlo estimates against exact values from enumerating every live-edge world (Kempe, Kleinberg &
/// Tardos 2003: independent cascade = each arc live with its probability; linear threshold = each node keeps
/// one in-arc, chosen with probability its normalised strength; the adoption step is the distance from the
/// seeds in the live-edge graph). Every estimate must lie within four standard errors of the exact value.
@Suite struct ExactDiffusionTests {
    /// a → b, a → c, b → c, c → d, b → d, d → e, c → a (a cycle back), with probabilities and strengths.
    static let arcs: [(Int, Int, Double, Double)] = [(0, 1, 0.6, 2), (0, 2, 0.3, 1), (1, 2, 0.5, 1), (2, 3, 0.7, 3), (1, 3, 0.2, 1), (3, 4, 0.4, 1), (2, 0, 0.5, 1)]

    static func network() -> TransmissionGraph {
        var strength = GraphBuilder(nodeCount: 5, isDirected: true)
        for (u, v, _, w) in arcs { strength.addArc(from: u, to: v, weight: w) }
        let graph = strength.build(isWeighted: true)
        // Probabilities in CSR order (arcs sorted by source, then target).
        var probability = [Double](repeating: 0, count: graph.outTargets.count)
        for (u, v, p, _) in arcs {
            let e = graph.outRange(of: u).first { Int(graph.outTargets[$0]) == v }!
            probability[e] = p
        }
        return TransmissionGraph(graph: graph, probability: probability)
    }

    struct Exact: Sendable {
        var adoption = [Double](repeating: 0, count: 5)
        var stepSum = [Double](repeating: 0, count: 5)
        var stepSquares = [Double](repeating: 0, count: 5)
        var spread = 0.0, spreadSquares = 0.0
        mutating func add(world probability: Double, live: [(Int, Int)], seeds: [Int]) {
            var distance = [Int](repeating: -1, count: 5)
            var queue = seeds
            for s in seeds { distance[s] = 0 }
            var head = 0
            while head < queue.count {
                let u = queue[head]; head += 1
                for (a, b) in live where a == u && distance[b] < 0 { distance[b] = distance[u] + 1; queue.append(b) }
            }
            let reached = distance.filter { $0 >= 0 }.count
            spread += probability * Double(reached)
            spreadSquares += probability * Double(reached * reached)
            for v in 0 ..< 5 where distance[v] >= 0 {
                adoption[v] += probability
                stepSum[v] += probability * Double(distance[v])
                stepSquares[v] += probability * Double(distance[v] * distance[v])
            }
        }
    }

    static func exactCascade(seeds: [Int]) -> Exact {
        var exact = Exact()
        for mask in 0 ..< (1 << arcs.count) {
            var probability = 1.0
            var live: [(Int, Int)] = []
            for (i, arc) in arcs.enumerated() {
                if mask & (1 << i) != 0 { probability *= arc.2; live.append((arc.0, arc.1)) } else { probability *= 1 - arc.2 }
            }
            exact.add(world: probability, live: live, seeds: seeds)
        }
        return exact
    }

    static func exactThreshold(seeds: [Int]) -> Exact {
        // Each node keeps one in-arc with probability strength / in-strength (they sum to 1).
        let incoming = (0 ..< 5).map { v in arcs.filter { $0.1 == v } }
        var exact = Exact()
        func choose(_ v: Int, _ probability: Double, _ live: [(Int, Int)]) {
            if v == 5 { exact.add(world: probability, live: live, seeds: seeds); return }
            if incoming[v].isEmpty { choose(v + 1, probability, live); return }
            let total = incoming[v].reduce(0) { $0 + $1.3 }
            for arc in incoming[v] { choose(v + 1, probability * arc.3 / total, live + [(arc.0, arc.1)]) }
        }
        choose(0, 1, [])
        return exact
    }

    func check(_ result: DiffusionResult, against exact: Exact, runs: Int) {
        let n = Double(runs)
        for v in 0 ..< 5 {
            let p = exact.adoption[v]
            let se = (p * (1 - p) / n).squareRoot()
            #expect(abs(result.adoptionProbability[v] - p) <= 4 * se + 1e-12, "adoption of \(v): \(result.adoptionProbability[v]) vs \(p)")
            guard p > 0 else { #expect(result.meanStep[v].isNaN); continue }
            let meanStep = exact.stepSum[v] / p
            let variance = exact.stepSquares[v] / p - meanStep * meanStep
            let stepSE = (variance / (n * p)).squareRoot()
            #expect(abs(result.meanStep[v] - meanStep) <= 4 * stepSE + 1e-12, "mean step of \(v): \(result.meanStep[v]) vs \(meanStep)")
        }
        let spreadSE = ((exact.spreadSquares - exact.spread * exact.spread) / n).squareRoot()
        #expect(abs(result.expectedSpread.mean - exact.spread) <= 4 * spreadSE, "spread \(result.expectedSpread.mean) vs \(exact.spread)")
    }

    @Test func independentCascadeMatchesEveryLiveEdgeWorld() {
        let runs = 40_000
        let result = Self.network().simulate(.independentCascade, seeds: [0], settings: DiffusionSettings(runs: runs, seed: 11, threads: 2))
        check(result, against: Self.exactCascade(seeds: [0]), runs: runs)
        #expect(result.adoptionProbability[0] == 1 && result.meanStep[0] == 0)
    }

    @Test func linearThresholdMatchesEveryLiveEdgeWorld() {
        let runs = 40_000
        let result = Self.network().simulate(.linearThreshold, seeds: [0], settings: DiffusionSettings(runs: runs, seed: 12, threads: 2))
        check(result, against: Self.exactThreshold(seeds: [0]), runs: runs)
    }

    /// Reach from each stakeholder alone (one live-edge sample serving every seed) against every world.
    @Test func reachFromEachMatchesEveryLiveEdgeWorld() {
        let runs = 40_000
        let one = Self.network().reachFromEach(runs: runs, seed: 4, threads: 1)
        let two = Self.network().reachFromEach(runs: runs, seed: 4, threads: 2)
        #expect(one.mean == two.mean && one.standardError == two.standardError)
        for v in 0 ..< 5 {
            let exact = Self.exactCascade(seeds: [v])
            let se = ((exact.spreadSquares - exact.spread * exact.spread) / Double(runs)).squareRoot()
            #expect(abs(one.mean[v] - exact.spread) <= 4 * se + 1e-12, "reach of \(v): \(one.mean[v]) vs \(exact.spread)")
            #expect(abs(one.standardError[v] - se) <= 0.05 * se + 1e-9)
        }
    }

    /// On an undirected path a – b – c (each tie one draw, union–find): reach a = 1 + p + p², b = 1 + 2p.
    @Test func reachOnAnUndirectedPath() {
        var builder = GraphBuilder(nodeCount: 3, isDirected: true)
        for (u, v) in [(0, 1), (1, 0), (1, 2), (2, 1)] { builder.addArc(from: u, to: v) }
        let p = 0.3
        let path = TransmissionGraph(graph: builder.build(isWeighted: false), probability: [p, p, p, p])
        let runs = 40_000
        let result = path.reachFromEach(runs: runs, seed: 2)
        let exact = [1 + p + p * p, 1 + 2 * p, 1 + p + p * p]
        for v in 0 ..< 3 { #expect(abs(result.mean[v] - exact[v]) <= 4 * result.standardError[v], "reach of \(v)") }
    }

    @Test func sameSeedSameNumbersOnAnyThreads() {
        let network = Self.network()
        for model in [DiffusionModel.independentCascade, .linearThreshold, .sir(recovery: 0.3), .sis(recovery: 0.5), .bass(external: 0.05)] {
            let one = network.simulate(model, seeds: [0], settings: DiffusionSettings(runs: 3_000, seed: 5, threads: 1))
            let two = network.simulate(model, seeds: [0], settings: DiffusionSettings(runs: 3_000, seed: 5, threads: 2))
            #expect(one.adoptionProbability == two.adoptionProbability && one.spreadCounts == two.spreadCounts, "\(model)")
            #expect(one.curve == two.curve)
        }
    }

    @Test func siWithoutRecoveryIsTheCascadeOfEverySecondChance() {
        // SI (recovery 0) keeps trying every step: on a path a → b with p = 0.5 and 3 steps, b is infected
        // by step 3 with probability 1 − 0.5³ = 0.875.
        var builder = GraphBuilder(nodeCount: 2, isDirected: true)
        builder.addArc(from: 0, to: 1)
        let path = TransmissionGraph(graph: builder.build(isWeighted: false), probability: [0.5])
        let runs = 20_000
        let result = path.simulate(.sir(recovery: 0), seeds: [0], settings: DiffusionSettings(runs: runs, steps: 3, seed: 3))
        #expect(abs(result.adoptionProbability[1] - 0.875) <= 4 * (0.875 * 0.125 / Double(runs)).squareRoot())
        // Expected step of adoption given adoption: (1·0.5 + 2·0.25 + 3·0.125)/0.875.
        #expect(abs(result.meanStep[1] - (0.5 + 0.5 + 0.375) / 0.875) < 0.03)
    }

    @Test func fractionalThresholdIsDeterministic() {
        // a → c, b → c, c → d: with threshold 0.5 for c, one adopting in-neighbour of two is enough.
        var builder = GraphBuilder(nodeCount: 4, isDirected: true)
        for (u, v) in [(0, 2), (1, 2), (2, 3)] { builder.addArc(from: u, to: v) }
        let network = TransmissionGraph(graph: builder.build(isWeighted: false), probability: [1, 1, 1])
        let half = network.simulate(.fractionalThreshold(thresholds: [1, 1, 0.5, 1]), seeds: [0], settings: DiffusionSettings(runs: 10))
        #expect(half.adoptionProbability == [1, 0, 1, 1] && half.meanStep[3] == 2)
        let strict = network.simulate(.fractionalThreshold(thresholds: [1, 1, 0.75, 1]), seeds: [0], settings: DiffusionSettings(runs: 10))
        #expect(strict.adoptionProbability == [1, 0, 0, 0])
        // The adoption curve: 1 adopter at step 0, 2 by step 1, 3 by step 2.
        #expect(half.curve.map(\.mean) == [1, 2, 3])
    }
}
