import CGraphviz
import Foundation

/// The one place StakeNet calls Graphviz's C libraries, in this process: the Graphviz worker
/// (`stakenet-render`) runs it, and so do library users who ask for `GraphvizIsolation.inProcess`.
///
/// Graphviz is not thread-safe: every `ag*` and `gv*` call, building and freeing included, runs under one
/// process-wide lock, with one `GVC_t` created on first use and never freed (DESIGN.md).
enum GraphvizEngine {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Runs `body` holding the lock, with the shared context.
    private static func locked<T>(_ body: (OpaquePointer) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        if sharedContext == nil {
            stakenet_agseterr_max()
            sharedContext = gvContext()
        }
        // Start each operation with no message left from an earlier one.
        agreseterrors()
        return try body(sharedContext!)
    }

    /// The last error cgraph recorded (with `agseterr(AGMAX)` nothing goes to stderr), cleared after reading.
    private static func lastError(default fallback: String) -> RenderError {
        // aglasterr returns a malloc'd copy the caller frees (a leak found by fuzzing the DOT reader).
        let copy = aglasterr()
        let message = copy.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        free(copy)
        agreseterrors()
        let text = message.isEmpty ? fallback : message
        var line: Int?
        if let range = text.range(of: "line ") {
            line = Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        return RenderError(reason: .refused, message: text, line: line)
    }

    /// Lays out DOT text with `engine` and renders it in `format` (`svg`, `png`, `pdf`, `dot` …) into the file at `path`.
    static func render(dot text: String, engine: String, format: String, seed: Int, to path: String) throws {
        try locked { context in
            let trimmed = text.hasSuffix("\n") ? String(text.dropLast()) : text // see `parse`
            guard let graph = trimmed.withCString({ stakenet_agmemread($0, "diagram") }) else {
                throw lastError(default: "Graphviz could not read the diagram")
            }
            defer { agclose(graph) }
            stakenet_seed(seed)
            guard stakenet_layout(context, graph, engine) == 0 else {
                throw lastError(default: "Graphviz could not lay out the diagram with \(engine)")
            }
            defer { gvFreeLayout(context, graph) }
            // Rendered to a file, not with gvRenderData: its buffer grows by reallocation, which cost a
            // quarter of the time on a 20,000-stakeholder map.
            guard stakenet_render_file(context, graph, format, path) == 0 else {
                throw lastError(default: "Graphviz could not render \(format)")
            }
        }
    }

    /// The same, returning the bytes (through a temporary file).
    static func render(dot text: String, engine: String, format: String, seed: Int) throws -> Data {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("stakenet-render-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try render(dot: text, engine: engine, format: format, seed: seed, to: temporary.path)
        guard let data = try? Data(contentsOf: temporary) else {
            throw RenderError(reason: .refused, message: "Graphviz wrote no \(format) output", line: nil)
        }
        return data
    }

    /// A C string as text: UTF-8 when it is, otherwise Latin-1 (DOT files may declare `charset=latin1`).
    static func decoded(_ pointer: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        return String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
    }

    static func decoded(_ pointer: UnsafeMutablePointer<CChar>) -> String { decoded(UnsafePointer(pointer)) }

    /// A parsed DOT graph, copied out of cgraph: nodes and edges with all their attributes.
    struct ParsedGraph: Codable, Equatable {
        struct Node: Codable, Equatable {
            var name: String
            var attributes: [String: String]
        }

        struct Edge: Codable, Equatable {
            var tail: String
            var head: String
            var attributes: [String: String]
        }

        var name: String
        var isDirected: Bool
        var graphAttributes: [String: String]
        var nodes: [Node]
        var edges: [Edge]
    }

    /// Parses DOT bytes (any encoding Graphviz accepts; Latin-1 files are passed as raw bytes).
    static func parse(_ data: Data, name: String) throws -> ParsedGraph {
        var bytes = [UInt8](data)
        // cgraph's lexer leaves what follows the closing brace unread, and counts its line breaks into the
        // next input's line numbers: drop trailing white space.
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 || last == 0x09 { bytes.removeLast() }
        bytes.append(0)
        return try locked { _ in
            guard let graph = bytes.withUnsafeBufferPointer({ buffer in
                name.withCString { stakenet_agmemread(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), $0) }
            }) else {
                throw lastError(default: "not a DOT graph")
            }
            defer { agclose(graph) }
            func attributes(of object: UnsafeMutableRawPointer, kind: Int32) -> [String: String] {
                var result: [String: String] = [:]
                var symbol = stakenet_agnxtattr(graph, kind, nil)
                while let current = symbol {
                    if let value = stakenet_agxget(object, current) {
                        let text = decoded(value)
                        if !text.isEmpty { result[decoded(current.pointee.name)] = text }
                    }
                    symbol = stakenet_agnxtattr(graph, kind, current)
                }
                return result
            }
            var parsed = ParsedGraph(name: decoded(stakenet_agnameof(UnsafeMutableRawPointer(graph))), isDirected: stakenet_agisdirected(graph) != 0,
                                     graphAttributes: attributes(of: UnsafeMutableRawPointer(graph), kind: Int32(AGRAPH)), nodes: [], edges: [])
            var node = agfstnode(graph)
            while let current = node {
                parsed.nodes.append(.init(name: decoded(stakenet_agnameof(UnsafeMutableRawPointer(current))),
                                          attributes: attributes(of: UnsafeMutableRawPointer(current), kind: stakenet_kind_node())))
                var edge = stakenet_agfstout(graph, current)
                while let e = edge {
                    parsed.edges.append(.init(tail: decoded(stakenet_agnameof(UnsafeMutableRawPointer(stakenet_agtail(e)))),
                                              head: decoded(stakenet_agnameof(UnsafeMutableRawPointer(stakenet_aghead(e)))),
                                              attributes: attributes(of: UnsafeMutableRawPointer(e), kind: stakenet_kind_edge())))
                    edge = stakenet_agnxtout(graph, e)
                }
                node = agnxtnode(graph, current)
            }
            return parsed
        }
    }
}
