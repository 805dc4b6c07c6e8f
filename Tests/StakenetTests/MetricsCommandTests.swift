import Foundation
import Testing
import TestSupport

/// `stakenet metrics`, run as a user would.
@Suite struct MetricsCommandTests {
    @Test func csvHasIdThenTheMeasuresInTheOrderAsked() throws {
        let result = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/karate", "--measures", "pagerank,degree,betweenness", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first == "id,pagerank,degree,betweenness")
        #expect(lines.count == 35)
        // Node 0 of the karate club: degree 16, betweenness 0.43763528138528146 (NetworkX), in full precision.
        let cells = lines[1].split(separator: ",")
        #expect(cells[0] == "0" && cells[2] == "16")
        #expect(isClose(try #require(Double(cells[3])), 0.43763528138528146, relative: 1e-14) && cells[3].count >= 17)
    }

    @Test func tableIsSortedByTheFirstMeasureWithLabelsAndKinds() throws {
        let result = try StakenetBinary.run(["metrics", "Networks/mutuals-research", "--measures", "out_degree,pagerank", "--top", "3"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("rank  id") && lines[0].contains("kind") && lines[0].hasSuffix("out_degree  pagerank"))
        #expect(lines[1].contains("ceedr") && lines[1].contains("Centre for Enterprise") && lines[1].contains("university"))
    }

    @Test func jsonNamesEveryStakeholder() throws {
        let result = try StakenetBinary.run(["metrics", "Networks/mutuals-research", "--measures", "core_number", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let rows = json["stakeholders"] as! [[String: Any]]
        #expect(rows.count == 32 && json["measures"] as? [String] == ["core_number"])
        #expect(rows[0]["id"] as? String == "ceedr" && rows[0]["core_number"] as? Int == 1 && rows[0]["kind"] as? String == "university")
    }

    @Test func approximateBetweennessAddsItsIntervalAndStandardError() throws {
        let result = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/lesmis", "--measures", "betweenness", "--approx", "20", "--seed", "5", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("id,betweenness,betweenness_lower,betweenness_upper,betweenness_standard_error\n"))
        #expect(result.standardError.contains("95% interval that holds for each stakeholder whatever the network"))
        let again = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/lesmis", "--measures", "betweenness", "--approx", "20", "--seed", "5", "--format", "csv", "--threads", "1"])
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func refusalsAndBadInput() throws {
        let unknown = try StakenetBinary.run(["metrics", "Networks/mutuals-research", "--measures", "degre"])
        #expect(unknown.status == 2 && unknown.standardError.contains("unknown measure 'degre'; known measures: degree"))
        let disconnected = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/gnm-components", "--measures", "eigenvector"])
        #expect(disconnected.status == 1 && disconnected.standardError.contains("31 components") && disconnected.standardError.contains("--per-component"))
        let perComponent = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/directed-components", "--measures", "eigenvector", "--per-component"])
        #expect(perComponent.status == 0)
        // Its largest component needs more than 100 iterations to converge (as in NetworkX); the default 1000 suffice.
        let slow = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/gnm-components", "--measures", "eigenvector", "--per-component", "--max-iterations", "100"])
        #expect(slow.status == 1 && slow.standardError.contains("did not converge in 100 iterations") && slow.standardError.contains("--max-iterations"))
        let longer = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/gnm-components", "--measures", "eigenvector", "--per-component"])
        #expect(longer.status == 0)
        let diverging = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/karate", "--measures", "katz", "--weight", "weight"])
        #expect(diverging.status == 1 && diverging.standardError.hasPrefix("stakenet: error: katz did not converge in 1000 iterations to tolerance 1e-12; no values are given"))
        let folder = try TemporaryFolder(files: ["edges.csv": "source,target,trust\na,b,0.5\nb,c,high\nc,a,2\n"])
        let badWeight = try StakenetBinary.run(["metrics", folder.path, "--weight", "trust"])
        #expect(badWeight.status == 1)
        #expect(badWeight.standardError.contains("edges.csv:3: column 'trust': tie attribute 'trust' is 'high', not a finite number"))
    }

    @Test func allLeavesOutWhatCannotBeComputedAndSaysSo() throws {
        let result = try StakenetBinary.run(["metrics", "Tests/Fixtures/reference/datasets/karate", "--measures", "all", "--weight", "weight", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardError.contains("stakenet: warning: katz left out: katz did not converge"))
        #expect(!result.standardOutput.split(separator: "\n")[0].contains("katz"))
    }
}

/// `stakenet brokerage`, run as a user would.
@Suite struct BrokerageCommandTests {
    @Test func csvColumnsAndUndefinedZ() throws {
        let result = try StakenetBinary.run(["brokerage", "Networks/mutuals-research", "--by", "kind", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("id,group,coordinator,consultant,representative,gatekeeper,liaison,total,expected_coordinator,"))
        #expect(lines[0].hasSuffix(",z_liaison,z_total"))
        // CEEDR (sna: 1, 0, 12, 8, 96, 117); its group has 8 members.
        #expect(lines[1].hasPrefix("ceedr,university,1,0,12,8,96,117,"))
        // The one union is alone in its group: coordinator and representative z-scores are undefined (empty).
        let union = try #require(lines.first { $0.hasPrefix("unions,") })
        let cells = union.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells.count == 20 && cells[14] == "" && cells[15] != "")
    }

    @Test func tableSaysWhereZIsUndefinedAndJSONIsNull() throws {
        let table = try StakenetBinary.run(["brokerage", "Networks/mutuals-research", "--by", "sector"])
        #expect(table.status == 0 && table.standardOutput.contains("n/a where that variance is zero"))
        let json = try StakenetBinary.run(["brokerage", "Networks/mutuals-research", "--by", "kind", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        let rows = document["stakeholders"] as! [[String: Any]]
        let union = try #require(rows.first { $0["id"] as? String == "unions" })
        let z = (union["roles"] as! [String: Any])["z"] as! [String: Any]
        #expect(z["coordinator"] is NSNull && z["total"] is Double)
        let unknown = try StakenetBinary.run(["brokerage", "Networks/mutuals-research", "--by", "sectr"])
        #expect(unknown.status == 1 && unknown.standardError.contains("no stakeholder has a value for 'sectr'; did you mean 'sector'?; properties in this network: id, label, kind, sector, role"))
    }
}

/// `stakenet homophily`, run as a user would.
@Suite struct HomophilyCommandTests {
    @Test func groupsAsCSVAndTheTestAsJSON() throws {
        let csv = try StakenetBinary.run(["homophily", "Tests/Fixtures/reference/datasets/karate", "--by", "club", "--format", "csv", "--permutations", "0"])
        #expect(csv.status == 0)
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines[0] == "group,stakeholders,internal_ties,external_ties,e_i_index")
        #expect(lines.count == 3 && lines[1].hasPrefix("Mr. Hi,17,"))
        let json = try StakenetBinary.run(["homophily", "Tests/Fixtures/reference/datasets/karate", "--by", "club", "--format", "json", "--permutations", "2000", "--seed", "3"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        let test = try #require(document["permutation_test"] as? [String: Any])
        // The karate club splits along its two clubs: far more ties within than chance allows.
        #expect((test["p_less_or_equal"] as! Double) < 0.01 && (document["e_i_index"] as! Double) < 0)
        let again = try StakenetBinary.run(["homophily", "Tests/Fixtures/reference/datasets/karate", "--by", "club", "--format", "json", "--permutations", "2000", "--seed", "3", "--threads", "1"])
        #expect(again.standardOutput == json.standardOutput)
    }
}

/// `stakenet communities`, run as a user would.
@Suite struct CommunitiesCommandTests {
    @Test func csvAndModularity() throws {
        let result = try StakenetBinary.run(["communities", "Tests/Fixtures/reference/datasets/karate", "--format", "csv", "--seed", "2"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines[0] == "id,community" && lines.count == 35)
        // The karate club's best known modularity is 0.4198, with 4 communities (Brandes et al., "On modularity
        // clustering", IEEE TKDE 20(2), 2008).
        #expect(result.standardError.hasPrefix("stakenet: 4 communities, modularity 0.41"))
        let json = try StakenetBinary.run(["communities", "Tests/Fixtures/reference/datasets/karate", "--format", "json", "--seed", "2", "--method", "louvain"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as! [String: Any]
        #expect((document["modularity"] as! Double) > 0.41 && document["method"] as? String == "louvain")
        let bad = try StakenetBinary.run(["communities", "Networks/mutuals-research", "--resolution", "0"])
        #expect(bad.status == 2)
    }
}

/// `stakenet ego`, run as a user would.
@Suite struct EgoCommandTests {
    @Test func cardOfTheInnovationResearchCentre() throws {
        let result = try StakenetBinary.run(["ego", "Networks/mutuals-research", "irc", "--format", "json"])
        #expect(result.status == 0)
        let card = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        // From edges.csv: ceedr, cambridge, imperial, esrc, bis and nesta tie to the IRC; it ties to the TSRC.
        #expect((card["alters"] as! [[String: Any]]).count == 7)
        #expect(card["out_degree"] as? Int == 1 && card["in_degree"] as? Int == 6)
        #expect(card["ties_among_alters"] as? Int == 1) // cambridge → imperial
        #expect((card["brokerage"] as! [String: Int])["total"] == 6)
        let table = try StakenetBinary.run(["ego", "Networks/mutuals-research", "ceedr"])
        #expect(table.status == 0 && table.standardOutput.hasPrefix("Centre for Enterprise and Economic Development Research (CEEDR) (ceedr), university, research\n"))
        let unknown = try StakenetBinary.run(["ego", "Networks/mutuals-research", "cedr"])
        #expect(unknown.status == 1 && unknown.standardError.contains("no stakeholder has the id or label 'cedr'") && unknown.standardError.contains("did you mean 'ceedr'?"))
    }
}

/// `stakenet two-mode`, run as a user would.
@Suite struct TwoModeCommandTests {
    @Test func projectionWrittenAsANetworkFolder() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("women")
        let result = try StakenetBinary.run(["two-mode", "Tests/Fixtures/reference/datasets/davis", "--modes-by", "kind", "--project", "second", "-o", out])
        #expect(result.status == 0 && result.standardError.contains("wrote 18 stakeholders and 139 ties"))
        let info = try StakenetBinary.run(["info", out, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(info.standardOutput.utf8)) as! [String: Any]
        #expect(json["nodes"] as? Int == 18 && json["ties"] as? Int == 139 && json["directed"] as? Bool == false)
        let neither = try StakenetBinary.run(["two-mode", "Tests/Fixtures/reference/datasets/davis"])
        #expect(neither.status == 2)
        let mixed = try StakenetBinary.run(["two-mode", "Networks/mutuals-research", "--by-ties"])
        #expect(mixed.status == 1 && mixed.standardError.contains("is both a source and a target"))
    }
}

/// `stakenet render`, run as a user would.
@Suite struct RenderCommandTests {
    @Test func writesEachFormatByExtension() throws {
        let folder = try TemporaryFolder()
        for (name, magic) in [("map.svg", Data("<?xml".utf8)), ("map.png", Data([0x89, 0x50, 0x4E, 0x47])), ("map.pdf", Data("%PDF".utf8)), ("map.gv", Data("digraph".utf8))] {
            let result = try StakenetBinary.run(["render", "Networks/mutuals-research", "-o", folder.file(name), "--size-by", "pagerank", "--highlight", "ceedr,irc", "--quiet"])
            #expect(result.status == 0, "\(name): \(result.standardError)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file(name))).starts(with: magic), "\(name)")
        }
        // A DOT file StakeNet wrote reads back as a network.
        let info = try StakenetBinary.run(["info", folder.file("map.gv"), "--format", "json"])
        #expect(info.status == 0)
    }

    @Test func refusesWhatItCannotDo() throws {
        let folder = try TemporaryFolder()
        let badExtension = try StakenetBinary.run(["render", "Networks/mutuals-research", "-o", folder.file("map.jpg")])
        #expect(badExtension.status == 2 && badExtension.standardError.contains("-o must end in .svg, .png, .pdf, .dot or .gv"))
        let unknown = try StakenetBinary.run(["render", "Networks/mutuals-research", "-o", folder.file("map.svg"), "--highlight", "cedr"])
        #expect(unknown.status == 1 && unknown.standardError.contains("did you mean 'ceedr'?"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("map.svg")))
        let dotError = try folder.write("broken.gv", "graph {\n a -- ;\n}\n")
        let validate = try StakenetBinary.run(["validate", dotError])
        #expect(validate.status == 1 && validate.standardOutput.contains("broken.gv:2: Graphviz: broken.gv: syntax error in line 2"))
    }
}

/// `stakenet diffuse`, run as a user would.
@Suite struct DiffuseCommandTests {
    @Test func csvOfAdoptionAndReproducibleAcrossThreads() throws {
        let arguments = ["diffuse", "Networks/mutuals-research", "--seeds", "ceedr", "--probability", "0.3", "--runs", "4000", "--seed", "9", "--format", "csv"]
        let result = try StakenetBinary.run(arguments + ["--threads", "2"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "id,adoption_probability,standard_error,mean_step")
        #expect(lines[1] == "ceedr,1.0,0.0,0.0")
        // Middlesex only ties to CEEDR (middlesex → ceedr): it can never adopt from CEEDR, so no mean step.
        #expect(lines.contains("middlesex,0.0,0.0,"))
        // Research and knowledge-exchange ties in parallel: 1 − 0.7² = 0.51 for each case organisation.
        let health = try #require(lines.first { $0.hasPrefix("case-health-a,") }).split(separator: ",")
        let (p, se) = (Double(health[1])!, Double(health[2])!)
        #expect(abs(p - 0.51) < 4 * se)
        let one = try StakenetBinary.run(arguments + ["--threads", "1"])
        #expect(one.standardOutput == result.standardOutput)
    }

    @Test func badSeedsAndProbabilities() throws {
        let unknown = try StakenetBinary.run(["diffuse", "Networks/mutuals-research", "--seeds", "cedr"])
        #expect(unknown.status == 1 && unknown.standardError.contains("did you mean 'ceedr'?"))
        let outside = try StakenetBinary.run(["diffuse", "Networks/mutuals-research", "--seeds", "ceedr", "--probability", "1.5"])
        #expect(outside.status == 2)
        let folder = try TemporaryFolder(files: ["edges.csv": "source,target,chance\na,b,0.5\nb,c,1.2\n"])
        let column = try StakenetBinary.run(["diffuse", folder.path, "--seeds", "a", "--probability-from", "chance"])
        #expect(column.status == 1 && column.standardError.contains("edges.csv:3: column 'chance': a tie's probability is 1.2, outside [0, 1]"))
        let noThreshold = try StakenetBinary.run(["diffuse", "Networks/mutuals-research", "--seeds", "ceedr", "--model", "threshold"])
        #expect(noThreshold.status == 2)
    }
}

/// `stakenet paths`, run as a user would.
@Suite struct PathsCommandTests {
    @Test func likeliestPathsAndTree() throws {
        let folder = try TemporaryFolder(files: ["edges.csv": "source,target,p\na,b,0.9\nb,d,0.9\na,c,0.5\nc,d,0.99\na,d,0.2\n"])
        let paths = try StakenetBinary.run(["paths", folder.path, "--from", "a", "--to", "d", "--k", "3", "--probability-from", "p", "--format", "csv"])
        #expect(paths.status == 0)
        // a>b>d: 0.81; a>c>d: 0.495; a>d: 0.2.
        let lines = paths.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "target,rank,probability,path")
        #expect(lines[1].hasPrefix("d,1,0.81") && lines[1].hasSuffix(",a>b>d"))
        #expect(lines[2].hasPrefix("d,2,0.49") && lines[2].hasSuffix(",a>c>d"))
        #expect(lines[3].hasPrefix("d,3,0.2") && lines[3].hasSuffix(",a>d"))
        let tree = try StakenetBinary.run(["paths", folder.path, "--from", "a", "--probability-from", "p"])
        #expect(tree.status == 0 && tree.standardOutput.contains("--highlight a,b,d,c"))
    }
}

/// `stakenet seed`, run as a user would.
@Suite struct SeedCommandTests {
    @Test func seedsInOrderWithSpread() throws {
        let result = try StakenetBinary.run(["seed", "Networks/mutuals-research", "--k", "2", "--probability", "0.3", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0] == "rank,id,expected_spread" && lines.count == 3)
        // CEEDR reaches most stakeholders; it is chosen first.
        #expect(lines[1].hasPrefix("1,ceedr,"))
        let restricted = try StakenetBinary.run(["seed", "Networks/mutuals-research", "--k", "1", "--candidates", "kind=leisure-trust", "--format", "csv"])
        #expect(restricted.standardOutput.contains("1,case-leisure-"))
        let none = try StakenetBinary.run(["seed", "Networks/mutuals-research", "--k", "1", "--candidates", "kind=bank"])
        #expect(none.status == 1 && none.standardError.contains("no stakeholder has kind 'bank'"))
    }
}
