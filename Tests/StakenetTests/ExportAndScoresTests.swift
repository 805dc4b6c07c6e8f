import Foundation
import Testing
import TestSupport

/// `stakenet export --spark` and `--scores` on metrics and report, without Spark: the tables written, and
/// score tables that do not fit the network refused with their file, line and column.
@Suite struct ExportAndScoresTests {
    static let network = [
        "nodes.csv": "id,label,kind,sector\na,\"Trust, North\",spin-out,leisure\nb,\"Two\nlines\",funder,\nc,C,union,health\n",
        "edges.csv": "source,target,kind,weight,start,end,directed\na,b,funding,2.5,2010,2012,\nb,a,support,1,,,false\nb,c,support,1,2015,,\nc,c,support,1,,,\n",
    ]

    @Test func exportWritesVerticesEdgesAndSettings() throws {
        let folder = try TemporaryFolder(files: Self.network)
        let out = folder.path + "/spark"
        let result = try StakenetBinary.run(["export", folder.path, "--spark", out, "--directed", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let vertices = try String(contentsOfFile: out + "/vertices.csv", encoding: .utf8)
        #expect(vertices == "vid,id,label,kind,sector\n0,a,\"Trust, North\",spin-out,leisure\n1,b,Two lines,funder,\n2,c,C,union,health\n")
        let edges = try String(contentsOfFile: out + "/edges.csv", encoding: .utf8)
        #expect(edges == "src,dst,kind,weight,directed,start,end\n0,1,funding,2.5,true,2010,2012\n1,0,support,1.0,false,,\n1,2,support,1.0,true,2015,\n2,2,support,1.0,true,,\n")
        let properties = try String(contentsOfFile: out + "/network.properties", encoding: .utf8)
        #expect(properties.contains("directed=true\n") && properties.contains("stakeholders=3\n") && properties.contains("ties=4\n")
            && properties.contains("pagerank.damping=0.85\n") && properties.contains("pagerank.tolerance=1e-12\n"))
        #expect(FileManager.default.fileExists(atPath: out + "/README"))
        // An earlier export is replaced; any other folder is not.
        #expect(try StakenetBinary.run(["export", folder.path, "--spark", out, "--quiet"]).status == 0)
        let other = try TemporaryFolder(files: ["notes.txt": "mine"])
        let refused = try StakenetBinary.run(["export", folder.path, "--spark", other.path, "--quiet"])
        #expect(refused.status == 1 && refused.standardError.contains("exists and is not an earlier export"))
        #expect(try String(contentsOfFile: other.path + "/notes.txt", encoding: .utf8) == "mine")
        let overInput = try StakenetBinary.run(["export", folder.path, "--spark", folder.path, "--quiet"])
        #expect(overInput.status == 1 && overInput.standardError.contains("refusing to overwrite"))
    }

    @Test func scoresJoinByIdAndSayWhereTheyCameFrom() throws {
        var files = Self.network
        files["results/pagerank.csv"] = "id,pagerank\nc,0.5\na,0.3\nb,0.2\n"
        files["results/reach.csv"] = "id,reach\na,1.5\nb,2\n"
        let folder = try TemporaryFolder(files: files)
        let result = try StakenetBinary.run(["metrics", folder.path, "--scores", folder.path + "/results", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "id,pagerank,reach\na,0.3,1.5\nb,0.2,2.0\nc,0.5,\n")
        #expect(result.standardError.contains("pagerank read from \(folder.path)/results/pagerank.csv"))
        #expect(result.standardError.contains("1 of 3 stakeholders have no reach"))
        let both = try StakenetBinary.run(["metrics", folder.path, "--scores", folder.path + "/results/reach.csv", "--measures", "degree", "--format", "csv", "--quiet"])
        #expect(both.standardOutput.hasPrefix("id,degree,reach\n"))
        let clash = try StakenetBinary.run(["metrics", folder.path, "--scores", folder.path + "/results", "--measures", "pagerank"])
        #expect(clash.status == 1 && clash.standardError.contains("also computed here"))
        // The report takes pagerank from the file and must have it for everyone; reach alone is a column.
        let report = try StakenetBinary.run(["report", folder.path, "--scores", folder.path + "/results", "-o", folder.path + "/r.html", "--quiet"])
        #expect(report.status == 0, "\(report.standardError)")
        let page = try String(contentsOfFile: folder.path + "/r.html", encoding: .utf8)
        #expect(page.contains("computed elsewhere, read from \(folder.path)/results/pagerank.csv; used in place of StakeNet&#39;s own")
            || page.contains("computed elsewhere, read from \(folder.path)/results/pagerank.csv; used in place of StakeNet&#x27;s own")
            || page.contains("computed elsewhere, read from \(folder.path)/results/pagerank.csv; used in place of StakeNet's own"))
        let partial = try TemporaryFolder(files: Self.network.merging(["results/pagerank.csv": "id,pagerank\nc,0.5\n"]) { $1 })
        let refused = try StakenetBinary.run(["report", partial.path, "--scores", partial.path + "/results", "-o", partial.path + "/r.html", "--quiet"])
        #expect(refused.status == 1 && refused.standardError.contains("pagerank is missing for 2 of 3 stakeholders"))
        #expect(!FileManager.default.fileExists(atPath: partial.path + "/r.html"))
    }

    @Test func badScoreTablesAreLocated() throws {
        let cases: [(String, String)] = [
            ("id,pagerank\na,0.1\nd,0.2\n", "scores.csv:3: column 'id': 'd' is not a stakeholder"),
            ("id,pagerank\na,0.1\na,0.2\n", "scores.csv:3: column 'id': 'a' has scores on line 2 already"),
            ("id,pagerank\na,high\n", "scores.csv:2: column 'pagerank': 'high' is not a number"),
            ("vertex,pagerank\na,0.1\n", "scores.csv:1: column 'vertex': the first column must be 'id'"),
            ("id\na\n", "has no score column after 'id'"),
        ]
        for (table, message) in cases {
            let folder = try TemporaryFolder(files: Self.network.merging(["scores.csv": table]) { $1 })
            let result = try StakenetBinary.run(["metrics", folder.path, "--scores", folder.path + "/scores.csv"])
            #expect(result.status == 1 && result.standardError.contains(message), "\(table): \(result.standardError)")
            #expect(!result.wasSignalled)
        }
        let empty = try TemporaryFolder(files: Self.network.merging(["results/notes.txt": "x"]) { $1 })
        let none = try StakenetBinary.run(["metrics", empty.path, "--scores", empty.path + "/results"])
        #expect(none.status == 1 && none.standardError.contains("holds no .csv tables of scores"))
    }
}
