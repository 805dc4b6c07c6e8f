import Foundation

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
    /// The ties, column by column (see `TieColumns`).
    public private(set) var ties: TieColumns
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
    /// Stakeholders by id, made at the first look-up (most commands never look one up).
    private let indexByID: StakeholderIndex

    /// - Precondition: ids are unique and every tie names stakeholders that exist.
    public init(name: String, description: String? = nil, isDirected: Bool, stakeholders: [Stakeholder], ties: [Tie],
                stakeholderFile: String? = nil, tieFile: String? = nil) {
        self.init(name: name, description: description, isDirected: isDirected, stakeholders: stakeholders, ties: TieColumns(ties),
                  stakeholderFile: stakeholderFile, tieFile: tieFile)
    }

    /// - Precondition: ids are unique (checked when the first stakeholder is looked up by id) and every tie
    ///   names stakeholders that exist.
    public init(name: String, description: String? = nil, isDirected: Bool, stakeholders: [Stakeholder], ties: TieColumns,
                stakeholderFile: String? = nil, tieFile: String? = nil) {
        let n = Int32(clamping: stakeholders.count)
        for column in [ties.sources, ties.targets] {
            precondition(column.allSatisfy { $0 >= 0 && $0 < n }, "tie names a stakeholder that does not exist")
        }
        self.name = name
        self.description = description
        self.isDirected = isDirected
        self.stakeholders = stakeholders
        self.ties = ties
        self.stakeholderFile = stakeholderFile
        self.tieFile = tieFile
        self.indexByID = StakeholderIndex()
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
    public func index(of id: String) -> Int? { indexByID.index(of: id, among: stakeholders) }

    /// The stakeholder with this id, if there is one. O(1).
    public subscript(id id: String) -> Stakeholder? { index(of: id).map { stakeholders[$0] } }

    /// Whether a tie runs one way in this network (its own direction, else the network's).
    public func isDirected(_ tie: Tie) -> Bool { isDirected(tie.direction) }

    /// `isDirected(ties[index])` without making the tie.
    public func isDirected(tieAt index: Int) -> Bool { isDirected(ties.direction(at: index)) }

    private func isDirected(_ direction: TieDirection) -> Bool {
        switch direction {
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
        let keptTies = ties.indices.filter { position[Int(ties.sources[$0])] >= 0 && position[Int(ties.targets[$0])] >= 0 }
        let subTies = ties.gathering(keptTies).renumberingEnds(position)
        var sub = StakeholderNetwork(name: name ?? self.name, description: description, isDirected: isDirected,
                                     stakeholders: kept.map { stakeholders[$0] }, ties: subTies, stakeholderFile: stakeholderFile, tieFile: tieFile)
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
        copy.ties = ties.filtered { selection.includes($0) }
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
    public func replacingTies(with ties: [Tie]) -> StakeholderNetwork { replacingTies(with: TieColumns(ties)) }

    /// The same stakeholders with other ties among them.
    /// - Precondition: every tie names stakeholders of this network.
    public func replacingTies(with ties: TieColumns) -> StakeholderNetwork {
        let n = Int32(clamping: stakeholderCount)
        precondition(ties.sources.allSatisfy { $0 >= 0 && $0 < n } && ties.targets.allSatisfy { $0 >= 0 && $0 < n })
        var copy = self
        copy.ties = ties
        return copy
    }
}

extension StakeholderNetwork {
    /// The earliest and latest year any tie kept by `keep` records (start or end), or nil when none does.
    /// - Complexity: O(m).
    public func tieYears(keeping keep: (Tie) -> Bool) -> ClosedRange<Int>? {
        var low = Int32.max, high = Int32.min
        for tie in ties where keep(tie) {
            if let start = tie.start { low = Swift.min(low, start); high = Swift.max(high, start) }
            if let end = tie.end { low = Swift.min(low, end); high = Swift.max(high, end) }
        }
        return low <= high ? Int(low) ... Int(high) : nil
    }

    /// The earliest and latest year any tie records (start or end), or nil when none does.
    /// - Complexity: O(m), reading the year columns alone.
    public func tieYears() -> ClosedRange<Int>? {
        var low = Int32.max, high = Int32.min
        for column in [ties.starts, ties.ends] {
            for year in column where year != TieColumns.noYear {
                low = Swift.min(low, year)
                high = Swift.max(high, year)
            }
        }
        return low <= high ? Int(low) ... Int(high) : nil
    }
}

/// Stakeholders' indices by id, made once, at the first look-up, by whichever thread asks first.
final class StakeholderIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [String: Int32]?

    func index(of id: String, among stakeholders: [Stakeholder]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if table == nil {
            var made: [String: Int32] = [:]
            made.reserveCapacity(stakeholders.count)
            for (i, stakeholder) in stakeholders.enumerated() {
                precondition(made.updateValue(Int32(i), forKey: stakeholder.id) == nil, "duplicate stakeholder id \(stakeholder.id)")
            }
            table = made
        }
        return table![id].map(Int.init)
    }
}
