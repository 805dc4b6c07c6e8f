import NetworkModel

/// For one node, what a shortest-path search from it finds: how many nodes it reaches (itself included),
/// the sum of their distances, and the sum of their inverse distances.
public struct DistanceSum: Sendable, Equatable {
    public var reached: Int
    public var total: Double
    public var inverseTotal: Double
    /// The largest distance to a reached node (0 when only the node itself is reached).
    public var farthest: Double

    public init(reached: Int, total: Double, inverseTotal: Double, farthest: Double) {
        self.reached = reached
        self.total = total
        self.inverseTotal = inverseTotal
        self.farthest = farthest
    }
}

extension Graph {
    /// Closeness centrality with the Wasserman–Faust correction for unreachable nodes, as NetworkX's
    /// `closeness_centrality(wf_improved=True)`: C(u) = ((r − 1)/Σ d) · ((r − 1)/(n − 1)), where r
    /// counts the nodes at finite distance (u included); 0 when u reaches no one.
    /// `closeness` uses distances *to* u on a directed graph (NetworkX's convention), `out_closeness`
    /// distances *from* u. Weights become lengths as `meaning` says.
    ///
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted; sources in parallel, each node's
    ///   value computed by one search, so the result is the same for any `threads`.
    /// - Reference: S. Wasserman and K. Faust, Social Network Analysis, Cambridge University Press, 1994, §5.3.
    public func closeness(outgoing: Bool = false, weightsMean meaning: WeightMeaning = .strength,
                          threads: Int = Parallel.defaultThreads) -> NodeScores {
        let sums = distanceSums(outgoing: outgoing, meaning: meaning, threads: threads)
        return Self.closeness(from: sums, nodeCount: nodeCount, outgoing: outgoing)
    }

    static func closeness(from sums: [DistanceSum], nodeCount n: Int, outgoing: Bool) -> NodeScores {
        let values = sums.map { sum -> Double in
            guard sum.total > 0, n > 1 else { return 0 }
            let others = Double(sum.reached - 1)
            return (others / sum.total) * (others / Double(n - 1))
        }
        return NodeScores(measure: outgoing ? "out_closeness" : "closeness", values: values)
    }

    /// Harmonic centrality, as NetworkX's `harmonic_centrality` (not normalised): H(u) = Σ_{v≠u} 1/d(v, u),
    /// unreachable nodes adding 0. `harmonic` uses distances *to* u on a directed graph, `out_harmonic` *from* u.
    ///
    /// - Complexity: as `closeness`.
    /// - Reference: M. Marchiori and V. Latora, "Harmony in the small-world", Physica A 285, 2000.
    ///   doi:10.1016/S0378-4371(00)00311-3; P. Boldi and S. Vigna, "Axioms for centrality", Internet
    ///   Math. 10, 2014. doi:10.1080/15427951.2013.865686
    public func harmonic(outgoing: Bool = false, weightsMean meaning: WeightMeaning = .strength,
                         threads: Int = Parallel.defaultThreads) -> NodeScores {
        let sums = distanceSums(outgoing: outgoing, meaning: meaning, threads: threads)
        return NodeScores(measure: outgoing ? "out_harmonic" : "harmonic", values: sums.map(\.inverseTotal))
    }

    /// One shortest-path search per node, from it (`outgoing`) or to it.
    public func distanceSums(outgoing: Bool, meaning: WeightMeaning = .strength, threads: Int = Parallel.defaultThreads) -> [DistanceSum] {
        distanceSums(from: Array(0 ..< nodeCount), outgoing: outgoing, meaning: meaning, threads: threads)
    }

    /// Shortest-path searches from `sources` (results in the same order): 64 sources at a time by
    /// multi-source BFS when unweighted, one Dijkstra search per source when weighted. Sources run in
    /// parallel in fixed blocks, and each result comes from one search, so any `threads` gives the same bits.
    func distanceSums(from sources: [Int], outgoing: Bool, meaning: WeightMeaning, threads: Int) -> [DistanceSum] {
        let n = nodeCount
        guard n > 0, !sources.isEmpty else { return [] }
        let direction: SearchDirection = outgoing ? .forward : .backward
        let result = SharedBuffer(repeating: DistanceSum(reached: 0, total: 0, inverseTotal: 0, farthest: 0), count: sources.count)
        let lengths = pathLengths(meaning, direction: direction)
        withAdjacency(direction, lengths: lengths) { adjacency in
            if adjacency.isWeighted {
                let blocks = Parallel.blockCount(for: sources.count)
                let workspaces = WorkerLocal(workers: Swift.min(threads, blocks)) { DistanceWorkspace(nodeCount: n) }
                Parallel.forEachBlock(blocks, threads: threads) { block, worker in
                    let workspace = workspaces(worker)
                    for index in Parallel.range(ofBlock: block, blocks: blocks, count: sources.count) {
                        result.pointer[index] = workspace.sum(from: sources[index], adjacency: adjacency)
                    }
                }
            } else {
                let batches = (sources.count + MultiSourceBFS.width - 1) / MultiSourceBFS.width
                let blocks = Parallel.blockCount(for: batches, minimumPerBlock: 1)
                let workspaces = WorkerLocal(workers: Swift.min(threads, blocks)) { MultiSourceBFS(nodeCount: n) }
                Parallel.forEachBlock(blocks, threads: threads) { block, worker in
                    let search = workspaces(worker)
                    for batch in Parallel.range(ofBlock: block, blocks: blocks, count: batches) {
                        let first = batch * MultiSourceBFS.width
                        let last = Swift.min(first + MultiSourceBFS.width, sources.count)
                        search.run(sources: sources[first ..< last], adjacency: adjacency, results: result.pointer + first)
                    }
                }
            }
        }
        return result.array
    }
}

/// Scratch arrays for one distance search, reused across sources.
final class DistanceWorkspace {
    let n: Int
    let hops: UnsafeMutablePointer<Int32>
    let distance: UnsafeMutablePointer<Double>
    let settled: UnsafeMutablePointer<Bool>
    let order: UnsafeMutablePointer<Int32>
    var heap = DistanceHeap()

    init(nodeCount: Int) {
        n = nodeCount
        hops = .allocate(capacity: n); hops.initialize(repeating: -1, count: n)
        distance = .allocate(capacity: n); distance.initialize(repeating: .infinity, count: n)
        settled = .allocate(capacity: n); settled.initialize(repeating: false, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
    }

    deinit {
        hops.deallocate(); distance.deallocate(); settled.deallocate(); order.deallocate()
    }

    /// Distances from `s` along `adjacency`, summed; also leaves the reached nodes in `order` and
    /// their distances in `hops`/`distance` until `reset(count:)`.
    func search(from s: Int, adjacency: Adjacency) -> Int {
        let offsets = adjacency.offsets, neighbours = adjacency.neighbours
        if !adjacency.isWeighted {
            hops[s] = 0
            order[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head])
                head += 1
                let next = hops[v] + 1
                for e in offsets[v] ..< offsets[v + 1] {
                    let w = Int(neighbours[e])
                    if hops[w] < 0 {
                        hops[w] = next
                        order[tail] = Int32(truncatingIfNeeded: w)
                        tail += 1
                    }
                }
            }
            for i in 0 ..< tail { distance[Int(order[i])] = Double(hops[Int(order[i])]) }
            return tail
        }
        let lengths = adjacency.lengths
        heap.removeAll()
        distance[s] = 0
        heap.push(0, Int32(s))
        var count = 0
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let v = Int(node)
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order[count] = node
            count += 1
            for e in offsets[v] ..< offsets[v + 1] {
                let w = Int(neighbours[e])
                let candidate = d + lengths[e]
                if candidate < distance[w] {
                    distance[w] = candidate
                    heap.push(candidate, Int32(truncatingIfNeeded: w))
                }
            }
        }
        return count
    }

    func reset(count: Int) {
        for i in 0 ..< count {
            let v = Int(order[i])
            hops[v] = -1; distance[v] = .infinity; settled[v] = false
        }
    }

    func sum(from s: Int, adjacency: Adjacency) -> DistanceSum {
        let count = search(from: s, adjacency: adjacency)
        var total = 0.0, inverse = 0.0, farthest = 0.0
        for i in 0 ..< count {
            let d = distance[Int(order[i])]
            total += d
            if d > 0 { inverse += 1 / d }
            farthest = Swift.max(farthest, d)
        }
        reset(count: count)
        return DistanceSum(reached: count, total: total, inverseTotal: inverse, farthest: farthest)
    }
}
