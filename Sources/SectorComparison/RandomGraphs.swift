import NetworkModel

/// The random networks whole-network figures are compared against.
public enum RandomGraphs {
    /// A uniformly random simple graph with `nodeCount` nodes and exactly `edgeCount` arcs (directed) or
    /// edges (undirected), no self-loops: Erdős–Rényi's G(n, m), as R sna's `rgnm` (the null model of
    /// `cug.test(cmode = "edges")`). Pairs are drawn without replacement (or, above half of all pairs, the
    /// pairs left out are).
    ///
    /// - Complexity: O(n + m) expected.
    public static func uniform(nodeCount n: Int, edgeCount m: Int, directed: Bool, generator: inout SeededGenerator) -> Graph {
        let pairs = directed ? n * (n - 1) : n * (n - 1) / 2
        precondition(m >= 0 && m <= pairs, "more ties than pairs")
        var chosen = Set<Int>(minimumCapacity: Swift.min(m, pairs - m))
        let drawingLeftOut = m > pairs / 2
        let target = drawingLeftOut ? pairs - m : m
        while chosen.count < target { chosen.insert(generator.uniform(below: pairs)) }
        var builder = GraphBuilder(nodeCount: n, isDirected: directed, expectedArcs: m)
        func add(_ index: Int) {
            let (u, v) = directed ? orderedPair(index, n) : unorderedPair(index)
            builder.addArc(from: u, to: v)
        }
        if drawingLeftOut {
            for index in 0 ..< pairs where !chosen.contains(index) { add(index) }
        } else {
            for index in chosen.sorted() { add(index) }
        }
        return builder.build(isWeighted: false)
    }

    /// The ordered pair (i, j), i ≠ j, numbered `index` row by row.
    static func orderedPair(_ index: Int, _ n: Int) -> (Int, Int) {
        let i = index / (n - 1), r = index % (n - 1)
        return (i, r < i ? r : r + 1)
    }

    /// The unordered pair (i, j), i > j, numbered `index` = i(i − 1)/2 + j.
    static func unorderedPair(_ index: Int) -> (Int, Int) {
        var i = Int(((1 + (1 + 8 * Double(index)).squareRoot()) / 2).rounded(.down))
        while i * (i - 1) / 2 > index { i -= 1 }
        while (i + 1) * i / 2 <= index { i += 1 }
        return (i, index - i * (i - 1) / 2)
    }

    /// The graph with its ties rewired by `swapsPerTie × m` attempted double-edge swaps, keeping every
    /// node's degree (in- and out-degree when directed) and the graph simple: two ties a–b and c–d become
    /// a–d and c–b unless that would make a self-loop or repeat a tie (Maslov and Sneppen, "Specificity and
    /// stability in topology of protein networks", Science 296, 2002, doi:10.1126/science.1065103).
    /// Undirected ties are swapped in a random orientation, so every rewiring can be reached; for directed
    /// networks some (reversed directed triangles) cannot (Rao, Jana and Bandyopadhyay, Sankhyā 58, 1996).
    /// Weights are dropped.
    ///
    /// - Complexity: O(swapsPerTie · m) expected.
    public static func rewired(_ graph: Graph, swapsPerTie: Int = 10, generator: inout SeededGenerator) -> Graph {
        let n = graph.nodeCount
        var sources: [Int] = [], targets: [Int] = []
        for u in 0 ..< n {
            for v in graph.successors(of: u) where Int(v) != u && (graph.isDirected || Int(v) > u) {
                sources.append(u); targets.append(Int(v))
            }
        }
        let m = sources.count
        func key(_ u: Int, _ v: Int) -> Int { graph.isDirected || u < v ? u * n + v : v * n + u }
        var present = Set<Int>(minimumCapacity: m)
        for e in 0 ..< m { present.insert(key(sources[e], targets[e])) }
        if m >= 2 {
            for _ in 0 ..< swapsPerTie * m {
                let e = generator.uniform(below: m), f = generator.uniform(below: m)
                guard e != f else { continue }
                let a = sources[e], b = targets[e]
                var c = sources[f], d = targets[f]
                if !graph.isDirected && generator.next() & 1 == 1 { swap(&c, &d) }
                guard a != d, c != b, !present.contains(key(a, d)), !present.contains(key(c, b)) else { continue }
                present.remove(key(a, b)); present.remove(key(c, d))
                present.insert(key(a, d)); present.insert(key(c, b))
                targets[e] = d
                sources[f] = c; targets[f] = b
            }
        }
        var builder = GraphBuilder(nodeCount: n, isDirected: graph.isDirected, expectedArcs: m)
        for e in 0 ..< m { builder.addArc(from: sources[e], to: targets[e]) }
        return builder.build(isWeighted: false)
    }
}
