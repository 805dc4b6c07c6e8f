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

    /// The E-I index of each permutation into `values`: permutation i shuffles the grouped stakeholders' labels
    /// from stream i + 1 of `seed` (the same draws whatever the label type), in fixed blocks.
    private func permuteExternal<Label: FixedWidthInteger & Sendable>(_: Label.Type, groupOf: [Int], grouped: [Int32], ties: [(u: Int32, v: Int32)], permutations: Int,
                                                          seed: UInt64, threads: Int, values: SharedBuffer<Double>, done: ProgressCounter,
                                                          progress: (@Sendable (Int) -> Void)?) {
        // Stakeholders in no group keep a label no group has, so ties to them are never counted (they are not in `ties` anyway).
        let base = groupOf.map { $0 >= 0 ? Label(truncatingIfNeeded: $0) : Label.max }
        let initial = grouped.map { Label(truncatingIfNeeded: groupOf[Int($0)]) }
        let blocks = Parallel.blockCount(for: permutations, minimumPerBlock: 64)
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            // Scratch for the block, reused by each permutation; the shuffled labels reset from the observed order each time.
            var labels = base
            var moving = initial
            for index in Parallel.range(ofBlock: block, blocks: blocks, count: permutations) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
                moving.withUnsafeMutableBufferPointer { target in
                    initial.withUnsafeBufferPointer { source in target.baseAddress!.update(from: source.baseAddress!, count: source.count) }
                }
                generator.shuffle(&moving)
                var externalCount = 0
                labels.withUnsafeMutableBufferPointer { label in
                    moving.withUnsafeBufferPointer { shuffled in
                        grouped.withUnsafeBufferPointer { position in
                            for i in 0 ..< position.count { label[Int(position[i])] = shuffled[i] }
                        }
                    }
                    ties.withUnsafeBufferPointer { list in
                        // Branch-free: with shuffled labels, whether a tie crosses groups is a coin toss the
                        // processor cannot predict. x = a ^ b ≥ 0; (x | −x) >> 63 is −1 when x ≠ 0, else 0.
                        for tie in list {
                            let x = Int(truncatingIfNeeded: label[Int(tie.u)] ^ label[Int(tie.v)])
                            externalCount &-= (x | (0 &- x)) >> 63
                        }
                    }
                }
                values.pointer[index] = Double(2 * externalCount - ties.count) / Double(ties.count)
            }
            if let progress { progress(done.add(Parallel.range(ofBlock: block, blocks: blocks, count: permutations).count)) }
        }
    }

    private func eiPermutationTest(groupOf: [Int], observed: Double, permutations: Int, seed: UInt64, threads: Int,
                                   progress: (@Sendable (Int) -> Void)?) -> Homophily.PermutationTest {
        let done = ProgressCounter()
        var tails: [(u: Int32, v: Int32)] = []
        forEachTie { u, v in if groupOf[u] >= 0 && groupOf[v] >= 0 { tails.append((Int32(u), Int32(v))) } }
        let ties = tails
        let grouped = groupOf.indices.filter { groupOf[$0] >= 0 }.map(Int32.init)
        let values = SharedBuffer(repeating: 0.0, count: permutations)
        // Labels as bytes when groups are few, so the tie loop's random reads stay in the nearest cache.
        if (groupOf.max() ?? 0) < 255 {
            permuteExternal(UInt8.self, groupOf: groupOf, grouped: grouped, ties: ties, permutations: permutations, seed: seed, threads: threads,
                            values: values, done: done, progress: progress)
        } else {
            permuteExternal(Int32.self, groupOf: groupOf, grouped: grouped, ties: ties, permutations: permutations, seed: seed, threads: threads,
                            values: values, done: done, progress: progress)
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
