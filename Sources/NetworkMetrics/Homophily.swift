import Foundation
import NetworkModel

/// Whether ties stay within groups: the E-I index (network and per group) with a permutation test,
/// Newman's attribute assortativity, and the mixing matrix.
public struct Homophily: Sendable {
    /// (E − I)/(E + I) over all ties: −1 when every tie is internal, +1 when every tie is external.
    public let eiIndex: Double?
    public let externalTies: Int
    public let internalTies: Int
    /// Per group: E-I over ties with at least one end in the group (`nil` for a group without ties).
    public let groupEI: [Double?]
    public let groupExternal: [Int]
    public let groupInternal: [Int]
    /// Newman's assortativity coefficient r over the mixing matrix (`nil` when undefined).
    public let assortativity: Double?
    /// `mixing[a][b]`: ties from group a to group b (directed), or between a and b (undirected, symmetric,
    /// within-group ties on the diagonal once).
    public let mixing: [[Int]]
    public let permutation: PermutationTest?

    /// The E-I index under random relabelling of stakeholders (group sizes kept).
    public struct PermutationTest: Sendable {
        public let permutations: Int
        public let seed: UInt64
        public let mean: Double
        public let standardDeviation: Double
        public let minimum: Double
        public let maximum: Double
        /// Share of permutations with E-I at least (at most) the observed one, the observed labelling counted
        /// as one of them: (1 + #{EI_perm ≥ EI}) / (1 + N).
        public let pGreaterOrEqual: Double
        public let pLessOrEqual: Double
    }
}

extension Graph {
    /// Homophily of a grouping (`groupOf[v]` in 0 ..< `groupCount`, or `Grouping.noGroup` for a stakeholder
    /// without a value). Ties with an end in no group are left out of every figure, and the permutation test
    /// relabels only stakeholders in a group: the result is that of the graph induced by the stakeholders in a
    /// group (as NetworkX's `attribute_assortativity_coefficient` with `nodes=` those stakeholders).
    ///
    /// - E-I index: Krackhardt and Stern, "Informal networks and organizational crises: an experimental
    ///   simulation", Social Psychology Quarterly 51(2), 1988. doi:10.2307/2786835. Each tie counts once
    ///   (an undirected tie once, not once per direction). The permutation test relabels stakeholders
    ///   uniformly at random keeping group sizes, as UCINET does; each permutation draws from its own seeded
    ///   stream, in fixed blocks, so the result is the same for any `threads`.
    /// - Assortativity: M. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 2003, equal to NetworkX's
    ///   `attribute_assortativity_coefficient` (an undirected tie counted in both directions).
    ///
    /// - Complexity: O(m) per statistic, O(N·(n + m)) for N permutations.
    public func homophily(groupOf: [Int], groupCount: Int, permutations: Int = 5000, seed: UInt64 = 1,
                          threads: Int = Parallel.defaultThreads, progress: (@Sendable (Int) -> Void)? = nil) -> Homophily {
        precondition(groupOf.count == nodeCount)
        var mixing = [[Int]](repeating: [Int](repeating: 0, count: groupCount), count: groupCount)
        var groupExternal = [Int](repeating: 0, count: groupCount), groupInternal = [Int](repeating: 0, count: groupCount)
        var external = 0, internalTies = 0
        // Directed-view mixing counts for assortativity (an undirected tie both ways, as NetworkX).
        var directedMixing = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: groupCount)
        forEachTie { u, v in
            let (a, b) = (groupOf[u], groupOf[v])
            if a < 0 || b < 0 { return }
            if a == b {
                internalTies += 1
                groupInternal[a] += 1
                mixing[a][a] += 1
            } else {
                external += 1
                groupExternal[a] += 1
                groupExternal[b] += 1
                mixing[a][b] += 1
                if !isDirected { mixing[b][a] += 1 }
            }
            directedMixing[a][b] += 1
            if !isDirected { directedMixing[b][a] += 1 }
        }
        let ei = Self.eiIndex(external: external, internal: internalTies)
        let groupEI = (0 ..< groupCount).map { Self.eiIndex(external: groupExternal[$0], internal: groupInternal[$0]) }
        let test: Homophily.PermutationTest?
        if permutations > 0, let ei {
            test = eiPermutationTest(groupOf: groupOf, observed: ei, permutations: permutations, seed: seed, threads: threads, progress: progress)
        } else {
            test = nil
        }
        return Homophily(eiIndex: ei, externalTies: external, internalTies: internalTies, groupEI: groupEI,
                         groupExternal: groupExternal, groupInternal: groupInternal,
                         assortativity: Self.assortativity(directedMixing), mixing: mixing, permutation: test)
    }

    static func eiIndex(external: Int, internal: Int) -> Double? {
        external + `internal` > 0 ? Double(external - `internal`) / Double(external + `internal`) : nil
    }

    /// Newman's r from a mixing matrix of counts: (Σ e_ii − Σ a_i b_i)/(1 − Σ a_i b_i).
    static func assortativity(_ counts: [[Double]]) -> Double? {
        let total = counts.reduce(0) { $0 + $1.reduce(0, +) }
        guard total > 0 else { return nil }
        let k = counts.count
        var trace = 0.0, products = 0.0
        for i in 0 ..< k {
            trace += counts[i][i] / total
            let a = counts[i].reduce(0, +) / total
            let b = (0 ..< k).reduce(0) { $0 + counts[$1][i] } / total
            products += a * b
        }
        guard products < 1 else { return nil }
        return (trace - products) / (1 - products)
    }

    /// Calls `body(u, v)` once per tie (an undirected edge once, u ≤ v), self-loops left out.
    public func forEachTie(_ body: (Int, Int) -> Void) {
        for u in 0 ..< nodeCount {
            for w in successors(of: u) {
                let v = Int(w)
                if v == u || (!isDirected && v < u) { continue }
                body(u, v)
            }
        }
    }

    private func eiPermutationTest(groupOf: [Int], observed: Double, permutations: Int, seed: UInt64, threads: Int,
                                   progress: (@Sendable (Int) -> Void)?) -> Homophily.PermutationTest {
        let done = ProgressCounter()
        var tails: [(u: Int32, v: Int32)] = []
        forEachTie { u, v in if groupOf[u] >= 0 && groupOf[v] >= 0 { tails.append((Int32(u), Int32(v))) } }
        let ties = tails
        let grouped = groupOf.indices.filter { groupOf[$0] >= 0 }
        let values = SharedBuffer(repeating: 0.0, count: permutations)
        let blocks = Parallel.blockCount(for: permutations, minimumPerBlock: 64)
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            for index in Parallel.range(ofBlock: block, blocks: blocks, count: permutations) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
                var labels = groupOf
                var moving = grouped.map { groupOf[$0] }
                generator.shuffle(&moving)
                for (i, v) in grouped.enumerated() { labels[v] = moving[i] }
                var externalCount = 0
                for tie in ties where labels[Int(tie.u)] != labels[Int(tie.v)] { externalCount += 1 }
                values.pointer[index] = Double(2 * externalCount - ties.count) / Double(ties.count)
            }
            if let progress { progress(done.add(Parallel.range(ofBlock: block, blocks: blocks, count: permutations).count)) }
        }
        let sample = values.array
        let mean = sample.reduce(0, +) / Double(permutations)
        let variance = permutations > 1 ? sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(permutations - 1) : 0
        // Compare with a tolerance of a few ulps: the same E-I computed two ways may differ in the last bit.
        let slack = 1e-12
        let atLeast = sample.filter { $0 >= observed - slack }.count
        let atMost = sample.filter { $0 <= observed + slack }.count
        return Homophily.PermutationTest(permutations: permutations, seed: seed, mean: mean, standardDeviation: variance.squareRoot(),
                                         minimum: sample.min() ?? 0, maximum: sample.max() ?? 0,
                                         pGreaterOrEqual: Double(1 + atLeast) / Double(1 + permutations),
                                         pLessOrEqual: Double(1 + atMost) / Double(1 + permutations))
    }

    /// Newman's numeric assortativity: Pearson's correlation of a numeric attribute across the ends of every
    /// tie, as NetworkX's `numeric_assortativity_coefficient` (an arc once, from its source to its target;
    /// an undirected tie both ways). Ties with an end without a value (`nil`) are left out, as on the graph
    /// induced by the stakeholders with one. `nil` when undefined (no ties, or no variance at an end).
    ///
    /// - Complexity: O(m).
    /// - Reference: M. Newman, "Mixing patterns in networks", Phys. Rev. E 67, 2003. doi:10.1103/PhysRevE.67.026126
    public func numericAssortativity(_ values: [Double?]) -> Double? {
        precondition(values.count == nodeCount)
        var count = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0
        func add(_ x: Double, _ y: Double) {
            count += 1; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y
        }
        forEachTie { u, v in
            guard let x = values[u], let y = values[v] else { return }
            add(x, y)
            if !isDirected { add(y, x) }
        }
        guard count > 0 else { return nil }
        let covariance = sxy / count - (sx / count) * (sy / count)
        let varianceX = sxx / count - (sx / count) * (sx / count), varianceY = syy / count - (sy / count) * (sy / count)
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}
