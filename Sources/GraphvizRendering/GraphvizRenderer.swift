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
    /// Bitmaps are drawn at most this many pixels across (and `bitmapArea` in all); larger ones are drawn
    /// at a lower resolution, with a warning.
    public static let bitmapSide = 8000.0
    public static let bitmapArea = 40_000_000.0

    /// The picture, laid out in two Graphviz passes: the layout engine places the stakeholders, then
    /// `DiagramFrame` fits the layout to the diagram's page, with readable labels, the legend and the
    /// caption, and Graphviz draws it (`nop2`). `.dot` gives the framed DOT text, which any Graphviz
    /// program draws the same. The same diagram, layout and seed always give the same bytes.
    ///
    /// Settings known to crash Graphviz are never sent (`GraphvizSafety`). If Graphviz still crashes or runs
    /// out of time laying out, the layout is made once more with straight ties and a warning says so.
    /// PNG is drawn at `dpi` (96 by default) unless that would pass `bitmapSide` or `bitmapArea`.
    /// `target` names the picture in messages (`map.png`).
    ///
    /// - Throws: `RenderError`: Graphviz's own message, or the crash or time-out of both attempts.
    public static func render(_ diagram: Diagram, layout: Layout, format: RenderFormat, seed: Int = 1, dpi: Double? = nil,
                              isolation: GraphvizIsolation = .standard, target: String? = nil) throws -> RenderedPicture {
        var warnings: [String] = []
        let framed = try frame(diagram, layout: layout, seed: seed, isolation: isolation, target: target, warnings: &warnings)
        return try finish(framed, ids: diagram.stakeholderIDs, format: format, seed: seed, dpi: dpi, isolation: isolation, target: target, warnings: warnings)
    }

    /// Draws framed DOT (`nop2`) in the format asked, PNG within `bitmapSide` and `bitmapArea`.
    static func finish(_ framed: (dot: String, width: Double, height: Double), ids: [String], format: RenderFormat, seed: Int, dpi: Double?,
                       isolation: GraphvizIsolation, target: String?, warnings: [String]) throws -> RenderedPicture {
        var warnings = warnings
        var dot = framed.dot
        if format == .png {
            let wanted = dpi ?? 96
            let inches = (width: framed.width / 72, height: framed.height / 72)
            let largest = Swift.min(bitmapSide / Swift.max(inches.width, inches.height), (bitmapArea / (inches.width * inches.height)).squareRoot())
            var used = wanted
            if wanted > largest {
                used = Swift.max(1, largest.rounded(.down))
                warnings.append("\(target ?? "the picture") at \(Int(wanted)) dpi would be \(Int(inches.width * wanted)) × \(Int(inches.height * wanted)) pixels; drawn at \(Int(used)) dpi (\(Int(inches.width * used)) × \(Int(inches.height * used)) pixels) instead")
            }
            dot = dot.replacingOccurrences(of: "  layout=\"nop2\";\n", with: "  dpi=\"\(String(format: "%g", used))\";\n  layout=\"nop2\";\n")
        } else if let dpi {
            dot = dot.replacingOccurrences(of: "  layout=\"nop2\";\n", with: "  dpi=\"\(String(format: "%g", dpi))\";\n  layout=\"nop2\";\n")
        }
        if format == .dot { return RenderedPicture(bytes: Data(dot.utf8), warnings: warnings) }
        let bytes = try draw(dot, engine: "nop2", format: format.rawValue, seed: seed, isolation: isolation,
                             task: "drawing \(target ?? "the diagram")")
        return RenderedPicture(bytes: format == .svg ? DiagramSVG.annotate(bytes, ids: ids) : bytes, warnings: warnings)
    }

    /// The framed DOT of a diagram and its page size (points), after the layout pass.
    static func frame(_ diagram: Diagram, layout: Layout, seed: Int, isolation: GraphvizIsolation, target: String?,
                      warnings: inout [String]) throws -> (dot: String, width: Double, height: Double) {
        let (pass, positions) = try layoutPass(diagram, layout: layout, seed: seed, isolation: isolation, target: target, warnings: &warnings)
        let frame = DiagramFrame(diagram: pass, layout: positions)
        let dot = frame.dot()
        return (dot, frame.pageWidth, frame.pageHeight)
    }

    /// The first pass: the diagram as laid out (with the settings used, safe ones after a crash) and its positions.
    static func layoutPass(_ diagram: Diagram, layout: Layout, seed: Int, isolation: GraphvizIsolation, target: String?,
                           warnings: inout [String]) throws -> (Diagram, DiagramFrame.Layout) {
        var pass = diagram
        pass.graphAttributes["layout"] = layout.rawValue
        if [.neato, .fdp, .sfdp].contains(layout) { pass.graphAttributes["start"] = String(seed) }
        for (key, value) in compactLayout(layout, nodes: diagram.nodes.count) where pass.graphAttributes[key] == nil { pass.graphAttributes[key] = value }
        GraphvizSafety.avoidKnownCrashes(in: &pass, layout: layout)
        let task = "laying out \(target ?? "the diagram") with \(layout.rawValue)"
        var positions: Data
        do {
            positions = try draw(DOTWriter.dot(pass, labels: false), engine: layout.rawValue, format: "json0", seed: seed, isolation: isolation, task: task)
        } catch let error as RenderError where error.isCrashOrTimeOut {
            guard let safer = GraphvizSafety.safer(pass) else { throw error }
            do {
                positions = try draw(DOTWriter.dot(safer, labels: false), engine: layout.rawValue, format: "json0", seed: seed, isolation: isolation, task: task)
                pass = safer
                warnings.append("\(error.message); laid out again with \(GraphvizSafety.saferDescription)")
            } catch let second as RenderError where second.isCrashOrTimeOut {
                throw RenderError(reason: second.reason, message: "\(error.message), and failed again with \(GraphvizSafety.saferDescription): "
                    + "try another layout or a smaller map")
            }
        }
        // The second pass keeps the first's (safe) spline setting: nop2 draws the ties where the layout put them.
        return (pass, try DiagramFrame.parseLayout(positions))
    }

    /// Graphviz settings that keep a layout compact for its page: room between small nodes, overlaps removed.
    static func compactLayout(_ layout: Layout, nodes: Int) -> [String: String] {
        switch layout {
        case .neato: return ["overlap": nodes <= 5000 ? "prism" : "true", "sep": "+4", "len": "0.8"]
        case .sfdp: return ["overlap": nodes <= 5000 ? "prism" : "true", "sep": "+4"]
        case .fdp: return ["overlap": "prism", "sep": "+4", "K": "0.6"]
        case .dot: return ["nodesep": "0.18", "ranksep": "0.4"]
        case .circo: return ["mindist": "0.3"]
        case .twopi: return ["ranksep": "0.7", "overlap": "prism"]
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
