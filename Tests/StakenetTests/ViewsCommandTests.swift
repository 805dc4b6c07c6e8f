import Foundation
import Testing
import TestSupport

/// consensus, informants and perceptions through the real tool, and the consensus every other command analyses.
@Suite struct ViewsCommandTests {
    static let interviews = Fixtures.network("mutual-spinouts-interviews")

    static func csv(_ text: String) -> (header: [String], rows: [[String]]) {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (lines[0], Array(lines.dropFirst()))
    }

    @Test func consensusWritesSupportAndShare() throws {
        let folder = try TemporaryFolder()
        let result = try StakenetBinary.run(["consensus", Self.interviews, "--method", "threshold:2", "-o", folder.file("out")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("threshold:2"))
        let edges = try String(contentsOfFile: folder.file("out/edges.csv"), encoding: .utf8)
        let table = Self.csv(edges)
        let support = try #require(table.header.firstIndex(of: "support")), who = try #require(table.header.firstIndex(of: "respondents"))
        for row in table.rows where !row[support].isEmpty {
            #expect(Int(row[support])! >= 2)
            #expect(row[who].split(separator: ";").count == Int(row[support])!)
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("out/respondents.csv")))
    }

    @Test func everyCommandNamesTheConsensusItAnalyses() throws {
        let standard = try StakenetBinary.run(["info", Self.interviews])
        #expect(standard.status == 0)
        #expect(standard.standardError.contains("analysing their consensus share:0.5"))
        #expect(standard.standardOutput.contains("respondents: 41 (staff 14, director 7"))
        let json = try StakenetBinary.run(["info", Self.interviews, "--format", "json", "--quiet"])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(document?["consensus"] as? String == "share:0.5" && document?["respondents"] as? Int == 41 && document?["influence_ratings"] as? Int == 309)
        let union = try StakenetBinary.run(["metrics", Self.interviews, "--consensus", "union", "--format", "csv", "--measures", "degree"])
        #expect(union.standardError.contains("analysing their consensus union"))
        let majority = try StakenetBinary.run(["metrics", Self.interviews, "--format", "csv", "--measures", "degree"])
        // A union keeps at least every tie a majority keeps.
        let total = { (text: String) in Self.csv(text).rows.reduce(0) { $0 + Int($1.last!)! } }
        #expect(total(union.standardOutput) > total(majority.standardOutput))
    }

    @Test func informantsColumnsAndGroups() throws {
        let result = try StakenetBinary.run(["informants", Self.interviews, "--format", "csv", "--permutations", "50"])
        #expect(result.status == 0, "\(result.standardError)")
        let table = Self.csv(result.standardOutput)
        #expect(table.header == ["respondent", "role", "organisation", "view", "questions", "ties_reported", "consensus_ties", "jaccard", "false_positives",
                                 "false_negatives", "qap_correlation", "qap_p_value", "competence", "bias"])
        #expect(table.rows.count == 41)
        for row in table.rows {
            // ties_reported = consensus ties reported + false positives; consensus_ties = the same + false negatives.
            let reported = Int(row[5])!, consensus = Int(row[6])!, fp = Int(row[8])!, fn = Int(row[9])!
            #expect(reported - fp == consensus - fn)
        }
        let grouped = try StakenetBinary.run(["informants", Self.interviews, "--by", "role", "--format", "csv", "--permutations", "50"])
        let groups = Self.csv(grouped.standardOutput)
        #expect(groups.header.first == "group")
        #expect(groups.rows.map { $0[0] } == ["director", "policy-maker", "staff", "support-provider", "trustee", "union", "user"])
    }

    @Test func perceptionsColumns() throws {
        let result = try StakenetBinary.run(["perceptions", Self.interviews, "--against", "pagerank,betweenness", "--format", "csv", "--resamples", "50"])
        #expect(result.status == 0, "\(result.standardError)")
        let table = Self.csv(result.standardOutput)
        #expect(table.header == ["id", "label", "influence_mean", "influence_median", "influence_sd", "respondents", "rank_perceived",
                                 "pagerank", "rank_pagerank", "gap_pagerank", "betweenness", "rank_betweenness", "gap_betweenness"])
        let text = try StakenetBinary.run(["perceptions", Self.interviews, "--resamples", "50"])
        #expect(text.standardOutput.contains("Krippendorff's alpha (interval)"))
    }

    @Test func renderSupportAndTheMapCard() throws {
        let folder = try TemporaryFolder()
        let svg = try StakenetBinary.run(["render", Self.interviews, "--support", "-o", folder.file("s.svg")])
        #expect(svg.status == 0, "\(svg.standardError)")
        let picture = try String(contentsOfFile: folder.file("s.svg"), encoding: .utf8)
        #expect(picture.contains("faint: reported by one respondent"))
        #expect(picture.contains("reported by 1: "))
        // Every register tie of the interviews was also reported, so none is drawn as known from other sources;
        // a tie nobody reported is (the legend says so too).
        #expect(!picture.contains("known from other sources"))
        try folder.write("mixed/edges.csv", "source,target,kind,respondent\na,b,funding,r1\nb,c,support,\n")
        let mixed = try StakenetBinary.run(["render", folder.file("mixed"), "--support", "-o", folder.file("mixed.svg"), "-q"])
        #expect(mixed.status == 0, "\(mixed.standardError)")
        let drawn = try String(contentsOfFile: folder.file("mixed.svg"), encoding: .utf8)
        #expect(drawn.contains("known from other sources") && drawn.contains("reported by 1: r1"))
        let plain = try StakenetBinary.run(["render", Fixtures.network("mutual-spinouts"), "--support", "-o", folder.file("p.svg")])
        #expect(plain.status == 1 && plain.standardError.contains("--support: no tie"))
        let map = try StakenetBinary.run(["render", Self.interviews, "-o", folder.file("m.html"), "-q"])
        #expect(map.status == 0)
        let page = try String(contentsOfFile: folder.file("m.html"), encoding: .utf8)
        #expect(page.contains("so01-director; so01-trustee"))
        #expect(page.contains("reported by "))
    }
}
