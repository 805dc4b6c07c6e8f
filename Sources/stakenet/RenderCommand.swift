import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkReport

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the network through Graphviz, with a legend: SVG, PNG, PDF or DOT by the file's extension, or a map to explore (.html).",
        discussion: """
        Fill colour by --color-by (default kind, Okabe-Ito colour-blind-safe palette), shape by kind, node area by
        --size-by (any measure of stakenet metrics), line style and colour by tie kind, line width by tie weight,
        arrowheads only where a tie runs one way. The legend names every mapping in use, and nothing else.
        The map is laid out for --size (default a screen of 1,200 × 800 px): text stays readable (at least
        7.5 px high at 1,000 px wide) and labels that find no room beside their node are left off, the most
        central kept. Dense networks: --ties merged|strongest:K, --fade. --group-by draws one node per group,
        --facet-by one panel per value; -o map.html writes an offline page to search, filter and zoom.
        Layout: neato for up to 150 stakeholders, sfdp above, dot for a pure funding/commissioning hierarchy,
        unless --layout says otherwise; the same --seed gives the same picture.

        Examples:
          stakenet render big/ --top 2000 --size-by pagerank --labels top:30 -o top.svg
          stakenet render Networks/mutuals-research -o map.svg
          stakenet render Networks/mutual-spinouts -o map.html
          stakenet render Networks/mutual-spinouts --group-by community -o groups.png
          stakenet render Networks/mutual-spinouts --facet-by kind --size a4 -o facets.pdf
          stakenet render Networks/mutual-spinouts --facet-by period --facet-step 5 -o years.svg
          stakenet render Networks/mutuals-research -o map.png --size-by pagerank --dpi 150
          stakenet render Networks/mutuals-research -o map.pdf --layout dot --cluster-by sector --highlight ceedr,irc
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var graphviz: GraphvizOptions

    @Option(name: .short, help: ArgumentHelp("The picture to write: .svg, .png, .pdf, or .dot/.gv (DOT text).", valueName: "file"))
    var output: String

    @Option(help: "Layout engine: dot, neato, fdp, sfdp, circo or twopi (default: chosen by size and shape).")
    var layout: LayoutOption?

    @Option(name: .customLong("size-by"), help: ArgumentHelp("Node area proportional to this measure (pagerank, betweenness, degree …).", valueName: "measure"))
    var sizeBy: String?

    @Option(name: .customLong("color-by"), help: ArgumentHelp("Fill colour by this stakeholder property.", valueName: "attr"))
    var colorBy: String = "kind"

    @Option(name: .customLong("cluster-by"), help: ArgumentHelp("Group stakeholders in boxes by this property (dot and fdp layouts).", valueName: "attr"))
    var clusterBy: String?

    @Option(help: ArgumentHelp("Stakeholders to emphasise, by id or label, comma-separated (and the ties between them).", valueName: "ids"))
    var highlight: String?

    @Option(help: ArgumentHelp("Node labels: label, id, none, or top:K (only the K largest by --size-by).", valueName: "mode"))
    var labels: String = "label"

    @Option(help: "Title (default: the network's name).")
    var title: String?

    @Option(help: ArgumentHelp("Weight ties by this tie column for --size-by measures.", valueName: "attr"))
    var weight: String?

    @Option(help: "Seed for the layout (neato, fdp, sfdp).")
    var seed: Int = 1

    @Option(help: "Resolution of PNG output, in dots per inch.")
    var dpi: Double?

    @Option(help: ArgumentHelp("Draw only the K stakeholders highest by --size-by (PageRank by default) and the ties among them.", valueName: "K"))
    var top: Int?

    @Option(help: ArgumentHelp("The page or screen the map is laid out for: screen (1,200 × 800 px), a4, letter, or WIDTHxHEIGHT in pixels.", valueName: "size"))
    var size: String = "screen"

    @Option(help: ArgumentHelp("How ties are drawn: all, merged (one line per pair, width by summed strength), strongest:K (each stakeholder's K strongest lines), or auto (merged above 3 ties per stakeholder, strongest:3 above 8).", valueName: "mode"))
    var ties: String = "auto"

    @Option(help: ArgumentHelp("Draw ties weaker than this share of the strongest faint (0 to 1; 0: none; default: below the median on dense maps).", valueName: "share"))
    var fade: Double?

    @Option(name: .customLong("group-by"), help: ArgumentHelp("Draw one node per group: the values of this stakeholder property, or community (Leiden's communities, unless the network has a property of that name). Area by members, fill by density within, lines by the ties between.", valueName: "attr"))
    var groupBy: String?

    @Option(name: .customLong("facet-by"), help: ArgumentHelp("Small multiples: one panel per value of this stakeholder property, every stakeholder at the same place in each, the others faded; one legend.", valueName: "attr"))
    var facetBy: String?

    @Flag(help: "Draw ties by how many respondents reported them (faint: one respondent only); every tie any respondent reported unless --consensus says otherwise.")
    var support = false

    @Option(name: .customLong("facet-step"), help: ArgumentHelp("With --facet-by period: years per panel (widened to fit 16 panels).", valueName: "years"))
    var facetStep: Int = 5

    /// The most panels a faceted picture draws.
    static let facetLimit = 16

    /// Whether the map is written as an explorable page (`-o map.html`).
    var isHTML: Bool { ["html", "htm"].contains((output as NSString).pathExtension.lowercased()) }

    /// The most stakeholders an explorable page draws one by one; above, it shows the group map by
    /// community and says why.
    static let interactiveLimit = 3000

    func validate() throws {
        if facetStep < 1 { throw ValidationError("--facet-step takes a number of years of at least 1") }
        if groupBy != nil && facetBy != nil { throw ValidationError("--group-by and --facet-by draw different pictures: choose one") }
        if groupBy != nil {
            for (name, used) in [("--size-by", sizeBy != nil), ("--top", top != nil), ("--highlight", highlight != nil), ("--cluster-by", clusterBy != nil), ("--color-by", colorBy != "kind")] where used {
                throw ValidationError("--group-by draws groups, not stakeholders: \(name) does not apply to it")
            }
        }
        _ = try pageSize()
        _ = try tieDrawing()
        if let fade, !(0 ... 1).contains(fade) { throw ValidationError("--fade takes a share from 0 to 1, not \(fade)") }
        guard isHTML || RenderFormat(fileExtension: (output as NSString).pathExtension) != nil else {
            throw ValidationError("-o must end in .svg, .png, .pdf, .dot or .gv, or .html for a map to explore, not '\(output)'")
        }
        _ = try labelMode()
        if let sizeBy {
            do { _ = try Measure.parseList(sizeBy) } catch let error as AnalysisError { throw ValidationError("--size-by: \(error.description)") }
        }
        if let dpi, !(dpi > 0 && dpi <= 1200) { throw ValidationError("--dpi takes a number from 1 to 1200") }
        if let top, top < 1 { throw ValidationError("--top takes a number of at least 1") }
    }

    func pageSize() throws -> DiagramSize {
        guard let parsed = DiagramSize(parsing: size) else {
            throw ValidationError("--size takes screen, a4, letter or WIDTHxHEIGHT in pixels (200 to 20000 each), not '\(size)'")
        }
        return parsed
    }

    func tieDrawing() throws -> TieDrawing {
        guard let parsed = TieDrawing(parsing: ties) else {
            throw ValidationError("--ties takes all, merged, strongest:K (K at least 1) or auto, not '\(ties)'")
        }
        return parsed
    }

    func labelMode() throws -> DiagramOptions.Labels {
        switch labels {
        case "label": return .label
        case "id": return .id
        case "none": return .none
        default:
            if labels.hasPrefix("top:"), let k = Int(labels.dropFirst(4)), k >= 0 { return .top(k) }
            throw ValidationError("--labels takes label, id, none or top:K, not '\(labels)'")
        }
    }

    func run() throws {
        // With --support, the picture of disagreement: every reported tie, unless a consensus is asked for.
        var network = try input.load(unlessAsked: support ? .union : nil)
        if support && !network.ties.contains(where: { $0.support > 0 }) {
            throw CommandFailure(message: "--support: no tie of \(input.network) was reported by respondents (give the ties table a respondent column)")
        }
        let format = isHTML ? .svg : RenderFormat(fileExtension: (output as NSString).pathExtension)!
        var options = DiagramOptions(colorBy: colorBy, clusterBy: clusterBy, labels: try labelMode(), title: title)
        options.size = try pageSize()
        options.ties = try tieDrawing()
        options.fadeBelow = fade
        options.bySupport = support
        var used: [String] = []
        if support { used.append("line width: respondents reporting the tie (\(network.consensusRule ?? "union"))") }
        var highlighted = try highlight.map { try StakeholderIDs.resolve($0, in: network, option: "--highlight") } ?? []
        let selection = try graphOptions.selection(for: network, weighting: GraphBuilding.weighting(for: weight, in: network), quiet: input.quiet)
        if selection.tieKinds != nil || selection.period != nil {
            // The map shows the chosen ties only (self-loops as recorded).
            var drawn = selection
            drawn.keepSelfLoops = true
            network = network.keepingTies(drawn)
            used.append([graphOptions.tieKinds.map { "ties: \($0)" }, graphOptions.period.map { "period \($0)" }].compactMap { $0 }.joined(separator: ", "))
        }
        if let groupBy {
            try renderGroups(network, by: groupBy, selection: selection, options: options, format: format, used: used)
            return
        }
        if isHTML && network.stakeholderCount > Self.interactiveLimit && top == nil && facetBy == nil {
            let why = "\(network.stakeholderCount) stakeholders are more than a page can show one by one and stay smooth (\(Self.interactiveLimit)); "
                + "this page shows the group map by community (draw the most central with --top K)"
            if !input.quiet { Terminal.warning(why) }
            used.append(why)
            try renderGroups(network, by: "community", selection: selection, options: options, format: format, used: used)
            return
        }
        if sizeBy != nil || top != nil {
            let measure = try Measure.parseList(sizeBy ?? "pagerank")[0]
            let graph = try GraphBuilding.graph(of: network, selection: selection)
            var scores = try graph.compute([measure], options: MeasureOptions(perComponent: true)).columns[0]
            if let top, top < network.stakeholderCount {
                // The map of the most central: the top K and the ties among them, and whoever is highlighted.
                let best = Set(scores.ranking.prefix(top))
                let extra = highlighted.filter { !best.contains($0) }
                let kept = (best.union(extra)).sorted()
                let position = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
                network = network.subnetwork(keeping: kept)
                scores = NodeScores(measure: scores.measure, values: kept.map { scores[$0] })
                highlighted = highlighted.map { position[$0]! }
                used.append("top \(top) by \(measure.rawValue)" + (extra.isEmpty ? "" : " and \(extra.count) highlighted"))
            }
            if sizeBy != nil {
                options.sizeBy = scores
                used.append("size: \(measure.rawValue)")
            }
        }
        options.highlight = Set(highlighted)
        let engine = layout?.value ?? Layout.suggested(for: network)
        used.append("layout \(engine.rawValue), seed \(seed)")
        options.caption = used.joined(separator: ", ")
        let diagram = try Diagram(network: network, options: options)
        if let facetBy {
            try drawFacets(network, by: facetBy, whole: diagram, options: options, engine: engine, format: format)
            return
        }
        let drawn = network
        try draw(diagram, count: network.stakeholderCount, word: "stakeholders", engine: engine, format: format) {
            InteractiveMap.model(network: drawn, diagram: diagram, measures: try Self.cardMeasures(drawn, selection: selection))
        }
    }

    /// The measures each stakeholder's card shows on an explorable map.
    static func cardMeasures(_ network: StakeholderNetwork, selection: GraphSelection) throws -> [(name: String, values: [Double])] {
        let graph = try GraphBuilding.graph(of: network, selection: selection)
        var measures: [Measure] = [.degree, .pagerank]
        if network.isDirected { measures = [.inDegree, .outDegree, .pagerank] }
        if network.stakeholderCount <= 5000 { measures.append(.betweenness) }
        let table = try graph.compute(measures, options: MeasureOptions(perComponent: true))
        return table.columns.map { column in (name: column.measure, values: (0 ..< network.stakeholderCount).map { column[$0] }) }
    }

    /// Writes the picture, or for `-o map.html` the page that explores it.
    func write(_ picture: RenderedPicture, model: () throws -> InteractiveMap.Model, title: String, caption: String) throws {
        if !input.quiet { for warning in picture.warnings { Terminal.warning(warning) } }
        guard isHTML else {
            try OutputFile.write(picture.bytes, to: output, inputs: [input.network])
            return
        }
        let component = try InteractiveMap.component(svg: picture.bytes, model: try model(), label: "Map of \(title).")
        try OutputFile.write(Data(InteractiveMap.page(title: title, component: component, caption: caption).utf8), to: output, inputs: [input.network])
    }

    /// One panel per value of `attribute`, the whole network laid out once.
    func drawFacets(_ network: StakeholderNetwork, by attribute: String, whole: Diagram, options: DiagramOptions, engine: Layout, format: RenderFormat) throws {
        if ["period", "periods", "year", "years"].contains(attribute.lowercased()) && network.property(named: attribute) == nil {
            return try drawPeriods(network, whole: whole, options: options, engine: engine, format: format)
        }
        let grouping = try network.grouping(by: attribute)
        let sizes = grouping.names.indices.map { g in grouping.groupOf.filter { $0 == g }.count }
        guard grouping.names.count <= Self.facetLimit else {
            throw ValidationError("--facet-by \(grouping.attribute) has \(grouping.names.count) values; a faceted picture holds at most \(Self.facetLimit) panels (choose some with --where \(grouping.attribute)=…, or draw a group map with --group-by \(grouping.attribute))")
        }
        let missing = grouping.groupOf.filter { $0 < 0 }.count
        if missing > 0 && !input.quiet {
            Terminal.warning("\(missing) of \(network.stakeholderCount) stakeholders have no \(grouping.attribute); they are in no panel (drawn faded in all)")
        }
        var panels: [FacetPanel] = []
        for (g, name) in grouping.names.enumerated() {
            var panelOptions = options
            panelOptions.faded = Set(network.stakeholders.indices.filter { grouping.groupOf[$0] != g })
            panels.append(FacetPanel(title: "\(grouping.attribute): \(name) (\(sizes[g]))", diagram: try Diagram(network: network, options: panelOptions)))
        }
        try drawPanels(panels, of: network, whole: whole, caption: "one panel per \(grouping.attribute), the others faded", unit: "panels", engine: engine, format: format)
    }

    /// One panel per span of `--facet-step` years: the ties active then, the rest faded.
    func drawPeriods(_ network: StakeholderNetwork, whole: Diagram, options: DiagramOptions, engine: Layout, format: RenderFormat) throws {
        guard let years = network.tieYears() else {
            throw CommandFailure(message: "\(network.tieFile ?? input.network): no tie records a year (start or end), so there are no periods to draw; --facet-by takes a stakeholder property instead")
        }
        let panels = try FacetPanel.periods(FacetPanel.spans(of: years, step: facetStep, limit: Self.facetLimit), of: network, options: options)
        try drawPanels(panels, of: network, whole: whole, caption: "one panel per period: the ties active then (from their start to their end year), stakeholders without one faded",
                       unit: "periods", engine: engine, format: format)
    }

    /// Lays out `whole` once, draws the panels on it and writes the picture (or the page, for .html).
    func drawPanels(_ panels: [FacetPanel], of network: StakeholderNetwork, whole: Diagram, caption: String, unit: String, engine: Layout, format: RenderFormat) throws {
        var whole = whole
        whole.caption += " · " + caption
        let progress = Progress(quiet: input.quiet)
        progress.say("laying out \(network.stakeholderCount) stakeholders with \(engine.rawValue) for \(panels.count) \(unit)")
        let picture = try GraphvizRenderer.render(facets: panels, whole: whole, layout: engine, format: format, seed: seed, dpi: dpi,
                                                  isolation: graphviz.isolation, target: (output as NSString).lastPathComponent)
        progress.done()
        let selection = try graphOptions.selection(for: network, weighting: GraphBuilding.weighting(for: weight, in: network), quiet: true)
        try write(picture, model: { InteractiveMap.model(network: network, diagram: whole, measures: try Self.cardMeasures(network, selection: selection)) },
                  title: whole.title, caption: whole.caption)
    }

    /// The group map: one node per group.
    func renderGroups(_ network: StakeholderNetwork, by attribute: String, selection: GraphSelection, options: DiagramOptions, format: RenderFormat, used: [String]) throws {
        var options = options, used = used
        let grouping: Grouping
        if attribute.lowercased() == "community" && network.property(named: attribute) == nil {
            let graph = try GraphBuilding.graph(of: network, selection: selection)
            let progress = Progress(quiet: input.quiet)
            progress.say("finding communities among \(graph.nodeCount) stakeholders")
            let partition = graph.communities(seed: UInt64(Swift.max(seed, 0)))
            progress.done()
            grouping = partition.grouping(isolated: (0 ..< graph.nodeCount).map { graph.outDegree(of: $0) + graph.inDegree(of: $0) == 0 })
            used.append("communities: Leiden, seed \(seed)")
        } else {
            grouping = try network.grouping(by: attribute)
            let missing = grouping.groupOf.filter { $0 < 0 }.count
            if missing > 0 && !input.quiet {
                Terminal.warning("\(missing) of \(network.stakeholderCount) stakeholders have no \(grouping.attribute); they are drawn as one group, 'no \(grouping.attribute)'")
            }
        }
        let groups = Set(grouping.groupOf).count
        if groups > Diagram.groupMapLimit && !input.quiet {
            Terminal.warning("\(groups) groups by \(grouping.attribute): the \(Diagram.groupMapLimit - 1) largest are drawn, the rest as one node, 'other groups'")
        }
        let engine = layout?.value ?? (groups <= 150 ? .neato : .sfdp)
        used.append("layout \(engine.rawValue), seed \(seed)")
        options.caption = used.joined(separator: ", ")
        let diagram = try Diagram(groupsOf: network, grouping: grouping, options: options)
        try draw(diagram, count: diagram.nodes.count, word: "groups", engine: engine, format: format) {
            InteractiveMap.model(groupDiagram: diagram, name: network.name)
        }
    }

    func draw(_ diagram: Diagram, count: Int, word: String, engine: Layout, format: RenderFormat, model: () throws -> InteractiveMap.Model) throws {
        let progress = Progress(quiet: input.quiet)
        progress.say("laying out \(count) \(word) with \(engine.rawValue)")
        let picture = try GraphvizRenderer.render(diagram, layout: engine, format: format, seed: seed, dpi: dpi,
                                                  isolation: graphviz.isolation, target: (output as NSString).lastPathComponent)
        progress.done()
        try write(picture, model: model, title: diagram.title, caption: diagram.caption)
    }
}

enum LayoutOption: String, ExpressibleByArgument, CaseIterable {
    case dot, neato, fdp, sfdp, circo, twopi
    var value: Layout { Layout(rawValue: rawValue)! }
}
