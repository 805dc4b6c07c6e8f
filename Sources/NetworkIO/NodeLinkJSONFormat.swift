import Foundation
import NetworkModel

/// Node-link JSON, as NetworkX's `node_link_data` writes it (and d3 reads it):
/// `{"directed", "multigraph", "graph": {…}, "nodes": [{"id", …}], "edges": [{"source", "target", …}]}`.
///
/// Reading also takes `"links"` for the edges (NetworkX before 3.4, d3), and a link's `source`/`target`
/// given as a position in `nodes` (d3) when no node has that id; NaN and infinities as Python's `json`
/// writes them. Values keep their JSON types (a whole number written `4.0` reads as the integer 4).
/// Problems are located by element path (`edges[12]`), since JSON has no records per line.
public enum NodeLinkJSONFormat {
    indirect enum JSONValue: Decodable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSONValue].self)) }
        }

        var text: String? {
            switch self {
            case .string(let s): return s
            case .int(let i): return String(i)
            case .double(let d): return AttributeValue.format(d)
            case .bool(let b): return b ? "true" : "false"
            default: return nil
            }
        }

        var attribute: AttributeValue {
            switch self {
            case .null, .object: return .missing
            case .bool(let b): return .boolean(b)
            case .int(let i): return .integer(i)
            case .double(let d): return .number(d)
            case .string(let s): return s.isEmpty ? .missing : .text(s)
            case .array(let items):
                let texts = items.compactMap(\.text)
                return texts.isEmpty ? .missing : (texts.count == 1 ? .text(texts[0]) : .list(texts))
            }
        }
    }

    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let data: Data
        do { data = try InputFile.contents(path) } catch {
            throw InputError(file: path, message: "cannot be read: \(FileProblem.describe(error))", hint: "check that the file exists and that you may read it")
        }
        if data.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "a node-link JSON file holds an object with nodes and edges") }
        // Text first (byte-order marks, UTF-16, invalid UTF-8 refused with its line): Foundation's JSON5 decoder
        // stops the process on invalid UTF-8 between tokens (found by fuzzing; Swift 6.3 on Linux).
        let utf8 = Data(try TextDecoding.decode(data, file: path).utf8)
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let root: [String: JSONValue]
        do { root = try decoder.decode([String: JSONValue].self, from: utf8) } catch let error as DecodingError {
            let (line, reason) = locate(utf8) ?? (nil, describe(error))
            throw InputError(file: path, line: line, message: "is not valid JSON: \(reason)", hint: "check the brackets, commas and quotes near there")
        }
        guard case .array(let nodes)? = root["nodes"] else {
            throw InputError(file: path, field: "nodes", message: "has no \"nodes\" list", hint: "a node-link file holds {\"nodes\": […], \"edges\": […]}")
        }
        let edgesKey = root["edges"] != nil ? "edges" : "links"
        guard case .array(let edges)? = root[edgesKey] ?? .array([]) else {
            throw InputError(file: path, field: edgesKey, message: "\"\(edgesKey)\" is not a list", hint: "edges are a list of {\"source\", \"target\"} objects")
        }
        var isDirected = false
        if case .bool(let directed)? = root["directed"] { isDirected = directed }
        var records = NetworkRecords(file: path)
        records.mapping = options.columns
        // A key with a fractional number anywhere is a number everywhere (JSON writes 2.0 as a whole number's twin).
        func numberKeys(_ items: [JSONValue]) -> Set<String> {
            var keys = Set<String>()
            for case .object(let fields) in items { for (key, value) in fields { if case .double = value { keys.insert(key) } } }
            return keys
        }
        func unify(_ fields: [String: JSONValue], _ numbers: Set<String>) -> [(String, NetworkRecords.Value)] {
            fields.sorted { $0.key < $1.key }.map { key, value in
                if numbers.contains(key), case .int(let i) = value { return (key, .typed(.number(Double(i)))) }
                return (key, .typed(value.attribute))
            }
        }
        let nodeNumbers = numberKeys(nodes), edgeNumbers = numberKeys(edges)
        var ids: [String] = []
        for (i, node) in nodes.enumerated() {
            guard case .object(let fields) = node else {
                throw InputError(file: path, field: "nodes[\(i)]", message: "is not an object", hint: "each node is {\"id\": …}")
            }
            guard let id = fields["id"]?.text else {
                throw InputError(file: path, field: "nodes[\(i)]", message: "has no id", hint: "give every node an \"id\"")
            }
            ids.append(id)
            records.add(NetworkRecords.Node(id: id, values: unify(fields.filter { $0.key != "id" }, nodeNumbers), element: "nodes[\(i)]"))
        }
        let known = Set(ids)
        func end(_ value: JSONValue?, _ i: Int, _ role: String) throws -> String {
            guard let value, let text = value.text else {
                throw InputError(file: path, field: "\(edgesKey)[\(i)]", message: "has no \(role)", hint: "each edge is {\"source\": …, \"target\": …}")
            }
            if !known.contains(text), case .int(let position) = value, ids.indices.contains(position) { return ids[position] }
            return text
        }
        for (i, edge) in edges.enumerated() {
            guard case .object(let fields) = edge else {
                throw InputError(file: path, field: "\(edgesKey)[\(i)]", message: "is not an object", hint: "each edge is {\"source\": …, \"target\": …}")
            }
            let values = unify(fields.filter { !["source", "target", "key"].contains($0.key) }, edgeNumbers)
            records.add(NetworkRecords.Edge(source: try end(fields["source"], i, "source"), target: try end(fields["target"], i, "target"),
                                            values: values, element: "\(edgesKey)[\(i)]"))
        }
        var name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var description: String?
        if case .object(let graph)? = root["graph"] {
            if let text = graph["name"]?.text, !text.isEmpty { name = text }
            description = graph["description"]?.text
        }
        return try records.network(name: name, description: description, isDirected: options.directed ?? isDirected)
    }

    /// Where JSON is broken: JSONSerialization names the character ("around character 34"), made a line here.
    static func locate(_ data: Data) -> (Int?, String)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch let error as NSError {
            let reason = (error.userInfo[NSDebugDescriptionErrorKey] as? String) ?? error.localizedDescription
            guard let range = reason.range(of: "character "), let offset = Int(reason[range.upperBound...].prefix { $0.isNumber }) else { return (nil, reason) }
            let text = String(decoding: data, as: UTF8.self)
            let line = 1 + text.unicodeScalars.prefix(offset).filter { $0 == "\n" }.count
            return (line, reason)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return (context.underlyingError as NSError?).map { "\($0.userInfo[NSDebugDescriptionErrorKey] ?? $0.localizedDescription)" } ?? context.debugDescription
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    public static func write(_ network: StakeholderNetwork) throws -> String {
        let columns = NetworkColumns(network)
        var pairs = Set<String>()
        var multigraph = false
        for tie in network.ties {
            let (a, b) = network.isDirected || tie.source <= tie.target ? (tie.source, tie.target) : (tie.target, tie.source)
            if !pairs.insert("\(a) \(b)").inserted { multigraph = true; break }
        }
        var out = "{\n  \"directed\": \(network.isDirected),\n  \"multigraph\": \(multigraph),\n  \"graph\": {\"name\": \(string(network.name))"
        if let description = network.description { out += ", \"description\": \(string(description))" }
        out += "},\n  \"nodes\": ["
        for (v, stakeholder) in network.stakeholders.enumerated() {
            var fields = ["\"id\": \(string(stakeholder.id))"]
            for column in columns.node { if let value = json(column.typed(v)) { fields.append("\(string(column.name)): \(value)") } }
            out += (v == 0 ? "\n    {" : ",\n    {") + fields.joined(separator: ", ") + "}"
        }
        out += "\n  ],\n  \"edges\": ["
        for (t, tie) in network.ties.enumerated() {
            var fields = ["\"source\": \(string(network.stakeholders[Int(tie.source)].id))", "\"target\": \(string(network.stakeholders[Int(tie.target)].id))"]
            for column in columns.edge { if let value = json(column.typed(t)) { fields.append("\(string(column.name)): \(value)") } }
            if tie.direction != .asNetwork { fields.append("\"directed\": \(tie.direction == .directed)") }
            out += (t == 0 ? "\n    {" : ",\n    {") + fields.joined(separator: ", ") + "}"
        }
        return out + "\n  ]\n}\n"
    }

    /// A value as JSON; NaN and infinities as Python's `json` writes them (NetworkX reads them back).
    static func json(_ value: AttributeValue) -> String? {
        switch value {
        case .missing: return nil
        case .text(let s): return string(s)
        case .integer(let i): return String(i)
        case .number(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
            return d == d.rounded() && abs(d) < 1e15 ? String(format: "%.1f", d) : "\(d)"
        case .boolean(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(string).joined(separator: ", ") + "]"
        }
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" { out += String(format: "\\u%04x", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
