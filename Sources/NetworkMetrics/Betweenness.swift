import NetworkModel

extension Graph {
    /// Betweenness centrality: for each node v, the share of shortest paths between other pairs that pass through v.
    ///
    /// c(v) = Σ_{s≠v≠t} σ(s,t|v) / σ(s,t), over ordered pairs; normalised by 1/((n−1)(n−2)) when
    /// `normalized` (so an undirected star's centre has 1), otherwise halved on undirected graphs —
    /// both exactly as NetworkX's `betweenness_centrality` (endpoints excluded). With weights, tie
    /// strength w becomes length 1/w (or w itself with `.distance`); equal path lengths are compared exactly.
    ///
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted, O(n + m) memory per thread plus
    ///   O(n) per block. Sources run in parallel in fixed blocks summed in block order, so the
    ///   result is bit-identical for any `threads`.
    /// - Reference: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2),
    ///   2001. doi:10.1080/0022250X.2001.9990249
    public func betweenness(weightsMean meaning: WeightMeaning = .strength, normalized: Bool = true,
                            threads: Int = Parallel.defaultThreads) -> NodeScores {
        let sums = brandesSums(sources: Array(0 ..< nodeCount), meaning: meaning, squares: false, threads: threads)
        let scale = betweennessScale(normalized: normalized)
        return NodeScores(measure: "betweenness", values: sums.total.map { $0 * scale })
    }

    /// Betweenness estimated from `sampleSize` source nodes drawn uniformly without replacement
    /// (seeded): b̂(v) = (n/k) Σ_{s in sample} δ_s(v), normalised as `betweenness`. The estimate is
    /// unbiased; `standardError` is its standard error, n·√((1 − k/n)·S²_v/k) scaled likewise, where
    /// S²_v is the sample variance of δ_s(v) (the finite-population correction makes it 0 when k = n).
    ///
    /// - Complexity: O(km) unweighted, O(km + kn log n) weighted.
    /// - Reference: U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation
    ///   and Chaos 17(7), 2007. doi:10.1142/S0218127407018403
    public func approximateBetweenness(sampleSize: Int, seed: UInt64, weightsMean meaning: WeightMeaning = .strength,
                                       normalized: Bool = true, threads: Int = Parallel.defaultThreads)
        -> (estimate: NodeScores, standardError: NodeScores) {
        let n = nodeCount
        let k = Swift.max(0, Swift.min(sampleSize, n))
        var generator = SeededGenerator(seed: seed)
        var pool = Array(0 ..< n)
        for i in 0 ..< k {
            let j = i + Int(generator.next(upperBound: UInt64(n - i)))
            pool.swapAt(i, j)
        }
        let sample = pool[..<k].sorted()
        let sums = brandesSums(sources: sample, meaning: meaning, squares: true, threads: threads)
        let scale = betweennessScale(normalized: normalized)
        var estimate = [Double](repeating: 0, count: n), error = [Double](repeating: 0, count: n)
        if k > 0 {
            let kk = Double(k), nn = Double(n)
            for v in 0 ..< n {
                let mean = sums.total[v] / kk
                estimate[v] = nn * mean * scale
                guard k > 1 else { continue }
                let variance = Swift.max(0, (sums.squares[v] - kk * mean * mean) / (kk - 1))
                error[v] = nn * (Swift.max(0, 1 - kk / nn) * variance / kk).squareRoot() * scale
            }
        }
        return (NodeScores(measure: "betweenness", values: estimate), NodeScores(measure: "betweenness_standard_error", values: error))
    }

    func betweennessScale(normalized: Bool) -> Double {
        if normalized { return nodeCount > 2 ? 1 / (Double(nodeCount - 1) * Double(nodeCount - 2)) : 1 }
        return isDirected ? 1 : 0.5
    }

    /// Σ_s δ_s(v) over `sources` (and Σ_s δ_s(v)² when `squares`), in fixed blocks combined in order.
    func brandesSums(sources: [Int], meaning: WeightMeaning, squares: Bool, threads: Int) -> (total: [Double], squares: [Double]) {
        let n = nodeCount
        guard n > 0, !sources.isEmpty else { return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n)) }
        let blocks = Parallel.blockCount(for: sources.count)
        let partial = SharedBuffer(repeating: 0.0, count: blocks * n)
        let partialSquares = SharedBuffer(repeating: 0.0, count: squares ? blocks * n : 0)
        let lengths = pathLengths(meaning, direction: .forward)
        withAdjacency(.forward, lengths: lengths) { adjacency in
            let arcs = outTargets.count
            let workspaces = WorkerLocal(workers: Swift.min(threads, blocks)) { BrandesWorkspace(nodeCount: n, arcCount: arcs) }
            Parallel.forEachBlock(blocks, threads: threads) { block, worker in
                let workspace = workspaces(worker)
                let accumulator = partial.pointer + block * n
                let squareAccumulator = squares ? partialSquares.pointer + block * n : nil
                for index in Parallel.range(ofBlock: block, blocks: blocks, count: sources.count) {
                    workspace.accumulate(source: sources[index], adjacency: adjacency, into: accumulator, squares: squareAccumulator)
                }
            }
        }
        var total = [Double](repeating: 0, count: n)
        var totalSquares = [Double](repeating: 0, count: squares ? n : 0)
        for block in 0 ..< blocks {
            for v in 0 ..< n { total[v] += partial.pointer[block * n + v] }
            if squares { for v in 0 ..< n { totalSquares[v] += partialSquares.pointer[block * n + v] } }
        }
        return (total, totalSquares)
    }
}

/// Scratch arrays for one source's shortest-path search and dependency accumulation, reused across sources.
///
/// The search records each node's predecessors on shortest paths (in room given by the opposite
/// adjacency's offsets), so the accumulation visits only the arcs of the shortest-path DAG — at most
/// one per tie, and usually far fewer than the 2m arcs a rescan would.
final class BrandesWorkspace {
    let n: Int
    let hops: UnsafeMutablePointer<Int32>
    let distance: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    let delta: UnsafeMutablePointer<Double>
    /// Nodes in the order they were reached (BFS) or settled (Dijkstra).
    let order: UnsafeMutablePointer<Int32>
    /// Whether a node is settled (weighted search only).
    let settled: UnsafeMutablePointer<Bool>
    /// `predecessors[reverseOffsets[v] ..< reverseOffsets[v] + predecessorCount[v]]`: v's DAG predecessors.
    let predecessors: UnsafeMutablePointer<Int32>
    let predecessorCount: UnsafeMutablePointer<Int32>
    var heap = DistanceHeap()

    init(nodeCount: Int, arcCount: Int) {
        n = nodeCount
        hops = .allocate(capacity: n); hops.initialize(repeating: -1, count: n)
        distance = .allocate(capacity: n); distance.initialize(repeating: .infinity, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        delta = .allocate(capacity: n); delta.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        settled = .allocate(capacity: n); settled.initialize(repeating: false, count: n)
        predecessors = .allocate(capacity: max(arcCount, 1)); predecessors.initialize(repeating: 0, count: max(arcCount, 1))
        predecessorCount = .allocate(capacity: n); predecessorCount.initialize(repeating: 0, count: n)
    }

    deinit {
        for pointer in [hops, order, predecessors, predecessorCount] as [UnsafeMutablePointer<Int32>] { pointer.deallocate() }
        for pointer in [distance, sigma, delta] { pointer.deallocate() }
        settled.deallocate()
    }

    /// Adds δ_s(v) (and its square) to `accumulator[v]` for every v ≠ s reached from `source`:
    /// δ(v) = σ(v) Σ_{w: v a predecessor of w} (1 + δ(w))/σ(w), over nodes in reverse search order.
    func accumulate(source s: Int, adjacency: Adjacency, into accumulator: UnsafeMutablePointer<Double>,
                    squares: UnsafeMutablePointer<Double>?) {
        let reached = adjacency.isWeighted ? searchWeighted(from: s, adjacency) : searchUnweighted(from: s, adjacency)
        let room = adjacency.reverseOffsets.baseAddress!
        var i = reached &- 1
        while i >= 0 {
            let w = Int(truncatingIfNeeded: order[i])
            // delta[w] holds Σ (1 + δ(x))/σ(x) over w's DAG successors x; σ(w) factors out.
            let paths = sigma[w]
            let dependency = paths * delta[w]
            let coefficient = (1 + dependency) / paths
            let first = room[w]
            let last = first &+ Int(truncatingIfNeeded: predecessorCount[w])
            var k = first
            while k < last {
                delta[Int(truncatingIfNeeded: predecessors[k])] += coefficient
                k &+= 1
            }
            if w != s {
                accumulator[w] += dependency
                if let squares { squares[w] += dependency * dependency }
            }
            i &-= 1
        }
        for j in 0 ..< reached {
            let v = Int(truncatingIfNeeded: order[j])
            hops[v] = -1; distance[v] = .infinity; sigma[v] = 0; delta[v] = 0; settled[v] = false; predecessorCount[v] = 0
        }
    }

    /// Breadth-first search counting shortest paths and recording predecessors; returns how many nodes were reached.
    private func searchUnweighted(from s: Int, _ adjacency: Adjacency) -> Int {
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        let room = adjacency.reverseOffsets.baseAddress!
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let node = order[head]
            let v = Int(truncatingIfNeeded: node)
            head &+= 1
            let next = hops[v] &+ 1
            let paths = sigma[v]
            var e = offsets[v]
            let end = offsets[v &+ 1]
            while e < end {
                let w = Int(truncatingIfNeeded: neighbours[e])
                let hw = hops[w]
                if hw < 0 {
                    hops[w] = next
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= 1
                }
                if hw < 0 || hw == next {
                    sigma[w] += paths
                    let count = predecessorCount[w]
                    predecessors[room[w] &+ Int(truncatingIfNeeded: count)] = node
                    predecessorCount[w] = count &+ 1
                }
                e &+= 1
            }
        }
        return tail
    }

    /// Dijkstra's algorithm counting shortest paths and recording predecessors; returns how many nodes were settled.
    /// Equal path lengths are compared exactly, as in NetworkX; a tie of infinite length is never crossed.
    private func searchWeighted(from s: Int, _ adjacency: Adjacency) -> Int {
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        let lengths = adjacency.lengths.baseAddress!, room = adjacency.reverseOffsets.baseAddress!
        heap.removeAll()
        distance[s] = 0
        sigma[s] = 1
        heap.push(0, Int32(s))
        var count = 0
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let v = Int(node)
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order[count] = node
            count &+= 1
            let paths = sigma[v]
            var e = offsets[v]
            let end = offsets[v &+ 1]
            while e < end {
                let length = lengths[e]
                let w = Int(truncatingIfNeeded: neighbours[e])
                e &+= 1
                if length == .infinity || settled[w] { continue }
                let candidate = d + length
                if candidate < distance[w] {
                    distance[w] = candidate
                    sigma[w] = paths
                    predecessors[room[w]] = node
                    predecessorCount[w] = 1
                    heap.push(candidate, Int32(truncatingIfNeeded: w))
                } else if candidate == distance[w] {
                    sigma[w] += paths
                    predecessors[room[w] &+ Int(truncatingIfNeeded: predecessorCount[w])] = node
                    predecessorCount[w] &+= 1
                }
            }
        }
        return count
    }
}
