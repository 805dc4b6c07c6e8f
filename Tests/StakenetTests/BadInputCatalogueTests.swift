import Foundation
import Testing
import TestSupport

/// The catalogue of bad input: malformed and hostile files across formats and commands, each run through
/// the real `stakenet`. Every case must end with a documented non-zero exit status (1 bad input or failed
/// analysis, 2 bad usage; never a signal), a message naming the file and where in it (and what to do), no
/// output file written, and every input file unchanged.
@Suite struct BadInputCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let files: [String: Data]
        /// Arguments; `{dir}` is the case's folder.
        let arguments: [String]
        let status: Int32
        /// Text the message must contain (`{dir}` expanded).
        let message: String
        /// Where the problem is, as the message must say it (`FILE:LINE` or an element); empty for usage errors.
        let location: String
        /// Environment variables set for the run (`{dir}` expanded).
        var environment: [String: String] = [:]
        var testDescription: String { name }
    }

    static func text(_ s: String) -> Data { Data(s.utf8) }
    static func fixture(_ relative: String) -> Data { FileManager.default.contents(atPath: Fixtures.path(relative)) ?? Data() }
    static let nodes = text("id,label,kind,sector\na,Alpha,spin-out,health\nb,Beta,funder,health\nc,Gamma,union,leisure\n")
    static let edges = text("source,target,kind,weight\na,b,funding,2\nb,c,support,1\n")
    static func folder(nodes: Data = nodes, edges: Data = edges, extra: [String: Data] = [:]) -> [String: Data] {
        var files = ["net/nodes.csv": nodes, "net/edges.csv": edges]
        for (k, v) in extra { files[k] = v }
        return files
    }
    static func bad(_ name: String, _ files: [String: Data], _ arguments: [String], _ status: Int32, _ message: String, _ location: String) -> Case {
        Case(name: name, files: files, arguments: arguments, status: status, message: message, location: location)
    }
    static let info = ["info", "{dir}/net"]
    static func worker(_ script: String) -> [String: String] { ["STAKENET_RENDER_WORKER": "{dir}/\(script)"] }
    static func bad(_ name: String, _ files: [String: Data], _ arguments: [String], _ status: Int32, _ message: String, _ location: String,
                    environment: [String: String]) -> Case {
        Case(name: name, files: files, arguments: arguments, status: status, message: message, location: location, environment: environment)
    }

    static let cases: [Case] = [
        // CSV folders and edge lists.
        bad("empty edge table", folder(edges: Data()), info, 1, "the file is empty", "net/edges.csv"),
        bad("no header at all", folder(edges: text("\n\n")), info, 1, "holds no rows", "net/edges.csv"),
        bad("truncated quoted cell", folder(edges: text("source,target\na,\"b\nb,c\n")), info, 1, "quote", "net/edges.csv:2"),
        bad("Latin-1 byte", folder(nodes: Data("id,label\na,Caf".utf8) + Data([0xE9]) + text("\nb,B\nc,C\n")), info, 1, "UTF-8", "net/nodes.csv:2"),
        bad("binary data", folder(edges: Data([0x73, 0x2C, 0x74, 0x0A, 0x00, 0xFF, 0x01])), info, 1, "binary data", "net/edges.csv:2"),
        bad("UTF-16 without a byte-order mark", folder(edges: "source,target\na,b\n".data(using: .utf16LittleEndian)!), info, 1, "binary data", "net/edges.csv:1"),
        bad("10 MB single cell", ["big.csv": text("source,target\nx,") + Data(repeating: UInt8(ascii: "a"), count: 10_000_000) + text("\n")], ["info", "{dir}/big.csv"], 1, "over the 1 MB", "big.csv:2"),
        bad("million-column header", ["wide.csv": text((0 ..< 1_000_000).map { "c\($0)" }.joined(separator: ",") + "\n")], ["info", "{dir}/wide.csv"], 1, "1000000 columns", "wide.csv:1"),
        bad("duplicate id", folder(nodes: text("id\na\nb\na\nc\n")), info, 1, "duplicate id 'a'", "net/nodes.csv:4"),
        bad("dangling tie", folder(edges: text("source,target\na,b\nb,zed\n")), info, 1, "'zed' is not a stakeholder", "net/edges.csv:3"),
        bad("dangling tie with a near id", folder(edges: text("source,target\na,bb\n")), info, 1, "did you mean 'b'", "net/edges.csv:2"),
        bad("NaN weight", folder(edges: text("source,target,weight\na,b,NaN\n")), info, 1, "not a finite number", "net/edges.csv:2"),
        bad("infinite weight", folder(edges: text("source,target,weight\na,b,inf\n")), info, 1, "not a finite number", "net/edges.csv:2"),
        bad("negative weight", folder(edges: text("source,target,weight\na,b,-3\n")), info, 1, "is negative", "net/edges.csv:2"),
        bad("weight that is a word", folder(edges: text("source,target,weight\na,b,strong\n")), info, 1, "is not a number", "net/edges.csv:2"),
        bad("tie ending before it starts", folder(edges: text("source,target,start,end\na,b,2015,2010\n")), info, 1, "starts in 2015", "net/edges.csv:2"),
        bad("year that is not a year", folder(edges: text("source,target,start\na,b,soon\n")), info, 1, "not a whole number", "net/edges.csv:2"),
        bad("unknown direction", folder(edges: text("source,target,directed\na,b,sideways\n")), info, 1, "is not a direction", "net/edges.csv:2"),
        bad("no source column", folder(edges: text("from_id,to_id\na,b\n")), info, 1, "no source column", "net/edges.csv:1"),
        bad("no id column", folder(nodes: text("name_of_thing\na\n")), info, 1, "no id column", "net/nodes.csv:1"),
        bad("empty id", folder(nodes: text("id,label\na,A\n,Nameless\nb,B\nc,C\n")), info, 1, "has no id", "net/nodes.csv:3"),
        bad("column named twice", folder(edges: text("source,target,weight,Weight\na,b,1,2\n")), info, 1, "names this column twice", "net/edges.csv:1"),
        bad("row longer than its header", folder(edges: text("source,target\na,b,c\n")), info, 1, "3 cells but the header has 2", "net/edges.csv:2"),
        bad("broken network.json", folder(extra: ["net/network.json": text("{\"directed\": tru }")]), info, 1, "", "net/network.json"),
        bad("folder without ties", ["net/nodes.csv": nodes], info, 1, "holds no table of ties", "net"),
        bad("empty network", ["net/edges.csv": text("source,target\n")], info, 1, "holds no stakeholders", "net/edges.csv"),
        bad("no such path", [:], ["info", "{dir}/nowhere"], 1, "no such file or folder", "nowhere"),
        bad("spreadsheet file", ["net.xlsx": text("PK\u{3}\u{4}")], ["info", "{dir}/net.xlsx"], 1, "not a readable .xlsx workbook", "net.xlsx"),
        // Interviews: respondents, perceptions.
        bad("tie reported by a respondent not in respondents.csv", folder(edges: text("source,target,respondent\na,b,r1\nb,c,r9\n"),
            extra: ["net/respondents.csv": text("id,role\nr1,director\nr2,staff\n")]), info, 1, "respondent 'r9' is not in", "net/edges.csv:3"),
        bad("perception of an unknown stakeholder", folder(edges: text("source,target,respondent\na,b,r1\n"),
            extra: ["net/perceptions.csv": text("respondent,stakeholder,influence\nr1,a,4\nr1,zeta,3\n")]), ["perceptions", "{dir}/net"], 1, "no stakeholder has the id or label 'zeta'", "net/perceptions.csv:3"),
        bad("influence that is not a number", folder(edges: text("source,target,respondent\na,b,r1\n"),
            extra: ["net/perceptions.csv": text("respondent,stakeholder,influence\nr1,a,high\n")]), ["perceptions", "{dir}/net"], 1, "influence 'high' is not a number", "net/perceptions.csv:2"),
        bad("perception by a respondent not in respondents.csv", folder(edges: text("source,target,respondent\na,b,r1\n"),
            extra: ["net/respondents.csv": text("id\nr1\n"), "net/perceptions.csv": text("respondent,stakeholder,influence\nr2,a,3\n")]), info, 1, "respondent 'r2' is not in", "net/perceptions.csv:2"),
        bad("respondent's organisation unknown", folder(edges: text("source,target,respondent\na,b,r1\n"),
            extra: ["net/respondents.csv": text("id,organisation\nr1,Alpa\n")]), info, 1, "did you mean 'Alpha'", "net/respondents.csv:2"),
        bad("rating given twice", folder(edges: text("source,target,respondent\na,b,r1\n"),
            extra: ["net/perceptions.csv": text("respondent,stakeholder,influence\nr1,a,3\nr1,Alpha,4\n")]), info, 1, "rates 'Alpha' again", "net/perceptions.csv:3"),
        bad("workbook influence that is a word", ["w.xlsx": fixture("workbooks/interviews-bad-influence.xlsx")], ["perceptions", "{dir}/w.xlsx"], 1, "influence 'tall' is not a number", "w.xlsx[perceptions]!C5"),
        bad("LAS without organisations", folder(edges: text("source,target,respondent\na,b,r1\n")), ["consensus", "{dir}/net", "--method", "las-union", "-o", "{dir}/out"], 1, "no respondent has an organisation", "net"),
        bad("consensus of a network without reports", folder(), ["consensus", "{dir}/net", "-o", "{dir}/out"], 1, "no tie names the respondent", "net"),
        bad("unknown consensus method", folder(edges: text("source,target,respondent\na,b,r1\n")), ["metrics", "{dir}/net", "--consensus", "vote"], 2, "unknown consensus method 'vote'", ""),
        // Workbooks.
        bad("workbook weight that is a word", ["w.xlsx": fixture("workbooks/bad-weight.xlsx")], ["info", "{dir}/w.xlsx"], 1, "weight 'strong' is not a number", "w.xlsx[Connections]!D4"),
        bad("workbook naming a missing shared string", ["w.xlsx": fixture("workbooks/bad-shared-string.xlsx")], ["info", "{dir}/w.xlsx"], 1, "shared string 999", "w.xlsx[Sheet1]!A2"),
        bad("workbook zip bomb", ["w.xlsx": fixture("workbooks/zip-bomb.xlsx")], ["metrics", "{dir}/w.xlsx", "-o", "{dir}/out.csv"], 1, "zip bomb", "w.xlsx"),
        bad("workbook without a sheet of ties", ["w.xlsx": fixture("workbooks/two-sheets-no-ties.xlsx")], ["info", "{dir}/w.xlsx"], 1, "holds no sheet of ties", "w.xlsx"),
        // GraphML.
        bad("GraphML not well formed", ["g.graphml": text("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n</graphml>\n")], ["info", "{dir}/g.graphml"], 1, "not well-formed", "g.graphml:4"),
        bad("GraphML billion laughs", ["g.graphml": text("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<graphml><graph><node id=\"&b;\"/></graph></graphml>\n")], ["info", "{dir}/g.graphml"], 1, "entities", "g.graphml:2"),
        bad("GraphML external entity", ["g.graphml": text("<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://example.com/evil.dtd\">\n<graphml/>\n")], ["info", "{dir}/g.graphml"], 1, "external", "g.graphml:2"),
        bad("GraphML with the wrong root", ["g.graphml": text("<gexf>\n</gexf>\n")], ["info", "{dir}/g.graphml"], 1, "not <graphml>", "g.graphml:1"),
        bad("GraphML edge to nowhere", ["g.graphml": text("<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"q\"/>\n</graph>\n</graphml>\n")], ["info", "{dir}/g.graphml"], 1, "edge target 'q' is not a node", "g.graphml:4"),
        bad("GraphML undeclared key", ["g.graphml": text("<graphml>\n<graph>\n<node id=\"a\"><data key=\"zz\">1</data></node>\n</graph>\n</graphml>\n")], ["info", "{dir}/g.graphml"], 1, "names no declared <key>", "g.graphml:3"),
        bad("GraphML node without id", ["g.graphml": text("<graphml>\n<graph>\n<node/>\n</graph>\n</graphml>\n")], ["info", "{dir}/g.graphml"], 1, "has no id", "g.graphml:3"),
        bad("GraphML invalid UTF-8", ["g.graphml": text("<graphml>\n<graph>\n<node id=\"") + Data([0xC3, 0x28]) + text("\"/>\n</graph>\n</graphml>\n")], ["info", "{dir}/g.graphml"], 1, "not valid UTF-8", "g.graphml:3"),
        // GEXF.
        bad("GEXF duplicate node", ["g.gexf": text("<gexf>\n<graph>\n<nodes><node id=\"a\"/><node id=\"a\"/></nodes>\n</graph></gexf>\n")], ["info", "{dir}/g.gexf"], 1, "duplicate node id 'a'", "g.gexf:3"),
        bad("GEXF without a graph", ["g.gexf": text("<gexf>\n<meta/>\n</gexf>\n")], ["info", "{dir}/g.gexf"], 1, "holds no <graph>", "g.gexf"),
        bad("GEXF weight that is a word", ["g.gexf": text("<gexf><graph>\n<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" weight=\"heavy\"/></edges>\n</graph></gexf>\n")], ["info", "{dir}/g.gexf"], 1, "weight 'heavy'", "g.gexf:3"),
        // Node-link JSON.
        bad("JSON with a missing comma", ["g.json": text("{\"nodes\": [{\"id\": 1},\n {\"id\": 2}\n \"edges\": []}\n")], ["info", "{dir}/g.json"], 1, "not valid JSON", "g.json:3"),
        bad("JSON without nodes", ["g.json": text("{\"edges\": []}")], ["info", "{dir}/g.json"], 1, "has no \"nodes\" list", "g.json"),
        bad("JSON edge without a target", ["g.json": text("{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\"}]}")], ["info", "{dir}/g.json"], 1, "g.json: edges[0]: has no target", "g.json"),
        bad("JSON node without an id", ["g.json": text("{\"nodes\": [{\"name\": \"a\"}], \"edges\": []}")], ["info", "{dir}/g.json"], 1, "g.json: nodes[0]: has no id", "g.json"),
        bad("JSON invalid UTF-8", ["g.json": text("{\"nodes\": [{\"id\": \"a\"}],\n") + Data([0xFF]) + text("\"edges\": []}")], ["info", "{dir}/g.json"], 1, "UTF-8", "g.json:2"),
        // Pajek.
        bad("Pajek vertex out of range", ["g.net": text("*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n")], ["info", "{dir}/g.net"], 1, "'3' is not a vertex number", "g.net:5"),
        bad("Pajek data before vertices", ["g.net": text("1 2\n*Vertices 2\n")], ["info", "{dir}/g.net"], 1, "data before any", "g.net:1"),
        bad("Pajek vertices twice", ["g.net": text("*Vertices 3\n*Arcs\n1 3\n*Vertices 1\n")], ["info", "{dir}/g.net"], 1, "a second time", "g.net:4"),
        bad("Pajek matrix with a word", ["g.net": text("*Vertices 2\n*Matrix\n0 x\n1 0\n")], ["info", "{dir}/g.net"], 1, "'x' in the matrix is not a number", "g.net:3"),
        // UCINET DL.
        bad("DL without its header", ["g.dl": text("n=3\ndata:\n")], ["info", "{dir}/g.dl"], 1, "does not start with 'dl'", "g.dl:1"),
        bad("DL without data", ["g.dl": text("dl n=2 format=fullmatrix\n")], ["info", "{dir}/g.dl"], 1, "has no 'data:' line", "g.dl:1"),
        bad("DL matrix ending early", ["g.dl": text("dl n=3\nformat=fullmatrix\ndata:\n0 1 0\n1 0\n")], ["info", "{dir}/g.dl"], 1, "the matrix ends early", "g.dl:5"),
        bad("DL unknown label", ["g.dl": text("dl n=2 format=edgelist1\nlabels:\na,b\nlabels embedded\ndata:\na c\n")], ["info", "{dir}/g.dl"], 1, "'c' is not one of the 2 stakeholders", "g.dl:6"),
        bad("DL two-mode", ["g.dl": text("dl nr=2 nc=3 format=fullmatrix\ndata:\n")], ["info", "{dir}/g.dl"], 1, "two-mode", "g.dl:1"),
        // DOT.
        bad("DOT syntax error", ["g.gv": text("digraph {\n a -> b\n c -> ;\n}\n")], ["info", "{dir}/g.gv"], 1, "Graphviz", "g.gv:3"),
        bad("empty DOT file", ["g.gv": Data()], ["info", "{dir}/g.gv"], 1, "the file is empty", "g.gv"),
        // Commands.
        bad("unknown measure", folder(), ["metrics", "{dir}/net", "--measures", "degree,influence"], 2, "unknown measure 'influence'", ""),
        bad("unknown seed", folder(), ["diffuse", "{dir}/net", "--seeds", "omega"], 1, "no stakeholder has the id or label 'omega'", ""),
        bad("seed two stakeholders are called", folder(nodes: text("id,label,kind,sector\na,Twin,spin-out,health\nb,Twin,funder,health\nc,Gamma,union,leisure\n")), ["diffuse", "{dir}/net", "--seeds", "twin"], 1, "could be any of a (Twin), b (Twin)", ""),
        bad("probability above one", folder(), ["diffuse", "{dir}/net", "--seeds", "a", "--probability", "1.5"], 2, "from 0 to 1", ""),
        bad("negative probability in a tie column", folder(edges: text("source,target,p\na,b,0.5\nb,c,-0.2\n")), ["diffuse", "{dir}/net", "--seeds", "a", "--probability-from", "p"], 1, "outside [0, 1]", "net/edges.csv:3"),
        bad("unknown path source", folder(), ["paths", "{dir}/net", "--from", "zz"], 1, "no stakeholder has the id or label 'zz'", ""),
        bad("unknown grouping property", folder(), ["compare", "{dir}/net", "--by", "sectr"], 1, "no stakeholder has a value for 'sectr'", ""),
        bad("unknown layer", folder(), ["qap", "{dir}/net", "--layers", "funding,suport"], 1, "did you mean 'support'", ""),
        bad("ties within one mode", folder(), ["two-mode", "{dir}/net", "--modes-by", "sector"], 1, "", ""),
        bad("output over an input", folder(), ["metrics", "{dir}/net", "-o", "{dir}/net/edges.csv"], 1, "refusing to overwrite", "net/edges.csv"),
        bad("render over an input", ["g.gv": text("digraph { a -> b }\n")], ["render", "{dir}/g.gv", "-o", "{dir}/g.gv"], 1, "refusing to overwrite", "g.gv"),
        bad("convert to an unknown format", folder(), ["convert", "{dir}/net", "{dir}/out.xyz"], 1, "--to", ""),
        bad("report with an unknown group", folder(), ["report", "{dir}/net", "-o", "{dir}/out.html", "--by", "sector", "--groups", "helth"], 1, "did you mean 'health'", ""),
        bad("generate with no stakeholders", [:], ["generate", "--stakeholders", "0", "-o", "{dir}/out.csv"], 2, "--stakeholders", ""),
        // Selections that select nothing, and Graphviz that cannot be trusted.
        bad("tie kind no tie has", folder(), ["metrics", "{dir}/net", "--tie-kinds", "fundng", "-o", "{dir}/out.csv"], 1, "no tie has the kind 'fundng'; did you mean 'funding'?", ""),
        bad("period on a network without years", folder(), ["render", "{dir}/net", "--period", "1957", "-o", "{dir}/map.svg"], 1, "no tie of net has a start or end year", ""),
        bad("period that keeps no tie", folder(edges: text("source,target,start,end\na,b,2010,2012\nb,c,2011,2015\n")), ["communities", "{dir}/net", "--period", "1957", "-o", "{dir}/out.csv"], 1, "--period 1957 keeps none of the 2 ties", ""),
        bad("Graphviz worker crashes", folder(extra: ["crash.sh": text("#!/bin/sh\nkill -SEGV $$\n")]), ["render", "{dir}/net", "-o", "{dir}/map.png", "--render-timeout", "30"], 1, "Graphviz crashed (signal 11", "", environment: worker("crash.sh")),
        bad("Graphviz worker hangs", folder(extra: ["hang.sh": text("#!/bin/sh\nsleep 30\n")]), ["render", "{dir}/net", "-o", "{dir}/map.svg", "--render-timeout", "0.5"], 1, "time limit of 0.5 s", "", environment: worker("hang.sh")),
        bad("render timeout of zero", folder(), ["render", "{dir}/net", "-o", "{dir}/map.svg", "--render-timeout", "0"], 2, "--render-timeout", ""),
        bad("where that keeps no stakeholder", folder(), ["metrics", "{dir}/net", "--where", "kind=funder;sector=leisure", "-o", "{dir}/out.csv"], 1, "keeps none of the 3 stakeholders", ""),
        bad("where on a property no one has", folder(), ["render", "{dir}/net", "--where", "sectr=health", "-o", "{dir}/m.svg"], 1, "did you mean 'sector'?", ""),
        bad("mapped header not in the file", folder(), ["info", "{dir}/net", "--ties-columns", "source=from_id"], 1, "maps source to the column 'from_id', which is not in the header", "net/edges.csv:1"),
        bad("mapping an unknown role", folder(), ["info", "{dir}/net", "--stakeholders-columns", "identifier=id"], 2, "'identifier' is not a role", ""),
        bad("matrix cell that is a word", ["m.csv": text(",a,b\na,0,x\nb,1,0\n")], ["info", "{dir}/m.csv"], 1, "'x' is not a number", "m.csv:2"),
        bad("two-mode with a missing mode", folder(nodes: text("id,label,kind,sector\na,Alpha,spin-out,health\nb,Beta,funder,\nc,Gamma,union,leisure\n")), ["two-mode", "{dir}/net", "--modes-by", "sector"], 1, "1 stakeholder has no value for 'sector'", ""),
    ]

    /// Every file under the folder with its bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                // Empty files are not read: Foundation leaks a buffer reading one (Swift 6.3, Linux).
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
                files[relative] = size == 0 ? Data() : FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    @Test(arguments: cases)
    func refused(_ bad: Case) throws {
        let folder = try TemporaryFolder()
        for (name, data) in bad.files {
            let path = folder.path + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
            if name.hasSuffix(".sh") { chmod(path, 0o755) }
        }
        let before = Self.snapshot(folder.path)
        let arguments = bad.arguments.map { $0.replacingOccurrences(of: "{dir}", with: folder.path) }
        let environment = bad.environment.mapValues { $0.replacingOccurrences(of: "{dir}", with: folder.path) }
        let result = try StakenetBinary.run(arguments, environment: environment)
        #expect(!result.wasSignalled, "\(bad.name): ended by a signal")
        #expect(result.status == bad.status, "\(bad.name): exit \(result.status), wanted \(bad.status): \(result.standardError.prefix(300))")
        let message = result.standardError
        #expect(message.count < 2000, "\(bad.name): a short message")
        if !bad.message.isEmpty { #expect(message.contains(bad.message), "\(bad.name): \(message.prefix(300))") }
        if !bad.location.isEmpty { #expect(message.contains(folder.path + "/" + bad.location), "\(bad.name): location \(bad.location) in \(message.prefix(300))") }
        if bad.status == 1 { #expect(message.contains("stakenet: error: "), "\(bad.name): \(message.prefix(100))") }
        #expect(result.standardOutput.isEmpty, "\(bad.name): nothing on standard output")
        // Nothing written, nothing changed.
        #expect(Self.snapshot(folder.path) == before, "\(bad.name): files written or changed")
    }

    @Test func catalogueIsLarge() { #expect(Self.cases.count >= 60) }
}
