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

/// Lays out and renders diagrams through Graphviz's C libraries.
public enum GraphvizRenderer {
    /// The picture as bytes. `.dot` gives the diagram's DOT text (no layout), ready for any Graphviz tool.
    /// The same diagram, layout and seed always give the same bytes.
    ///
    /// - Throws: `RenderError` with Graphviz's own message.
    public static func render(_ diagram: Diagram, layout: Layout, format: RenderFormat, seed: Int = 1, dpi: Double? = nil) throws -> Data {
        var diagram = diagram
        diagram.graphAttributes["layout"] = layout.rawValue
        if [.neato, .fdp, .sfdp].contains(layout) { diagram.graphAttributes["start"] = String(seed) }
        if let dpi { diagram.graphAttributes["dpi"] = String(format: "%g", dpi) }
        let text = DOTWriter.dot(diagram)
        if format == .dot { return Data(text.utf8) }
        return try GraphvizEngine.render(dot: text, engine: layout.rawValue, format: format.rawValue, seed: seed)
    }

    /// Renders DOT text as it is (for comparisons with the `dot` program).
    public static func render(dot text: String, engine: Layout, format: RenderFormat, seed: Int = 1) throws -> Data {
        try GraphvizEngine.render(dot: text, engine: engine.rawValue, format: format.rawValue, seed: seed)
    }
}
