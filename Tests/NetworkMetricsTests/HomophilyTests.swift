import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// E-I index, assortativity and mixing against Tests/Fixtures/reference/homophily.json (NetworkX's
/// `attribute_assortativity_coefficient`; E-I and mixing counted in Python), and the permutation test
/// against the exact permutation distribution of a small graph.
@Suite struct HomophilyTests {
    static let cases = [("karate", "club"), ("davis", "kind"), ("gnp-strong", "group"), ("directed-components", "group"),
                        ("groups-missing", "group")]

    @Test(arguments: cases)
    func matchesReference(_ name: String, _ attribute: String) throws {
        let expected = try #require(Fixtures.referenceJSON("homophily.json")[name] as? [String: Any])
        let network = try NetworkReader.read(Fixtures.dataset(name)).network
        let grouping = try network.grouping(by: attribute)
        let result = try network.graph().homophily(groupOf: grouping.groupOf, groupCount: grouping.count, permutations: 0)
        #expect(isClose(try #require(result.eiIndex), expected["ei_index"] as! Double))
        #expect(result.externalTies == expected["external"] as! Int && result.internalTies == expected["internal"] as! Int)
        #expect(isClose(try #require(result.assortativity), expected["assortativity"] as! Double, relative: 1e-9, absolute: 1e-12))
        let groupEI = expected["group_ei"] as! [String: Any]
        let mixing = expected["mixing"] as! [String: [String: Int]]
        for (g, groupName) in grouping.names.enumerated() {
            if let value = groupEI[groupName] as? Double { #expect(isClose(try #require(result.groupEI[g]), value)) } else { #expect(result.groupEI[g] == nil) }
            for (h, other) in grouping.names.enumerated() { #expect(result.mixing[g][h] == mixing[groupName]![other]!, "\(groupName)→\(other)") }
        }
    }

    /// Stakeholders without a value are in no group: the same figures as the network among the others,
    /// and the permutation test relabels only them (the same p-values with the same seed).
    @Test func missingValuesAreLeftOutWithTheirTies() throws {
        let network = try NetworkReader.read(Fixtures.dataset("groups-missing")).network
        let grouping = try network.grouping(by: "group")
        #expect(grouping.ungrouped.count == 9 && grouping.names == ["blue", "green", "red"])
        let kept = network.stakeholders.indices.filter { grouping.groupOf[$0] >= 0 }
        let whole = try network.graph().homophily(groupOf: grouping.groupOf, groupCount: 3, permutations: 2000, seed: 5)
        let among = try network.graph().induced(keeping: kept).homophily(groupOf: kept.map { grouping.groupOf[$0] }, groupCount: 3, permutations: 2000, seed: 5)
        #expect(whole.eiIndex == among.eiIndex && whole.mixing == among.mixing && whole.assortativity == among.assortativity)
        #expect(whole.permutation?.pLessOrEqual == among.permutation?.pLessOrEqual && whole.permutation?.mean == among.permutation?.mean)
        // The old reading, missing as a group of its own, differs.
        let asGroup = try network.grouping(by: "group", missingAsGroup: true)
        #expect(asGroup.names == ["blue", "green", "red", "(none)"] && asGroup.isComplete)
        let old = try network.graph().homophily(groupOf: asGroup.groupOf, groupCount: 4, permutations: 0)
        #expect(old.internalTies + old.externalTies > whole.internalTies + whole.externalTies)
    }

    /// Newman's numeric assortativity against NetworkX's numeric_assortativity_coefficient, directed and
    /// undirected, on the network among the stakeholders with a value.
    @Test func numericAssortativityMatchesNetworkX() throws {
        let expected = try #require(Fixtures.referenceJSON("numeric_assortativity.json")["groups-missing"] as? [String: Double])
        let network = try NetworkReader.read(Fixtures.dataset("groups-missing")).network
        let values = network.stakeholders.map { $0.attributes["staff"]?.numericValue }
        #expect(values.filter { $0 == nil }.count == 6)
        let directed = try network.graph()
        #expect(isClose(try #require(directed.numericAssortativity(values)), expected["staff"]!, relative: 1e-10))
        let undirected = try network.graph(selecting: GraphSelection(direction: .undirected))
        #expect(isClose(try #require(undirected.numericAssortativity(values)), expected["staff_undirected"]!, relative: 1e-10))
        #expect(directed.numericAssortativity([Double?](repeating: 1, count: network.stakeholderCount)) == nil)
    }

    @Test func permutationTestAgreesWithTheExactDistribution() throws {
        // Two triangles joined by one tie, groups {a,b,c} and {d,e,f}: E = 1, I = 6, E-I = −5/7.
        // All C(6,3) = 20 labellings are equally likely under relabelling; counted by hand in the loop below.
        let network = StakeholderNetwork(isDirected: false, edges: [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")])
        let graph = try network.graph()
        let groupOf = [0, 0, 0, 1, 1, 1]
        var atMost = 0
        var all: [Double] = []
        for mask in 0 ..< 64 where mask.nonzeroBitCount == 3 {
            let labels = (0 ..< 6).map { (mask >> $0) & 1 }
            var external = 0
            graph.forEachTieForTests { if labels[$0] != labels[$1] { external += 1 } }
            let ei = Double(2 * external - 7) / 7
            all.append(ei)
            if ei <= -5.0 / 7 + 1e-12 { atMost += 1 }
        }
        let exactP = Double(atMost) / Double(all.count) // 2 of 20: the observed split and its mirror
        #expect(atMost == 2)
        let result = graph.homophily(groupOf: groupOf, groupCount: 2, permutations: 20_000, seed: 7)
        let test = try #require(result.permutation)
        #expect(isClose(try #require(result.eiIndex), -5.0 / 7))
        // Monte Carlo p within 4 standard errors of the exact 0.1 (SE = √(0.1·0.9/20000) ≈ 0.0021).
        #expect(abs(test.pLessOrEqual - exactP) < 4 * (exactP * (1 - exactP) / 20_000).squareRoot())
        #expect(abs(test.mean - all.reduce(0, +) / 20) < 0.01)
        #expect(test.pGreaterOrEqual > 0.99)
        // Same seed, any threads: the same numbers.
        let again = graph.homophily(groupOf: groupOf, groupCount: 2, permutations: 20_000, seed: 7, threads: 1).permutation!
        #expect(again.pLessOrEqual == test.pLessOrEqual && again.mean == test.mean)
    }
}

extension Graph {
    /// Each tie once (test helper over the public adjacency).
    func forEachTieForTests(_ body: (Int, Int) -> Void) {
        for u in 0 ..< nodeCount { for w in successors(of: u) where Int(w) > u || isDirected { body(u, Int(w)) } }
    }
}
