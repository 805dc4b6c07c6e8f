import NetworkModel

/// How many respondents' reports become one network (`stakenet consensus --method`, `--consensus`).
public enum ConsensusMethod: Hashable, Sendable, CustomStringConvertible {
    /// A tie any respondent reported.
    case union
    /// A tie every respondent who could report it reported.
    case intersection
    /// A tie at least K respondents reported.
    case threshold(Int)
    /// A tie reported by at least this share of the respondents who could report it (0 < F ≤ 1).
    case share(Double)
    /// Locally aggregated structure, intersection: i–j is a tie when a respondent of i and a respondent
    /// of j both report it (Krackhardt 1987); one respondent of each suffices.
    case lasIntersection
    /// Locally aggregated structure, union: a respondent of i or a respondent of j reports it.
    case lasUnion
    /// i → j as i's own respondents report it (sna's `OR.row`; directed networks).
    case lasRow
    /// i → j as j's own respondents report it (sna's `OR.col`; directed networks).
    case lasColumn
    /// The answer key of Batchelder and Romney's consensus model, weighting each respondent by their
    /// estimated competence (see `RomneyBatchelder`).
    case romneyBatchelder

    /// The method used when a multi-respondent network is analysed and none is named: a tie reported by at
    /// least half the respondents who could report it — Krackhardt's (1987) consensus structure at his
    /// threshold of one half, and R sna's default (`central.graph`) on a roster. It neither demands the
    /// agreement of both ends' own respondents (LAS), which Net-Map interviews of outsiders cannot give, nor
    /// takes a single respondent's word (union).
    public static let standard = ConsensusMethod.share(0.5)

    public static let names = ["union", "intersection", "threshold:K", "share:F", "las-intersection", "las-union", "las-row", "las-column", "romney-batchelder"]

    /// Reads a method's name (`share:0.5`, `threshold:2`, `las-union` …; `central-graph` is `share:0.5`).
    public init(parsing text: String) throws {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = lowered.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            switch parts[0] {
            case "threshold":
                guard let k = Int(parts[1]), k >= 1 else { throw ConsensusError.badMethod("threshold:K takes a whole number of respondents of at least 1, not '\(parts[1])'") }
                self = .threshold(k)
                return
            case "share":
                guard let f = Double(parts[1]), f > 0, f <= 1 else { throw ConsensusError.badMethod("share:F takes a share above 0 and at most 1, not '\(parts[1])'") }
                self = .share(f)
                return
            default: break
            }
        }
        switch lowered.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-") {
        case "union", "or": self = .union
        case "intersection", "and": self = .intersection
        case "central-graph", "majority": self = .share(0.5)
        case "las-intersection": self = .lasIntersection
        case "las-union": self = .lasUnion
        case "las-row", "or-row": self = .lasRow
        case "las-column", "las-col", "or-col", "or-column": self = .lasColumn
        case "romney-batchelder", "rb": self = .romneyBatchelder
        default: throw ConsensusError.badMethod("unknown consensus method '\(text)'; known: \(Self.names.joined(separator: ", "))")
        }
    }

    public var description: String {
        switch self {
        case .union: return "union"
        case .intersection: return "intersection"
        case .threshold(let k): return "threshold:\(k)"
        case .share(let f): return "share:\(f == f.rounded() ? String(Int(f)) : String(f))"
        case .lasIntersection: return "las-intersection"
        case .lasUnion: return "las-union"
        case .lasRow: return "las-row"
        case .lasColumn: return "las-column"
        case .romneyBatchelder: return "romney-batchelder"
        }
    }

    /// The rule in words, for reports and notes.
    public var explanation: String {
        switch self {
        case .union: return "a tie any respondent reported"
        case .intersection: return "a tie every respondent who could report it reported"
        case .threshold(let k): return "a tie at least \(k) respondent\(k == 1 ? "" : "s") reported"
        case .share(let f): return "a tie reported by at least \(Self.percent(f)) of the respondents who could report it"
        case .lasIntersection: return "a tie both stakeholders' own respondents reported (locally aggregated structure, intersection)"
        case .lasUnion: return "a tie either stakeholder's own respondents reported (locally aggregated structure, union)"
        case .lasRow: return "a tie as its source's own respondents reported it"
        case .lasColumn: return "a tie as its target's own respondents reported it"
        case .romneyBatchelder: return "the answer key of the Romney–Batchelder consensus model (respondents weighted by estimated competence)"
        }
    }

    static func percent(_ f: Double) -> String {
        let p = f * 100
        return p == p.rounded() ? "\(Int(p))%" : "\(p)%"
    }

    /// Whether the method reads respondents' organisations.
    public var isLocallyAggregated: Bool { [.lasIntersection, .lasUnion, .lasRow, .lasColumn].contains(self) }
}

/// A consensus that cannot be formed as asked.
public enum ConsensusError: Error, Equatable, Sendable, CustomStringConvertible {
    case badMethod(String)
    case notApplicable(String)

    public var description: String {
        switch self {
        case .badMethod(let message), .notApplicable(let message): return message
        }
    }
}
