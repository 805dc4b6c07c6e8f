/// The attributed model users think in: stakeholders and the ties between them.
///
/// Ties name stakeholders by index, so a network is always consistent: every tie's ends exist.
/// Build one through `StakeholderNetwork.init` (which checks this) or a reader in `NetworkIO`.
public struct StakeholderNetwork: Sendable {
    public var name: String
    public var description: String?
    /// Whether ties run from source to target unless a tie says otherwise.
    public var isDirected: Bool
    public private(set) var stakeholders: [Stakeholder]
    public private(set) var ties: [Tie]
    /// The file stakeholders were read from, for messages; `nil` when they were inferred or built in code.
    public var stakeholderFile: String?
    /// The file ties were read from; `Tie.line` refers to it.
    public var tieFile: String?
    /// The people interviewed, when ties were reported by respondents (see `Interviews.swift`); empty otherwise.
    public internal(set) var respondents: [Respondent] = []
    /// Respondents' ratings of stakeholders' influence.
    public internal(set) var perceptions: [Perception] = []
    /// How respondents' reports were made into these ties (`share:0.5` …), when they were; `nil` for ties as recorded.
    public var consensusRule: String?
    private var indexByID: [String: Int32]

    /// - Precondition: ids are unique and every tie names stakeholders that exist.
    public init(name: String, description: String? = nil, isDirected: Bool, stakeholders: [Stakeholder], ties: [Tie],
                stakeholderFile: String? = nil, tieFile: String? = nil) {
        var index: [String: Int32] = [:]
        index.reserveCapacity(stakeholders.count)
        for (i, stakeholder) in stakeholders.enumerated() {
            precondition(index.updateValue(Int32(i), forKey: stakeholder.id) == nil, "duplicate stakeholder id \(stakeholder.id)")
        }
        for tie in ties {
            precondition(tie.source >= 0 && Int(tie.source) < stakeholders.count && tie.target >= 0 && Int(tie.target) < stakeholders.count,
                         "tie names a stakeholder that does not exist")
        }
        self.name = name
        self.description = description
        self.isDirected = isDirected
        self.stakeholders = stakeholders
        self.ties = ties
        self.stakeholderFile = stakeholderFile
        self.tieFile = tieFile
        self.indexByID = index
    }

    /// A network built from ids, for code and tests: stakeholders in order of first mention.
    public init(name: String = "network", isDirected: Bool, edges: [(String, String)]) {
        var stakeholders: [Stakeholder] = []
        var index: [String: Int32] = [:]
        func intern(_ id: String) -> Int32 {
            if let i = index[id] { return i }
            let i = Int32(stakeholders.count)
            stakeholders.append(Stakeholder(id: id))
            index[id] = i
            return i
        }
        let ties = edges.map { Tie(source: intern($0.0), target: intern($0.1)) }
        self.init(name: name, isDirected: isDirected, stakeholders: stakeholders, ties: ties)
    }

    public var stakeholderCount: Int { stakeholders.count }
    public var tieCount: Int { ties.count }

    /// The index of the stakeholder with this id, if there is one. O(1).
    public func index(of id: String) -> Int? { indexByID[id].map(Int.init) }

    /// The stakeholder with this id, if there is one. O(1).
    public subscript(id id: String) -> Stakeholder? { index(of: id).map { stakeholders[$0] } }

    /// Whether a tie runs one way in this network (its own direction, else the network's).
    public func isDirected(_ tie: Tie) -> Bool {
        switch tie.direction {
        case .asNetwork: return isDirected
        case .directed: return true
        case .undirected: return false
        }
    }
}

extension StakeholderNetwork {
    /// The network of some stakeholders (indices, in the order given) and the ties among them.
    /// - Complexity: O(n + m).
    public func subnetwork(keeping kept: [Int], name: String? = nil) -> StakeholderNetwork {
        var position = [Int32](repeating: -1, count: stakeholderCount)
        for (i, v) in kept.enumerated() { position[v] = Int32(i) }
        let ties = ties.compactMap { tie -> Tie? in
            let s = position[Int(tie.source)], t = position[Int(tie.target)]
            guard s >= 0, t >= 0 else { return nil }
            var copy = tie
            copy.source = s
            copy.target = t
            return copy
        }
        var sub = StakeholderNetwork(name: name ?? self.name, description: description, isDirected: isDirected,
                                     stakeholders: kept.map { stakeholders[$0] }, ties: ties, stakeholderFile: stakeholderFile, tieFile: tieFile)
        // Respondents stay (their reports of kept stakeholders still count); an organisation left out is no longer theirs.
        sub.respondents = respondents.map { respondent in
            var copy = respondent
            copy.organisation = respondent.organisation.flatMap { position[Int($0)] >= 0 ? position[Int($0)] : nil }
            return copy
        }
        sub.perceptions = perceptions.compactMap { perception in
            let s = position[Int(perception.stakeholder)]
            guard s >= 0 else { return nil }
            var copy = perception
            copy.stakeholder = s
            return copy
        }
        return sub
    }
}

extension StakeholderNetwork {
    /// The same stakeholders with only the ties `selection` includes (kind and period; self-loops kept or
    /// not as it says), for pictures and tables that show ties as recorded.
    /// - Complexity: O(n + m).
    public func keepingTies(_ selection: GraphSelection) -> StakeholderNetwork {
        var copy = self
        copy.ties = ties.filter { selection.includes($0) }
        return copy
    }
}

/// The version of StakeNet, as `stakenet --version` and reports state it.
public enum StakeNetVersion {
    public static let current = "0.2.0"
}

extension StakeholderNetwork {
    /// The same stakeholders with other ties among them (a subset of these ties, for example).
    /// - Precondition: every tie names stakeholders of this network.
    public func replacingTies(with ties: [Tie]) -> StakeholderNetwork {
        var copy = self
        copy.ties = ties
        return copy
    }
}

extension StakeholderNetwork {
    /// The earliest and latest year any tie kept by `keep` records (start or end), or nil when none does.
    /// - Complexity: O(m).
    public func tieYears(keeping keep: (Tie) -> Bool = { _ in true }) -> ClosedRange<Int>? {
        var low = Int32.max, high = Int32.min
        for tie in ties where keep(tie) {
            if let start = tie.start { low = Swift.min(low, start); high = Swift.max(high, start) }
            if let end = tie.end { low = Swift.min(low, end); high = Swift.max(high, end) }
        }
        return low <= high ? Int(low) ... Int(high) : nil
    }
}
