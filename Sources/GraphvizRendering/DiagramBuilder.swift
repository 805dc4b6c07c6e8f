import Foundation
import NetworkModel

extension Diagram {
    /// A styled picture of a network: fill by `colorBy` (Okabe–Ito palette), shape by kind, node area by
    /// `sizeBy`, tie line style and colour by kind, pen width by strength, arrowheads only where a tie runs
    /// one way, clusters, highlighting, and a legend of exactly the mappings used, with real swatches.
    ///
    /// Nodes are small shapes and labels sit beside them (placed after the layout, left off where they
    /// would overlap: the most central are offered first), so that the layout stays compact and the
    /// labels readable at the size of the page (`DiagramFrame`). Dense networks draw their ties merged,
    /// or only each stakeholder's strongest, and faint below the median (`TieDrawing`).
    ///
    /// - Complexity: O(n + m log m).
    public init(network: StakeholderNetwork, options: DiagramOptions = DiagramOptions()) throws {
        let n = network.stakeholderCount
        // Colouring by kind is the default: a network without kinds is drawn in one colour rather than refused.
        let colourGroups: Grouping?
        do {
            colourGroups = try network.grouping(by: options.colorBy, missingAsGroup: true)
        } catch where options.colorBy == "kind" {
            colourGroups = nil
        }
        let colouringByKind = colourGroups.map { $0.attribute == "kind" } ?? true
        let clusterGroups = try options.clusterBy.map { try network.grouping(by: $0) }

        // Fill colours: known kinds keep their colour when colouring by kind; other values take the palette in order.
        var fillOf: [String] = []
        if let colourGroups {
            let knownFills = colouringByKind ? colourGroups.names.compactMap { DiagramPalette.kinds[StakeholderKind(name: $0)]?.colour } : []
            var free = DiagramPalette.colours.filter { !knownFills.contains($0) }
            if free.isEmpty { free = DiagramPalette.colours }
            var paletteIndex = 0
            for name in colourGroups.names {
                if colouringByKind, let known = DiagramPalette.kinds[StakeholderKind(name: name)] {
                    fillOf.append(known.colour)
                } else if name == Grouping.missingName {
                    fillOf.append("#FFFFFF")
                } else {
                    fillOf.append(free[paletteIndex % free.count])
                    paletteIndex += 1
                }
            }
        }
        let plainFill = "#56B4E9"
        // Shapes: by kind always; a network without kinds draws circles.
        let hasKinds = network.stakeholders.contains { $0.kind != nil }
        var otherKinds: [String] = []
        func shape(of stakeholder: Stakeholder) -> String {
            guard let kind = stakeholder.kind else { return hasKinds ? "ellipse" : "circle" }
            if let known = DiagramPalette.kinds[kind] { return known.shape }
            if !otherKinds.contains(kind.name) { otherKinds.append(kind.name) }
            return DiagramPalette.otherShapes[otherKinds.firstIndex(of: kind.name)! % DiagramPalette.otherShapes.count]
        }
        // Sizes: area ∝ score, from 0.14 to 0.6 inches across.
        let scores = options.sizeBy?.values.map { $0.isFinite ? Swift.max(0, $0) : 0 }
        let top = scores?.max() ?? 0
        func diameter(_ v: Int) -> Double {
            guard let scores, top > 0 else { return 0.24 }
            return 0.14 + 0.46 * (scores[v] / top).squareRoot()
        }
        var degree = [Double](repeating: 0, count: n)
        for tie in network.ties { degree[Int(tie.source)] += 1; degree[Int(tie.target)] += 1 }
        let priority = scores ?? degree
        let labelled: Set<Int>? = {
            guard case let .top(k) = options.labels else { return nil }
            return Set((0 ..< n).sorted { (priority[$0], $1) > (priority[$1], $0) }.prefix(k))
        }()

        var nodes: [Node] = []
        var shapesUsed: [(kind: String, shape: String, fill: String)] = []
        for (v, stakeholder) in network.stakeholders.enumerated() {
            let faded = options.faded.contains(v)
            let fill = faded ? DiagramPalette.faint : colourGroups.map { fillOf[$0.groupOf[v]] } ?? plainFill
            let nodeShape = shape(of: stakeholder)
            if !faded, hasKinds, !shapesUsed.contains(where: { $0.kind == (stakeholder.kind?.name ?? "") }) {
                shapesUsed.append((stakeholder.kind?.name ?? "", nodeShape, fill))
            }
            let d = diameter(v)
            let round = ["ellipse", "box"].contains(nodeShape)
            var attributes = ["shape": nodeShape, "style": "filled", "fillcolor": fill, "fixedsize": "true",
                              "width": String(format: "%.3f", d), "height": String(format: "%.3f", round ? d * 0.72 : d),
                              "tooltip": stakeholder.label == stakeholder.id ? stakeholder.id : "\(stakeholder.label) (\(stakeholder.id))"]
            attributes["color"] = faded ? "#BBBBBB" : "#333333"
            if options.highlight.contains(v) {
                attributes["penwidth"] = "3"
                attributes["color"] = "#D55E00"
            }
            var label: String
            switch options.labels {
            case .label: label = stakeholder.label
            case .id: label = stakeholder.id
            case .none: label = ""
            case .top: label = labelled!.contains(v) ? stakeholder.label : ""
            }
            if faded { label = "" }
            if label.count > options.maximumLabelLength { label = String(label.prefix(options.maximumLabelLength - 1)) + "…" }
            nodes.append(Node(name: "n\(v)", label: label, attributes: attributes,
                              cluster: clusterGroups.flatMap { $0.groupOf[v] >= 0 ? $0.groupOf[v] : nil }, stakeholder: v,
                              priority: priority[v] + (options.highlight.contains(v) ? 1e12 : 0)))
        }

        // Ties.
        var drawing = DiagramTies(network: network, options: options)
        var edges: [Edge] = []
        var tieKindsUsed: [(name: String, colour: String, style: String, arrow: Bool)] = []
        for line in drawing.lines {
            let first = network.ties[line.ties[0]]
            let kinds = Set(line.ties.map { network.ties[$0].kind?.name ?? "" })
            var attributes: [String: String] = [:]
            var kindName = "tie", colour = "#555555", style = "solid", directedKind = true
            if kinds.count == 1, let kind = first.kind {
                kindName = kind.name
                if let known = DiagramPalette.ties[kind] {
                    (style, colour, directedKind) = (known.style, known.colour, known.directed)
                } else {
                    colour = drawing.extraColour(kind.name)
                }
            } else if kinds.count > 1 {
                kindName = "several kinds"
                colour = "#777777"
            }
            let oneWay = network.isDirected && line.oneWay && directedKind
            if network.isDirected { attributes["dir"] = oneWay ? "forward" : (line.bothWays && directedKind ? "both" : "none") }
            attributes["style"] = style
            attributes["penwidth"] = String(format: "%.2f", drawing.penWidth(line.strength))
            var reportedBy = ""
            var single = false
            if options.bySupport {
                let support = line.support
                let who = line.ties.compactMap { network.ties[$0].reporters }
                if support == 0 {
                    attributes["penwidth"] = "0.8"
                    reportedBy = ", known from other sources"
                } else {
                    attributes["penwidth"] = String(format: "%.2f", drawing.supportWidth(support))
                    single = support == 1
                    reportedBy = ", reported by \(support): \(who.joined(separator: "; "))"
                }
            }
            var stroke = colour
            if drawing.isFaint(line.strength) || single { stroke += "66" }
            if options.highlight.contains(line.from) && options.highlight.contains(line.to) {
                stroke = "#D55E00"
                attributes["penwidth"] = "3.5"
            }
            let tieArcs = line.ties.flatMap { index -> [DiagramArc] in
                let tie = network.ties[index]
                let arc = DiagramArc(from: Int(tie.source), to: Int(tie.target))
                return network.isDirected(tie) ? [arc] : [arc, DiagramArc(from: arc.to, to: arc.from)]
            }
            if tieArcs.contains(where: options.highlightArcs.contains) {
                stroke = "#0072B2"
                attributes["penwidth"] = "4"
                attributes["style"] = "solid"
            }
            attributes["color"] = stroke
            if options.faded.contains(line.from) || options.faded.contains(line.to) { attributes["color"] = "#DDDDDD" }
            let ends = "\(network.stakeholders[line.from].label) \(oneWay ? "→" : "–") \(network.stakeholders[line.to].label)"
            attributes["tooltip"] = (line.ties.count == 1 ? "\(ends): \(kindName), weight \(AttributeValue.format(first.weight))"
                : "\(ends): \(line.ties.count) ties, total weight \(AttributeValue.format(line.strength))") + reportedBy
            if !(options.faded.contains(line.from) || options.faded.contains(line.to)),
               !tieKindsUsed.contains(where: { $0.name == kindName }) {
                tieKindsUsed.append((kindName, colour, style, network.isDirected && directedKind))
            }
            edges.append(Edge(tail: "n\(line.from)", head: "n\(line.to)", attributes: attributes, ties: line.ties))
        }

        // The legend: only what is drawn.
        var legend: [LegendSection] = []
        if let colourGroups {
            let used = Set((0 ..< n).filter { !options.faded.contains($0) }.map { colourGroups.groupOf[$0] })
            var entries: [LegendEntry] = []
            for (g, name) in colourGroups.names.enumerated() where used.contains(g) {
                let text = name == Grouping.missingName ? "no \(colourGroups.attribute)" : name
                let sample = colouringByKind ? (network.stakeholders.first { ($0.kind?.name ?? Grouping.missingName) == name }.map(shape) ?? "box") : "box"
                entries.append(LegendEntry(swatch: .fill(colour: fillOf[g], shape: sample), text: text))
            }
            legend.append(LegendSection(title: colouringByKind ? "kind" : colourGroups.attribute, entries: entries))
        }
        if hasKinds && !colouringByKind {
            legend.append(LegendSection(title: "shape: kind", entries: shapesUsed.map {
                LegendEntry(swatch: .fill(colour: "#FFFFFF", shape: $0.shape), text: $0.kind.isEmpty ? "no kind" : $0.kind)
            }))
        }
        if !tieKindsUsed.isEmpty && !(tieKindsUsed.count == 1 && tieKindsUsed[0].name == "tie" && !network.isDirected) {
            legend.append(LegendSection(title: "ties", entries: tieKindsUsed.map {
                LegendEntry(swatch: .line(colour: $0.colour, style: $0.style, width: 1.5, arrow: $0.arrow), text: $0.name)
            }))
        }
        var scale: [LegendEntry] = []
        if options.bySupport {
            scale.append(LegendEntry(swatch: .line(colour: "#55555566", style: "solid", width: drawing.supportWidth(1), arrow: false), text: "faint: reported by one respondent"))
            if drawing.maxSupport > 1 {
                scale.append(LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: drawing.supportWidth(drawing.maxSupport), arrow: false),
                                         text: "reported by \(drawing.maxSupport)"))
            }
            if drawing.hasRecorded {
                scale.append(LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: 0.8, arrow: false), text: "known from other sources"))
            }
        } else if drawing.high > drawing.low {
            scale.append(LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: drawing.penWidth(drawing.low), arrow: false),
                                     text: "strength \(AttributeValue.format(drawing.low))"))
            scale.append(LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: drawing.penWidth(drawing.high), arrow: false),
                                     text: "strength \(AttributeValue.format(drawing.high))"))
        }
        if let threshold = drawing.faintBelow {
            scale.append(LegendEntry(swatch: .line(colour: "#55555566", style: "solid", width: 1, arrow: false),
                                     text: "faint: strength below \(AttributeValue.format(threshold))"))
        }
        if let sizeBy = options.sizeBy, top > 0 {
            for share in [1.0, 0.25] {
                scale.append(LegendEntry(swatch: .size(diameter: 0.14 + 0.46 * share.squareRoot(), colour: "#FFFFFF"),
                                         text: "\(sizeBy.measure) \(String(format: "%.3g", top * share))"))
            }
        }
        if !options.highlight.isEmpty {
            scale.append(LegendEntry(swatch: .fill(colour: "#FFFFFF", shape: "circle"), text: "outlined: " + options.highlight.sorted().prefix(5)
                .map { network.stakeholders[$0].label }.joined(separator: ", ") + (options.highlight.count > 5 ? ", …" : "")))
        }
        if !options.highlightArcs.isEmpty {
            scale.append(LegendEntry(swatch: .line(colour: "#0072B2", style: "solid", width: 4, arrow: network.isDirected), text: options.pathCaption))
        }
        if !scale.isEmpty { legend.append(LegendSection(title: "scale", entries: scale)) }
        if let clusterGroups { legend.append(LegendSection(title: "boxes: \(clusterGroups.attribute)", entries: [])) }

        let when = options.date ?? Self.reproducibleDate()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let caption = [network.name + (network.isDirected ? " (directed)" : " (undirected)"),
                       "\(n) stakeholders, \(network.tieCount) ties", drawing.note, options.caption, "StakeNet, \(formatter.string(from: when))"]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        self.init(isDirected: network.isDirected, title: options.title ?? network.name, caption: caption,
                  graphAttributes: ["fontname": "DejaVu Sans", "outputorder": "edgesfirst", "bgcolor": "white",
                                    // Ties routed around nodes on small maps; straight on larger ones, where routing
                                    // costs minutes. GraphvizSafety turns routing off where Graphviz mishandles it.
                                    "splines": GraphvizSafety.splines(nodes: n, lines: edges.count)],
                  nodeDefaults: ["fontname": "DejaVu Sans", "label": ""],
                  edgeDefaults: ["arrowsize": "0.6"],
                  nodes: nodes, edges: edges,
                  clusters: clusterGroups.map { groups in groups.names.map { Cluster(label: $0, attributes: ["style": "rounded,dashed", "color": "#777777"]) } } ?? [],
                  legend: legend.filter { !$0.entries.isEmpty || $0.title.hasPrefix("boxes") }, size: options.size,
                  stakeholderIDs: network.stakeholders.map(\.id))
    }

    /// `SOURCE_DATE_EPOCH` when set (reproducible builds' convention), else now.
    public static func reproducibleDate() -> Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}

/// Which lines a diagram draws for a network's ties, and how thick and how faint (`TieDrawing`).
struct DiagramTies {
    struct Line {
        var from: Int
        var to: Int
        var ties: [Int]
        var strength: Double
        /// Whether every tie runs one way (from → to), or some run each way.
        var oneWay: Bool
        var bothWays: Bool
        /// Respondents reporting its ties, summed (see `Tie.support`; 0 for ties known from other sources).
        var support = 0
    }

    private(set) var lines: [Line] = []
    let low: Double
    let high: Double
    let faintBelow: Double?
    /// The most respondents reporting one line, and whether some line holds ties known from other sources only.
    let maxSupport: Int
    let hasRecorded: Bool
    /// What the caption says of the drawing (merged, thinned, faint).
    let note: String
    private var extras: [String: String] = [:]

    init(network: StakeholderNetwork, options: DiagramOptions) {
        let n = Swift.max(network.stakeholderCount, 1)
        let perStakeholder = Double(network.tieCount) / Double(n)
        var mode = options.ties
        if mode == .automatic { mode = perStakeholder > 8 ? .strongest(3) : perStakeholder > 3 ? .merged : .all }
        var notes: [String] = []
        var built: [Line] = []
        switch mode {
        case .all, .automatic:
            built = network.ties.enumerated().map { index, tie in
                Line(from: Int(tie.source), to: Int(tie.target), ties: [index], strength: tie.weight, oneWay: true, bothWays: false)
            }
        case .merged, .strongest:
            var byPair: [Int: Int] = [:]
            for (index, tie) in network.ties.enumerated() {
                let (a, b) = (Int(tie.source), Int(tie.target))
                let key = Swift.min(a, b) * n + Swift.max(a, b)
                if let at = byPair[key] {
                    built[at].ties.append(index)
                    built[at].strength += tie.weight
                    if a != built[at].from || !network.isDirected(tie) { built[at].oneWay = false; built[at].bothWays = true }
                } else {
                    byPair[key] = built.count
                    built.append(Line(from: a, to: b, ties: [index], strength: tie.weight, oneWay: network.isDirected(tie), bothWays: false))
                }
            }
            notes.append("ties between the same stakeholders drawn as one line")
            if case let .strongest(k) = mode {
                var best = [[Int]](repeating: [], count: n)
                for (i, line) in built.enumerated() { best[line.from].append(i); best[line.to].append(i) }
                var keep = Set<Int>()
                for list in best { for i in list.sorted(by: { (built[$0].strength, $1) > (built[$1].strength, $0) }).prefix(k) { keep.insert(i) } }
                let before = built.count
                built = built.indices.filter(keep.contains).map { built[$0] }
                notes.append("each stakeholder's \(k) strongest ties (\(built.count) of \(before) lines)")
            }
        }
        for i in built.indices { built[i].support = built[i].ties.reduce(0) { $0 + network.ties[$1].support } }
        let strengths = built.map(\.strength)
        lines = built
        low = strengths.min() ?? 1
        high = strengths.max() ?? 1
        var faint: Double?
        if let share = options.fadeBelow {
            faint = share > 0 ? share * high : nil
        } else if perStakeholder > 3, high > low {
            let sorted = strengths.sorted()
            faint = sorted[sorted.count / 2]
        }
        if let value = faint, value > low { notes.append("ties weaker than \(AttributeValue.format(value)) faint") } else { faint = nil }
        maxSupport = built.map(\.support).max() ?? 0
        hasRecorded = built.contains { $0.support == 0 }
        if options.bySupport {
            faint = nil
            notes.removeAll { $0.hasPrefix("ties weaker") }
        }
        faintBelow = faint
        note = notes.joined(separator: "; ")
    }

    func penWidth(_ strength: Double) -> Double { high > low ? 0.8 + 2.4 * (strength - low) / (high - low) : 1.2 }

    /// Line width for a tie `support` respondents reported (1.2 for one, up to 4.4 for the most reported).
    func supportWidth(_ support: Int) -> Double { maxSupport > 1 ? 1.2 + 3.2 * Double(support - 1) / Double(maxSupport - 1) : 1.2 }

    func isFaint(_ strength: Double) -> Bool { faintBelow.map { strength < $0 } ?? false }

    /// A colour for a tie kind StakeHolder does not know, stable within the picture.
    mutating func extraColour(_ kind: String) -> String {
        if let known = extras[kind] { return known }
        let colour = DiagramPalette.colours[(extras.count + 4) % 8]
        extras[kind] = colour
        return colour
    }
}
