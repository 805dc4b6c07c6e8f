import NetworkModel

/// How an innovation spreads from its first adopters.
public enum DiffusionModel: Sendable, Equatable {
    /// Independent cascade (Kempe, Kleinberg & Tardos 2003): each new adopter has one chance to convince
    /// each out-neighbour, with that tie's probability.
    case independentCascade
    /// Linear threshold (Kempe et al. 2003): a stakeholder adopts once the strength of its adopting
    /// in-neighbours, as a share of its in-coming strength, reaches its threshold, drawn uniformly on [0, 1].
    case linearThreshold
    /// Fractional threshold (Granovetter 1978, Valente 1995): a stakeholder adopts once the share of its
    /// in-neighbours that adopted reaches its threshold (`thresholds[v]`). No randomness.
    case fractionalThreshold(thresholds: [Double])
    /// Susceptible–infected–recovered in discrete steps: each infected stakeholder passes it to each
    /// susceptible out-neighbour with the tie's probability, then recovers with probability `recovery`
    /// (0: the SI model). Recovered stakeholders stay immune.
    case sir(recovery: Double)
    /// Susceptible–infected–susceptible: as SIR, but recovered stakeholders can be infected again.
    case sis(recovery: Double)
    /// Bass-style adoption on a network: each step, a stakeholder adopts on its own with probability
    /// `external` (innovation), or through each adopting in-neighbour with that tie's probability (imitation).
    case bass(external: Double)

    /// Whether a run can go on for ever without a step limit.
    var needsStepLimit: Bool {
        switch self {
        case .sis, .bass: return true
        default: return false
        }
    }
}

/// Monte Carlo settings.
public struct DiffusionSettings: Sendable {
    public var runs: Int
    /// At most this many steps per run (`nil`: until nothing changes; SIS and Bass default to 100).
    public var steps: Int?
    public var seed: UInt64
    public var threads: Int

    public init(runs: Int = 10_000, steps: Int? = nil, seed: UInt64 = 1, threads: Int = 1) {
        self.runs = runs
        self.steps = steps
        self.seed = seed
        self.threads = threads
    }
}

/// What many simulated spreads add up to.
public struct DiffusionResult: Sendable {
    public let runs: Int
    /// Share of runs in which each stakeholder adopted (seeds: 1), and its standard error √(p(1−p)/N).
    public let adoptionProbability: [Double]
    public let standardError: [Double]
    /// Mean step of adoption over the runs in which the stakeholder adopted (seeds: 0); NaN if it never did.
    public let meanStep: [Double]
    /// Expected number of adopters by each step (cumulative), with a 95% interval for that mean.
    public let curve: [CurvePoint]
    /// `spreadCounts[k]`: runs that ended with k adopters.
    public let spreadCounts: [Int]

    public struct CurvePoint: Sendable, Equatable {
        public let step: Int
        public let mean: Double
        public let lower: Double
        public let upper: Double
    }

    /// Expected final number of adopters, and its standard error.
    public var expectedSpread: (mean: Double, standardError: Double) {
        let n = Double(runs)
        let mean = spreadCounts.enumerated().reduce(0) { $0 + Double($1.offset * $1.element) } / n
        let variance = spreadCounts.enumerated().reduce(0) { $0 + Double($1.element) * (Double($1.offset) - mean) * (Double($1.offset) - mean) } / Swift.max(1, n - 1)
        return (mean, (variance / n).squareRoot())
    }
}
