import NetworkModel

/// How a command that needs everyone's betweenness as one figure among many (the report, the group
/// profiles of `compare`) computes it: exactly, or estimated from sampled sources (Brandes and Pich).
///
/// Exact betweenness is one shortest-path search per stakeholder, O(nm): minutes at 50,000 stakeholders and
/// 250,000 ties, hours at a million ties. `automatic` keeps it exact while n·m stays within a budget of arc
/// visits and otherwise samples as many sources as the budget allows, so the cost stays near that of a
/// network at the budget whatever the size. A sampled method is always said where its figures are shown
/// (`description`), and every command that chooses one can be told to be exact instead.
public enum BetweennessMethod: Sendable, Equatable {
    case exact
    case sampled(sources: Int, seed: UInt64)

    /// Arc visits (sources × arcs) that exact betweenness may cost before `automatic` samples: about 4 s
    /// on two cores here.
    public static let defaultBudget = 1_000_000_000.0

    /// The budget where only group means of betweenness are wanted (`compare --by`): a mean over hundreds
    /// of members averages away most of each member's sampling error. On a generated 50,000-stakeholder
    /// ecosystem (248,933 ties) the two sectors' mean betweenness from 1,004 sources (this budget) was within
    /// 0.6% of that from 16,000, inside the bootstrap intervals (±1.3%), in a quarter of the default's time.
    public static let groupMeanBudget = 250_000_000.0

    /// Exact when `nodeCount × arcs ≤ budget`, otherwise `budget / arcs` sampled sources (at least 500, and
    /// no more than there are stakeholders). `requested` sources, when given, are used whatever the size.
    public static func automatic(for graph: Graph, requested: Int? = nil, exact: Bool = false, seed: UInt64,
                                 budget: Double = defaultBudget) -> BetweennessMethod {
        let n = graph.nodeCount
        if exact { return .exact }
        if let requested { return requested >= n ? .exact : .sampled(sources: Swift.max(1, requested), seed: seed) }
        let arcs = Double(Swift.max(1, graph.outTargets.count))
        if Double(n) * arcs <= budget { return .exact }
        let sources = Swift.max(500, Int(budget / arcs))
        return sources >= n ? .exact : .sampled(sources: sources, seed: seed)
    }

    public var isExact: Bool { self == .exact }

    /// A phrase for notes and settings, e.g. "estimated from 2,000 of 50,000 sources drawn at random (seed 1)";
    /// `estimate` names the estimator (Brandes and Pich's for betweenness, Eppstein and Wang's for closeness).
    public func description(nodeCount: Int, estimate: String = "Brandes and Pich's") -> String {
        switch self {
        case .exact: return "exact (every stakeholder's shortest paths)"
        case let .sampled(sources, seed):
            return "estimated from the shortest paths of \(Swift.min(sources, nodeCount)) of the \(nodeCount) stakeholders, drawn at random (seed \(seed); \(estimate) unbiased estimate)"
        }
    }
}

extension Graph {
    /// Betweenness by `method`, normalised as `betweenness`.
    ///
    /// - Complexity: O(nm) exact, O(km) from k sampled sources (unweighted; weighted adds a log factor).
    public func betweenness(_ method: BetweennessMethod, weightsMean meaning: WeightMeaning = .strength,
                            threads: Int = Parallel.defaultThreads) -> NodeScores {
        switch method {
        case .exact: return betweenness(weightsMean: meaning, threads: threads)
        case let .sampled(sources, seed):
            return approximateBetweenness(sampleSize: sources, seed: seed, weightsMean: meaning, threads: threads).estimate
        }
    }
}

extension Graph {
    /// `k` distinct nodes drawn uniformly at random (a partial Fisher–Yates shuffle), in increasing order:
    /// the sources of every sampled path measure, so one seed draws the same sources for all of them.
    ///
    /// - Complexity: O(n + k log k).
    func randomSources(_ k: Int, seed: UInt64) -> [Int] {
        let n = nodeCount, k = Swift.max(0, Swift.min(k, n))
        var generator = SeededGenerator(seed: seed)
        var pool = Array(0 ..< n)
        for i in 0 ..< k {
            let j = i + generator.uniform(below: n - i)
            pool.swapAt(i, j)
        }
        return pool[..<k].sorted()
    }
}
