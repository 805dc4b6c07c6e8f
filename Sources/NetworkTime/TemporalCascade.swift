import NetworkDiffusion
import NetworkModel

/// Independent cascade in calendar years: the first adopters adopt in `start`; each adopter has one chance
/// per tie to convince the stakeholder at its other end, with the tie's probability, in the first year from
/// its adoption (the year after it, with `.strict`) in which that tie is active — or none, when the tie has
/// ended by then. Steps are years: a stakeholder adopts in the year of the first chance that succeeds.
/// Parallel ties are separate chances (each in its own years); an undirected tie gives a chance each way.
///
/// Equivalently (the live-edge view of Kempe, Kleinberg and Tardos, KDD 2003, carried to time as in
/// Kempe, Kleinberg and Kumar, JCSS 2002): each contact is live with its probability, independently, and a
/// stakeholder adopts in its earliest time-respecting arrival year over live contacts. The tests check the
/// simulation against that enumeration of live worlds, and `seed --temporal` draws its reverse-reachable
/// sets from the same view.
///
/// - Complexity: per run O(n + Y + the contacts of the adopters) for Y years; coins are drawn only when a
///   chance could change an arrival.
public struct TemporalCascade: Sendable {
    public let network: TemporalNetwork
    public let start: Int
    public let order: TemporalOrder
    /// Probability of each out-contact and each in-contact, in their arrays' order.
    let outProbability: [Double]
    let inProbability: [Double]

    /// - Parameters:
    ///   - tieProbability: the probability of each of the network's ties (by tie index).
    ///   - start: the year the first adopters adopt (default: the ties' earliest year).
    public init(network: TemporalNetwork, tieProbability: [Double], start: Int? = nil, order: TemporalOrder = .nonDecreasing) throws {
        let begin = start ?? network.years.lowerBound
        guard network.years.contains(begin) else { throw TemporalError.yearOutside(begin, network.years) }
        self.network = network
        self.start = begin
        self.order = order
        outProbability = network.outTies.map { tieProbability[Int($0)] }
        inProbability = network.inTies.map { tieProbability[Int($0)] }
    }

    /// Simulates `settings.runs` spreads from `seeds` and summarises them; a step is a year after `start`
    /// (`settings.steps` limits how many). Run r draws from its own stream, in fixed blocks, so the same
    /// seed gives the same numbers on any number of threads.
    public func simulate(seeds: [Int], settings: DiffusionSettings = DiffusionSettings(), progress: (@Sendable (Int) -> Void)? = nil) -> DiffusionResult {
        let n = network.nodeCount
        let runs = Swift.max(1, settings.runs)
        let blocks = Swift.min(runs, 32)
        let reduction = TallyReduction(nodeCount: n)
        let done = ProgressCounter()
        let limit = settings.steps ?? Int.max
        Parallel.forEachBlock(blocks, threads: settings.threads) { block, _ in
            let tally = reduction.tally()
            defer { reduction.finish(tally, block: block) }
            var spread = Spread(cascade: self)
            for run in Parallel.range(ofBlock: block, blocks: blocks, count: runs) {
                var generator = SeededGenerator(seed: settings.seed, stream: UInt64(run) + 1)
                spread.run(seeds: seeds, limit: limit, generator: &generator)
                tally.add(adopted: spread.adopters, steps: spread.stepOf)
                if let progress, done.add() % 100 == 0 { progress(done.value) }
            }
        }
        return reduction.result(runs: runs)
    }

    /// First adopters for `start` by IMM over reverse-reachable sets drawn backward in time: the
    /// stakeholders that, adopting in `start`, would reach a random stakeholder in a random live world (a
    /// latest-departure search over live contacts, each contact's coin drawn once). The guarantee is IMM's
    /// (see `TransmissionGraph.maximizeInfluence`).
    public func maximizeInfluence(k: Int, epsilon: Double = 0.1, ell: Double = 1, candidates: Set<Int>? = nil, seed: UInt64 = 1, threads: Int = 1) -> SeedSelection {
        InfluenceMaximization.imm(sampler: BackwardSampler(cascade: self), k: k, epsilon: epsilon, ell: ell, candidates: candidates, seed: seed, threads: threads)
    }

    /// One run's state, reused across runs: arrival years, a bucket per year, the adopters in order.
    struct Spread {
        let cascade: TemporalCascade
        var arrival: [Int32]
        var stepOf: [Int32]
        var isSeed: [Bool]
        var buckets: [[Int32]]
        var adopters: [Int32] = []
        var touched: [Int32] = []

        init(cascade: TemporalCascade) {
            self.cascade = cascade
            let n = cascade.network.nodeCount
            arrival = [Int32](repeating: .max, count: n)
            stepOf = [Int32](repeating: -1, count: n)
            isSeed = [Bool](repeating: false, count: n)
            buckets = [[Int32]](repeating: [], count: cascade.network.years.upperBound - cascade.start + 1)
        }

        mutating func run(seeds: [Int], limit: Int, generator: inout SeededGenerator) {
            for v in touched { arrival[Int(v)] = .max; stepOf[Int(v)] = -1; isSeed[Int(v)] = false }
            touched.removeAll(keepingCapacity: true)
            adopters.removeAll(keepingCapacity: true)
            let network = cascade.network
            let first = Int32(cascade.start), strict = cascade.order == .strict
            for s in seeds where arrival[s] == .max {
                arrival[s] = first
                isSeed[s] = true
                touched.append(Int32(s))
                buckets[0].append(Int32(s))
            }
            for slot in buckets.indices {
                var i = 0
                while i < buckets[slot].count {
                    let u = Int(buckets[slot][i])
                    i += 1
                    let t = first + Int32(slot)
                    guard arrival[u] == t, stepOf[u] < 0 else { continue }
                    stepOf[u] = Int32(slot)
                    adopters.append(Int32(u))
                    // A first adopter may use its ties in the start year, as paths from sources do.
                    let ready = isSeed[u] ? first : (strict ? t + 1 : t)
                    for c in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                        let y = Swift.max(ready, network.outStarts[c])
                        let v = Int(network.outTargets[c])
                        guard y <= network.outEnds[c], y < arrival[v], Int(y - first) <= limit else { continue }
                        if generator.nextUnit() < cascade.outProbability[c] {
                            if arrival[v] == .max { touched.append(Int32(v)) }
                            arrival[v] = y
                            buckets[Int(y - first)].append(Int32(v))
                        }
                    }
                }
                buckets[slot].removeAll(keepingCapacity: true)
            }
        }
    }

    /// Reverse-reachable sets of the temporal cascade: from a random root, the stakeholders with a live
    /// time-respecting path to it that sets out in `start` or later (by the last year).
    struct BackwardSampler: ReverseReachableSampler {
        let cascade: TemporalCascade
        var departure: [Int32]
        var buckets: [[Int32]]
        var touched: [Int32] = []

        var nodeCount: Int { cascade.network.nodeCount }

        init(cascade: TemporalCascade) {
            self.cascade = cascade
            departure = [Int32](repeating: .min, count: cascade.network.nodeCount)
            buckets = [[Int32]](repeating: [], count: cascade.network.years.upperBound - cascade.start + 1)
        }

        mutating func sample(into set: inout [Int32], visited: inout [Bool], generator: inout SeededGenerator) {
            defer {
                for v in touched { departure[Int(v)] = .min }
                touched.removeAll(keepingCapacity: true)
            }
            let network = cascade.network
            let first = Int32(cascade.start), last = Int32(network.years.upperBound)
            let strict = cascade.order == .strict
            let root = generator.uniform(below: network.nodeCount)
            set.append(Int32(root))
            visited[root] = true
            departure[root] = last
            touched.append(Int32(root))
            buckets[buckets.count - 1].append(Int32(root))
            for slot in buckets.indices.reversed() {
                var i = 0
                while i < buckets[slot].count {
                    let v = Int(buckets[slot][i])
                    i += 1
                    let t = first + Int32(slot)
                    guard departure[v] == t else { continue }
                    if !visited[v] { visited[v] = true; set.append(Int32(v)) }
                    // A contact into v must be used by the year v sets out (the year before, with strict); the
                    // root only has to be reached by the last year.
                    let bound = v == root ? t : (strict ? t - 1 : t)
                    for c in network.inOffsets[v] ..< network.inOffsets[v + 1] {
                        let d = Swift.min(bound, network.inEnds[c])
                        let u = Int(network.inSources[c])
                        guard d >= network.inStarts[c], d >= first, d > departure[u], u != root else { continue }
                        if generator.nextUnit() < cascade.inProbability[c] {
                            if departure[u] == .min { touched.append(Int32(u)) }
                            departure[u] = d
                            buckets[Int(d - first)].append(Int32(u))
                        }
                    }
                }
                buckets[slot].removeAll(keepingCapacity: true)
            }
        }
    }
}
