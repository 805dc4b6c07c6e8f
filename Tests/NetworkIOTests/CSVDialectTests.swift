import Foundation
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// The spreadsheet dialects researchers' files come in, each read without edits.
@Suite struct CSVDialectTests {
    func read(_ files: [String: String], path: String = "", options: NetworkReadOptions = NetworkReadOptions()) throws -> (StakeholderNetwork, [InputProblem]) {
        let folder = try TemporaryFolder(files: files)
        let result = try NetworkReader.read(path.isEmpty ? folder.path : folder.file(path), options: options)
        return (result.network, result.warnings)
    }

    @Test func plainFolderWithNetworkJSON() throws {
        let (network, warnings) = try read([
            "nodes.csv": "id,label,kind,sector,staff\nsp1,Care Mutual,spin-out,social-care,120\nf1,Big Fund,funder,NA,\n",
            "edges.csv": "source,target,kind,weight,start,end\nf1,sp1,funding,2.5,2011,2014\n",
            "network.json": #"{"name": "study", "directed": false, "description": "A test"}"#,
        ])
        #expect(network.name == "study" && network.description == "A test" && !network.isDirected)
        #expect(warnings.isEmpty)
        let care = try #require(network[id: "sp1"])
        #expect(care.label == "Care Mutual" && care.kind == .spinOut && care.sector == "social-care")
        #expect(care.attributes["staff"] == .integer(120))
        #expect(network[id: "f1"]?.sector == nil)
        #expect(network[id: "f1"]?.value(of: "staff") == .missing)
        let tie = network.ties[0]
        #expect(tie.kind == .funding && tie.weight == 2.5 && tie.start == 2011 && tie.end == 2014 && tie.line == 2)
        #expect(network.stakeholderFile?.hasSuffix("nodes.csv") == true)
    }

    @Test func gephiSpreadsheetWithAllUndirectedTies() throws {
        let (network, _) = try read([
            "nodes.csv": "Id,Label,Sector\n1,Alpha,health\n2,Beta,leisure\n3,Gamma,health\n",
            "edges.csv": "Source,Target,Type,Id,Label,Weight\n1,2,Undirected,0,,1.0\n2,3,Undirected,1,,2.0\n",
        ])
        #expect(!network.isDirected)
        // Every tie undirected: the network is, and the ties follow it.
        #expect(network.ties.allSatisfy { !network.isDirected($0) && $0.direction == .asNetwork && $0.kind == nil })
        #expect(network.ties[1].weight == 2 && network.ties[1].attributes["Id"] == .integer(1))
        #expect(network[id: "2"]?.label == "Beta")
    }

    @Test func gephiSpreadsheetWithMixedDirections() throws {
        let (network, _) = try read([
            "nodes.csv": "Id,Label\n1,Alpha\n2,Beta\n3,Gamma\n",
            "edges.csv": "Source,Target,Type,Weight\n1,2,Directed,1\n2,3,Undirected,1\n",
        ])
        #expect(network.isDirected)
        #expect(network.ties.map(\.direction) == [.directed, .undirected])
        let graph = try network.graph()
        #expect(graph.hasEdge(from: 1, to: 2) && graph.hasEdge(from: 2, to: 1) && !graph.hasEdge(from: 1, to: 0))
    }

    @Test func kumuElementsAndConnections() throws {
        let (network, _) = try read([
            "elements.csv": "Label,Type,Description,Tags\nSpark Mutual,Spin-out,\"A health spin-out, founded 2011\",innovation|health\nCouncil,Commissioner,,\nUnison,Trade union,,labour\n",
            "connections.csv": "From,To,Type,Strength,Direction\nCouncil,Spark Mutual|Unison,Commissioning,3,directed\nUnison,Spark Mutual,Representation,,mutual\n",
        ])
        #expect(network.stakeholders.map(\.id) == ["Spark Mutual", "Council", "Unison"])
        #expect(network[id: "Spark Mutual"]?.kind == .spinOut && network[id: "Unison"]?.kind == .union)
        #expect(network[id: "Spark Mutual"]?.attributes["Tags"] == .list(["innovation", "health"]))
        #expect(network[id: "Unison"]?.attributes["Tags"] == .text("labour"))
        #expect(network[id: "Spark Mutual"]?.attributes["Description"] == .text("A health spin-out, founded 2011"))
        // One row naming two targets gives one tie to each, both from line 2.
        #expect(network.tieCount == 3)
        #expect(network.ties[0].target == 0 && network.ties[1].target == 2 && network.ties[1].line == 2)
        #expect(network.ties[0].kind == .commissioning && network.ties[0].weight == 3)
        #expect(network.ties[2].direction == .undirected && network.ties[2].kind == .representation)
        #expect(network.isDirected)
    }

    @Test func excelSemicolonsWithBOMAndCRLF() throws {
        let nodes = "\u{FEFF}id;label;kind;budget\r\nsp1;\"Care; Mutual\";spin-out;1,5\r\nf1;\"Fund\r\nwith two lines\";funder;2\r\nu1;Union;union;NA\r\n"
        let edges = "\u{FEFF}source;target;weight\r\nf1;sp1;0,75\r\nu1;sp1;2\r\n"
        let (network, _) = try read(["nodes.csv": nodes, "edges.csv": edges])
        #expect(network.stakeholders.map(\.id) == ["sp1", "f1", "u1"])
        #expect(network[id: "sp1"]?.label == "Care; Mutual")
        #expect(network[id: "f1"]?.label == "Fund\r\nwith two lines")
        #expect(network[id: "sp1"]?.attributes["budget"] == .number(1.5))
        #expect(network.ties[0].weight == 0.75)
        #expect(network.ties.map(\.line) == [2, 3])
    }

    @Test func excelSepLineNamesTheDelimiter() throws {
        let (network, _) = try read(["list.csv": "sep=;\nsource;target;weight\na;b;2\n"], path: "list.csv")
        #expect(network.tieCount == 1 && network.ties[0].weight == 2 && network.ties[0].line == 3)
    }

    @Test func lineNumbersStayRightAfterQuotedLineBreaks() throws {
        let folder = try TemporaryFolder(files: [
            "nodes.csv": "id,note\na,\"one\ntwo\nthree\"\nb,plain\n",
            "edges.csv": "source,target,note\na,b,\"x\ny\"\nb,zz,after\n",
        ])
        let (_, report) = NetworkReader.validate(folder.path)
        let problem = try #require(report.errors.first)
        #expect(report.errors.count == 1)
        #expect(problem.line == 4 && problem.field == "target" && problem.message.contains("'zz'"))
    }

    @Test func rNAAndQuotedHeaders() throws {
        let (network, _) = try read([
            "nodes.csv": "\"id\",\"sector\",\"size\"\n\"a\",NA,10\n\"b\",\"health\",NA\n",
            "edges.csv": "\"source\",\"target\",\"weight\",\"start\"\n\"a\",\"b\",NA,NA\n",
        ])
        #expect(network[id: "a"]?.sector == nil && network[id: "b"]?.sector == "health")
        #expect(network[id: "b"]?.value(of: "size") == .missing && network[id: "a"]?.attributes["size"] == .integer(10))
        #expect(network.ties[0].weight == 1 && network.ties[0].start == nil)
    }

    @Test func tabSeparatedUTF16FromExcelUnicodeText() throws {
        let text = "source\ttarget\tstrength\nCouncil\tMutual\t2\n"
        var bytes = Data([0xFF, 0xFE])
        for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let folder = try TemporaryFolder()
        let file = try folder.write("ties.txt", bytes: bytes)
        let (network, _) = try NetworkReader.read(file)
        #expect(network.stakeholders.map(\.id) == ["Council", "Mutual"] && network.ties[0].weight == 2)
    }

    @Test func edgeListInfersStakeholdersAndIsDirected() throws {
        let (network, _) = try read(["ties.csv": "From,To,Value\nx,y,1\ny,z,2\nz,x,\n"], path: "ties.csv")
        #expect(network.isDirected && network.name == "ties")
        #expect(network.stakeholders.map(\.id) == ["x", "y", "z"])
        #expect(network.ties.map(\.weight) == [1, 2, 1])
    }

    @Test func directionOverridesWinOverFiles() throws {
        let files = ["nodes.csv": "id\na\nb\n", "edges.csv": "source,target\na,b\n", "network.json": #"{"directed": true}"#]
        #expect(try read(files, options: NetworkReadOptions(directed: false)).0.isDirected == false)
        #expect(try read(files).0.isDirected == true)
    }

    @Test func headerSynonymsAndSpacing() throws {
        let (network, _) = try read([
            "nodes.csv": " ID , Name , Type ,Sector\na,Alpha,funder,x\nb,Beta,union,y\n",
            "edges.csv": "FROM,TO,Strength,Start_Year,End Year,Directed\na,b,3,2001,2003,yes\n",
        ])
        #expect(network[id: "a"]?.label == "Alpha" && network[id: "a"]?.kind == .funder)
        let tie = network.ties[0]
        #expect(tie.weight == 3 && tie.start == 2001 && tie.end == 2003 && network.isDirected(tie) && tie.direction == .asNetwork)
    }

    @Test func warningsCountSelfLoopsDuplicatesAndZeroWeights() throws {
        let (network, warnings) = try read([
            "nodes.csv": "id\na\nb\n",
            "edges.csv": "source,target,kind,weight\na,a,support,1\na,b,funding,1\na,b,funding,2\na,b,funding,1\nb,b,support,0\n",
        ])
        #expect(network.tieCount == 5)
        let messages = warnings.map(\.description)
        #expect(messages.contains { $0.contains("edges.csv:2: 2 ties from a stakeholder to itself") })
        #expect(messages.contains { $0.contains("edges.csv:4: 2 ties repeat another tie's stakeholders, kind and period, the first here (repeating line 3)") })
        #expect(messages.contains { $0.contains("edges.csv:6: 1 tie of weight 0") })
    }

    @Test func directedTiesInAnUndirectedNetworkAreAWarning() throws {
        let (_, warnings) = try read([
            "edges.csv": "source,target,directed\na,b,true\nb,c,false\n", "network.json": #"{"directed": false}"#,
        ])
        #expect(warnings.map(\.description).contains { $0.contains("edges.csv:2: 1 tie marked directed in an undirected network") })
    }
}
