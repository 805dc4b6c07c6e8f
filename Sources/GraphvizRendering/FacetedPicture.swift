import Foundation
import NetworkModel

/// One panel of a faceted picture (`render --facet-by`): its heading and the diagram it shows, the
/// stakeholders outside the panel faded (`DiagramOptions.faded`).
public struct FacetPanel: Sendable {
    public var title: String
    public var diagram: Diagram
    public init(title: String, diagram: Diagram) {
        self.title = title
        self.diagram = diagram
    }
}

extension GraphvizRenderer {
    /// Small multiples: one panel per value, in a grid on one page, every stakeholder at the same place in
    /// every panel — `whole` is laid out once and its positions reused — with one legend and caption
    /// (`whole`'s). The panels must be diagrams of the same network (their nodes named as `whole`'s).
    ///
    /// - Complexity: one layout, then O(P · (n + m)) for P panels.
    public static func render(facets panels: [FacetPanel], whole: Diagram, layout: Layout, format: RenderFormat, seed: Int = 1, dpi: Double? = nil,
                              isolation: GraphvizIsolation = .standard, target: String? = nil) throws -> RenderedPicture {
        var warnings: [String] = []
        let (pass, positions) = try layoutPass(whole, layout: layout, seed: seed, isolation: isolation, target: target, warnings: &warnings)
        let bb = positions.boundingBox
        let w = Swift.max(bb.x1 - bb.x0, 1), h = Swift.max(bb.y1 - bb.y0, 1)
        // The grid whose panels come out largest on the page.
        let page = whole.size
        let columns = (1 ... Swift.max(panels.count, 1)).max { a, b in
            func scale(_ c: Int) -> Double {
                let rows = Double((panels.count + c - 1) / c)
                return Swift.min(page.width / (Double(c) * w * 1.15), page.height * 0.8 / (rows * h * 1.25))
            }
            return scale(a) < scale(b)
        } ?? 1
        let gap = 0.15 * Swift.max(w, h), heading = 0.12 * h
        let cellWidth = w + gap, cellHeight = h + gap + heading
        let rows = (panels.count + columns - 1) / columns

        var combined = Diagram(isDirected: whole.isDirected, title: whole.title, caption: whole.caption, graphAttributes: pass.graphAttributes,
                               nodeDefaults: whole.nodeDefaults, edgeDefaults: whole.edgeDefaults, nodes: [], edges: [], clusters: [],
                               legend: whole.legend, size: whole.size, stakeholderIDs: whole.stakeholderIDs)
        var grid = DiagramFrame.Layout(boundingBox: (0, 0, Double(columns) * cellWidth, Double(rows) * cellHeight))
        for (p, panel) in panels.enumerated() {
            let (column, row) = (p % columns, p / columns)
            let dx = Double(column) * cellWidth + gap / 2 - bb.x0
            let dy = Double(rows - 1 - row) * cellHeight + gap / 2 - bb.y0
            combined.clusters.append(Diagram.Cluster(label: panel.title, attributes: ["style": "rounded", "color": "#BBBBBB", "labeljust": "l"]))
            grid.clusters["cluster_\(p)"] = (bb.x0 + dx - gap * 0.4, bb.y0 + dy - gap * 0.4, bb.x1 + dx + gap * 0.4, bb.y1 + dy + gap * 0.4 + heading)
            for var node in panel.diagram.nodes {
                let original = node.name
                node.name = "p\(p)\(original)"
                node.cluster = p
                node.panel = p
                combined.nodes.append(node)
                if let at = positions.nodes[original] { grid.nodes[node.name] = (at.x + dx, at.y + dy, at.width, at.height) }
            }
            for (index, var edge) in panel.diagram.edges.enumerated() {
                let original = edge.attributes["id"] ?? "t\(index)"
                edge.tail = "p\(p)\(edge.tail)"
                edge.head = "p\(p)\(edge.head)"
                edge.attributes["id"] = "p\(p)\(original)"
                combined.edges.append(edge)
                if let pos = positions.edges[original] {
                    grid.edges["p\(p)\(original)"] = DiagramFrame.transform(pos) { ($0 + dx, $1 + dy) }
                }
            }
        }
        let frame = DiagramFrame(diagram: combined, layout: grid)
        return try finish((frame.dot(), frame.pageWidth, frame.pageHeight), ids: whole.stakeholderIDs, format: format, seed: seed, dpi: dpi,
                          isolation: isolation, target: target, warnings: warnings)
    }
}

extension FacetPanel {
    /// One panel per period: the ties active in it (a tie from its start to its end year), the stakeholders
    /// without one faded. Each panel keeps the whole diagram's tie ids, so the one layout serves them all.
    public static func periods(_ periods: [ClosedRange<Int>], of network: StakeholderNetwork, options: DiagramOptions) throws -> [FacetPanel] {
        try periods.map { period in
            var panelOptions = options
            var active = Set<Int>()
            for tie in network.ties where tie.isActive(in: period) { active.insert(Int(tie.source)); active.insert(Int(tie.target)) }
            panelOptions.faded = options.faded.union(Set(network.stakeholders.indices).subtracting(active))
            var diagram = try Diagram(network: network, options: panelOptions)
            var kept: [Diagram.Edge] = []
            for (index, var edge) in diagram.edges.enumerated() where edge.ties.contains(where: { network.ties[$0].isActive(in: period) }) {
                edge.attributes["id"] = edge.attributes["id"] ?? "t\(index)"
                kept.append(edge)
            }
            diagram.edges = kept
            let title = period.count == 1 ? String(period.lowerBound) : "\(period.lowerBound)–\(period.upperBound)"
            let ties = network.ties.filter { $0.isActive(in: period) }.count
            return FacetPanel(title: "\(title) (\(ties) ties)", diagram: diagram)
        }
    }

    /// Periods for small multiples over the ties' years: spans of `step` years from the first (at most
    /// `limit` panels: the step widens to fit), the last clipped to the last year.
    public static func spans(of years: ClosedRange<Int>, step: Int = 5, limit: Int = 16) -> [ClosedRange<Int>] {
        var width = Swift.max(1, step)
        while (years.count + width - 1) / width > limit { width += 1 }
        return stride(from: years.lowerBound, through: years.upperBound, by: width).map { $0 ... Swift.min($0 + width - 1, years.upperBound) }
    }
}
