import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Two-mode degree and projections of Davis's southern women against NetworkX's `bipartite` module
/// (Tests/Fixtures/reference/two_mode.json).
@Suite struct TwoModeTests {
    @Test func projectionsAndDegreeMatchNetworkX() throws {
        let reference = try Fixtures.referenceJSON("two_mode.json")
        let network = try NetworkReader.read(Fixtures.dataset("davis")).network
        let modes = try network.twoModes(by: "kind")
        #expect(modes.names == ["event", "woman"])
        let graph = try network.graph()
        let centrality = reference["degree_centrality"] as! [String: Double]
        let (_, ours) = graph.twoModeDegree(modes: modes.modes)
        for (id, value) in centrality { #expect(isClose(ours[network.index(of: id)!], value), "\(id)") }
        for (mode, name) in modes.names.enumerated() {
            for weighting in ProjectionWeighting.allCases {
                let expected = reference["\(name)-\(weighting.rawValue)"] as! [[Any]]
                let projection = graph.projection(modes: modes.modes, onto: mode, weighting: weighting)
                var edges: [String: Double] = [:]
                for u in 0 ..< projection.graph.nodeCount {
                    for e in projection.graph.outRange(of: u) where Int(projection.graph.outTargets[e]) > u {
                        let a = network.stakeholders[projection.nodes[u]].id, b = network.stakeholders[projection.nodes[Int(projection.graph.outTargets[e])]].id
                        edges[min(a, b) + "|" + max(a, b)] = projection.graph.outWeights[e]
                    }
                }
                #expect(edges.count == expected.count, "\(name) \(weighting)")
                for entry in expected {
                    let key = (entry[0] as! String) + "|" + (entry[1] as! String)
                    #expect(isClose(try #require(edges[key], "\(key)"), (entry[2] as! NSNumber).doubleValue), "\(name) \(weighting) \(key)")
                }
            }
        }
    }

    @Test func modesMustBeTwoAndTiesMustCrossThem() throws {
        let network = StakeholderNetwork(isDirected: false, edges: [("ann", "board"), ("bob", "board"), ("ann", "bob")])
        #expect(throws: TwoModeError.self) { try network.twoModesFromTies() }
        let clean = StakeholderNetwork(isDirected: true, edges: [("ann", "board"), ("bob", "board"), ("bob", "trust")])
        let modes = try clean.twoModesFromTies()
        #expect(modes.modes == [0, 1, 0, 1])
        let projected = try clean.graph().projection(modes: modes.modes, onto: 0)
        #expect(projected.graph.edgeCount == 1 && projected.graph.weight(from: 0, to: 1) == 1)
    }
}
