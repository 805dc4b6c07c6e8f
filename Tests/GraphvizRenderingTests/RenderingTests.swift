import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GraphvizRendering
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Pins fonts for every in-process render (before Graphviz first reads fontconfig).
enum Fonts {
    static let pinned: Bool = {
        setenv("FONTCONFIG_FILE", Fixtures.path("fonts/fonts.conf"), 1)
        return true
    }()
}

/// A well-formedness check with Foundation's XML parser.
func isWellFormedXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
}

/// The text of every SVG `<text>` element, entities decoded, by Foundation's XML parser.
func svgTexts(_ data: Data) -> [String] {
    final class Collector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current: String?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "text" { current = "" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let current { texts.append(current); self.current = nil }
        }
    }
    let collector = Collector()
    let parser = XMLParser(data: data)
    parser.delegate = collector
    _ = parser.parse()
    return collector.texts
}

@Suite struct RenderingTests {
    init() { _ = Fonts.pinned }

    func bundled() throws -> StakeholderNetwork { try NetworkReader.read(Fixtures.network("mutuals-research")).network }

    @Test func svgIsWellFormedAndShowsEveryStakeholderAndTheLegend() throws {
        let network = try bundled()
        let svg = try GraphvizRenderer.render(try Diagram(network: network), layout: .neato, format: .svg).bytes
        #expect(isWellFormedXML(svg))
        let text = String(decoding: svg, as: UTF8.self)
        let texts = Set(svgTexts(svg))
        // Every stakeholder is drawn, carries its id, and names itself in its tooltip.
        for stakeholder in network.stakeholders {
            #expect(text.contains("class=\"node stakeholder\" data-id=\"\(stakeholder.id)\""), "\(stakeholder.id)")
            #expect(text.contains("xlink:title=\"\(stakeholder.label.replacingOccurrences(of: "-", with: "&#45;")) (\(stakeholder.id.replacingOccurrences(of: "-", with: "&#45;")))\""), "\(stakeholder.id)")
        }
        // On a small network at screen size, nearly every label (cut to 30 characters) finds room.
        let shown = network.stakeholders.filter { texts.contains($0.label.count > 30 ? String($0.label.prefix(29)) + "…" : $0.label) }
        #expect(shown.count * 10 >= network.stakeholderCount * 9, "\(Set(network.stakeholders.map(\.label)).subtracting(texts))")
        // The legend names what is drawn, each kind and tie kind once.
        for legend in ["kind", "ties", "scale", "university", "funder", "funding", "partnership", "strength 1", "strength 3"] {
            #expect(texts.contains(legend), "\(legend)")
        }
        #expect(text.components(separatedBy: "class=\"node stakeholder\"").count - 1 == network.stakeholderCount)
        #expect(text.components(separatedBy: "class=\"edge tie\"").count - 1 == network.tieCount)
    }

    @Test func pngAndPdfAreBinaryAndWhole() throws {
        let diagram = try Diagram(network: try bundled())
        let png = try GraphvizRenderer.render(diagram, layout: .neato, format: .png, dpi: 40).bytes
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.contains(0))
        let pdf = try GraphvizRenderer.render(diagram, layout: .neato, format: .pdf).bytes
        #expect(pdf.starts(with: Data("%PDF".utf8)) && String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    @Test(arguments: [Layout.dot, .neato, .circo])
    func libraryOutputEqualsTheDotProgram(_ layout: Layout) throws {
        let dotProgram = "/usr/bin/dot"
        try #require(FileManager.default.isExecutableFile(atPath: dotProgram), "the graphviz package (dot program) is needed")
        let network = try bundled()
        var diagram = try Diagram(network: network, options: DiagramOptions(date: Date(timeIntervalSince1970: 0)))
        diagram.graphAttributes["layout"] = layout.rawValue
        let text = DOTWriter.dot(diagram)
        let ours = try GraphvizRenderer.render(dot: text, engine: layout, format: .svg)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotProgram)
        process.arguments = ["-K\(layout.rawValue)", "-Tsvg"]
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = Fixtures.path("fonts/fonts.conf")
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let theirs = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(ours == theirs)
    }

    @Test func hostileLabelsRenderAsText() throws {
        let hostile = [
            "quote \" and backslash \\ end", "\\N \\G \\E escapes", "<b>bold</b> & <script>alert(1)</script>",
            "line one\nline two", "x\"]; n0 -> n1 [color=red", "]]> <!-- -->", "emoji 🌍 and עברית", String(repeating: "long ", count: 400), "&lt;b&gt; &#38; entities",
        ]
        let stakeholders = hostile.enumerated().map { Stakeholder(id: "id\($0.offset) \"'<&>", label: $0.element, kind: StakeholderKind(name: "<kind & \"q\">"), sector: "a\\b") }
        let ties = (1 ..< hostile.count).map { Tie(source: 0, target: Int32($0), kind: TieKind(name: "k\"ind<"), weight: Double($0)) }
        let network = StakeholderNetwork(name: "hostile <name> & \"q\"", isDirected: true, stakeholders: stakeholders, ties: ties)
        for format in [RenderFormat.svg, .dot] {
            let output = try GraphvizRenderer.render(try Diagram(network: network), layout: .neato, format: format).bytes
            let text = String(decoding: output, as: UTF8.self)
            if format == .svg {
                #expect(isWellFormedXML(output))
                #expect(!text.contains("<script>") && !text.contains("<b>bold"))
                let texts = svgTexts(output)
                #expect(texts.contains("<b>bold</b> & <script>alert(1…"), "\(texts)")
                #expect(texts.contains("\\N \\G \\E escapes"))
                // Graphviz reads entities; StakeNet's text is shown as written.
                #expect(texts.contains("&lt;b&gt; &#38; entities"), "\(texts)")
                #expect(text.contains("xlink:title=\"&amp;lt;b&amp;gt; &amp;#38; entities (id8"), "tooltip")
                #expect(texts.contains("line one") && texts.contains("line two"))
                #expect(text.contains("data-id=\"id2 &quot;&#39;&lt;&amp;&gt;\""))
                // No label added a node or an edge.
                #expect(text.components(separatedBy: "class=\"node stakeholder\"").count - 1 == hostile.count)
                #expect(text.components(separatedBy: "class=\"edge tie\"").count - 1 == ties.count)
            } else {
                #expect(text.contains("\"x\\\"]; n0 -> n1 [color=red\""))
            }
        }
    }

    @Test func manyRendersInParallelNeverCrashAndAgree() async throws {
        let diagram = try Diagram(network: try bundled(), options: DiagramOptions(date: Date(timeIntervalSince1970: 0)))
        let expected = try GraphvizRenderer.render(diagram, layout: .sfdp, format: .svg, seed: 3).bytes
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0 ..< 16 {
                group.addTask {
                    for _ in 0 ..< 4 {
                        let svg = try GraphvizRenderer.render(diagram, layout: .sfdp, format: .svg, seed: 3).bytes
                        if svg != expected { return false }
                    }
                    return true
                }
            }
            var all: [Bool] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 16 && results.allSatisfy { $0 })
    }

    @Test func sameSeedSamePicture() throws {
        let diagram = try Diagram(network: try bundled(), options: DiagramOptions(date: Date(timeIntervalSince1970: 0)))
        let a = try GraphvizRenderer.render(diagram, layout: .sfdp, format: .svg, seed: 9).bytes
        let b = try GraphvizRenderer.render(diagram, layout: .sfdp, format: .svg, seed: 9).bytes
        #expect(a == b)
    }

    @Test func defaultLayoutBySizeAndShape() throws {
        #expect(Layout.suggested(for: try bundled()) == .neato)
        let hierarchy = StakeholderNetwork(name: "h", isDirected: true, stakeholders: ["f", "a", "b"].map { Stakeholder(id: $0) },
                                           ties: [Tie(source: 0, target: 1, kind: .funding), Tie(source: 0, target: 2, kind: .funding)])
        #expect(Layout.suggested(for: hierarchy) == .dot)
        let big = try NetworkReader.read(Fixtures.dataset("directed-components")).network
        #expect(Layout.suggested(for: big) == .neato)
    }
}

@Suite struct DOTReadingTests {
    init() { _ = Fonts.pinned }

    @Test func attributesAreKept() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("net.gv", """
        digraph study {
          nesta [label="Nesta", kind=funder, sector=innovation, founded=1998];
          mutual [kind="Spin out"];
          nesta -> mutual [weight=3, kind=funding, note="grant"];
          mutual -> nesta [type=partnership];
        }
        """)
        let network = try DOTNetworkReader.read(file)
        #expect(network.name == "study" && network.isDirected && network.stakeholderCount == 2)
        #expect(network[id: "nesta"]?.kind == .funder && network[id: "nesta"]?.label == "Nesta" && network[id: "nesta"]?.sector == "innovation")
        #expect(network[id: "nesta"]?.attributes["founded"] == .integer(1998))
        #expect(network[id: "mutual"]?.kind == .spinOut && network[id: "mutual"]?.label == "mutual")
        #expect(network.ties[0].weight == 3 && network.ties[0].kind == .funding && network.ties[0].attributes["note"] == .text("grant"))
        #expect(network.ties[1].kind == .partnership)
    }

    @Test func syntaxErrorsAreLocated() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("bad.gv", "digraph {\n  a -> b;\n  c -> ;\n}\n")
        let error = try #require(throws: InputError.self) { try DOTNetworkReader.read(file) }
        #expect(error.problem.line == 3, "\(error.problem)")
        #expect(error.problem.message.hasPrefix("Graphviz: bad.gv: syntax error in line 3"), "\(error.problem)")
        let weight = try folder.write("weight.gv", "graph { a -- b [weight=heavy] }")
        let weightError = try #require(throws: InputError.self) { try DOTNetworkReader.read(weight) }
        #expect(weightError.problem.message.contains("weight 'heavy'"))
    }

    @Test func latin1FilesAreReadAsLatin1() throws {
        let folder = try TemporaryFolder()
        var bytes = Data("graph { charset=latin1; \"M".utf8)
        bytes.append(0xFC) // ü in Latin-1
        bytes.append(contentsOf: Data("nchen\" -- b }".utf8))
        let file = try folder.write("latin.gv", bytes: bytes)
        let network = try DOTNetworkReader.read(file)
        #expect(network.stakeholders.map(\.id).contains("München"))
    }

    static let examples = Fixtures.packageRoot.appendingPathComponent(".build/graphviz-examples").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: examples), "run Scripts/graphviz-examples (Scripts/test does) to unpack Graphviz's example graphs"))
    func graphvizExampleGraphsAllLoad() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples).filter { $0.hasSuffix(".gv") }.sorted()
        #expect(files.count >= 60)
        for file in files {
            do {
                let network = try DOTNetworkReader.read((Self.examples as NSString).appendingPathComponent(file))
                #expect(network.stakeholderCount > 0 || file.contains("NaN"), "\(file)")
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }
}
