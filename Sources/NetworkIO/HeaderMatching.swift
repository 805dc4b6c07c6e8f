import NetworkModel

/// The columns of a stakeholder (node) table that StakeNet reads itself; any other column is a free attribute.
public enum StakeholderColumn: String, CaseIterable, Sendable {
    case id, label, kind, sector

    /// Header spellings, most specific first, compared after `HeaderMatching.normalised`.
    var synonyms: [String] {
        switch self {
        case .id: return ["id", "node id", "node", "key"]
        case .label: return ["label", "name"]
        case .kind: return ["kind", "type", "node type", "category"]
        case .sector: return ["sector"]
        }
    }
}

/// The columns of a tie (edge) table that StakeNet reads itself.
public enum TieColumn: String, CaseIterable, Sendable {
    case source, target, kind, weight, directed, start, end, respondent

    var synonyms: [String] {
        switch self {
        case .source: return ["source", "from", "source id"]
        case .target: return ["target", "to", "target id"]
        case .kind: return ["kind", "type", "tie type", "edge type", "relation"]
        case .weight: return ["weight", "strength", "value"]
        case .directed: return ["directed", "direction"]
        case .start: return ["start", "start year", "from year", "since"]
        case .end: return ["end", "end year", "to year", "until"]
        case .respondent: return ["respondent", "reported by", "informant"]
        }
    }
}

/// Which header cell plays which role, found case-insensitively among the usual synonyms.
struct HeaderMatch<Role: Hashable & CaseIterable & RawRepresentable> where Role.RawValue == String {
    /// Column index of each role found.
    var columnOf: [Role: Int] = [:]
    /// Columns kept as free attributes, with the attribute names to use.
    var attributes: [(column: Int, name: String)] = []

    /// - Throws: `InputError` when two header cells name the same column, or a mapped header is not there.
    /// `mapped`: columns given for roles by a `ColumnMapping`; they take precedence over the synonyms, and
    /// a role mapped elsewhere claims no column by its synonyms.
    init(header: [String], file: String, line: Int, mapped: [Role: Int] = [:], synonyms: (Role) -> [String]) throws {
        let names = header.map(HeaderMatching.normalised)
        var seen: [String: Int] = [:]
        for (column, name) in names.enumerated() where !name.isEmpty {
            if let first = seen[name] {
                throw InputError(file: file, line: line, field: header[column],
                                 message: "the header names this column twice (columns \(first + 1) and \(column + 1))",
                                 hint: "rename one of them")
            }
            seen[name] = column
        }
        var claimed = Set<Int>()
        for (role, column) in mapped {
            columnOf[role] = column
            claimed.insert(column)
        }
        for role in Role.allCases where mapped[role] == nil {
            for synonym in synonyms(role) {
                if let column = seen[synonym], !claimed.contains(column) {
                    columnOf[role] = column
                    claimed.insert(column)
                    break
                }
            }
        }
        for column in header.indices where !claimed.contains(column) {
            let name = header[column].isEmpty ? "column \(column + 1)" : header[column]
            attributes.append((column, name))
        }
    }

    subscript(role: Role) -> Int? { columnOf[role] }
}

enum HeaderMatching {
    /// Lower case, with `_`, `-` and runs of spaces as one space: `Start_Year` → `start year`.
    static func normalised(_ header: String) -> String {
        header.trimmingSpaces.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
            .joined(separator: " ")
    }
}
