import Foundation
import NetworkModel

/// Graphviz's layout engines.
public enum Layout: String, Sendable, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi

    /// neato for small maps, sfdp for large ones, dot for a funding or commissioning hierarchy
    /// (every tie of those kinds, directed, no cycle).
    public static func suggested(for network: StakeholderNetwork) -> Layout {
        let hierarchical = network.isDirected && network.tieCount > 0
            && network.ties.allSatisfy { $0.kind == .funding || $0.kind == .commissioning }
            && ((try? network.graph()).map(isAcyclic) ?? false)
        if hierarchical { return .dot }
        return network.stakeholderCount <= 150 ? .neato : .sfdp
    }

    /// Kahn's algorithm: whether a directed graph has no cycle. O(n + m).
    static func isAcyclic(_ graph: Graph) -> Bool {
        var remaining = (0 ..< graph.nodeCount).map { graph.inDegree(of: $0) }
        var ready = (0 ..< graph.nodeCount).filter { remaining[$0] == 0 }
        var removed = 0
        while let v = ready.popLast() {
            removed += 1
            for w in graph.successors(of: v) {
                remaining[Int(w)] -= 1
                if remaining[Int(w)] == 0 { ready.append(Int(w)) }
            }
        }
        return removed == graph.nodeCount
    }
}

/// Output formats, chosen by file extension.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}

/// A rendered picture and what the user should be told about how it was made.
public struct RenderedPicture: Sendable, Equatable {
    public var bytes: Data
    /// Sentences for the user (a retry with safer settings, for example).
    public var warnings: [String]
}

/// Lays out and renders diagrams through Graphviz, by default in a worker process (`GraphvizIsolation`).
public enum GraphvizRenderer {
    /// The picture. `.dot` gives the diagram's DOT text (no layout), ready for any Graphviz tool.
    /// The same diagram, layout and seed always give the same bytes.
    ///
    /// Settings known to crash Graphviz are never sent (`GraphvizSafety`). If Graphviz still crashes or runs
    /// out of time, the diagram is drawn once more with straight ties and nodes sized to their labels, and a
    /// warning says so. `target` names the picture in messages (`map.png`).
    ///
    /// - Throws: `RenderError`: Graphviz's own message, or the crash or time-out of both attempts.
    public static func render(_ diagram: Diagram, layout: Layout, format: RenderFormat, seed: Int = 1, dpi: Double? = nil,
                              isolation: GraphvizIsolation = .standard, target: String? = nil) throws -> RenderedPicture {
        var diagram = diagram
        diagram.graphAttributes["layout"] = layout.rawValue
        if [.neato, .fdp, .sfdp].contains(layout) { diagram.graphAttributes["start"] = String(seed) }
        if let dpi { diagram.graphAttributes["dpi"] = String(format: "%g", dpi) }
        GraphvizSafety.avoidKnownCrashes(in: &diagram, layout: layout)
        if format == .dot { return RenderedPicture(bytes: Data(DOTWriter.dot(diagram).utf8), warnings: []) }
        let task = "laying out \(target ?? "the diagram") with \(layout.rawValue)"
        do {
            let bytes = try draw(DOTWriter.dot(diagram), engine: layout.rawValue, format: format.rawValue, seed: seed, isolation: isolation, task: task)
            return RenderedPicture(bytes: bytes, warnings: [])
        } catch let error as RenderError where error.isCrashOrTimeOut {
            guard let safer = GraphvizSafety.safer(diagram) else { throw error }
            do {
                let bytes = try draw(DOTWriter.dot(safer), engine: layout.rawValue, format: format.rawValue, seed: seed, isolation: isolation, task: task)
                return RenderedPicture(bytes: bytes, warnings: ["\(error.message); drawn again with \(GraphvizSafety.saferDescription)"])
            } catch let second as RenderError where second.isCrashOrTimeOut {
                throw RenderError(reason: second.reason, message: "\(error.message), and failed again with \(GraphvizSafety.saferDescription): "
                    + "try another layout or a smaller map")
            }
        }
    }

    /// Renders DOT text as it is, with no safety adjustment or retry (for comparisons with the `dot` program).
    public static func render(dot text: String, engine: Layout, format: RenderFormat, seed: Int = 1,
                              isolation: GraphvizIsolation = .standard) throws -> Data {
        try draw(text, engine: engine.rawValue, format: format.rawValue, seed: seed, isolation: isolation,
                 task: "laying out the DOT text with \(engine.rawValue)")
    }

    private static func draw(_ text: String, engine: String, format: String, seed: Int, isolation: GraphvizIsolation, task: String) throws -> Data {
        switch isolation {
        case .inProcess:
            return try GraphvizEngine.render(dot: text, engine: engine, format: format, seed: seed)
        case let .worker(timeout, program):
            let request = GraphvizWorkerRequest(operation: .render, engine: engine, format: format, seed: seed)
            return try GraphvizWorkerClient.perform(request, input: Data(text.utf8), timeout: timeout, program: program, task: task)
        }
    }
}
