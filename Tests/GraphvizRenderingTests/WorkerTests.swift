import Foundation
@testable import GraphvizRendering
import NetworkIO
import NetworkModel
import Testing
import TestSupport

/// Graphviz in a worker process: crashes, aborts and hangs become errors; settings known to crash are
/// never sent; a crash is retried once with safer settings.
@Suite struct WorkerTests {
    init() { _ = Fonts.pinned }

    func bundled() throws -> StakeholderNetwork { try NetworkReader.read(Fixtures.network("mutuals-research")).network }

    /// Ties at each stakeholder, as node sizes.
    func tieCounts(_ network: StakeholderNetwork) -> NodeScores {
        var counts = [Double](repeating: 0, count: network.stakeholderCount)
        for tie in network.ties {
            counts[Int(tie.source)] += 1
            counts[Int(tie.target)] += 1
        }
        return NodeScores(measure: "ties", values: counts)
    }

    /// A stand-in worker: a shell script, so that a crash or a hang can be had whatever Graphviz does.
    func script(_ body: String, in folder: TemporaryFolder) throws -> String {
        let path = try folder.write("worker.sh", "#!/bin/sh\n\(body)\n")
        chmod(path, 0o755)
        return path
    }

    /// The DOT `stakenet render Networks/mutuals-research -o map.png --size-by pagerank --labels top:10` wrote
    /// before the safety rule: it aborts Graphviz 2.42–2.43 (GraphvizSafety explains why).
    func crashingDOT() throws -> String {
        try String(contentsOfFile: Fixtures.path("graphviz/multispline-abort.gv"), encoding: .utf8)
    }

    static let graphvizVersion: String = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-V"]
        let pipe = Pipe()
        process.standardError = pipe
        guard (try? process.run()) != nil else { return "" }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }()

    /// Graphviz 2.42–2.43 aborts on this DOT, but not under AddressSanitizer: its allocator pads every block, so
    /// the 4 bytes written past the buffer land in padding (Scripts/sanitizers sets STAKENET_SANITIZER).
    static let knownToCrash = (graphvizVersion.contains("version 2.42") || graphvizVersion.contains("version 2.43"))
        && ProcessInfo.processInfo.environment["STAKENET_SANITIZER"] == nil

    @Test(.enabled(if: knownToCrash, "the crash is Graphviz 2.42–2.43's (Debian bookworm), outside the sanitizers"))
    func aRealGraphvizCrashBecomesAnError() throws {
        let error = try #require(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: try crashingDOT(), engine: .neato, format: .svg)
        }
        #expect(error.reason == .crashed(signal: SIGABRT), "\(error)")
        #expect(error.message.hasPrefix("Graphviz crashed (signal 6"), "\(error.message)")
        // The same DOT with the safety rule applied draws, with no retry.
        let safe = try crashingDOT().replacingOccurrences(of: "splines=\"true\"", with: "splines=\"curved\"")
        #expect(String(decoding: try GraphvizRenderer.render(dot: safe, engine: .neato, format: .svg), as: UTF8.self).contains("</svg>"))
    }

    @Test func aCrashedWorkerIsAnErrorNamingTheSignalAndTheTask() throws {
        let folder = try TemporaryFolder()
        let worker = try script("kill -SEGV $$", in: folder)
        let diagram = try Diagram(network: try bundled())
        let error = try #require(throws: RenderError.self) {
            try GraphvizRenderer.render(diagram, layout: .neato, format: .png, isolation: .worker(timeout: 30, program: worker), target: "map.png")
        }
        #expect(error.reason == .crashed(signal: SIGSEGV))
        #expect(error.message.hasPrefix("Graphviz crashed (signal 11, Segmentation fault) laying out map.png with neato"), "\(error.message)")
        // Retried once with safer settings, which crashed too.
        #expect(error.message.contains("failed again with straight ties"), "\(error.message)")
    }

    @Test func aHungWorkerIsStoppedAtItsTimeLimit() throws {
        let folder = try TemporaryFolder()
        let worker = try script("sleep 60", in: folder)
        let started = Date()
        let error = try #require(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "graph { a -- b }", engine: .neato, format: .svg, isolation: .worker(timeout: 0.5, program: worker))
        }
        #expect(error.reason == .timedOut(seconds: 0.5))
        #expect(error.message.contains("time limit of 0.5 s"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aCrashIsRetriedWithSaferSettingsAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let real = try GraphvizWorkerClient.locateWorker()
        // Crashes on the prism overlap removal the first layout asks for; draws anything else with the real worker.
        let worker = try script("grep -q prism \"$1/input\" && kill -ABRT $$\nexec '\(real)' \"$1\"", in: folder)
        let network = try bundled()
        let diagram = try Diagram(network: network, options: DiagramOptions(sizeBy: tieCounts(network)))
        let picture = try GraphvizRenderer.render(diagram, layout: .neato, format: .svg, isolation: .worker(timeout: 60, program: worker), target: "map.svg")
        #expect(picture.warnings.count == 1)
        let warning = picture.warnings.first ?? ""
        #expect(warning.hasPrefix("Graphviz crashed (signal 6, Aborted) laying out map.svg with neato; laid out again with straight ties"), "\(warning)")
        let svg = String(decoding: picture.bytes, as: UTF8.self)
        #expect(svg.contains("</svg>") && svg.components(separatedBy: "class=\"node stakeholder\"").count - 1 == network.stakeholderCount)
    }

    @Test func graphvizMessagesStillComeBackAsRefusals() throws {
        let error = try #require(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "graph { a -- }", engine: .neato, format: .svg)
        }
        #expect(error.reason == .refused)
        #expect(error.message.contains("syntax error in line 1"), "\(error.message)")
    }

    @Test func aMissingWorkerIsAnErrorThatSaysWhatToDo() throws {
        let error = try #require(throws: RenderError.self) {
            try GraphvizRenderer.render(dot: "graph { a -- b }", engine: .neato, format: .svg, isolation: .worker(timeout: 5, program: "/nonexistent/stakenet-render"))
        }
        #expect(error.reason == .workerUnavailable, "\(error)")
    }

    @Test func workerAndInProcessDrawTheSameBytes() throws {
        let diagram = try Diagram(network: try bundled(), options: DiagramOptions(date: Date(timeIntervalSince1970: 0)))
        let worker = try GraphvizRenderer.render(diagram, layout: .neato, format: .svg, seed: 4)
        let inProcess = try GraphvizRenderer.render(diagram, layout: .neato, format: .svg, seed: 4, isolation: .inProcess)
        #expect(worker == inProcess)
    }

    @Test func aDOTFileThatCrashesTheParserIsAnInputError() throws {
        let folder = try TemporaryFolder()
        let worker = try script("kill -ABRT $$", in: folder)
        let file = try folder.write("net.gv", "graph { a -- b }")
        let error = try #require(throws: InputError.self) { try DOTNetworkReader.read(file, isolation: .worker(timeout: 30, program: worker)) }
        #expect(error.description.contains("net.gv") && error.description.contains("Graphviz crashed (signal 6"), "\(error)")
    }
}

/// The settings known to crash Graphviz are never sent.
@Suite struct GraphvizSafetyTests {
    func diagram(parallel: Bool) -> Diagram {
        let nodes = (0 ..< 3).map { Diagram.Node(name: "n\($0)", label: "", attributes: [:], cluster: nil) }
        var edges = [Diagram.Edge(tail: "n0", head: "n1", attributes: [:]), Diagram.Edge(tail: "n1", head: "n2", attributes: [:])]
        if parallel { edges.append(Diagram.Edge(tail: "n1", head: "n0", attributes: [:])) }
        return Diagram(isDirected: true, title: "t", graphAttributes: ["splines": "true"], nodes: nodes, edges: edges)
    }

    @Test func parallelTiesAreNeverRoutedBySplinesOutsideDot() {
        for layout in Layout.allCases {
            var withParallel = diagram(parallel: true)
            GraphvizSafety.avoidKnownCrashes(in: &withParallel, layout: layout)
            #expect(withParallel.graphAttributes["splines"] == (layout == .dot ? "true" : "curved"), "\(layout)")
            var single = diagram(parallel: false)
            GraphvizSafety.avoidKnownCrashes(in: &single, layout: layout)
            #expect(single.graphAttributes["splines"] == "true", "\(layout)")
        }
    }

    @Test func theDOTWrittenForUsersIsTheSafeOne() throws {
        let network = try NetworkReader.read(Fixtures.network("mutuals-research")).network
        let dot = String(decoding: try GraphvizRenderer.render(try Diagram(network: network), layout: .neato, format: .dot).bytes, as: UTF8.self)
        #expect(dot.contains("splines=\"curved\""))
    }

    @Test func saferSettingsDropRoutingAndPrism() throws {
        var routed = diagram(parallel: false)
        routed.graphAttributes["overlap"] = "prism"
        let safer = try #require(GraphvizSafety.safer(routed))
        #expect(safer.graphAttributes["splines"] == "false" && safer.graphAttributes["overlap"] == "scale")
        #expect(GraphvizSafety.safer(safer) == nil)
    }
}
