/// A picture of a network described in plain Swift, independent of Graphviz: what to draw and how, but
/// not where. `DOTWriter` turns it into DOT text; `GraphvizRenderer` lays it out and renders it.
public struct Diagram: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// The name in DOT (`n0`, `n1` …), never user text, so no id can change the graph.
        public var name: String
        /// Text shown on the node (user text, escaped when written).
        public var label: String
        /// Graphviz attributes (shape, fillcolor, width …); values are escaped when written.
        public var attributes: [String: String]
        /// Index into `clusters`, if the node is drawn inside one.
        public var cluster: Int?
    }

    public struct Edge: Sendable, Equatable {
        public var tail: String
        public var head: String
        public var attributes: [String: String]
    }

    public struct Cluster: Sendable, Equatable {
        public var label: String
        public var attributes: [String: String]
    }

    /// One line of the legend: a colour swatch (or none) and its meaning.
    public struct LegendEntry: Sendable, Equatable {
        public var swatch: String?
        public var text: String
    }

    public struct LegendSection: Sendable, Equatable {
        public var title: String
        public var entries: [LegendEntry]
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
    public var legend: [LegendSection]

    public init(isDirected: Bool, title: String, caption: String = "", graphAttributes: [String: String] = [:],
                nodeDefaults: [String: String] = [:], edgeDefaults: [String: String] = [:], nodes: [Node] = [], edges: [Edge] = [],
                clusters: [Cluster] = [], legend: [LegendSection] = []) {
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
    }
}
