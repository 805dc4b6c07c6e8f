import NetworkModel
import Testing

/// The CSR layout and every selection option of `StakeholderNetwork.graph(selecting:)`.
@Suite struct GraphBuildingTests {
    /// a → b (funding, 2, 2010–2012), a → b (support, 3), b → c (funding, 1, 2015–), c → a (research, 4),
    /// c ↔ d (partnership, undirected tie, 5), d → d (self-loop).
    static func sample(directed: Bool = true) -> StakeholderNetwork {
        let stakeholders = ["a", "b", "c", "d"].map { Stakeholder(id: $0) }
        let ties = [
            Tie(source: 0, target: 1, kind: .funding, weight: 2, start: 2010, end: 2012, line: 2),
            Tie(source: 0, target: 1, kind: .support, weight: 3, line: 3),
            Tie(source: 1, target: 2, kind: .funding, weight: 1, start: 2015, line: 4),
            Tie(source: 2, target: 0, kind: .research, weight: 4, attributes: ["trust": .number(0.5)], line: 5),
            Tie(source: 2, target: 3, kind: .partnership, weight: 5, direction: .undirected, line: 6),
            Tie(source: 3, target: 3, kind: .membership, weight: 1, line: 7),
        ]
        return StakeholderNetwork(name: "sample", isDirected: directed, stakeholders: stakeholders, ties: ties)
    }

    func rows(_ graph: Graph) -> [[Int]] { (0 ..< graph.nodeCount).map { graph.successors(of: $0).map(Int.init) } }
    func inRows(_ graph: Graph) -> [[Int]] { (0 ..< graph.nodeCount).map { graph.predecessors(of: $0).map(Int.init) } }

    @Test func directedLayoutAsDeclared() throws {
        let graph = try Self.sample().graph(selecting: GraphSelection(weighting: .strength))
        #expect(graph.isDirected && graph.isWeighted)
        // a→b twice combined; c↔d gives c→d and d→c; the self-loop is left out.
        #expect(rows(graph) == [[1], [2], [0, 3], [2]])
        #expect(inRows(graph) == [[2], [0], [1, 3], [2]])
        #expect(graph.edgeCount == 5 && graph.selfLoopCount == 0)
        #expect(graph.weight(from: 0, to: 1) == 5) // 2 + 3
        #expect(graph.weight(from: 3, to: 2) == 5)
        #expect(graph.weight(from: 1, to: 0) == nil)
        #expect(graph.inWeights[graph.inRange(of: 1)].first == 5)
        #expect(graph.outOffsets == [0, 1, 2, 4, 5])
    }

    @Test func parallelTiesCombineBySumMaxOrCount() throws {
        let network = Self.sample()
        let byMax = try network.graph(selecting: GraphSelection(parallelTies: .max, weighting: .strength))
        #expect(byMax.weight(from: 0, to: 1) == 3)
        let byCount = try network.graph(selecting: GraphSelection(parallelTies: .count, weighting: .strength))
        #expect(byCount.weight(from: 0, to: 1) == 2)
        #expect(byCount.weight(from: 2, to: 0) == 1)
        #expect(!byCount.isWeighted)
        let unweighted = try network.graph()
        #expect(!unweighted.isWeighted && unweighted.weight(from: 0, to: 1) == 2) // multiplicity
    }

    @Test func undirectedMergesBothDirections() throws {
        let graph = try Self.sample().graph(selecting: GraphSelection(direction: .undirected, weighting: .strength))
        #expect(!graph.isDirected)
        #expect(rows(graph) == [[1, 2], [0, 2], [0, 1, 3], [2]])
        #expect(graph.edgeCount == 4)
        #expect(graph.weight(from: 1, to: 0) == 5 && graph.weight(from: 0, to: 1) == 5)
        #expect(graph.outTargets == graph.inSources)
    }

    @Test func undirectedNetworkReadsDirectedTiesAsUndirected() throws {
        var network = Self.sample(directed: false)
        network.isDirected = false
        let graph = try network.graph()
        #expect(!graph.isDirected && rows(graph) == [[1, 2], [0, 2], [0, 1, 3], [2]])
    }

    @Test func reversedTurnsArcsAround() throws {
        let graph = try Self.sample().graph(selecting: GraphSelection(direction: .reversed))
        #expect(rows(graph) == [[2], [0], [1, 3], [2]])
        #expect(inRows(graph) == [[1], [2], [0, 3], [2]])
    }

    @Test func tieKindsSelectTies() throws {
        let graph = try Self.sample().graph(selecting: GraphSelection(tieKinds: [.funding], weighting: .strength))
        #expect(rows(graph) == [[1], [2], [], []])
        #expect(graph.weight(from: 0, to: 1) == 2)
    }

    @Test func periodSelectsTiesActiveInTheYears() throws {
        let network = Self.sample()
        // 2013–2014: a→b funding ended 2012, b→c starts 2015; ties without years are always active.
        let gap = try network.graph(selecting: GraphSelection(period: 2013 ... 2014, weighting: .strength))
        #expect(rows(gap) == [[1], [], [0, 3], [2]])
        #expect(gap.weight(from: 0, to: 1) == 3)
        let overlap = try network.graph(selecting: GraphSelection(period: 2012 ... 2015, weighting: .strength))
        #expect(rows(overlap) == [[1], [2], [0, 3], [2]])
        #expect(overlap.weight(from: 0, to: 1) == 5)
    }

    @Test func selfLoopsKeptOnRequest() throws {
        let directed = try Self.sample().graph(selecting: GraphSelection(keepSelfLoops: true))
        #expect(rows(directed)[3] == [2, 3] && directed.selfLoopCount == 1 && directed.edgeCount == 6)
        let undirected = try Self.sample().graph(selecting: GraphSelection(direction: .undirected, keepSelfLoops: true))
        // Stored once in its own row, as NetworkX's adjacency does.
        #expect(rows(undirected)[3] == [2, 3] && undirected.selfLoopCount == 1 && undirected.edgeCount == 5)
    }

    @Test func weightsFromAnAttributeMustBeNumbers() throws {
        let network = Self.sample()
        let selection = GraphSelection(tieKinds: [.research], weighting: .attribute("trust"))
        #expect(try network.graph(selecting: selection).weight(from: 2, to: 0) == 0.5)
        #expect(throws: GraphWeightError(tieIndex: 0, line: 2, attribute: "trust", found: nil)) {
            try network.graph(selecting: GraphSelection(weighting: .attribute("trust")))
        }
    }

    @Test func emptyAndSingleNodeGraphs() throws {
        let empty = try StakeholderNetwork(name: "empty", isDirected: true, stakeholders: [], ties: []).graph()
        #expect(empty.nodeCount == 0 && empty.edgeCount == 0 && empty.outOffsets == [0])
        let one = try StakeholderNetwork(name: "one", isDirected: false, stakeholders: [Stakeholder(id: "x")], ties: []).graph()
        #expect(one.nodeCount == 1 && one.outDegree(of: 0) == 0)
    }

    @Test func builderMatchesANaiveAdjacencyOnRandomArcs() {
        var generator = SplitMix64(seed: 7)
        for directed in [true, false] {
            let n = 50
            var builder = GraphBuilder(nodeCount: n, isDirected: directed)
            var expected: [[Int: Double]] = Array(repeating: [:], count: n)
            for _ in 0 ..< 400 {
                let u = Int(generator.next() % UInt64(n)), v = Int(generator.next() % UInt64(n))
                let w = Double(generator.next() % 5 + 1)
                builder.addArc(from: u, to: v, weight: w)
                expected[u][v, default: 0] += w
                if !directed, u != v { expected[v][u, default: 0] += w }
            }
            let graph = builder.build(isWeighted: true)
            for u in 0 ..< n {
                #expect(graph.successors(of: u).map(Int.init) == expected[u].keys.sorted())
                for v in expected[u].keys { #expect(graph.weight(from: u, to: v) == expected[u][v]) }
                if directed {
                    let into = (0 ..< n).filter { expected[$0][u] != nil }
                    #expect(graph.predecessors(of: u).map(Int.init) == into)
                }
            }
        }
    }

    @Test func memoryFootprintCountsTheArrays() throws {
        let graph = try Self.sample().graph()
        // 5 arcs, 4 nodes, directed: 2 × (5 offsets × 8 + 5 × 4 + 5 × 8).
        #expect(graph.memoryFootprint == 2 * (5 * 8 + 5 * 4 + 5 * 8))
    }
}

/// A small seeded generator for tests (SplitMix64, Steele, Lea & Flood 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct ModelSizeTests {
    /// National registers hold millions of ties: the documented 64 bytes per tie must hold.
    @Test func tieIsSixtyFourBytes() {
        #expect(MemoryLayout<Tie>.stride == 64)
    }
}
