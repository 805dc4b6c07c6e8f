import Foundation
import Testing
import TestSupport

/// Missing values are missing, and selections say what they kept, through the real binary.
@Suite struct MissingValuesAndSelectionsTests {
    static let spinouts = Fixtures.network("mutual-spinouts")
    static let research = Fixtures.network("mutuals-research")
    static let note = "19 stakeholders have no value for 'region': left out of the groups (--missing-as-group puts them in a group of their own)"

    @Test func groupingCommandsLeaveStakeholdersWithoutAValueOutAndSaySo() throws {
        let homophily = try StakenetBinary.run(["homophily", Self.spinouts, "--by", "region", "--permutations", "0", "--format", "json"])
        #expect(homophily.status == 0, "\(homophily.standardError)")
        #expect(homophily.standardError.contains(Self.note), "\(homophily.standardError)")
        let document = try JSONSerialization.jsonObject(with: Data(homophily.standardOutput.utf8)) as! [String: Any]
        #expect((document["groups"] as! [[String: Any]]).map { $0["name"] as! String } == ["london", "midlands", "north", "south"])
        #expect(document["without_value"] as? Int == 19)

        let grouped = try StakenetBinary.run(["homophily", Self.spinouts, "--by", "region", "--permutations", "0", "--format", "json", "--missing-as-group"])
        let old = try JSONSerialization.jsonObject(with: Data(grouped.standardOutput.utf8)) as! [String: Any]
        #expect((old["groups"] as! [[String: Any]]).map { $0["name"] as! String }.last == "(none)")
        #expect(grouped.standardError.contains("grouped together as '(none)'"))
        #expect((old["internal_ties"] as! Int) + (old["external_ties"] as! Int) > (document["internal_ties"] as! Int) + (document["external_ties"] as! Int))

        let compare = try StakenetBinary.run(["compare", Self.spinouts, "--by", "region", "--permutations", "20", "--bootstrap", "0", "--runs", "0", "--format", "csv"])
        #expect(compare.status == 0 && compare.standardError.contains(Self.note), "\(compare.standardError)")
        #expect(!compare.standardOutput.contains("(none)"))

        let brokerage = try StakenetBinary.run(["brokerage", Self.spinouts, "--by", "region", "--format", "csv", "--quiet"])
        #expect(brokerage.status == 0 && brokerage.standardError.isEmpty)
        // council-a has a region, the national funders have none: an empty group and empty counts.
        let rows = brokerage.standardOutput.split(separator: "\n").map(String.init)
        let national = try #require(rows.first { $0.hasPrefix("mutuals-support-programme,") })
        #expect(national.hasPrefix("mutuals-support-programme,,,"), "\(national)")
        #expect(rows.first { $0.hasPrefix("council-a,north,") } != nil)
    }

    @Test func qapLeavesOutEveryPairWithAStakeholderWithoutAValue() throws {
        // c has no sector: with it left out, the analysis equals the one on the network without c.
        let folder = try TemporaryFolder(files: [
            "with/nodes.csv": "id,sector\na,x\nb,x\nc,\nd,y\ne,y\nf,x\ng,y\n",
            "with/edges.csv": "source,target\na,b\nb,c\nc,d\nd,e\na,f\nf,b\ne,g\ng,d\nc,a\nb,d\n",
            "without/nodes.csv": "id,sector\na,x\nb,x\nd,y\ne,y\nf,x\ng,y\n",
            "without/edges.csv": "source,target\na,b\nd,e\na,f\nf,b\ne,g\ng,d\nb,d\n",
        ])
        let with = try StakenetBinary.run(["qap", folder.file("with"), "--same", "sector", "--permutations", "200", "--format", "csv"])
        let without = try StakenetBinary.run(["qap", folder.file("without"), "--same", "sector", "--permutations", "200", "--format", "csv"])
        #expect(with.status == 0 && without.status == 0, "\(with.standardError) \(without.standardError)")
        #expect(with.standardError.contains("1 stakeholder has no value for 'sector': left out of the analysis, with every pair they are in"))
        #expect(with.standardOutput == without.standardOutput)
    }

    @Test func aTieKindNoTieHasIsAnErrorWithTheKindsPresent() throws {
        let result = try StakenetBinary.run(["metrics", Self.research, "--tie-kinds", "fundng"])
        #expect(result.status == 1 && result.standardOutput.isEmpty)
        #expect(result.standardError == "stakenet: error: --tie-kinds: no tie has the kind 'fundng'; did you mean 'funding'? (kinds in mutuals-research: funding, knowledge-exchange, membership, partnership, research)\n")
    }

    @Test func aPeriodOnANetworkWithoutYearsIsAnError() throws {
        let result = try StakenetBinary.run(["info", Self.research, "--period", "1957"])
        #expect(result.status == 1 && result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("stakenet: error: --period 1957: no tie of mutuals-research has a start or end year"))
    }

    @Test func aSelectionThatKeepsNoTieIsAnErrorAndOneThatKeepsSomeSaysHowMany() throws {
        let none = try StakenetBinary.run(["communities", Self.spinouts, "--period", "1957"])
        #expect(none.status == 1 && none.standardError == "stakenet: error: --period 1957 keeps none of the 188 ties of mutual-spinouts\n")
        let some = try StakenetBinary.run(["info", Self.spinouts, "--tie-kinds", "funding", "--period", "2012-2013"])
        #expect(some.status == 0)
        #expect(some.standardError.contains("stakenet: --tie-kinds funding and --period 2012-2013 kept "), "\(some.standardError)")
        let quiet = try StakenetBinary.run(["info", Self.spinouts, "--tie-kinds", "funding", "--quiet"])
        #expect(quiet.status == 0 && quiet.standardError.isEmpty)
    }

    @Test func renderDrawsOnlyTheChosenTies() throws {
        let folder = try TemporaryFolder()
        let all = try StakenetBinary.run(["render", Self.research, "-o", folder.file("all.svg")])
        let funding = try StakenetBinary.run(["render", Self.research, "--tie-kinds", "funding", "-o", folder.file("funding.svg"), "--quiet"])
        #expect(all.status == 0 && funding.status == 0)
        let edges = { (name: String) in try String(contentsOfFile: folder.file(name), encoding: .utf8).components(separatedBy: "class=\"edge tie\"").count - 1 }
        #expect(try edges("all.svg") == 37 && edges("funding.svg") == 4)
    }

    @Test func theIssuesCrashingRenderWritesItsPicture() throws {
        let folder = try TemporaryFolder()
        let result = try StakenetBinary.run(["render", Self.research, "-o", folder.file("map.png"), "--size-by", "pagerank", "--labels", "top:10"])
        #expect(!result.wasSignalled && result.status == 0, "\(result.standardError)")
        let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("map.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}
