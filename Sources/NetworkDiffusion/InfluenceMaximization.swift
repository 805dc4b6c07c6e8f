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
struct LiveEdgeSampler: ReverseReachableSampler {
    let network: TransmissionGraph
    let model: DiffusionModel
    let inStrength: [Double]
    /// Probability of each in-arc, in in-adjacency order.
    let inProbability: [Double]

    var nodeCount: Int { network.nodeCount }

    init(network: TransmissionGraph, model: DiffusionModel) {
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
    }

    func sample(into set: inout [Int32], visited: inout [Bool], generator: inout SeededGenerator) {
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
            var head = set.count - 1
            while head < set.count {
                let v = Int(set[head])
                head += 1
                for e in graph.inRange(of: v) {
                    let u = Int(graph.inSources[e])
                    if !visited[u] && generator.nextUnit() < inProbability[e] {
                        visited[u] = true
                        set.append(Int32(u))
                    }
                }
            }
        }
    }
}

/// Reverse-reachable sets drawn by a sampler, stored flat (CSR), with sets of one stakeholder — the root
/// alone, most sets when tie probabilities are small — kept only as a count per stakeholder: 4 bytes per
/// stakeholder in all instead of 13 bytes per such set (offset, member, inverted-index entry, covered flag).
/// Greedy coverage depends only on how many sets each stakeholder covers, so the seeds are the same.
package struct ReverseReachableSets<Sampler: ReverseReachableSampler> {
    let sampler: Sampler
    let seed: UInt64
    /// Multi-member set s is members[offsets[s] ..< offsets[s + 1]]: 4-byte offsets (the memberships would fill
    /// 16 GB before they overflow, beyond what the sets' other arrays leave room for on any machine that runs this).
    var offsets: [UInt32] = [0]
    var members: [Int32] = []
    /// How many sets hold stakeholder v alone.
    var singles: [UInt32]
    var singleTotal = 0

    package var count: Int { offsets.count - 1 + singleTotal }

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
        let parts = SharedBuffer(repeating: [Int32](), count: blocks)
        let partOffsets = SharedBuffer(repeating: [Int](), count: blocks)
        let partSingles = SharedBuffer(repeating: [Int32](), count: blocks)
        let sampler = self.sampler, seed = self.seed
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var local = sampler
            var visited = [Bool](repeating: false, count: sampler.nodeCount)
            var set: [Int32] = [], localOffsets: [Int] = [], roots: [Int32] = []
            for index in Parallel.range(ofBlock: block, blocks: blocks, count: total) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(start + index) + 1)
                let begin = set.count
                local.sample(into: &set, visited: &visited, generator: &generator)
                for i in begin ..< set.count { visited[Int(set[i])] = false }
                if set.count - begin == 1 {
                    roots.append(set[begin])
                    set.removeLast()
                } else {
                    localOffsets.append(set.count)
                }
            }
            parts.pointer[block] = set
            partOffsets.pointer[block] = localOffsets
            partSingles.pointer[block] = roots
        }
        members.reserveCapacity(members.count + (0 ..< blocks).reduce(0) { $0 + parts.pointer[$1].count })
        offsets.reserveCapacity(offsets.count + (0 ..< blocks).reduce(0) { $0 + partOffsets.pointer[$1].count })
        for block in 0 ..< blocks {
            let base = members.count
            members.append(contentsOf: parts.pointer[block])
            precondition(members.count < Int(UInt32.max), "reverse-reachable sets beyond 4-byte offsets")
            offsets.append(contentsOf: partOffsets.pointer[block].lazy.map { UInt32($0 + base) })
            for root in partSingles.pointer[block] { singles[Int(root)] += 1 }
            singleTotal += partSingles.pointer[block].count
            // Each block's copy goes as soon as it is in place, so the peak holds one block twice, not all.
            parts.pointer[block] = []
            partOffsets.pointer[block] = []
            partSingles.pointer[block] = []
        }
    }

    /// The share of the sets that hold at least one of `nodes`: n times it estimates their expected spread.
    package func coverage(of nodes: Set<Int>) -> Double {
        var covered = nodes.reduce(0) { $0 + Int(singles[$1]) }
        let multi = offsets.count - 1
        for s in 0 ..< multi where (Int(offsets[s]) ..< Int(offsets[s + 1])).contains(where: { nodes.contains(Int(members[$0])) }) { covered += 1 }
        return Double(covered) / Double(Swift.max(1, count))
    }

    /// Greedy maximum coverage: k nodes (from `candidates`) covering most sets; returns them and the share of
    /// sets covered after each. Ties go to the smaller node index.
    package func greedy(k: Int, candidates: Set<Int>?) -> ([Int], [Double]) {
        let n = sampler.nodeCount
        // The inverted index in CSR form: the sets holding node v are setIndex[setStart[v] ..< setStart[v + 1]]
        // (4 bytes per membership, where an array per node costs a header and its spare capacity each).
        var coverage = [Int](repeating: 0, count: n)
        for v in members { coverage[Int(v)] += 1 }
        var setStart = [Int](repeating: 0, count: n + 1)
        for v in 0 ..< n { setStart[v + 1] = setStart[v] + coverage[v] }
        for v in 0 ..< n { coverage[v] += Int(singles[v]) }
        let multi = offsets.count - 1
        var fill = setStart
        var setIndex = [Int32](repeating: 0, count: members.count)
        for s in 0 ..< multi {
            for i in Int(offsets[s]) ..< Int(offsets[s + 1]) {
                let v = Int(members[i])
                setIndex[fill[v]] = Int32(s)
                fill[v] += 1
            }
        }
        fill = []
        var covered = [Bool](repeating: false, count: multi)
        var chosen: [Int] = [], shares: [Double] = []
        var coveredCount = 0
        for _ in 0 ..< k {
            var best = -1
            for v in 0 ..< n where (candidates?.contains(v) ?? true) && !chosen.contains(v) {
                if best < 0 || coverage[v] > coverage[best] { best = v }
            }
            guard best >= 0 else { break }
            chosen.append(best)
            coveredCount += Int(singles[best])
            for s in setIndex[setStart[best] ..< setStart[best + 1]] where !covered[Int(s)] {
                covered[Int(s)] = true
                coveredCount += 1
                for i in Int(offsets[Int(s)]) ..< Int(offsets[Int(s) + 1]) { coverage[Int(members[i])] -= 1 }
            }
            shares.append(Double(coveredCount) / Double(Swift.max(1, count)))
        }
        return (chosen, shares)
    }
}
