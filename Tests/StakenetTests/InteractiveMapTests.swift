import Foundation
import Testing
import TestSupport

/// What the map check (Scripts/browser/check_map.py, headless Chromium) saw on an explorable map.
struct MapView: Decodable {
    struct Filter: Decodable { let expected_hidden: [String]; let hidden: [String] }
    struct TieFilter: Decodable { let before: Int; let after: Int; let expected_after: Int }
    struct Zoom: Decodable { let initial: String; let button: String; let wheel: String; let reset: String }
    struct Years: Decodable { let year: Int; let shown_lines: Int; let expected_lines: Int }
    struct Focus: Decodable { let shown: [String]; let expected: [String] }
    let stakeholders: Int
    /// The status line as the page opens, and the lines the model draws.
    let status: String
    let lines: Int
    let data_ids: Int
    let search_fields: Int
    let kind_checkboxes: [String]
    let kinds: [String]
    let suggestions: Int
    let searched: String
    let selected: [String]
    let card: String?
    let card_heading: String?
    let clicked: String
    let selected_after_click: [String]
    let kind_filter: Filter?
    let sector_filter: Filter?
    let tie_filter: TieFilter?
    let zoom: Zoom
    let years: Years?
    let focus: Focus
    let external_resources: [String]
    let images: Int
    let event_handler_attributes: Int
    let console_errors: [String]
    let dialogs: [String]
}

/// Opens an explorable map in headless Chromium; the screenshot is kept in .build/map-screenshots/.
func exploreInBrowser(_ page: String, name: String, select: String? = nil) throws -> MapView {
    let python = Fixtures.packageRoot.appendingPathComponent(".venv/bin/python").path
    try #require(FileManager.default.isExecutableFile(atPath: python), "no .venv/bin/python; run Scripts/test, which sets it up and installs chromium")
    let folder = Fixtures.packageRoot.appendingPathComponent(".build/map-screenshots")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let shot = folder.appendingPathComponent("\(name).png")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [Fixtures.packageRoot.appendingPathComponent("Scripts/browser/check_map.py").path, page, shot.path] + (select.map { ["--select", $0] } ?? [])
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "the map check failed: \(message)")
    let screenshot = try Data(contentsOf: shot)
    #expect(screenshot.count > 10_000 && screenshot.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG screenshot")
    return try JSONDecoder().decode(MapView.self, from: data)
}

/// `render -o map.html` driven through its DOM contract in a real browser.
@Suite(.serialized) struct InteractiveMapTests {
    @Test func theMapKeepsItsContract() throws {
        let folder = try TemporaryFolder()
        let page = folder.file("map.html")
        let run = try StakenetBinary.run(["render", Fixtures.network("mutual-spinouts"), "-o", page, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        // Offline: nothing to fetch.
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link") && !html.contains("src=\""))
        let view = try exploreInBrowser(page, name: "mutual-spinouts", select: "Leisure trust 3")
        #expect(view.data_ids == view.stakeholders && view.stakeholders == 64)
        #expect(view.search_fields == 1 && view.suggestions == 64)
        #expect(view.kind_checkboxes == view.kinds && view.kinds.count == 9)
        // Search selects; the card names the stakeholder, its kind and its ties.
        #expect(view.selected == ["leisure-trust-03"], "\(view.selected)")
        #expect(view.card_heading == "Leisure trust 3")
        #expect(view.card?.contains("leisure-trust") == true && view.card?.contains("pagerank") == true && view.card?.contains("Ties by kind") == true, "\(view.card ?? "")")
        #expect(view.selected_after_click == [view.clicked])
        // Filters hide exactly the stakeholders they name.
        let kinds = try #require(view.kind_filter), sectors = try #require(view.sector_filter)
        #expect(kinds.hidden == kinds.expected_hidden && !kinds.hidden.isEmpty)
        #expect(sectors.hidden == sectors.expected_hidden && !sectors.hidden.isEmpty)
        let ties = try #require(view.tie_filter)
        #expect(ties.after == ties.expected_after && ties.after < ties.before)
        // Zooming narrows the view; resetting restores it.
        func width(_ viewBox: String) -> Double { Double(viewBox.split(separator: " ")[2]) ?? 0 }
        #expect(width(view.zoom.button) < width(view.zoom.initial) && width(view.zoom.wheel) < width(view.zoom.button))
        #expect(abs(width(view.zoom.reset) - width(view.zoom.initial)) < 0.01)
        // The year slider shows the ties active in the year (this network's ties start in different years).
        let years = try #require(view.years)
        #expect(years.shown_lines == years.expected_lines && years.shown_lines < 188 && years.shown_lines > 0)
        #expect(view.focus.shown == view.focus.expected && view.focus.shown.count < 64)
        #expect(view.external_resources.isEmpty && view.images == 0 && view.event_handler_attributes == 0)
        #expect(view.console_errors.isEmpty && view.dialogs.isEmpty, "\(view.console_errors)")
    }

    /// A map of groups counts the lines between groups, not ties it does not carry.
    @Test func aMapOfGroupsCountsItsLines() throws {
        let folder = try TemporaryFolder()
        let page = folder.file("groups.html")
        let run = try StakenetBinary.run(["render", Fixtures.network("mutual-spinouts"), "--group-by", "kind", "-o", page, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let view = try exploreInBrowser(page, name: "groups")
        #expect(view.stakeholders == 9 && view.lines > 0)
        #expect(view.status == "Showing 9 of 9 groups and \(view.lines) of \(view.lines) lines.", "\(view.status)")
        #expect(view.console_errors.isEmpty && view.dialogs.isEmpty, "\(view.console_errors)")
    }

    @Test func hostileLabelsStayText() throws {
        let folder = try TemporaryFolder()
        let evil = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(2)>", "\" onmouseover=\"alert(3)", "&lt;b&gt; entity", "\u{2028}line\u{2029}sep", "🌍 עברית"]
        var nodes = "id,label,kind\n"
        for (i, label) in evil.enumerated() { nodes += "n\(i),\"\(label.replacingOccurrences(of: "\"", with: "\"\""))\",\(i % 2 == 0 ? "funder" : "<b>kind</b>")\n" }
        let edges = "source,target,kind\n" + (1 ..< evil.count).map { "n0,n\($0),\"</script>\"\n" }.joined()
        let network = try folder.write("hostile/stakeholders.csv", nodes)
        _ = try folder.write("hostile/ties.csv", edges)
        let page = folder.file("hostile.html")
        let run = try StakenetBinary.run(["render", (network as NSString).deletingLastPathComponent, "-o", page, "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let view = try exploreInBrowser(page, name: "hostile", select: evil[1])
        #expect(view.dialogs.isEmpty && view.images == 0 && view.event_handler_attributes == 0 && view.console_errors.isEmpty, "\(view)")
        #expect(view.card_heading == evil[1] && view.selected == ["n1"])
        #expect(view.kind_checkboxes.sorted() == ["<b>kind</b>", "funder"])
    }
}
