import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import SectorComparison
import Testing
import TestSupport

/// A profiler for a dataset with partners counted by the grouping attribute itself.
func profiler(for path: String, by attribute: String, reach: [Double]? = nil) throws -> (GroupProfiler, Grouping, StakeholderNetwork) {
    let network = try NetworkReader.read(path).network
    let grouping = try network.grouping(by: attribute)
    let profiler = try GroupProfiler(graph: network.graph(), partnerKind: grouping.groupOf, kindNames: grouping.names, reach: reach,
                                     leftOut: grouping.groupOf.map { $0 < 0 }, threads: 2)
    return (profiler, grouping, network)
}

/// Every group figure against NetworkX (Tests/Fixtures/reference/group_profiles.json, written by
/// Scripts/reference/values.py), brokerage role shares against R sna's counts, and a network small
/// enough to count by hand.
@Suite struct GroupProfileTests {
    static let cases: [(String, String)] = [("karate", "club"), ("davis", "kind"), ("gnp-strong", "group"), ("directed-components", "group"),
                                            ("groups-missing", "group")]

    /// Relabellings profiled a batch at a time (the brokerage roles of eight counted in one pass) give the
    /// same bits as one by one, across a batch boundary and with stakeholders in no group held out.
    @Test(arguments: cases)
    func aBatchOfRelabellingsIsProfiledAsEachAlone(_ name: String, _ attribute: String) throws {
        let (profiler, grouping, _) = try profiler(for: Fixtures.dataset(name), by: attribute)
        let labels = grouping.groupOf.map(Int32.init)
        let movable = labels.indices.filter { labels[$0] >= 0 }
        var generator = SeededGenerator(seed: 11)
        let relabelled = (0 ..< 11).map { _ -> [Int32] in
            var moving = movable.map { labels[$0] }
            generator.shuffle(&moving)
            var permuted = labels
            for (i, v) in movable.enumerated() { permuted[v] = moving[i] }
            return permuted
        }
        var scratch = GroupProfiler.Scratch(nodeCount: profiler.nodeCount)
        let batched = profiler.profiles(relabelled, groupCount: grouping.count, scratch: &scratch)
        #expect(batched.count == relabelled.count)
        for (i, permuted) in relabelled.enumerated() {
            let alone = profiler.profile(labels: permuted, groupCount: grouping.count, scratch: &scratch)
            #expect(batched[i].map(\.bitPattern) == alone.map(\.bitPattern), "relabelling \(i)")
        }
        #expect(profiler.measures.contains { $0.name.hasPrefix("roles_") }, "the roles are among the figures")
    }

    @Test(arguments: cases)
    func matchesNetworkX(_ name: String, _ attribute: String) throws {
        let reference = try Fixtures.referenceJSON("group_profiles.json")[name] as! [String: [String: Any]]
        let (profiler, grouping, _) = try profiler(for: Fixtures.dataset(name), by: attribute)
        var scratch = GroupProfiler.Scratch(nodeCount: profiler.nodeCount)
        let values = profiler.profile(labels: grouping.groupOf.map(Int32.init), groupCount: grouping.count, scratch: &scratch)
        #expect(Set(reference.keys) == Set(grouping.names))
        for (g, group) in grouping.names.enumerated() {
            let expected = reference[group]!
            for (m, measure) in profiler.measures.enumerated() {
                let value = values[m * grouping.count + g]
                let wanted: Any?
                if measure.name.hasPrefix("partners_") {
                    let partner = grouping.names.first { "partners_" + $0.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: ".", with: "") == measure.name }!
                    wanted = (expected["partners"] as! [String: Any])[partner]
                } else if measure.name.hasPrefix("roles_") || measure.name == "mean_brokerage" {
                    continue
                } else {
                    wanted = expected[measure.name]
                }
                if let number = wanted as? Double {
                    let tolerance = measure.name == "mean_pagerank" ? 1e-9 : 1e-10
                    #expect(isClose(value, number, relative: tolerance, absolute: tolerance), "\(name) \(group) \(measure.name): \(value) vs NetworkX \(number)")
                } else {
                    #expect(value.isNaN, "\(name) \(group) \(measure.name): \(value), NetworkX has none")
                }
            }
        }
    }

    /// `roles_*` and `mean_brokerage` from the per-stakeholder counts R sna wrote (reference/brokerage/NAME.csv).
    @Test(arguments: cases)
    func brokerageSharesMatchSna(_ name: String, _ attribute: String) throws {
        let file = Fixtures.path("reference/brokerage/\(name).csv")
        let table = try CSVTable(text: String(contentsOfFile: file, encoding: .utf8), file: file)
        let (profiler, grouping, network) = try profiler(for: Fixtures.dataset(name), by: attribute)
        var scratch = GroupProfiler.Scratch(nodeCount: profiler.nodeCount)
        let G = grouping.count
        let values = profiler.profile(labels: grouping.groupOf.map(Int32.init), groupCount: G, scratch: &scratch)
        let roles = ["coordinator", "consultant", "representative", "gatekeeper", "liaison"]
        var sums = [[Double]](repeating: [Double](repeating: 0, count: 6), count: G)
        for row in 0 ..< table.rowCount where table.columns[0][row] != "(network)" && !table.columns[1][row].isEmpty {
            let g = grouping.groupOf[network.index(of: table.columns[0][row])!]
            for (r, role) in (roles + ["total"]).enumerated() {
                sums[g][r] += Double(table.columns[table.header.firstIndex(of: role)!][row])!
            }
        }
        for g in 0 ..< G {
            let mean = values[profiler.measures.firstIndex { $0.name == "mean_brokerage" }! * G + g]
            #expect(isClose(mean, sums[g][5] / Double(grouping.members[g].count)))
            for (r, role) in roles.enumerated() {
                let share = values[profiler.measures.firstIndex { $0.name == "roles_" + role }! * G + g]
                if sums[g][5] > 0 { #expect(isClose(share, sums[g][r] / sums[g][5]), "\(name) \(grouping.names[g]) \(role)") }
                else { #expect(share.isNaN) }
            }
        }
    }

    /// Two groups on seven stakeholders, every figure worked out by hand: X = {a, b, c, d} with ties a–b, b–c,
    /// a–c, c–d; Y = {e, f, g} with e–f; between them d–e and b–g.
    @Test func handCounted() throws {
        let folder = try TemporaryFolder(files: [
            "nodes.csv": "id,kind,sector\na,spin-out,X\nb,spin-out,X\nc,funder,X\nd,union,X\ne,spin-out,Y\nf,funder,Y\ng,union,Y\n",
            "edges.csv": "source,target\na,b\nb,c\na,c\nc,d\nd,e\ne,f\nb,g\n",
            "network.json": #"{"directed": false}"#,
        ])
        let network = try NetworkReader.read(folder.path).network
        let grouping = try network.grouping(by: "sector")
        let kinds = try network.grouping(by: "kind")
        let profiler = try GroupProfiler(graph: network.graph(), partnerKind: kinds.groupOf, kindNames: kinds.names, reach: nil)
        var scratch = GroupProfiler.Scratch(nodeCount: 7)
        let values = profiler.profile(labels: grouping.groupOf.map(Int32.init), groupCount: 2, scratch: &scratch)
        func value(_ name: String, _ group: Int) -> Double { values[profiler.measures.firstIndex { $0.name == name }! * 2 + group] }
        #expect(value("stakeholders", 0) == 4 && value("stakeholders", 1) == 3)
        #expect(value("ties_within", 0) == 4 && value("ties_within", 1) == 1)
        #expect(value("ties_between", 0) == 2 && value("ties_between", 1) == 2)
        #expect(value("density_within", 0) == 4.0 / 6 && value("density_within", 1) == 1.0 / 3)
        #expect(value("e_i_index", 0) == (2.0 - 4) / 6 && value("e_i_index", 1) == (2.0 - 1) / 3)
        // Degrees a 2, b 3, c 3, d 2 | e 2, f 1, g 1.
        #expect(value("mean_degree", 0) == 10.0 / 4 && value("mean_degree", 1) == 4.0 / 3)
        // Induced X: degrees a 2, b 2, c 3, d 1 → Σ(3 − d) = 4 over (4−1)(4−2) = 6. Induced Y: e 1, f 1, g 0 → 1 over (3−1)(3−2) = 2.
        #expect(value("degree_centralization_within", 0) == 4.0 / 6 && value("degree_centralization_within", 1) == 0.5)
        // Induced X: a 1, b 1, c 1/3, d 0 → 7/3 over 4. Y has no triangle.
        #expect(isClose(value("clustering_within", 0), (7.0 / 3) / 4) && value("clustering_within", 1) == 0)
        // Tie ends of X (10): partners a→b,c; b→a,c,g; c→a,b,d; d→c,e: spin-outs b, a, a, b, e = 5, funder c ×3, union g,d.
        #expect(value("partners_spin_out", 0) == 5.0 / 10 && value("partners_funder", 0) == 3.0 / 10 && value("partners_union", 0) == 2.0 / 10)
        // Tie ends of Y (4): e→d,f; f→e; g→b.
        #expect(value("partners_spin_out", 1) == 2.0 / 4 && value("partners_union", 1) == 1.0 / 4 && value("partners_funder", 1) == 1.0 / 4)
        // Brokerage agrees with Graph.brokerage's per-stakeholder counts.
        let brokerage = try network.graph().brokerage(groupOf: grouping.groupOf)
        for g in 0 ..< 2 {
            let members = grouping.members[g]
            let total = members.reduce(0.0) { $0 + brokerage.counts[$1][5] }
            #expect(isClose(value("mean_brokerage", g), total / Double(members.count)))
            for (r, role) in ["coordinator", "consultant", "representative", "gatekeeper", "liaison"].enumerated() {
                #expect(isClose(value("roles_" + role, g), members.reduce(0.0) { $0 + brokerage.counts[$1][r] } / total))
            }
        }
        // E-I per group equals the homophily command's.
        let homophily = try network.graph().homophily(groupOf: grouping.groupOf, groupCount: 2, permutations: 0)
        #expect(value("e_i_index", 0) == homophily.groupEI[0]! && value("e_i_index", 1) == homophily.groupEI[1]!)
    }
}

/// Members' betweenness from sampled sources, as `compare` and the report use on large networks.
@Suite struct SampledGroupBetweennessTests {
    /// The groups' mean betweenness from 20 of the 77 stakeholders' paths averages, over 200 seeds, to the
    /// exact mean (within 3 standard errors of that average), and the sampled profile says how it was made.
    @Test func groupMeansFromSampledSourcesAreUnbiasedAndSaidSo() throws {
        let network = try NetworkReader.read(Fixtures.dataset("lesmis")).network
        let graph = try network.graph()
        let groupOf = (0 ..< graph.nodeCount).map { $0 % 3 }
        let exact = try GroupProfiler(graph: graph, partnerKind: groupOf, kindNames: ["a", "b", "c"], reach: nil)
        #expect(exact.notes.isEmpty)
        let measure = exact.measures.firstIndex { $0.name == "mean_betweenness" }!
        func means(_ profiler: GroupProfiler) -> [Double] {
            var scratch = GroupProfiler.Scratch(nodeCount: graph.nodeCount)
            let values = profiler.profile(labels: groupOf.map(Int32.init), groupCount: 3, scratch: &scratch)
            return (0 ..< 3).map { values[measure * 3 + $0] }
        }
        let truth = means(exact)
        let runs = 200
        var sampled: [[Double]] = []
        for run in 0 ..< runs {
            let profiler = try GroupProfiler(graph: graph, partnerKind: groupOf, kindNames: ["a", "b", "c"], reach: nil,
                                             betweenness: .sampled(sources: 20, seed: UInt64(run + 1)), threads: 1)
            if run == 0 {
                #expect(profiler.notes.contains { $0.hasPrefix("mean_betweenness:") && $0.contains("20 of the 77 stakeholders") }, "\(profiler.notes)")
            }
            sampled.append(means(profiler))
        }
        for g in 0 ..< 3 {
            let estimates = sampled.map { $0[g] }
            let mean = estimates.reduce(0, +) / Double(runs)
            let spread = (estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(runs - 1)).squareRoot()
            #expect(spread > 0, "the sample must vary")
            #expect(abs(mean - truth[g]) < 3 * spread / Double(runs).squareRoot(), "group \(g): \(mean) against \(truth[g])")
        }
    }

    @Test func automaticIsExactWithinTheBudgetAndSampledBeyondIt() throws {
        var generator = EcosystemGenerator(stakeholders: 2000)
        generator.meanDegree = 6
        generator.seed = 3
        let graph = try generator.generate().graph()
        let arcs = Double(graph.outTargets.count)
        #expect(BetweennessMethod.automatic(for: graph, seed: 1) == .exact)
        #expect(BetweennessMethod.automatic(for: graph, seed: 1, budget: 2000 * arcs) == .exact)
        // Just below n·arcs: as many sources as the budget buys, but never fewer than 500.
        #expect(BetweennessMethod.automatic(for: graph, seed: 4, budget: 1500 * arcs) == .sampled(sources: 1500, seed: 4))
        #expect(BetweennessMethod.automatic(for: graph, seed: 4, budget: 10 * arcs) == .sampled(sources: 500, seed: 4))
        #expect(BetweennessMethod.automatic(for: graph, exact: true, seed: 4, budget: 10 * arcs) == .exact)
        #expect(BetweennessMethod.automatic(for: graph, requested: 30, seed: 4) == .sampled(sources: 30, seed: 4))
        #expect(BetweennessMethod.automatic(for: graph, requested: 5000, seed: 4, budget: 10 * arcs) == .exact)
        // The sampled method is the sampled estimate, bit for bit.
        let sampled = graph.betweenness(.sampled(sources: 50, seed: 8), threads: 2)
        let direct = graph.approximateBetweenness(sampleSize: 50, seed: 8, threads: 1).estimate
        #expect(sampled.values.map(\.bitPattern) == direct.values.map(\.bitPattern))
    }
}
