import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Group maps (`render --group-by`), checked against counts made directly from the ties.
@Suite struct GroupMapTests {
    init() { _ = Fonts.pinned }

    func spinouts() throws -> StakeholderNetwork { try NetworkReader.read(Fixtures.network("mutual-spinouts")).network }

    @Test func oneNodePerGroupSizedByMembersAndLinesCountingTheTiesBetween() throws {
        let network = try spinouts()
        let grouping = try network.grouping(by: "sector")
        let diagram = try Diagram(groupsOf: network, grouping: grouping)
        let sizes = grouping.names.indices.map { g in grouping.groupOf.filter { $0 == g }.count }
        #expect(diagram.nodes.count == sizes.filter { $0 > 0 }.count + (grouping.groupOf.contains(-1) ? 1 : 0))
        // Labels carry each group's size; the sizes sum to the network.
        var total = 0
        for node in diagram.nodes {
            let name = String(node.label[..<node.label.range(of: " (", options: .backwards)!.lowerBound])
            let count = Int(node.label[node.label.range(of: " (", options: .backwards)!.upperBound...].dropLast())!
            total += count
            if let g = grouping.names.firstIndex(of: name) { #expect(count == sizes[g], "\(name)") }
            // Density within: tied ordered pairs among members over k(k − 1), counted directly.
            let members = Set(network.stakeholders.indices.filter { grouping.names.firstIndex(of: name) == grouping.groupOf[$0] })
            if members.count >= 2 {
                let pairs = Set(network.ties.filter { members.contains(Int($0.source)) && members.contains(Int($0.target)) && $0.source != $0.target }.map { [$0.source, $0.target] })
                let expected = Double(pairs.count) / Double(members.count * (members.count - 1))
                #expect(node.attributes["tooltip"]!.contains("density \(String(format: "%.3f", expected))"), "\(name): \(node.attributes["tooltip"]!)")
            }
        }
        #expect(total == network.stakeholderCount)
        // Each line: the ties between two groups, both ways, counted directly.
        let nameOf = Dictionary(uniqueKeysWithValues: diagram.nodes.map { ($0.name, String($0.label[..<$0.label.range(of: " (", options: .backwards)!.lowerBound])) })
        for edge in diagram.edges {
            let (a, b) = (grouping.names.firstIndex(of: nameOf[edge.tail]!)!, grouping.names.firstIndex(of: nameOf[edge.head]!)!)
            let forward = network.ties.filter { grouping.groupOf[Int($0.source)] == a && grouping.groupOf[Int($0.target)] == b }
            let backward = network.ties.filter { grouping.groupOf[Int($0.source)] == b && grouping.groupOf[Int($0.target)] == a }
            let count = forward.count + backward.count, strength = (forward + backward).map(\.weight).reduce(0, +)
            #expect(edge.attributes["tooltip"]! == "\(nameOf[edge.tail]!) – \(nameOf[edge.head]!): \(count) tie\(count == 1 ? "" : "s"), total strength \(AttributeValue.format(strength)) (\(forward.count) from \(nameOf[edge.tail]!), \(backward.count) from \(nameOf[edge.head]!))", "\(edge.attributes["tooltip"]!)")
            #expect(edge.attributes["dir"] == (forward.isEmpty ? "back" : backward.isEmpty ? "forward" : "both"))
        }
        let expectedLines = Set(network.ties.compactMap { tie -> [Int]? in
            let (a, b) = (grouping.groupOf[Int(tie.source)], grouping.groupOf[Int(tie.target)])
            return a == b ? nil : [Swift.min(a, b), Swift.max(a, b)]
        }).count
        #expect(diagram.edges.count == expectedLines)
    }

    @Test func stakeholdersWithoutAValueAreOneGroupAndTheCaptionSaysSo() throws {
        let stakeholders = (0 ..< 6).map { Stakeholder(id: "s\($0)", attributes: $0 < 4 ? ["region": .text($0 < 2 ? "north" : "south")] : [:]) }
        let ties = [Tie(source: 0, target: 1), Tie(source: 1, target: 2), Tie(source: 4, target: 5), Tie(source: 3, target: 4)]
        let network = StakeholderNetwork(name: "regions", isDirected: false, stakeholders: stakeholders, ties: ties)
        let diagram = try Diagram(groupsOf: network, grouping: try network.grouping(by: "region"))
        #expect(Set(diagram.nodes.map(\.label)) == ["north (2)", "south (2)", "no region (2)"])
        #expect(diagram.caption.contains("2 without a region drawn as one group"))
        #expect(diagram.edges.count == 2)
    }

    @Test func beyondTheLimitTheSmallestGroupsAreOne() throws {
        let n = 400
        let stakeholders = (0 ..< n).map { Stakeholder(id: "s\($0)", attributes: ["team": .text("t\($0 < 100 ? 0 : $0 / 2)")]) }
        let network = StakeholderNetwork(name: "teams", isDirected: false, stakeholders: stakeholders, ties: [])
        let diagram = try Diagram(groupsOf: network, grouping: try network.grouping(by: "team"))
        #expect(diagram.nodes.count == Diagram.groupMapLimit)
        #expect(diagram.nodes[0].label == "t0 (100)")
        let other = try #require(diagram.nodes.last)
        // 151 groups: the 149 largest drawn, the other 2 as one.
        #expect(other.label == "other groups (4)" && diagram.caption.contains("the 2 smallest groups drawn as one"), "\(other.label)")
    }

    /// Routing lines around groups costs Graphviz about groups × lines: 40 groups in a ring (40 lines) are
    /// routed, the same groups each tied to every other (780 lines) drawn straight.
    @Test func linesAreRoutedOnlyWhileGroupsTimesLinesIsSmall() throws {
        let groups = 40
        let stakeholders = (0 ..< groups * 2).map { Stakeholder(id: "s\($0)", attributes: ["team": .text("t\($0 / 2)")]) }
        func diagram(_ pairs: [(Int, Int)]) throws -> Diagram {
            let ties = pairs.map { Tie(source: Int32($0.0 * 2), target: Int32($0.1 * 2)) }
            let network = StakeholderNetwork(name: "teams", isDirected: false, stakeholders: stakeholders, ties: ties)
            return try Diagram(groupsOf: network, grouping: try network.grouping(by: "team"))
        }
        let ring = try diagram((0 ..< groups).map { ($0, ($0 + 1) % groups) })
        #expect(ring.edges.count == groups && ring.graphAttributes["splines"] == "true")
        let clique = try diagram((0 ..< groups).flatMap { a in (a + 1 ..< groups).map { (a, $0) } })
        #expect(clique.edges.count == groups * (groups - 1) / 2 && clique.graphAttributes["splines"] == "false")
    }

    @Test func theGroupMapRendersWithItsLegend() throws {
        let network = try spinouts()
        let svg = try GraphvizRenderer.render(try Diagram(groupsOf: network, grouping: try network.grouping(by: "sector")), layout: .neato, format: .svg).bytes
        let texts = svgTextElements(svg).texts.map(\.text)
        #expect(texts.contains("groups by sector") && texts.contains("leisure (16)") && texts.contains { $0.hasPrefix("density within") })
        #expect(String(decoding: svg, as: UTF8.self).contains("data-id=\"leisure\""))
    }
}

/// Small multiples (`render --facet-by`): one layout reused in every panel, one legend.
@Suite struct FacetTests {
    init() { _ = Fonts.pinned }

    func panels(_ network: StakeholderNetwork, by attribute: String) throws -> [FacetPanel] {
        let grouping = try network.grouping(by: attribute)
        return try grouping.names.enumerated().map { g, name in
            var options = DiagramOptions()
            options.faded = Set(network.stakeholders.indices.filter { grouping.groupOf[$0] != g })
            return FacetPanel(title: name, diagram: try Diagram(network: network, options: options))
        }
    }

    /// Node positions by name from framed DOT (`name [ … pos="x,y!" …]`).
    func positions(_ dot: String) -> [String: (Double, Double)] {
        var out: [String: (Double, Double)] = [:]
        for line in dot.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard let space = text.firstIndex(of: " "), text[space...].hasPrefix(" ["), let pos = text.range(of: "pos=\"") else { continue }
            let numbers = text[pos.upperBound...].prefix { $0 != "!" && $0 != "\"" }.split(separator: ",").compactMap { Double($0) }
            if numbers.count == 2 { out[String(text[..<space])] = (numbers[0], numbers[1]) }
        }
        return out
    }

    @Test func everyStakeholderStandsAtTheSamePlaceInEveryPanel() throws {
        let network = try NetworkReader.read(Fixtures.network("mutual-spinouts")).network
        let facets = try panels(network, by: "kind")
        let whole = try Diagram(network: network)
        let dot = String(decoding: try GraphvizRenderer.render(facets: facets, whole: whole, layout: .neato, format: .dot).bytes, as: UTF8.self)
        let at = positions(dot)
        #expect(dot.components(separatedBy: "subgraph cluster_").count - 1 == facets.count)
        // Each panel is the first moved by one offset: the same for every stakeholder.
        for p in 1 ..< facets.count {
            #expect((0 ..< network.stakeholderCount).allSatisfy { at["p0n\($0)"] != nil && at["p\(p)n\($0)"] != nil })
            let xs = (0 ..< network.stakeholderCount).map { v in at["p\(p)n\(v)"]!.0 - at["p0n\(v)"]!.0 }
            let ys = (0 ..< network.stakeholderCount).map { v in at["p\(p)n\(v)"]!.1 - at["p0n\(v)"]!.1 }
            #expect(xs.max()! - xs.min()! < 0.02 && ys.max()! - ys.min()! < 0.02, "panel \(p)")
        }
        // One legend; each panel's own stakeholders carry their ids.
        let svg = try GraphvizRenderer.render(facets: facets, whole: whole, layout: .neato, format: .svg).bytes
        let texts = svgTextElements(svg).texts
        #expect(texts.filter { $0.text == "kind" && $0.groupClass.contains("legend") }.count == 1)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.components(separatedBy: "class=\"node stakeholder\" data-id=\"council-a\"").count - 1 == facets.count)
    }
}
