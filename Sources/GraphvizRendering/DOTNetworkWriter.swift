import NetworkIO
import NetworkModel

/// Writes a network as plain DOT (no styling): every stakeholder a node named by its id with `label`,
/// `kind`, `sector` and its attributes; every tie an edge with `kind`, `weight`, `start`, `end` and its
/// attributes. `DOTNetworkReader` reads it back; a tie whose direction differs from the network's is
/// marked `dir=` (DOT has one direction per graph). Everything is quoted by `DOTWriter.quotedVerbatim`.
public enum DOTNetworkWriter {
    public static func write(_ network: StakeholderNetwork) -> String {
        let q = DOTWriter.quotedVerbatim
        var out = "\(network.isDirected ? "digraph" : "graph") \(q(network.name)) {\n"
        for stakeholder in network.stakeholders {
            var attributes: [(String, String)] = []
            if stakeholder.label != stakeholder.id { attributes.append(("label", stakeholder.label)) }
            if let kind = stakeholder.kind { attributes.append(("kind", kind.name)) }
            if let sector = stakeholder.sector { attributes.append(("sector", sector)) }
            for key in stakeholder.attributes.keys.sorted() { if let text = stakeholder.attributes[key]?.text { attributes.append((key, text)) } }
            out += "  \(q(stakeholder.id))" + list(attributes) + ";\n"
        }
        let arrow = network.isDirected ? "->" : "--"
        for tie in network.ties {
            var attributes: [(String, String)] = []
            if let kind = tie.kind { attributes.append(("kind", kind.name)) }
            if tie.weight != 1 { attributes.append(("weight", AttributeValue.format(tie.weight))) }
            if let start = tie.start { attributes.append(("start", String(start))) }
            if let end = tie.end { attributes.append(("end", String(end))) }
            if tie.direction != .asNetwork { attributes.append(("directed", tie.direction == .directed ? "directed" : "undirected")) }
            for key in tie.attributes.keys.sorted() { if let text = tie.attributes[key]?.text { attributes.append((key, text)) } }
            out += "  \(q(network.stakeholders[Int(tie.source)].id)) \(arrow) \(q(network.stakeholders[Int(tie.target)].id))" + list(attributes) + ";\n"
        }
        return out + "}\n"
    }

    static func list(_ attributes: [(String, String)]) -> String {
        attributes.isEmpty ? "" : " [" + attributes.map { "\(DOTWriter.quotedVerbatim($0.0))=\(DOTWriter.quotedVerbatim($0.1))" }.joined(separator: ", ") + "]"
    }
}
