import Foundation
import NetworkIO
import NetworkModel
import NetworkPerception
@testable import NetworkReport
import Testing
import TestSupport

/// What the browser check (Scripts/browser/check_report.py, headless Chromium) saw.
struct BrowserView: Decodable {
    struct Section: Decodable { let id: String; let heading: String; let sentence: String }
    struct Sort: Decodable { let column: String; let before: [String?]; let ascending: [String?]; let descending: [String?]; let aria: String? }
    let sections: [Section]
    let maps: Int
    let charts: Int
    let scripts: Int
    let injected_images: Int
    let event_handlers: Int
    let text: String
    let external_resources: [String]
    let sort: Sort
    let console_errors: [String]
    let dialogs: [String]
}

/// Opens a report in headless Chromium; the screenshot is kept in .build/report-screenshots/.
func openInBrowser(_ html: String, name: String) throws -> BrowserView {
    let python = Fixtures.packageRoot.appendingPathComponent(".venv/bin/python").path
    guard FileManager.default.isExecutableFile(atPath: python) else {
        throw BrowserUnavailable(reason: "no .venv/bin/python; run Scripts/test, which sets it up and installs chromium")
    }
    let folder = Fixtures.packageRoot.appendingPathComponent(".build/report-screenshots")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let page = folder.appendingPathComponent("\(name).html"), shot = folder.appendingPathComponent("\(name).png")
    try Data(html.utf8).write(to: page)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [Fixtures.packageRoot.appendingPathComponent("Scripts/browser/check_report.py").path, page.path, shot.path]
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BrowserUnavailable(reason: "the browser check failed: \(message)") }
    let screenshot = try Data(contentsOf: shot)
    #expect(screenshot.count > 10_000 && screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
    return try JSONDecoder().decode(BrowserView.self, from: data)
}

struct BrowserUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

@Suite(.serialized) struct ReportTests {
    static func report(_ network: StakeholderNetwork, by: String? = nil, inputs: [String] = []) throws -> String {
        var options = ReportOptions()
        options.by = by
        options.runs = 300
        options.permutations = 200
        options.inputs = inputs
        options.invocation = "stakenet report (test)"
        options.date = Date(timeIntervalSince1970: 1_800_000_000)
        return try NetworkReport.html(for: network, options: options)
    }

    /// The bundled two-sector network's report loads without console errors, shows every section with its
    /// heading and opening sentence, its maps and chart, and sorts its table when a heading is clicked.
    @Test func loadsAndSortsInChromium() throws {
        let network = try NetworkReader.read(Fixtures.network("mutual-spinouts")).network
        let html = try Self.report(network, by: "kind", inputs: [Fixtures.network("mutual-spinouts")])
        let view = try openInBrowser(html, name: "mutual-spinouts")
        #expect(view.console_errors.isEmpty, "\(view.console_errors)")
        #expect(view.dialogs.isEmpty)
        #expect(view.external_resources.isEmpty, "nothing fetched: \(view.external_resources)")
        #expect(view.sections.map(\.id) == ["summary", "map", "key-stakeholders", "communities", "diffusion", "time", "comparison", "provenance"])
        for section in view.sections { #expect(!section.heading.isEmpty && section.sentence.count > 20, "\(section.id)") }
        #expect(view.maps >= 3, "the map, the diffusion tree and maps per kind")
        #expect(view.charts == 3 && view.scripts == 1, "the adoption curve, the timeline and adoption by year")
        let ascending = view.sort.ascending.compactMap { $0.flatMap(Double.init) }
        let descending = view.sort.descending.compactMap { $0.flatMap(Double.init) }
        #expect(ascending.count == 64 && ascending == ascending.sorted(), "sorted ascending on the first click")
        #expect(descending == ascending.reversed(), "descending on the second")
        #expect(view.sort.before != view.sort.ascending.map { $0 }, "the table was not already in that order")
        #expect(view.sort.aria == "descending")
        #expect(view.text.contains("differs between the groups") || view.text.contains("is higher for"), "the comparison says what differs in words")
    }

    /// "Change over time" comes with years and only with them: the timeline's periods cover the ties'
    /// years, the small multiples have one panel per period, and diffusion in time is set beside the other.
    @Test func changeOverTimeWhenTiesHaveYears() throws {
        let spinouts = try NetworkReader.read(Fixtures.network("mutual-spinouts")).network
        let html = try Self.report(spinouts)
        #expect(html.contains("<h2 id=\"time\">Change over time</h2>"))
        #expect(html.contains("<td>1993-1996</td>") && html.contains("<td>2017-2019</td>"), "the timeline's first and last periods")
        #expect(html.contains("1993–1997 (15 ties)") && html.contains("2018–2019 ("), "one panel per period")
        #expect(html.contains("Diffusion in time: the same first adopters adopting in 1993"))
        let research = try NetworkReader.read(Fixtures.network("mutuals-research")).network
        #expect(!(try Self.report(research)).contains("id=\"time\""), "no years, no section")
    }

    /// "Whose view?" when the ties are respondents' reports: counts, the rule, agreement, the scatter, disputes.
    @Test func whoseViewWhenTiesAreReports() throws {
        let recorded = try NetworkReader.read(Fixtures.network("mutual-spinouts-interviews")).network
        let reports = Reports(recorded)
        let consensus = recorded.consensusNetwork(try reports.consensus(.standard), reports: reports)
        var options = ReportOptions()
        options.runs = 200
        options.permutations = 200
        options.interviews = recorded
        options.date = Date(timeIntervalSince1970: 1_800_000_000)
        let html = try NetworkReport.html(for: consensus, options: options)
        #expect(html.contains("<h2 id=\"views\">Whose view?</h2>"))
        #expect(html.contains("41 respondents described the network: 363 reports of 180 different ties, beside 20 ties known from other sources"))
        #expect(html.contains("their consensus share:0.5"))
        #expect(html.contains("Krippendorff&#39;s alpha") || html.contains("Krippendorff's alpha"))
        #expect(html.contains("Perceived against structural influence"))
        #expect(html.contains("Ties in dispute"))
        #expect(!(try Self.report(consensus)).contains("id=\"views\""), "no recorded reports given, no section")

        // A respondent's hostile id stays text.
        let hostile = "<script>alert('r')</script>"
        var small = StakeholderNetwork(isDirected: true, edges: [("a", "b"), ("b", "c"), ("a", "b")])
        small = small.replacingTies(with: small.ties.enumerated().map { i, tie in
            var copy = tie
            copy.attributes[Tie.respondentAttribute] = .text(i == 2 ? "plain" : hostile)
            return copy
        }).withInterviews(respondents: [Respondent(id: hostile, role: hostile), Respondent(id: "plain", role: "staff")], perceptions: [])
        let smallReports = Reports(small)
        options.interviews = small
        let page = try NetworkReport.html(for: small.consensusNetwork(try smallReports.consensus(.union), reports: smallReports), options: options)
        #expect(page.contains("Whose view?") && !page.contains(hostile))
    }

    /// Hostile names everywhere stay text: no script runs, no element is injected.
    @Test func hostileNamesStayText() throws {
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "'><svg onload=alert(3)>", "</style><b>bold</b>", "-->&lt;<!--"]
        var stakeholders: [Stakeholder] = []
        for (i, payload) in payloads.enumerated() {
            stakeholders.append(Stakeholder(id: "\(payload)#\(i)", label: payload, kind: StakeholderKind(parsing: payload), sector: i % 2 == 0 ? payload : "plain",
                                            attributes: ["note": .text(payload)]))
        }
        let ties = (0 ..< payloads.count).map { Tie(source: Int32($0), target: Int32(($0 + 1) % payloads.count), kind: TieKind(parsing: payloads[$0])) }
            + [Tie(source: 0, target: 2, kind: .funding)]
        let network = StakeholderNetwork(name: payloads[0], description: payloads[1], isDirected: true, stakeholders: stakeholders, ties: ties)
        let html = try Self.report(network, by: "sector")
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x"), "payloads are escaped in the HTML itself")
        let view = try openInBrowser(html, name: "hostile")
        #expect(view.dialogs.isEmpty, "no alert ran: \(view.dialogs)")
        #expect(view.injected_images == 0 && view.event_handlers == 0 && view.scripts == 1)
        #expect(view.console_errors.isEmpty, "\(view.console_errors)")
        for payload in payloads { #expect(view.text.contains(payload), "shown as text: \(payload)") }
    }

    /// Betweenness from sampled sources is said in Settings, in the table's column help and, with groups,
    /// under the comparison; an exact report says it is exact.
    @Test func sampledBetweennessIsSaid() throws {
        let network = try NetworkReader.read(Fixtures.network("mutual-spinouts")).network
        var options = ReportOptions()
        options.by = "kind"
        options.runs = 100
        options.permutations = 50
        options.date = Date(timeIntervalSince1970: 1_800_000_000)
        let exact = try NetworkReport.html(for: network, options: options)
        #expect(exact.contains("exact (every stakeholder&#39;s shortest paths)") || exact.contains("exact (every stakeholder's shortest paths)"))
        #expect(!exact.contains("estimated from sampled stakeholders"))
        options.approximateSources = 12
        let sampled = try NetworkReport.html(for: network, options: options)
        #expect(sampled.contains("estimated from the shortest paths of 12 of the 64 stakeholders"))
        #expect(sampled.contains("estimated from sampled stakeholders"))
        #expect(sampled.contains("mean_betweenness: members"))
        // Harmonic closeness comes from the same sampled sources, and Settings says so.
        #expect(!exact.contains("harmonic closeness") && sampled.contains("harmonic closeness"))
        #expect(sampled.contains("Eppstein and Wang") && !exact.contains("Eppstein and Wang"))
    }

    /// Provenance lists each input file with its SHA-256 (as sha256sum computes it).
    @Test func provenanceHashesInputs() throws {
        let folder = Fixtures.network("mutuals-research")
        let html = try Self.report(try NetworkReader.read(folder).network, inputs: [folder])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", folder + "/edges.csv"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let digest = String(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
        #expect(digest.count == 64 && html.contains(digest))
        #expect(html.contains("StakeNet \(StakeNetVersion.current)") && html.contains("2027-01-15"))
    }
}

@Suite struct InlineSVGTests {
    /// Comments (Graphviz repeats node names in them) go, in one pass; the rest is kept byte for byte.
    @Test func commentsAreStripped() {
        let svg = Data("<?xml version=\"1.0\"?>\n<!-- a --><svg width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\"><!-- n0 &#45;&#45;> --><g>x</g><!-- unclosed".utf8)
        let inline = InlineSVG.make(svg, label: "a <map>")
        #expect(inline.hasPrefix("<svg viewBox=\"0 0 10 5\" width=\"100%\" role=\"img\" aria-label=\"a &lt;map&gt;\" class=\"map\"><g>x</g>"))
        #expect(!inline.contains("<!--") && !inline.contains("unclosed"))
    }
}
