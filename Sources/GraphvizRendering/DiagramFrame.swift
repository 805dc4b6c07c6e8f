import Foundation

/// Fits a laid-out diagram to its page: the second of the two Graphviz passes `GraphvizRenderer` makes.
///
/// The first pass lays the network out with the chosen engine (neato, sfdp, dot …) and returns every
/// position (Graphviz's `json0`). This one scales the positions and shapes to the drawing area of the
/// page — not the text: every label, the title, the legend and the caption are drawn at the page's font
/// size (`DiagramSize.fontSize`, at least 7.5 pixels when the picture is fitted to 1,000 pixels wide) —
/// offers labels to the most central stakeholders as the area allows (`LabelPlacer` puts each beside
/// its node where it overlaps nothing, and leaves off those it cannot), and adds the title, a legend of
/// real swatches (fills and shapes, lines, node sizes) and the caption, pinned beneath the drawing. The
/// result is DOT for Graphviz's `nop2` engine, which draws positions as given: the same picture in SVG,
/// PNG, PDF, or for any Graphviz program to draw again.
///
/// - Complexity: O(n + m) after the layout.
struct DiagramFrame {
    /// Where the first pass put things (points; Graphviz's y axis points up).
    struct Layout {
        var boundingBox: (x0: Double, y0: Double, x1: Double, y1: Double)
        var nodes: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
        var edges: [String: String] = [:]
        var clusters: [String: (x0: Double, y0: Double, x1: Double, y1: Double)] = [:]
    }

    /// Reads Graphviz's `json0` output.
    static func parseLayout(_ data: Data) throws -> Layout {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let bb = (object["bb"] as? String).flatMap(numbers), bb.count == 4 else {
            throw RenderError(reason: .refused, message: "Graphviz gave no layout (its json0 output could not be read)")
        }
        var layout = Layout(boundingBox: (bb[0], bb[1], bb[2], bb[3]))
        for item in object["objects"] as? [[String: Any]] ?? [] {
            guard let name = item["name"] as? String else { continue }
            if let box = (item["bb"] as? String).flatMap(numbers), box.count == 4, name.hasPrefix("cluster") {
                layout.clusters[name] = (box[0], box[1], box[2], box[3])
            } else if let pos = (item["pos"] as? String).flatMap(numbers), pos.count >= 2 {
                let width = (item["width"] as? String).flatMap(Double.init) ?? 0.2
                let height = (item["height"] as? String).flatMap(Double.init) ?? 0.2
                layout.nodes[name] = (pos[0], pos[1], width, height)
            }
        }
        for item in object["edges"] as? [[String: Any]] ?? [] {
            if let id = item["id"] as? String, let pos = item["pos"] as? String { layout.edges[id] = pos }
        }
        return layout
    }

    static func numbers(_ text: String) -> [Double]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == " " }).map { Double($0) }
        return parts.contains(nil) ? nil : parts.map { $0! }
    }

    let diagram: Diagram
    let layout: Layout
    /// The page's size in points, known once `dot()` has placed everything.
    private(set) var pageWidth = 0.0
    private(set) var pageHeight = 0.0

    init(diagram: Diagram, layout: Layout) {
        self.diagram = diagram
        self.layout = layout
        (pageWidth, pageHeight) = measure()
    }

    /// Where the blocks go on the page: the legend beneath the drawing, or beside it when the drawing is
    /// taller than the page's shape and the legend's stacked sections fit its height (whichever gives the
    /// drawing the larger scale).
    struct Geometry {
        var margin = 14.0
        var titleHeight = 0.0
        var legend: LegendBlock
        var legendBeside = false
        var captionLines: [String] = []
        var captionHeight = 0.0
        /// The drawing's area: left, bottom, width, height (points).
        var area = (x: 0.0, y: 0.0, width: 0.0, height: 0.0)
        var scale = 1.0
        var totalHeight = 0.0
    }

    private func geometry() -> Geometry {
        let page = diagram.size
        let font = page.fontSize
        let margin = 14.0
        let pad = font * 3
        let bb = layout.boundingBox
        let w = Swift.max(bb.x1 - bb.x0, 1), h = Swift.max(bb.y1 - bb.y0, 1)
        let captionLines = Text.wrap(diagram.caption, font: font, width: page.width - 2 * margin)
        let captionHeight = Double(captionLines.count) * font * 1.35 + (captionLines.isEmpty ? 0 : 6)
        let titleHeight = font * 1.9
        func arrangement(beside: Bool) -> Geometry? {
            let full = LegendBlock(sections: diagram.legend, font: font, width: page.width - 2 * margin)
            var legend = full
            if beside {
                let stackWidth = full.sections.map(full.naturalWidth).max() ?? 0
                legend = LegendBlock(sections: diagram.legend, font: font, width: stackWidth)
            }
            let below = beside ? 0 : legend.height + (legend.height > 0 ? 10 : 0)
            let drawingHeight = Swift.max(page.height - titleHeight - captionHeight - below - 2 * margin, page.height * 0.5)
            if beside && (legend.height > drawingHeight || legend.sections.isEmpty) { return nil }
            let side = beside ? legend.width + font : 0
            let areaWidth = page.width - 2 * margin - 2 * pad - side, areaHeight = drawingHeight - 2 * font
            guard areaWidth > 0 else { return nil }
            let scale = Swift.min(areaWidth / w, areaHeight / h, 3)
            var g = Geometry(margin: margin, titleHeight: titleHeight, legend: legend, legendBeside: beside, captionLines: captionLines, captionHeight: captionHeight)
            let bottom = margin + captionHeight + below
            g.area = (margin + pad, bottom + font, areaWidth, areaHeight)
            g.scale = scale
            g.totalHeight = bottom + drawingHeight + titleHeight + margin
            return g
        }
        let under = arrangement(beside: false)!
        if let beside = arrangement(beside: true), beside.scale > under.scale * 1.1 { return beside }
        return under
    }

    /// The page width and height the framed picture takes (points).
    private func measure() -> (Double, Double) {
        (diagram.size.width, geometry().totalHeight)
    }

    /// The DOT text of the framed picture, for the `nop2` engine.
    func dot() -> String {
        let page = diagram.size
        let font = page.fontSize
        let g = geometry()
        let margin = g.margin, width = page.width, legend = g.legend, scale = g.scale
        let bb = layout.boundingBox
        let w = Swift.max(bb.x1 - bb.x0, 1), h = Swift.max(bb.y1 - bb.y0, 1)
        let shapeScale = Swift.min(scale, 1)
        let used = (width: w * scale, height: h * scale)
        let x0 = g.area.x + (g.area.width - used.width) / 2, y0 = g.area.y + (g.area.height - used.height) / 2
        func point(_ x: Double, _ y: Double) -> (Double, Double) { (x0 + (x - bb.x0) * scale, y0 + (y - bb.y0) * scale) }
        let totalHeight = g.totalHeight
        let captionLines = g.captionLines, captionHeight = g.captionHeight

        // Where each node and tie lands on the page.
        var placed: [String: (x: Double, y: Double, width: Double, height: Double)] = [:]
        for (name, node) in layout.nodes {
            let (x, y) = point(node.x, node.y)
            placed[name] = (x, y, Swift.max(0.08, node.width * shapeScale), Swift.max(0.08, node.height * shapeScale))
        }
        // Ties keep the layout's routes when the shapes scaled with the positions; when the drawing is
        // enlarged (the shapes are not) they are drawn again between the nodes where they now stand.
        var edgePositions: [String: String] = [:]
        if scale <= shapeScale * 1.001 { for (id, pos) in layout.edges { edgePositions[id] = Self.transform(pos, point) } }

        // Labels, most central first, as many as the area can hold, each where it covers nothing.
        let right = g.legendBeside ? width - margin - legend.width - font : width - margin
        var placer = LabelPlacer(bounds: .init(x0: margin, y0: g.area.y - font, x1: right, y1: g.area.y + g.area.height + font), cell: font * 4)
        for node in placed.values {
            placer.block(.init(x0: node.x - node.width * 36, y0: node.y - node.height * 36, x1: node.x + node.width * 36, y1: node.y + node.height * 36))
        }
        for (index, edge) in diagram.edges.enumerated() {
            // The tie's route, or (when it is drawn again) the straight line between its ends.
            var points = edgePositions[edge.attributes["id"] ?? "t\(index)"].map(Self.points) ?? []
            if points.isEmpty, let a = placed[edge.tail], let b = placed[edge.head] { points = [(a.x, a.y), (b.x, b.y)] }
            for (a, b) in zip(points, points.dropFirst()) { placer.avoid(.init(x0: a.0, y0: a.1, x1: b.0, y1: b.1)) }
        }
        var labelStatements = ""
        for name in offeredLabels(area: used.width * used.height + 1, font: font) {
            guard let node = diagram.nodes.first(where: { $0.name == name }), let at = placed[name] else { continue }
            let labelWidth = Text.width(node.label, font: font), labelHeight = font * 1.25
            guard let centre = placer.place(width: labelWidth, height: labelHeight, nodeX: at.x, nodeY: at.y, halfWidth: at.width * 36, halfHeight: at.height * 36) else { continue }
            let id = node.stakeholder.map { (node.panel.map { "p\($0)" } ?? "") + "l\($0)" } ?? "l_\(name)"
            labelStatements += "  \(id) [shape=plaintext, class=\"label\", margin=0, fixedsize=true, width=\(Self.number(labelWidth / 72)), height=\(Self.number(labelHeight / 72)), "
                + "label=\(DOTWriter.quoted(node.label)), pos=\"\(Self.number(centre.x)),\(Self.number(centre.y))!\"];\n"
        }

        var out = "\(diagram.isDirected ? "digraph" : "graph") stakenet {\n"
        var graph = diagram.graphAttributes
        graph["layout"] = "nop2"
        graph["forcelabels"] = "false"
        graph["pad"] = "0"
        graph["splines"] = graph["splines"] ?? "true"
        for key in ["overlap", "start", "sep", "K", "len", "nodesep", "ranksep", "mindist", "dpi"] where key != "dpi" { graph[key] = nil }
        if let dpi = diagram.graphAttributes["dpi"] { graph["dpi"] = dpi }
        for key in graph.keys.sorted() { out += "  \(key)=\(DOTWriter.quoted(graph[key]!));\n" }
        var nodeDefaults = diagram.nodeDefaults
        nodeDefaults["fontsize"] = Self.number(font)
        nodeDefaults["fontcolor"] = "#000000"
        out += "  node [\(DOTWriter.attributeList(nodeDefaults))];\n"
        if !diagram.edgeDefaults.isEmpty { out += "  edge [\(DOTWriter.attributeList(diagram.edgeDefaults))];\n" }
        // The page's corners fix its size.
        out += "  corner0 [shape=point, style=invis, width=0.01, pos=\"0,0!\", class=\"frame\"];\n"
        out += "  corner1 [shape=point, style=invis, width=0.01, pos=\"\(Self.number(width)),\(Self.number(totalHeight))!\", class=\"frame\"];\n"

        func nodeStatement(_ node: Diagram.Node) -> String {
            var attributes = node.attributes
            if let at = placed[node.name] {
                attributes["pos"] = "\(Self.number(at.x)),\(Self.number(at.y))!"
                attributes["width"] = Self.number(at.width)
                attributes["height"] = Self.number(at.height)
            }
            if let stakeholder = node.stakeholder {
                attributes["id"] = (node.panel.map { "p\($0)" } ?? "") + "s\(stakeholder)"
                attributes["class"] = "stakeholder"
            }
            return "\(node.name) [\(DOTWriter.attributeList(attributes))];\n"
        }
        for (index, cluster) in diagram.clusters.enumerated() {
            out += "  subgraph cluster_\(index) {\n"
            var attributes = cluster.attributes
            attributes["label"] = cluster.label
            attributes["fontsize"] = Self.number(font)
            if let box = layout.clusters["cluster_\(index)"] {
                let (a, b) = point(box.x0, box.y0), (c, d) = point(box.x1, box.y1)
                attributes["bb"] = "\(Self.number(a)),\(Self.number(b)),\(Self.number(c)),\(Self.number(d))"
            }
            for key in attributes.keys.sorted() { out += "    \(key)=\(DOTWriter.quoted(attributes[key]!));\n" }
            for node in diagram.nodes where node.cluster == index { out += "    " + nodeStatement(node) }
            out += "  }\n"
        }
        for node in diagram.nodes where node.cluster == nil { out += "  " + nodeStatement(node) }
        let arrow = diagram.isDirected ? "->" : "--"
        for (index, edge) in diagram.edges.enumerated() {
            var attributes = edge.attributes
            let id = attributes["id"] ?? "t\(index)"
            attributes["id"] = id
            attributes["class"] = "tie"
            if let pos = edgePositions[id] { attributes["pos"] = pos }
            out += "  \(edge.tail) \(arrow) \(edge.head) [\(DOTWriter.attributeList(attributes))];\n"
        }

        out += labelStatements
        // Title, legend and caption, pinned.
        var extras = ExtraNodes(arrow: arrow)
        let titleY = totalHeight - margin - font * 0.8
        extras.text(diagram.title, x: margin, y: titleY, font: font * 1.3, bold: true)
        if g.legendBeside {
            legend.place(into: &extras, x: width - margin - legend.width, top: titleY - font * 1.5, shapeScale: shapeScale)
        } else {
            legend.place(into: &extras, x: margin, top: g.area.y - font - 6, shapeScale: shapeScale)
        }
        var captionY = margin + captionHeight - font
        for line in captionLines {
            extras.text(line, x: margin, y: captionY, font: font, bold: false)
            captionY -= font * 1.35
        }
        out += extras.text
        return out + "}\n"
    }

    /// The nodes offered a label: those with one, most central first, as many as the area holds at a
    /// quarter of it covered by labels.
    func offeredLabels(area: Double, font: Double) -> [String] {
        let candidates = diagram.nodes.filter { !$0.label.isEmpty }.sorted { ($0.priority, $1.name) > ($1.priority, $0.name) }
        guard !candidates.isEmpty else { return [] }
        let averageWidth = candidates.prefix(50).map { Text.width($0.label, font: font) }.reduce(0, +) / Double(Swift.min(candidates.count, 50))
        let capacity = Swift.max(5, Int(area * 0.25 / ((averageWidth + 6) * font * 1.4)))
        return candidates.prefix(capacity).map(\.name)
    }

    /// Every point of a Graphviz edge position (`e,x,y`, `s,x,y` and control points) moved by `point`.
    static func transform(_ pos: String, _ point: (Double, Double) -> (Double, Double)) -> String {
        pos.split(separator: " ").map { token -> String in
            var parts = token.split(separator: ",").map(String.init)
            var prefix = ""
            if parts.first == "e" || parts.first == "s" { prefix = parts.removeFirst() + "," }
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return String(token) }
            let (a, b) = point(x, y)
            return prefix + "\(Self.number(a)),\(Self.number(b))"
        }.joined(separator: " ")
    }

    /// The points of a Graphviz edge position, its arrow-end markers included.
    static func points(_ pos: String) -> [(Double, Double)] {
        pos.split(separator: " ").compactMap { token in
            var parts = token.split(separator: ",")
            if parts.first == "e" || parts.first == "s" { parts.removeFirst() }
            guard parts.count == 2, let x = Double(parts[0]), let y = Double(parts[1]) else { return nil }
            return (x, y)
        }
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}

/// Title, legend and caption as pinned nodes and edges (`k0`, `k1` …, class `legend`).
struct ExtraNodes {
    let arrow: String
    var text = ""
    private var count = 0

    init(arrow: String) { self.arrow = arrow }

    private mutating func name() -> String {
        count += 1
        return "k\(count)"
    }

    /// Text whose left edge is at `x`, its middle line at `y` (left-justified, `\\l`, so that the width
    /// estimate erring wide moves nothing).
    mutating func text(_ content: String, x: Double, y: Double, font: Double, bold: Bool, italic: Bool = false) {
        guard !content.isEmpty else { return }
        let w = Text.width(content, font: font, bold: bold)
        let face = bold ? "DejaVu Sans Bold" : italic ? "DejaVu Sans Oblique" : "DejaVu Sans"
        text += "  \(name()) [shape=plaintext, class=\"legend\", margin=0, width=\(DiagramFrame.number(w / 72)), height=\(DiagramFrame.number(font * 1.2 / 72)), fixedsize=true, "
            + "fontname=\(DOTWriter.quoted(face)), fontsize=\(DiagramFrame.number(font)), label=\(DOTWriter.quoted(content).dropLast())\\l\", pos=\"\(DiagramFrame.number(x + w / 2)),\(DiagramFrame.number(y))!\"];\n"
    }

    /// A swatch centred at (x, y), about `size` points across.
    mutating func swatch(_ swatch: Diagram.Swatch, x: Double, y: Double, size: Double) {
        switch swatch {
        case let .fill(colour, shape):
            let round = ["ellipse", "box"].contains(shape)
            text += "  \(name()) [shape=\(DOTWriter.quoted(shape)), class=\"legend\", style=filled, fillcolor=\(DOTWriter.quoted(colour)), color=\"#333333\", fixedsize=true, "
                + "width=\(DiagramFrame.number(size / 72)), height=\(DiagramFrame.number((round ? size * 0.72 : size) / 72)), pos=\"\(DiagramFrame.number(x)),\(DiagramFrame.number(y))!\"];\n"
        case let .size(diameter, colour):
            text += "  \(name()) [shape=circle, class=\"legend\", style=filled, fillcolor=\(DOTWriter.quoted(colour)), color=\"#333333\", fixedsize=true, "
                + "width=\(DiagramFrame.number(diameter)), pos=\"\(DiagramFrame.number(x)),\(DiagramFrame.number(y))!\"];\n"
        case let .line(colour, style, width, arrow):
            let a = name(), b = name()
            let x1 = x - size, x2 = x + size
            for (end, ex) in [(a, x1), (b, x2)] {
                text += "  \(end) [shape=point, class=\"legend\", style=invis, width=0.01, pos=\"\(DiagramFrame.number(ex)),\(DiagramFrame.number(y))!\"];\n"
            }
            let tip = arrow ? x2 - 5 : x2
            let spline = (arrow ? "e,\(DiagramFrame.number(x2)),\(DiagramFrame.number(y)) " : "")
                + [x1, x1 + (tip - x1) / 3, x1 + 2 * (tip - x1) / 3, tip].map { "\(DiagramFrame.number($0)),\(DiagramFrame.number(y))" }.joined(separator: " ")
            text += "  \(a) \(self.arrow) \(b) [class=\"legend\", color=\(DOTWriter.quoted(colour)), style=\(DOTWriter.quoted(style)), penwidth=\(DiagramFrame.number(width)), "
                + "dir=\(arrow ? "forward" : "none"), arrowsize=\(DiagramFrame.number(0.6 / Swift.max(1, width / 2))), pos=\"\(spline)\"];\n"
        case .none:
            break
        }
    }
}

/// The legend's sections in columns, wrapped onto further bands when they do not fit across.
struct LegendBlock {
    let sections: [Diagram.LegendSection]
    let font: Double
    let width: Double
    /// Each section's column: its left edge, top, and width.
    private(set) var columns: [(section: Int, x: Double, top: Double, width: Double)] = []
    private(set) var height: Double = 0

    var rowHeight: Double { font * 1.55 }

    /// A row is taller for a node-size swatch: the node at its size (drawn no larger than at full scale).
    func rowHeight(of entry: Diagram.LegendEntry) -> Double {
        if case let .size(diameter, _) = entry.swatch { return Swift.max(rowHeight, diameter * 72 + 4) }
        return rowHeight
    }
    var swatchSpace: Double { font * 2.6 }

    /// Where an entry's text starts: after its swatch (a node-size swatch may be wider than the others).
    func swatchSpace(for entry: Diagram.LegendEntry, shapeScale: Double = 1) -> Double {
        if case let .size(diameter, _) = entry.swatch { return Swift.max(swatchSpace, diameter * shapeScale * 72 + font * 0.8) }
        return swatchSpace
    }

    /// The width a section's column takes when nothing in it is cut.
    func naturalWidth(_ section: Diagram.LegendSection) -> Double {
        let textWidth = ([Text.width(section.title, font: font)] + section.entries.map { Text.width($0.text, font: font) + swatchSpace(for: $0) }).max() ?? 0
        return textWidth + font * 2
    }

    init(sections: [Diagram.LegendSection], font: Double, width: Double) {
        self.sections = sections.filter { !$0.entries.isEmpty || $0.title.hasPrefix("boxes") }
        self.font = font
        self.width = width
        var x = 0.0, bandTop = 0.0, bandHeight = 0.0
        for (index, section) in self.sections.enumerated() {
            let columnWidth = Swift.min(naturalWidth(section), width)
            let columnHeight = rowHeight + section.entries.map(rowHeight(of:)).reduce(0, +)
            if x > 0 && x + columnWidth > width {
                bandTop += bandHeight + font * 0.5
                x = 0
                bandHeight = 0
            }
            columns.append((index, x, bandTop, columnWidth))
            x += columnWidth
            bandHeight = Swift.max(bandHeight, columnHeight)
        }
        height = self.sections.isEmpty ? 0 : bandTop + bandHeight
    }

    /// Places the legend with its top-left corner at (x, top) (y pointing up); node sizes are drawn at the
    /// drawing's scale (`shapeScale`), no larger than a row.
    func place(into extras: inout ExtraNodes, x: Double, top: Double, shapeScale: Double) {
        for column in columns {
            let section = sections[column.section]
            var y = top - column.top - rowHeight / 2
            extras.text(section.title, x: x + column.x, y: y, font: font, bold: false, italic: true)
            var previous = rowHeight
            for entry in section.entries {
                let height = rowHeight(of: entry)
                y -= (previous + height) / 2
                previous = height
                var swatch = entry.swatch
                var centre = font * 1.1
                if case let .size(diameter, colour) = swatch {
                    swatch = .size(diameter: diameter * shapeScale, colour: colour)
                    centre = Swift.max(centre, diameter * shapeScale * 36 + 2)
                }
                extras.swatch(swatch, x: x + column.x + centre, y: y, size: font * 1.1)
                let textX = swatchSpace(for: entry, shapeScale: shapeScale)
                let available = column.width - textX - font
                extras.text(Text.fit(entry.text, font: font, width: available), x: x + column.x + textX, y: y, font: font, bold: false)
            }
        }
    }
}

/// Widths of DejaVu Sans text, estimated from its advance widths (per 1,000 units of the em), for placing
/// text Graphviz will draw: the estimate errs wide.
enum Text {
    static func width(_ text: String, font: Double, bold: Bool = false) -> Double {
        var units = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ": units += 318
            case "i", "j", "l", "I", "'", "|", ".", ",", ":", ";", "!": units += 300
            case "f", "r", "t", "(", ")", "-": units += 400
            case "m", "w", "M", "W": units += 930
            case "A" ... "Z": units += 720
            case "0" ... "9": units += 636
            default: units += scalar.value > 0x2E80 ? 1000 : 600
            }
        }
        return units / 1000 * font * (bold ? 1.15 : 1.0) + 2
    }

    /// The text cut with "…" to fit `width` points.
    static func fit(_ text: String, font: Double, width: Double) -> String {
        guard Self.width(text, font: font) > width, width > font else { return text }
        var cut = text
        while cut.count > 1 && Self.width(cut + "…", font: font) > width { cut.removeLast() }
        return cut + "…"
    }

    /// The text in lines no wider than `width` points, broken at spaces.
    static func wrap(_ text: String, font: Double, width: Double) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if Self.width(candidate, font: font) > width && !current.isEmpty {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { fit($0, font: font, width: width) }
    }
}
