import Foundation
import NetworkModel

/// GEXF 1.1, 1.2 and 1.3 (https://gexf.net), Gephi's format.
///
/// Reading: declared node and edge attributes (`<attributes class="node|edge">`, with types and defaults;
/// `attvalue for` by id or title), node `label`, edge `weight`, `type` (its direction), `kind` (tie kind),
/// `label`, `start` and `end`, and `viz` colour, size and position, kept as the stakeholder attributes
/// `viz_color` (`#rrggbb`, or `#rrggbbaa` when not opaque), `viz_size`, `viz_x`, `viz_y`, `viz_z`.
/// Writing: GEXF 1.3 with every attribute declared and typed, those `viz_*` attributes as `<viz:…>`.
public enum GEXFFormat {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let root = try SafeXML.parse(path)
        guard root.name == "gexf" else {
            throw InputError(file: path, line: root.line, message: "the root element is <\(root.name)>, not <gexf>", hint: "is this a GEXF file?")
        }
        guard let graph = root.child(named: "graph") else {
            throw InputError(file: path, line: root.line, message: "holds no <graph>", hint: "a GEXF file holds one <graph> with its nodes and edges")
        }
        struct Attribute { let title: String; let type: String; let defaultValue: String? }
        var declared: [String: [String: Attribute]] = ["node": [:], "edge": [:]]
        for block in graph.children(named: "attributes") {
            let kind = block.attributes["class"] ?? "node"
            for attribute in block.children(named: "attribute") {
                guard let id = attribute.attributes["id"] ?? attribute.attributes["title"] else { continue }
                declared[kind, default: [:]][id] = Attribute(title: attribute.attributes["title"] ?? id, type: attribute.attributes["type"] ?? "string",
                                                             defaultValue: attribute.child(named: "default")?.text)
            }
        }
        func values(of element: MarkupElement, kind: String) -> [(String, NetworkRecords.Value)] {
            let table = declared[kind] ?? [:]
            var result: [(String, NetworkRecords.Value)] = []
            var given = Set<String>()
            for value in element.child(named: "attvalues")?.children(named: "attvalue") ?? [] {
                guard let key = value.attributes["for"] ?? value.attributes["id"], let text = value.attributes["value"] else { continue }
                let attribute = table[key] ?? table.values.first { $0.title == key } ?? Attribute(title: key, type: "string", defaultValue: nil)
                given.insert(attribute.title)
                result.append((attribute.title, .typed(AttributeValue.declared(text, type: attribute.type))))
            }
            for attribute in table.values where !given.contains(attribute.title) {
                if let value = attribute.defaultValue { result.append((attribute.title, .typed(AttributeValue.declared(value, type: attribute.type)))) }
            }
            return result
        }
        let isDirected = options.directed ?? ((graph.attributes["defaultedgetype"] ?? "undirected").lowercased() == "directed")
        var records = NetworkRecords(file: path)
        for node in graph.child(named: "nodes")?.children(named: "node") ?? [] {
            guard let id = node.attributes["id"] else {
                throw InputError(file: path, line: node.line, field: "<node>", message: "a <node> has no id", hint: "every node needs an id")
            }
            var list = values(of: node, kind: "node")
            if let label = node.attributes["label"] { list.append(("label", .typed(.text(label)))) }
            list += viz(of: node)
            records.nodes.append(.init(id: id, values: list, line: node.line, element: "<node id=\"\(id)\">"))
        }
        for edge in graph.child(named: "edges")?.children(named: "edge") ?? [] {
            guard let source = edge.attributes["source"], let target = edge.attributes["target"] else {
                throw InputError(file: path, line: edge.line, field: "<edge>", message: "an <edge> lacks its source or target",
                                 hint: "every edge names a source and a target node")
            }
            var list = values(of: edge, kind: "edge")
            for key in ["weight", "kind", "label", "start", "end"] {
                if let value = edge.attributes[key] { list.append((key, .text(value))) }
            }
            var record = NetworkRecords.Edge(source: source, target: target, values: list, line: edge.line,
                                             element: "<edge source=\"\(source)\" target=\"\(target)\">")
            if let type = edge.attributes["type"]?.lowercased(), options.directed == nil {
                let directed = type == "directed"
                if type == "directed" || type == "undirected" || type == "mutual", directed != isDirected { record.direction = directed ? .directed : .undirected }
            }
            records.edges.append(record)
        }
        let name = graph.attributes["name"] ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let description = root.child(named: "meta")?.child(named: "description")?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return try records.network(name: name, description: description.flatMap { $0.isEmpty ? nil : $0 }, isDirected: isDirected)
    }

    /// `viz:color`, `viz:size` and `viz:position` as `viz_*` attributes.
    static func viz(of node: MarkupElement) -> [(String, NetworkRecords.Value)] {
        var result: [(String, NetworkRecords.Value)] = []
        for child in node.children where child.namespace?.contains("viz") ?? false {
            switch child.name {
            case "color":
                if let hex = child.attributes["hex"] { result.append(("viz_color", .typed(.text(hex)))); continue }
                let channel = { (key: String) in Int(child.attributes[key] ?? "") ?? 0 }
                var text = String(format: "#%02x%02x%02x", channel("r"), channel("g"), channel("b"))
                if let alpha = child.attributes["a"].flatMap(Double.init), alpha < 1 { text += String(format: "%02x", Int((alpha * 255).rounded())) }
                result.append(("viz_color", .typed(.text(text))))
            case "size":
                if let value = child.attributes["value"].flatMap(Double.init) { result.append(("viz_size", .typed(.number(value)))) }
            case "position":
                for axis in ["x", "y", "z"] {
                    if let value = child.attributes[axis].flatMap(Double.init), axis != "z" || value != 0 { result.append(("viz_" + axis, .typed(.number(value)))) }
                }
            default: break
            }
        }
        return result
    }

    static let vizNames: Set<String> = ["viz_color", "viz_size", "viz_x", "viz_y", "viz_z"]

    public static func write(_ network: StakeholderNetwork) -> String {
        let e = XMLWriting.escape
        let columns = NetworkColumns(network)
        let nodeColumns = columns.node.filter { $0.name != "label" && !vizNames.contains($0.name) }
        let edgeColumns = columns.edge.filter { !["kind", "weight"].contains($0.name) }
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                     #"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#,
                     "  <meta>", "    <creator>StakeNet</creator>"]
        if let description = network.description { lines.append("    <description>\(e(description))</description>") }
        lines.append("  </meta>")
        lines.append("  <graph defaultedgetype=\"\(network.isDirected ? "directed" : "undirected")\" mode=\"static\" name=\"\(e(network.name))\">")
        for (kind, list) in [("node", nodeColumns), ("edge", edgeColumns)] where !list.isEmpty {
            lines.append("    <attributes class=\"\(kind)\" mode=\"static\">")
            for (i, column) in list.enumerated() { lines.append("      <attribute id=\"\(i)\" title=\"\(e(column.name))\" type=\"\(column.type)\"/>") }
            lines.append("    </attributes>")
        }
        func attvalues(_ list: [NetworkColumns.Column], _ index: Int) -> String {
            let values = list.enumerated().compactMap { i, column in column.value(index).map { "<attvalue for=\"\(i)\" value=\"\(e($0))\"/>" } }
            return values.isEmpty ? "" : "<attvalues>" + values.joined() + "</attvalues>"
        }
        lines.append("    <nodes>")
        for (v, stakeholder) in network.stakeholders.enumerated() {
            var element = "      <node id=\"\(e(stakeholder.id))\" label=\"\(e(stakeholder.label))\">" + attvalues(nodeColumns, v)
            let a = stakeholder.attributes
            if case .text(let hex)? = a["viz_color"], let rgba = Self.rgba(hex) {
                element += "<viz:color r=\"\(rgba.0)\" g=\"\(rgba.1)\" b=\"\(rgba.2)\"" + (rgba.3 < 255 ? " a=\"\(AttributeValue.format(Double(rgba.3) / 255))\"" : "") + "/>"
            }
            if let size = a["viz_size"]?.numericValue { element += "<viz:size value=\"\(AttributeValue.format(size))\"/>" }
            if let x = a["viz_x"]?.numericValue, let y = a["viz_y"]?.numericValue {
                element += "<viz:position x=\"\(AttributeValue.format(x))\" y=\"\(AttributeValue.format(y))\"" + (a["viz_z"]?.numericValue.map { " z=\"\(AttributeValue.format($0))\"" } ?? "") + "/>"
            }
            lines.append(element + "</node>")
        }
        lines.append("    </nodes>")
        lines.append("    <edges>")
        for (t, tie) in network.ties.enumerated() {
            var element = "      <edge id=\"\(t)\" source=\"\(e(network.stakeholders[Int(tie.source)].id))\" target=\"\(e(network.stakeholders[Int(tie.target)].id))\""
            if tie.direction != .asNetwork { element += " type=\"\(tie.direction == .directed ? "directed" : "undirected")\"" }
            if let kind = tie.kind { element += " kind=\"\(e(kind.name))\"" }
            element += " weight=\"\(AttributeValue.format(tie.weight))\""
            let values = attvalues(edgeColumns, t)
            lines.append(element + (values.isEmpty ? "/>" : ">" + values + "</edge>"))
        }
        lines += ["    </edges>", "  </graph>", "</gexf>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `#rrggbb` or `#rrggbbaa` as channels 0–255.
    static func rgba(_ hex: String) -> (Int, Int, Int, Int)? {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6 || digits.count == 8, let value = UInt64(digits, radix: 16) else { return nil }
        let full = digits.count == 6 ? value << 8 | 0xFF : value
        return (Int(full >> 24 & 0xFF), Int(full >> 16 & 0xFF), Int(full >> 8 & 0xFF), Int(full & 0xFF))
    }
}
