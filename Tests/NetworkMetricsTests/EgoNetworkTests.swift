import NetworkMetrics
import NetworkModel
import Testing

@Suite struct EgoNetworkTests {
    @Test func neighbourhoodAndDensityByHand() throws {
        // ego → a, b → ego, ego → c; a → b; c → d (d two steps away).
        let network = StakeholderNetwork(isDirected: true, edges: [("ego", "a"), ("b", "ego"), ("ego", "c"), ("a", "b"), ("c", "d")])
        let graph = try network.graph()
        let one = graph.egoNetwork(of: 0, radius: 1)
        #expect(one.alters.map { network.stakeholders[$0].id } == ["a", "b", "c"])
        // One arc (a → b) among 3 alters, of 3·2 possible ordered pairs.
        #expect(one.tiesAmongAlters == 1 && one.densityAmongAlters == 1.0 / 6)
        #expect(one.outDegree == 2 && one.inDegree == 1)
        let two = graph.egoNetwork(of: 0, radius: 2)
        #expect(two.alters.count == 4 && two.distance == [1, 1, 1, 2])
        #expect(two.tiesAmongAlters == 2)
        let undirected = try StakeholderNetwork(isDirected: false, edges: [("ego", "a"), ("ego", "b"), ("a", "b")]).graph()
        #expect(undirected.egoNetwork(of: 0).densityAmongAlters == 1)
        let alone = try StakeholderNetwork(isDirected: false, edges: [("ego", "a")]).graph().egoNetwork(of: 0)
        #expect(alone.densityAmongAlters == nil && alone.alters == [1])
    }
}
