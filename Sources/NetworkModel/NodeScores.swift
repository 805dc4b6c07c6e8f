/// One value per node for a named measure: `values[i]` belongs to node `i` (stakeholder `i`).
public struct NodeScores: Sendable, Equatable {
    /// The measure's name as it appears in output (`betweenness`, `in_degree` …).
    public let measure: String
    public var values: [Double]

    public init(measure: String, values: [Double]) {
        self.measure = measure
        self.values = values
    }

    public subscript(node: Int) -> Double { values[node] }

    /// Nodes from highest to lowest value; equal values keep node order.
    public var ranking: [Int] {
        values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
    }
}
