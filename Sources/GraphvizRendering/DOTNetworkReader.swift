import Foundation
import NetworkIO
import NetworkModel

/// Reads a Graphviz DOT file (`.gv`, `.dot`) into a network, through cgraph.
///
/// Node names are ids; `label` (unless `\N`), `kind` (or `type`) and `sector` are read as such; edge
/// `weight` is the tie's strength and `kind` (or `type`, `label`) its kind; every other attribute is kept,
/// typed per attribute. Subgraph structure is not kept. Errors carry Graphviz's own message and line.
public enum DOTNetworkReader {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> StakeholderNetwork {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(file: path, message: "cannot be read", hint: "check that the file exists and that you may read it")
        }
        if data.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "a DOT file holds at least `graph { }`") }
        let parsed: GraphvizEngine.ParsedGraph
        do { parsed = try GraphvizEngine.parse(data, name: (path as NSString).lastPathComponent) } catch let error as RenderError {
            throw InputError(file: path, line: error.line, message: "Graphviz: \(error.message)", hint: "check the DOT syntax near that line")
        }
        var index: [String: Int32] = [:]
        let reserved: Set<String> = ["label", "kind", "type", "sector"]
        let attributeNames = Set(parsed.nodes.flatMap(\.attributes.keys)).subtracting(reserved).sorted()
        let typed = Dictionary(uniqueKeysWithValues: attributeNames.map { name in
            (name, AttributeParsing.inferType(of: parsed.nodes.map { $0.attributes[name] ?? "" }))
        })
        var stakeholders: [Stakeholder] = []
        for node in parsed.nodes {
            index[node.name] = Int32(stakeholders.count)
            let label = node.attributes["label"].flatMap { $0 == "\\N" ? nil : $0 }
            let kind = (node.attributes["kind"] ?? node.attributes["type"]).map(StakeholderKind.init(parsing:))
            var attributes: [String: AttributeValue] = [:]
            for name in attributeNames { if let value = node.attributes[name] { attributes[name] = AttributeParsing.value(value, as: typed[name]!) } }
            stakeholders.append(Stakeholder(id: node.name, label: label, kind: kind, sector: node.attributes["sector"], attributes: attributes))
        }
        let edgeReserved: Set<String> = ["weight", "kind", "type"]
        let edgeNames = Set(parsed.edges.flatMap(\.attributes.keys)).subtracting(edgeReserved).sorted()
        let edgeTypes = Dictionary(uniqueKeysWithValues: edgeNames.map { name in
            (name, AttributeParsing.inferType(of: parsed.edges.map { $0.attributes[name] ?? "" }))
        })
        var ties: [Tie] = []
        for edge in parsed.edges {
            var weight = 1.0
            if let text = edge.attributes["weight"] {
                guard let value = Double(text), value.isFinite, value >= 0 else {
                    throw InputError(file: path, field: "weight", message: "the tie \(edge.tail) – \(edge.head) has weight '\(text)', not a number 0 or above",
                                     hint: "a weight is a tie's strength")
                }
                weight = value
            }
            let kind = (edge.attributes["kind"] ?? edge.attributes["type"]).map(TieKind.init(parsing:))
            var attributes: [String: AttributeValue] = [:]
            for name in edgeNames { if let value = edge.attributes[name] { attributes[name] = AttributeParsing.value(value, as: edgeTypes[name]!) } }
            ties.append(Tie(source: index[edge.tail]!, target: index[edge.head]!, kind: kind, weight: weight, attributes: attributes))
        }
        let name = parsed.name.isEmpty || parsed.name.hasPrefix("%") ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension : parsed.name
        return StakeholderNetwork(name: name, isDirected: options.directed ?? parsed.isDirected, stakeholders: stakeholders, ties: ties, tieFile: path)
    }

    /// Whether a path names a DOT file.
    public static func handles(_ path: String) -> Bool {
        ["gv", "dot"].contains((path as NSString).pathExtension.lowercased())
    }
}
