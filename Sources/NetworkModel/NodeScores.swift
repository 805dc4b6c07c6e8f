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

    /// Nodes from highest to lowest value, undefined (NaN) values last; equal values keep node order.
    public var ranking: [Int] {
        values.indices.sorted { a, b in
            let (x, y) = (values[a], values[b])
            if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN || (x.isNaN && y.isNaN && a < b) }
            return x != y ? x > y : a < b
        }
    }
}
