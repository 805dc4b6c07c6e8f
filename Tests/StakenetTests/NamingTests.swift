import Foundation
import Testing
import TestSupport

/// Stakeholders, properties and values named as people name them, through the real binary.
@Suite struct NamingTests {
    static let research = Fixtures.network("mutuals-research")

    /// A study whose headers and values are spelled as a researcher might: `Sponsorship`, `Paid Staff`,
    /// `State`/`state `/`STATE`, no kind column.
    static func study() throws -> TemporaryFolder {
        try TemporaryFolder(files: [
            "nodes.csv": "id,Name,Sponsorship,Paid Staff,Sector\nhm,Health Mutual,State,40,health\nlt,Leisure Trust,state ,12,Leisure\ncc,County Council,STATE,900,leisure\nbl,Big Lottery,charity,,health\n",
            "edges.csv": "source,target,weight\ncc,hm,3\ncc,lt,2\nbl,hm,1\nhm,lt,1\n",
        ])
    }

    @Test func stakeholdersAreNamedByIdLabelOrEitherIgnoringCaseAndSpaces() throws {
        for name in ["irc", "Innovation Research Centre (IRC)", "innovation research centre (irc)", "InnovationResearchCentre(IRC)"] {
            let result = try StakenetBinary.run(["ego", Self.research, name])
            #expect(result.status == 0 && result.standardOutput.hasPrefix("Innovation Research Centre (IRC) (irc)"), "\(name): \(result.standardError)")
        }
        let part = try StakenetBinary.run(["ego", Self.research, "Innovation Research Centre"])
        #expect(part.status == 1 && part.standardError.contains("did you mean 'Innovation Research Centre (IRC)'?"))
        let seeds = try StakenetBinary.run(["diffuse", Self.research, "--seeds", "CEEDR,Innovation Research Centre (IRC)", "--runs", "10", "--format", "json"])
        #expect(seeds.status == 0 && seeds.standardOutput.contains("\"ceedr\"") && seeds.standardOutput.contains("\"irc\""))
        let paths = try StakenetBinary.run(["paths", Self.research, "--from", "ceedr", "--to", "health spin-out a (case)", "--format", "csv"])
        #expect(paths.status == 0 && paths.standardOutput.contains("case-health-a"), "\(paths.standardError)")
        let render = try TemporaryFolder()
        let highlight = try StakenetBinary.run(["render", Self.research, "--highlight", "Middlesex University", "-o", render.file("m.dot")])
        #expect(highlight.status == 0)
        // A name two stakeholders share is refused with both.
        let twins = try TemporaryFolder(files: ["nodes.csv": "id,label\na,Twin\nb,Twin\nc,Other\n", "edges.csv": "source,target\na,c\nb,c\n"])
        let ambiguous = try StakenetBinary.run(["ego", twins.path, "Twin"])
        #expect(ambiguous.status == 1 && ambiguous.standardError.contains("'Twin' could be any of a (Twin), b (Twin); give the id"))
    }

    @Test func propertiesAreNamedInAnyCaseByRoleOrHeader() throws {
        let folder = try Self.study()
        for name in ["sponsorship", "Sponsorship", "SPONSORSHIP"] {
            let result = try StakenetBinary.run(["homophily", folder.path, "--by", name, "--permutations", "0", "--format", "json"])
            #expect(result.status == 0, "\(name): \(result.standardError)")
        }
        // `type` names the kind role; here no stakeholder has a kind.
        let typo = try StakenetBinary.run(["compare", folder.path, "--by", "sponsorshp"])
        #expect(typo.status == 1 && typo.standardError.contains("did you mean 'Sponsorship'?"))
        let paid = try StakenetBinary.run(["brokerage", folder.path, "--by", "paid_staff", "--format", "csv"])
        #expect(paid.status == 0 && paid.standardError.contains("'Paid Staff' holds numbers"), "\(paid.standardError)")
        let name = try StakenetBinary.run(["render", folder.path, "--color-by", "SECTOR", "-o", folder.file("m.svg"), "--quiet"])
        #expect(name.status == 0)
    }

    @Test func tieColumnsCandidatesAndNetworksAreMatchedAsNamed() throws {
        let folder = try TemporaryFolder(files: [
            "a/nodes.csv": "id,label,kind\nx,Xeno Trust,spin-out\ny,Young Fund,funder\nz,Zeta Union,union\n",
            "a/edges.csv": "source,target,Contact Hours\ny,x,5\nz,x,2\nx,z,1\n",
            "b/nodes.csv": "id,label\n1,xeno trust\n2,Young Fund\n3,ZETA UNION\n",
            "b/edges.csv": "source,target\n2,1\n3,1\n",
        ])
        let weighted = try StakenetBinary.run(["metrics", folder.file("a"), "--measures", "strength", "--weight", "contact_hours", "--format", "csv"])
        #expect(weighted.status == 0 && weighted.standardOutput.contains("x,8"), "\(weighted.standardOutput) \(weighted.standardError)")
        let candidates = try StakenetBinary.run(["seed", folder.file("a"), "--k", "1", "--candidates", "kind=Spin Out", "--format", "csv"])
        #expect(candidates.status == 0 && candidates.standardOutput.contains(",x,"), "\(candidates.standardError)")
        // Two networks of the same stakeholders, one keyed by other ids: matched by label.
        let qap = try StakenetBinary.run(["qap", folder.file("a"), folder.file("b"), "--permutations", "20", "--format", "csv"])
        #expect(qap.status == 0, "\(qap.standardError)")
    }

    @Test func valuesSpelledSeveralWaysAreOneGroupAndSaySo() throws {
        let folder = try Self.study()
        let result = try StakenetBinary.run(["homophily", folder.path, "--by", "Sponsorship", "--permutations", "0", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        let groups = (document["groups"] as! [[String: Any]]).map { ($0["name"] as! String, $0["stakeholders"] as! Int) }
        #expect(groups.map(\.0) == ["State", "charity"] && groups.map(\.1) == [3, 1], "\(groups)")
        #expect(result.standardError.contains("'Sponsorship' values 'State', 'STATE', 'state' differ only in case or spaces: one group, 'State'"), "\(result.standardError)")
        // Sectors are read as one value at once, with a warning, and validate says so too.
        let validate = try StakenetBinary.run(["validate", folder.path])
        #expect(validate.status == 0 && validate.standardOutput.contains("sector values that differ only in case or spaces were read as one: 'Leisure' (also 'leisure')"))
        #expect(validate.standardOutput.contains("'Sponsorship' values that differ only in case or spaces were read as one"))
        let info = try StakenetBinary.run(["info", folder.path, "--format", "json"])
        let sectors = (try JSONSerialization.jsonObject(with: Data(info.standardOutput.utf8)) as! [String: Any])["stakeholders_by_sector"] as! [String: Int]
        #expect(sectors == ["health": 2, "Leisure": 2])
    }

    @Test func egoWorksWithoutKindsAndHomophilyMeasuresANumericScale() throws {
        let folder = try Self.study()
        let ego = try StakenetBinary.run(["ego", folder.path, "Health Mutual"])
        #expect(ego.status == 0 && !ego.standardOutput.contains("brokerage by"), "\(ego.standardError)")
        // Numeric assortativity against NetworkX's numeric_assortativity_coefficient (on the network among
        // the stakeholders with a value; Tests/Fixtures/reference/numeric_assortativity.json).
        let expected = try #require((Fixtures.referenceJSON("numeric_assortativity.json")["groups-missing"] as? [String: Double])?["staff"])
        let result = try StakenetBinary.run(["homophily", Fixtures.dataset("groups-missing"), "--by", "staff", "--permutations", "0", "--format", "json", "--quiet"])
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        #expect(isClose(try #require(document["numeric_assortativity"] as? Double), expected, relative: 1e-10))
    }

    @Test func whereKeepsTheStakeholdersMeetingEveryConditionAndSaysSo() throws {
        let spinouts = Fixtures.network("mutual-spinouts")
        let result = try StakenetBinary.run(["info", spinouts, "--where", "kind=spin out,leisure-trust;region!=london", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("stakenet: --where kind=spin out,leisure-trust;region!=london kept 15 of 64 stakeholders and 7 of 188 ties"))
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as! [String: Any]
        #expect(document["nodes"] as? Int == 15 && (document["name"] as! String).contains("(where kind=spin out,leisure-trust;region!=london)"))
        let csv = try StakenetBinary.run(["metrics", spinouts, "--where", "founded>=2012", "--measures", "degree", "--format", "csv", "--quiet"])
        let ids = try CSVCheck.rows(csv.standardOutput).dropFirst().map { $0[0] }
        let nodes = try CSVCheck.rows(String(contentsOfFile: spinouts + "/nodes.csv", encoding: .utf8))
        let founded = nodes[0].firstIndex(of: "founded")!
        #expect(Set(ids) == Set(nodes.dropFirst().filter { Int($0[founded]).map { $0 >= 2012 } ?? false }.map { $0[0] }))
        let typo = try StakenetBinary.run(["info", spinouts, "--where", "regon=north"])
        #expect(typo.status == 1 && typo.standardError.contains("did you mean 'region'?"))
        let none = try StakenetBinary.run(["info", spinouts, "--where", "founded>2100"])
        #expect(none.status == 1 && none.standardError.contains("keeps none of the 64 stakeholders"))
        let bad = try StakenetBinary.run(["info", spinouts, "--where", "founded>=soon"])
        #expect(bad.status == 2 && bad.standardError.contains("needs one number"))
        let report = try TemporaryFolder()
        let page = try StakenetBinary.run(["report", spinouts, "--where", "sector=health-social-care,leisure", "-o", report.file("r.html"), "--runs", "20", "--quiet"])
        #expect(page.status == 0, "\(page.standardError)")
        #expect(try String(contentsOfFile: report.file("r.html"), encoding: .utf8).contains("only the stakeholders where sector=health-social-care,leisure"))
    }

    @Test func longLabelsAreCutInTablesAndKeptWholeInCSV() throws {
        let long = String(repeating: "Community Interest Company ", count: 180)
        let folder = try TemporaryFolder(files: ["nodes.csv": "id,label\na,\(long)\nb,Short\n", "edges.csv": "source,target\na,b\n"])
        let table = try StakenetBinary.run(["metrics", folder.path, "--measures", "degree"])
        let widest = table.standardOutput.split(separator: "\n").map(\.count).max() ?? 0
        #expect(table.status == 0 && widest < 120, "\(widest)")
        let narrow = try StakenetBinary.run(["metrics", folder.path, "--measures", "degree", "--label-width", "10"])
        #expect(narrow.standardOutput.contains("Community…"))
        let json = try StakenetBinary.run(["metrics", folder.path, "--measures", "degree", "--format", "json"])
        #expect(json.standardOutput.contains(long.trimmingCharacters(in: .whitespaces)))
    }
}
