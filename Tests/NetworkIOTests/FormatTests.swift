import Foundation
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Every format: files written by NetworkX and igraph read into the networks they hold
/// (Tests/Fixtures/interop, written by Scripts/reference/interop.py), round trips through each format,
/// located errors for malformed files, and XML attacks refused.
@Suite struct FormatTests {
    static func expected() throws -> [String: [String: Any]] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("interop/expected.json")))) as! [String: [String: Any]]
    }

    static let peerFiles: [String] = {
        var files: [String] = []
        for library in ["networkx", "igraph"] {
            let folder = Fixtures.path("interop/\(library)")
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] { files.append("\(library)/\(name)") }
        }
        return files
    }()

    /// Same nodes, ties with their weights, direction, and — where the format holds them — attributes.
    @Test(arguments: peerFiles)
    func readsWhatPeersWrote(_ file: String) throws {
        let key = String(file[..<file.lastIndex(of: ".")!])
        let facts = try Self.expected()[key]!
        let (network, _) = try NetworkReader.read(Fixtures.path("interop/\(file)"))
        #expect(network.isDirected == facts["directed"] as! Bool, "\(file) direction")
        let nodes = facts["nodes"] as! [String: [String: Any]]
        #expect(Set(network.stakeholders.map(\.id)) == Set(nodes.keys), "\(file) nodes")
        var edges = network.ties.map { tie -> [String] in
            let a = network.stakeholders[Int(tie.source)].id, b = network.stakeholders[Int(tie.target)].id
            return (network.isDirected ? [a, b] : [min(a, b), max(a, b)]) + [AttributeValue.format(tie.weight)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        var wanted = (facts["edges"] as! [[Any]]).map { edge -> [String] in
            let a = edge[0] as! String, b = edge[1] as! String
            return (network.isDirected ? [a, b] : [min(a, b), max(a, b)]) + [AttributeValue.format((edge[2] as! NSNumber).doubleValue)]
        }.sorted { $0.lexicographicallyPrecedes($1) }
        edges.sort { $0.lexicographicallyPrecedes($1) }
        wanted.sort { $0.lexicographicallyPrecedes($1) }
        #expect(edges == wanted, "\(file) ties")
        guard !file.hasSuffix(".net") else { return }
        for (id, attributes) in nodes {
            let stakeholder = network[id: id]!
            for (name, value) in attributes {
                let ours = stakeholder.value(of: name)
                switch value {
                case let flag as NSNumber where String(describing: type(of: flag)).contains("Boolean"):
                    #expect(ours == .boolean(flag.boolValue), "\(file) \(id) \(name): \(ours)")
                case let number as NSNumber:
                    #expect(ours.numericValue == number.doubleValue, "\(file) \(id) \(name): \(ours)")
                case let text as String:
                    #expect(ours.text == text, "\(file) \(id) \(name): \(ours)")
                default: break
                }
            }
        }
    }

    /// A network with everything a format may trip on: odd characters in ids and labels, every value type,
    /// lists, missing values, a self-loop, parallel ties, ties of several kinds and periods, an isolate.
    static func awkwardNetwork() -> StakeholderNetwork {
        let stakeholders = [
            Stakeholder(id: "a&b", label: "A & B \"quoted\" <tag>", kind: .spinOut, sector: "health",
                        attributes: ["size": .integer(12), "score": .number(0.25), "active": .boolean(true), "tags": .list(["x", "y"])]),
            Stakeholder(id: "c d", label: "Ç, ünïcode — line\nbreak", kind: .funder, sector: nil,
                        attributes: ["size": .integer(3), "score": .number(1.5), "active": .boolean(false)]),
            Stakeholder(id: "e'f", label: "e'f", kind: StakeholderKind(parsing: "think tank"), sector: "policy", attributes: ["score": .number(-2)]),
            Stakeholder(id: "lonely", label: "Isolate", kind: .union, sector: "labour"),
        ]
        let ties = [
            Tie(source: 0, target: 1, kind: .funding, weight: 2.5, start: 2011, end: 2014, attributes: ["note": .text("first, \"grant\"")]),
            Tie(source: 1, target: 0, kind: .support, weight: 1),
            Tie(source: 0, target: 1, kind: .funding, weight: 0.5, start: 2016),
            Tie(source: 2, target: 2, kind: .research, weight: 3),
            Tie(source: 2, target: 0, kind: nil, weight: 4, direction: .undirected, attributes: ["note": .text("<b>&amp;</b>")]),
        ]
        return StakeholderNetwork(name: "awkward <net>", description: "a network & its \"troubles\"", isDirected: true, stakeholders: stakeholders, ties: ties)
    }

    struct RoundTrip: CustomTestStringConvertible, Sendable {
        let format: NetworkFormat
        let network: String
        var testDescription: String { "\(network) as \(format.rawValue)" }
    }

    static let roundTrips: [RoundTrip] = [NetworkFormat.folder, .graphml, .gexf, .json, .pajek, .dl, .edgeList, .xlsx].flatMap { format in
        ["awkward", "mutual-spinouts", "mutuals-research", "karate", "directed-components"].map { RoundTrip(format: format, network: $0) }
    }

    static func load(_ name: String) throws -> StakeholderNetwork {
        switch name {
        case "awkward": return awkwardNetwork()
        case "mutual-spinouts", "mutuals-research": return try NetworkReader.read(Fixtures.network(name)).network
        default: return try NetworkReader.read(Fixtures.dataset(name)).network
        }
    }

    /// Written and read back, a network keeps everything the format can hold; what it cannot is listed
    /// by `NetworkFormat.losses`, and that list is exactly what differs.
    @Test(arguments: roundTrips)
    func roundTrip(_ trip: RoundTrip) throws {
        let original = try Self.load(trip.network)
        let folder = try TemporaryFolder()
        let ext = trip.format.extensions.first.map { "." + $0 } ?? ""
        let path = folder.path + "/out" + ext
        try NetworkWriter.write(original, to: path, as: trip.format, inputs: [])
        let options = NetworkReadOptions(directed: trip.format == .edgeList || trip.format == .dl ? original.isDirected : nil)
        let back = try NetworkReader.read(path, options: options).network
        let lost = trip.format.losses(of: original).joined(separator: "; ")
        let keepsStakeholders = ![.pajek, .dl, .edgeList].contains(trip.format)
        // Stakeholders: all of them unless an edge list (isolates go), with their ids.
        if trip.format == .edgeList {
            #expect(Set(back.stakeholders.map(\.id)).isSubset(of: Set(original.stakeholders.map(\.id))))
        } else {
            #expect(back.stakeholders.map(\.id) == original.stakeholders.map(\.id), "ids")
        }
        #expect(back.isDirected == original.isDirected, "direction")
        if keepsStakeholders {
            #expect(lost.isEmpty || lost.contains("lists"), "nothing lost: \(lost)")
            for (a, b) in zip(original.stakeholders, back.stakeholders) {
                #expect(a.label == b.label && a.kind == b.kind && a.sector == b.sector, "\(a.id)")
                for (name, value) in a.attributes {
                    if case .list(let items) = value, trip.format != .json {
                        #expect(b.attributes[name]?.text == items.joined(separator: "|"), "\(a.id) \(name)")
                    } else {
                        #expect(b.attributes[name] == value, "\(a.id) \(name): \(String(describing: b.attributes[name])) vs \(value)")
                    }
                }
                #expect(Set(b.attributes.keys) == Set(a.attributes.keys), "\(a.id) attribute names")
            }
            #expect(back.name == original.name)
        } else {
            #expect(!lost.isEmpty || original.stakeholders.allSatisfy { $0.label == $0.id && $0.kind == nil && $0.attributes.isEmpty })
        }
        // Ties: same ends, kinds, weights (and periods and attributes where kept), in order.
        func key(_ network: StakeholderNetwork, _ tie: Tie, periods: Bool) -> String {
            let a = network.stakeholders[Int(tie.source)].id, b = network.stakeholders[Int(tie.target)].id
            let ends = network.isDirected(tie) ? "\(a)>\(b)" : "\(min(a, b))-\(max(a, b))"
            let period = periods ? " \(tie.start.map(String.init) ?? "") \(tie.end.map(String.init) ?? "")" : ""
            return "\(ends) \(tie.kind?.name ?? "") \(AttributeValue.format(tie.weight))\(period)"
        }
        let keepsPeriods = keepsStakeholders
        var expectedTies = Array(original.ties)
        if trip.format == .dl && original.isDirected {
            // DL keeps no per-tie direction: an undirected tie in a directed network comes back as two arcs.
            expectedTies = original.ties.flatMap { tie -> [Tie] in
                guard tie.direction == .undirected else { return [tie] }
                var there = tie, back = tie
                there.direction = .asNetwork
                back.direction = .asNetwork
                (back.source, back.target) = (tie.target, tie.source)
                return [there, back]
            }
        }
        let want = expectedTies.map { key(original, $0, periods: keepsPeriods) }.sorted()
        let got = back.ties.map { key(back, $0, periods: keepsPeriods) }.sorted()
        #expect(got == want, "ties of \(trip.network) as \(trip.format.rawValue)")
        if keepsStakeholders {
            for (a, b) in zip(original.ties, back.ties) { #expect(a.attributes == b.attributes) }
        }
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        let name: String, contents: String, line: Int?, message: String
        var testDescription: String { name }
    }

    static let malformed = [
        Malformed(name: "broken.graphml", contents: "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph>\n</graphml>\n", line: 4, message: "not well-formed"),
        Malformed(name: "dangling.graphml", contents: "<graphml>\n<graph>\n<node id=\"a\"/>\n<edge source=\"a\" target=\"b\"/>\n</graph>\n</graphml>\n", line: 4, message: "edge target 'b' is not a node"),
        Malformed(name: "weight.graphml", contents: "<graphml><key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"string\"/>\n<graph>\n<node id=\"a\"/><node id=\"b\"/>\n<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge>\n</graph></graphml>\n", line: 4, message: "weight 'heavy'"),
        Malformed(name: "wrong.gexf", contents: "<gexf>\n<graph>\n<nodes><node id=\"a\"/><node id=\"a\"/></nodes>\n</graph></gexf>\n", line: 3, message: "duplicate node id 'a'"),
        Malformed(name: "root.gexf", contents: "<?xml version=\"1.0\"?>\n<graphml/>\n", line: 2, message: "not <gexf>"),
        Malformed(name: "bad.json", contents: "{\"nodes\": [{\"id\": 1},\n {\"id\": 2}\n \"edges\": []}\n", line: 3, message: "not valid JSON"),
        Malformed(name: "nolinks.json", contents: "{\"nodes\": [{\"id\": \"a\"}], \"edges\": [{\"source\": \"a\"}]}", line: nil, message: "has no target"),
        Malformed(name: "vertex.net", contents: "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Arcs\n1 3\n", line: 5, message: "'3' is not a vertex number"),
        Malformed(name: "early.net", contents: "1 2\n*Vertices 2\n", line: 1, message: "data before any"),
        Malformed(name: "short.dl", contents: "dl n=3\nformat=fullmatrix\ndata:\n0 1 0\n1 0\n", line: 5, message: "the matrix ends early"),
        Malformed(name: "label.dl", contents: "dl n=2 format=edgelist1\nlabels:\na,b\ndata:\na c\n", line: 5, message: "'c' is not one of the 2 stakeholders"),
    ]

    @Test(arguments: malformed)
    func malformedFilesGiveLocatedErrors(_ bad: Malformed) throws {
        let folder = try TemporaryFolder(files: [bad.name: bad.contents])
        do {
            _ = try NetworkReader.read(folder.path + "/" + bad.name)
            Issue.record("\(bad.name) was read")
        } catch let error as InputError {
            #expect(error.problem.file.hasSuffix(bad.name))
            #expect(error.problem.line == bad.line, "\(bad.name): line \(String(describing: error.problem.line)) in \(error)")
            #expect(error.description.contains(bad.message), "\(bad.name): \(error)")
        }
    }

    /// Entity expansion ("billion laughs") and external entities are refused before parsing, quickly.
    @Test(arguments: ["graphml", "gexf"])
    func xmlAttacksAreRefused(_ format: String) throws {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for i in 1 ... 9 { laughs += " <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1 == 0 ? "" : String(i - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<\(format == "graphml" ? "graphml" : "gexf")><graph><node id=\"&lol9;\"/></graph></\(format == "graphml" ? "graphml" : "gexf")>\n"
        let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"file:///etc/passwd\">\n<graphml><graph/></graphml>\n"
        let folder = try TemporaryFolder(files: ["laughs.\(format)": laughs, "external.\(format)": external])
        let start = Date()
        #expect(throws: InputError.self) { try NetworkReader.read(folder.path + "/laughs.\(format)") }
        #expect(Date().timeIntervalSince(start) < 1)
        do { _ = try NetworkReader.read(folder.path + "/laughs.\(format)") } catch let error as InputError {
            #expect(error.problem.line == 2 && error.description.contains("entities"))
        }
        do { _ = try NetworkReader.read(folder.path + "/external.\(format)") } catch let error as InputError {
            #expect(error.description.contains("external"))
        }
    }

    /// A document type after more than the first megabyte (behind a long comment) escapes the prolog check;
    /// the parser's own callbacks refuse it, and an entity it did not declare never resolves.
    @Test(arguments: ["graphml", "gexf"])
    func entitiesPastTheFirstMegabyteAreRefusedByTheParser(_ format: String) throws {
        let root = format == "graphml" ? "graphml" : "gexf"
        let padding = "<!--" + String(repeating: "padding ", count: 150_000) + "-->\n"
        let declared = "<?xml version=\"1.0\"?>\n" + padding + "<!DOCTYPE \(root) [\n <!ENTITY secret SYSTEM \"file:///etc/hostname\">\n]>\n"
            + "<\(root)><graph><node id=\"&secret;\"/></graph></\(root)>\n"
        let external = "<?xml version=\"1.0\"?>\n" + padding + "<!DOCTYPE \(root) SYSTEM \"file:///etc/hostname\">\n<\(root)><graph/></\(root)>\n"
        let undeclared = "<\(root)><graph><node id=\"&secret;\"/></graph></\(root)>\n"
        let folder = try TemporaryFolder(files: ["declared.\(format)": declared, "external.\(format)": external, "undeclared.\(format)": undeclared])
        let entity = try #require(throws: InputError.self) { try NetworkReader.read(folder.file("declared.\(format)")) }
        #expect(entity.description.contains("declares XML entities") && entity.problem.line == 4, "\(entity)")
        let system = try #require(throws: InputError.self) { try NetworkReader.read(folder.file("external.\(format)")) }
        #expect(system.description.contains("external document type"), "\(system)")
        let unknown = try #require(throws: InputError.self) { try NetworkReader.read(folder.file("undeclared.\(format)")) }
        #expect(unknown.description.contains("not well-formed") && unknown.description.contains("secret"), "\(unknown)")
    }

    /// XML's predefined entities and character references are decoded in attributes and text, CDATA is text.
    @Test func predefinedEntitiesAndCDATAReadAsTheirCharacters() throws {
        let graphml = """
        <graphml><key id="l" for="node" attr.name="label" attr.type="string"/>
        <graph edgedefault="undirected">
        <node id="a&amp;b"><data key="l">Smith &amp; Sons &#x2013; &lt;Ltd&gt;</data></node>
        <node id="c&#39;d"><data key="l"><![CDATA[R&D <lab>]]></data></node>
        <edge source="a&amp;b" target="c'd"/>
        </graph></graphml>
        """
        let folder = try TemporaryFolder(files: ["g.graphml": graphml])
        let network = try NetworkReader.read(folder.file("g.graphml")).network
        #expect(network.stakeholders.map(\.id) == ["a&b", "c'd"])
        #expect(network.stakeholders.map(\.label) == ["Smith & Sons \u{2013} <Ltd>", "R&D <lab>"])
        #expect(network.ties.count == 1)
    }

    /// Formats read from their extensions, and the d3 form of node-link JSON (links by node position).
    @Test func detectionAndD3Links() throws {
        #expect(NetworkFormat.detect("a/b.GraphML") == .graphml && NetworkFormat.detect("x.net") == .pajek && NetworkFormat.detect("out") == .folder)
        #expect(NetworkFormat.detect("x.gv") == .dot && NetworkFormat.detect("x.xyz") == nil)
        let folder = try TemporaryFolder(files: ["d3.json": #"{"nodes": [{"id": "x", "group": 1}, {"id": "y", "group": 2}], "links": [{"source": 0, "target": 1, "value": 3}]}"#])
        let network = try NetworkReader.read(folder.path + "/d3.json").network
        #expect(network.tieCount == 1 && network.ties[0].weight == 3 && network.stakeholders[1].attributes["group"] == .integer(2))
        #expect(!network.isDirected)
    }
}

/// UCINET DL as UCINET's documentation writes it.
@Suite struct UCINETTests {
    @Test func fullMatrixWithLabels() throws {
        let folder = try TemporaryFolder(files: ["a.dl": """
            DL N=4
            FORMAT = FULLMATRIX
            LABELS:
            BILL,DON,JOHN,"HARRY SMITH"
            DATA:
            0 1 1 0
            1 0 0 1
            1 0 0 0
            0 1 0 0
            """])
        let network = try NetworkReader.read(folder.path + "/a.dl").network
        #expect(network.stakeholders.map(\.id) == ["BILL", "DON", "JOHN", "HARRY SMITH"])
        #expect(!network.isDirected, "a symmetric matrix is undirected")
        #expect(network.tieCount == 3)
    }

    @Test func embeddedLabelsAndSeveralMatrices() throws {
        let folder = try TemporaryFolder(files: ["b.dl": """
            dl n=3 nm=2 format=edgelist1
            matrix labels:
            funding, support
            labels embedded
            data:
            a b 2
            b c 1
            !
            c a 5
            """])
        let network = try NetworkReader.read(folder.path + "/b.dl").network
        #expect(network.isDirected)
        #expect(network.ties.map { "\(network.stakeholders[Int($0.source)].id)\(network.stakeholders[Int($0.target)].id) \($0.kind!.name) \(AttributeValue.format($0.weight))" }
                == ["ab funding 2", "bc funding 1", "ca support 5"])
    }

    @Test func embeddedFullMatrixAndAbsentDiagonal() throws {
        let folder = try TemporaryFolder(files: ["c.dl": "dl n=3 format=fullmatrix diagonal=absent\nlabels embedded\ndata:\nx y z\nx 1 0\ny 0 1\nz 1 0\n"])
        let network = try NetworkReader.read(folder.path + "/c.dl").network
        #expect(network.stakeholders.map(\.id) == ["x", "y", "z"])
        // Rows without the diagonal: x→y, y→z, z→x.
        #expect(network.ties.map { "\($0.source)\($0.target)" } == ["01", "12", "20"])
    }
}

/// GraphML and GEXF as yEd and Gephi write them.
@Suite struct ToolDialectTests {
    @Test func yEdGraphML() throws {
        let yEd = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
          <key for="node" id="d6" yfiles.type="nodegraphics"/>
          <key for="edge" id="d10" yfiles.type="edgegraphics"/>
          <key attr.name="sector" attr.type="string" for="node" id="d5"><default>unknown</default></key>
          <graph edgedefault="directed" id="G">
            <node id="n0">
              <data key="d5">health</data>
              <data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="0" y="0"/><y:NodeLabel alignment="center">Council A</y:NodeLabel></y:ShapeNode></data>
            </node>
            <node id="n1">
              <data key="d6"><y:ShapeNode><y:NodeLabel>Spin-out 1</y:NodeLabel></y:ShapeNode></data>
            </node>
            <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:LineStyle color="#000000"/></y:PolyLineEdge></data></edge>
          </graph>
        </graphml>
        """
        let folder = try TemporaryFolder(files: ["y.graphml": yEd])
        let network = try NetworkReader.read(folder.path + "/y.graphml").network
        #expect(network.stakeholders.map(\.label) == ["Council A", "Spin-out 1"])
        #expect(network.stakeholders.map(\.sector) == ["health", "unknown"], "the key's default fills a missing value")
        #expect(network.isDirected && network.tieCount == 1)
    }

    @Test func gephiGEXFWithViz() throws {
        let gephi = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.2" version="1.2" xmlns:viz="http://gexf.net/1.2/viz">
          <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator><description>Two funders</description></meta>
          <graph defaultedgetype="undirected" mode="static">
            <attributes class="node" mode="static">
              <attribute id="modularity_class" title="Modularity Class" type="integer"/>
              <attribute id="kind" title="kind" type="string"><default>funder</default></attribute>
            </attributes>
            <nodes>
              <node id="1" label="Fund A"><attvalues><attvalue for="modularity_class" value="0"/></attvalues>
                <viz:size value="12.5"/><viz:position x="-10.5" y="20.0" z="0.0"/><viz:color r="230" g="159" b="0" a="0.5"/></node>
              <node id="2" label="Fund B"><attvalues><attvalue for="modularity_class" value="1"/><attvalue for="kind" value="commissioner"/></attvalues></node>
            </nodes>
            <edges><edge id="0" source="1" target="2" weight="2.0" type="directed"/></edges>
          </graph>
        </gexf>
        """
        let folder = try TemporaryFolder(files: ["g.gexf": gephi])
        let network = try NetworkReader.read(folder.path + "/g.gexf").network
        let a = network.stakeholders[0], b = network.stakeholders[1]
        #expect(a.label == "Fund A" && a.kind == .funder && b.kind == .commissioner)
        #expect(a.attributes["Modularity Class"] == .integer(0))
        #expect(a.attributes["viz_size"] == .number(12.5) && a.attributes["viz_x"] == .number(-10.5) && a.attributes["viz_color"] == .text("#e69f0080"))
        #expect(!network.isDirected && network.ties[0].direction == .directed && network.ties[0].weight == 2)
        #expect(network.description == "Two funders")
        // Written back, viz attributes become viz elements again.
        let written = GEXFFormat.write(network)
        #expect(written.contains("<viz:color r=\"230\" g=\"159\" b=\"0\" a=\"0.5019607843137255\"/>") || written.contains("<viz:color r=\"230\" g=\"159\" b=\"0\""))
        #expect(written.contains("<viz:position x=\"-10.5\" y=\"20\"/>"))
    }
}
