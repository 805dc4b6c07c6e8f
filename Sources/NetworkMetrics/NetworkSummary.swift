import NetworkModel

/// The figures `stakenet info` reports: who is in the network, what ties there are, and its overall shape.
public struct NetworkSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let name: String
        public let count: Int
    }

    public let name: String
    public let description: String?
    public let isDirected: Bool
    public let stakeholders: Int
    /// Ties as recorded (parallel ties and self-loops included).
    public let ties: Int
    /// Stakeholders by kind, known kinds first; stakeholders without a kind are counted under `(none)`.
    public let stakeholdersByKind: [Count]
    /// Stakeholders by sector, largest first; `(none)` counts those without one.
    public let stakeholdersBySector: [Count]
    public let tiesByKind: [Count]
    /// Arcs (directed) or edges (undirected) once parallel ties are combined and self-loops left out.
    public let graphEdges: Int
    public let selfLoops: Int
    public let density: Double
    /// Weakly connected components, if directed.
    public let components: Int
    public let largestComponent: Int
    /// Strongly connected components (equal to `components` when undirected).
    public let strongComponents: Int
    /// Ids of stakeholders without any tie.
    public let isolates: [String]
    /// Mean number of distinct neighbours (out-neighbours when directed).
    public let meanDegree: Double
    /// First and last year any tie is active, when ties give periods.
    public let period: ClosedRange<Int>?
    /// Edgewise reciprocity (directed networks only).
    public let reciprocity: Double?
    /// Transitivity of the undirected, unweighted view (NetworkX's `transitivity`, igraph's `transitivity_undirected`).
    public let transitivity: Double
    /// On a directed network, R sna's `gtrans` (weak): of the two-paths i → j → k, the share closed by i → k.
    public let directedTransitivity: Double?
    /// Mean local clustering (NetworkX's `average_clustering`): Watts–Strogatz on an undirected network,
    /// Fagiolo's directed coefficient on a directed one (`clusteringVariant` names it).
    public let averageClustering: Double
    public let degreeAssortativity: Double?
    /// Diameter and average path length of the largest (strongly) connected component.
    public let paths: PathFigures?
    /// Freeman centralizations, as R sna's `centralization()`; `nil` where undefined or not computed.
    public let degreeCentralization: Double?
    public let inDegreeCentralization: Double?
    public let outDegreeCentralization: Double?
    public let betweennessCentralization: Double?
    public let closenessCentralization: Double?
    /// Whole-network betweenness and closeness need a search from every node; above this many nodes
    /// their centralizations are left out and path figures estimated from this many sources.
    public let exactLimit: Int?

    public static let noneLabel = "(none)"

    /// Which local clustering `averageClustering` averages.
    public var clusteringVariant: String {
        isDirected ? "Fagiolo's directed clustering (NetworkX clustering on a directed graph)" : "Watts-Strogatz local clustering"
    }

    /// - Complexity: O(nm) for path figures and centralizations (up to `exactLimit` nodes; O(k·m) for k
    ///   sampled sources above it), O(Σ d²) for clustering, O(n + m) for the rest.
    public init(network: StakeholderNetwork, graph: Graph, exactLimit: Int? = 10_000, threads: Int = Parallel.defaultThreads) {
        name = network.name
        description = network.description
        isDirected = graph.isDirected
        stakeholders = network.stakeholderCount
        ties = network.tieCount
        stakeholdersByKind = NetworkSummary.tally(network.stakeholders.map(\.kind)) { $0 < $1 }
        stakeholdersBySector = NetworkSummary.tally(network.stakeholders.map(\.sector)) { $0 < $1 }
            .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        tiesByKind = NetworkSummary.tally(network.ties.indices.map { network.ties.kind(at: $0) }) { $0 < $1 }
        graphEdges = graph.edgeCount - graph.selfLoopCount
        selfLoops = zip(network.ties.sources, network.ties.targets).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        density = graph.density()
        let weak = graph.weakComponents()
        components = weak.count
        largestComponent = weak.largestSize
        strongComponents = graph.isDirected ? graph.strongComponents().count : weak.count
        isolates = graph.isolates().map { network.stakeholders[$0].id }
        meanDegree = graph.nodeCount == 0 ? 0 : Double(graph.outTargets.count - graph.selfLoopCount) / Double(graph.nodeCount)
        period = network.tieYears()
        reciprocity = graph.reciprocity()
        transitivity = graph.transitivity(threads: threads)
        directedTransitivity = graph.directedTransitivity(threads: threads)
        averageClustering = graph.averageClustering(threads: threads)
        degreeAssortativity = graph.degreeAssortativity()
        paths = graph.pathFigures(exactLimit: exactLimit, threads: threads)
        degreeCentralization = Centralization.degree(graph, .total)
        inDegreeCentralization = graph.isDirected ? Centralization.degree(graph, .incoming) : nil
        outDegreeCentralization = graph.isDirected ? Centralization.degree(graph, .outgoing) : nil
        self.exactLimit = exactLimit
        if exactLimit.map({ graph.nodeCount <= $0 }) ?? true {
            let unweighted = graph.unweighted()
            betweennessCentralization = Centralization.betweenness(unweighted, normalizedBetweenness: unweighted.betweenness(threads: threads))
            closenessCentralization = Centralization.closeness(unweighted, outgoingDistances: unweighted.distanceSums(outgoing: true, threads: threads))
        } else {
            betweennessCentralization = nil
            closenessCentralization = nil
        }
    }

    /// Counts of each value, ordered by `precedes`, with missing values last as `(none)`.
    static func tally<T: Hashable & CustomStringConvertible>(_ values: [T?], by precedes: (T, T) -> Bool) -> [Count] {
        var counts: [T: Int] = [:]
        var missing = 0
        for value in values {
            if let value { counts[value, default: 0] += 1 } else { missing += 1 }
        }
        var result = counts.keys.sorted(by: precedes).map { Count(name: $0.description, count: counts[$0]!) }
        if missing > 0 { result.append(Count(name: noneLabel, count: missing)) }
        return result
    }
}
