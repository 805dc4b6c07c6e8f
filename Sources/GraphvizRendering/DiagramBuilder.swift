import Foundation
import NetworkModel

extension Diagram {
    /// A styled picture of a network: fill by `colorBy` (Okabe–Ito palette), shape by kind, node area by
    /// `sizeBy`, tie line style and colour by kind, pen width by strength, arrowheads only where a tie runs
    /// one way, clusters, highlighting, and a legend of every mapping used.
    ///
    /// - Complexity: O(n + m).
    public init(network: StakeholderNetwork, options: DiagramOptions = DiagramOptions()) throws {
        // Colouring by kind is the default: a network without kinds is drawn in one colour rather than refused.
        let colourGroups: Grouping
        do {
            // Stakeholders without a value are drawn, in white, as "(none)" in the legend.
            colourGroups = try network.grouping(by: options.colorBy, missingAsGroup: true)
        } catch where options.colorBy == "kind" {
            colourGroups = Grouping(attribute: "kind", names: [Grouping.missingName], groupOf: network.stakeholders.map { _ in 0 })
        }
        let clusterGroups = try options.clusterBy.map { try network.grouping(by: $0) }
        var legend: [LegendSection] = []

        // Fill colours: known kinds keep their colour when colouring by kind; other values take the palette in order.
        var fillOf: [String] = []
        let knownFills = options.colorBy == "kind" ? colourGroups.names.compactMap { DiagramPalette.kinds[StakeholderKind(name: $0)]?.colour } : []
        var free = DiagramPalette.colours.filter { !knownFills.contains($0) }
        if free.isEmpty { free = DiagramPalette.colours }
        var paletteIndex = 0
        for name in colourGroups.names {
            if options.colorBy == "kind", let known = DiagramPalette.kinds[StakeholderKind(name: name)] {
                fillOf.append(known.colour)
            } else if name == Grouping.missingName {
                fillOf.append(colourGroups.count == 1 ? "#56B4E9" : "#FFFFFF")
            } else {
                fillOf.append(free[paletteIndex % free.count])
                paletteIndex += 1
            }
        }
        // Shapes: by kind always.
        var otherKinds: [String] = []
        func shape(of stakeholder: Stakeholder) -> String {
            guard let kind = stakeholder.kind else { return "ellipse" }
            if let known = DiagramPalette.kinds[kind] { return known.shape }
            if !otherKinds.contains(kind.name) { otherKinds.append(kind.name) }
            return DiagramPalette.otherShapes[otherKinds.firstIndex(of: kind.name)! % DiagramPalette.otherShapes.count]
        }
        // Sizes: area ∝ score, from 0.35 to 1.4 inches wide.
        let scores = options.sizeBy?.values.map { $0.isFinite ? Swift.max(0, $0) : 0 }
        let top = scores?.max() ?? 0
        let labelled: Set<Int>? = {
            guard case let .top(k) = options.labels else { return nil }
            return Set((options.sizeBy ?? NodeScores(measure: "", values: network.stakeholders.map { _ in 0 })).ranking.prefix(k))
        }()

        var nodes: [Node] = []
        var kindsUsed: [(name: String, shape: String)] = []
        for (v, stakeholder) in network.stakeholders.enumerated() {
            let fill = fillOf[colourGroups.groupOf[v]]
            let nodeShape = shape(of: stakeholder)
            let kindName = stakeholder.kind?.name ?? Grouping.missingName
            if !kindsUsed.contains(where: { $0.name == kindName }) { kindsUsed.append((kindName, nodeShape)) }
            // Sized nodes let labels run past their edge, onto the background: keep those black.
            var attributes = ["shape": nodeShape, "style": "filled", "fillcolor": fill,
                              "fontcolor": scores == nil ? DiagramPalette.fontColour(on: fill) : "#000000", "tooltip": stakeholder.id]
            if let scores {
                let width = top > 0 ? 0.35 + 1.05 * (scores[v] / top).squareRoot() : 0.35
                attributes["width"] = String(format: "%.3f", width)
                attributes["height"] = String(format: "%.3f", width * (nodeShape == "box" || nodeShape == "ellipse" ? 0.6 : 1))
                attributes["fixedsize"] = "shape"
            }
            if options.highlight.contains(v) {
                attributes["penwidth"] = "4"
                attributes["color"] = "#D55E00"
            }
            var label: String
            switch options.labels {
            case .label: label = stakeholder.label
            case .id: label = stakeholder.id
            case .none: label = ""
            case .top: label = labelled!.contains(v) ? stakeholder.label : ""
            }
            if label.count > options.maximumLabelLength { label = String(label.prefix(options.maximumLabelLength - 1)) + "…" }
            nodes.append(Node(name: "n\(v)", label: label, attributes: attributes, cluster: clusterGroups.flatMap { $0.groupOf[v] >= 0 ? $0.groupOf[v] : nil }))
        }

        // Ties: one line per tie as recorded, styled by kind, width by strength.
        let weights = network.ties.map(\.weight)
        let (low, high) = (weights.min() ?? 1, weights.max() ?? 1)
        var edges: [Edge] = []
        var tieKindsUsed: [String] = []
        var extraTieStyles: [String: String] = [:]
        for tie in network.ties {
            let kind = tie.kind
            let style = kind.flatMap { DiagramPalette.ties[$0] }
            var attributes: [String: String] = [:]
            if let style {
                attributes["style"] = style.style
                attributes["color"] = style.colour
            } else if let kind {
                let colour = extraTieStyles[kind.name] ?? DiagramPalette.colours[(extraTieStyles.count + 4) % 8]
                extraTieStyles[kind.name] = colour
                attributes["color"] = colour
            }
            let kindName = kind?.name ?? "tie"
            if !tieKindsUsed.contains(kindName) { tieKindsUsed.append(kindName) }
            attributes["penwidth"] = String(format: "%.2f", high > low ? 1 + 2.5 * (tie.weight - low) / (high - low) : 1.5)
            let oneWay = network.isDirected(tie) && (style?.directed ?? true)
            if network.isDirected { attributes["dir"] = oneWay ? "forward" : "none" }
            if options.highlight.contains(Int(tie.source)) && options.highlight.contains(Int(tie.target)) {
                attributes["color"] = "#D55E00"
                attributes["penwidth"] = "4"
            }
            let forward = DiagramArc(from: Int(tie.source), to: Int(tie.target)), backward = DiagramArc(from: Int(tie.target), to: Int(tie.source))
            if options.highlightArcs.contains(forward) || (!network.isDirected(tie) && options.highlightArcs.contains(backward)) {
                attributes["color"] = "#0072B2"
                attributes["penwidth"] = "4.5"
                attributes["style"] = "solid"
            }
            attributes["tooltip"] = "\(network.stakeholders[Int(tie.source)].id) – \(network.stakeholders[Int(tie.target)].id): \(kindName), weight \(AttributeValue.format(tie.weight))"
            edges.append(Edge(tail: "n\(tie.source)", head: "n\(tie.target)", attributes: attributes))
        }

        legend.append(LegendSection(title: "fill: \(options.colorBy)", entries: colourGroups.names.enumerated().map {
            LegendEntry(swatch: fillOf[$0.offset], text: $0.element)
        }))
        legend.append(LegendSection(title: "shape: kind", entries: kindsUsed.map { LegendEntry(swatch: nil, text: "\($0.name): \($0.shape)") }))
        legend.append(LegendSection(title: "ties: kind (line)", entries: tieKindsUsed.map { name in
            let style = DiagramPalette.ties[TieKind(name: name)]
            let colour = style?.colour ?? extraTieStyles[name] ?? "#000000"
            let arrow = network.isDirected ? ((style?.directed ?? true) ? ", arrow: direction" : ", no arrow: mutual") : ""
            return LegendEntry(swatch: colour, text: "\(name): \(style?.style ?? "solid")\(arrow)")
        }))
        var scale: [LegendEntry] = [LegendEntry(swatch: nil, text: high > low
            ? "line width: tie weight \(AttributeValue.format(low)) to \(AttributeValue.format(high))" : "line width: all ties weight \(AttributeValue.format(low))")]
        if let sizeBy = options.sizeBy { scale.append(LegendEntry(swatch: nil, text: "node area: \(sizeBy.measure) (largest \(String(format: "%.3g", top)))")) }
        if !options.highlight.isEmpty { scale.append(LegendEntry(swatch: "#D55E00", text: "highlighted: \(options.highlight.sorted().map { network.stakeholders[$0].id }.joined(separator: ", "))")) }
        if !options.highlightArcs.isEmpty { scale.append(LegendEntry(swatch: "#0072B2", text: "thick blue lines: \(options.pathCaption)")) }
        if let clusterGroups { scale.append(LegendEntry(swatch: nil, text: "boxes: \(clusterGroups.attribute) (drawn by dot and fdp layouts)")) }
        legend.append(LegendSection(title: "scale", entries: scale))

        let when = options.date ?? Self.reproducibleDate()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let caption = [network.name + (network.isDirected ? " (directed)" : " (undirected)"),
                       "\(network.stakeholderCount) stakeholders, \(network.tieCount) ties", options.caption, "StakeNet, \(formatter.string(from: when))"]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        self.init(isDirected: network.isDirected, title: options.title ?? network.name, caption: caption,
                  graphAttributes: ["labelloc": "b", "labeljust": "l", "fontname": "DejaVu Sans", "outputorder": "edgesfirst",
                                    "overlap": "scale",
                                    // Ties routed around nodes on small maps; straight above 100 stakeholders, where
                                    // routing costs minutes (49 s for 200 with sfdp) and overlap=false with it crashes Graphviz 2.42.
                                    "splines": network.stakeholderCount <= 100 ? "true" : "false", "pad": "0.3"],
                  nodeDefaults: ["fontname": "DejaVu Sans", "fontsize": "10", "margin": "0.05"],
                  edgeDefaults: ["arrowsize": "0.7"],
                  nodes: nodes, edges: edges,
                  clusters: clusterGroups.map { groups in groups.names.map { Cluster(label: $0, attributes: ["style": "rounded,dashed", "color": "#777777"]) } } ?? [],
                  legend: legend)
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds' convention), else now.
    public static func reproducibleDate() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}
