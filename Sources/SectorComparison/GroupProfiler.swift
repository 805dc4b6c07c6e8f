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
    /// Open two-paths grouped by broker: the pairs (i, k) broker b mediates are
    /// `openPairs[2·pathOffsets[b] ..< 2·pathOffsets[b + 1]]`.
    let openPairs: [Int32]
    let pathOffsets: [Int]
    let kindCount: Int
    let partnerCounts: [Int32]
    let tieEnds: [Double]
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
    /// - Throws: `AnalysisError` when PageRank does not converge.
    /// - Complexity: O(nm) for betweenness, O(Σ_v d_v²) for triangles and two-paths.
    public init(graph weighted: Graph, partnerKind: [Int], kindNames: [String], reach: [Double]?, leftOut: [Bool]? = nil,
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
        partnerCounts = counts
        tieEnds = ends
        degree = graph.degree().values
        betweenness = graph.betweenness(threads: threads).values
        pagerank = try graph.pagerank().values
        self.reach = reach

        let neighbours = GroupProfiler.undirectedNeighbours(graph)
        var edges: [Int32] = []
        for u in 0 ..< n { for v in neighbours[u] where Int(v) > u { edges.append(Int32(u)); edges.append(v) } }
        simpleEdges = kept(edges, 2)
        var notes: [String] = []
        let triangleList = GroupProfiler.triangles(neighbours, limit: GroupProfiler.listLimit)
        if triangleList == nil { notes.append("clustering_within left out: more than \(GroupProfiler.listLimit) triangles") }
        triangles = kept(triangleList ?? [], 3)
        let paths = GroupProfiler.openTwoPaths(graph, leftOut: leftOut, limit: GroupProfiler.listLimit)
        if paths == nil { notes.append("brokerage roles left out: more than \(GroupProfiler.listLimit) open two-paths") }
        openPairs = paths?.pairs ?? []
        pathOffsets = paths?.offsets ?? []
        // sna counts an undirected path once each way.
        brokerageTotal = paths.map { p in (0 ..< n).map { Double((p.offsets[$0 + 1] - p.offsets[$0]) * (graph.isDirected ? 1 : 2)) } } ?? []

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
        if paths != nil {
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

    /// Every two-path i → b → k with no tie i → k (the paths a broker mediates), as pairs (i, k) grouped by
    /// broker b; on an undirected graph only i < k, since k → b → i is the same path the other way.
    /// Paths through a left-out node (as broker or end) are not listed.
    static func openTwoPaths(_ graph: Graph, leftOut: [Bool]? = nil, limit: Int) -> (pairs: [Int32], offsets: [Int])? {
        var pairs: [Int32] = []
        var offsets = [0]
        for b in 0 ..< graph.nodeCount {
            if leftOut?[b] == true { offsets.append(pairs.count / 2); continue }
            for i in graph.predecessors(of: b) where Int(i) != b && leftOut?[Int(i)] != true {
                for k in graph.successors(of: b) where Int(k) != b && k != i && leftOut?[Int(k)] != true {
                    if !graph.isDirected && k < i { continue }
                    if graph.hasEdge(from: Int(i), to: Int(k)) { continue }
                    pairs.append(i); pairs.append(k)
                }
                if pairs.count > 2 * limit { return nil }
            }
            offsets.append(pairs.count / 2)
        }
        return (pairs, offsets)
    }

    /// Reusable buffers for `profile`.
    public struct Scratch {
        var induced: [Int32]
        var simpleDegree: [Int32]
        var triangleCount: [Int32]
        public init(nodeCount: Int) {
            induced = [Int32](repeating: 0, count: nodeCount)
            simpleDegree = induced
            triangleCount = induced
        }
    }

    /// The profile of every group under `labels` (group of each stakeholder, 0 ..< `groupCount`), as
    /// `values[measure * groupCount + group]`, measures in `measures` order.
    ///
    /// - Complexity: O(n·k + m + triangles + open two-paths) for k partner kinds; no allocation beyond the result.
    public func profile(labels: [Int32], groupCount G: Int, scratch: inout Scratch) -> [Double] {
        let n = nodeCount, K = kindCount
        var values = [Double](repeating: .nan, count: measures.count * G)
        var size = [Double](repeating: 0, count: G), within = size, between = size
        var sumDegree = size, sumBetweenness = size, sumPagerank = size, sumReach = size, sumBrokerage = size, ends = size
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
            for k in 0 ..< K { partners[g * K + k] += Double(partnerCounts[v * K + k]) }
        }
        for v in 0 ..< n { scratch.induced[v] = 0 }
        var index = 0
        while index < ties.count {
            let u = Int(ties[index]), v = Int(ties[index + 1])
            let gu = Int(labels[u]), gv = Int(labels[v])
            if gu == gv {
                within[gu] += 1
                scratch.induced[u] += 1; scratch.induced[v] += 1
            } else {
                between[gu] += 1; between[gv] += 1
            }
            index += 2
        }
        // Freeman degree centralization of each induced network: Σ (max − d) over the maximum possible.
        var maxInduced = size.map { _ in 0.0 }, sumInduced = maxInduced
        for v in 0 ..< n where labels[v] >= 0 {
            let g = Int(labels[v]), d = Double(scratch.induced[v])
            sumInduced[g] += d
            if d > maxInduced[g] { maxInduced[g] = d }
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
            let roles = roleCounts(labels: labels, groupCount: G)
            for r in 0 ..< 5 {
                for g in 0 ..< G { set(g, sumBrokerage[g] > 0 ? roles[g * 5 + r] / sumBrokerage[g] : .nan) }
                m += 1
            }
        }
        if reach != nil { for g in 0 ..< G { set(g, size[g] > 0 ? sumReach[g] / size[g] : .nan) }; m += 1 }
        return values
    }

    /// Average local clustering of each induced network (undirected view; nodes with < 2 neighbours count 0).
    private func clustering(labels: [Int32], groupCount G: Int, size: [Double], scratch: inout Scratch, _ set: (Int, Double) -> Void) {
        let n = nodeCount
        for v in 0 ..< n { scratch.simpleDegree[v] = 0; scratch.triangleCount[v] = 0 }
        var index = 0
        while index < simpleEdges.count {
            let u = Int(simpleEdges[index]), v = Int(simpleEdges[index + 1])
            if labels[u] == labels[v] { scratch.simpleDegree[u] += 1; scratch.simpleDegree[v] += 1 }
            index += 2
        }
        index = 0
        while index < triangles.count {
            let a = Int(triangles[index]), b = Int(triangles[index + 1]), c = Int(triangles[index + 2])
            if labels[a] == labels[b] && labels[b] == labels[c] {
                scratch.triangleCount[a] += 1; scratch.triangleCount[b] += 1; scratch.triangleCount[c] += 1
            }
            index += 3
        }
        var sums = [Double](repeating: 0, count: G)
        for v in 0 ..< n where labels[v] >= 0 {
            let d = Double(scratch.simpleDegree[v])
            if d >= 2 { sums[Int(labels[v])] += 2 * Double(scratch.triangleCount[v]) / (d * (d - 1)) }
        }
        for g in 0 ..< G { set(g, size[g] > 0 ? sums[g] / size[g] : .nan) }
    }

    /// Brokerage counts per broker group and role (coordinator, consultant, representative, gatekeeper, liaison).
    func roleCounts(labels: [Int32], groupCount G: Int) -> [Double] {
        var counts = [Double](repeating: 0, count: G * 5)
        for b in 0 ..< nodeCount where labels[b] >= 0 {
            let roles = brokerRoles(b, labels: labels)
            let base = Int(labels[b]) * 5
            counts[base] += Double(roles.0); counts[base + 1] += Double(roles.1); counts[base + 2] += Double(roles.2)
            counts[base + 3] += Double(roles.3); counts[base + 4] += Double(roles.4)
        }
        return counts
    }

    /// Broker b's role counts under `labels`, as `Graph.brokerage` classifies them: the hot loop of a
    /// permutation, counting in registers from three comparisons per path (no branches, no stores).
    @inline(__always)
    func brokerRoles(_ b: Int, labels: [Int32]) -> (Int, Int, Int, Int, Int) {
        var coordinator = 0, consultant = 0, representative = 0, gatekeeper = 0, liaison = 0
        let gb = labels[b]
        labels.withUnsafeBufferPointer { l in
            openPairs.withUnsafeBufferPointer { p in
                var index = 2 * pathOffsets[b]
                let end = 2 * pathOffsets[b + 1]
                while index < end {
                    let gi = l[Int(p[index])], gk = l[Int(p[index + 1])]
                    let ib = gi == gb ? 1 : 0, ik = gi == gk ? 1 : 0, bk = gb == gk ? 1 : 0
                    coordinator &+= ib & bk
                    representative &+= ib & (1 - bk)
                    gatekeeper &+= bk & (1 - ib)
                    consultant &+= ik & (1 - ib)
                    liaison &+= (1 - ib) & (1 - ik) & (1 - bk)
                    index += 2
                }
            }
        }
        // An undirected path counts once each way; the way back swaps representative and gatekeeper.
        if !isDirected {
            return (2 * coordinator, 2 * consultant, representative + gatekeeper, representative + gatekeeper, 2 * liaison)
        }
        return (coordinator, consultant, representative, gatekeeper, liaison)
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

    /// Role counts of each stakeholder under `labels`.
    func nodeRoleCounts(labels: [Int32]) -> [[Double]] {
        (0 ..< nodeCount).map { b in
            let r = brokerRoles(b, labels: labels)
            return [r.0, r.1, r.2, r.3, r.4].map(Double.init)
        }
    }
}
