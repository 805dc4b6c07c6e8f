/// A picture of a network described in plain Swift, independent of Graphviz: what to draw and how, but
/// not where. `DOTWriter` turns it into DOT text; `GraphvizRenderer` lays it out (`DiagramFrame` fits the
/// layout to the page) and renders it.
public struct Diagram: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// The name in DOT (`n0`, `n1` …), never user text, so no id can change the graph.
        public var name: String
        /// Text shown beside the node (user text, escaped when written); empty for none. Drawn as an
        /// external label, placed after the layout where it overlaps nothing, else left off.
        public var label: String
        /// Graphviz attributes (shape, fillcolor, width …); values are escaped when written.
        public var attributes: [String: String]
        /// Index into `clusters`, if the node is drawn inside one.
        public var cluster: Int?
        /// The stakeholder (index into the network) the node stands for, if any (its SVG element carries
        /// the stakeholder's id as `data-id`).
        public var stakeholder: Int?
        /// Which labels are kept when not all fit: the larger first (the size measure, else degree).
        public var priority: Double
        /// The panel of a faceted picture the node is drawn in (its SVG id is then `p<panel>s<stakeholder>`).
        public var panel: Int?

        public init(name: String, label: String, attributes: [String: String], cluster: Int? = nil, stakeholder: Int? = nil, priority: Double = 0) {
            self.name = name
            self.label = label
            self.attributes = attributes
            self.cluster = cluster
            self.stakeholder = stakeholder
            self.priority = priority
        }
    }

    public struct Edge: Sendable, Equatable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
        /// The ties (indices into the network) the line stands for: one, or several merged.
        public var ties: [Int]

        public init(tail: String, head: String, attributes: [String: String], ties: [Int] = []) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
            self.ties = ties
        }
    }

    public struct Cluster: Sendable, Equatable {
        public var label: String
        public var attributes: [String: String]
        public init(label: String, attributes: [String: String]) {
            self.label = label
            self.attributes = attributes
        }
    }

    /// What a legend entry shows beside its text: a real fill and shape, a real line, or a node size.
    public enum Swatch: Sendable, Equatable {
        case fill(colour: String, shape: String)
        case line(colour: String, style: String, width: Double, arrow: Bool)
        /// A node of this diameter (inches, before the frame's scaling).
        case size(diameter: Double, colour: String)
        case none
    }

    /// One line of the legend: a swatch and its meaning.
    public struct LegendEntry: Sendable, Equatable {
        public var swatch: Swatch
        public var text: String
        public init(swatch: Swatch, text: String) {
            self.swatch = swatch
            self.text = text
        }
    }

    public struct LegendSection: Sendable, Equatable {
        public var title: String
        public var entries: [LegendEntry]
        public init(title: String, entries: [LegendEntry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var isDirected: Bool
    public var title: String
    public var caption: String
    public var graphAttributes: [String: String]
    public var nodeDefaults: [String: String]
    public var edgeDefaults: [String: String]
    public var nodes: [Node]
    public var edges: [Edge]
    public var clusters: [Cluster]
    /// Only what the picture uses: no section without entries.
    public var legend: [LegendSection]
    /// The page the picture is laid out for.
    public var size: DiagramSize
    /// The stakeholders' ids, by index, for the SVG's `data-id` attributes.
    public var stakeholderIDs: [String]

    public init(isDirected: Bool, title: String, caption: String = "", graphAttributes: [String: String] = [:],
                nodeDefaults: [String: String] = [:], edgeDefaults: [String: String] = [:], nodes: [Node] = [], edges: [Edge] = [],
                clusters: [Cluster] = [], legend: [LegendSection] = [], size: DiagramSize = .screen, stakeholderIDs: [String] = []) {
        self.isDirected = isDirected
        self.title = title
        self.caption = caption
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.legend = legend
        self.size = size
        self.stakeholderIDs = stakeholderIDs
    }
}

/// The page or screen a picture is laid out for (`--size`): its width and height in points (1/72 inch;
/// a screen pixel is 3/4 of a point).
public struct DiagramSize: Sendable, Equatable, CustomStringConvertible {
    public let width: Double
    public let height: Double
    public let name: String

    /// A screen of 1,200 × 800 pixels, the default.
    public static let screen = DiagramSize(width: 900, height: 600, name: "screen")
    public static let a4 = DiagramSize(width: 595, height: 842, name: "a4")
    public static let letter = DiagramSize(width: 612, height: 792, name: "letter")

    public init(width: Double, height: Double, name: String) {
        self.width = width
        self.height = height
        self.name = name
    }

    /// `a4`, `letter`, `screen`, or `WIDTHxHEIGHT` in pixels (`1600x1000`).
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "screen": self = .screen
        case "a4": self = .a4
        case "letter": self = .letter
        default:
            let parts = text.lowercased().split(separator: "x").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let w = parts[0], let h = parts[1], (200 ... 20_000).contains(w), (200 ... 20_000).contains(h) else { return nil }
            self.init(width: w * 0.75, height: h * 0.75, name: "\(Int(w))x\(Int(h))")
        }
    }

    public var description: String { name }

    /// The font size (points) every text of a picture this wide is drawn at: at least 10 pt, and enough
    /// that text is 7.5 pixels high when the picture is fitted to 1,000 pixels wide.
    public var fontSize: Double { Swift.max(10, (0.0075 * width * 10).rounded(.up) / 10) }
}
