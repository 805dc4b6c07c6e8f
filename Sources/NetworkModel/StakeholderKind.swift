/// What sort of organisation or group a stakeholder is.
///
/// Nine kinds are known out of the box, each with a stable name used in files and output. A file may
/// spell a known kind loosely (`Spin out`, `spin_out`, `Public service mutual`); it is read as the known
/// kind. Any other kind is kept as the file gives it.
public struct StakeholderKind: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The stable name (`spin-out`), or the text a file gave for a kind that is not known.
    public let name: String

    public init(name: String) { self.name = name }

    public static let spinOut = StakeholderKind(name: "spin-out")
    public static let funder = StakeholderKind(name: "funder")
    public static let university = StakeholderKind(name: "university")
    public static let union = StakeholderKind(name: "union")
    public static let supportProvider = StakeholderKind(name: "support-provider")
    public static let commissioner = StakeholderKind(name: "commissioner")
    public static let policyMaker = StakeholderKind(name: "policy-maker")
    public static let userGroup = StakeholderKind(name: "user-group")
    public static let leisureTrust = StakeholderKind(name: "leisure-trust")

    /// The kinds known out of the box, in the order output lists them.
    public static let known: [StakeholderKind] = [
        .spinOut, .leisureTrust, .funder, .commissioner, .policyMaker, .university, .supportProvider, .union, .userGroup,
    ]

    /// Spellings read as a known kind, after `KindName.normalised`.
    static let aliases: [String: StakeholderKind] = {
        var table: [String: StakeholderKind] = [:]
        for kind in known { table[kind.name] = kind }
        let extra: [(String, StakeholderKind)] = [
            ("spinout", .spinOut), ("mutual", .spinOut), ("public-service-mutual", .spinOut), ("psm", .spinOut),
            ("funding-body", .funder), ("research-centre", .university), ("research-center", .university),
            ("trade-union", .union), ("support", .supportProvider), ("support-organisation", .supportProvider),
            ("council", .commissioner), ("local-authority", .commissioner), ("government-department", .commissioner),
            ("policymaker", .policyMaker), ("users", .userGroup), ("user", .userGroup), ("leisure", .leisureTrust),
        ]
        for (alias, kind) in extra { table[alias] = kind }
        return table
    }()

    /// Reads a kind as a file names it: a known kind by any of its spellings, otherwise the text as given.
    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces
        self = StakeholderKind.aliases[KindName.normalised(trimmed)] ?? StakeholderKind(name: trimmed)
    }

    /// Whether this is one of the kinds known out of the box.
    public var isKnown: Bool { StakeholderKind.known.contains(self) }

    public var description: String { name }

    public static func < (lhs: StakeholderKind, rhs: StakeholderKind) -> Bool { KindName.precedes(lhs.name, rhs.name, known: known.map(\.name)) }
}

/// What a tie between two stakeholders stands for.
///
/// Eight kinds are known out of the box; any other kind is kept as the file gives it.
public struct TieKind: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let name: String

    public init(name: String) { self.name = name }

    public static let funding = TieKind(name: "funding")
    public static let support = TieKind(name: "support")
    public static let commissioning = TieKind(name: "commissioning")
    public static let partnership = TieKind(name: "partnership")
    public static let membership = TieKind(name: "membership")
    public static let representation = TieKind(name: "representation")
    public static let research = TieKind(name: "research")
    public static let knowledgeExchange = TieKind(name: "knowledge-exchange")

    public static let known: [TieKind] = [
        .funding, .support, .commissioning, .partnership, .membership, .representation, .research, .knowledgeExchange,
    ]

    static let aliases: [String: TieKind] = {
        var table: [String: TieKind] = [:]
        for kind in known { table[kind.name] = kind }
        let extra: [(String, TieKind)] = [
            ("funds", .funding), ("grant", .funding), ("supports", .support), ("commissions", .commissioning),
            ("contract", .commissioning), ("partner", .partnership), ("member", .membership), ("member-of", .membership),
            ("represents", .representation), ("knowledge", .knowledgeExchange), ("knowledge-transfer", .knowledgeExchange),
        ]
        for (alias, kind) in extra { table[alias] = kind }
        return table
    }()

    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces
        self = TieKind.aliases[KindName.normalised(trimmed)] ?? TieKind(name: trimmed)
    }

    public var isKnown: Bool { TieKind.known.contains(self) }

    public var description: String { name }

    public static func < (lhs: TieKind, rhs: TieKind) -> Bool { KindName.precedes(lhs.name, rhs.name, known: known.map(\.name)) }
}

enum KindName {
    /// Lower case, with runs of spaces, underscores and hyphens as one hyphen: `Spin_out ` → `spin-out`.
    static func normalised(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character == " " || character == "_" || character == "-" {
                pendingHyphen = !result.isEmpty
            } else {
                if pendingHyphen { result.append("-"); pendingHyphen = false }
                result.append(character)
            }
        }
        return result
    }

    /// Known kinds first in their listed order, then the others alphabetically.
    static func precedes(_ lhs: String, _ rhs: String, known: [String]) -> Bool {
        switch (known.firstIndex(of: lhs), known.firstIndex(of: rhs)) {
        case let (l?, r?): return l < r
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return lhs < rhs
        }
    }
}
