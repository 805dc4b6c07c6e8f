import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Density, components and isolates against NetworkX's values (Tests/Fixtures/reference/structure.json,
/// written by Scripts/reference/values.py) on the classic datasets and seeded random graphs.
@Suite struct StructureTests {
    static let datasets = ["karate", "florentine", "davis", "lesmis", "gnp-directed", "gnp-strong", "gnm-components", "directed-components", "groups-missing"]

    static func reference(_ name: String) throws -> [String: Any] {
        let all = try Fixtures.referenceJSON("structure.json")["datasets"] as! [String: Any]
        return all[name] as! [String: Any]
    }

    @Test(arguments: datasets)
    func matchesNetworkX(_ name: String) throws {
        let expected = try Self.reference(name)
        let network = try NetworkReader.read(Fixtures.dataset(name)).network
        let graph = try network.graph()
        #expect(graph.isDirected == expected["directed"] as! Bool)
        #expect(graph.nodeCount == expected["nodes"] as! Int)
        #expect(graph.edgeCount == expected["edges"] as! Int)
        #expect(isClose(graph.density(), expected["density"] as! Double, relative: 1e-15))

        let weak = graph.weakComponents()
        #expect(weak.count == expected["components"] as! Int)
        #expect(weak.largestSize == expected["largest_component"] as! Int)
        #expect(memberIDs(weak, network) == expected["component_members"] as! [[String]])
        let strong = graph.strongComponents()
        #expect(strong.count == expected["strong_components"] as! Int)
        #expect(memberIDs(strong, network) == expected["strong_component_members"] as! [[String]])
        #expect(graph.isolates().map { network.stakeholders[$0].id } == expected["isolates"] as! [String])
    }

    /// Transitivity against R sna's gtrans (weak): the undirected view's (which is NetworkX's transitivity)
    /// and, on directed networks, the directed one (Tests/Fixtures/reference/gtrans.json).
    @Test(arguments: datasets)
    func transitivityMatchesSnaGtrans(_ name: String) throws {
        let expected = try #require(Fixtures.referenceJSON("gtrans.json")[name] as? [String: Double])
        let graph = try NetworkReader.read(Fixtures.dataset(name)).network.graph()
        #expect(isClose(graph.transitivity(), try #require(expected["graph"]), relative: 1e-12))
        if graph.isDirected {
            #expect(isClose(try #require(graph.directedTransitivity()), try #require(expected["digraph"]), relative: 1e-12))
        } else {
            #expect(graph.directedTransitivity() == nil)
        }
    }

    func memberIDs(_ components: Components, _ network: StakeholderNetwork) -> [[String]] {
        components.members.map { $0.map { network.stakeholders[$0].id }.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func smallCases() throws {
        let empty = try StakeholderNetwork(name: "e", isDirected: true, stakeholders: [], ties: []).graph()
        #expect(empty.density() == 0 && empty.weakComponents().count == 0 && empty.strongComponents().count == 0)
        // A directed 3-cycle plus a tail: one strong component of 3 and one of 1.
        let cycle = try StakeholderNetwork(isDirected: true, edges: [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]).graph()
        #expect(cycle.strongComponents().sizes.sorted() == [1, 3])
        #expect(cycle.weakComponents().count == 1)
        #expect(isClose(cycle.density(), 4.0 / 12.0))
        // A long chain does not overflow the stack.
        let chain = (0 ..< 200_000).map { ("n\($0)", "n\($0 + 1)") }
        let long = try StakeholderNetwork(isDirected: true, edges: chain).graph()
        #expect(long.strongComponents().count == 200_001)
    }

    @Test func summaryOfTheBundledNetwork() throws {
        let network = try NetworkReader.read(Fixtures.network("mutuals-research")).network
        let summary = NetworkSummary(network: network, graph: try network.graph())
        // Counted from Networks/mutuals-research/nodes.csv and edges.csv.
        #expect(summary.stakeholders == 32 && summary.ties == 37)
        #expect(summary.stakeholdersByKind.first { $0.name == "spin-out" }?.count == 2)
        #expect(summary.stakeholdersByKind.first { $0.name == "leisure-trust" }?.count == 2)
        #expect(summary.stakeholdersBySector.first { $0.name == NetworkSummary.noneLabel }?.count == 2)
        #expect(summary.tiesByKind.map(\.count).reduce(0, +) == 37)
        #expect(summary.components == 1 && summary.isolates.isEmpty)
    }
}
