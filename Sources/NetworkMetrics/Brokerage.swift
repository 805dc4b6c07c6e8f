import Foundation
import NetworkModel

/// Gould and Fernandez's brokerage roles: for every two-path i → b → k with no tie i → k, broker b
/// plays a role set by the groups of i, b and k.
public struct Brokerage: Sendable {
    public enum Role: Int, CaseIterable, Sendable {
        /// i, b and k all in one group.
        case coordinator
        /// i and k in one group, b in another (itinerant broker).
        case consultant
        /// b in i's group, k in another: b represents its group to outsiders.
        case representative
        /// b in k's group, i in another: b controls access to its group.
        case gatekeeper
        /// i, b and k in three different groups.
        case liaison
        /// All roles together.
        case total

        public var name: String { String(describing: self) }
    }

    /// One figure per role (`Role.allCases` order).
    public typealias RoleFigures = [Double]

    /// Group of each node (index into `groupSizes`), or `Grouping.noGroup` (−1): such a node brokers nothing
    /// and its figures are NaN.
    public let groupOf: [Int]
    public let groupSizes: [Int]
    /// `counts[v][role]`: how many two-paths node v brokers in each role.
    public let counts: [RoleFigures]
    /// Expected counts and standard deviations under sna's null model for a node of v's group.
    public let expected: [RoleFigures]
    public let standardDeviation: [RoleFigures]
    /// Network totals per role, their expectation and standard deviation.
    public let totals: RoleFigures
    public let totalsExpected: RoleFigures
    public let totalsStandardDeviation: RoleFigures

    /// (observed − expected)/sd, or `nil` where the null model gives zero variance (the z-score is undefined).
    public static func z(_ observed: Double, _ expected: Double, _ deviation: Double) -> Double? {
        deviation > 0 ? (observed - expected) / deviation : nil
    }
}

extension Graph {
    /// Brokerage roles of every node for a grouping (`groupOf[v]` in 0 ..< number of groups).
    ///
    /// Counts are exact and equal R sna's `brokerage()`: on an undirected graph every tie runs both ways,
    /// so a path i – b – k is counted once in each direction. Expected values and standard deviations
    /// follow sna's null model (Gould & Fernandez's, ties independent with the observed density
    /// d = arcs/(n(n−1))); where the variance is zero the z-score is left undefined.
    ///
    /// - Complexity: O(Σ_b in(b)·out(b)·log d) for the counts.
    /// - Reference: R. Gould and R. Fernandez, "Structures of mediation: a formal approach to brokerage in
    ///   transaction networks", Sociological Methodology 19, 1989. doi:10.2307/270949; C. Butts, sna.
    ///
    /// A node in no group (`groupOf[v] < 0`, a missing value) takes part in no triad: the figures are those of
    /// the graph induced by the nodes in a group, as sna's `brokerage` of that graph gives them (its null
    /// model's density too), and the node's own figures are NaN.
    public func brokerage(groupOf: [Int]) -> Brokerage {
        precondition(groupOf.count == nodeCount)
        if groupOf.contains(where: { $0 < 0 }) {
            let kept = groupOf.indices.filter { groupOf[$0] >= 0 }
            let inner = induced(keeping: kept).brokerage(groupOf: kept.map { groupOf[$0] })
            let none = [Double](repeating: .nan, count: 6)
            var counts = [[Double]](repeating: none, count: nodeCount), expected = counts, deviation = counts
            for (i, v) in kept.enumerated() {
                counts[v] = inner.counts[i]
                expected[v] = inner.expected[i]
                deviation[v] = inner.standardDeviation[i]
            }
            var sizes = inner.groupSizes
            let groupCount = (groupOf.max() ?? -1) + 1
            if sizes.count < groupCount { sizes += [Int](repeating: 0, count: groupCount - sizes.count) }
            return Brokerage(groupOf: groupOf, groupSizes: sizes, counts: counts, expected: expected, standardDeviation: deviation,
                             totals: inner.totals, totalsExpected: inner.totalsExpected, totalsStandardDeviation: inner.totalsStandardDeviation)
        }
        let n = nodeCount
        let groupCount = (groupOf.max() ?? -1) + 1
        var sizes = [Int](repeating: 0, count: groupCount)
        for g in groupOf { sizes[g] += 1 }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: 6), count: n)
        for b in 0 ..< n {
            let gb = groupOf[b]
            for i in predecessors(of: b) where Int(i) != b {
                let gi = groupOf[Int(i)]
                for k in successors(of: b) where Int(k) != b && k != i && !hasEdge(from: Int(i), to: Int(k)) {
                    let gk = groupOf[Int(k)]
                    let role: Brokerage.Role
                    if gi == gb { role = gb == gk ? .coordinator : .representative }
                    else if gi == gk { role = .consultant }
                    else if gb == gk { role = .gatekeeper }
                    else { role = .liaison }
                    counts[b][role.rawValue] += 1
                    counts[b][Brokerage.Role.total.rawValue] += 1
                }
            }
        }
        let arcs = isDirected ? edgeCount - selfLoopCount : 2 * (edgeCount - selfLoopCount)
        let null = BrokerageNullModel(sizes: sizes.map(Double.init), nodes: Double(n),
                                      density: n > 1 ? Double(arcs) / (Double(n) * Double(n - 1)) : 0)
        let perGroup = (0 ..< groupCount).map { null.expectation(forGroup: $0) }
        var totals = [Double](repeating: 0, count: 6)
        for v in 0 ..< n { for r in 0 ..< 6 { totals[r] += counts[v][r] } }
        let whole = null.networkExpectation()
        return Brokerage(groupOf: groupOf, groupSizes: sizes, counts: counts,
                         expected: groupOf.map { perGroup[$0].mean }, standardDeviation: groupOf.map { perGroup[$0].deviation },
                         totals: totals, totalsExpected: whole.mean, totalsStandardDeviation: whole.deviation)
    }
}

/// Expected brokerage counts and their variances under the null model of R sna's `brokerage()`.
struct BrokerageNullModel {
    let sizes: [Double]
    let nodes: Double
    let density: Double

    private func choose2(_ x: Double) -> Double { x * (x - 1) / 2 }

    /// For one node of group `i`: mean and standard deviation of each role count.
    func expectation(forGroup i: Int) -> (mean: [Double], deviation: [Double]) {
        let d = density, N = nodes, ni = sizes[i]
        let others = sizes.enumerated().filter { $0.offset != i }.map(\.element)
        let base = d * d * (1 - d)
        let cubic = d * d * d * (1 - d) * (1 - d) * (1 - d)
        var mean = [Double](repeating: 0, count: 6), variance = [Double](repeating: 0, count: 6)
        mean[0] = base * (ni - 1) * (ni - 2)
        variance[0] = mean[0] * (1 - base) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * cubic
        mean[1] = base * others.reduce(0) { $0 + $1 * ($1 - 1) }
        variance[1] = mean[1] * (1 - base) + 2 * others.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) } * cubic
        mean[2] = base * (N - ni) * (ni - 1)
        variance[2] = mean[2] * (1 - base) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * cubic
        mean[3] = mean[2]
        variance[3] = variance[2]
        let outerSum = others.reduce(0) { total, x in total + others.reduce(0) { $0 + x * $1 } }
        mean[4] = base * (outerSum - others.reduce(0) { $0 + $1 * $1 })
        variance[4] = mean[4] * (1 - base) + 4 * others.reduce(0) { $0 + $1 * choose2(N - $1 - ni) * cubic }
        mean[5] = base * (N - 1) * (N - 2)
        variance[5] = mean[5] * (1 - base) + 2 * (N - 1) * (N - 2) * (N - 3) * cubic
        return (mean, variance.map { Swift.max(0, $0).squareRoot() })
    }

    /// For the whole network: mean and standard deviation of each role's total.
    func networkExpectation() -> (mean: [Double], deviation: [Double]) {
        let d = density, N = nodes, n = sizes
        let base = d * d * (1 - d)
        let d3 = d * d * d * (1 - d) * (1 - d) * (1 - d)
        let d4 = d * d * d * d * (1 - d) * (1 - d)
        let d5 = d * d * d * d * d * (1 - d)
        var mean = [Double](repeating: 0, count: 6), variance = [Double](repeating: 0, count: 6)
        mean[0] = base * n.reduce(0) { $0 + $1 * ($1 - 1) * ($1 - 2) }
        variance[0] = mean[0] * (1 - base) + n.reduce(0) { total, x in
            total + x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5)
        }
        mean[1] = base * n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        var outer = 0.0
        for x in n { for y in n { outer += x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5) } }
        variance[1] = mean[1] * (1 - base) + outer - n.reduce(0) { $0 + $1 * $1 * ($1 - 1) * ((4 * $1 - 6) * d3 + (N - $1 - 1) * d5) }
        mean[2] = base * n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) }
        variance[2] = mean[2] * (1 - base) + n.reduce(0) { $0 + $1 * (N - $1) * ($1 - 1) * ((N - 3) * d3 + ($1 - 2) * d5) }
        mean[3] = mean[2]
        variance[3] = variance[2]
        var pairs = 0.0
        for x in n { for y in n { pairs += x * y * (N - x - y) } }
        mean[4] = base * (pairs - n.reduce(0) { $0 + $1 * $1 * (N - 2 * $1) })
        variance[4] = mean[4] * (1 - base)
        for i in n.indices { for j in n.indices { for k in n.indices where i != j && j != k && i != k {
            variance[4] += n[i] * n[j] * n[k] * ((4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * d3
                - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * d4 + (N - (n[i] + n[k] + 1)) * d5)
        } } }
        mean[5] = base * N * (N - 1) * (N - 2)
        variance[5] = mean[5] * (1 - base) + N * (N - 1) * (N - 2) * ((4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5)
        return (mean, variance.map { Swift.max(0, $0).squareRoot() })
    }
}
