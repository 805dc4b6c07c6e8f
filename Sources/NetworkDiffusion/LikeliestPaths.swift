import Foundation
import NetworkModel

/// A path along which an innovation may travel, with the probability that every tie on it passes it on.
public struct DiffusionPath: Sendable, Equatable {
    public let nodes: [Int]
    public let probability: Double

    public init(nodes: [Int], probability: Double) {
        self.nodes = nodes
        self.probability = probability
    }
}

extension TransmissionGraph {
    /// The likeliest path from `source` to `target`: the one maximising the product of tie probabilities,
    /// found by Dijkstra's algorithm on lengths −log p. `nil` when no path has positive probability.
    ///
    /// - Complexity: O(m + n log n).
    public func likeliestPath(from source: Int, to target: Int) -> DiffusionPath? {
        likeliestPaths(from: source, to: target, count: 1).first
    }

    /// The `count` likeliest loop-free paths from `source` to `target`, likeliest first (Yen's algorithm).
    ///
    /// - Complexity: O(count · n · (m + n log n)).
    /// - Reference: J. Yen, "Finding the k shortest loopless paths in a network", Management Science 17(11),
    ///   1971. doi:10.1287/mnsc.17.11.712
    public func likeliestPaths(from source: Int, to target: Int, count: Int) -> [DiffusionPath] {
        guard count > 0, let first = shortest(from: [source], to: target, removedArcs: [], removedNodes: []) else { return [] }
        var found = [first]
        var candidates: [(path: [Int], length: Double)] = []
        while found.count < count {
            let previous = found.last!.nodes
            for spur in 0 ..< previous.count - 1 {
                let root = Array(previous[...spur])
                var removedArcs = Set<Int>()
                for path in found.map(\.nodes) + candidates.map(\.path) where path.count > spur && Array(path[...spur]) == root {
                    if let e = arc(from: path[spur], to: path[spur + 1]) { removedArcs.insert(e) }
                }
                let removedNodes = Set(root.dropLast())
                guard let spurPath = shortest(from: [previous[spur]], to: target, removedArcs: removedArcs, removedNodes: removedNodes) else { continue }
                let path = root.dropLast() + spurPath.nodes
                if !candidates.contains(where: { $0.path == Array(path) }) && !found.contains(where: { $0.nodes == Array(path) }) {
                    candidates.append((Array(path), length(of: Array(path))))
                }
            }
            guard let best = candidates.indices.min(by: { (candidates[$0].length, candidates[$0].path.count) < (candidates[$1].length, candidates[$1].path.count) }) else { break }
            let chosen = candidates.remove(at: best)
            found.append(DiffusionPath(nodes: chosen.path, probability: exp(-chosen.length)))
        }
        return found
    }

    /// The likeliest diffusion tree from `seeds`: for every stakeholder reachable with positive probability,
    /// its likeliest path from any seed. `parent[v]` is v's predecessor on it (−1 for seeds and unreached),
    /// `probability[v]` that path's probability (0 when unreached, 1 for seeds).
    ///
    /// - Complexity: O(m + n log n), one multi-source Dijkstra.
    public func likeliestTree(from seeds: [Int]) -> (parent: [Int], probability: [Double]) {
        let (distance, parent) = dijkstra(from: seeds, removedArcs: [], removedNodes: [])
        return (parent, distance.map { $0.isFinite ? exp(-$0) : 0 })
    }

    func arc(from u: Int, to v: Int) -> Int? {
        graph.outRange(of: u).first { Int(graph.outTargets[$0]) == v }
    }

    func length(of path: [Int]) -> Double {
        zip(path, path.dropFirst()).reduce(0) { total, step in total - log(probability[arc(from: step.0, to: step.1)!]) }
    }

    private func shortest(from sources: [Int], to target: Int, removedArcs: Set<Int>, removedNodes: Set<Int>) -> DiffusionPath? {
        let (distance, parent) = dijkstra(from: sources, removedArcs: removedArcs, removedNodes: removedNodes)
        guard distance[target].isFinite else { return nil }
        var nodes = [target]
        while parent[nodes.last!] >= 0 { nodes.append(parent[nodes.last!]) }
        return DiffusionPath(nodes: nodes.reversed(), probability: exp(-distance[target]))
    }

    /// Dijkstra on −log p; ties broken towards the smaller node index, so results are deterministic.
    private func dijkstra(from sources: [Int], removedArcs: Set<Int>, removedNodes: Set<Int>) -> ([Double], [Int]) {
        let n = nodeCount
        var distance = [Double](repeating: .infinity, count: n)
        var parent = [Int](repeating: -1, count: n)
        var settled = [Bool](repeating: false, count: n)
        var heap = DistanceHeap()
        for s in sources where !removedNodes.contains(s) { distance[s] = 0; heap.push(0, Int32(s)) }
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let u = Int(node)
            if settled[u] || d > distance[u] { continue }
            settled[u] = true
            for e in graph.outRange(of: u) where !removedArcs.contains(e) && probability[e] > 0 {
                let v = Int(graph.outTargets[e])
                if removedNodes.contains(v) || settled[v] { continue }
                let candidate = d - log(probability[e])
                if candidate < distance[v] || (candidate == distance[v] && u < parent[v]) {
                    distance[v] = candidate
                    parent[v] = u
                    heap.push(candidate, Int32(v))
                }
            }
        }
        return (distance, parent)
    }
}
