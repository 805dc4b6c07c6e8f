import Foundation
import NetworkModel

/// Groups of one network side by side (`stakenet compare NETWORK --by ATTR`): every group's profile, the
/// difference between groups on every figure with a permutation p-value, and bootstrap intervals for the
/// figures that average over members.
public struct GroupComparison: Sendable {
    public struct Settings: Sendable {
        /// Random relabellings for the permutation tests (0: none).
        public var permutations: Int
        /// Resamples for the bootstrap intervals (0: none).
        public var bootstrap: Int
        public var seed: UInt64
        public var threads: Int
        /// Pairwise tests are made for at most this many groups (the overall test always).
        public var pairwiseLimit: Int

        public init(permutations: Int = 5000, bootstrap: Int = 2000, seed: UInt64 = 1,
                    threads: Int = Parallel.defaultThreads, pairwiseLimit: Int = 12) {
            self.permutations = permutations
            self.bootstrap = bootstrap
            self.seed = seed
            self.threads = threads
            self.pairwiseLimit = pairwiseLimit
        }
    }

    /// A percentile bootstrap interval (2.5% and 97.5% quantiles, R's type 7).
    public struct Interval: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
    }

    /// The difference first − second on one figure, with its two-sided permutation p-value
    /// (1 + #{|D*| ≥ |D|}) / (1 + N*), over the N* relabellings where the figure is defined for both groups.
    public struct PairTest: Sendable {
        public let measure: Int
        public let first: Int
        public let second: Int
        public let difference: Double
        public let p: Double?
        public let permutationsUsed: Int
    }

    /// Whether a figure differs across all groups at once: the size-weighted spread
    /// S = Σ_g n_g (v_g − v̄)² (v̄ the size-weighted mean), with (1 + #{S* ≥ S}) / (1 + N*).
    public struct OverallTest: Sendable {
        public let measure: Int
        public let statistic: Double
        public let p: Double?
        public let permutationsUsed: Int
    }

    public let attribute: String
    public let groupNames: [String]
    public let sizes: [Int]
    public let measures: [GroupMeasure]
    /// `values[measure][group]`, NaN where undefined.
    public let values: [[Double]]
    /// `intervals[measure][group]` for measures that average over members.
    public let intervals: [[Interval?]]
    public let pairs: [PairTest]
    /// One per tested measure when there are more than two groups.
    public let overall: [OverallTest]
    public let settings: Settings
    public let notes: [String]
    /// Groups 0 ..< comparedGroups are the ones compared; any after them are held fixed and untested.
    public let comparedGroups: Int

    /// The value of a named figure for a named group (NaN when undefined; `nil` when either is unknown).
    public func value(_ measure: String, group: String) -> Double? {
        guard let m = measures.firstIndex(where: { $0.name == measure }), let g = groupNames.firstIndex(of: group) else { return nil }
        return values[m][g]
    }
}

/// Too many groups to compare.
public struct ComparisonError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension GroupComparison {
    /// Stakeholders may be grouped into at most this many groups.
    public static let groupLimit = 100

    /// Compares the groups of `grouping` on every figure of `profiler`.
    ///
    /// The permutation test keeps the network fixed and relabels stakeholders uniformly at random (group
    /// sizes kept), the standard test for attribute differences on network data, whose observations are not
    /// independent (Hanneman and Riddle, "Introduction to social network methods", 2005, ch. 18; UCINET's
    /// permutation t-test); stakeholders in no group (a missing value) are never relabelled. Relabelling i draws from stream i + 1 of `seed`, in fixed blocks whose
    /// counts are added, so p-values are the same on any number of threads. The bootstrap resamples members
    /// of each group with replacement (Efron and Tibshirani, "An introduction to the bootstrap", 1993),
    /// resample b drawing from its own stream; it is given only where a figure averages over members.
    ///
    /// - Complexity: O(N · profile) for N permutations (see `GroupProfiler.profile`), O(B · n) for B resamples.
    /// - Throws: `ComparisonError` for more than `groupLimit` groups.
    /// `comparedGroups`: only groups 0 ..< comparedGroups are compared; stakeholders of the others keep their
    /// group in every relabelling and their groups are not tested (`stakenet compare --groups`).
    public static func compare(_ profiler: GroupProfiler, grouping: Grouping, settings: Settings = Settings(), comparedGroups: Int? = nil,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> GroupComparison {
        let G = grouping.count
        let compared = Swift.min(comparedGroups ?? G, G)
        guard G <= groupLimit else {
            throw ComparisonError(message: "'\(grouping.attribute)' divides the network into \(G) groups; a comparison takes at most \(groupLimit)")
        }
        let labels = grouping.groupOf.map { Int32($0) }
        precondition(grouping.groupOf.map { $0 < 0 } == profiler.leftOut, "the profiler must leave out exactly the stakeholders in no group")
        var scratch = GroupProfiler.Scratch(nodeCount: profiler.nodeCount)
        let flat = profiler.profile(labels: labels, groupCount: G, scratch: &scratch)
        let measures = profiler.measures
        let M = measures.count
        let values = (0 ..< M).map { m in Array(flat[m * G ..< (m + 1) * G]) }
        let pairList: [(Int, Int)] = compared <= settings.pairwiseLimit ? (0 ..< compared).flatMap { a in (a + 1 ..< compared).map { (a, $0) } } : []
        let tested = (0 ..< M).filter { measures[$0].isTested }
        let sizes = grouping.members.map(\.count)
        let observedOverall = tested.map { spread(Array(values[$0].prefix(compared)), sizes: sizes) }
        // Only stakeholders of the compared groups are relabelled: those of groups held fixed, and those in
        // no group (a missing value), keep their place.
        let movable = grouping.groupOf.indices.filter { grouping.groupOf[$0] >= 0 && grouping.groupOf[$0] < compared }

        // Tallies per block: for each tested measure, per pair (extreme, used), then overall (extreme, used).
        let P = pairList.count
        let stride = tested.count * (2 * P + 2)
        let N = settings.permutations
        let blocks = N > 0 ? Parallel.blockCount(for: N, minimumPerBlock: 8) : 0
        let tallies = SharedBuffer(repeating: 0, count: Swift.max(1, blocks * stride))
        let done = ProgressCounter()
        if N > 0 {
            Parallel.forEachBlock(blocks, threads: settings.threads) { block, _ in
                var scratch = GroupProfiler.Scratch(nodeCount: profiler.nodeCount)
                let tally = tallies.pointer + block * stride
                var moving = movable.map { labels[$0] }
                // Relabelling i draws from its own stream; relabellings are profiled a batch at a time (the
                // brokerage roles of a batch are counted in one pass), each exactly as it would be alone.
                let range = Parallel.range(ofBlock: block, blocks: blocks, count: N)
                var batchStart = range.lowerBound
                while batchStart < range.upperBound {
                    let batch = batchStart ..< Swift.min(batchStart + BrokerRoleCounter.batchWidth, range.upperBound)
                    batchStart = batch.upperBound
                    let relabelled = batch.map { index -> [Int32] in
                        var generator = SeededGenerator(seed: settings.seed, stream: UInt64(index) + 1)
                        for (i, v) in movable.enumerated() { moving[i] = labels[v] }
                        generator.shuffle(&moving)
                        var permuted = labels
                        for (i, v) in movable.enumerated() { permuted[v] = moving[i] }
                        return permuted
                    }
                    for sample in profiler.profiles(relabelled, groupCount: G, scratch: &scratch) {
                        for (t, m) in tested.enumerated() {
                            let base = t * (2 * P + 2)
                            for (p, (a, b)) in pairList.enumerated() {
                                let observed = values[m][a] - values[m][b]
                                let difference = sample[m * G + a] - sample[m * G + b]
                                guard observed.isFinite, difference.isFinite else { continue }
                                tally[base + 2 * p + 1] += 1
                                if abs(difference) >= abs(observed) - 1e-9 * Swift.max(1, abs(observed)) { tally[base + 2 * p] += 1 }
                            }
                            let observedSpread = observedOverall[t]
                            let permutedSpread = spread(Array(sample[m * G ..< m * G + compared]), sizes: sizes)
                            if observedSpread.isFinite && permutedSpread.isFinite {
                                tally[base + 2 * P + 1] += 1
                                if permutedSpread >= observedSpread - 1e-9 * Swift.max(1, observedSpread) { tally[base + 2 * P] += 1 }
                            }
                        }
                    }
                }
                progress?(done.add(Parallel.range(ofBlock: block, blocks: blocks, count: N).count))
            }
        }
        var totals = [Int](repeating: 0, count: stride)
        for block in 0 ..< blocks { for i in 0 ..< stride { totals[i] += tallies.pointer[block * stride + i] } }
        func pValue(_ extreme: Int, _ used: Int) -> Double? { N > 0 && used > 0 ? Double(1 + extreme) / Double(1 + used) : nil }
        var pairs: [PairTest] = [], overall: [OverallTest] = []
        for (t, m) in tested.enumerated() {
            let base = t * (2 * P + 2)
            for (p, (a, b)) in pairList.enumerated() {
                let difference = values[m][a] - values[m][b]
                pairs.append(PairTest(measure: m, first: a, second: b, difference: difference,
                                      p: difference.isFinite ? pValue(totals[base + 2 * p], totals[base + 2 * p + 1]) : nil,
                                      permutationsUsed: totals[base + 2 * p + 1]))
            }
            if compared > 2 {
                overall.append(OverallTest(measure: m, statistic: observedOverall[t],
                                           p: observedOverall[t].isFinite ? pValue(totals[base + 2 * P], totals[base + 2 * P + 1]) : nil,
                                           permutationsUsed: totals[base + 2 * P + 1]))
            }
        }
        var notes = profiler.notes
        if compared > settings.pairwiseLimit { notes.append("\(compared) groups: pairwise differences are left out (at most \(settings.pairwiseLimit) groups); the overall test is given") }
        return GroupComparison(attribute: grouping.attribute, groupNames: grouping.names, sizes: sizes, measures: measures, values: values,
                               intervals: bootstrapIntervals(profiler, labels: labels, members: grouping.members, settings: settings),
                               pairs: pairs, overall: overall, settings: settings, notes: notes, comparedGroups: compared)
    }

    /// Σ_g n_g (v_g − v̄)² over the groups where v is defined; NaN when fewer than two are.
    static func spread(_ values: [Double], sizes: [Int]) -> Double {
        var weight = 0.0, total = 0.0, defined = 0
        for (g, v) in values.enumerated() where v.isFinite && sizes[g] > 0 {
            weight += Double(sizes[g]); total += Double(sizes[g]) * v; defined += 1
        }
        guard defined >= 2 else { return .nan }
        let mean = total / weight
        var sum = 0.0
        for (g, v) in values.enumerated() where v.isFinite && sizes[g] > 0 { sum += Double(sizes[g]) * (v - mean) * (v - mean) }
        return sum
    }

    /// Percentile intervals from `settings.bootstrap` resamples of each group's members. Resample b of group g
    /// draws from its own stream, resamples run in fixed blocks: the same intervals on any number of threads.
    static func bootstrapIntervals(_ profiler: GroupProfiler, labels: [Int32], members: [[Int]], settings: Settings) -> [[Interval?]] {
        let terms = profiler.memberTerms(labels: labels)
        let B = settings.bootstrap
        var result = terms.map { _ in [Interval?](repeating: nil, count: members.count) }
        guard B > 0 else { return result }
        let measured = terms.indices.filter { terms[$0] != nil }
        let M = measured.count
        for (g, group) in members.enumerated() where !group.isEmpty {
            // The group's members' terms, measure by measure, contiguous.
            let numerators = measured.map { m in group.map { terms[m]![$0].0 } }
            let denominators = measured.map { m in group.map { terms[m]![$0].1 } }
            let samples = SharedBuffer(repeating: Double.nan, count: M * B)
            let blocks = Parallel.blockCount(for: B, minimumPerBlock: 32)
            Parallel.forEachBlock(blocks, threads: settings.threads) { block, _ in
                // How many times each member is drawn: each measure's sums are then one pass along its
                // members' terms in order, rather than a random read per draw and measure.
                var multiplicity = [Double](repeating: 0, count: group.count)
                for b in Parallel.range(ofBlock: block, blocks: blocks, count: B) {
                    var generator = SeededGenerator(seed: settings.seed ^ 0xB007_5742_7000_0000, stream: UInt64(g) << 32 | UInt64(b))
                    for i in multiplicity.indices { multiplicity[i] = 0 }
                    for _ in 0 ..< group.count { multiplicity[generator.uniform(below: group.count)] += 1 }
                    for j in 0 ..< M {
                        let x = dot(multiplicity, numerators[j]), y = dot(multiplicity, denominators[j])
                        samples.pointer[j * B + b] = y > 0 ? x / y : .nan
                    }
                }
            }
            for (j, m) in measured.enumerated() {
                let finite = (0 ..< B).map { samples.pointer[j * B + $0] }.filter(\.isFinite).sorted()
                guard !finite.isEmpty else { continue }
                result[m][g] = Interval(lower: quantile(finite, 0.025), upper: quantile(finite, 0.975))
            }
        }
        return result
    }

    /// Σ a[i]·b[i], four running sums so the loop runs in vector registers.
    ///
    /// - Complexity: O(n).
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                var i = 0
                let n = a.count, whole = n & ~3
                while i < whole {
                    s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
                    i += 4
                }
                while i < n { s0 += a[i] * b[i]; i += 1 }
                return (s0 + s1) + (s2 + s3)
            }
        }
    }

    /// The q-quantile of sorted values by linear interpolation (R's default, type 7).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let h = Double(sorted.count - 1) * q
        let low = Int(h.rounded(.down))
        let high = Swift.min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }
}
