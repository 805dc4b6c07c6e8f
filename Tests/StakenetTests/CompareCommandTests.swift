import Foundation
import Testing
import TestSupport

/// `stakenet compare` and `stakenet qap`, run as a user would.
@Suite struct CompareCommandTests {
    let spinouts = "Networks/mutual-spinouts"

    @Test func groupsAsCSV() throws {
        let result = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--permutations", "200",
                                             "--bootstrap", "100", "--runs", "50", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 4)
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.first == "group")
        for column in ["stakeholders", "ties_within", "ties_between", "density_within", "e_i_index", "mean_degree", "mean_betweenness",
                       "mean_pagerank", "degree_centralization_within", "clustering_within", "partners_funder", "partners_union",
                       "mean_brokerage", "roles_gatekeeper", "mean_reach", "mean_degree_low", "mean_degree_high"] {
            #expect(header.contains(column), "\(column)")
        }
        #expect(lines[1].hasPrefix("spin-out,14,") && lines[2].hasPrefix("leisure-trust,10,") && lines[3].hasPrefix("(other),40,"))
    }

    @Test func differencesAndJSON() throws {
        let csv = try StakenetBinary.run(["compare", spinouts, "--by", "sector", "--groups", "health-social-care,leisure,local-government",
                                          "--permutations", "100", "--runs", "0", "--format", "csv", "--rows", "differences"])
        #expect(csv.status == 0, "\(csv.standardError)")
        #expect(csv.standardOutput.hasPrefix("measure,group,other_group,difference,p,significant,permutations\n"))
        #expect(csv.standardOutput.contains("\ndensity_within,(all),(all),"))
        #expect(!csv.standardOutput.contains("mean_reach"), "--runs 0 leaves reach out")
        let json = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--permutations", "100",
                                           "--runs", "20", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect(document["by"] as? String == "kind")
        let groups = document["groups"] as! [[String: Any]]
        #expect(groups.map { $0["name"] as! String } == ["spin-out", "leisure-trust", "(other)"])
        #expect((document["differences"] as! [[String: Any]]).contains { $0["measure"] as? String == "mean_degree" && $0["p"] is Double })
        #expect(!(document["findings"] as! [String]).isEmpty)
    }

    @Test func tableSaysWhatIsSignificant() throws {
        let result = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--permutations", "500", "--runs", "50"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Significant at 0.05:"))
        #expect(result.standardOutput.contains("Not significant:"))
        #expect(result.standardOutput.contains("partners_leisure_trust is higher for leisure-trust"))
        // The same seed gives the same output, on any number of threads.
        let again = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--groups", "spin-out,leisure-trust", "--permutations", "500", "--runs", "50", "--threads", "1"])
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func wholeNetworks() throws {
        let result = try StakenetBinary.run(["compare", spinouts, "Networks/mutuals-research", "--replicates", "40", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("network,statistic,value,random_mean,random_sd,random_z,random_p_greater_or_equal,random_p_less_or_equal,rewired_mean,"))
        #expect(result.standardOutput.contains("\nmutual-spinouts,stakeholders,64,"))
        #expect(result.standardOutput.contains("\nmutuals-research,modularity,"))
        let table = try StakenetBinary.run(["compare", spinouts, "Networks/mutuals-research", "--replicates", "40"])
        #expect(table.standardOutput.contains("random networks of the same size and density"))
    }

    @Test func badUsageAndBadInput() throws {
        let noBy = try StakenetBinary.run(["compare", spinouts])
        #expect(noBy.status == 2 && noBy.standardError.contains("--by"))
        let byWithTwo = try StakenetBinary.run(["compare", spinouts, spinouts, "--by", "kind"])
        #expect(byWithTwo.status == 2)
        let unknown = try StakenetBinary.run(["compare", spinouts, "--by", "secter"])
        #expect(unknown.status == 1 && unknown.standardError.contains("sector"))
        let group = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--groups", "spin-out,leisure-trusts"])
        #expect(group.status == 1 && group.standardError.contains("did you mean 'leisure-trust'"))
        let tooMany = try StakenetBinary.run(["compare", "Tests/Fixtures/reference/datasets/gnm-components", "--by", "id", "--permutations", "10"])
        #expect(tooMany.status == 1 && tooMany.standardError.contains("at most 100"), "\(tooMany.standardError)")
        let probability = try StakenetBinary.run(["compare", spinouts, "--by", "kind", "--probability", "1.5"])
        #expect(probability.status == 2)
    }

    @Test func qapOnTieKinds() throws {
        let result = try StakenetBinary.run(["qap", "Tests/Fixtures/reference/multiplex/multiplex-directed", "--layers", "collaboration,support,funding",
                                             "--permutations", "200", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        #expect((document["correlations"] as! [Any]).count == 3)
        let regression = document["regression"] as! [String: Any]
        #expect(regression["dependent"] as? String == "collaboration" && regression["observations"] as? Int == 1560)
        let coefficients = regression["coefficients"] as! [[String: Any]]
        #expect(coefficients.map { $0["name"] as! String } == ["(intercept)", "support", "funding"])
        #expect(abs((coefficients[1]["estimate"] as! Double) - 0.2094264279810078) < 1e-9, "sna's netlm estimate")
        let table = try StakenetBinary.run(["qap", "Tests/Fixtures/reference/multiplex/multiplex-directed", "--layers", "collaboration,support", "--permutations", "100"])
        #expect(table.standardOutput.contains("Regression of collaboration on support"))
        #expect(table.standardOutput.contains("In words"))
    }

    /// --same adds a layer of shared properties: knowledge exchange in the bundled ecosystem follows sector.
    @Test func qapWithSharedProperties() throws {
        let result = try StakenetBinary.run(["qap", spinouts, "--layers", "knowledge-exchange", "--same", "sector", "--permutations", "200", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let row = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("regression,knowledge-exchange,same_sector,") }
        let cells = row?.split(separator: ",", omittingEmptySubsequences: false) ?? []
        #expect(cells.count == 9 && Double(cells[3])! > 0 && Double(cells[8])! < 0.05)
        let alone = try StakenetBinary.run(["qap", spinouts, "--layers", "knowledge-exchange"])
        #expect(alone.status == 2)
    }

    /// `--approx K` samples members' betweenness and says so; small networks stay exact and silent, and
    /// contradictory or misplaced choices are refused.
    @Test func sampledBetweennessIsAnnounced() throws {
        let base = ["compare", spinouts, "--by", "kind", "--permutations", "50", "--bootstrap", "0", "--runs", "0", "--format", "csv"]
        let exact = try StakenetBinary.run(base)
        #expect(exact.status == 0 && !exact.standardError.contains("mean_betweenness"), "\(exact.standardError)")
        let forced = try StakenetBinary.run(base + ["--exact-betweenness"])
        #expect(forced.status == 0 && forced.standardOutput == exact.standardOutput)
        let sampled = try StakenetBinary.run(base + ["--approx", "10", "--seed", "3"])
        #expect(sampled.status == 0, "\(sampled.standardError)")
        #expect(sampled.standardError.contains("mean_betweenness: members' betweenness estimated from the shortest paths of 10 of the 64 stakeholders"),
                "\(sampled.standardError)")
        func column(_ csv: String, _ name: String) -> [String] {
            let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let index = lines[0].firstIndex(of: name)!
            return lines.dropFirst().map { $0[index] }
        }
        #expect(column(sampled.standardOutput, "mean_betweenness") != column(exact.standardOutput, "mean_betweenness"))
        #expect(column(sampled.standardOutput, "mean_degree") == column(exact.standardOutput, "mean_degree"))
        let json = try StakenetBinary.run(base.dropLast(2) + ["--format", "json", "--approx", "10"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect((document["notes"] as! [String]).contains { $0.hasPrefix("mean_betweenness:") })
        let both = try StakenetBinary.run(base + ["--approx", "10", "--exact-betweenness"])
        #expect(both.status == 2 && both.standardError.contains("give one of them"))
        let whole = try StakenetBinary.run(["compare", spinouts, "Networks/mutuals-research", "--approx", "10"])
        #expect(whole.status == 2 && whole.standardError.contains("add --by ATTR"))
        let zero = try StakenetBinary.run(base + ["--approx", "0"])
        #expect(zero.status == 2)
    }

    @Test func qapOnTwoNetworks() throws {
        let folder = try TemporaryFolder(files: [
            "a/network.json": #"{"directed": false}"#, "b/network.json": #"{"directed": false}"#, "c/network.json": #"{"directed": false}"#,
            "a/nodes.csv": "id\nx\ny\nz\nw\n", "a/edges.csv": "source,target\nx,y\ny,z\nz,w\nw,x\nx,z\n",
            "b/nodes.csv": "id\nw\nz\ny\nx\n", "b/edges.csv": "source,target\nx,y\ny,z\nz,w\nx,w\n",
            "c/nodes.csv": "id\nx\ny\nq\n", "c/edges.csv": "source,target\nx,y\n",
        ])
        let result = try StakenetBinary.run(["qap", "\(folder.path)/a", "\(folder.path)/b", "--permutations", "50", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        // b has a's ties but x-z, its stakeholders in another order: over the 6 pairs a = 5 ties, b = 4, both 4.
        let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("correlation,") }!
        let r = Double(line.split(separator: ",")[3])!
        #expect(abs(r - (4.0 / 6 - 5.0 / 6 * 4.0 / 6) / ((5.0 / 6 * 1.0 / 6) * (4.0 / 6 * 2.0 / 6)).squareRoot()) < 1e-12)
        let mismatch = try StakenetBinary.run(["qap", "\(folder.path)/a", "\(folder.path)/c"])
        #expect(mismatch.status == 1 && mismatch.standardError.contains("is not in"))
        let badKind = try StakenetBinary.run(["qap", "Tests/Fixtures/reference/multiplex/multiplex-directed", "--layers", "collaboration,suport"])
        #expect(badKind.status == 1 && badKind.standardError.contains("did you mean 'support'"))
        let oneLayer = try StakenetBinary.run(["qap", "Tests/Fixtures/reference/multiplex/multiplex-directed"])
        #expect(oneLayer.status == 2)
    }
}

/// `stakenet convert` and `stakenet generate`, run as a user would.
@Suite struct ConvertAndGenerateTests {
    @Test func convertsAndSaysWhatIsLost() throws {
        let folder = try TemporaryFolder()
        let graphml = try StakenetBinary.run(["convert", "Networks/mutual-spinouts", folder.path + "/ms.graphml"])
        #expect(graphml.status == 0 && graphml.standardError.isEmpty, "\(graphml.standardError)")
        let back = try StakenetBinary.run(["info", folder.path + "/ms.graphml", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(back.standardOutput.utf8)) as! [String: Any])["nodes"] as? Int == 64)
        let pajek = try StakenetBinary.run(["convert", "Networks/mutual-spinouts", folder.path + "/ms.net"])
        #expect(pajek.status == 0 && pajek.standardError.contains("pajek cannot hold") && pajek.standardError.contains("sectors"))
        let forced = try StakenetBinary.run(["convert", folder.path + "/ms.net", folder.path + "/copy", "--from", "pajek", "--to", "folder", "--quiet"])
        #expect(forced.status == 0 && FileManager.default.fileExists(atPath: folder.path + "/copy/edges.csv"))
        let unknown = try StakenetBinary.run(["convert", "Networks/mutual-spinouts", folder.path + "/ms.xyz"])
        #expect(unknown.status == 1 && unknown.standardError.contains("--to"))
        let overwrite = try StakenetBinary.run(["convert", folder.path + "/ms.graphml", folder.path + "/ms.graphml"])
        #expect(overwrite.status == 1 && overwrite.standardError.contains("refusing"))
    }

    @Test func generatesTheSameNetworkForTheSameSeed() throws {
        let folder = try TemporaryFolder()
        let one = try StakenetBinary.run(["generate", "--stakeholders", "300", "--seed", "4", "-o", folder.path + "/a.csv", "--quiet"])
        let two = try StakenetBinary.run(["generate", "--stakeholders", "300", "--seed", "4", "-o", folder.path + "/b.csv", "--quiet"])
        #expect(one.status == 0 && two.status == 0)
        #expect(try String(contentsOfFile: folder.path + "/a.csv", encoding: .utf8) == String(contentsOfFile: folder.path + "/b.csv", encoding: .utf8))
        let three = try StakenetBinary.run(["generate", "--stakeholders", "300", "--sectors", "health=1,leisure=1,care=2", "--undirected", "-o", folder.path + "/c.gexf"])
        #expect(three.status == 0 && three.standardError.contains("wrote 300 stakeholders"))
        let info = try StakenetBinary.run(["info", folder.path + "/c.gexf", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(info.standardOutput.utf8)) as! [String: Any]
        #expect(json["directed"] as? Bool == false && json["nodes"] as? Int == 300)
        let bad = try StakenetBinary.run(["generate", "--stakeholders", "10", "--kinds", "spin-out=-1", "-o", folder.path + "/d"])
        #expect(bad.status == 2)
    }
}
