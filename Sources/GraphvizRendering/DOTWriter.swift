/// Writes a `Diagram` as DOT text. Every user-supplied string is escaped here, in one place: quoted
/// strings have `\` and `"` escaped and line breaks turned into `\n`, so no label can end its string,
/// start an attribute, or use Graphviz's `\N`-style escapes; text in the HTML-like legend is XML-escaped.
public enum DOTWriter {
    /// The diagram as DOT. Node labels are written as external labels (`xlabel`) unless `labels` is false;
    /// nodes carry `id="s<stakeholder>"` and edges `id="t<index>"`, so the SVG's elements can be found.
    /// The legend, title and caption are not part of this text: `DiagramFrame` places them after the layout.
    public static func dot(_ diagram: Diagram, labels: Bool = true) -> String {
        var out = "\(diagram.isDirected ? "digraph" : "graph") stakenet {\n"
        for key in diagram.graphAttributes.keys.sorted() { out += "  \(key)=\(quoted(diagram.graphAttributes[key]!));\n" }
        if !diagram.nodeDefaults.isEmpty { out += "  node [\(attributeList(diagram.nodeDefaults))];\n" }
        if !diagram.edgeDefaults.isEmpty { out += "  edge [\(attributeList(diagram.edgeDefaults))];\n" }
        for (index, cluster) in diagram.clusters.enumerated() {
            out += "  subgraph cluster_\(index) {\n"
            var attributes = cluster.attributes
            attributes["label"] = cluster.label
            for key in attributes.keys.sorted() { out += "    \(key)=\(quoted(attributes[key]!));\n" }
            for node in diagram.nodes where node.cluster == index { out += "    " + nodeStatement(node, labels: labels) }
            out += "  }\n"
        }
        for node in diagram.nodes where node.cluster == nil { out += "  " + nodeStatement(node, labels: labels) }
        let arrow = diagram.isDirected ? "->" : "--"
        for (index, edge) in diagram.edges.enumerated() {
            var attributes = edge.attributes
            if attributes["id"] == nil { attributes["id"] = "t\(index)" }
            out += "  \(edge.tail) \(arrow) \(edge.head) [\(attributeList(attributes))];\n"
        }
        return out + "}\n"
    }

    static func nodeStatement(_ node: Diagram.Node, labels: Bool) -> String {
        var attributes = node.attributes
        if labels && !node.label.isEmpty { attributes["xlabel"] = node.label }
        if let stakeholder = node.stakeholder, attributes["id"] == nil { attributes["id"] = "s\(stakeholder)" }
        return "\(node.name) [\(attributeList(attributes))];\n"
    }

    static func attributeList(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { "\($0)=\(quoted(attributes[$0]!))" }.joined(separator: ", ")
    }

    /// A DOT quoted string that Graphviz shows as `text`, literally: quotes and backslashes escaped, and
    /// `&` written `&amp;`, because Graphviz reads entities (`&lt;`, `&#38;`) in the text it draws and in
    /// the tooltips it writes into SVG.
    public static func quoted(_ text: String) -> String { quote(text, entities: true) }

    /// A DOT quoted string holding `text` as data (`convert` to DOT): read back by any DOT reader as written.
    public static func quotedVerbatim(_ text: String) -> String { quote(text, entities: false) }

    static func quote(_ text: String, entities: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
            case "&" where entities: out += "&amp;"
            default:
                // Control characters cannot be shown; replace them with a visible mark.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `text` as character data of an HTML-like label.
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<BR/>"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
