import Foundation
import NetworkModel

/// A division of a graph's nodes into communities, with the modularity it scores.
public struct Partition: Sendable, Equatable {
    /// `communityOf[v]`: community of node v, numbered 0, 1, … by their smallest node.
    public let communityOf: [Int]
    public var count: Int { (communityOf.max() ?? -1) + 1 }

    /// Renumbers any labels so communities are numbered by their smallest node.
    public init(labels: [Int]) {
        var renumber: [Int: Int] = [:]
        communityOf = labels.map { label in
            if let known = renumber[label] { return known }
            renumber[label] = renumber.count
            return renumber.count - 1
        }
    }

    /// Nodes of each community, ascending.
    public var members: [[Int]] {
        var result = [[Int]](repeating: [], count: count)
        for (v, c) in communityOf.enumerated() { result[c].append(v) }
        return result
    }
}

extension Graph {
    /// Modularity of a partition with resolution γ, as NetworkX's `modularity`:
    /// undirected Q = Σ_c [L_c/m − γ (d_c/2m)²]; directed (Leicht–Newman) Q = Σ_c [L_c/m − γ d_c^out d_c^in/m²],
    /// where L_c is the weight of ties within c, d_c the summed strengths of its nodes and m the total
    /// tie weight (each undirected tie once; a self-loop counts in L_c once and twice in d_c).
    /// Weighted when the graph is.
    ///
    /// - Complexity: O(n + m).
    /// - Reference: M. Newman, "Modularity and community structure in networks", PNAS 103(23), 2006.
    ///   doi:10.1073/pnas.0601602103; E. Leicht and M. Newman, Phys. Rev. Lett. 100, 2008. doi:10.1103/PhysRevLett.100.118703
    public func modularity(of partition: Partition, resolution: Double = 1) -> Double {
        modularity(of: partition, resolution: resolution, asUndirected: false)
    }

    /// Modularity, reading a directed graph's ties as undirected (weights of both directions added) when asked,
    /// as community detection does.
    public func modularity(of partition: Partition, resolution: Double, asUndirected: Bool) -> Double {
        if asUndirected && isDirected {
            let graph = CommunityGraph(self)
            var within = [Double](repeating: 0, count: partition.count), degree = within
            for v in 0 ..< graph.nodeCount {
                let c = partition.communityOf[v]
                degree[c] += graph.strength[v]
                within[c] += graph.loops[v]
                for e in graph.offsets[v] ..< graph.offsets[v + 1] where partition.communityOf[Int(graph.neighbours[e])] == c {
                    within[c] += graph.weights[e] / 2
                }
            }
            let m = graph.totalWeight
            guard m > 0 else { return 0 }
            return (0 ..< partition.count).reduce(0) { $0 + within[$1] / m - resolution * (degree[$1] / (2 * m)) * (degree[$1] / (2 * m)) }
        }
        let k = partition.count
        var within = [Double](repeating: 0, count: k)
        var outStrength = [Double](repeating: 0, count: k), inStrength = [Double](repeating: 0, count: k)
        var total = 0.0
        for u in 0 ..< nodeCount {
            let cu = partition.communityOf[u]
            for e in outRange(of: u) {
                let v = Int(outTargets[e])
                let w = isWeighted ? outWeights[e] : 1
                if isDirected {
                    total += w
                    outStrength[cu] += w
                    inStrength[partition.communityOf[v]] += w
                    if partition.communityOf[v] == cu { within[cu] += w }
                } else {
                    // Each undirected edge appears in both rows; a self-loop once.
                    let loop = v == u
                    outStrength[cu] += loop ? 2 * w : w
                    if v >= u {
                        total += w
                        if partition.communityOf[v] == cu { within[cu] += w }
                    }
                }
            }
        }
        guard total > 0 else { return 0 }
        var q = 0.0
        for c in 0 ..< k {
            if isDirected {
                q += within[c] / total - resolution * outStrength[c] * inStrength[c] / (total * total)
            } else {
                let share = outStrength[c] / (2 * total)
                q += within[c] / total - resolution * share * share
            }
        }
        return q
    }
}

/// Normalised mutual information between two partitions of the same nodes, NMI = 2 I(X;Y)/(H(X) + H(Y))
/// (1 when identical, 0 when independent; 1 when both put everything in one community).
///
/// - Complexity: O(n).
/// - Reference: L. Danon, A. Díaz-Guilera, J. Duch and A. Arenas, "Comparing community structure identification",
///   J. Stat. Mech. 2005, P09008. doi:10.1088/1742-5468/2005/09/P09008
public func normalizedMutualInformation(_ a: Partition, _ b: Partition) -> Double {
    precondition(a.communityOf.count == b.communityOf.count)
    let n = Double(a.communityOf.count)
    guard n > 0 else { return 1 }
    var joint: [Int: Double] = [:]
    var left = [Double](repeating: 0, count: a.count), right = [Double](repeating: 0, count: b.count)
    for (x, y) in zip(a.communityOf, b.communityOf) {
        joint[x * b.count + y, default: 0] += 1
        left[x] += 1
        right[y] += 1
    }
    func entropy(_ counts: [Double]) -> Double { -counts.reduce(0) { $0 + ($1 > 0 ? ($1 / n) * log($1 / n) : 0) } }
    var information = 0.0
    for (key, count) in joint {
        let (x, y) = (key / b.count, key % b.count)
        information += (count / n) * log(count * n / (left[x] * right[y]))
    }
    let denominator = entropy(left) + entropy(right)
    return denominator > 0 ? 2 * information / denominator : 1
}
