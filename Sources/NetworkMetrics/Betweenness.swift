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
    /// `progress` is told how many sources are done, as blocks of them finish.
    public func betweenness(weightsMean meaning: WeightMeaning = .strength, normalized: Bool = true,
                            threads: Int = Parallel.defaultThreads, progress: (@Sendable (Int) -> Void)? = nil) -> NodeScores {
        let sums = brandesSums(sources: Array(0 ..< nodeCount), meaning: meaning, squares: false, threads: threads, progress: progress)
        let scale = betweennessScale(normalized: normalized)
        return NodeScores(measure: "betweenness", values: sums.total.map { $0 * scale })
    }

    /// Betweenness estimated from `sampleSize` source nodes drawn uniformly without replacement
    /// (seeded): b̂(v) = (n/k) Σ_{s in sample} δ_s(v), normalised as `betweenness`. The estimate is
    /// unbiased (Brandes and Pich). Each stakeholder also gets an interval that holds with probability at
    /// least `confidence` whatever the network (`BetweennessInterval`): the plain standard error of the
    /// sample, n·√((1 − k/n)·S²_v/k), understates the error on skewed networks, where a few sources carry
    /// most of a hub's dependency (among the top 100 of a 10,000-node Barabási–Albert graph it covers only
    /// about 74% at a nominal 95%).
    ///
    /// - Complexity: O(km) unweighted, O(km + kn log n) weighted.
    /// - Reference: U. Brandes and C. Pich, "Centrality estimation in large networks", Int. J. Bifurcation
    ///   and Chaos 17(7), 2007. doi:10.1142/S0218127407018403
    public func approximateBetweenness(sampleSize: Int, seed: UInt64, weightsMean meaning: WeightMeaning = .strength,
                                       normalized: Bool = true, confidence: Double = 0.95,
                                       threads: Int = Parallel.defaultThreads) -> ApproximateBetweenness {
        let n = nodeCount
        let k = Swift.max(0, Swift.min(sampleSize, n))
        let sample = randomSources(k, seed: seed)
        let sums = brandesSums(sources: sample, meaning: meaning, squares: true, threads: threads)
        let scale = betweennessScale(normalized: normalized)
        var estimate = [Double](repeating: 0, count: n), plain = estimate
        var lower = estimate, upper = estimate
        // One source's contribution to the estimate, X_s = n·scale·δ_s(v), lies in [0, n·scale·r(v)], where
        // r(v) bounds the targets whose shortest paths can pass v: at most n − 2, and at most the nodes v
        // reaches, v aside (so a node that reaches few has a narrow interval).
        let reach = k > 0 && k < n ? reachUpperBounds() : [Int](repeating: n, count: n)
        func range(_ v: Int) -> Double { Double(n) * scale * Double(Swift.max(0, Swift.min(n - 2, reach[v] - 1))) }
        if k > 0 {
            let kk = Double(k), nn = Double(n)
            for v in 0 ..< n {
                let mean = sums.total[v] / kk
                estimate[v] = nn * mean * scale
                if k > 1 {
                    let variance = Swift.max(0, (sums.squares[v] - kk * mean * mean) / (kk - 1))
                    plain[v] = nn * (Swift.max(0, 1 - kk / nn) * variance / kk).squareRoot() * scale
                }
                if k == n {
                    (lower[v], upper[v]) = (estimate[v], estimate[v])
                } else {
                    (lower[v], upper[v]) = BetweennessInterval.bounds(mean: estimate[v], range: range(v), samples: k, confidence: confidence)
                }
            }
        } else {
            upper = (0 ..< n).map(range)
        }
        return ApproximateBetweenness(estimate: NodeScores(measure: "betweenness", values: estimate),
                                      lower: NodeScores(measure: "betweenness_lower", values: lower),
                                      upper: NodeScores(measure: "betweenness_upper", values: upper),
                                      sampleStandardError: NodeScores(measure: "betweenness_sample_standard_error", values: plain),
                                      sources: k, confidence: confidence)
    }

    func betweennessScale(normalized: Bool) -> Double {
        if normalized { return nodeCount > 2 ? 1 / (Double(nodeCount - 1) * Double(nodeCount - 2)) : 1 }
        return isDirected ? 1 : 0.5
    }

    /// Σ_s δ_s(v) over `sources` (and Σ_s δ_s(v)² when `squares`), in fixed blocks combined in order.
    func brandesSums(sources: [Int], meaning: WeightMeaning, squares: Bool, threads: Int,
                     progress: (@Sendable (Int) -> Void)? = nil) -> (total: [Double], squares: [Double]) {
        let n = nodeCount
        guard n > 0, !sources.isEmpty else { return ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n)) }
        let blocks = Parallel.blockCount(for: sources.count)
        let partial = SharedBuffer(repeating: 0.0, count: blocks * n)
        let partialSquares = SharedBuffer(repeating: 0.0, count: squares ? blocks * n : 0)
        let lengths = pathLengths(meaning, direction: .forward)
        let done = ProgressCounter()
        withAdjacency(.forward, lengths: lengths) { adjacency in
            let arcs = outTargets.count
            let workspaces = WorkerLocal(workers: Swift.min(threads, blocks)) { BrandesWorkspace(nodeCount: n, arcCount: arcs) }
            Parallel.forEachBlock(blocks, threads: threads) { block, worker in
                let workspace = workspaces(worker)
                let accumulator = partial.pointer + block * n
                let squareAccumulator = squares ? partialSquares.pointer + block * n : nil
                let range = Parallel.range(ofBlock: block, blocks: blocks, count: sources.count)
                for index in range {
                    workspace.accumulate(source: sources[index], adjacency: adjacency, into: accumulator, squares: squareAccumulator)
                }
                if let progress { progress(done.add(range.count)) }
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
/// The search appends every arc of the shortest-path DAG to a list, in the order it meets them. Walking
/// that list backwards meets all arcs out of a node before any arc into it, so dependencies accumulate
/// in one sequential pass over at most m arcs: with S(v) = Σ_{v→w in the DAG} (1 + δ(w))/σ(w), each arc
/// v→w adds 1/σ(w) + S(w) to S(v), and δ(v) = σ(v)·S(v).
final class BrandesWorkspace {
    let n: Int
    let hops: UnsafeMutablePointer<Int32>
    let distance: UnsafeMutablePointer<Double>
    let sigma: UnsafeMutablePointer<Double>
    /// S(v) above, and 1/σ(v) beside it so one cache line serves both.
    let accumulation: UnsafeMutablePointer<Accumulation>
    /// Nodes in the order they were reached (BFS) or settled (Dijkstra).
    let order: UnsafeMutablePointer<Int32>
    /// Whether a node is settled (weighted search only).
    let settled: UnsafeMutablePointer<Bool>
    /// DAG arcs (tail in the high 32 bits, head in the low), in the order the search met them.
    let arcs: UnsafeMutablePointer<UInt64>
    /// For weighted searches: the head's distance through each listed arc when it was listed.
    let arcDistance: UnsafeMutablePointer<Double>
    var heap = DistanceHeap()

    struct Accumulation {
        var inverseSigma: Double
        var sum: Double
    }

    init(nodeCount: Int, arcCount: Int) {
        n = nodeCount
        hops = .allocate(capacity: n); hops.initialize(repeating: -1, count: n)
        distance = .allocate(capacity: n); distance.initialize(repeating: .infinity, count: n)
        sigma = .allocate(capacity: n); sigma.initialize(repeating: 0, count: n)
        accumulation = .allocate(capacity: n); accumulation.initialize(repeating: Accumulation(inverseSigma: 0, sum: 0), count: n)
        order = .allocate(capacity: n); order.initialize(repeating: 0, count: n)
        settled = .allocate(capacity: n); settled.initialize(repeating: false, count: n)
        arcs = .allocate(capacity: max(arcCount, 1)); arcs.initialize(repeating: 0, count: max(arcCount, 1))
        arcDistance = .allocate(capacity: max(arcCount, 1)); arcDistance.initialize(repeating: 0, count: max(arcCount, 1))
    }

    deinit {
        hops.deallocate(); order.deallocate(); distance.deallocate(); sigma.deallocate()
        accumulation.deallocate(); settled.deallocate(); arcs.deallocate(); arcDistance.deallocate()
    }

    /// Adds δ_s(v) (and its square) to `accumulator[v]` for every v ≠ s reached from `source`.
    func accumulate(source s: Int, adjacency: Adjacency, into accumulator: UnsafeMutablePointer<Double>,
                    squares: UnsafeMutablePointer<Double>?) {
        let (reached, arcCount) = adjacency.isWeighted ? searchWeighted(from: s, adjacency) : searchUnweighted(from: s, adjacency)
        let sigma = self.sigma, accumulation = self.accumulation, order = self.order, arcs = self.arcs
        for j in 0 ..< reached {
            let v = Int(truncatingIfNeeded: order[j])
            accumulation[v] = Accumulation(inverseSigma: 1 / sigma[v], sum: 0)
        }
        var k = arcCount &- 1
        while k >= 0 {
            let arc = arcs[k]
            let v = Int(truncatingIfNeeded: arc >> 32), w = Int(truncatingIfNeeded: arc & 0xFFFF_FFFF)
            let head = accumulation[w]
            accumulation[v].sum += head.inverseSigma + head.sum
            k &-= 1
        }
        for j in 1 ..< max(reached, 1) {
            let v = Int(truncatingIfNeeded: order[j])
            let dependency = sigma[v] * accumulation[v].sum
            accumulator[v] += dependency
            if let squares { squares[v] += dependency * dependency }
        }
        for j in 0 ..< reached {
            let v = Int(truncatingIfNeeded: order[j])
            hops[v] = -1; distance[v] = .infinity; sigma[v] = 0; settled[v] = false
        }
    }

    /// Breadth-first search counting shortest paths and listing DAG arcs; returns nodes reached and arcs listed.
    private func searchUnweighted(from s: Int, _ adjacency: Adjacency) -> (Int, Int) {
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        let hops = self.hops, sigma = self.sigma, order = self.order, arcs = self.arcs
        hops[s] = 0
        sigma[s] = 1
        order[0] = Int32(truncatingIfNeeded: s)
        var head = 0, tail = 1, arcCount = 0
        while head < tail {
            let v = Int(truncatingIfNeeded: order[head])
            head &+= 1
            let next = hops[v] &+ 1
            let paths = sigma[v]
            let tailBits = UInt64(truncatingIfNeeded: v) << 32
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
                    arcs[arcCount] = tailBits | UInt64(truncatingIfNeeded: w)
                    arcCount &+= 1
                }
                e &+= 1
            }
        }
        return (tail, arcCount)
    }

    /// Dijkstra's algorithm counting shortest paths and listing DAG arcs; returns nodes settled and arcs listed.
    /// Equal path lengths are compared exactly, as in NetworkX; a tie of infinite length is never crossed.
    /// An arc is listed when its tail is settled, so its head's shortest paths may still change: arcs whose
    /// head later gets a shorter path are dropped when the list is compacted at the end.
    private func searchWeighted(from s: Int, _ adjacency: Adjacency) -> (Int, Int) {
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        let lengths = adjacency.lengths.baseAddress!
        heap.removeAll()
        distance[s] = 0
        sigma[s] = 1
        heap.push(0, Int32(s))
        var count = 0, arcCount = 0
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let v = Int(node)
            if settled[v] || d > distance[v] { continue }
            settled[v] = true
            order[count] = node
            count &+= 1
            let paths = sigma[v]
            let tailBits = UInt64(truncatingIfNeeded: v) << 32
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
                    heap.push(candidate, Int32(truncatingIfNeeded: w))
                } else if candidate != distance[w] {
                    continue
                } else {
                    sigma[w] += paths
                }
                arcs[arcCount] = tailBits | UInt64(truncatingIfNeeded: w)
                arcDistance[arcCount] = candidate
                arcCount &+= 1
            }
        }
        // Keep only arcs still on a shortest path: those whose head was not reached more cheaply later.
        var kept = 0
        for k in 0 ..< arcCount where arcDistance[k] == distance[Int(truncatingIfNeeded: arcs[k] & 0xFFFF_FFFF)] {
            arcs[kept] = arcs[k]
            kept &+= 1
        }
        return (count, kept)
    }
}
