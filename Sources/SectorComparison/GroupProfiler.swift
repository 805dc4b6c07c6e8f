import Foundation
import NetworkMetrics
import NetworkModel

/// Computes every group's profile for any labelling of the stakeholders, fast enough to do it thousands of
/// times in a permutation test: everything that does not depend on the labels (whole-network centralities,
/// the list of ties, of triangles and of open two-paths, the kinds of each stakeholder's partners) is
/// worked out once; a profile is then a few passes over flat arrays.
///
/// The figures, for a group g with n_g members (ties are those of the analysis graph, self-loops left
/// out; in a directed network an arc is a tie, so a reciprocated pair counts twice):
/// - `stakeholders`: n_g.
/// - `ties_within`: ties with both ends in g; `ties_between`: ties with exactly one end in g.
/// - `density_within`: ties_within over n_g(n_g − 1) ordered pairs (directed) or n_g(n_g − 1)/2 pairs.
/// - `e_i_index`: (between − within)/(between + within), Krackhardt and Stern's E-I index of the group
///   (equal to `Graph.homophily`'s per-group E-I).
/// - `mean_degree`, `mean_betweenness`, `mean_pagerank`, `mean_reach`: the whole-network value of each
///   member (degree: distinct neighbours, in + out when directed; betweenness normalised as NetworkX;
///   PageRank α = 0.85; reach: expected cascade spread from the member alone), averaged over members.
/// - `degree_centralization_within`: Freeman degree centralization of the network induced by g, as R sna's
///   `centralization(·, degree)` (total degree when directed); undefined below three members.
/// - `clustering_within`: NetworkX's `average_clustering` of the induced network read as undirected.
/// - `partners_<kind>`: of all tie ends held by members, the share whose other end is a stakeholder of that kind.
/// - `mean_brokerage` and `roles_<role>`: Gould–Fernandez brokerage (as `Graph.brokerage`, sna's counts):
///   the mean total per member, and the share of the members' brokerage played in each role.
/// Undefined figures are NaN.
///
/// Stakeholders in no group (`leftOut`: a missing value) are in no group's figures: ties with such an end
/// count neither within nor between, and no triad with such a member is classified; their own whole-network
/// centralities are unaffected (they are still in the network).
public final class GroupProfiler: @unchecked Sendable {
    public let measures: [GroupMeasure]
    public let nodeCount: Int
    let isDirected: Bool
    let ties: [Int32]
    let simpleEdges: [Int32]
    let triangles: [Int32]
    /// Brokerage roles under any labelling (`nil` when left out).
    let brokers: BrokerRoleCounter?
    let kindCount: Int
    let partnerCounts: [Int32]
    let tieEnds: [Double]
    /// Each stakeholder's ends among `ties` (those without a left-out end), a self-loop twice.
    let keptTieEnds: [Double]
    let degree: [Double]
    let betweenness: [Double]
    let pagerank: [Double]
    let reach: [Double]?
    let brokerageTotal: [Double]
    /// Stakeholders in no group (see `init`).
    public let leftOut: [Bool]

    /// Above this many triangles or open two-paths the lists are not kept (12 bytes each) and the figures
    /// that need them are left out, with a note.
    public static let listLimit = 50_000_000
    public private(set) var notes: [String] = []

    /// - Parameters:
    ///   - graph: the analysis graph (read unweighted).
    ///   - partnerKind: each stakeholder's kind as an index into `kindNames` (used for `partners_*`), or −1
    ///     for a stakeholder without a kind.
    ///   - reach: expected spread from each stakeholder alone, if `mean_reach` is wanted.
    ///   - leftOut: stakeholders in no group; every labelling given to `profile` must give exactly these a
    ///     negative label.
    ///   - betweenness: how members' betweenness is computed (`BetweennessMethod.automatic` samples on
    ///     large networks); a sampled method is said in `notes`.
    ///   - betweennessValues: members' betweenness already computed by `method` on `graph` read unweighted
    ///     (so it is not computed twice).
    /// - Throws: `AnalysisError` when PageRank does not converge.
    /// - Complexity: O(nm) for exact betweenness (O(km) from k sampled sources), O(Σ_v d_v²) for triangles
    ///   and two-paths.
    public init(graph weighted: Graph, partnerKind: [Int], kindNames: [String], reach: [Double]?, leftOut: [Bool]? = nil,
                betweenness method: BetweennessMethod = .exact, betweennessValues: [Double]? = nil,
                threads: Int = Parallel.defaultThreads) throws {
        let graph = weighted.unweighted()
        let n = graph.nodeCount
        precondition(partnerKind.count == n && (reach?.count ?? n) == n)
        nodeCount = n
        isDirected = graph.isDirected
        kindCount = kindNames.count
        var tieList: [Int32] = []
        tieList.reserveCapacity(2 * graph.edgeCount)
        var counts = [Int32](repeating: 0, count: n * kindNames.count)
        var ends = [Double](repeating: 0, count: n)
        graph.forEachTie { u, v in
            tieList.append(Int32(u)); tieList.append(Int32(v))
            // A partner without a kind counts among the tie ends but in no partners_<kind> share.
            if partnerKind[v] >= 0 { counts[u * kindNames.count + partnerKind[v]] += 1 }
            if partnerKind[u] >= 0 { counts[v * kindNames.count + partnerKind[u]] += 1 }
            ends[u] += 1; ends[v] += 1
        }
        let out = leftOut ?? [Bool](repeating: false, count: n)
        precondition(out.count == n)
        self.leftOut = out
        func kept(_ list: [Int32], _ width: Int) -> [Int32] {
            guard leftOut != nil else { return list }
            var result: [Int32] = []
            var index = 0
            while index < list.count {
                let entry = list[index ..< index + width]
                if !entry.contains(where: { out[Int($0)] }) { result.append(contentsOf: entry) }
                index += width
            }
            return result
        }
        ties = kept(tieList, 2)
        var keptEnds = [Double](repeating: 0, count: n)
        for end in ties { keptEnds[Int(end)] += 1 }
        keptTieEnds = keptEnds
        partnerCounts = counts
        tieEnds = ends
        degree = graph.degree().values
        precondition(betweennessValues?.count ?? n == n)
        betweenness = betweennessValues ?? graph.betweenness(method, threads: threads).values
        pagerank = try graph.pagerank().values
        self.reach = reach

        let neighbours = GroupProfiler.undirectedNeighbours(graph)
        var edges: [Int32] = []
        for u in 0 ..< n { for v in neighbours[u] where Int(v) > u { edges.append(Int32(u)); edges.append(v) } }
        simpleEdges = kept(edges, 2)
        var notes: [String] = []
        if !method.isExact { notes.append("mean_betweenness: members' betweenness \(method.description(nodeCount: n)); give --exact-betweenness for every stakeholder's paths (O(nm))") }
        let triangleList = GroupProfiler.triangles(neighbours, limit: GroupProfiler.listLimit)
        if triangleList == nil { notes.append("clustering_within left out: more than \(GroupProfiler.listLimit) triangles") }
        triangles = kept(triangleList ?? [], 3)
        let brokers = BrokerRoleCounter(graph: graph, leftOut: out, limit: GroupProfiler.listLimit)
        if brokers == nil { notes.append("brokerage roles left out: more than \(GroupProfiler.listLimit) closed two-paths") }
        self.brokers = brokers
        brokerageTotal = brokers?.totals ?? []

        var list: [GroupMeasure] = [
            .init(name: "stakeholders", kind: .size),
            .init(name: "ties_within", kind: .structural), .init(name: "ties_between", kind: .structural),
            .init(name: "density_within", kind: .structural), .init(name: "e_i_index", kind: .structural),
            .init(name: "mean_degree", kind: .memberMean), .init(name: "mean_betweenness", kind: .memberMean),
            .init(name: "mean_pagerank", kind: .memberMean),
            .init(name: "degree_centralization_within", kind: .structural),
        ]
        if triangleList != nil { list.append(.init(name: "clustering_within", kind: .structural)) }
        var used = Set<String>()
        for name in kindNames {
            var measure = "partners_" + GroupMeasure.snakeCase(name)
            while used.contains(measure) { measure += "_" }
            used.insert(measure)
            list.append(.init(name: measure, kind: .memberRatio))
        }
        if brokers != nil {
            list.append(.init(name: "mean_brokerage", kind: .memberMean))
            for role in GroupProfiler.roleNames { list.append(.init(name: "roles_" + role, kind: .memberRatio)) }
        }
        if reach != nil { list.append(.init(name: "mean_reach", kind: .memberMean)) }
        measures = list
        self.notes = notes
    }

    static let roleNames = ["coordinator", "consultant", "representative", "gatekeeper", "liaison"]

    /// Sorted distinct neighbours of each node either way, self excluded.
    static func undirectedNeighbours(_ graph: Graph) -> [[Int32]] {
        (0 ..< graph.nodeCount).map { v in
            var row: [Int32] = []
            graph.forEachTieEitherWay(of: v, countingBothRowsWhenUndirected: false) { u, _ in if Int(u) != v { row.append(u) } }
            return row
        }
    }

    /// Every triangle u < v < w once, by merging sorted neighbour rows. O(Σ_v d_v²).
    static func triangles(_ neighbours: [[Int32]], limit: Int) -> [Int32]? {
        var list: [Int32] = []
        for u in neighbours.indices {
            let rowU = neighbours[u]
            for v in rowU where Int(v) > u {
                let rowV = neighbours[Int(v)]
                var a = 0, b = 0
                while a < rowU.count && b < rowV.count {
                    let x = rowU[a], y = rowV[b]
                    if x < y { a += 1 } else if y < x { b += 1 } else {
                        if x > v { list.append(Int32(u)); list.append(v); list.append(x) }
                        a += 1; b += 1
                    }
                }
                if list.count > 3 * limit { return nil }
            }
        }
        return list
    }

    /// Reusable buffers for `profile`.
    public struct Scratch {
        var induced: [Int32]
        var simpleDegree: [Int32]
        var triangleCount: [Int32]
        /// Partners per group of one broker (`BrokerRoleCounter`).
        var tally: [Int] = []
        public init(nodeCount: Int) {
            induced = [Int32](repeating: 0, count: nodeCount)
            simpleDegree = induced
            triangleCount = induced
        }
    }

    /// The profile of every group under `labels` (group of each stakeholder, 0 ..< `groupCount`), as
    /// `values[measure * groupCount + group]`, measures in `measures` order.
    ///
    /// - Complexity: O(n·k + m + triangles + closed two-paths) for k partner kinds.
    public func profile(labels: [Int32], groupCount G: Int, scratch: inout Scratch) -> [Double] {
        profile(labels: labels, groupCount: G, scratch: &scratch, roles: nil)
    }

    /// `profile(labels:)` under each of `labelSets`, in order; the brokerage roles of up to
    /// `BrokerRoleCounter.batchWidth` labellings are counted in one pass. The same values as one by one.
    public func profiles(_ labelSets: [[Int32]], groupCount G: Int, scratch: inout Scratch) -> [[Double]] {
        var roles: [[Int]?] = labelSets.map { _ in nil }
        if let brokers {
            var first = 0
            while first < labelSets.count {
                let last = Swift.min(first + BrokerRoleCounter.batchWidth, labelSets.count)
                let counts = brokers.groupCounts(batch: Array(labelSets[first ..< last]), groupCount: G, tally: &scratch.tally)
                for (i, c) in counts.enumerated() { roles[first + i] = c }
                first = last
            }
        }
        return labelSets.indices.map { profile(labels: labelSets[$0], groupCount: G, scratch: &scratch, roles: roles[$0]) }
    }

    /// The profile, with the brokerage roles' group counts given when already counted.
    private func profile(labels: [Int32], groupCount G: Int, scratch: inout Scratch, roles counted: [Int]?) -> [Double] {
        let n = nodeCount, K = kindCount
        var values = [Double](repeating: .nan, count: measures.count * G)
        var size = [Double](repeating: 0, count: G), within = size, between = size
        var sumDegree = size, sumBetweenness = size, sumPagerank = size, sumReach = size, sumBrokerage = size, ends = size, keptEnds = size
        var partners = [Double](repeating: 0, count: G * K)
        for v in 0 ..< n where labels[v] >= 0 {
            let g = Int(labels[v])
            size[g] += 1
            sumDegree[g] += degree[v]
            sumBetweenness[g] += betweenness[v]
            sumPagerank[g] += pagerank[v]
            if let reach { sumReach[g] += reach[v] }
            if !brokerageTotal.isEmpty { sumBrokerage[g] += brokerageTotal[v] }
            ends[g] += tieEnds[v]
            keptEnds[g] += keptTieEnds[v]
            for k in 0 ..< K { partners[g * K + k] += Double(partnerCounts[v * K + k]) }
        }
        Self.degreesWithinGroups(of: ties, labels: labels, into: &scratch.induced)
        // Freeman degree centralization of each induced network: Σ (max − d) over the maximum possible.
        var maxInduced = size.map { _ in 0.0 }, sumInduced = maxInduced
        for v in 0 ..< n where labels[v] >= 0 {
            let g = Int(labels[v]), d = Double(scratch.induced[v])
            sumInduced[g] += d
            if d > maxInduced[g] { maxInduced[g] = d }
        }
        // A tie within g adds 2 to its members' induced degrees (a self-loop too); its members' tie ends are
        // twice the ties within and once each tie between: so both counts, without a tally per tie.
        for g in 0 ..< G {
            within[g] = sumInduced[g] / 2
            between[g] = keptEnds[g] - sumInduced[g]
        }
        var m = 0
        func set(_ g: Int, _ value: Double) { values[m * G + g] = value }
        for g in 0 ..< G { set(g, size[g]) }; m += 1
        for g in 0 ..< G { set(g, within[g]) }; m += 1
        for g in 0 ..< G { set(g, between[g]) }; m += 1
        for g in 0 ..< G {
            let pairs = size[g] * (size[g] - 1) / (isDirected ? 1 : 2)
            set(g, pairs > 0 ? within[g] / pairs : .nan)
        }; m += 1
        for g in 0 ..< G { set(g, within[g] + between[g] > 0 ? (between[g] - within[g]) / (between[g] + within[g]) : .nan) }; m += 1
        for g in 0 ..< G { set(g, size[g] > 0 ? sumDegree[g] / size[g] : .nan) }; m += 1
        for g in 0 ..< G { set(g, size[g] > 0 ? sumBetweenness[g] / size[g] : .nan) }; m += 1
        for g in 0 ..< G { set(g, size[g] > 0 ? sumPagerank[g] / size[g] : .nan) }; m += 1
        for g in 0 ..< G {
            let k = size[g]
            let maximum = isDirected ? (k - 1) * (2 * k - 4) : (k - 1) * (k - 2)
            set(g, k > 2 ? (k * maxInduced[g] - sumInduced[g]) / maximum : .nan)
        }; m += 1
        if measures[m].name == "clustering_within" {
            clustering(labels: labels, groupCount: G, size: size, scratch: &scratch) { g, value in set(g, value) }
            m += 1
        }
        for k in 0 ..< K {
            for g in 0 ..< G { set(g, ends[g] > 0 ? partners[g * K + k] / ends[g] : .nan) }
            m += 1
        }
        if !brokerageTotal.isEmpty {
            for g in 0 ..< G { set(g, size[g] > 0 ? sumBrokerage[g] / size[g] : .nan) }; m += 1
            let roles = counted.map { $0.map(Double.init) } ?? roleCounts(labels: labels, groupCount: G, scratch: &scratch)
            for r in 0 ..< 5 {
                for g in 0 ..< G { set(g, sumBrokerage[g] > 0 ? roles[g * 5 + r] / sumBrokerage[g] : .nan) }
                m += 1
            }
        }
        if reach != nil { for g in 0 ..< G { set(g, size[g] > 0 ? sumReach[g] / size[g] : .nan) }; m += 1 }
        return values
    }

    /// Each stakeholder's ties within its group, over `pairs` (u, v, u, v, …), into `degree` (zeroed first).
    /// Branch-free: under a random labelling whether a tie stays within a group is a coin toss, and
    /// mispredicted branches here cost more than the arithmetic.
    ///
    /// - Complexity: O(n + pairs).
    private static func degreesWithinGroups(of pairs: [Int32], labels: [Int32], into degree: inout [Int32]) {
        labels.withUnsafeBufferPointer { label in
            pairs.withUnsafeBufferPointer { pair in
                degree.withUnsafeMutableBufferPointer { degree in
                    for v in degree.indices { degree[v] = 0 }
                    var index = 0
                    while index < pair.count {
                        let u = Int(pair[index]), v = Int(pair[index + 1])
                        let same: Int32 = label[u] == label[v] ? 1 : 0
                        degree[u] &+= same; degree[v] &+= same
                        index &+= 2
                    }
                }
            }
        }
    }

    /// Average local clustering of each induced network (undirected view; nodes with < 2 neighbours count 0).
    private func clustering(labels: [Int32], groupCount G: Int, size: [Double], scratch: inout Scratch, _ set: (Int, Double) -> Void) {
        let n = nodeCount
        for v in 0 ..< n { scratch.triangleCount[v] = 0 }
        Self.degreesWithinGroups(of: simpleEdges, labels: labels, into: &scratch.simpleDegree)
        // Branch-free, as in `degreesWithinGroups`.
        labels.withUnsafeBufferPointer { label in
            scratch.triangleCount.withUnsafeMutableBufferPointer { count in
                triangles.withUnsafeBufferPointer { triangle in
                    var index = 0
                    while index < triangle.count {
                        let a = Int(triangle[index]), b = Int(triangle[index + 1]), c = Int(triangle[index + 2])
                        let same: Int32 = (label[a] == label[b] ? 1 : 0) & (label[b] == label[c] ? 1 : 0)
                        count[a] &+= same; count[b] &+= same; count[c] &+= same
                        index &+= 3
                    }
                }
            }
        }
        var sums = [Double](repeating: 0, count: G)
        for v in 0 ..< n where labels[v] >= 0 {
            let d = Double(scratch.simpleDegree[v])
            if d >= 2 { sums[Int(labels[v])] += 2 * Double(scratch.triangleCount[v]) / (d * (d - 1)) }
        }
        for g in 0 ..< G { set(g, size[g] > 0 ? sums[g] / size[g] : .nan) }
    }

    /// Brokerage counts per broker group and role (coordinator, consultant, representative, gatekeeper, liaison).
    func roleCounts(labels: [Int32], groupCount G: Int, scratch: inout Scratch) -> [Double] {
        (brokers?.groupCounts(labels: labels, groupCount: G, tally: &scratch.tally) ?? [Int](repeating: 0, count: 5 * G)).map(Double.init)
    }

    /// Each member's own numerator and denominator for measures with a bootstrap interval, under `labels`:
    /// for a mean, (value, 1); for a share, (count, total). `nil` for measures without one.
    func memberTerms(labels: [Int32]) -> [[(Double, Double)]?] {
        let n = nodeCount, K = kindCount
        var nodeRoles: [[Double]] = []
        if !brokerageTotal.isEmpty { nodeRoles = nodeRoleCounts(labels: labels) }
        var kindIndex = 0, roleIndex = 0
        return measures.map { measure -> [(Double, Double)]? in
            switch measure.name {
            case "mean_degree": return degree.map { ($0, 1) }
            case "mean_betweenness": return betweenness.map { ($0, 1) }
            case "mean_pagerank": return pagerank.map { ($0, 1) }
            case "mean_reach": return reach!.map { ($0, 1) }
            case "mean_brokerage": return brokerageTotal.map { ($0, 1) }
            default:
                if measure.name.hasPrefix("partners_") {
                    let k = kindIndex; kindIndex += 1
                    return (0 ..< n).map { (Double(partnerCounts[$0 * K + k]), tieEnds[$0]) }
                }
                if measure.name.hasPrefix("roles_") {
                    let r = roleIndex; roleIndex += 1
                    return (0 ..< n).map { (nodeRoles[$0][r], brokerageTotal[$0]) }
                }
                return nil
            }
        }
    }

    /// Role counts of each stakeholder under `labels` (zero for those in no group).
    func nodeRoleCounts(labels: [Int32]) -> [[Double]] {
        guard let brokers else { return [[Double]](repeating: [0, 0, 0, 0, 0], count: nodeCount) }
        let counts = brokers.brokerCounts(labels: labels, groupCount: Int(labels.max() ?? -1) + 1)
        return (0 ..< nodeCount).map { b in (0 ..< 5).map { Double(counts[5 * b + $0]) } }
    }
}
