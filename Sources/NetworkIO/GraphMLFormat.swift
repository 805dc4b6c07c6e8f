import Foundation
import NetworkModel

/// GraphML (http://graphml.graphdrawing.org), as NetworkX, igraph, Gephi and yEd write it.
///
/// Reading: `<key>` declarations with their `attr.type` and `<default>`; the first `<graph>` and its
/// `edgedefault` (directed when absent); `<data>` of nodes and edges; an edge's own `directed` attribute;
/// yEd's node graphics (`y:NodeLabel` as the label) and edge graphics (ignored); graph-level `name` and
/// `description`; igraph's vertex names (nodes `n0`, `n1`, … with a `name`) as the ids. Nested graphs, hyperedges and ports are not read (a warning says so).
/// Writing: keys typed from the values (`long`, `double`, `boolean`, `string`; lists joined by `|`), the
/// network's name and description as graph data, `edgedefault` from the network's direction.
public enum GraphMLFormat {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let root = try SafeXML.parse(path)
        guard root.name == "graphml" else {
            throw InputError(file: path, line: root.line, message: "the root element is <\(root.name)>, not <graphml>", hint: "is this a GraphML file?")
        }
        struct Key { let name: String; let type: String; let defaultValue: String?; let yEdGraphics: Bool }
        var keys: [String: Key] = [:]
        for key in root.children(named: "key") {
            guard let id = key.attributes["id"] else {
                throw InputError(file: path, line: key.line, field: "<key>", message: "a <key> has no id", hint: "every <key> needs an id")
            }
            let yEd = key.attributes["yfiles.type"] != nil
            keys[id] = Key(name: key.attributes["attr.name"] ?? id, type: key.attributes["attr.type"] ?? "string",
                           defaultValue: key.child(named: "default")?.text, yEdGraphics: yEd)
        }
        guard let graph = root.child(named: "graph") else {
            throw InputError(file: path, line: root.line, message: "holds no <graph>", hint: "a GraphML file holds one <graph> with its nodes and edges")
        }
        var warnings: [InputProblem] = []
        let isDirected = options.directed ?? (graph.attributes["edgedefault"].map { $0.lowercased() != "undirected" } ?? true)
        var records = NetworkRecords(file: path)
        var name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var description: String?
        func values(of element: MarkupElement, for domain: String) throws -> [(String, NetworkRecords.Value)] {
            var result: [(String, NetworkRecords.Value)] = []
            var given = Set<String>()
            for data in element.children(named: "data") {
                guard let keyID = data.attributes["key"], let key = keys[keyID] else {
                    throw InputError(file: path, line: data.line, field: "<data>", message: "<data key=\"\(data.attributes["key"] ?? "")\"> names no declared <key>",
                                     hint: "declare the key at the top of the file")
                }
                given.insert(keyID)
                if key.yEdGraphics {
                    if domain == "node", let label = firstText(named: "NodeLabel", in: data) { result.append(("label", .typed(.text(label)))) }
                    continue
                }
                result.append((key.name, .typed(AttributeValue.declared(data.text, type: key.type))))
            }
            for (id, key) in keys where !given.contains(id) && !key.yEdGraphics {
                if let value = key.defaultValue, keyApplies(id, to: domain) { result.append((key.name, .typed(AttributeValue.declared(value, type: key.type)))) }
            }
            return result
        }
        func keyApplies(_ id: String, to domain: String) -> Bool {
            guard let key = root.children(named: "key").first(where: { $0.attributes["id"] == id }) else { return false }
            let target = key.attributes["for"] ?? "all"
            return target == domain || target == "all"
        }
        for (key, value) in try values(of: graph, for: "graph") {
            if key == "name", let text = NetworkRecords.resolve(value, type: .text).text { name = text }
            if key == "description", let text = NetworkRecords.resolve(value, type: .text).text { description = text }
        }
        var nested = false
        for child in graph.children {
            switch child.name {
            case "node":
                guard let id = child.attributes["id"] else {
                    throw InputError(file: path, line: child.line, field: "<node>", message: "a <node> has no id", hint: "every node needs an id")
                }
                if child.child(named: "graph") != nil { nested = true }
                records.nodes.append(.init(id: id, values: try values(of: child, for: "node"), line: child.line, element: "<node id=\"\(id)\">"))
            case "edge":
                guard let source = child.attributes["source"], let target = child.attributes["target"] else {
                    throw InputError(file: path, line: child.line, field: "<edge>", message: "an <edge> lacks its source or target",
                                     hint: "every edge names a source and a target node")
                }
                var edge = NetworkRecords.Edge(source: source, target: target, values: try values(of: child, for: "edge"), line: child.line,
                                               element: "<edge source=\"\(source)\" target=\"\(target)\">")
                if let directed = child.attributes["directed"], options.directed == nil {
                    edge.direction = directed.lowercased() == "true" ? .directed : .undirected
                    if (edge.direction == .directed) == isDirected { edge.direction = .asNetwork }
                }
                records.edges.append(edge)
            case "hyperedge":
                nested = true
            default: break
            }
        }
        if nested {
            warnings.append(InputProblem(.warning, file: path, message: "nested graphs and hyperedges are not read; only the top graph's nodes and edges are"))
        }
        if root.children(named: "graph").count > 1 {
            warnings.append(InputProblem(.warning, file: path, message: "holds \(root.children(named: "graph").count) graphs; only the first is read"))
        }
        useVertexNames(&records)
        let (network, more) = try records.network(name: name, description: description, isDirected: isDirected)
        return (network, warnings + more)
    }

    /// igraph writes nodes as `n0`, `n1`, … with the vertex names in a `name` attribute: when every node is
    /// so named, uniquely, the names are the ids.
    static func useVertexNames(_ records: inout NetworkRecords) {
        var names: [String: String] = [:]
        for node in records.nodes {
            guard node.id.first == "n", Int(node.id.dropFirst()) != nil,
                  let name = node.values.first(where: { $0.0 == "name" }).flatMap({ NetworkRecords.resolve($0.1, type: .text).text }),
                  !name.isEmpty else { return }
            names[node.id] = name
        }
        guard !names.isEmpty, Set(names.values).count == names.count else { return }
        for i in records.nodes.indices {
            records.nodes[i].id = names[records.nodes[i].id]!
            records.nodes[i].values.removeAll { $0.0 == "name" }
        }
        for i in records.edges.indices {
            records.edges[i].source = names[records.edges[i].source] ?? records.edges[i].source
            records.edges[i].target = names[records.edges[i].target] ?? records.edges[i].target
        }
    }

    static func firstText(named name: String, in element: MarkupElement) -> String? {
        for child in element.children {
            if child.name == name {
                let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return text }
            }
            if let found = firstText(named: name, in: child) { return found }
        }
        return nil
    }

    public static func write(_ network: StakeholderNetwork) -> String {
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                     #"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#]
        let e = XMLWriting.escape
        lines.append(#"  <key id="g_name" for="graph" attr.name="name" attr.type="string"/>"#)
        if network.description != nil { lines.append(#"  <key id="g_description" for="graph" attr.name="description" attr.type="string"/>"#) }
        let columns = NetworkColumns(network)
        for (i, column) in columns.node.enumerated() {
            lines.append("  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(e(column.name))\" attr.type=\"\(column.type)\"/>")
        }
        for (i, column) in columns.edge.enumerated() {
            lines.append("  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(e(column.name))\" attr.type=\"\(column.type)\"/>")
        }
        lines.append("  <graph id=\"G\" edgedefault=\"\(network.isDirected ? "directed" : "undirected")\">")
        lines.append("    <data key=\"g_name\">\(e(network.name))</data>")
        if let description = network.description { lines.append("    <data key=\"g_description\">\(e(description))</data>") }
        for (v, stakeholder) in network.stakeholders.enumerated() {
            let data = columns.node.enumerated().compactMap { i, column in column.value(v).map { "<data key=\"n\(i)\">\(e($0))</data>" } }
            lines.append("    <node id=\"\(e(stakeholder.id))\"" + (data.isEmpty ? "/>" : ">" + data.joined() + "</node>"))
        }
        for (t, tie) in network.ties.enumerated() {
            var element = "    <edge source=\"\(e(network.stakeholders[Int(tie.source)].id))\" target=\"\(e(network.stakeholders[Int(tie.target)].id))\""
            if tie.direction != .asNetwork { element += " directed=\"\(tie.direction == .directed)\"" }
            let data = columns.edge.enumerated().compactMap { i, column in column.value(t).map { "<data key=\"e\(i)\">\(e($0))</data>" } }
            lines.append(element + (data.isEmpty ? "/>" : ">" + data.joined() + "</edge>"))
        }
        lines += ["  </graph>", "</graphml>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
