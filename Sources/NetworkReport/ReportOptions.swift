import Foundation
import GraphvizRendering
import NetworkDiffusion
import NetworkMetrics
import NetworkModel
import NetworkPerception

/// What a report covers and how it was asked for.
public struct ReportOptions: Sendable {
    /// The page's title (the network's name when `nil`).
    public var title: String?
    /// Stakeholder property to compare groups by and draw per-group maps of (`--by sector`).
    public var by: String?
    /// With `by`: only these groups are compared and mapped, everyone else held fixed as `(other)`.
    public var groups: [String]?
    /// Stakeholders without a value for `by` form a group `(none)` instead of being left out of the groups.
    public var missingAsGroup = false
    /// The first adopters for the diffusion section; `nil` picks the best `seedCount` by influence maximisation.
    public var seeds: [Int]?
    public var seedCount = 3
    /// Where tie probabilities come from for diffusion and reach.
    public var probability: TieProbability = .constant(0.1)
    /// Monte Carlo runs for the adoption curve and reach.
    public var runs = 2000
    /// Relabellings for the comparison's permutation tests.
    public var permutations = 2000
    public var seed: UInt64 = 1
    public var threads = Parallel.defaultThreads
    /// Files the network was read from (for their SHA-256 in the provenance section).
    public var inputs: [String] = []
    /// The command or call that made the report, as it should be shown.
    public var invocation = ""
    /// Which stakeholders and ties the network was cut down to before the report (`--where`, tie
    /// selections), in words; shown in the provenance section.
    public var selection: String?
    /// The date shown (`SOURCE_DATE_EPOCH` or now when `nil`).
    public var date: Date?
    /// Networks larger than this are mapped by their most central stakeholders only.
    public var mapLimit = 2000
    /// The network as recorded, when its ties are respondents' reports (the report analyses their consensus
    /// and adds "Whose view?"), with the consensus method and whether respondents were asked about every pair.
    public var interviews: StakeholderNetwork?
    public var consensus: ConsensusMethod = .standard
    public var roster = false
    /// Scores computed elsewhere (`report --scores`, such as the GraphX jobs' results), one per measure
    /// with the file it came from: degree, pagerank and betweenness replace StakeNet's own (they must
    /// give every stakeholder a value); every other one is a column of the key stakeholders' table, and a
    /// `community` column is also described with its modularity.
    public var importedScores: [ImportedMeasure] = []
    /// Betweenness from this many sampled sources; `nil` leaves the choice to `BetweennessMethod.automatic`
    /// (exact while stakeholders × arcs stays within its budget), `exactBetweenness` forces exact.
    public var approximateSources: Int?
    public var exactBetweenness = false
    /// Where Graphviz draws the maps (a worker process by default).
    public var graphviz: GraphvizIsolation = .standard

    public init() {}
}

/// One measure computed elsewhere, by stakeholder (NaN where it has no value), and the file it came from.
public struct ImportedMeasure: Sendable {
    public var scores: NodeScores
    public var source: String

    public init(scores: NodeScores, source: String) {
        self.scores = scores
        self.source = source
    }

    /// The measures the report computes itself and takes from here when given.
    public static let replaceable = ["degree", "pagerank", "betweenness"]
}
