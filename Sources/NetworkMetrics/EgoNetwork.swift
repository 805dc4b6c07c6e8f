import NetworkModel

/// A node's neighbourhood: the alters within some number of steps, and how they are tied to each other.
public struct EgoNetwork: Sendable, Equatable {
    public let ego: Int
    public let radius: Int
    /// Alters, ascending, with their distance from the ego (ignoring direction).
    public let alters: [Int]
    public let distance: [Int]
    /// Ties among the alters (the ego's own ties left out); arcs when directed.
    public let tiesAmongAlters: Int
    /// Ties among alters over the pairs possible: t/(k(k−1)) directed, 2t/(k(k−1)) undirected; `nil` under two alters.
    public let densityAmongAlters: Double?
    /// The ego's ties out and in (equal when undirected).
    public let outDegree: Int
    public let inDegree: Int
}

extension Graph {
    /// The ego network of `ego`: alters within `radius` steps along ties in either direction, and the
    /// ties among them.
    ///
    /// - Complexity: O(size of the neighbourhood and its ties).
    public func egoNetwork(of ego: Int, radius: Int = 1) -> EgoNetwork {
        var distance: [Int: Int] = [ego: 0]
        var frontier = [ego]
        for step in 1 ... Swift.max(1, radius) {
            var next: [Int] = []
            for v in frontier {
                let neighbours = isDirected ? Array(successors(of: v)) + Array(predecessors(of: v)) : Array(successors(of: v))
                for w in neighbours where distance[Int(w)] == nil {
                    distance[Int(w)] = step
                    next.append(Int(w))
                }
            }
            frontier = next
        }
        let alters = distance.keys.filter { $0 != ego }.sorted()
        let members = Set(alters)
        var ties = 0
        for u in alters {
            for w in successors(of: u) where Int(w) != u && members.contains(Int(w)) && (isDirected || Int(w) > u) { ties += 1 }
        }
        let k = Double(alters.count)
        let density: Double? = alters.count < 2 ? nil : (isDirected ? 1 : 2) * Double(ties) / (k * (k - 1))
        let loop = hasEdge(from: ego, to: ego) ? 1 : 0
        return EgoNetwork(ego: ego, radius: radius, alters: alters, distance: alters.map { distance[$0]! },
                          tiesAmongAlters: ties, densityAmongAlters: density,
                          outDegree: outDegree(of: ego) - loop, inDegree: inDegree(of: ego) - loop)
    }
}
