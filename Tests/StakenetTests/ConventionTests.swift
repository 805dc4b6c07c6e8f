import Foundation
import Testing
import TestSupport

/// The conventions users meet through the tool: strength sums weights, PageRank is converged, info names
/// each figure's definition. Checked against the stored NetworkX and R sna references.
@Suite struct ConventionTests {
    /// A column of a reference CSV, by id.
    func reference(_ file: String, column: String) throws -> [String: Double] {
        let text = try String(contentsOfFile: Fixtures.path("reference/metrics/\(file).csv"), encoding: .utf8)
        let rows = try CSVCheck.rows(text)
        let c = try #require(rows[0].firstIndex(of: column))
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Double($0[c])!) })
    }

    func measured(_ arguments: [String], column: String) throws -> [String: Double] {
        let result = try StakenetBinary.run(["metrics"] + arguments + ["--format", "csv", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try CSVCheck.rows(result.standardOutput)
        let c = try #require(rows[0].firstIndex(of: column))
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], Double($0[c])!) })
    }

    @Test func strengthSumsTheWeightsWithOrWithoutWeight() throws {
        let karate = Fixtures.dataset("karate")
        let expected = try reference("karate--strength", column: "strength")  // NetworkX G.degree(weight="weight")
        let plain = try measured([karate, "--measures", "strength,degree"], column: "strength")
        let weighted = try measured([karate, "--measures", "strength", "--weight", "weight"], column: "strength")
        #expect(plain == expected && weighted == expected)
        // Degree is still the number of neighbours.
        #expect(try measured([karate, "--measures", "strength,degree"], column: "degree") == reference("karate--unweighted", column: "degree"))
    }

    @Test func pagerankEqualsConvergedNetworkXAndPRPACK() throws {
        let lesmis = Fixtures.dataset("lesmis")
        let ours = try measured([lesmis, "--measures", "pagerank"], column: "pagerank")
        let networkx = try reference("lesmis--unweighted", column: "pagerank")
        let prpack = try #require(Fixtures.referenceJSON("pagerank_igraph.json")["lesmis--unweighted"] as? [String: Double])
        for (id, value) in networkx {
            #expect(abs(ours[id]! - value) <= 1e-9 && abs(ours[id]! - prpack[id]!) <= 1e-9, "\(id)")
        }
        // --tolerance loosens the stopping rule, and the values move away from the fixed point.
        let loose = try measured([lesmis, "--measures", "pagerank", "--tolerance", "1e-3"], column: "pagerank")
        #expect(networkx.contains { abs(loose[$0.key]! - $0.value) > 1e-7 })
    }

    @Test func infoNamesEachFiguresDefinition() throws {
        let directed = try StakenetBinary.run(["info", Fixtures.dataset("gnp-strong"), "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(directed.standardOutput.utf8)) as! [String: Any]
        let gtrans = try #require(Fixtures.referenceJSON("gtrans.json")["gnp-strong"] as? [String: Double])
        #expect(isClose(document["transitivity"] as! Double, gtrans["graph"]!))
        #expect(isClose(document["transitivity_directed"] as! Double, gtrans["digraph"]!))
        #expect((document["transitivity_definition"] as! String).contains("undirected view"))
        #expect((document["average_clustering_definition"] as! String).contains("Fagiolo"))
        let table = try StakenetBinary.run(["info", Fixtures.dataset("gnp-strong")])
        #expect(table.standardOutput.contains("transitivity (undirected view)") && table.standardOutput.contains("transitivity_directed (sna gtrans, weak)"))
        let undirected = try StakenetBinary.run(["info", Fixtures.dataset("karate"), "--format", "json"])
        let plain = try JSONSerialization.jsonObject(with: Data(undirected.standardOutput.utf8)) as! [String: Any]
        #expect(plain["transitivity_directed"] == nil && (plain["average_clustering_definition"] as! String).contains("Watts-Strogatz"))
    }
}
