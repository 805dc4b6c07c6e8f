import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel

/// An explorable map: Graphviz's SVG with the model the viewer needs (`MapViewerScript`), as one
/// `div.stakenet-map` for a page — the report's maps — or a whole offline page (`render -o map.html`).
/// Everything is inline: the page fetches nothing.
public enum InteractiveMap {
    /// What the viewer knows of the map: its nodes (stakeholders, or groups on a group map) in the order
    /// of their SVG elements (`s<i>`), the ties, and which ties each drawn line stands for.
    public struct Model: Encodable, Sendable {
        public struct Node: Encodable, Sendable {
            var id: String
            var label: String
            var kind: String
            var sector: String
            /// Key measures for the card, in order.
            var m: [MeasureValue]
            /// A sentence for the card (a group's size and density).
            var note: String? = nil
        }

        /// A measure's name and value, written as `[name, value]`.
        public struct MeasureValue: Encodable, Sendable {
            var name: String
            var value: Double
            public func encode(to encoder: Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(name)
                if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
            }
        }

        /// A drawn line: its ends (node indices) and the ties it stands for.
        public struct Line: Encodable, Sendable {
            var a: Int
            var b: Int
            var ties: [Int]
        }

        /// A tie, written as `[source, target, kind, oneWay (1/0), start|null, end|null, weight]`, then, for a
        /// tie respondents reported, who did (`"a; b"`; empty for a tie known from other sources).
        public struct TieRecord: Encodable, Sendable {
            var source: Int, target: Int, kind: Int, oneWay: Bool, start: Int?, end: Int?, weight: Double
            var reporters: String? = nil
            public func encode(to encoder: Encoder) throws {
                var c = encoder.unkeyedContainer()
                try c.encode(source); try c.encode(target); try c.encode(kind); try c.encode(oneWay ? 1 : 0)
                if let start { try c.encode(start) } else { try c.encodeNil() }
                if let end { try c.encode(end) } else { try c.encodeNil() }
                try c.encode(weight.isFinite ? weight : 1)
                if let reporters { try c.encode(reporters) }
            }
        }

        var name: String
        var directed: Bool
        var nodeWord: String
        var hasKinds: Bool
        var hasSectors: Bool
        var nodes: [Node]
        var ties: [TieRecord]
        var tieKinds: [String]
        var lines: [String: Line]
        /// First and last year any tie records, when some do (the year slider).
        var years: [Int]?
        /// For a diffusion tree: each node's parent (−1 for a first adopter, −2 unreached), the caption,
        /// and the chance of each node's path.
        var parents: [Int]?
        var pathCaption: String
        var pathProbability: [Double]?
    }

    /// The model of a stakeholder map: `network` is the network drawn (its stakeholders in the order of
    /// `diagram`'s), `measures` the key measures shown on each card.
    public static func model(network: StakeholderNetwork, diagram: Diagram, measures: [(name: String, values: [Double])] = [],
                             parents: [Int]? = nil, pathProbability: [Double]? = nil, pathCaption: String = "likeliest path") -> Model {
        let hasKinds = network.stakeholders.contains { $0.kind != nil }
        let hasSectors = network.stakeholders.contains { $0.sector != nil }
        let nodes = network.stakeholders.enumerated().map { v, s in
            Model.Node(id: s.id, label: s.label, kind: s.kind?.name ?? "no kind", sector: s.sector ?? "no sector",
                       m: measures.map { Model.MeasureValue(name: $0.name, value: $0.values[v]) })
        }
        var kindIndex: [String: Int] = [:], kinds: [String] = []
        var first = Int.max, last = Int.min
        let ties = network.ties.map { tie -> Model.TieRecord in
            let name = tie.kind?.name ?? "tie"
            if kindIndex[name] == nil { kindIndex[name] = kinds.count; kinds.append(name) }
            for year in [tie.start, tie.end].compactMap({ $0 }) { first = Swift.min(first, Int(year)); last = Swift.max(last, Int(year)) }
            return Model.TieRecord(source: Int(tie.source), target: Int(tie.target), kind: kindIndex[name]!, oneWay: network.isDirected(tie),
                                   start: tie.start.map(Int.init), end: tie.end.map(Int.init), weight: tie.weight,
                                   reporters: network.consensusRule == nil ? nil : (tie.reporters ?? ""))
        }
        return Model(name: network.name, directed: network.isDirected, nodeWord: "stakeholders", hasKinds: hasKinds, hasSectors: hasSectors,
                     nodes: nodes, ties: ties, tieKinds: kinds, lines: lines(of: diagram), years: first <= last ? [first, last] : nil,
                     parents: parents, pathCaption: pathCaption, pathProbability: pathProbability)
    }

    /// The model of a group map (`Diagram(groupsOf:)`): one node per group.
    public static func model(groupDiagram diagram: Diagram, name: String) -> Model {
        let nodes = diagram.nodes.map { node in
            Model.Node(id: diagram.stakeholderIDs[node.stakeholder ?? 0], label: node.label, kind: "group", sector: "", m: [], note: node.attributes["tooltip"])
        }
        return Model(name: name, directed: diagram.isDirected, nodeWord: "groups", hasKinds: false, hasSectors: false, nodes: nodes, ties: [],
                     tieKinds: [], lines: lines(of: diagram), years: nil, parents: nil, pathCaption: "", pathProbability: nil)
    }

    static func lines(of diagram: Diagram) -> [String: Model.Line] {
        var index: [String: Int] = [:]
        for node in diagram.nodes { if let s = node.stakeholder { index[node.name] = s } }
        var out: [String: Model.Line] = [:]
        for (i, edge) in diagram.edges.enumerated() {
            guard let a = index[edge.tail], let b = index[edge.head] else { continue }
            out[edge.attributes["id"] ?? "t\(i)"] = Model.Line(a: a, b: b, ties: edge.ties)
        }
        return out
    }

    /// JSON for a `<script type="application/json">` element: `<`, `>` and `&` (and the JavaScript line
    /// separators) written as `\u` escapes, so no user text can close the element or open markup.
    static func scriptJSON<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One map for a page (the page must carry `style` and `script` once).
    public static func component(svg: Data, model: Model, label: String) throws -> String {
        let picture = InlineSVG.make(svg, label: label, interactive: true)
        return "<div class=\"stakenet-map\">\n<div class=\"map-controls\" role=\"toolbar\" aria-label=\"Map controls\"></div>\n"
            + "<div class=\"map-filters\"></div>\n<div class=\"map-body\">\n<div class=\"map-view\" tabindex=\"0\" aria-label=\"\(XMLWriting.escape(label)) Drag to move, wheel or + and − to zoom, 0 to reset.\">\n"
            + picture + "\n</div>\n<aside class=\"map-card\" aria-live=\"polite\" hidden></aside>\n</div>\n<p class=\"map-status\" aria-live=\"polite\"></p>\n"
            + "<script type=\"application/json\" class=\"map-model\">" + (try scriptJSON(model)) + "</script>\n</div>"
    }

    public static var style: String { MapViewerScript.style }
    public static var script: String { MapViewerScript.script }

    /// A whole page holding one map (`render -o map.html`).
    public static func page(title: String, component: String, caption: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="StakeNet">
        <title>\(XMLWriting.escape(title))</title>
        <style>
        body { font: 15px/1.45 "DejaVu Sans", system-ui, sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 96rem; padding: .8rem 1.2rem; }
        h1 { font-size: 1.5rem; margin: .2rem 0 .4rem; }
        p.caption { color: #555; font-size: .9rem; }
        \(MapViewerScript.style)
        </style>
        </head>
        <body>
        <h1>\(XMLWriting.escape(title))</h1>
        \(component)
        <p class="caption">\(XMLWriting.escape(caption))</p>
        <script>
        \(MapViewerScript.script)
        </script>
        </body>
        </html>

        """
    }
}
