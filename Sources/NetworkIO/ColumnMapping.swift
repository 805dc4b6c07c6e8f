import Foundation

/// Which of a user's headers play which role, when their names are not StakeNet's: `--ties-columns
/// source=person,target=organisation,kind=relation,weight=hours` and `--stakeholders-columns id=Name,kind=Type`,
/// or the same in `network.json` (`{"columns": {"ties": {"source": "person"}, "stakeholders": {"id": "Name"}}}`,
/// the options winning role by role). Headers are matched as every header is: case-insensitively, with
/// spaces, `_` and `-` alike. A role mapped to a header takes it from the usual synonyms; a header that
/// would have played a mapped role by its name becomes a free attribute.
public struct ColumnMapping: Sendable, Equatable {
    /// Role name (`source`, `kind` …) → header.
    public var ties: [String: String]
    public var stakeholders: [String: String]

    public init(ties: [String: String] = [:], stakeholders: [String: String] = [:]) {
        self.ties = ties
        self.stakeholders = stakeholders
    }

    public var isEmpty: Bool { ties.isEmpty && stakeholders.isEmpty }

    /// This mapping with `other`'s roles replacing its own.
    public func overridden(by other: ColumnMapping) -> ColumnMapping {
        ColumnMapping(ties: ties.merging(other.ties) { $1 }, stakeholders: stakeholders.merging(other.stakeholders) { $1 })
    }

    public static let tieRoles = TieColumn.allCases.map(\.rawValue)
    public static let stakeholderRoles = StakeholderColumn.allCases.map(\.rawValue)

    /// Reads `role=header,role=header`; `option` names the option in messages.
    /// - Throws: `ColumnMappingError` for a pair without `=`, an unknown role (with a did-you-mean), or a role given twice.
    public static func parse(_ text: String, roles: [String], option: String) throws -> [String: String] {
        var mapping: [String: String] = [:]
        for pair in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ColumnMappingError(message: "\(option) takes role=header pairs (such as \(roles[0])=\(roles[0] == "id" ? "Name" : "person")), not '\(pair)'")
            }
            let role = parts[0].lowercased()
            guard roles.contains(role) else {
                let hint = ClosestMatch.suggestion(for: role, among: roles).map { "did you mean '\($0)'? " } ?? ""
                throw ColumnMappingError(message: "\(option): '\(parts[0])' is not a role; \(hint)the roles are \(roles.joined(separator: ", "))")
            }
            guard mapping[role] == nil else { throw ColumnMappingError(message: "\(option) maps \(role) twice") }
            mapping[role] = parts[1]
        }
        return mapping
    }

    /// The mapping of one table's roles, checked against its header: every mapped header must be there.
    func columns<Role: RawRepresentable>(for kind: [String: String], header: [String], file: String, line: Int, option: String,
                                         role: (String) -> Role?) throws -> [Role: Int] where Role.RawValue == String {
        var result: [Role: Int] = [:]
        let names = header.map(HeaderMatching.normalised)
        for (roleName, wanted) in kind.sorted(by: { $0.key < $1.key }) {
            guard let parsed = role(roleName) else { continue }
            guard let column = names.firstIndex(of: HeaderMatching.normalised(wanted)) else {
                let hint = ClosestMatch.suggestion(for: wanted, among: header).map { "did you mean '\($0)'?" }
                throw InputError(file: file, line: line,
                                 message: "\(option) maps \(roleName) to the column '\(wanted)', which is not in the header; found: \(CSVTable.summary(header))",
                                 hint: hint ?? "give the header as it is written in the first row")
            }
            result[parsed] = column
        }
        return result
    }
}

/// A column mapping that cannot be read.
public struct ColumnMappingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
