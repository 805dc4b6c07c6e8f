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
        let handler = Handler(Reader(path: path, options: options))
        try SafeXML.stream(path, to: handler)
        // The records move out of the handler, so that the network can let them go as it is made.
        var records = handler.reader.records
        handler.reader.records = NetworkRecords(file: path)
        let reader = handler.reader
        guard reader.graphsSeen > 0 else {
            throw InputError(file: path, message: "holds no <graph>", hint: "a GraphML file holds one <graph> with its nodes and edges")
        }
        var warnings: [InputProblem] = []
        if reader.nested {
            warnings.append(InputProblem(.warning, file: path, message: "nested graphs and hyperedges are not read; only the top graph's nodes and edges are"))
        }
        if reader.graphsSeen > 1 {
            warnings.append(InputProblem(.warning, file: path, message: "holds \(reader.graphsSeen) graphs; only the first is read"))
        }
        useVertexNames(&records)
        let isDirected = options.directed ?? reader.isDirected
        for i in 0 ..< records.edgeCount where records.direction(ofEdge: i) != .asNetwork {
            if (records.direction(ofEdge: i) == .directed) == isDirected { records.setDirection(.asNetwork, ofEdge: i) }
        }
        let (network, more) = try records.network(name: reader.name, description: reader.description, isDirected: isDirected)
        return (network, warnings + more)
    }

    /// Passes the parser's events to a `Reader` held as a value, so that an event costs one exclusive access
    /// to it rather than one per property it touches.
    final class Handler: XMLEventHandler {
        var reader: Reader

        init(_ reader: Reader) { self.reader = reader }

        func start(_ name: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            try reader.start(name, namespace: namespace, attributes: attributes, line: line)
        }
        func end(_ name: String) throws { try reader.end(name) }
        func text(_ bytes: UnsafeBufferPointer<UInt8>) { reader.text(bytes) }
        var wantsText: Bool { reader.wantsText }
    }

    /// Reads GraphML events into records as they stream past. Keys are numbered as declared, so a `<data>`
    /// costs one lookup of its key and no set of the keys given so far (a stamp per key says which
    /// node or edge last gave it); its text goes into its key's column as bytes (`RecordColumns`).
    struct Reader {
        struct Key {
            let id: String
            let name: String
            let type: DeclaredType
            let domain: String
            var defaultValue: String?
            let yEdGraphics: Bool
            /// The columns of the key's values among nodes' and edges', once one is given.
            var nodeColumn: Int?
            var edgeColumn: Int?
        }
        enum Owner { case none, graph, node(Int), edge(Int) }

        let path: String
        let options: NetworkReadOptions
        var records: NetworkRecords
        var keys: [Key] = []
        var keyNumbers: [String: Int] = [:]
        /// Each key's id as bytes, to find a `<data>`'s key without making a string.
        private var keyIDs: [[UInt8]] = []
        private var lastKey = -1
        var name: String
        var description: String?
        var isDirected = true
        var graphsSeen = 0
        var nested = false
        private var started = false
        private var graphDepth = 0
        private var owner = Owner.none
        /// For each key, the number of the owner (node, edge or graph) that last gave it.
        private var givenBy: [Int] = []
        private var ownerNumber = 0
        private var keyBeingDeclared: Int?
        /// Whether some key has a default (else an element's end looks for none).
        private var keysHaveDefaults = false
        private var inDefault = false
        private var dataKey: Int?
        private var dataIsText = false
        private var inNodeLabel = false
        /// The text of the element being read, as bytes until it is complete.
        private var buffer: [UInt8] = []
        private var bufferText: String { String(decoding: buffer, as: UTF8.self) }

        init(path: String, options: NetworkReadOptions) {
            self.path = path
            self.options = options
            records = NetworkRecords(file: path)
            records.mapping = options.columns
            records.namesXMLElements = true
            name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        }

        var wantsText: Bool { inDefault || inNodeLabel || dataIsText }
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }

        /// Whether elements now belong to the first top-level graph.
        private var inTopGraph: Bool { graphDepth == 1 && graphsSeen == 1 }

        private mutating func newOwner(_ next: Owner) {
            owner = next
            ownerNumber += 1
        }

        /// Gives the current node or edge `text` as the value of key `number`.
        private mutating func give(_ text: UnsafeBufferPointer<UInt8>, key number: Int) {
            switch owner {
            case .node(let i):
                if keys[number].nodeColumn == nil { keys[number].nodeColumn = records.nodeValues.column(named: keys[number].name) }
                records.nodeValues.setText(text, type: keys[number].type, column: keys[number].nodeColumn!, record: i)
            case .edge(let i):
                if keys[number].edgeColumn == nil { keys[number].edgeColumn = records.edgeValues.column(named: keys[number].name) }
                records.edgeValues.setText(text, type: keys[number].type, column: keys[number].edgeColumn!, record: i)
            default:
                break
            }
        }

        mutating func start(_ element: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            if !started {
                started = true
                guard element == "graphml" else {
                    throw InputError(file: path, line: line, message: "the root element is <\(element)>, not <graphml>", hint: "is this a GraphML file?")
                }
                return
            }
            switch element {
            // The commonest elements first: a switch over names tries its cases in order.
            case "data" where inTopGraph:
                if case .none = owner { return }
                guard let number = keyNumber(attributes.bytes(of: "key")) else {
                    throw InputError(file: path, line: line, field: "<data>", message: "<data key=\"\(attributes["key"] ?? "")\"> names no declared <key>",
                                     hint: "declare the key at the top of the file")
                }
                dataKey = number
                dataIsText = !keys[number].yEdGraphics
                buffer.removeAll(keepingCapacity: true)
            case "node" where inTopGraph:
                guard let id = attributes.bytes(of: "id") else {
                    throw InputError(file: path, line: line, field: "<node>", message: "a <node> has no id", hint: "every node needs an id")
                }
                newOwner(.node(records.addNode(id: id, line: line)))
            case "edge" where inTopGraph:
                guard let source = attributes.bytes(of: "source"), let target = attributes.bytes(of: "target") else {
                    throw InputError(file: path, line: line, field: "<edge>", message: "an <edge> lacks its source or target",
                                     hint: "every edge names a source and a target node")
                }
                var direction = TieDirection.asNetwork
                if let directed = attributes["directed"], options.directed == nil {
                    direction = directed.lowercased() == "true" ? .directed : .undirected
                }
                newOwner(.edge(records.addEdge(source: source, target: target, line: line, direction: direction)))
            case "key" where graphDepth == 0:
                guard let id = attributes["id"] else {
                    throw InputError(file: path, line: line, field: "<key>", message: "a <key> has no id", hint: "every <key> needs an id")
                }
                let key = Key(id: id, name: attributes["attr.name"] ?? id, type: DeclaredType(attributes["attr.type"] ?? "string"),
                              domain: attributes["for"] ?? "all", defaultValue: nil, yEdGraphics: attributes["yfiles.type"] != nil,
                              nodeColumn: nil, edgeColumn: nil)
                if let number = keyNumbers[id] {
                    keys[number] = key
                    keyBeingDeclared = number
                } else {
                    keyNumbers[id] = keys.count
                    keyBeingDeclared = keys.count
                    keys.append(key)
                    keyIDs.append(Array(id.utf8))
                    givenBy.append(0)
                }
            case "default" where keyBeingDeclared != nil:
                inDefault = true
                buffer.removeAll(keepingCapacity: true)
            case "graph":
                graphDepth += 1
                if graphDepth == 1 {
                    graphsSeen += 1
                    if graphsSeen == 1 {
                        isDirected = attributes["edgedefault"].map { $0.lowercased() != "undirected" } ?? true
                        newOwner(.graph)
                    }
                } else {
                    nested = true
                }
            case "hyperedge":
                nested = true
            case "NodeLabel" where dataKey.map({ keys[$0].yEdGraphics }) ?? false:
                inNodeLabel = true
                buffer.removeAll(keepingCapacity: true)
            default:
                break
            }
        }

        /// The number of the key whose id these bytes spell: the one after the last found is tried first
        /// (data come in the order of their keys), then every key.
        private mutating func keyNumber(_ id: UnsafeBufferPointer<UInt8>?) -> Int? {
            guard let id else { return nil }
            let ids = keyIDs
            func matches(_ number: Int) -> Bool {
                ids[number].count == id.count && (id.isEmpty || ids[number].withUnsafeBufferPointer { memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0 })
            }
            if lastKey + 1 < keys.count && matches(lastKey + 1) { lastKey += 1; return lastKey }
            guard let number = keys.indices.first(where: matches) else { return nil }
            lastKey = number
            return number
        }

        mutating func end(_ element: String) throws {
            switch element {
            case "data":
                guard let number = dataKey else { return }
                dataKey = nil
                dataIsText = false
                guard !keys[number].yEdGraphics else { return }
                givenBy[number] = ownerNumber
                switch owner {
                case .node, .edge: buffer.withUnsafeBufferPointer { give($0, key: number) }
                case .graph:
                    let text = bufferText.trimmingCharacters(in: .whitespacesAndNewlines)
                    if keys[number].name == "name", !text.isEmpty { name = text }
                    if keys[number].name == "description", !text.isEmpty { description = text }
                case .none: break
                }
            case "node", "edge":
                guard inTopGraph else { return }
                if keysHaveDefaults {
                    let domain = element
                    for number in keys.indices where givenBy[number] != ownerNumber {
                        guard !keys[number].yEdGraphics, var value = keys[number].defaultValue, keys[number].domain == domain || keys[number].domain == "all" else { continue }
                        value.withUTF8 { give($0, key: number) }
                    }
                }
                newOwner(.graph)
            case "default" where inDefault:
                keys[keyBeingDeclared!].defaultValue = bufferText
                keysHaveDefaults = true
                inDefault = false
            case "key":
                keyBeingDeclared = nil
            case "NodeLabel" where inNodeLabel:
                inNodeLabel = false
                let label = bufferText.trimmingCharacters(in: .whitespacesAndNewlines)
                if case .node(let i) = owner, !label.isEmpty {
                    let column = records.nodeValues.column(named: "label")
                    if records.nodeValues.columns[column].entry(of: i) == 0 { records.nodeValues.setTyped(.text(label), column: column, record: i) }
                }
            case "graph":
                graphDepth -= 1
                if graphDepth == 0 { owner = .none }
            default:
                break
            }
        }
    }

    /// igraph writes nodes as `n0`, `n1`, … with the vertex names in a `name` attribute: when every node is
    /// so named, uniquely, the names are the ids.
    static func useVertexNames(_ records: inout NetworkRecords) {
        guard records.nodeCount > 0, let column = records.nodeValues.number(of: "name") else { return }
        let values = records.nodeValues.values(of: column)
        var names: [String] = []
        names.reserveCapacity(records.nodeCount)
        for i in 0 ..< records.nodeCount {
            let id = records.nodeID(i)
            guard id.first == "n", Int(id.dropFirst()) != nil,
                  let name = values[Int(records.nodeValues.columns[column].entry(of: i))].text, !name.isEmpty else { return }
            names.append(name)
        }
        guard Set(names).count == names.count else { return }
        // Messages keep naming the elements as the file wrote them.
        records.renameNodes(names)
        records.nodeValues.remove(named: "name")
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
