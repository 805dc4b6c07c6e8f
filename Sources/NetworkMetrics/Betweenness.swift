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
            let workspaces = WorkerLocal(workers: Swift.min(threads, blocks)) { BrandesWorkspace(nodeCount: n) }
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
final class BrandesWorkspace {
    let n: Int
    let hops: UnsafeMutablePointer<Int32>
    let distance: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    /// (1 + δ(v))/σ(v) once v's dependency is known.
    let coefficient: UnsafeMutablePointer<Double>
    /// Nodes in the order they were reached (BFS) or settled (Dijkstra).
    let order: UnsafeMutablePointer<Int32>
    /// Position of each settled node in `order`, −1 if not settled (weighted search only).
    let position: UnsafeMutablePointer<Int32>
    var heap = DistanceHeap()

    init(nodeCount: Int) {
        n = nodeCount
        hops = .allocate(capacity: n); hops.initialize(repeating: -1, count: n)
        distance = .allocate(capacity: n); distance.initialize(repeating: .infinity, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        coefficient = .allocate(capacity: n); coefficient.initialize(repeating: 0, count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        position = .allocate(capacity: n); position.initialize(repeating: -1, count: n)
    }

    deinit {
        for pointer in [hops, order, position] as [UnsafeMutablePointer<Int32>] { pointer.deallocate() }
        for pointer in [distance, sigma, coefficient] { pointer.deallocate() }
    }

    /// Adds δ_s(v) (and its square) to `accumulator[v]` for every v ≠ s reached from `source`.
    ///
    /// Dependencies are accumulated over successors: δ(v) = σ(v) Σ_{w: v→w on a shortest path} (1 + δ(w))/σ(w),
    /// with (1 + δ(w))/σ(w) kept per node (`coefficient`) so the loop over ties has no division.
    func accumulate(source s: Int, adjacency: Adjacency, into accumulator: UnsafeMutablePointer<Double>,
                    squares: UnsafeMutablePointer<Double>?) {
        let reached = adjacency.isWeighted ? searchWeighted(from: s, adjacency) : searchUnweighted(from: s, adjacency)
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        var i = reached &- 1
        while i >= 0 {
            let v = Int(truncatingIfNeeded: order[i])
            var sum = 0.0
            var e = offsets[v]
            let end = offsets[v &+ 1]
            if adjacency.isWeighted {
                let lengths = adjacency.lengths.baseAddress!
                let dv = distance[v], pv = position[v]
                while e < end {
                    let w = Int(truncatingIfNeeded: neighbours[e])
                    if position[w] > pv, distance[w] == dv + lengths[e] { sum += coefficient[w] }
                    e &+= 1
                }
            } else {
                let next = hops[v] &+ 1
                while e < end {
                    let w = Int(truncatingIfNeeded: neighbours[e])
                    if hops[w] == next { sum += coefficient[w] }
                    e &+= 1
                }
            }
            let paths = sigma[v]
            let dependency = paths * sum
            coefficient[v] = (1 + dependency) / paths
            if v != s {
                accumulator[v] += dependency
                if let squares { squares[v] += dependency * dependency }
            }
            i &-= 1
        }
        for j in 0 ..< reached {
            let v = Int(truncatingIfNeeded: order[j])
            hops[v] = -1; distance[v] = .infinity; sigma[v] = 0; position[v] = -1
        }
    }

    /// Breadth-first search counting shortest paths; returns how many nodes were reached.
    private func searchUnweighted(from s: Int, _ adjacency: Adjacency) -> Int {
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(truncatingIfNeeded: order[head])
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
                    sigma[w] = paths
                    order[tail] = Int32(truncatingIfNeeded: w)
                    tail &+= 1
                } else if hw == next {
                    sigma[w] += paths
                }
                e &+= 1
            }
        }
        return tail
    }

    /// Dijkstra's algorithm counting shortest paths; returns how many nodes were settled.
    private func searchWeighted(from s: Int, _ adjacency: Adjacency) -> Int {
        let offsets = adjacency.offsets, neighbours = adjacency.neighbours, lengths = adjacency.lengths
        heap.removeAll()
        distance[s] = 0
        sigma[s] = 1
        heap.push(0, Int32(s))
        var settled = 0
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let v = Int(node)
            if position[v] >= 0 || d > distance[v] { continue }
            position[v] = Int32(truncatingIfNeeded: settled)
            order[settled] = node
            settled += 1
            let paths = sigma[v]
            for e in offsets[v] ..< offsets[v + 1] {
                let length = lengths[e]
                if length == .infinity { continue }
                let w = Int(neighbours[e])
                if position[w] >= 0 { continue }
                let candidate = d + length
                if candidate < distance[w] {
                    distance[w] = candidate
                    sigma[w] = paths
                    heap.push(candidate, Int32(truncatingIfNeeded: w))
                } else if candidate == distance[w] {
                    sigma[w] += paths
                }
            }
        }
        return settled
    }
}
