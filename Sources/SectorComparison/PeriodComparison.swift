import Foundation
import NetworkModel

/// The same group profile in several periods, side by side, with a permutation test of each change
/// between consecutive periods (`stakenet compare --by ATTR --period A..B --period C..D`).
///
/// Each period's network holds the ties active in it (and kept by the selection) among all the network's
/// stakeholders, so a group's members are the same in every period; a stakeholder without ties in a
/// period is a member with none. The change of a figure from one period to the next is tested against
/// the changes seen when each pair of stakeholders' ties are swapped between the two periods at random
/// (each pair independently, with probability 1/2): under the null hypothesis that the periods do not
/// differ, pair by pair, the two periods are exchangeable. Two-sided p = (1 + #{|change*| ≥ |change|}) /
/// (1 + N). `mean_reach` is left out (it would need cascades on every permuted network). Only the first
/// `comparedGroups` groups are tested (the rest, such as `(other)`, are shown only).
///
/// - Complexity: one group profile per period and two per permutation and pair of periods (each O(nm) for
///   betweenness); permutations run in parallel in fixed blocks, the same on any number of threads.
public struct PeriodComparison: Sendable {
    public struct Change: Sendable, Equatable {
        public let measure: Int
        public let group: Int
        /// Indices into `periods`.
        public let from: Int
        public let to: Int
        public let change: Double
        public let p: Double?
    }

    public let attribute: String
    public let groupNames: [String]
    public let periods: [ClosedRange<Int>]
    public let measures: [GroupMeasure]
    /// `values[period][measure * groups + group]`.
    public let values: [[Double]]
    /// Ties in each period.
    public let tieCounts: [Int]
    public let changes: [Change]
    public let permutations: Int

    public static func compare(network: StakeholderNetwork, selection: GraphSelection, periods: [ClosedRange<Int>], grouping: Grouping,
                               partnerKind: [Int], kindNames: [String], permutations: Int, seed: UInt64, comparedGroups: Int? = nil,
                               threads: Int = Parallel.defaultThreads,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> PeriodComparison {
        let G = grouping.count
        let labels = grouping.groupOf.map { Int32($0 < 0 ? -1 : $0) }
        let leftOut = grouping.groupOf.map { $0 < 0 }
        let general: GraphSelection = { var all = selection; all.period = nil; return all }()
        let active: [[Int]] = periods.map { period in
            var chosen = general
            chosen.period = period
            return network.ties.indices.filter { chosen.includes(network.ties[$0]) }
        }
        @Sendable func profile(_ tieIndices: [Int]) throws -> (values: [Double], measures: [GroupMeasure]) {
            let graph = try network.replacingTies(with: tieIndices.map { network.ties[$0] }).graph(selecting: general)
            let profiler = try GroupProfiler(graph: graph, partnerKind: partnerKind, kindNames: kindNames, reach: nil, leftOut: leftOut, threads: 1)
            var scratch = GroupProfiler.Scratch(nodeCount: network.stakeholderCount)
            return (profiler.profile(labels: labels, groupCount: G, scratch: &scratch), profiler.measures)
        }
        let observed = try active.map(profile)
        let measures = observed[0].measures
        var changes: [Change] = []
        let done = ProgressCounter()
        for p in 0 ..< periods.count - 1 {
            // Each pair's ties in the two periods, to swap.
            var pairs: [[Int]: (first: [Int], second: [Int])] = [:]
            for (side, list) in [active[p], active[p + 1]].enumerated() {
                for t in list {
                    let tie = network.ties[t]
                    let key = [Int(Swift.min(tie.source, tie.target)), Int(Swift.max(tie.source, tie.target))]
                    if side == 0 { pairs[key, default: ([], [])].first.append(t) } else { pairs[key, default: ([], [])].second.append(t) }
                }
            }
            let dyads = pairs.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { pairs[$0]! }
            let before = observed[p].values, after = observed[p + 1].values
            let cells = measures.count * G
            let blocks = Swift.max(1, Swift.min(permutations, 32))
            let counts = SharedBuffer(repeating: [Int](), count: blocks)
            let failure = SharedBuffer<String?>(repeating: nil, count: blocks)
            if permutations > 0 { Parallel.forEachBlock(blocks, threads: threads) { block, _ in
                var exceed = [Int](repeating: 0, count: cells)
                for r in Parallel.range(ofBlock: block, blocks: blocks, count: permutations) {
                    var generator = SeededGenerator(seed: seed, stream: UInt64(p) << 40 | UInt64(r + 1))
                    var first: [Int] = [], second: [Int] = []
                    for dyad in dyads {
                        if generator.next() & 1 == 0 { first += dyad.first; second += dyad.second } else { first += dyad.second; second += dyad.first }
                    }
                    do {
                        let a = try profile(first).values, b = try profile(second).values
                        for i in 0 ..< cells {
                            let observedChange = after[i] - before[i], permuted = b[i] - a[i]
                            if observedChange.isNaN || permuted.isNaN { continue }
                            if abs(permuted) >= abs(observedChange) - 1e-12 * Swift.max(1, abs(observedChange)) { exceed[i] += 1 }
                        }
                    } catch {
                        failure.pointer[block] = "\(error)"
                        return
                    }
                    progress?(done.add())
                }
                counts.pointer[block] = exceed
            } }
            if let message = failure.array.compactMap({ $0 }).first { throw ComparisonError(message: "a permuted period network: \(message)") }
            var exceed = [Int](repeating: 0, count: cells)
            for block in 0 ..< blocks where !counts.pointer[block].isEmpty { for i in 0 ..< cells { exceed[i] += counts.pointer[block][i] } }
            for m in measures.indices where measures[m].isTested {
                for g in 0 ..< Swift.min(G, comparedGroups ?? G) {
                    let i = m * G + g
                    let change = after[i] - before[i]
                    let pValue = permutations > 0 && !change.isNaN ? Double(1 + exceed[i]) / Double(1 + permutations) : nil
                    changes.append(Change(measure: m, group: g, from: p, to: p + 1, change: change, p: pValue))
                }
            }
        }
        return PeriodComparison(attribute: grouping.attribute, groupNames: grouping.names, periods: periods, measures: measures,
                                values: observed.map(\.values), tieCounts: active.map(\.count), changes: changes, permutations: permutations)
    }
}
