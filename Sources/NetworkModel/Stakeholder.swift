/// An organisation or group in a stakeholder network.
public struct Stakeholder: Hashable, Sendable {
    /// Unique within its network; how ties name it.
    public var id: String
    /// What to show people; the id when a file gives no label.
    public var label: String
    /// `nil` when the file gives none.
    public var kind: StakeholderKind?
    /// The sector it works in (`health`, `social-care`, `leisure` …); `nil` when not given.
    public var sector: String?
    /// Every other column of its row, typed per column.
    public var attributes: [String: AttributeValue]

    public init(id: String, label: String? = nil, kind: StakeholderKind? = nil, sector: String? = nil,
                attributes: [String: AttributeValue] = [:]) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.sector = sector
        self.attributes = attributes
    }

    /// A named property: `id`, `label`, `kind`, `sector`, or a free attribute (missing when absent).
    public func value(of property: String) -> AttributeValue {
        switch property {
        case "id": return .text(id)
        case "label": return .text(label)
        case "kind": return kind.map { .text($0.name) } ?? .missing
        case "sector": return sector.map(AttributeValue.text) ?? .missing
        default: return attributes[property] ?? .missing
        }
    }
}

/// Whether a tie runs one way, both ways, or as the network says.
public enum TieDirection: UInt8, Hashable, Sendable {
    /// As the network is declared (the usual case).
    case asNetwork
    /// From source to target only, even in an undirected network (read as undirected there; see `Graph`).
    case directed
    /// Both ways, even in a directed network.
    case undirected
}

/// A relation between two stakeholders, as recorded.
///
/// Kept compact (64 bytes plus its attributes) because national registers hold millions of ties.
public struct Tie: Hashable, Sendable {
    // Stored properties are ordered to pack into 64 bytes.
    /// Index of the source stakeholder in `StakeholderNetwork.stakeholders`.
    public var source: Int32
    /// Index of the target stakeholder.
    public var target: Int32
    /// Line of the file it was read from (see `StakeholderNetwork.tieFile`); 0 when not read from a file.
    public var line: Int32
    /// First year the tie is active; `nil` means since always.
    public var start: Int32?
    /// Last year the tie is active; `nil` means still active.
    public var end: Int32?
    public var direction: TieDirection
    /// `nil` when the file gives none.
    public var kind: TieKind?
    /// Strength: bigger means closer (see DESIGN.md, Weights). 1 when the file gives none.
    public var weight: Double
    /// Every other column of its row, typed per column.
    public var attributes: [String: AttributeValue]

    public init(source: Int32, target: Int32, kind: TieKind? = nil, weight: Double = 1, direction: TieDirection = .asNetwork,
                start: Int32? = nil, end: Int32? = nil, attributes: [String: AttributeValue] = [:], line: Int32 = 0) {
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.direction = direction
        self.start = start
        self.end = end
        self.attributes = attributes
        self.line = line
    }

    public var isSelfLoop: Bool { source == target }

    /// Whether the tie is active at some time in `years` (open ends reach as far as needed).
    public func isActive(in years: ClosedRange<Int>) -> Bool {
        if let start, Int(start) > years.upperBound { return false }
        if let end, Int(end) < years.lowerBound { return false }
        return true
    }
}
