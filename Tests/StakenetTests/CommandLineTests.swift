import Foundation
import Testing
import TestSupport

/// The real `stakenet` binary, run as a user would.
@Suite struct CommandLineTests {
    let bundled = "Networks/mutuals-research"

    @Test func infoPrintsTheSummary() throws {
        let result = try StakenetBinary.run(["info", bundled])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("mutuals-research (directed)"))
        #expect(result.standardOutput.split(separator: "\n").contains { $0.hasPrefix("stakeholders ") && $0.hasSuffix(" 32") })
        #expect(result.standardOutput.contains("spin-out                     2"))
        #expect(result.standardError.isEmpty)
    }

    @Test func infoAsJSON() throws {
        let result = try StakenetBinary.run(["info", bundled, "--format", "json", "--undirected"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        #expect(json["directed"] as? Bool == false)
        #expect(json["nodes"] as? Int == 32)
        for key in ["ties", "density", "reciprocity", "transitivity", "average_clustering", "components", "strong_components", "largest_component", "diameter", "average_path_length", "degree_assortativity", "degree_centralization", "betweenness_centralization", "closeness_centralization"] {
            #expect(json.keys.contains(key), "\(key)")
        }
        #expect((json["ties_by_kind"] as? [String: Int])?["funding"] == 4)
    }

    @Test func infoSelectsTiesByKindAndPeriod() throws {
        let folder = try TemporaryFolder(files: ["edges.csv": "source,target,kind,start,end\na,b,funding,2010,2011\nb,c,support,2014,\nc,a,funding,,\n"])
        let byKind = try StakenetBinary.run(["info", folder.path, "--tie-kinds", "funding", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(byKind.standardOutput.utf8)) as! [String: Any])["graph_edges"] as? Int == 2)
        let byPeriod = try StakenetBinary.run(["info", folder.path, "--period", "2012-2013", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(byPeriod.standardOutput.utf8)) as! [String: Any])["graph_edges"] as? Int == 1)
        let badPeriod = try StakenetBinary.run(["info", folder.path, "--period", "2015-2012"])
        #expect(badPeriod.status == 2 && badPeriod.standardError.contains("starts after it ends"))
    }

    @Test func validateListsEveryProblemAndFails() throws {
        let result = try StakenetBinary.run(["validate", "Tests/Fixtures/broken-network"])
        #expect(result.status == 1 && !result.wasSignalled)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Tests/Fixtures/broken-network/nodes.csv:5: column 'id': duplicate id 'leisure-1'") })
        #expect(lines.contains { $0.hasPrefix("Tests/Fixtures/broken-network/edges.csv:3: column 'target': tie target 'spinout-2'") })
        #expect(lines.contains { $0.hasPrefix("Tests/Fixtures/broken-network/edges.csv:8: warning: 1 tie from a stakeholder to itself") })
        #expect(lines.last == "Tests/Fixtures/broken-network: 8 errors, 1 warning")
    }

    @Test func validatePassesTheBundledNetwork() throws {
        let result = try StakenetBinary.run(["validate", bundled])
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(bundled): valid: 32 stakeholders, 37 ties\n")
    }

    @Test func otherCommandsStopAtTheFirstError() throws {
        let result = try StakenetBinary.run(["info", "Tests/Fixtures/broken-network"])
        #expect(result.status == 1 && result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("stakenet: error: Tests/Fixtures/broken-network/nodes.csv:5: column 'id': duplicate id"))
        #expect(result.standardError.contains("7 more problems in the input; 'stakenet validate' lists them all"))
    }

    @Test func badUsageExitsTwo() throws {
        let unknown = try StakenetBinary.run(["info", bundled, "--colour", "red"])
        #expect(unknown.status == 2 && unknown.standardError.contains("--colour"))
        let both = try StakenetBinary.run(["info", bundled, "--directed", "--undirected"])
        #expect(both.status == 2 && both.standardError.contains("cannot both be given"))
        let noCommand = try StakenetBinary.run(["frobnicate"])
        #expect(noCommand.status == 2)
    }

    @Test func missingNetworkIsAnInputError() throws {
        let result = try StakenetBinary.run(["info", "no/such/folder"])
        #expect(result.status == 1)
        #expect(result.standardError == "stakenet: error: no/such/folder: no such file or folder (give a folder holding nodes.csv and edges.csv, or an edge-list .csv file)\n")
    }

    @Test func helpShowsAnExample() throws {
        for command in ["info", "validate"] {
            let result = try StakenetBinary.run([command, "--help"])
            #expect(result.status == 0 && result.standardOutput.contains("stakenet \(command) Networks/mutuals-research"))
        }
    }

    @Test func outputFileIsWrittenWholeAndNeverOverAnInput() throws {
        let folder = try TemporaryFolder(files: ["nodes.csv": "id\na\nb\n", "edges.csv": "source,target\na,b\n"])
        let out = folder.file("summary.json")
        let written = try StakenetBinary.run(["info", folder.path, "--format", "json", "-o", out])
        #expect(written.status == 0 && written.standardOutput.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("\"nodes\" : 2"))
        // Writing again replaces the file whole.
        let table = try StakenetBinary.run(["info", folder.path, "-o", out])
        let rewritten = try String(contentsOfFile: out, encoding: .utf8)
        #expect(table.status == 0 && rewritten.hasPrefix("\(URL(fileURLWithPath: folder.path).lastPathComponent) (directed)"))
        let before = try String(contentsOfFile: folder.file("edges.csv"), encoding: .utf8)
        let refused = try StakenetBinary.run(["info", folder.path, "-o", folder.file("edges.csv")])
        #expect(refused.status == 1 && refused.standardError.contains("refusing to overwrite it"))
        #expect(try String(contentsOfFile: folder.file("edges.csv"), encoding: .utf8) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func warningsGoToStandardErrorUnlessQuiet() throws {
        let folder = try TemporaryFolder(files: ["edges.csv": "source,target\na,a\na,b\n"])
        let noisy = try StakenetBinary.run(["info", folder.path])
        #expect(noisy.status == 0 && noisy.standardError.contains("stakenet: warning: ") && noisy.standardError.contains("edges.csv:2: 1 tie from a stakeholder to itself"))
        let quiet = try StakenetBinary.run(["info", folder.path, "--quiet"])
        #expect(quiet.status == 0 && quiet.standardError.isEmpty)
    }
}
