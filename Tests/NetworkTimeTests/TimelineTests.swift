import Foundation
import NetworkIO
import NetworkModel
import NetworkTime
import Testing
import TestSupport

/// `Timeline` against NetworkX's figures of each snapshot (Scripts/reference/values.py, timeline.json).
@Suite struct TimelineTests {
    struct Reference: Decodable {
        let period: [Int]
        let stakeholders: Int
        let ties: Int
        let density: Double
        let components: Int
        let mean_degree: Double
        let transitivity: Double
        let reciprocity: Double
        let formed: Int
        let dissolved: Int
        let jaccard: Double?
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * Swift.max(1, abs(b)) }

    @Test(arguments: [("yearly", 1993, 1, 1), ("two-years-from-2005", 2005, 2, 2)])
    func everySnapshotMatchesNetworkX(_ name: String, _ from: Int, _ step: Int, _ window: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reference/timeline.json")))
        let reference = try #require(try JSONDecoder().decode([String: [String: [Reference]]].self, from: data)["mutual-spinouts"]?[name])
        let network = try NetworkReader.read(Fixtures.network("mutual-spinouts")).network
        let timeline = Timeline(network: network, from: from, to: 2019, step: step, window: window)
        #expect(timeline.periods.count == reference.count)
        for (ours, theirs) in zip(timeline.periods, reference) {
            let label = "\(ours.label)"
            #expect([ours.years.lowerBound, ours.years.upperBound] == theirs.period, "\(label)")
            #expect(ours.stakeholders == theirs.stakeholders && ours.ties == theirs.ties && ours.components == theirs.components, "\(label)")
            #expect(Self.close(ours.density, theirs.density) && Self.close(ours.meanDegree, theirs.mean_degree), "\(label)")
            #expect(Self.close(ours.transitivity, theirs.transitivity) && Self.close(ours.reciprocity ?? -1, theirs.reciprocity), "\(label)")
            #expect(ours.formed == theirs.formed && ours.dissolved == theirs.dissolved, "\(label)")
            #expect((ours.jaccard == nil) == (theirs.jaccard == nil) && Self.close(ours.jaccard ?? 0, theirs.jaccard ?? 0), "\(label)")
        }
        // Ties change over these years: the test is not of a still network.
        #expect(Set(timeline.periods.map(\.ties)).count > 3 && timeline.periods.contains { $0.dissolved > 0 })
    }

    @Test func theEIIndexAndDensitiesWithinGroupsCountPairsDirectly() throws {
        // a, b in group x; c in y; d without a group. Ties: a-b, a-c, c-d (d's pair is left out).
        let stakeholders = [("a", "x"), ("b", "x"), ("c", "y"), ("d", nil)].map { Stakeholder(id: $0.0, attributes: $0.1.map { ["team": .text($0)] } ?? [:]) }
        var ties = [Tie(source: 0, target: 1), Tie(source: 0, target: 2), Tie(source: 2, target: 3)]
        for i in ties.indices { ties[i].start = 2000 }
        let network = StakeholderNetwork(name: "teams", isDirected: false, stakeholders: stakeholders, ties: ties)
        let period = try #require(Timeline(network: network, from: 2000, to: 2000, grouping: try network.grouping(by: "team")).periods.first)
        #expect(period.eiIndex == 0)  // one pair within, one between
        #expect(period.groupDensity == [1, nil])
        #expect(period.density == 0.5 && period.reciprocity == nil)
    }
}
