import Foundation
import NetworkModel

/// Seeds chosen to maximise expected spread, and the spread they are estimated to reach.
public struct SeedSelection: Sendable {
    /// Chosen stakeholders, in the order greedy selection took them.
    public let seeds: [Int]
    /// Estimated expected spread after each seed is added (n times the share of RR sets covered).
    public let spread: [Double]
    /// Number of reverse-reachable sets the estimate rests on.
    public let sampleCount: Int
}

extension TransmissionGraph {
    /// Influence maximisation by IMM: reverse-reachable (RR) sets sampled in two phases, then greedy
    /// maximum coverage. With probability at least 1 − 1/n^ℓ the seeds reach (1 − 1/e − ε) of the best
    /// possible expected spread of `k` seeds under the model (independent cascade or linear threshold).
    /// `candidates` restricts who may be chosen.
    ///
    /// RR set i is drawn from its own stream (`seed`, i), in fixed blocks, so the selection is the same on
    /// any number of threads.
    ///
    /// - Complexity: O((k + ℓ)(n + m) log n / ε²) expected.
    /// - Reference: Y. Tang, Y. Shi and X. Xiao, "Influence maximization in near-linear time: a martingale
    ///   approach", SIGMOD 2015. doi:10.1145/2723372.2723734
    public func maximizeInfluence(k: Int, model: DiffusionModel = .independentCascade, epsilon: Double = 0.1, ell: Double = 1,
                                  candidates: Set<Int>? = nil, seed: UInt64 = 1, threads: Int = 1) -> SeedSelection {
        InfluenceMaximization.imm(sampler: LiveEdgeSampler(network: self, model: model), k: k, epsilon: epsilon, ell: ell,
                                  candidates: candidates, seed: seed, threads: threads)
    }
}

/// Draws reverse-reachable sets: the stakeholders that would have reached a random stakeholder in one random
/// world of a diffusion model. IMM needs nothing else of the model.
package protocol ReverseReachableSampler: Sendable {
    var nodeCount: Int { get }
    /// Appends one RR set (its root first) to `set`, marking its members in `visited`; the caller clears them.
    /// Each thread works on its own copy, so scratch state may live in the sampler.
    mutating func sample(into set: inout [Int32], visited: inout [Bool], generator: inout SeededGenerator)
}

package enum InfluenceMaximization {
    /// IMM's two phases over any model's RR sets (see `TransmissionGraph.maximizeInfluence`).
    package static func imm<Sampler: ReverseReachableSampler>(sampler: Sampler, k: Int, epsilon: Double, ell: Double, candidates: Set<Int>?,
                                                             seed: UInt64, threads: Int) -> SeedSelection {
        let n = sampler.nodeCount
        let k = Swift.min(k, candidates?.count ?? n)
        guard k > 0 else { return SeedSelection(seeds: [], spread: [], sampleCount: 0) }
        if n == 1 { return SeedSelection(seeds: [0], spread: [1], sampleCount: 0) }
        let nn = Double(n)
        let l = ell * (1 + log(2) / log(nn))
        let logChoose = lgamma(nn + 1) - lgamma(Double(k) + 1) - lgamma(nn - Double(k) + 1)
        let epsilonPrime = 2.0.squareRoot() * epsilon
        let lambdaPrime = (2 + 2 * epsilonPrime / 3) * (logChoose + l * log(nn) + log(log2(nn))) * nn / (epsilonPrime * epsilonPrime)
        var sets = ReverseReachableSets(sampler: sampler, seed: seed)
        var lowerBound = 1.0
        let rounds = Swift.max(1, Int(log2(nn)) - 1)
        for i in 1 ... rounds {
            let x = nn / pow(2, Double(i))
            sets.extend(to: Int((lambdaPrime / x).rounded(.up)), threads: threads)
            let (_, covered) = sets.greedy(k: k, candidates: candidates)
            if nn * covered.last! >= (1 + epsilonPrime) * x {
                lowerBound = nn * covered.last! / (1 + epsilonPrime)
                break
            }
        }
        let e = exp(1.0)
        let alpha = (l * log(nn) + log(2)).squareRoot()
        let beta = ((1 - 1 / e) * (logChoose + l * log(nn) + log(2))).squareRoot()
        let lambdaStar = 2 * nn * pow((1 - 1 / e) * alpha + beta, 2) / (epsilon * epsilon)
        sets.extend(to: Int((lambdaStar / lowerBound).rounded(.up)), threads: threads)
        let (seeds, covered) = sets.greedy(k: k, candidates: candidates)
        return SeedSelection(seeds: seeds, spread: covered.map { $0 * nn }, sampleCount: sets.count)
    }
}

/// RR sets of the static models on live-edge worlds: each in-arc live with its probability for independent
/// cascade; one in-arc kept in proportion to strength for linear threshold.
package struct LiveEdgeSampler: ReverseReachableSampler {
    let network: TransmissionGraph
    let model: DiffusionModel
    let inStrength: [Double]
    /// Probability of each in-arc, in in-adjacency order.
    let inProbability: [Double]
    /// The largest probability of v's in-arcs, and log(1 − it): independent cascade finds v's live in-arcs by
    /// jumping geometrically between candidates drawn at that rate, each kept with its own probability over it.
    let inMaximum: [Double]
    let logOfMiss: [Double]

    package var nodeCount: Int { network.nodeCount }

    package init(network: TransmissionGraph, model: DiffusionModel) {
        self.network = network
        self.model = model
        let graph = network.graph
        inStrength = (0 ..< graph.nodeCount).map { graph.inWeights[graph.inRange(of: $0)].reduce(0, +) }
        var probability = [Double](repeating: 0, count: graph.inSources.count)
        for v in 0 ..< graph.nodeCount {
            for e in graph.inRange(of: v) {
                let u = Int(graph.inSources[e])
                let position = graph.outRange(of: u).first { Int(graph.outTargets[$0]) == v }!
                probability[e] = network.probability[position]
            }
        }
        inProbability = probability
        inMaximum = (0 ..< graph.nodeCount).map { v in graph.inRange(of: v).reduce(0.0) { Swift.max($0, probability[$1]) } }
        logOfMiss = inMaximum.map { log1p(-$0) }
    }

    package func sample(into set: inout [Int32], visited: inout [Bool], generator: inout SeededGenerator) {
        let graph = network.graph
        let root = generator.uniform(below: network.nodeCount)
        set.append(Int32(root))
        visited[root] = true
        switch model {
        case .linearThreshold:
            var v = root
            while inStrength[v] > 0 {
                // One in-arc kept with probability strength / in-strength, as the simulator normalises.
                var pick = generator.nextUnit() * inStrength[v]
                var next: Int?
                for e in graph.inRange(of: v) {
                    pick -= graph.inWeights[e]
                    if pick < 0 { next = Int(graph.inSources[e]); break }
                }
                guard let u = next, !visited[u] else { break }
                visited[u] = true
                set.append(Int32(u))
                v = u
            }
        default:
            // Each in-arc e of v is live with probability p_e, independently. Rather than a draw per arc, the
            // candidates are a Bernoulli(q) process over v's in-arcs, q = max p_e, drawn by geometric jumps
            // (the gap before the next candidate is ⌊log U / log(1 − q)⌋ arcs), and candidate e is kept with
            // probability p_e / q: about d·q + 1 draws for d in-arcs instead of d (Devroye, "Non-Uniform Random
            // Variate Generation", 1986, ch. VI; the skipping of Tang et al.'s IMM implementation).
            var head = set.count - 1
            while head < set.count {
                let v = Int(set[head])
                head += 1
                let range = graph.inRange(of: v), q = inMaximum[v]
                if q <= 0 || range.isEmpty { continue }
                if q >= 1 {
                    for e in range {
                        let u = Int(graph.inSources[e])
                        if !visited[u] && (inProbability[e] >= 1 || generator.nextUnit() < inProbability[e]) {
                            visited[u] = true
                            set.append(Int32(u))
                        }
                    }
                    continue
                }
                let logMiss = logOfMiss[v]
                var e = range.lowerBound - 1
                while true {
                    let gap = log1p(-generator.nextUnit()) / logMiss
                    guard gap < Double(range.upperBound - e - 1) else { break }
                    e += Int(gap) + 1
                    let p = inProbability[e]
                    if p < q, generator.nextUnit() * q >= p { continue }
                    let u = Int(graph.inSources[e])
                    if !visited[u] {
                        visited[u] = true
                        set.append(Int32(u))
                    }
                }
            }
        }
    }
}

/// Reverse-reachable sets drawn by a sampler, stored flat (CSR) in chunks, one per block of sampling, with
/// sets of one stakeholder — the root alone, most sets when tie probabilities are small — kept only as a
/// count per stakeholder: 4 bytes per stakeholder in all instead of 13 bytes per such set (offset, member,
/// inverted-index entry, covered flag). Greedy coverage depends only on how many sets each stakeholder
/// covers, so the seeds are the same.
///
/// Chunks are kept as their blocks wrote them (trimmed to size), never merged into one array: merging held
/// every membership twice at the peak.
package struct ReverseReachableSets<Sampler: ReverseReachableSampler> {
    /// Multi-member sets of one block: set s of the chunk is members[offsets[s] ..< offsets[s + 1]].
    struct Chunk {
        var offsets: [UInt32]
        var members: [Int32]
        var count: Int { offsets.count - 1 }
    }

    let sampler: Sampler
    let seed: UInt64
    var chunks: [Chunk] = []
    /// How many sets hold stakeholder v alone.
    var singles: [UInt32]
    var singleTotal = 0
    private(set) var multiTotal = 0
    private(set) var membershipTotal = 0

    package var count: Int { multiTotal + singleTotal }

    package init(sampler: Sampler, seed: UInt64) {
        self.sampler = sampler
        self.seed = seed
        singles = [UInt32](repeating: 0, count: sampler.nodeCount)
    }

    /// Generates RR sets until there are `target`, set i from stream i, in fixed blocks.
    package mutating func extend(to target: Int, threads: Int) {
        let start = count
        guard target > start else { return }
        let total = target - start
        let blocks = Parallel.blockCount(for: total, minimumPerBlock: 256)
        let parts = SharedBuffer(repeating: Chunk(offsets: [], members: []), count: blocks)
        let partSingles = SharedBuffer(repeating: [Int32](), count: blocks)
        let sampler = self.sampler, seed = self.seed
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var local = sampler
            var visited = [Bool](repeating: false, count: sampler.nodeCount)
            var set: [Int32] = [], localOffsets: [UInt32] = [0], roots: [Int32] = []
            for index in Parallel.range(ofBlock: block, blocks: blocks, count: total) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(start + index) + 1)
                let begin = set.count
                local.sample(into: &set, visited: &visited, generator: &generator)
                for i in begin ..< set.count { visited[Int(set[i])] = false }
                if set.count - begin == 1 {
                    roots.append(set[begin])
                    set.removeLast()
                } else {
                    precondition(set.count < Int(UInt32.max), "reverse-reachable sets of one block beyond 4-byte offsets")
                    localOffsets.append(UInt32(set.count))
                }
            }
            // Trimmed to size: a growing array keeps up to half again as much as it holds.
            // (`Array(array)` would share the storage, spare capacity and all; copying from a buffer does not.)
            parts.pointer[block] = Chunk(offsets: localOffsets.withUnsafeBufferPointer { Array($0) }, members: set.withUnsafeBufferPointer { Array($0) })
            partSingles.pointer[block] = roots
        }
        for block in 0 ..< blocks {
            let chunk = parts.pointer[block]
            multiTotal += chunk.count
            membershipTotal += chunk.members.count
            if chunk.count > 0 { chunks.append(chunk) }
            for root in partSingles.pointer[block] { singles[Int(root)] += 1 }
            singleTotal += partSingles.pointer[block].count
            parts.pointer[block] = Chunk(offsets: [], members: [])
            partSingles.pointer[block] = []
        }
    }

    /// The share of the sets that hold at least one of `nodes`: n times it estimates their expected spread.
    package func coverage(of nodes: Set<Int>) -> Double {
        var covered = nodes.reduce(0) { $0 + Int(singles[$1]) }
        for chunk in chunks {
            for s in 0 ..< chunk.count
            where (Int(chunk.offsets[s]) ..< Int(chunk.offsets[s + 1])).contains(where: { nodes.contains(Int(chunk.members[$0])) }) {
                covered += 1
            }
        }
        return Double(covered) / Double(Swift.max(1, count))
    }

    /// Below this many seeds, greedy finds the sets a seed covers by scanning every set (k passes over the
    /// memberships) rather than through an inverted index (two passes to build it, and 4 bytes per membership).
    static var scanningSeedLimit: Int { 16 }

    /// Greedy maximum coverage: k nodes (from `candidates`) covering most sets; returns them and the share of
    /// sets covered after each. Ties go to the smaller node index. Few seeds scan the sets for each seed
    /// chosen; more build an inverted index; both choose the same seeds (`greedy(k:candidates:inverted:)`).
    package func greedy(k: Int, candidates: Set<Int>?) -> ([Int], [Double]) {
        greedy(k: k, candidates: candidates, inverted: k > Self.scanningSeedLimit)
    }

    package func greedy(k: Int, candidates: Set<Int>?, inverted: Bool) -> ([Int], [Double]) {
        let n = sampler.nodeCount
        var coverage = [Int](repeating: 0, count: n)
        for chunk in chunks { for v in chunk.members { coverage[Int(v)] += 1 } }
        // Set s of chunk c is set firstSet[c] + s.
        var firstSet = [Int](repeating: 0, count: chunks.count + 1)
        for (c, chunk) in chunks.enumerated() { firstSet[c + 1] = firstSet[c] + chunk.count }
        var setStart: [Int] = [], setIndex: [Int32] = [], chunkOf: [Int32] = []
        if inverted {
            // The inverted index in CSR form: the sets holding node v are setIndex[setStart[v] ..< setStart[v + 1]].
            setStart = [Int](repeating: 0, count: n + 1)
            for v in 0 ..< n { setStart[v + 1] = setStart[v] + coverage[v] }
            var fill = setStart
            setIndex = [Int32](repeating: 0, count: membershipTotal)
            for (c, chunk) in chunks.enumerated() {
                for s in 0 ..< chunk.count {
                    for i in Int(chunk.offsets[s]) ..< Int(chunk.offsets[s + 1]) {
                        let v = Int(chunk.members[i])
                        setIndex[fill[v]] = Int32(firstSet[c] + s)
                        fill[v] += 1
                    }
                }
            }
            chunkOf = [Int32](repeating: 0, count: multiTotal)
            for c in chunks.indices { for s in firstSet[c] ..< firstSet[c + 1] { chunkOf[s] = Int32(c) } }
        }
        for v in 0 ..< n { coverage[v] += Int(singles[v]) }
        var covered = [Bool](repeating: false, count: multiTotal)
        var chosen: [Int] = [], shares: [Double] = []
        var coveredCount = 0
        func cover(_ c: Int, _ s: Int) {
            let chunk = chunks[c]
            covered[firstSet[c] + s] = true
            coveredCount += 1
            for i in Int(chunk.offsets[s]) ..< Int(chunk.offsets[s + 1]) { coverage[Int(chunk.members[i])] -= 1 }
        }
        for _ in 0 ..< k {
            var best = -1
            for v in 0 ..< n where (candidates?.contains(v) ?? true) && !chosen.contains(v) {
                if best < 0 || coverage[v] > coverage[best] { best = v }
            }
            guard best >= 0 else { break }
            chosen.append(best)
            coveredCount += Int(singles[best])
            if inverted {
                for set in setIndex[setStart[best] ..< setStart[best + 1]] where !covered[Int(set)] {
                    let c = Int(chunkOf[Int(set)])
                    cover(c, Int(set) - firstSet[c])
                }
            } else {
                let target = Int32(best)
                for (c, chunk) in chunks.enumerated() {
                    chunk.members.withUnsafeBufferPointer { members in
                        chunk.offsets.withUnsafeBufferPointer { offsets in
                            for s in 0 ..< chunk.count where !covered[firstSet[c] + s] {
                                var i = Int(offsets[s])
                                let end = Int(offsets[s + 1])
                                while i < end, members[i] != target { i += 1 }
                                if i < end { cover(c, s) }
                            }
                        }
                    }
                }
            }
            shares.append(Double(coveredCount) / Double(Swift.max(1, count)))
        }
        return (chosen, shares)
    }
}
