import Foundation
import NetworkIO
import NetworkModel

/// Reads a Graphviz DOT file (`.gv`, `.dot`) into a network, through cgraph.
///
/// Node names are ids; attributes are read as every other format's (`NetworkRecords`): `label` (unless
/// `\N`), `kind` (or `type`) and `sector` as such, edge `weight` as the tie's strength, `kind`, `start`,
/// `end` and `directed`; every other attribute is kept, typed per attribute. Subgraph structure is not
/// kept. Errors carry Graphviz's own message and line. cgraph parses in the Graphviz worker unless
/// `isolation` says otherwise, so a file that crashes the parser gives an error, not a crash.
public enum DOTNetworkReader {
    public static func read(_ path: String, options: NetworkReadOptions = NetworkReadOptions(),
                            isolation: GraphvizIsolation = .standard) throws -> StakeholderNetwork {
        let data: Data
        do { data = try InputFile.contents(path) } catch {
            throw InputError(file: path, message: "cannot be read", hint: "check that the file exists and that you may read it")
        }
        if data.isEmpty { throw InputError(file: path, message: "the file is empty", hint: "a DOT file holds at least `graph { }`") }
        let parsed: GraphvizEngine.ParsedGraph
        let fileName = (path as NSString).lastPathComponent
        do {
            switch isolation {
            case .inProcess:
                parsed = try GraphvizEngine.parse(data, name: fileName)
            case let .worker(timeout, program):
                let output = try GraphvizWorkerClient.perform(GraphvizWorkerRequest(operation: .parse, name: fileName), input: data,
                                                              timeout: timeout, program: program, task: "reading \(fileName)")
                guard let decoded = try? JSONDecoder().decode(GraphvizEngine.ParsedGraph.self, from: output) else {
                    throw RenderError(reason: .crashed(signal: 0), message: "the Graphviz worker's answer for \(fileName) could not be read")
                }
                parsed = decoded
            }
        } catch let error as RenderError where error.reason == .refused {
            throw InputError(file: path, line: error.line, message: "Graphviz: \(error.message)", hint: "check the DOT syntax near that line")
        } catch let error as RenderError {
            throw InputError(file: path, message: error.message, hint: "the file may be too large or malformed for Graphviz's DOT parser")
        }
        var records = NetworkRecords(file: path)
        records.mapping = options.columns
        for node in parsed.nodes {
            let values = node.attributes.sorted { $0.key < $1.key }.compactMap { key, value -> (String, NetworkRecords.Value)? in
                key == "label" && value == "\\N" ? nil : (key, .text(value))
            }
            records.add(NetworkRecords.Node(id: node.name, values: values, element: "node '\(node.name)'"))
        }
        for edge in parsed.edges {
            var record = NetworkRecords.Edge(source: edge.tail, target: edge.head, element: "edge \(edge.tail) – \(edge.head)")
            record.values = edge.attributes.sorted { $0.key < $1.key }.map { ($0.key, .text($0.value)) }
            records.add(record)
        }
        let name = parsed.name.isEmpty || parsed.name.hasPrefix("%") ? ((path as NSString).lastPathComponent as NSString).deletingPathExtension : parsed.name
        return try records.network(name: name, isDirected: options.directed ?? parsed.isDirected).0
    }

    /// Whether a path names a DOT file.
    public static func handles(_ path: String) -> Bool {
        ["gv", "dot"].contains((path as NSString).pathExtension.lowercased())
    }
}
