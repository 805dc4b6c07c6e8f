import Foundation
import NetworkModel

/// The node measures `stakenet metrics` offers, by the names they have in output.
public enum Measure: String, CaseIterable, Sendable {
    case degree
    case inDegree = "in_degree"
    case outDegree = "out_degree"
    case degreeCentrality = "degree_centrality"
    case inDegreeCentrality = "in_degree_centrality"
    case outDegreeCentrality = "out_degree_centrality"
    case strength
    case inStrength = "in_strength"
    case outStrength = "out_strength"
    case betweenness
    case closeness
    case outCloseness = "out_closeness"
    case harmonic
    case outHarmonic = "out_harmonic"
    case eigenvector
    case pagerank
    case katz
    case hub
    case authority
    case coreNumber = "core_number"
    case clustering
    case constraint
    case effectiveSize = "effective_size"
    case efficiency
    case hierarchy

    /// What `stakenet metrics` computes when no measures are named.
    public static let standard: [Measure] = [
        .degree, .inDegree, .outDegree, .strength, .betweenness, .closeness, .harmonic, .eigenvector, .pagerank, .coreNumber, .clustering,
    ]

    /// Measures whose values are whole numbers (written without a decimal point).
    public var isCount: Bool { [.degree, .inDegree, .outDegree, .coreNumber].contains(self) }

    /// Reads a comma-separated list of measure names, or `all`.
    /// - Throws: `AnalysisError.invalid` naming an unknown measure and listing the known ones.
    public static func parseList(_ text: String) throws -> [Measure] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if names == ["all"] { return allCases }
        var result: [Measure] = []
        for name in names {
            guard let measure = Measure(rawValue: name.replacingOccurrences(of: "-", with: "_")) else {
                throw AnalysisError.invalid("unknown measure '\(name)'; known measures: \(allCases.map(\.rawValue).joined(separator: ", ")), or all")
            }
            if !result.contains(measure) { result.append(measure) }
        }
        if result.isEmpty { throw AnalysisError.invalid("no measures named; known measures: \(allCases.map(\.rawValue).joined(separator: ", ")), or all") }
        return result
    }
}

/// Settings shared by the measures computed together.
public struct MeasureOptions: Sendable {
    /// How weights become lengths in path measures (betweenness, closeness, harmonic).
    public var weightsMean: WeightMeaning
    /// Estimate betweenness from this many sampled sources instead of all (adds `betweenness_lower` and
    /// `betweenness_upper`, a 95% interval that holds on any network, and `betweenness_standard_error`,
    /// a conservative standard error from it).
    public var approximateSources: Int?
    public var seed: UInt64
    /// Score eigenvector centrality per component on a disconnected graph instead of refusing.
    public var perComponent: Bool
    /// Iterations allowed to iterative measures (eigenvector, PageRank, Katz, hub/authority) instead of
    /// each one's default (1000; 10,000 for hub/authority).
    public var maxIterations: Int?
    /// Where iterative measures stop (`IterationDefaults.tolerance` when `nil`).
    public var tolerance: Double?
    /// The graph whose tie weights `strength` (and in/out) sums, when the analysis graph is unweighted
    /// (`strength` is always the sum of the tie weights, as igraph's `strength` and Gephi's weighted degree).
    public var strengthGraph: Graph?
    public var threads: Int

    public init(weightsMean: WeightMeaning = .strength, approximateSources: Int? = nil, seed: UInt64 = 1,
                perComponent: Bool = false, maxIterations: Int? = nil, tolerance: Double? = nil, strengthGraph: Graph? = nil,
                threads: Int = Parallel.defaultThreads) {
        self.weightsMean = weightsMean
        self.approximateSources = approximateSources
        self.seed = seed
        self.perComponent = perComponent
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.strengthGraph = strengthGraph
        self.threads = threads
    }
}

/// Measures computed together: their columns in the order asked, and any that could not be computed.
public struct MeasureResults: Sendable {
    public var columns: [NodeScores] = []
    /// Measures left out (only when not `strict`), with why.
    public var skipped: [(measure: Measure, reason: AnalysisError)] = []
}

extension Graph {
    /// Computes `measures`, sharing work between those that need the same searches.
    /// With `strict`, a measure that cannot be computed (not converged, disconnected) throws; otherwise
    /// it is left out and reported in `skipped`.
    ///
    /// - Complexity: that of the costliest measure asked.
    public func compute(_ measures: [Measure], options: MeasureOptions = MeasureOptions(), strict: Bool = true,
                        progress: (@Sendable (String) -> Void)? = nil) throws -> MeasureResults {
        var results = MeasureResults()
        var distanceCache: [Bool: [DistanceSum]] = [:]
        var hitsCache: (hub: NodeScores, authority: NodeScores)?
        var holesCache: StructuralHoles?
        let tolerance = options.tolerance ?? IterationDefaults.tolerance
        func distances(outgoing: Bool) -> [DistanceSum] {
            if let cached = distanceCache[outgoing] { return cached }
            let sums = distanceSums(outgoing: outgoing, meaning: options.weightsMean, threads: options.threads)
            distanceCache[outgoing] = sums
            return sums
        }
        for measure in measures {
            progress?(measure.rawValue)
            do {
                switch measure {
                case .degree: results.columns.append(degree())
                case .inDegree: results.columns.append(inDegree())
                case .outDegree: results.columns.append(outDegree())
                case .degreeCentrality: results.columns.append(degreeCentrality(.total))
                case .inDegreeCentrality: results.columns.append(degreeCentrality(.incoming))
                case .outDegreeCentrality: results.columns.append(degreeCentrality(.outgoing))
                case .strength: results.columns.append((options.strengthGraph ?? self).strength(.total))
                case .inStrength: results.columns.append((options.strengthGraph ?? self).strength(.incoming))
                case .outStrength: results.columns.append((options.strengthGraph ?? self).strength(.outgoing))
                case .betweenness:
                    if let k = options.approximateSources {
                        let sampled = approximateBetweenness(sampleSize: k, seed: options.seed, weightsMean: options.weightsMean, threads: options.threads)
                        results.columns.append(sampled.estimate)
                        results.columns.append(sampled.lower)
                        results.columns.append(sampled.upper)
                        results.columns.append(sampled.standardError)
                    } else {
                        let total = nodeCount
                        let report: (@Sendable (Int) -> Void)? = progress.map { say in { @Sendable done in say("betweenness: source \(done) of \(total)") } }
                        results.columns.append(betweenness(weightsMean: options.weightsMean, threads: options.threads, progress: report))
                    }
                case .closeness: results.columns.append(Self.closeness(from: distances(outgoing: false), nodeCount: nodeCount, outgoing: false))
                case .outCloseness: results.columns.append(Self.closeness(from: distances(outgoing: true), nodeCount: nodeCount, outgoing: true))
                case .harmonic: results.columns.append(NodeScores(measure: "harmonic", values: distances(outgoing: false).map(\.inverseTotal)))
                case .outHarmonic: results.columns.append(NodeScores(measure: "out_harmonic", values: distances(outgoing: true).map(\.inverseTotal)))
                case .eigenvector:
                    let iterations = options.maxIterations ?? 1000
                    results.columns.append(options.perComponent ? try eigenvectorByComponent(maxIterations: iterations, tolerance: tolerance)
                        : try eigenvector(maxIterations: iterations, tolerance: tolerance))
                case .pagerank: results.columns.append(try pagerank(maxIterations: options.maxIterations ?? 1000, tolerance: tolerance))
                case .katz: results.columns.append(try katz(maxIterations: options.maxIterations ?? 1000, tolerance: tolerance))
                case .hub, .authority:
                    if hitsCache == nil { hitsCache = try hits(maxIterations: options.maxIterations ?? 10_000, tolerance: tolerance) }
                    results.columns.append(measure == .hub ? hitsCache!.hub : hitsCache!.authority)
                case .coreNumber: results.columns.append(coreNumber())
                case .clustering: results.columns.append(clustering(threads: options.threads))
                case .constraint, .effectiveSize, .efficiency, .hierarchy:
                    if holesCache == nil { holesCache = structuralHoles() }
                    let holes = holesCache!
                    switch measure {
                    case .constraint: results.columns.append(holes.constraint)
                    case .effectiveSize: results.columns.append(holes.effectiveSize)
                    case .efficiency: results.columns.append(holes.efficiency)
                    default: results.columns.append(holes.hierarchy)
                    }
                }
            } catch let error as AnalysisError {
                if strict { throw error }
                results.skipped.append((measure, error))
            }
        }
        return results
    }
}
