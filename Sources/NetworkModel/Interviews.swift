/// A person interviewed about the network (a director, a trustee, a member of staff, a user, a policy
/// maker …), who reported ties and perhaps rated stakeholders' influence.
public struct Respondent: Hashable, Sendable {
    /// Unique among the network's respondents; how ties' `respondent` cells and perceptions name them.
    public var id: String
    /// Their role (`director`, `staff`, `union` …; any text), `nil` when not given.
    public var role: String?
    /// Index of the stakeholder they belong to, if any (the organisation whose own ties they know first-hand).
    public var organisation: Int32?
    /// Every other column of their row.
    public var attributes: [String: AttributeValue]
    /// Line of the respondents table they were read from; 0 when inferred from the ties or built in code.
    public var line: Int32

    public init(id: String, role: String? = nil, organisation: Int32? = nil, attributes: [String: AttributeValue] = [:], line: Int32 = 0) {
        self.id = id
        self.role = role
        self.organisation = organisation
        self.attributes = attributes
        self.line = line
    }

    /// A named property: `id`, `role`, or a free attribute (missing when absent). The organisation is a
    /// stakeholder index; callers name it through the network.
    public func value(of property: String) -> AttributeValue {
        switch property {
        case "id": return .text(id)
        case "role": return role.map(AttributeValue.text) ?? .missing
        default: return attributes[property] ?? .missing
        }
    }
}

/// One respondent's rating of one stakeholder's influence (a Net-Map influence tower's height).
public struct Perception: Hashable, Sendable {
    /// Index into `StakeholderNetwork.respondents`.
    public var respondent: Int32
    /// Index into `StakeholderNetwork.stakeholders`.
    public var stakeholder: Int32
    public var influence: Double
    /// Every other column of its row (`attitude` …).
    public var attributes: [String: AttributeValue]
    public var line: Int32

    public init(respondent: Int32, stakeholder: Int32, influence: Double, attributes: [String: AttributeValue] = [:], line: Int32 = 0) {
        self.respondent = respondent
        self.stakeholder = stakeholder
        self.influence = influence
        self.attributes = attributes
        self.line = line
    }
}

extension Tie {
    /// The tie attribute that names who reported a tie (read from a `respondent`, `reported_by` or
    /// `informant` column).
    public static let respondentAttribute = "respondent"

    /// Who reported this tie, or `nil` for a tie known from other sources (documents, registers).
    public var respondent: String? {
        if case .text(let id)? = attributes[Tie.respondentAttribute], !id.isEmpty { return id }
        return nil
    }

    /// The attributes a consensus network's ties carry: how many respondents reported the tie, their share of
    /// those who could, and who they were (ids joined by "; ").
    public static let supportAttribute = "support", shareAttribute = "share", reportersAttribute = "respondents"

    /// How many respondents reported this tie of a consensus network (0 for a tie known from other sources,
    /// or not from a consensus).
    public var support: Int { attributes[Tie.supportAttribute]?.numericValue.map { Int($0) } ?? 0 }

    /// Who reported this tie of a consensus network ("a; b"), `nil` when no respondent did.
    public var reporters: String? { attributes[Tie.reportersAttribute]?.text.flatMap { $0.isEmpty ? nil : $0 } }
}

extension StakeholderNetwork {
    /// Whether some tie was reported by a respondent: the network is many people's views of one network.
    public var hasReports: Bool {
        guard let column = ties.attribute(named: Tie.respondentAttribute) else { return false }
        let names = column.values.map { value in
            if case .text(let id) = value, !id.isEmpty { return true }
            return false
        }
        return column.codes.contains { names[Int($0)] }
    }

    /// The same network with these respondents and perceptions (indices as `Respondent` and `Perception` state).
    /// - Precondition: organisations and perceptions name stakeholders and respondents that exist.
    public func withInterviews(respondents: [Respondent], perceptions: [Perception]) -> StakeholderNetwork {
        precondition(respondents.allSatisfy { $0.organisation.map { $0 >= 0 && Int($0) < stakeholderCount } ?? true })
        precondition(perceptions.allSatisfy { $0.respondent >= 0 && Int($0.respondent) < respondents.count && $0.stakeholder >= 0 && Int($0.stakeholder) < stakeholderCount })
        var copy = self
        copy.respondents = respondents
        copy.perceptions = perceptions
        return copy
    }
}
