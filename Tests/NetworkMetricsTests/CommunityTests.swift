import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Modularity against NetworkX (Tests/Fixtures/reference/modularity.json); Louvain and Leiden on planted
/// partitions and on the karate club.
@Suite struct CommunityTests {
    @Test func modularityMatchesNetworkX() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reference/modularity.json")))
        let cases = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(cases.count == 20)
        for entry in cases {
            let name = entry["dataset"] as! String
            let network = try NetworkReader.read(Fixtures.dataset(name)).network
            let graph = try network.graph(selecting: GraphSelection(weighting: entry["weighted"] as! Bool ? .strength : .none))
            var labels = [Int](repeating: -1, count: graph.nodeCount)
            for (c, members) in (entry["groups"] as! [[String]]).enumerated() {
                for id in members { labels[network.index(of: id)!] = c }
            }
            #expect(!labels.contains(-1))
            let q = graph.modularity(of: Partition(labels: labels), resolution: entry["resolution"] as! Double)
            #expect(isClose(q, entry["modularity"] as! Double, relative: 1e-12, absolute: 1e-14), "\(name) \(entry["partition"]!) γ=\(entry["resolution"]!)")
        }
    }

    /// k groups of `size` nodes, ties within a group with probability pIn and between groups with pOut (seeded).
    static func planted(groups k: Int, size: Int, pIn: Double, pOut: Double, seed: UInt64) throws -> (Graph, Partition) {
        var generator = SeededGenerator(seed: seed)
        var edges: [(String, String)] = []
        let n = k * size
        for u in 0 ..< n { for v in u + 1 ..< n where generator.nextUnit() < (u / size == v / size ? pIn : pOut) { edges.append(("\(u)", "\(v)")) } }
        let stakeholders = (0 ..< n).map { Stakeholder(id: "\($0)") }
        let network = StakeholderNetwork(name: "planted", isDirected: false, stakeholders: stakeholders,
                                         ties: edges.map { Tie(source: Int32($0.0)!, target: Int32($0.1)!) })
        return (try network.graph(), Partition(labels: (0 ..< n).map { $0 / size }))
    }

    @Test(arguments: [CommunityMethod.leiden, .louvain])
    func recoversPlantedPartitions(_ method: CommunityMethod) throws {
        for seed in [UInt64(1), 2, 3] {
            let (graph, truth) = try Self.planted(groups: 5, size: 40, pIn: 0.3, pOut: 0.01, seed: seed)
            let found = graph.communities(method: method, seed: seed)
            let nmi = normalizedMutualInformation(found, truth)
            #expect(nmi >= 0.95, "\(method) seed \(seed): NMI \(nmi)")
            #expect(graph.modularity(of: found) >= graph.modularity(of: truth) - 1e-9)
        }
    }

    @Test(arguments: [CommunityMethod.leiden, .louvain])
    func karateClubSplitsAlongItsFactions(_ method: CommunityMethod) throws {
        let network = try NetworkReader.read(Fixtures.dataset("karate")).network
        let graph = try network.graph()
        let found = graph.communities(method: method, seed: 1)
        let clubs = try network.grouping(by: "club")
        // The modularity optimum (about 0.42) splits each faction further, into 4 communities; merging them
        // pairwise gives the factions: every community lies (almost) inside one club.
        #expect(graph.modularity(of: found) > 0.41)
        #expect((3 ... 5).contains(found.count))
        var misplaced = 0
        for members in found.members {
            let inFirst = members.filter { clubs.groupOf[$0] == 0 }.count
            misplaced += min(inFirst, members.count - inFirst)
        }
        #expect(misplaced <= 2)
        // With a low resolution the two factions appear on their own: NMI with the clubs ≥ 0.6 (Zachary's
        // own split puts one member on the other side).
        let coarse = graph.communities(method: method, resolution: 0.5, seed: 1)
        #expect(coarse.count <= 3)
        #expect(normalizedMutualInformation(coarse, Partition(labels: clubs.groupOf)) > 0.6)
    }

    @Test func sameSeedSamePartitionAndLeidenCommunitiesAreConnected() throws {
        let network = try NetworkReader.read(Fixtures.dataset("lesmis")).network
        let graph = try network.graph(selecting: GraphSelection(weighting: .strength))
        let first = graph.communities(method: .leiden, seed: 5)
        #expect(graph.communities(method: .leiden, seed: 5) == first)
        for members in first.members {
            // Each community's induced subgraph is connected.
            let inside = Set(members)
            var seen: Set<Int> = [members[0]], stack = [members[0]]
            while let v = stack.popLast() {
                for w in graph.successors(of: v) where inside.contains(Int(w)) && !seen.contains(Int(w)) {
                    seen.insert(Int(w)); stack.append(Int(w))
                }
            }
            #expect(seen.count == members.count)
        }
        // Higher resolution, more communities.
        #expect(graph.communities(resolution: 2, seed: 5).count > first.count)
    }

    @Test func edgelessGraphsAndNMI() throws {
        let empty = try StakeholderNetwork(name: "e", isDirected: false, stakeholders: (0 ..< 3).map { Stakeholder(id: "\($0)") }, ties: []).graph()
        #expect(empty.communities().communityOf == [0, 1, 2] && empty.modularity(of: Partition(labels: [0, 0, 0])) == 0)
        #expect(normalizedMutualInformation(Partition(labels: [0, 0, 1, 1]), Partition(labels: [5, 5, 2, 2])) == 1)
        #expect(abs(normalizedMutualInformation(Partition(labels: [0, 0, 1, 1]), Partition(labels: [0, 1, 0, 1]))) < 1e-15)
    }
}
