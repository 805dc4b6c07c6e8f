import Foundation
@testable import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Adjacency and incidence matrices, and headers mapped to roles.
@Suite struct MatrixAndMappingTests {
    /// R's `write.csv` of a sociomatrix: quoted names, an empty first header cell, NA for a missing tie.
    static let rStyle = "\"\",\"esrc\",\"ceedr\",\"irc\",\"nesta\"\n\"esrc\",0,3,0,NA\n\"ceedr\",0,0,2,0\n\"irc\",0,1,0,0\n\"nesta\",1.5,0,0,0\n"

    @Test func anRStyleAdjacencyMatrixIsFoundByItsLabels() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("sociomatrix.csv", Self.rStyle)
        let network = try NetworkReader.read(path).network
        #expect(network.isDirected && network.stakeholders.map(\.id) == ["esrc", "ceedr", "irc", "nesta"])
        let ties = network.ties.map { "\(network.stakeholders[Int($0.source)].id)>\(network.stakeholders[Int($0.target)].id):\(AttributeValue.format($0.weight))" }
        #expect(ties == ["esrc>ceedr:3", "ceedr>irc:2", "irc>ceedr:1", "nesta>esrc:1.5"])
        // Rows in another order than the columns still make one network.
        let shuffled = try folder.write("shuffled.csv", ",a,b,c\nc,1,0,0\na,0,1,0\nb,0,0,1\n")
        let other = try NetworkReader.read(shuffled).network
        #expect(other.ties.map { "\(other.stakeholders[Int($0.source)].id)>\(other.stakeholders[Int($0.target)].id)" } == ["a>b", "b>c", "c>a"])
    }

    @Test func aSymmetricMatrixIsUndirectedAndTheDiagonalIsSelfLoops() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("m.csv", ",a,b,c\na,1,2,0\nb,2,0,1\nc,0,1,0\n")
        let (network, warnings) = try NetworkReader.read(path)
        #expect(!network.isDirected && network.tieCount == 3)
        #expect(network.ties.contains { $0.isSelfLoop } && warnings.contains { $0.message.contains("from a stakeholder to itself") })
        let directed = try NetworkReader.read(path, options: NetworkReadOptions(directed: true)).network
        #expect(directed.isDirected && directed.tieCount == 5)
    }

    @Test func anIncidenceMatrixIsATwoModeNetwork() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("attended.csv", "person,meeting-1,meeting-2,meeting-3\nann,1,0,1\nbob,1,1,\ncat,0,0,1\n")
        let network = try NetworkReader.read(path, options: NetworkReadOptions(matrix: .incidence)).network
        #expect(network.stakeholderCount == 6 && network.tieCount == 5 && !network.isDirected)
        let modes = try network.twoModes(by: "mode")
        #expect(modes.names == ["column", "row"] && modes.modes == [1, 1, 1, 0, 0, 0])
    }

    @Test func matricesRoundTripThroughConvert() throws {
        let folder = try TemporaryFolder()
        for name in ["mutuals-research", "mutual-spinouts"] {
            let original = try NetworkReader.read(Fixtures.network(name)).network
            let path = folder.file("\(name).csv")
            try NetworkWriter.write(original, to: path, as: .adjacency, inputs: [])
            let back = try NetworkReader.read(path, options: NetworkReadOptions(directed: original.isDirected)).network
            #expect(back.stakeholders.map(\.id) == original.stakeholders.map(\.id))
            // Parallel ties become one cell with their weights added.
            var expected: [String: Double] = [:]
            for tie in original.ties { expected["\(tie.source)>\(tie.target)", default: 0] += tie.weight }
            let got = Dictionary(uniqueKeysWithValues: back.ties.map { ("\($0.source)>\($0.target)", $0.weight) })
            #expect(got == expected, "\(name)")
        }
        let davis = try NetworkReader.read(Fixtures.network("classic/davis")).network
        let path = folder.file("davis.csv")
        try NetworkWriter.write(davis, to: path, as: .incidence, inputs: [])
        let back = try NetworkReader.read(path, options: NetworkReadOptions(matrix: .incidence)).network
        #expect(back.stakeholderCount == davis.stakeholderCount && back.tieCount == davis.tieCount)
        #expect(Set(back.stakeholders.map(\.id)) == Set(davis.stakeholders.map(\.id)))
    }

    @Test func badMatricesGiveLocatedErrors() throws {
        let folder = try TemporaryFolder()
        let word = try folder.write("word.csv", ",a,b\na,0,x\nb,1,0\n")
        let error = try #require(throws: InputError.self) { try NetworkReader.read(word) }
        #expect(error.problem.line == 2 && error.problem.field == "b" && error.problem.message.contains("'x' is not a number"))
        let both = try folder.write("both.csv", "who,a,b\na,1,0\nc,0,1\n")
        let clash = try #require(throws: InputError.self) { try NetworkReader.read(both, options: NetworkReadOptions(matrix: .incidence)) }
        #expect(clash.problem.message.contains("'a' names both a row and a column"))
        let square = try folder.write("square.csv", ",a,b\na,0,1\nc,1,0\n")
        let missing = try #require(throws: InputError.self) { try NetworkReader.read(square, options: NetworkReadOptions(matrix: .adjacency)) }
        #expect(missing.problem.message.contains("row 'c' has no column of the same name"))
    }

    @Test func headersMappedToRolesReadTheUsersColumns() throws {
        let folder = try TemporaryFolder()
        let edges = try folder.write("people.csv", "person,organisation,relation,hours,type\nann,acme,works,10,x\nbob,acme,advises,2,y\n")
        let mapping = ColumnMapping(ties: ["source": "person", "target": "Organisation", "kind": "relation", "weight": "hours"])
        let network = try NetworkReader.read(edges, options: NetworkReadOptions(columns: mapping)).network
        #expect(network.stakeholders.map(\.id) == ["ann", "acme", "bob"])
        #expect(network.ties.map { $0.kind?.name } == ["works", "advises"] && network.ties.map(\.weight) == [10, 2])
        // `type` would be the kind by its name; kind is mapped elsewhere, so it is a free attribute.
        #expect(network.ties[0].attributes["type"] == .text("x"))
        // Without the mapping: the required columns are named, with what was found.
        let refused = try #require(throws: InputError.self) { try NetworkReader.read(edges) }
        #expect(refused.problem.message.contains("no source column") && refused.problem.message.contains("found: person, organisation"))
        #expect(refused.problem.hint?.contains("--ties-columns source=HEADER") == true)
        // A mapped header that is not there gets a did-you-mean.
        let wrong = ColumnMapping(ties: ["source": "person", "target": "organization"])
        let typo = try #require(throws: InputError.self) { try NetworkReader.read(edges, options: NetworkReadOptions(columns: wrong)) }
        #expect(typo.problem.message.contains("maps target to the column 'organization'") && typo.problem.hint == "did you mean 'organisation'?")
    }

    @Test func aFolderRemembersItsMappingInNetworkJSON() throws {
        let folder = try TemporaryFolder(files: [
            "nodes.csv": "Name,Type,Region\nann,funder,north\nacme,spin-out,south\n",
            "edges.csv": "person,organisation\nann,acme\n",
            "network.json": #"{"name": "mapped", "columns": {"ties": {"source": "person", "target": "organisation"}, "stakeholders": {"id": "Name", "sector": "Region"}}}"#,
        ])
        let network = try NetworkReader.read(folder.path).network
        #expect(network.name == "mapped" && network.stakeholders.map(\.id) == ["ann", "acme"])
        #expect(network.stakeholders.map(\.sector) == ["north", "south"] && network.stakeholders[1].kind == .spinOut)
        // The options win over network.json, role by role.
        let overridden = try NetworkReader.read(folder.path, options: NetworkReadOptions(columns: ColumnMapping(stakeholders: ["sector": "Type"]))).network
        #expect(overridden.stakeholders.map(\.sector) == ["funder", "spin-out"])
        let bad = try TemporaryFolder(files: ["edges.csv": "a,b\nx,y\n", "network.json": #"{"columns": {"ties": {"sauce": "a"}}}"#])
        let error = try #require(throws: InputError.self) { try NetworkReader.read(bad.path) }
        #expect(error.problem.message.contains("'sauce' is not a role"))
        #expect(throws: ColumnMappingError.self) { try ColumnMapping.parse("kind", roles: ColumnMapping.tieRoles, option: "--ties-columns") }
    }
}
