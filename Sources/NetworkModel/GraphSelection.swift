/// Which ties of a network become the arcs of a `Graph`, and how.
public struct GraphSelection: Hashable, Sendable {
    /// How the graph's direction relates to the network's.
    public enum Direction: Hashable, Sendable {
        /// As declared: a directed network gives a directed graph (ties marked undirected become two
        /// arcs); an undirected network gives an undirected graph (ties marked directed are read as undirected).
        case asDeclared
        /// An undirected graph whatever the network says: `u → v` and `v → u` become one edge.
        case undirected
        /// A directed graph with every arc turned around (ties marked undirected still give both arcs).
        case reversed
    }

    /// How ties between the same two stakeholders (in the same direction, when directed) combine into one arc.
    public enum ParallelTies: String, Hashable, Sendable, CaseIterable {
        /// Weights add up (strengths accumulate).
        case sum
        /// The strongest tie counts.
        case max
        /// The weight is the number of ties.
        case count
    }

    /// What a tie contributes as weight.
    public enum Weighting: Hashable, Sendable {
        /// Unweighted: every tie contributes 1 (so `sum` and `count` give the multiplicity).
        case none
        /// The tie's recorded strength (`Tie.weight`).
        case strength
        /// A numeric free attribute of the tie; a tie where it is missing or not a number is an error.
        case attribute(String)
    }

    /// Only ties of these kinds (`nil`: every kind). Ties without a kind are kept only when `nil`.
    public var tieKinds: Set<TieKind>?
    /// Only ties active at some time in these years (`nil`: every tie).
    public var period: ClosedRange<Int>?
    public var direction: Direction
    public var parallelTies: ParallelTies
    public var weighting: Weighting
    /// Whether ties from a stakeholder to itself are kept. Off by default, as most measures assume no loops.
    public var keepSelfLoops: Bool

    public init(tieKinds: Set<TieKind>? = nil, period: ClosedRange<Int>? = nil, direction: Direction = .asDeclared,
                parallelTies: ParallelTies = .sum, weighting: Weighting = .none, keepSelfLoops: Bool = false) {
        self.tieKinds = tieKinds
        self.period = period
        self.direction = direction
        self.parallelTies = parallelTies
        self.weighting = weighting
        self.keepSelfLoops = keepSelfLoops
    }

    /// Whether a tie takes part in the graph (weight aside).
    public func includes(_ tie: Tie) -> Bool {
        if !keepSelfLoops, tie.isSelfLoop { return false }
        if let tieKinds {
            guard let kind = tie.kind, tieKinds.contains(kind) else { return false }
        }
        if let period, !tie.isActive(in: period) { return false }
        return true
    }

    /// Whether tie `index` of `ties` takes part in the graph, as `includes(_:)` says, read from the columns.
    @inlinable
    public func includes(_ ties: TieColumns, at index: Int) -> Bool {
        if !keepSelfLoops, ties.sources[index] == ties.targets[index] { return false }
        if let tieKinds {
            guard let kind = ties.kind(at: index), tieKinds.contains(kind) else { return false }
        }
        if let period, !ties.isActive(at: index, in: period) { return false }
        return true
    }
}

/// A tie whose weight cannot be read for a graph.
public struct GraphWeightError: Error, Equatable, Sendable {
    public let tieIndex: Int
    /// The file line of the tie (0 when unknown).
    public let line: Int
    public let attribute: String
    public let found: String?

    public init(tieIndex: Int, line: Int, attribute: String, found: String?) {
        self.tieIndex = tieIndex
        self.line = line
        self.attribute = attribute
        self.found = found
    }

    public var message: String {
        if let found { return "tie attribute '\(attribute)' is '\(found)', not a finite number, so it cannot be a weight" }
        return "tie has no value for '\(attribute)', so it cannot be a weight"
    }
}
