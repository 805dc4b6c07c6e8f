/// Writes a `Diagram` as DOT text. Every user-supplied string is escaped here, in one place: quoted
/// strings have `\` and `"` escaped and line breaks turned into `\n`, so no label can end its string,
/// start an attribute, or use Graphviz's `\N`-style escapes; text in the HTML-like legend is XML-escaped.
public enum DOTWriter {
    public static func dot(_ diagram: Diagram) -> String {
        var out = "\(diagram.isDirected ? "digraph" : "graph") stakenet {\n"
        var graphAttributes = diagram.graphAttributes
        graphAttributes["label"] = nil
        for key in graphAttributes.keys.sorted() { out += "  \(key)=\(quoted(graphAttributes[key]!));\n" }
        out += "  label=<\(legendHTML(diagram))>;\n"
        if !diagram.nodeDefaults.isEmpty { out += "  node [\(attributeList(diagram.nodeDefaults))];\n" }
        if !diagram.edgeDefaults.isEmpty { out += "  edge [\(attributeList(diagram.edgeDefaults))];\n" }
        for (index, cluster) in diagram.clusters.enumerated() {
            out += "  subgraph cluster_\(index) {\n"
            var attributes = cluster.attributes
            attributes["label"] = cluster.label
            for key in attributes.keys.sorted() { out += "    \(key)=\(quoted(attributes[key]!));\n" }
            for node in diagram.nodes where node.cluster == index { out += "    " + nodeStatement(node) }
            out += "  }\n"
        }
        for node in diagram.nodes where node.cluster == nil { out += "  " + nodeStatement(node) }
        let arrow = diagram.isDirected ? "->" : "--"
        for edge in diagram.edges {
            out += "  \(edge.tail) \(arrow) \(edge.head)"
            if !edge.attributes.isEmpty { out += " [\(attributeList(edge.attributes))]" }
            out += ";\n"
        }
        return out + "}\n"
    }

    static func nodeStatement(_ node: Diagram.Node) -> String {
        var attributes = node.attributes
        attributes["label"] = node.label
        return "\(node.name) [\(attributeList(attributes))];\n"
    }

    static func attributeList(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { "\($0)=\(quoted(attributes[$0]!))" }.joined(separator: ", ")
    }

    /// A DOT quoted string that shows `text` literally.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": break
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

    /// The graph label: title, caption and legend as one HTML-like table, placed by every layout engine.
    static func legendHTML(_ diagram: Diagram) -> String {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(html(diagram.title))</B></TD></TR>"
        for section in diagram.legend where !section.entries.isEmpty {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><I>\(html(section.title))</I></TD></TR>"
            for entry in section.entries {
                let swatch = entry.swatch.map { "<TD BGCOLOR=\"\(html($0))\" WIDTH=\"14\" HEIGHT=\"10\" BORDER=\"1\"></TD>" } ?? "<TD></TD>"
                rows += "<TR>\(swatch)<TD ALIGN=\"LEFT\">\(html(entry.text))</TD></TR>"
            }
        }
        if !diagram.caption.isEmpty {
            rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(html(diagram.caption))</FONT></TD></TR>"
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">\(rows)</TABLE>"
    }
}
