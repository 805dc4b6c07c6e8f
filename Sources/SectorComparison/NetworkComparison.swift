import Foundation
import NetworkMetrics
import NetworkModel

/// Whole networks side by side (`stakenet compare A B C …`): each figure with where it falls among random
/// networks of the same size and density, and among rewirings with the same degrees, so that networks of
/// different sizes can be compared fairly.
public struct NetworkComparison: Sendable {
    /// The whole-network figures, as named in output. All are of the unweighted graph.
    public enum Statistic: String, CaseIterable, Sendable {
        /// Stakeholders.
        case stakeholders
        /// Arcs (directed) or edges, after parallel ties are combined and self-loops left out.
        case ties
        case density
        /// Edgewise reciprocity (directed networks only), as NetworkX's `reciprocity` and sna's `grecip(measure = "edgewise")`.
        case reciprocity
        /// Transitivity of the network read as undirected (NetworkX's `transitivity`).
        case transitivity
        /// Freeman degree centralization, as sna's `centralization(·, degree)`.
        case degreeCentralization = "degree_centralization"
        /// Weakly connected components.
        case components
        /// Mean shortest-path length of the largest component (`PathFigures`).
        case averagePathLength = "average_path_length"
        /// Modularity of the communities Leiden finds (seeded).
        case modularity

        /// Whether the figure counts something, so is always a whole number.
        public var isCount: Bool { self == .stakeholders || self == .ties || self == .components }
    }

    /// How a figure falls among the random networks of one null model.
    public struct NullSummary: Sendable {
        public let replicates: Int
        public let mean: Double
        public let standardDeviation: Double
        /// (observed − mean)/sd; `nil` when the null model fixes the figure (sd 0).
        public let z: Double?
        /// Share of random networks whose figure is at least (at most) the observed one, as sna's `cug.test`.
        public let pGreaterOrEqual: Double
        public let pLessOrEqual: Double
        /// Replicates where the figure was undefined (left out).
        public let undefined: Int
    }

    public struct Figure: Sendable {
        public let statistic: Statistic
        /// NaN where undefined (reciprocity of an undirected network, paths of an empty one).
        public let observed: Double
        /// Against uniform random networks with as many stakeholders and ties (CUG, sna's `cmode = "edges"`).
        public let sameDensity: NullSummary?
        /// Against degree-preserving rewirings.
        public let sameDegrees: NullSummary?
    }

    public struct Settings: Sendable {
        public var replicates: Int
        public var seed: UInt64
        public var swapsPerTie: Int
        public var threads: Int
        /// The figures to compute (all by default).
        public var statistics: [Statistic]
        public init(replicates: Int = 1000, seed: UInt64 = 1, swapsPerTie: Int = 10, threads: Int = Parallel.defaultThreads,
                    statistics: [Statistic] = Statistic.allCases) {
            self.statistics = statistics
            self.replicates = replicates
            self.seed = seed
            self.swapsPerTie = swapsPerTie
            self.threads = threads
        }
    }

    public let isDirected: Bool
    public let figures: [Figure]

    public func figure(_ statistic: Statistic) -> Figure? { figures.first { $0.statistic == statistic } }
}

extension NetworkComparison {
    /// Statistics of a graph (read unweighted), NaN where undefined. Modularity uses Leiden with `seed`.
    ///
    /// - Complexity: O(nm) for the average path length (exact up to 10,000 nodes), O(Σ d²) for transitivity.
    public static func statistics(_ wanted: [Statistic] = Statistic.allCases, of graph: Graph, seed: UInt64, threads: Int = 1) -> [Double] {
        let g = graph.unweighted()
        return wanted.map { statistic in
            switch statistic {
            case .stakeholders: return Double(g.nodeCount)
            case .ties: return Double(g.edgeCount - g.selfLoopCount)
            case .density: return g.nodeCount > 1 ? g.density() : .nan
            case .reciprocity: return g.reciprocity() ?? .nan
            case .transitivity: return g.transitivity()
            case .degreeCentralization: return Centralization.degree(g, .total) ?? .nan
            case .components: return Double(g.weakComponents().count)
            case .averagePathLength:
                guard let paths = g.pathFigures(threads: threads), paths.connectedPairs > 0 else { return .nan }
                return paths.averagePathLength
            case .modularity:
                guard g.edgeCount > g.selfLoopCount else { return .nan }
                return g.modularity(of: g.communities(seed: seed), resolution: 1, asUndirected: true)
            }
        }
    }

    /// The conditional uniform graph (CUG) tests of every statistic: Anderson, Butts and Carley, "The
    /// interaction of size and density with graph-level indices", Social Networks 21(3), 1999,
    /// doi:10.1016/S0378-8733(99)00012-5. Replicate r of each null model draws from its own stream, in
    /// fixed blocks, so the result is the same on any number of threads. p-values are sna's: the share of
    /// replicates at least (at most) as large as observed, without the observed network counted.
    ///
    /// - Complexity: 2 × replicates × (statistics + the swaps of a rewiring).
    public static func compare(_ graph: Graph, settings: Settings = Settings(), progress: (@Sendable (Int) -> Void)? = nil) -> NetworkComparison {
        let simple = graph.unweighted()
        let wanted = settings.statistics
        let observed = statistics(wanted, of: simple, seed: settings.seed)
        let R = settings.replicates
        let S = wanted.count
        let n = simple.nodeCount, m = simple.edgeCount - simple.selfLoopCount
        let canDraw = n >= 2
        let sameDensity = SharedBuffer(repeating: Double.nan, count: Swift.max(1, R * S))
        let sameDegrees = SharedBuffer(repeating: Double.nan, count: Swift.max(1, R * S))
        let blocks = R > 0 && canDraw ? Parallel.blockCount(for: R, minimumPerBlock: 4) : 0
        let done = ProgressCounter()
        Parallel.forEachBlock(blocks, threads: settings.threads) { block, _ in
            let range = Parallel.range(ofBlock: block, blocks: blocks, count: R)
            for r in range {
                var generator = SeededGenerator(seed: settings.seed, stream: UInt64(r) + 1)
                let uniform = RandomGraphs.uniform(nodeCount: n, edgeCount: m, directed: simple.isDirected, generator: &generator)
                for (s, value) in statistics(wanted, of: uniform, seed: settings.seed).enumerated() { sameDensity.pointer[r * S + s] = value }
                var rewiring = SeededGenerator(seed: settings.seed ^ 0x5EED_0F_DE6_4EE5, stream: UInt64(r) + 1)
                let rewired = RandomGraphs.rewired(simple, swapsPerTie: settings.swapsPerTie, generator: &rewiring)
                for (s, value) in statistics(wanted, of: rewired, seed: settings.seed).enumerated() { sameDegrees.pointer[r * S + s] = value }
            }
            progress?(done.add(range.count))
        }
        let uniformValues = sameDensity.array, rewiredValues = sameDegrees.array
        let figures = wanted.enumerated().map { s, statistic in
            Figure(statistic: statistic, observed: observed[s],
                   sameDensity: blocks > 0 ? summary(observed[s], (0 ..< R).map { uniformValues[$0 * S + s] }) : nil,
                   sameDegrees: blocks > 0 ? summary(observed[s], (0 ..< R).map { rewiredValues[$0 * S + s] }) : nil)
        }
        return NetworkComparison(isDirected: simple.isDirected, figures: figures)
    }

    static func summary(_ observed: Double, _ replicates: [Double]) -> NullSummary? {
        guard observed.isFinite else { return nil }
        let defined = replicates.filter(\.isFinite)
        guard !defined.isEmpty else { return nil }
        let count = Double(defined.count)
        let mean = defined.reduce(0, +) / count
        let variance = defined.count > 1 ? defined.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1) : 0
        let sd = variance.squareRoot()
        let slack = 1e-12 * Swift.max(1, abs(observed))
        return NullSummary(replicates: replicates.count, mean: mean, standardDeviation: sd,
                           z: sd > 1e-12 * Swift.max(1, abs(mean)) ? (observed - mean) / sd : nil,
                           pGreaterOrEqual: Double(defined.filter { $0 >= observed - slack }.count) / count,
                           pLessOrEqual: Double(defined.filter { $0 <= observed + slack }.count) / count,
                           undefined: replicates.count - defined.count)
    }
}
