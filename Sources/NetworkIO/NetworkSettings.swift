import Foundation

/// The optional `network.json` beside a network's CSV files:
/// `{"name": "…", "directed": true, "description": "…", "columns": {"ties": {"source": "person"}, "stakeholders": {"id": "Name"}}}`.
/// Unknown keys are ignored.
public struct NetworkSettings: Decodable, Sendable, Equatable {
    public var name: String?
    public var directed: Bool?
    public var description: String?
    /// Which headers play which roles, so that a folder remembers its mapping (see `ColumnMapping`).
    public var columns: ColumnMapping?

    public init(name: String? = nil, directed: Bool? = nil, description: String? = nil, columns: ColumnMapping? = nil) {
        self.name = name
        self.directed = directed
        self.description = description
        self.columns = columns
    }

    enum CodingKeys: String, CodingKey { case name, directed, description, columns }
    enum ColumnKeys: String, CodingKey { case ties, stakeholders }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        directed = try container.decodeIfPresent(Bool.self, forKey: .directed)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        if container.contains(.columns) {
            let columns = try container.nestedContainer(keyedBy: ColumnKeys.self, forKey: .columns)
            let ties = try columns.decodeIfPresent([String: String].self, forKey: .ties) ?? [:]
            let stakeholders = try columns.decodeIfPresent([String: String].self, forKey: .stakeholders) ?? [:]
            for (role, _) in ties where !ColumnMapping.tieRoles.contains(role.lowercased()) {
                throw ColumnMappingError(message: "columns.ties: '\(role)' is not a role; the roles are \(ColumnMapping.tieRoles.joined(separator: ", "))")
            }
            for (role, _) in stakeholders where !ColumnMapping.stakeholderRoles.contains(role.lowercased()) {
                throw ColumnMappingError(message: "columns.stakeholders: '\(role)' is not a role; the roles are \(ColumnMapping.stakeholderRoles.joined(separator: ", "))")
            }
            self.columns = ColumnMapping(ties: Dictionary(uniqueKeysWithValues: ties.map { ($0.key.lowercased(), $0.value) }),
                                         stakeholders: Dictionary(uniqueKeysWithValues: stakeholders.map { ($0.key.lowercased(), $0.value) }))
        }
    }

    static func read(at path: String, displayName: String) throws -> NetworkSettings {
        let text = try TextDecoding.readText(at: path, displayName: displayName)
        do {
            return try JSONDecoder().decode(NetworkSettings.self, from: Data(text.utf8))
        } catch let error as ColumnMappingError {
            throw InputError(file: displayName, field: "columns", message: error.message,
                             hint: "write \"columns\": {\"ties\": {\"source\": \"your header\"}, \"stakeholders\": {\"id\": \"your header\"}}")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw InputError(file: displayName, field: key.isEmpty ? nil : key, message: "has a value of the wrong type",
                             hint: "\"name\" and \"description\" are text, \"directed\" is true or false, \"columns\" maps roles to headers")
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? ""
            throw InputError(file: displayName, message: "is not valid JSON" + (underlying.isEmpty ? "" : ": \(underlying)"),
                             hint: "expected {\"name\": \"…\", \"directed\": true, \"description\": \"…\"}")
        }
    }
}
