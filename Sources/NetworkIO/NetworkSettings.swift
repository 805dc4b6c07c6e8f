import Foundation

/// The optional `network.json` beside a network's CSV files:
/// `{"name": "…", "directed": true, "description": "…"}`. Unknown keys are ignored.
public struct NetworkSettings: Decodable, Sendable, Equatable {
    public var name: String?
    public var directed: Bool?
    public var description: String?

    public init(name: String? = nil, directed: Bool? = nil, description: String? = nil) {
        self.name = name
        self.directed = directed
        self.description = description
    }

    static func read(at path: String, displayName: String) throws -> NetworkSettings {
        let text = try TextDecoding.readText(at: path, displayName: displayName)
        do {
            return try JSONDecoder().decode(NetworkSettings.self, from: Data(text.utf8))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw InputError(file: displayName, field: key.isEmpty ? nil : key, message: "has a value of the wrong type",
                             hint: "\"name\" and \"description\" are text, \"directed\" is true or false")
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? ""
            throw InputError(file: displayName, message: "is not valid JSON" + (underlying.isEmpty ? "" : ": \(underlying)"),
                             hint: "expected {\"name\": \"…\", \"directed\": true, \"description\": \"…\"}")
        }
    }
}
