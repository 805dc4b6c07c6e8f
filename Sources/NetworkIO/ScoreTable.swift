import Foundation
import NetworkModel

/// Per-stakeholder results (`NodeScores` columns) as CSV, JSON or an aligned text table.
public struct ScoreTable: Sendable {
    public let network: StakeholderNetwork
    public let columns: [NodeScores]
    /// Columns whose values are whole numbers, written without a decimal point.
    public let countColumns: Set<String>

    public init(network: StakeholderNetwork, columns: [NodeScores], countColumns: Set<String> = []) {
        self.network = network
        self.columns = columns
        self.countColumns = countColumns
    }

    /// Full double precision (the shortest text that reads back as the same number); an undefined value
    /// (NaN, such as constraint of a stakeholder without contacts) is an empty cell.
    func exact(_ value: Double, column: String) -> String {
        if countColumns.contains(column), value.isFinite, value == value.rounded() { return String(Int64(value)) }
        return CSVText.number(value)
    }

    /// CSV: `id`, then one column per measure in order; one row per stakeholder in network order.
    public func csv() throws -> String {
        try CSVText.render(header: ["id"] + columns.map(\.measure), rows: network.stakeholders.enumerated().map { node, stakeholder in
            [stakeholder.id] + columns.map { exact($0[node], column: $0.measure) }
        })
    }

    /// JSON: the network's name and direction, the measures, and one object per stakeholder.
    public func json(extra: [String: String] = [:]) throws -> String {
        struct Row: Encodable {
            let id: String, label: String, kind: String?, sector: String?
            let values: [(String, Double, Bool)]
            struct Key: CodingKey {
                let stringValue: String
                init(_ string: String) { stringValue = string }
                init?(stringValue: String) { self.stringValue = stringValue }
                var intValue: Int? { nil }
                init?(intValue: Int) { nil }
            }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(id, forKey: Key("id"))
                try container.encode(label, forKey: Key("label"))
                try container.encodeIfPresent(kind, forKey: Key("kind"))
                try container.encodeIfPresent(sector, forKey: Key("sector"))
                for (name, value, isCount) in values {
                    if value.isNaN {
                        try container.encodeNil(forKey: Key(name))
                    } else if isCount, value.isFinite {
                        try container.encode(Int64(value), forKey: Key(name))
                    } else {
                        try container.encode(value, forKey: Key(name))
                    }
                }
            }
        }
        struct Document: Encodable {
            let network: String, directed: Bool, measures: [String], notes: [String: String]?, stakeholders: [Row]
        }
        let rows = network.stakeholders.enumerated().map { node, stakeholder in
            Row(id: stakeholder.id, label: stakeholder.label, kind: stakeholder.kind?.name, sector: stakeholder.sector,
                values: columns.map { ($0.measure, $0[node], countColumns.contains($0.measure)) })
        }
        let document = Document(network: network.name, directed: network.isDirected, measures: columns.map(\.measure),
                                notes: extra.isEmpty ? nil : extra, stakeholders: rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// Aligned text, sorted by the first column (highest first), with labels and kinds; `top` rows at most.
    public func text(top: Int? = nil) -> String {
        let order = columns.first?.ranking ?? Array(network.stakeholders.indices)
        let shown = top.map { Array(order.prefix($0)) } ?? order
        let rows = shown.enumerated().map { rank, node -> [String] in
            let stakeholder = network.stakeholders[node]
            return ["\(rank + 1)", stakeholder.id, stakeholder.label, stakeholder.kind?.name ?? "-"]
                + columns.map { ScoreTable.brief($0[node], isCount: countColumns.contains($0.measure)) }
        }
        return TextTable(header: ["rank", "id", "label", "kind"] + columns.map(\.measure), rows: rows).rendered
    }

    /// Four significant digits for reading; counts as whole numbers.
    static func brief(_ value: Double, isCount: Bool) -> String {
        if value.isNaN { return "-" }
        if isCount, value == value.rounded() { return String(Int64(value)) }
        if value == 0 { return "0" }
        return String(format: "%.4g", value)
    }
}
