import Foundation
import NetworkModel

/// Burt's structural-hole measures for every node, from the "mutual" ties between contacts: the tie
/// strength a_ij + a_ji (1 per arc when unweighted), so direction does not matter.
public struct StructuralHoles: Sendable {
    /// Σ_j c_ij: how much a node's contacts constrain it (higher: fewer holes to exploit).
    public let constraint: NodeScores
    /// Number of contacts less their redundancy with each other.
    public let effectiveSize: NodeScores
    /// Effective size over the number of contacts.
    public let efficiency: NodeScores
    /// How far constraint concentrates on one contact (0: spread evenly; 1: all on one).
    public let hierarchy: NodeScores
}

extension Graph {
    /// Burt's constraint, effective size, efficiency and hierarchy.
    ///
    /// With p_ij = (a_ij + a_ji) / Σ_k (a_ik + a_ki) the share of i's ties invested in j, and contacts
    /// N(i) the nodes tied to i either way:
    /// - constraint C_i = Σ_{j∈N(i)} c_ij, c_ij = (p_ij + Σ_{q∈N(i)} p_iq p_qj)²;
    /// - effective size E_i = Σ_{j∈N(i)} (1 − Σ_{q∈N(i)} p_iq m_jq), m_jq = (a_jq + a_qj) / max_k (a_jk + a_kj);
    /// - efficiency E_i / |N(i)|;
    /// - hierarchy H_i = Σ_j r_j ln r_j / (|N(i)| ln |N(i)|), r_j = c_ij / (C_i / |N(i)|) (Burt 1992, p. 71).
    /// Constraint and effective size equal NetworkX's `constraint` and `effective_size`, weighted or not,
    /// except that NetworkX gives no value to a node of a directed graph without out-going ties; here only a
    /// node without any contact has none (NaN), and hierarchy needs at least two contacts.
    ///
    /// - Complexity: O(Σ_i Σ_{q∈N(i)} |N(q)|) with a marker array per node.
    /// - Reference: R. Burt, Structural Holes: The Social Structure of Competition, Harvard University
    ///   Press, 1992; S. Borgatti, "Structural holes: unpacking Burt's redundancy measures", Connections 20(1), 1997.
    public func structuralHoles() -> StructuralHoles {
        let n = nodeCount
        let mutual = MutualTies(self)
        var constraint = [Double](repeating: .nan, count: n)
        var effectiveSize = [Double](repeating: .nan, count: n)
        var efficiency = [Double](repeating: .nan, count: n)
        var hierarchy = [Double](repeating: .nan, count: n)
        // share[q]: p_iq for contacts q of the node i being scored (0 elsewhere); indirect[j]: Σ_q p_iq p_qj.
        var share = [Double](repeating: 0, count: n)
        var indirect = [Double](repeating: 0, count: n)
        var redundancy = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let contacts = mutual.range(of: i)
            guard !contacts.isEmpty, mutual.total[i] > 0 else { continue }
            for e in contacts { share[Int(mutual.neighbours[e])] = mutual.weights[e] / mutual.total[i] }
            for e in contacts {
                let q = Int(mutual.neighbours[e])
                let piq = share[q]
                var sum = 0.0
                for f in mutual.range(of: q) {
                    let j = Int(mutual.neighbours[f])
                    guard j != i, share[j] != 0 else { continue }
                    // q → j adds p_iq p_qj to j's indirect investment, and i's investment in j makes q redundant.
                    indirect[j] += piq * (mutual.weights[f] / mutual.total[q])
                    sum += share[j] * (mutual.weights[f] / mutual.maximum[q])
                }
                redundancy[q] = sum
            }
            var total = 0.0, effective = 0.0
            var local: [Double] = []
            local.reserveCapacity(contacts.count)
            for e in contacts {
                let j = Int(mutual.neighbours[e])
                let c = (share[j] + indirect[j]) * (share[j] + indirect[j])
                local.append(c)
                total += c
                effective += 1 - redundancy[j]
            }
            let count = Double(contacts.count)
            constraint[i] = total
            effectiveSize[i] = effective
            efficiency[i] = effective / count
            if contacts.count > 1, total > 0 {
                let mean = total / count
                hierarchy[i] = local.reduce(0) { $0 + ($1 > 0 ? ($1 / mean) * log($1 / mean) : 0) } / (count * log(count))
            }
            for e in contacts {
                let j = Int(mutual.neighbours[e])
                share[j] = 0; indirect[j] = 0; redundancy[j] = 0
            }
        }
        return StructuralHoles(constraint: NodeScores(measure: "constraint", values: constraint),
                               effectiveSize: NodeScores(measure: "effective_size", values: effectiveSize),
                               efficiency: NodeScores(measure: "efficiency", values: efficiency),
                               hierarchy: NodeScores(measure: "hierarchy", values: hierarchy))
    }
}

/// Contacts in either direction with mutual strengths a_ij + a_ji, self-loops left out, in CSR form.
struct MutualTies {
    var offsets: [Int]
    var neighbours: [Int32]
    var weights: [Double]
    /// Σ_k (a_ik + a_ki) and max_k (a_ik + a_ki) per node.
    var total: [Double]
    var maximum: [Double]

    init(_ graph: Graph) {
        let n = graph.nodeCount
        offsets = [0]
        offsets.reserveCapacity(n + 1)
        neighbours = []
        weights = []
        total = [Double](repeating: 0, count: n)
        maximum = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            // An undirected tie counts both ways (2w), as in NetworkX.
            graph.forEachTieEitherWay(of: v, countingBothRowsWhenUndirected: true) { node, weight in
                guard Int(node) != v else { return }
                neighbours.append(node)
                weights.append(weight)
                total[v] += weight
                maximum[v] = Swift.max(maximum[v], weight)
            }
            offsets.append(neighbours.count)
        }
    }

    func range(of v: Int) -> Range<Int> { offsets[v] ..< offsets[v + 1] }
}
