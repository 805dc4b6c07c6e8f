/// An analysis that could not give a trustworthy answer.
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An iterative measure did not reach its tolerance.
    case notConverged(measure: String, iterations: Int, tolerance: Double)
    /// A measure that needs a connected network was asked of one that is not.
    case disconnected(measure: String, components: Int)
    /// Anything else, said plainly.
    case invalid(String)

    public var description: String {
        switch self {
        case let .notConverged(measure, iterations, tolerance):
            return "\(measure) did not converge in \(iterations) iterations to tolerance \(tolerance); no values are given"
        case let .disconnected(measure, components):
            return "\(measure) is not defined on a disconnected network (\(components) components); ask for it per component"
        case let .invalid(message):
            return message
        }
    }
}

/// Where the iterative measures (PageRank, eigenvector, Katz, HITS) stop.
public enum IterationDefaults {
    /// The L1 change of the iterate, relative to its L1 norm, below which iteration stops: tight enough
    /// that results equal converged references (NetworkX with `tol=1e-13`, igraph's PRPACK) within 1e-9.
    public static let tolerance = 1e-12
}
