import NetworkModel

extension Graph {
    /// Harmonic centrality by `method`: exact (`harmonic`), or estimated from the shortest paths of the
    /// sampled sources, as Eppstein and Wang estimate closeness. With k sources S drawn uniformly without
    /// replacement from the n nodes,
    ///
    ///     Ĥ(u) = (n / k) · Σ_{s ∈ S, s ≠ u} 1 / d(s, u)
    ///
    /// is unbiased for H(u) = Σ_{v ≠ u} 1 / d(v, u), since each v is in S with probability k/n. The
    /// searches run *from* the sources (to u for `harmonic`, from u along reversed ties for `out_harmonic`),
    /// so k searches give every node's estimate. The sources are those `betweenness(_:)` samples with the
    /// same method, so one setting describes both.
    ///
    /// Sources run in parallel in at most 8 fixed blocks, each adding into its own array, summed in block
    /// order: the same bits for any `threads`.
    ///
    /// - Complexity: O(km) unweighted (64 sources per bit-parallel search), O(k(m + n log n)) weighted;
    ///   O(n) memory per block.
    /// - Reference: D. Eppstein and J. Wang, "Fast approximation of centrality", J. Graph Algorithms Appl.
    ///   8(1), 2004. doi:10.7155/jgaa.00081
    public func harmonic(_ method: BetweennessMethod, outgoing: Bool = false, weightsMean meaning: WeightMeaning = .strength,
                         threads: Int = Parallel.defaultThreads) -> NodeScores {
        let measure = outgoing ? "out_harmonic" : "harmonic"
        guard case let .sampled(count, seed) = method, count < nodeCount else {
            return harmonic(outgoing: outgoing, weightsMean: meaning, threads: threads)
        }
        return harmonic(estimatedFrom: randomSources(count, seed: seed), outgoing: outgoing, weightsMean: meaning, threads: threads)
    }

    /// Harmonic centrality estimated from the searches of `sources` (distinct nodes, a uniform sample of
    /// the n for the estimate to be unbiased): (n / k) · Σ_{s ∈ sources, s ≠ u} 1 / d(s, u), as `harmonic(_:)`.
    public func harmonic(estimatedFrom sources: [Int], outgoing: Bool = false, weightsMean meaning: WeightMeaning = .strength,
                         threads: Int = Parallel.defaultThreads) -> NodeScores {
        let measure = outgoing ? "out_harmonic" : "harmonic"
        let n = nodeCount
        guard !sources.isEmpty else { return NodeScores(measure: measure, values: [Double](repeating: 0, count: n)) }
        // Distances from the sources to u: forward searches for `harmonic`, backward for `out_harmonic`.
        let direction: SearchDirection = outgoing ? .backward : .forward
        let lengths = pathLengths(meaning, direction: direction)
        var total = [Double](repeating: 0, count: n)
        withAdjacency(direction, lengths: lengths) { adjacency in
            let width = adjacency.isWeighted ? 1 : MultiSourceBFS.width
            let batches = (sources.count + width - 1) / width
            let blocks = Swift.min(8, Parallel.blockCount(for: batches, minimumPerBlock: 1))
            let sums = (0 ..< blocks).map { _ in SharedBuffer(repeating: 0.0, count: n) }
            Parallel.forEachBlock(blocks, threads: threads) { block, _ in
                let into = sums[block].pointer
                let bfs = adjacency.isWeighted ? nil : MultiSourceBFS(nodeCount: n)
                let workspace = adjacency.isWeighted ? DistanceWorkspace(nodeCount: n) : nil
                for batch in Parallel.range(ofBlock: block, blocks: blocks, count: batches) {
                    let first = batch * width, last = Swift.min(first + width, sources.count)
                    if let bfs {
                        bfs.accumulateInverseDistances(sources: sources[first ..< last], adjacency: adjacency, into: into)
                    } else if let workspace {
                        let reached = workspace.search(from: sources[first], adjacency: adjacency)
                        for i in 0 ..< reached {
                            let w = Int(workspace.order[i]), d = workspace.distance[w]
                            if d > 0 { into[w] += 1 / d }
                        }
                        workspace.reset(count: reached)
                    }
                }
            }
            for block in sums { for v in 0 ..< n { total[v] += block.pointer[v] } }
        }
        let scale = Double(n) / Double(sources.count)
        return NodeScores(measure: measure, values: total.map { $0 * scale })
    }
}
