import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Whole-network figures against NetworkX (structure.json) and Freeman centralizations against R's sna
/// (centralization.json, written by Scripts/reference/sna.R).
@Suite struct CohesionTests {
    static let datasets = StructureTests.datasets

    func summary(_ name: String) throws -> NetworkSummary {
        let network = try NetworkReader.read(Fixtures.dataset(name)).network
        return NetworkSummary(network: network, graph: try network.graph())
    }

    @Test(arguments: datasets)
    func figuresMatchNetworkX(_ name: String) throws {
        let expected = try StructureTests.reference(name)
        let figures = try summary(name)
        #expect(isClose(figures.transitivity, expected["transitivity"] as! Double, relative: 1e-12))
        #expect(isClose(figures.averageClustering, expected["average_clustering"] as! Double, relative: 1e-12))
        if let assortativity = expected["degree_assortativity"] as? Double {
            #expect(isClose(try #require(figures.degreeAssortativity), assortativity, relative: 1e-9, absolute: 1e-12))
        } else {
            #expect(figures.degreeAssortativity == nil)
        }
        if let reciprocity = expected["reciprocity"] as? Double {
            #expect(isClose(try #require(figures.reciprocity), reciprocity))
        } else {
            #expect(figures.reciprocity == nil)
        }
        let paths = try #require(figures.paths)
        #expect(paths.componentSize == expected["path_component_size"] as! Int)
        #expect(paths.connectedPairs == expected["path_connected_pairs"] as! Int)
        #expect(paths.diameter == expected["diameter"] as! Int)
        #expect(isClose(paths.averagePathLength, expected["average_path_length"] as! Double, relative: 1e-12))
        #expect(paths.sampledSources == nil)
    }

    @Test(arguments: datasets)
    func centralizationMatchesSna(_ name: String) throws {
        let all = try Fixtures.referenceJSON("centralization.json")
        let expected = try #require(all[name] as? [String: Any])
        let figures = try summary(name)
        func check(_ value: Double?, _ key: String) throws {
            let reference = try #require(expected[key] as? Double, "\(key)")
            #expect(isClose(try #require(value, "\(key)"), reference, relative: 1e-9, absolute: 1e-12), "\(key)")
        }
        try check(figures.degreeCentralization, "degree")
        try check(figures.betweennessCentralization, "betweenness")
        try check(figures.closenessCentralization, "closeness")
        if figures.isDirected {
            try check(figures.inDegreeCentralization, "in_degree")
            try check(figures.outDegreeCentralization, "out_degree")
        }
    }

    @Test func starIsFullyCentralized() throws {
        let star = try StakeholderNetwork(isDirected: false, edges: [("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d")]).graph()
        #expect(Centralization.degree(star) == 1)
        #expect(Centralization.betweenness(star, normalizedBetweenness: star.betweenness()) == 1)
        let closeness = try #require(Centralization.closeness(star, outgoingDistances: star.distanceSums(outgoing: true)))
        #expect(isClose(closeness, 1))
        let pair = try StakeholderNetwork(isDirected: false, edges: [("a", "b")]).graph()
        #expect(Centralization.degree(pair) == nil)
    }

    @Test func largeNetworksEstimatePathsFromSampledSources() throws {
        let network = try NetworkReader.read(Fixtures.dataset("lesmis")).network
        let graph = try network.graph()
        let exact = try #require(graph.pathFigures(exactLimit: nil))
        let sampled = try #require(graph.pathFigures(exactLimit: 40, seed: 3))
        #expect(sampled.sampledSources == 40 && exact.sampledSources == nil)
        #expect(sampled.diameter <= exact.diameter)
        // 40 of 77 sources: the estimate is within a few percent of the exact mean path length (2.64).
        #expect(abs(sampled.averagePathLength - exact.averagePathLength) < 0.15)
        #expect(try #require(graph.pathFigures(exactLimit: 40, seed: 3)) == sampled)
    }
}
