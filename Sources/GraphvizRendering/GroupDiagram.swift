import Foundation
import NetworkModel

extension Diagram {
    /// The most groups a group map draws; smaller ones beyond are drawn as one node, "other groups".
    public static let groupMapLimit = 150

    /// A group map: one node per group of `grouping` (a property's values, or communities), its area by
    /// members and its fill by the density of ties within it (the share of its pairs of members that are
    /// tied, light to dark); one line per pair of groups with ties between them, its width by their
    /// number or, when ties carry different weights, their total strength; each group labelled with its
    /// name and size; arrowheads show which ways the ties run. Stakeholders without a group are drawn as one group, "no ATTR", and the caption says
    /// so. The map a network too large to draw whole needs: its size is the number of groups.
    ///
    /// - Complexity: O(n + m + g²) for g groups.
    public init(groupsOf network: StakeholderNetwork, grouping: Grouping, options: DiagramOptions = DiagramOptions()) throws {
        let n = network.stakeholderCount
        // Groups, largest first; stakeholders without a value form their own; beyond the limit, "other groups".
        var members = [Int](repeating: 0, count: grouping.names.count + 1)
        for v in 0 ..< n { members[grouping.groupOf[v] < 0 ? grouping.names.count : grouping.groupOf[v]] += 1 }
        let missing = members[grouping.names.count]
        let order = (0 ... grouping.names.count).filter { members[$0] > 0 }.sorted { (members[$0], $1) > (members[$1], $0) }
        let shown = Array(order.prefix(Self.groupMapLimit - (order.count > Self.groupMapLimit ? 1 : 0)))
        var position = [Int](repeating: shown.count, count: grouping.names.count + 1)
        for (i, g) in shown.enumerated() { position[g] = i }
        let groupCount = shown.count + (order.count > shown.count ? 1 : 0)
        func name(_ i: Int) -> String {
            guard i < shown.count else { return "other groups" }
            return shown[i] == grouping.names.count ? "no \(grouping.attribute)" : grouping.names[shown[i]]
        }
        let groupOf = (0 ..< n).map { position[grouping.groupOf[$0] < 0 ? grouping.names.count : grouping.groupOf[$0]] }
        var size = [Int](repeating: 0, count: groupCount)
        for g in groupOf { size[g] += 1 }

        // Ties within (distinct tied pairs, for density) and between groups (count and strength).
        var withinPairs = [Set<Int>](repeating: [], count: groupCount)
        // One line per pair of groups, both directions together (each direction's count kept for the tooltip).
        var between: [Int: (count: Int, strength: Double, forward: Int, backward: Int)] = [:]
        var weights = Set<Double>()
        for tie in network.ties where tie.source != tie.target {
            let (a, b) = (Int(tie.source), Int(tie.target))
            let (ga, gb) = (groupOf[a], groupOf[b])
            weights.insert(tie.weight)
            if ga == gb {
                let directed = network.isDirected(tie)
                withinPairs[ga].insert(directed ? a * n + b : Swift.min(a, b) * n + Swift.max(a, b))
            } else {
                let key = Swift.min(ga, gb) * groupCount + Swift.max(ga, gb)
                let old = between[key] ?? (0, 0, 0, 0)
                let forward = !network.isDirected(tie) || ga < gb, backward = !network.isDirected(tie) || ga > gb
                between[key] = (old.count + 1, old.strength + tie.weight, old.forward + (forward ? 1 : 0), old.backward + (backward ? 1 : 0))
            }
        }
        let byStrength = weights.count > 1
        let density = (0 ..< groupCount).map { g -> Double in
            let k = Double(size[g])
            guard k >= 2 else { return 0 }
            return Double(withinPairs[g].count) / (network.isDirected ? k * (k - 1) : k * (k - 1) / 2)
        }
        let largest = Double(size.max() ?? 1)
        func diameter(_ g: Int) -> Double { 0.22 + 0.9 * (Double(size[g]) / largest).squareRoot() }

        // Shades run from no ties within to the densest group of at least 5 members (a pair or a trio is
        // dense by its size alone; denser groups take the darkest shade); the legend gives the values.
        let sizeable = (0 ..< groupCount).filter { size[$0] >= 5 }
        let densest = Swift.max((sizeable.isEmpty ? density : sizeable.map { density[$0] }).max() ?? 0, 1e-12)
        func shade(_ value: Double) -> String { DiagramPalette.shade(value / densest) }
        var nodes: [Node] = []
        for g in 0 ..< groupCount {
            let fill = shade(density[g])
            nodes.append(Node(name: "n\(g)", label: "\(Text.fit(name(g), font: 10, width: 200)) (\(size[g]))",
                              attributes: ["shape": "circle", "style": "filled", "fillcolor": fill, "color": "#333333", "fixedsize": "true",
                                           "width": String(format: "%.3f", diameter(g)),
                                           "tooltip": "\(name(g)): \(size[g]) stakeholder\(size[g] == 1 ? "" : "s"), \(withinPairs[g].count) tied pairs within (density \(String(format: "%.3f", density[g])))"],
                              stakeholder: g, priority: Double(size[g])))
        }
        let lines = between.sorted { $0.key < $1.key }
        let values = lines.map { byStrength ? $0.value.strength : Double($0.value.count) }
        let low = values.min() ?? 1, high = values.max() ?? 1
        func penWidth(_ value: Double) -> Double { high > low ? 0.8 + 4.2 * (value - low) / (high - low) : 1.5 }
        var edges: [Edge] = []
        for (index, line) in lines.enumerated() {
            let (a, b) = (line.key / groupCount, line.key % groupCount)
            let value = values[index]
            let what = "\(line.value.count) tie\(line.value.count == 1 ? "" : "s")" + (byStrength ? ", total strength \(AttributeValue.format(line.value.strength))" : "")
            let directions = network.isDirected ? " (\(line.value.forward) from \(name(a)), \(line.value.backward) from \(name(b)))" : ""
            let dir = !network.isDirected ? "none" : line.value.forward > 0 && line.value.backward > 0 ? "both" : line.value.forward > 0 ? "forward" : "back"
            edges.append(Edge(tail: "n\(a)", head: "n\(b)", attributes: [
                "penwidth": String(format: "%.2f", penWidth(value)), "color": "#555555A0", "id": "t\(index)",
                "tooltip": "\(name(a)) – \(name(b)): \(what)\(directions)", "dir": dir,
            ], ties: []))
        }

        // The legend: group sizes, the density shades in use, the line scale.
        var legend: [LegendSection] = []
        let smallest = Double(size.min() ?? 1)
        var sizes = [LegendEntry(swatch: .size(diameter: diameter(size.firstIndex(of: Int(largest)) ?? 0), colour: "#FFFFFF"), text: "\(Int(largest)) stakeholders")]
        if smallest < largest { sizes.append(LegendEntry(swatch: .size(diameter: diameter(size.firstIndex(of: Int(smallest)) ?? 0), colour: "#FFFFFF"), text: "\(Int(smallest)) stakeholder\(smallest == 1 ? "" : "s")")) }
        legend.append(LegendSection(title: "groups by \(grouping.attribute)", entries: sizes))
        let lowDensity = density.min() ?? 0, highDensity = Swift.min(density.max() ?? 0, densest)
        var shades = [LegendEntry(swatch: .fill(colour: shade(highDensity), shape: "circle"), text: "density within \(String(format: "%.3g", highDensity))\(highDensity < (density.max() ?? 0) ? " or more" : "")")]
        if lowDensity < highDensity { shades.append(LegendEntry(swatch: .fill(colour: shade(lowDensity), shape: "circle"), text: "density within \(String(format: "%.3g", lowDensity))")) }
        legend.append(LegendSection(title: "fill", entries: shades))
        if !lines.isEmpty {
            func text(_ value: Double) -> String { byStrength ? "total strength \(AttributeValue.format(value))" : "\(AttributeValue.format(value)) tie\(value == 1 ? "" : "s")" }
            var scale = [LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: penWidth(high), arrow: network.isDirected), text: text(high))]
            if high > low { scale.append(LegendEntry(swatch: .line(colour: "#555555", style: "solid", width: penWidth(low), arrow: network.isDirected), text: text(low))) }
            legend.append(LegendSection(title: "lines: ties between groups", entries: scale))
        }

        let when = options.date ?? Self.reproducibleDate()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        var notes = ["\(n) stakeholders in \(groupCount) groups by \(grouping.attribute)", "\(network.tieCount) ties"]
        if missing > 0 { notes.append("\(missing) without a \(grouping.attribute) drawn as one group") }
        if order.count > shown.count { notes.append("the \(order.count - shown.count) smallest groups drawn as one") }
        let caption = ([network.name + (network.isDirected ? " (directed)" : " (undirected)")] + notes + [options.caption, "StakeNet, \(formatter.string(from: when))"])
            .filter { !$0.isEmpty }.joined(separator: " · ")
        self.init(isDirected: network.isDirected, title: options.title ?? "\(network.name) by \(grouping.attribute)", caption: caption,
                  graphAttributes: ["fontname": "DejaVu Sans", "outputorder": "edgesfirst", "bgcolor": "white", "splines": GraphvizSafety.splines(nodes: groupCount, lines: edges.count)],
                  nodeDefaults: ["fontname": "DejaVu Sans", "label": ""], edgeDefaults: ["arrowsize": "0.7"],
                  nodes: nodes, edges: edges, legend: legend, size: options.size,
                  stakeholderIDs: (0 ..< groupCount).map(name))
    }
}
