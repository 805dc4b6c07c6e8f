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
        let handler = Handler(Reader(path: path, columns: options.columns, directed: options.directed))
        try SafeXML.stream(path, to: handler)
        // The records move out of the handler, so that the network can let them go as it is made.
        var records = handler.reader.records
        handler.reader.records = NetworkRecords(file: path)
        let reader = handler.reader
        guard reader.sawGraph else {
            throw InputError(file: path, message: "holds no <graph>", hint: "a GEXF file holds one <graph> with its nodes and edges")
        }
        let isDirected = options.directed ?? reader.isDirected
        let name = reader.name ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try records.network(name: name, description: reader.description, isDirected: isDirected)
    }

    /// Passes the parser's events to a `Reader` held as a value (one exclusive access per event).
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

    /// Reads GEXF events into records as they stream past. Declared attributes are numbered per class
    /// (node, edge), with their types worked out once; a stamp per attribute says which node or edge last
    /// gave it, for the defaults. Values go into their attribute's column as bytes (`RecordColumns`).
    struct Reader {
        struct Attribute {
            let title: String
            let type: DeclaredType
            var defaultValue: String?
            /// The number of the owner that last gave a value of it.
            var givenBy = 0
            /// Its column among the nodes' or edges' values, once one is given.
            var column: Int?
        }
        /// Attributes declared for nodes or for edges, found by id or, failing that, by title.
        struct Declarations {
            var list: [Attribute] = []
            var byID: [String: Int] = [:]
            /// Each declared id's bytes, and the attribute last found by them (values come in declaration order).
            var idBytes: [[UInt8]] = []
            var last = -1

            func number(of key: String) -> Int? {
                byID[key] ?? list.firstIndex { $0.title == key }
            }

            /// `number(of:)` for a key given as bytes: the attribute after the last found is tried first.
            mutating func number(ofBytes key: UnsafeBufferPointer<UInt8>) -> Int? {
                func matches(_ number: Int) -> Bool {
                    idBytes[number].count == key.count && (key.isEmpty || idBytes[number].withUnsafeBufferPointer { memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 })
                }
                if last + 1 < idBytes.count, matches(last + 1) {
                    last += 1
                    return last
                }
                if let found = idBytes.indices.first(where: matches) {
                    last = found
                    return found
                }
                return number(of: String(decoding: key, as: UTF8.self))
            }
        }
        enum Owner { case none, node(Int), edge(Int) }

        let path: String
        var records: NetworkRecords
        var nodeAttributes = Declarations()
        var edgeAttributes = Declarations()
        var isDirected = false
        var sawGraph = false
        var name: String?
        var description: String?
        /// `--directed` or `--undirected`, over the file's edge types.
        let directed: Bool?
        private var started = false
        private var declaringEdges = false
        private var attributeBeingDeclared: Int?
        private var inDefault = false
        private var inDescription = false
        private var owner = Owner.none
        private var ownerNumber = 0
        /// Whether some attribute has a default (else an element's end looks for none).
        private var attributesHaveDefaults = false
        private var buffer = ""

        init(path: String, columns: ColumnMapping = ColumnMapping(), directed: Bool? = nil) {
            self.path = path
            self.directed = directed
            records = NetworkRecords(file: path)
            records.mapping = columns
            records.namesXMLElements = true
        }

        var wantsText: Bool { inDefault || inDescription }
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { buffer += String(decoding: bytes, as: UTF8.self) }

        /// Starts giving values to `next` (a node may hold nodes, in hierarchical GEXF).
        private mutating func begin(_ next: Owner) {
            owner = next
            ownerNumber += 1
        }

        /// Gives the current node or edge a value of the attribute `name`.
        private mutating func give(_ value: AttributeValue, name: String) {
            switch owner {
            case .node(let i): records.nodeValues.setTyped(value, column: records.nodeValues.column(named: name), record: i)
            case .edge(let i): records.edgeValues.setTyped(value, column: records.edgeValues.column(named: name), record: i)
            case .none: break
            }
        }

        /// Gives the current node or edge `text` as the value of the declared attribute `number` (of the
        /// owner's class), or, with no number, of an attribute `name` typed as `type`.
        private mutating func give(_ text: UnsafeBufferPointer<UInt8>, attribute number: Int?, name: String, type: DeclaredType?) {
            switch owner {
            case .node(let i):
                let column = number.map { n in nodeAttributes.column(n, in: &records.nodeValues) } ?? records.nodeValues.column(named: name)
                records.nodeValues.setText(text, type: number.map { nodeAttributes.list[$0].type } ?? type, column: column, record: i)
            case .edge(let i):
                let column = number.map { n in edgeAttributes.column(n, in: &records.edgeValues) } ?? records.edgeValues.column(named: name)
                records.edgeValues.setText(text, type: number.map { edgeAttributes.list[$0].type } ?? type, column: column, record: i)
            case .none:
                break
            }
        }

        mutating func start(_ element: String, namespace: XMLNamespace, attributes: XMLAttributes, line: Int) throws {
            if !started {
                started = true
                guard element == "gexf" else {
                    throw InputError(file: path, line: line, message: "the root element is <\(element)>, not <gexf>", hint: "is this a GEXF file?")
                }
                return
            }
            switch element {
            // The commonest elements first: a switch over names tries its cases in order.
            case "attvalue":
                guard let key = attributes.bytes(of: "for") ?? attributes.bytes(of: "id"), let text = attributes.bytes(of: "value") else { return }
                switch owner {
                case .node:
                    let number = nodeAttributes.number(ofBytes: key)
                    if let number { nodeAttributes.list[number].givenBy = ownerNumber }
                    give(text, attribute: number, name: number == nil ? String(decoding: key, as: UTF8.self) : "", type: .text)
                case .edge:
                    let number = edgeAttributes.number(ofBytes: key)
                    if let number { edgeAttributes.list[number].givenBy = ownerNumber }
                    give(text, attribute: number, name: number == nil ? String(decoding: key, as: UTF8.self) : "", type: .text)
                case .none: return
                }
            case "node" where !namespace.contains("viz"):
                guard let id = attributes.bytes(of: "id") else {
                    throw InputError(file: path, line: line, field: "<node>", message: "a <node> has no id", hint: "every node needs an id")
                }
                begin(.node(records.addNode(id: id, line: line)))
                if let label = attributes.bytes(of: "label") { give(label, attribute: nil, name: "label", type: .text) }
            case "edge":
                guard let source = attributes.bytes(of: "source"), let target = attributes.bytes(of: "target") else {
                    throw InputError(file: path, line: line, field: "<edge>", message: "an <edge> lacks its source or target",
                                     hint: "every edge names a source and a target node")
                }
                // An edge's own type says its direction where it differs from the graph's (unless told otherwise).
                var direction = TieDirection.asNetwork
                if directed == nil, let type = attributes["type"]?.lowercased(), ["directed", "undirected", "mutual"].contains(type),
                   (type == "directed") != isDirected {
                    direction = type == "directed" ? .directed : .undirected
                }
                begin(.edge(records.addEdge(source: source, target: target, line: line, direction: direction)))
                for key in Self.edgeFields {
                    if let value = attributes.bytes(of: key) { give(value, attribute: nil, name: key, type: nil) }
                }
            case "description" where !sawGraph:
                inDescription = true
                buffer = ""
            case "graph":
                sawGraph = true
                isDirected = (attributes["defaultedgetype"] ?? "undirected").lowercased() == "directed"
                name = attributes["name"]
            case "attributes":
                declaringEdges = attributes["class"] == "edge"
            case "attribute":
                guard let id = attributes["id"] ?? attributes["title"] else { return }
                let attribute = Attribute(title: attributes["title"] ?? id, type: DeclaredType(attributes["type"] ?? "string"))
                attributeBeingDeclared = declaringEdges ? edgeAttributes.declare(id, attribute) : nodeAttributes.declare(id, attribute)
            case "default" where attributeBeingDeclared != nil:
                inDefault = true
                buffer = ""
            case "color" where namespace.contains("viz"):
                if let hex = attributes["hex"] { give(.text(hex), name: "viz_color"); return }
                let channel = { (key: String) in Int(attributes[key] ?? "") ?? 0 }
                var text = String(format: "#%02x%02x%02x", channel("r"), channel("g"), channel("b"))
                if let alpha = attributes["a"].flatMap(Double.init), alpha < 1 { text += String(format: "%02x", Int((alpha * 255).rounded())) }
                give(.text(text), name: "viz_color")
            case "size" where namespace.contains("viz"):
                if let value = attributes["value"].flatMap(Double.init) { give(.number(value), name: "viz_size") }
            case "position" where namespace.contains("viz"):
                for axis in ["x", "y", "z"] {
                    if let value = attributes[axis].flatMap(Double.init), axis != "z" || value != 0 { give(.number(value), name: "viz_" + axis) }
                }
            default:
                break
            }
        }

        /// An edge's own attributes, read as text and typed like a table's columns.
        static let edgeFields = ["weight", "kind", "label", "start", "end"]

        mutating func end(_ element: String) throws {
            switch element {
            case "node", "edge":
                if attributesHaveDefaults {
                    let declared = element == "node" ? nodeAttributes.list : edgeAttributes.list
                    for (number, attribute) in declared.enumerated() {
                        guard attribute.givenBy != ownerNumber, var value = attribute.defaultValue else { continue }
                        value.withUTF8 { give($0, attribute: number, name: attribute.title, type: attribute.type) }
                    }
                }
                begin(.none)
            case "description" where inDescription:
                inDescription = false
                let text = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { description = text }
            case "default" where inDefault:
                inDefault = false
                if declaringEdges { edgeAttributes.list[attributeBeingDeclared!].defaultValue = buffer } else { nodeAttributes.list[attributeBeingDeclared!].defaultValue = buffer }
                attributesHaveDefaults = true
            case "attribute":
                attributeBeingDeclared = nil
            default:
                break
            }
        }
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

extension GEXFFormat.Reader.Declarations {
    /// The column of attribute `number` among `values`, made when first needed.
    mutating func column(_ number: Int, in values: inout RecordColumns) -> Int {
        if let column = list[number].column { return column }
        let column = values.column(named: list[number].title)
        list[number].column = column
        return column
    }

    /// Declares an attribute (again, if its id was declared before) and gives its number.
    mutating func declare(_ id: String, _ attribute: GEXFFormat.Reader.Attribute) -> Int {
        if let number = byID[id] {
            list[number] = attribute
            return number
        }
        byID[id] = list.count
        list.append(attribute)
        idBytes.append(Array(id.utf8))
        return list.count - 1
    }
}
