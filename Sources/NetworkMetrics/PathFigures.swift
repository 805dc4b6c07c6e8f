import NetworkModel

/// Diameter and average shortest-path length of a graph's largest component.
public struct PathFigures: Sendable, Equatable {
    /// Number of nodes in the (weakly) connected component the figures describe.
    public let componentSize: Int
    /// Whether paths follow tie direction (directed graphs), so that only pairs joined by a directed path count.
    public let isDirected: Bool
    /// Ordered pairs of distinct nodes of the component joined by a path (among the sampled sources' pairs when sampled).
    public let connectedPairs: Int
    /// Longest shortest path, in ties (a lower bound when `sampledSources` is set).
    public let diameter: Int
    /// Mean shortest-path length in ties over the connected pairs (estimated when sampled).
    public let averagePathLength: Double
    /// When the component was too large to search from every node: how many sources were sampled.
    public let sampledSources: Int?
}

extension Graph {
    /// Diameter and average path length (unweighted, in ties) of the largest (weakly) connected component.
    /// Undirected: as NetworkX's `diameter` and `average_shortest_path_length` on that component.
    /// Directed: paths follow tie direction and only pairs joined by a directed path count, as igraph's
    /// `average_path_length(directed=TRUE, unconnected=TRUE)` on that component.
    /// Above `exactLimit` nodes, distances are taken from sources drawn with `seed` (at most `exactLimit`, fewer
    /// on large graphs, so that the searches visit about 2·10⁸ arcs; at least 64):
    /// the average is then an unbiased estimate and the diameter a lower bound.
    ///
    /// Everything a source reaches lies in its own (weak) component, so searching the whole graph from
    /// the component's nodes measures the component.
    ///
    /// - Complexity: O(k·m) for k sources, 64 at a time (multi-source BFS); sources in parallel.
    public func pathFigures(exactLimit: Int? = 10_000, seed: UInt64 = 1, threads: Int = Parallel.defaultThreads) -> PathFigures? {
        let components = weakComponents()
        guard let largest = components.sizes.indices.max(by: { components.sizes[$0] < components.sizes[$1] }) else { return nil }
        let members = (0 ..< nodeCount).filter { components.componentOf[$0] == largest }
        let k = members.count
        var sources = members
        var sampled: Int?
        if let exact = exactLimit, k > exact {
            // Sources are sampled so that the searches cost about 2·10⁸ arc visits (at least 64 sources,
            // at most `exactLimit`): every search yields k − 1 distances, so a few dozen already estimate
            // the mean of a large network closely, and 10,000 searches of ten million ties would take hours.
            let arcs = Swift.max(1, outTargets.count + (isDirected ? inSources.count : 0))
            let limit = Swift.min(exact, Swift.max(64, 200_000_000 / arcs))
            var generator = SeededGenerator(seed: seed)
            for i in 0 ..< limit { sources.swapAt(i, i + generator.uniform(below: k - i)) }
            sources = Array(sources[..<limit]).sorted()
            sampled = limit
        }
        let sums = unweighted().distanceSums(from: sources, outgoing: true, meaning: .strength, threads: threads)
        let total = sums.reduce(0) { $0 + $1.total }
        let connected = sums.reduce(0) { $0 + $1.reached - 1 }
        let diameter = Int(sums.map(\.farthest).max() ?? 0)
        return PathFigures(componentSize: k, isDirected: isDirected, connectedPairs: connected, diameter: diameter,
                           averagePathLength: connected > 0 ? total / Double(connected) : 0, sampledSources: sampled)
    }
}
