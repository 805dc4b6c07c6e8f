/// Collects arcs (or edges) and assembles them into a `Graph`.
///
/// Arcs are bucketed by two stable counting sorts (by target, then by source), so every row comes out
/// sorted by neighbour without comparison sorting, and parallel arcs then sit side by side to be combined.
///
/// - Complexity: O(n + m) time; 16 bytes per added arc while collecting, and at the peak of `build`
///   about 20 bytes per arc (the collected arcs and their order) beside the rows being filled.
public struct GraphBuilder: Sendable {
    public let nodeCount: Int
    public let isDirected: Bool
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var weights: [Double] = []

    public init(nodeCount: Int, isDirected: Bool, expectedArcs: Int = 0) {
        precondition(nodeCount >= 0 && nodeCount < Int(Int32.max), "a graph holds at most 2^31 - 1 nodes")
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        sources.reserveCapacity(expectedArcs)
        targets.reserveCapacity(expectedArcs)
        weights.reserveCapacity(expectedArcs)
    }

    /// Adds the arc `u → v` (the edge `{u, v}` when undirected) with a weight.
    public mutating func addArc(from u: Int, to v: Int, weight: Double = 1) {
        precondition(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount, "arc names a node outside the graph")
        sources.append(Int32(truncatingIfNeeded: u))
        targets.append(Int32(truncatingIfNeeded: v))
        weights.append(weight)
    }

    public var arcCount: Int { sources.count }

    /// The graph, with parallel arcs combined by adding their weights (`combineByMax: false`) or keeping the largest.
    /// Consumes the builder: the arcs it collected are let go as soon as they are placed in rows.
    public consuming func build(isWeighted: Bool, combineByMax: Bool = false) -> Graph {
        let n = nodeCount
        // Every stored row entry: an arc once (directed), an edge in both rows (undirected; a loop once).
        var rowOf: [Int32] = [], columnOf: [Int32] = [], weightOf: [Double] = []
        if isDirected {
            rowOf = sources; columnOf = targets; weightOf = weights
            sources = []; targets = []; weights = []
        } else {
            let loops = zip(sources, targets).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
            let total = 2 * sources.count - loops
            rowOf.reserveCapacity(total); columnOf.reserveCapacity(total); weightOf.reserveCapacity(total)
            for i in sources.indices {
                rowOf.append(sources[i]); columnOf.append(targets[i]); weightOf.append(weights[i])
                if sources[i] != targets[i] {
                    rowOf.append(targets[i]); columnOf.append(sources[i]); weightOf.append(weights[i])
                }
            }
            sources = []; targets = []; weights = []
        }
        // Pass 1: stable counting sort of entries by column.
        var byColumn = GraphBuilder.countingSortOrder(keys: columnOf, bucketCount: n)
        // Pass 2: scatter into rows in column order, so each row is sorted by column.
        var offsets = GraphBuilder.bucketOffsets(keys: rowOf, bucketCount: n)
        var next = offsets
        var columns = [Int32](repeating: 0, count: rowOf.count)
        var values = [Double](repeating: 0, count: rowOf.count)
        for entry in byColumn {
            let row = Int(rowOf[Int(entry)])
            columns[next[row]] = columnOf[Int(entry)]
            values[next[row]] = weightOf[Int(entry)]
            next[row] += 1
        }
        rowOf = []; columnOf = []; weightOf = []; next = []; byColumn = []
        // Combine runs of equal columns within each row, compacting in place.
        var write = 0
        var selfLoops = 0
        for row in 0 ..< n {
            let begin = offsets[row], end = offsets[row + 1]
            offsets[row] = write
            var read = begin
            while read < end {
                let column = columns[read]
                var combined = values[read]
                read += 1
                while read < end, columns[read] == column {
                    combined = combineByMax ? Swift.max(combined, values[read]) : combined + values[read]
                    read += 1
                }
                columns[write] = column
                values[write] = combined
                write += 1
                if Int(column) == row { selfLoops += 1 }
            }
        }
        offsets[n] = write
        columns.removeLast(columns.count - write)
        values.removeLast(values.count - write)

        if !isDirected {
            let edges = (write - selfLoops) / 2 + selfLoops
            return Graph(nodeCount: n, isDirected: false, isWeighted: isWeighted, edgeCount: edges, selfLoopCount: selfLoops,
                         outOffsets: offsets, outTargets: columns, outWeights: values,
                         inOffsets: offsets, inSources: columns, inWeights: values)
        }
        // In-adjacency: transpose; scanning rows in order leaves each in-row sorted by source.
        var inOffsets = GraphBuilder.bucketOffsets(keys: columns, bucketCount: n)
        var inNext = inOffsets
        var inSources = [Int32](repeating: 0, count: write)
        var inWeights = [Double](repeating: 0, count: write)
        for row in 0 ..< n {
            for position in offsets[row] ..< offsets[row + 1] {
                let column = Int(columns[position])
                inSources[inNext[column]] = Int32(truncatingIfNeeded: row)
                inWeights[inNext[column]] = values[position]
                inNext[column] += 1
            }
        }
        inOffsets[n] = write
        return Graph(nodeCount: n, isDirected: true, isWeighted: isWeighted, edgeCount: write, selfLoopCount: selfLoops,
                     outOffsets: offsets, outTargets: columns, outWeights: values,
                     inOffsets: inOffsets, inSources: inSources, inWeights: inWeights)
    }

    /// Start of each key's bucket (`bucketCount + 1` entries, the last the total).
    static func bucketOffsets(keys: [Int32], bucketCount: Int) -> [Int] {
        var offsets = [Int](repeating: 0, count: bucketCount + 1)
        for key in keys { offsets[Int(key) + 1] += 1 }
        for i in 0 ..< bucketCount { offsets[i + 1] += offsets[i] }
        return offsets
    }

    /// Entry indices ordered by key, ties kept in input order.
    static func countingSortOrder(keys: [Int32], bucketCount: Int) -> [Int32] {
        var next = bucketOffsets(keys: keys, bucketCount: bucketCount)
        var order = [Int32](repeating: 0, count: keys.count)
        for (i, key) in keys.enumerated() {
            order[next[Int(key)]] = Int32(truncatingIfNeeded: i)
            next[Int(key)] += 1
        }
        return order
    }
}
