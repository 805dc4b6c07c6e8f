import Foundation
import GraphvizRendering
import Mustache
import NetworkDiffusion
import NetworkMetrics
import NetworkModel
import NetworkPerception
import SectorComparison

/// One self-contained HTML page about a network (`stakenet report`): summary and provenance, the map,
/// key stakeholders and brokers, communities, innovation diffusion, and the sector comparison. Nothing is
/// fetched when it is opened: styles, script, maps and charts are all in the page. Every string from the
/// input is escaped by the template engine (swift-mustache, HTML escaping) or, inside SVG, by Graphviz.
public enum NetworkReport {
    /// The report's HTML. `progress` is told each step as it starts; `warning` what the reader of the
    /// report should know about how it was made (a map drawn again with safer settings, for example).
    /// - Throws: `AnalysisError`, `RenderError` or `ComparisonError` when an analysis cannot be made.
    public static func html(for network: StakeholderNetwork, options: ReportOptions = ReportOptions(),
                            progress: ((String) -> Void)? = nil, warning: ((String) -> Void)? = nil) throws -> String {
        let page = try ReportBuilder(network: network, options: options, progress: progress, warning: warning).page()
        let template = try MustacheTemplate(string: ReportTemplate.html)
        return template.render(page)
    }
}

/// Draws the report's maps, each an explorable `InteractiveMap` whose cards show the report's measures.
struct MapMaker {
    let builder: ReportBuilder
    /// Card measures of the whole network, by stakeholder.
    let card: [(name: String, values: [Double])]

    /// `network` is the whole network or the part of it at `kept` (indices into the whole).
    func render(_ network: StakeholderNetwork, kept: [Int]?, sizeBy: NodeScores, colorBy: String = "kind", highlight: Set<Int> = [], arcs: Set<DiagramArc> = [],
                caption: String, parents: [Int]? = nil, pathProbability: [Double]? = nil) throws -> String {
        let options = builder.options
        var diagramOptions = DiagramOptions(sizeBy: sizeBy, colorBy: colorBy, labels: network.stakeholderCount <= 60 ? .label : .top(25), caption: caption,
                                            date: options.date ?? Diagram.reproducibleDate())
        diagramOptions.highlight = highlight
        diagramOptions.highlightArcs = arcs
        diagramOptions.pathCaption = "likeliest diffusion tree"
        let diagram = try Diagram(network: network, options: diagramOptions)
        let picture = try GraphvizRenderer.render(diagram, layout: Layout.suggested(for: network), format: .svg, seed: Int(options.seed),
                                                  isolation: options.graphviz, target: "the map of \(network.name)")
        for message in picture.warnings { builder.warning?(message) }
        let measures = card.map { column in (name: column.name, values: kept.map { $0.map { column.values[$0] } } ?? column.values) }
        let model = InteractiveMap.model(network: network, diagram: diagram, measures: measures, parents: parents, pathProbability: pathProbability,
                                         pathCaption: "likeliest path from the first adopters")
        return try InteractiveMap.component(svg: picture.bytes, model: model,
                                            label: "Map of \(network.name): \(network.stakeholderCount) stakeholders and \(network.tieCount) ties. \(caption).")
    }
}

/// Works out every section of the page.
struct ReportBuilder {
    let network: StakeholderNetwork
    let options: ReportOptions
    let progress: ((String) -> Void)?
    let warning: ((String) -> Void)?
    let graph: Graph

    init(network: StakeholderNetwork, options: ReportOptions, progress: ((String) -> Void)?, warning: ((String) -> Void)? = nil) throws {
        self.network = network
        self.options = options
        self.progress = progress
        self.warning = warning
        graph = try network.graph().unweighted()
    }

    func say(_ step: String) { progress?(step) }

    /// The communities of an imported `community` column (label propagation on Spark, say), with their modularity.
    func importedCommunitySentence() -> String {
        guard let column = options.importedScores.first(where: { $0.scores.measure == "community" }) else { return "" }
        var numbering: [Double: Int] = [:]
        var labels: [Int] = []
        var next = Int(column.scores.values.count)
        for value in column.scores.values {
            if value.isNaN { labels.append(next); next += 1; continue }  // no value: alone
            if let known = numbering[value] { labels.append(known) } else { numbering[value] = numbering.count; labels.append(numbering.count - 1) }
        }
        // Renumber densely so that stakeholders without a value are each their own community.
        var dense: [Int: Int] = [:]
        let partition = Partition(labels: labels.map { label in dense[label] ?? { dense[label] = dense.count; return dense.count - 1 }() })
        let q = graph.modularity(of: partition, resolution: 1, asUndirected: true)
        return " The communities read from \(column.source) number \(numbering.count), with modularity \(Self.number(q)) on the same ties."
    }

    static func number(_ value: Double) -> String { GroupComparison.brief(value) }
    static func sortKey(_ value: Double) -> String { value.isFinite ? String(value) : "" }

    func page() throws -> ReportPage {
        let n = network.stakeholderCount
        let date = options.date ?? Diagram.reproducibleDate()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let title = options.title ?? network.name

        say("summary")
        let summary = NetworkSummary(network: network, graph: graph, exactLimit: 2000, threads: options.threads)
        let kindNames = summary.stakeholdersByKind.map { ReportPage.Pair(name: $0.name, value: String($0.count)) }
        let sectorNames = summary.stakeholdersBySector.map { ReportPage.Pair(name: $0.name, value: String($0.count)) }
        var figures: [ReportPage.Pair] = [
            .init(name: "stakeholders", value: String(n)),
            .init(name: "ties", value: String(network.tieCount)),
            .init(name: "direction", value: network.isDirected ? "directed (ties run one way)" : "undirected"),
            .init(name: "density (share of possible ties present)", value: Self.number(summary.density)),
            .init(name: "components (separate parts)", value: "\(summary.components); the largest has \(summary.largestComponent) stakeholders"),
            .init(name: "stakeholders without ties", value: String(summary.isolates.count)),
            .init(name: summary.isDirected ? "transitivity, ties read both ways (how often partners of partners are partners)"
                : "transitivity (how often partners of partners are partners)", value: Self.number(summary.transitivity)),
        ]
        if let directed = summary.directedTransitivity {
            figures.append(.init(name: "directed transitivity (how often a → b → c comes with a → c)", value: Self.number(directed)))
        }
        if let reciprocity = summary.reciprocity { figures.append(.init(name: "reciprocity (ties returned)", value: Self.number(reciprocity))) }
        if let paths = summary.paths { figures.append(.init(name: "average path length (steps between stakeholders)", value: Self.number(paths.averagePathLength))) }
        if let period = summary.period { figures.append(.init(name: "period of the ties", value: "\(period.lowerBound)–\(period.upperBound)")) }
        let summarySentence = "\(network.name) has \(n) stakeholders and \(network.tieCount) ties; "
            + (summary.components == 1 ? "all of them are connected, " : "they form \(summary.components) separate parts, ")
            + "and \(Self.percent(summary.density)) of the possible ties are present."

        say("centrality")
        func imported(_ name: String) -> NodeScores? { options.importedScores.first { $0.scores.measure == name }?.scores }
        let degree = imported("degree") ?? graph.degree()
        let importedBetweenness = imported("betweenness")
        let betweennessMethod = BetweennessMethod.automatic(for: graph, requested: options.approximateSources,
                                                            exact: options.exactBetweenness, seed: options.seed)
        let betweenness = importedBetweenness ?? graph.betweenness(betweennessMethod, threads: options.threads)
        let pagerank = try imported("pagerank") ?? graph.pagerank()
        let extraColumns = options.importedScores.filter { !ImportedMeasure.replaceable.contains($0.scores.measure) }
        // Harmonic closeness is one search per stakeholder, as exact betweenness: sampled alike.
        let harmonic = graph.harmonic(betweennessMethod, threads: options.threads)
        let constraint = graph.structuralHoles().constraint
        let core = graph.coreNumber()

        say("map")
        let card: [(name: String, values: [Double])] = [("degree", degree.values), ("pagerank", pagerank.values), ("betweenness", betweenness.values),
                                                        ("harmonic", harmonic.values), ("constraint", constraint.values), ("core", core.values)]
        let maps = MapMaker(builder: self, card: card)
        let (map, mapNote) = try mainMap(pagerank: pagerank, maps: maps)
        let overview = n > options.mapLimit ? try overviewMap(maps: maps) : nil
        let groupMaps = try options.by.map { try self.groupMaps(by: $0, pagerank: pagerank, maps: maps) } ?? []

        // Key stakeholders, most central by PageRank first.
        let shown = pagerank.ranking.prefix(n <= 300 ? n : 200)
        let columns: [ReportPage.Column] = [
            .init(name: "rank", help: "position by PageRank"), .init(name: "stakeholder", help: "label"), .init(name: "kind", help: "kind of organisation"),
            .init(name: "sector", help: "sector"), .init(name: "degree", help: "number of partners"),
            .init(name: "betweenness", help: "share of shortest paths running through them (brokering)"
                  + (importedBetweenness == nil && !betweennessMethod.isExact ? "; estimated from sampled stakeholders' paths (see Settings)" : "")),
            .init(name: "pagerank", help: "influence from being tied to influential stakeholders"),
            .init(name: "harmonic", help: "closeness: how near they are to everyone else"
                  + (!betweennessMethod.isExact ? "; estimated from sampled stakeholders' paths (see Settings)" : "")),
            .init(name: "constraint", help: "Burt's constraint: high when partners are tied to each other (few structural holes)"),
            .init(name: "core", help: "k-core: the most cohesive group they belong to"),
        ] + extraColumns.map { .init(name: $0.scores.measure, help: "computed elsewhere: read from \($0.source)") }
        let rows = shown.enumerated().map { rank, v -> ReportPage.StakeholderRow in
            let s = network.stakeholders[v]
            let numbers = [degree[v], betweenness[v], pagerank[v], harmonic[v], constraint[v], core[v]] + extraColumns.map { $0.scores[v] }
            return ReportPage.StakeholderRow(cells: [ReportPage.Cell(text: String(rank + 1), sort: String(rank + 1)),
                                                     ReportPage.Cell(text: s.label, sort: s.label),
                                                     ReportPage.Cell(text: s.kind?.name ?? "", sort: s.kind?.name ?? ""),
                                                     ReportPage.Cell(text: s.sector ?? "", sort: s.sector ?? "")]
                + numbers.map { ReportPage.Cell(text: Self.number($0), sort: Self.sortKey($0)) })
        }
        let stakeholderNote = shown.count < n ? "The \(shown.count) stakeholders with the highest PageRank of \(n); `stakenet metrics` lists everyone." : "All \(n) stakeholders."

        say("brokerage")
        let (brokerSentence, brokerColumns, brokerRows) = brokers()

        say("communities")
        let partition = graph.communities(seed: options.seed)
        let modularity = graph.modularity(of: partition, resolution: 1, asUndirected: true)
        let communities = partition.members.enumerated().sorted { $0.element.count > $1.element.count }.prefix(20).map { index, members in
            var kinds: [String: Int] = [:]
            for v in members { kinds[network.stakeholders[v].kind?.name ?? "(none)", default: 0] += 1 }
            let kindText = kinds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let ordered = members.sorted { pagerank[$0] > pagerank[$1] }
            var names = ordered.prefix(25).map { network.stakeholders[$0].label }.joined(separator: ", ")
            if members.count > 25 { names += ", and \(members.count - 25) more" }
            return ReportPage.Community(number: index + 1, size: members.count, kinds: kindText, members: names)
        }
        let communitySentence = "Communities are groups of stakeholders more tied among themselves than to others: Leiden finds \(partition.count), "
            + "with modularity \(Self.number(modularity)) (0 is no more than chance; above 0.3 is a clear community structure)."
            + (partition.count > 20 ? " The 20 largest are listed." : "")
            + importedCommunitySentence()

        say("diffusion")
        let transmission = try TransmissionGraph(network: network, probability: options.probability)
        let diffusion = try self.diffusion(pagerank: pagerank, transmission: transmission, maps: maps)

        say("change over time")
        let time = try timeSection(seeds: diffusion.seeds, pagerank: pagerank, staticSpread: diffusion.spread)

        say("whose view")
        let views = try viewsSection(pagerank: pagerank)

        var comparison = ComparisonSection.none
        if let by = options.by {
            say("comparison")
            comparison = try compare(by: by, transmission: transmission, betweenness: (betweennessMethod, importedBetweenness == nil ? betweenness.values : nil))
        }

        var settings: [ReportPage.Pair] = [
            .init(name: "StakeNet", value: StakeNetVersion.current),
            .init(name: "random seed", value: String(options.seed)),
            .init(name: "diffusion runs", value: String(options.runs)),
            .init(name: "permutations (comparison)", value: options.by == nil ? "no comparison" : String(options.permutations)),
            .init(name: "tie probability", value: Self.describe(options.probability)),
            .init(name: "communities", value: "Leiden, resolution 1, seed \(options.seed)"),
        ]
        if importedBetweenness == nil || options.by != nil {
            settings.append(.init(name: "betweenness", value: betweennessMethod.description(nodeCount: n)
                + (betweennessMethod.isExact ? "" : "; exact would take one shortest-path search per stakeholder (--exact-betweenness)")))
        }
        if !betweennessMethod.isExact {
            settings.append(.init(name: "harmonic closeness", value: betweennessMethod.description(nodeCount: n, estimate: "Eppstein and Wang's")
                + "; --exact-betweenness makes it exact too"))
        }
        for measure in options.importedScores {
            let use = ImportedMeasure.replaceable.contains(measure.scores.measure) ? "used in place of StakeNet's own" : "a column of the key stakeholders' table"
            settings.append(.init(name: measure.scores.measure, value: "computed elsewhere, read from \(measure.source); \(use)"))
        }
        if options.interviews != nil { settings.insert(.init(name: "consensus of respondents' reports", value: "\(options.consensus): \(options.consensus.explanation)"), at: 1) }
        if let selection = options.selection { settings.insert(.init(name: "selection", value: selection), at: 1) }
        return ReportPage(
            title: title,
            lead: "A report on the stakeholder network \(network.name)" + (network.description.map { ": \($0)" } ?? "") + ".",
            date: formatter.string(from: date), version: StakeNetVersion.current,
            summarySentence: summarySentence, figures: figures, stakeholdersByKind: kindNames, stakeholdersBySector: sectorNames,
            hasSectors: sectorNames.contains { $0.name != NetworkSummary.noneLabel }, tiesByKind: summary.tiesByKind.map { .init(name: $0.name, value: String($0.count)) },
            mapStyle: InteractiveMap.style, mapScript: InteractiveMap.script,
            overview: overview ?? .init(svg: "", caption: ""), hasOverview: overview != nil,
            map: map, mapNote: mapNote, hasMapNote: !mapNote.isEmpty, groupMaps: groupMaps, hasGroupMaps: !groupMaps.isEmpty,
            groupMapsSentence: "Each group of \(options.by ?? "") on its own: its members and the ties among them.",
            stakeholderColumns: columns, stakeholderRows: rows, stakeholderNote: stakeholderNote,
            brokerSentence: brokerSentence, brokerColumns: brokerColumns, brokerRows: brokerRows, hasBrokers: !brokerRows.isEmpty,
            communitySentence: communitySentence, communities: Array(communities),
            diffusionSentence: diffusion.sentence, seedSentence: diffusion.seedSentence, chart: diffusion.chart,
            treeMap: diffusion.treeMap ?? .init(svg: "", caption: ""), hasTreeMap: diffusion.treeMap != nil, adopterRows: diffusion.adopters,
            hasTime: time.present, timeSentence: time.sentence, timeChart: time.chart, timeRows: time.rows, timePanels: time.panels,
            hasTimePanels: time.hasPanels, timeDiffusionSentence: time.diffusionSentence, timeDiffusionChart: time.diffusionChart,
            hasTimeDiffusion: !time.diffusionChart.isEmpty,
            hasViews: views.present, viewsSentence: views.sentence, viewsRoles: views.roles, viewsAgreement: views.agreement, viewsFurthest: views.furthest,
            viewsPerceptionSentence: views.perceptionSentence, viewsScatter: views.scatter, hasViewsScatter: views.hasScatter,
            viewsDisputed: views.disputed, hasViewsDisputed: !views.disputed.isEmpty,
            hasComparison: comparison.present, comparisonSentence: comparison.sentence, comparisonColumns: comparison.columns,
            comparisonRows: comparison.rows, significant: comparison.significant, hasSignificant: !comparison.significant.isEmpty,
            notSignificant: comparison.notSignificant, untested: comparison.untested, hasUntested: !comparison.untested.isEmpty,
            caution: comparison.caution,
            inputs: InputFingerprint.of(options.inputs + Set(options.importedScores.map(\.source)).sorted()).map { .init(path: $0.path, bytes: $0.bytes, sha256: $0.sha256) },
            invocation: options.invocation, settings: settings)
    }

    static func percent(_ share: Double) -> String {
        share >= 0.01 ? String(format: "%.0f%%", share * 100) : String(format: "%.2g%%", share * 100)
    }

    static func describe(_ probability: TieProbability) -> String {
        switch probability {
        case .constant(let p): return "\(GroupComparison.brief(p)) on every tie"
        case .attribute(let name): return "from the tie column '\(name)'"
        case .strength: return "each tie's weight"
        case .byKind(let table, let otherwise):
            return table.sorted { $0.key.name < $1.key.name }.map { "\($0.key.name) \(GroupComparison.brief($0.value))" }.joined(separator: ", ") + ", others \(GroupComparison.brief(otherwise))"
        }
    }


    // MARK: Maps

    /// The whole network, or its `mapLimit` stakeholders of highest PageRank; filled by `--by` when given.
    func mainMap(pagerank: NodeScores, maps: MapMaker) throws -> (ReportPage.Figure, String) {
        let n = network.stakeholderCount
        var mapped = network, scores = pagerank, note = "", kept: [Int]?
        if n > options.mapLimit {
            let top = Array(pagerank.ranking.prefix(options.mapLimit)).sorted()
            mapped = network.subnetwork(keeping: top)
            scores = NodeScores(measure: "pagerank", values: top.map { pagerank[$0] })
            kept = top
            note = "The map shows the \(options.mapLimit) stakeholders of \(n) with the highest PageRank, and the ties among them; the map of groups above it shows the whole network."
        }
        let colour = options.by ?? "kind"
        let figure = try maps.render(mapped, kept: kept, sizeBy: scores, colorBy: colour, caption: "node area: PageRank" + (colour == "kind" ? "" : ", fill: \(colour)"))
        let fill = colour == "kind" ? "fill colour and shape show each stakeholder's kind" : "fill colour shows each stakeholder's \(colour), shape its kind"
        return (ReportPage.Figure(svg: figure, caption: "The stakeholder map: \(fill), node area its PageRank, line style and colour the tie's kind, line width its strength (see the legend under the map). Find a stakeholder, choose one for its card, focus on its neighbourhood, filter by kind, sector, tie kind or year, and zoom with the wheel or the buttons."), note)
    }

    /// The whole of a network too large to draw stakeholder by stakeholder: one node per group of `--by`,
    /// or per community.
    func overviewMap(maps: MapMaker) throws -> ReportPage.Figure {
        let grouping: Grouping
        if let by = options.by {
            grouping = try network.grouping(by: by, missingAsGroup: false)
        } else {
            let partition = graph.communities(seed: options.seed)
            grouping = partition.grouping(isolated: (0 ..< graph.nodeCount).map { graph.outDegree(of: $0) + graph.inDegree(of: $0) == 0 })
        }
        var diagramOptions = DiagramOptions(caption: "", date: options.date ?? Diagram.reproducibleDate())
        diagramOptions.title = "\(network.name) by \(grouping.attribute)"
        let diagram = try Diagram(groupsOf: network, grouping: grouping, options: diagramOptions)
        let layout: Layout = diagram.nodes.count <= 150 ? .neato : .sfdp
        let picture = try GraphvizRenderer.render(diagram, layout: layout, format: .svg, seed: Int(options.seed), isolation: options.graphviz, target: "the map of groups")
        for message in picture.warnings { warning?(message) }
        let component = try InteractiveMap.component(svg: picture.bytes, model: InteractiveMap.model(groupDiagram: diagram, name: network.name),
                                                     label: "Map of \(network.name) by \(grouping.attribute): \(diagram.nodes.count) groups.")
        return ReportPage.Figure(svg: component, caption: "The whole network, one circle per \(grouping.attribute == "community" ? "community (Leiden)" : grouping.attribute): circle area by members, fill by the density of ties within (darker: denser), line width by the ties between. \(network.stakeholderCount) stakeholders are too many to draw one by one.")
    }

    func groupMaps(by attribute: String, pagerank: NodeScores, maps: MapMaker) throws -> [ReportPage.Figure] {
        let grouping = try network.grouping(by: attribute, missingAsGroup: options.missingAsGroup)
        let members = grouping.members
        let chosen = options.groups.map { names in names.compactMap { grouping.index(of: $0) } }
            ?? Array(grouping.names.indices.sorted { members[$0].count > members[$1].count }.prefix(8))
        return try chosen.compactMap { g in
            let group = members[g]
            guard group.count >= 2, group.count <= options.mapLimit else { return nil }
            let sub = network.subnetwork(keeping: group, name: "\(network.name): \(grouping.names[g])")
            let svg = try maps.render(sub, kept: group, sizeBy: NodeScores(measure: "pagerank", values: group.map { pagerank[$0] }), caption: "\(attribute) = \(grouping.names[g])")
            return ReportPage.Figure(svg: svg, caption: "\(attribute) \(grouping.names[g]): \(group.count) stakeholders and \(sub.tieCount) ties among them.")
        }
    }

    // MARK: Brokers

    func brokers() -> (String, [String], [ReportPage.TextRow]) {
        let attribute = options.by ?? "kind"
        guard let grouping = try? network.grouping(by: attribute, missingAsGroup: options.missingAsGroup), grouping.count >= 2 else {
            return ("Brokerage roles need stakeholders in groups (a kind or a sector); this network has none.", [], [])
        }
        let result = graph.brokerage(groupOf: grouping.groupOf)
        let top = (0 ..< network.stakeholderCount).filter { grouping.groupOf[$0] >= 0 && result.counts[$0][5] > 0 }
            .sorted { result.counts[$0][5] > result.counts[$1][5] }.prefix(10)
        let rows = top.map { v -> ReportPage.TextRow in
            let c = result.counts[v]
            return .init(cells: [network.stakeholders[v].label, grouping.names[grouping.groupOf[v]]] + c.map { Self.number($0) })
        }
        var sentence = "Brokers stand between others who are not tied to each other. Gould and Fernandez's roles by \(attribute): a coordinator brokers within its own group, "
            + "a consultant between members of another group, a representative passes its group's ties out, a gatekeeper lets others in, and a liaison links two other groups."
        let ungrouped = grouping.ungrouped.count
        if ungrouped > 0 {
            sentence += " \(ungrouped) stakeholder\(ungrouped == 1 ? " has" : "s have") no \(attribute) and \(ungrouped == 1 ? "is" : "are") left out: no path through them is counted."
        }
        return (sentence, ["stakeholder", attribute, "coordinator", "consultant", "representative", "gatekeeper", "liaison", "total"], rows)
    }

    // MARK: Diffusion

    struct DiffusionSection {
        let sentence: String
        let seedSentence: String
        let chart: String
        let treeMap: ReportPage.Figure?
        let adopters: [ReportPage.TextRow]
        let seeds: [Int]
        let spread: Double
    }

    func diffusion(pagerank: NodeScores, transmission: TransmissionGraph, maps: MapMaker) throws -> DiffusionSection {
        let seeds: [Int]
        let seedSentence: String
        if let chosen = options.seeds, !chosen.isEmpty {
            seeds = chosen
            seedSentence = "First adopters, as chosen: \(chosen.map { network.stakeholders[$0].label }.joined(separator: ", "))."
        } else {
            let selection = transmission.maximizeInfluence(k: Swift.min(options.seedCount, network.stakeholderCount), seed: options.seed, threads: options.threads)
            seeds = selection.seeds
            seedSentence = "No first adopters were named, so StakeNet chose the \(seeds.count) from which an innovation spreads furthest (influence maximisation): \(seeds.map { network.stakeholders[$0].label }.joined(separator: ", "))."
        }
        let result = transmission.simulate(.independentCascade, seeds: seeds, settings: DiffusionSettings(runs: options.runs, seed: options.seed, threads: options.threads))
        let spread = result.expectedSpread
        let sentence = "How an innovation could spread: starting from the first adopters, each tie passes it on once, with probability \(Self.describe(options.probability)) "
            + "(an independent cascade, \(options.runs) simulated runs). On average \(Self.number(spread.mean)) of \(network.stakeholderCount) stakeholders adopt "
            + "(95% interval of the mean \(Self.number(spread.mean - 1.96 * spread.standardError)) to \(Self.number(spread.mean + 1.96 * spread.standardError)))."
        let chart = AdoptionChart.svg(result.curve, stakeholders: network.stakeholderCount)
        var treeMap: ReportPage.Figure?
        if network.stakeholderCount <= options.mapLimit {
            let tree = transmission.likeliestTree(from: seeds)
            var arcs = Set<DiagramArc>()
            for (v, parent) in tree.parent.enumerated() where parent >= 0 && tree.probability[v] >= 0.001 { arcs.insert(DiagramArc(from: parent, to: v)) }
            let parents = tree.parent.indices.map { v in tree.parent[v] >= 0 ? tree.parent[v] : (seeds.contains(v) ? -1 : -2) }
            let svg = try maps.render(network, kept: nil, sizeBy: pagerank, highlight: Set(seeds), arcs: arcs, caption: "likeliest diffusion tree from the first adopters",
                                      parents: parents, pathProbability: tree.probability)
            treeMap = ReportPage.Figure(svg: svg, caption: "The likeliest way the innovation travels from the first adopters (outlined in orange) to each stakeholder it can reach: thick blue lines, drawn where the chance of the whole path is at least 0.1%. Choose a stakeholder to see its path.")
        }
        let adopters = result.adoptionProbability.indices.filter { !seeds.contains($0) }.sorted { result.adoptionProbability[$0] > result.adoptionProbability[$1] }.prefix(10)
            .map { v in ReportPage.TextRow(cells: [network.stakeholders[v].label, network.stakeholders[v].kind?.name ?? "",
                                                   String(format: "%.1f%%", 100 * result.adoptionProbability[v]),
                                                   result.meanStep[v].isFinite ? String(format: "%.1f", result.meanStep[v]) : "–"]) }
        return DiffusionSection(sentence: sentence, seedSentence: seedSentence, chart: chart, treeMap: treeMap, adopters: Array(adopters), seeds: seeds, spread: spread.mean)
    }

    // MARK: Comparison

    struct ComparisonSection {
        var present = false
        var sentence = ""
        var columns: [String] = []
        var rows: [ReportPage.TextRow] = []
        var significant: [String] = []
        var notSignificant = ""
        var untested = ""
        var caution = ""
        static let none = ComparisonSection()
    }

    /// - Parameter betweenness: how betweenness is computed, and its values when the report computed them
    ///   (the comparison's members' betweenness is then the same figure as the table's).
    func compare(by attribute: String, transmission: TransmissionGraph,
                 betweenness: (method: BetweennessMethod, values: [Double]?)) throws -> ComparisonSection {
        var grouping = try network.grouping(by: attribute, missingAsGroup: options.missingAsGroup)
        // The groups asked for, else the largest (at most 8), are compared; the rest are held fixed as (other).
        let members = grouping.members
        var compared = grouping.count
        if grouping.count > 8 || options.groups != nil {
            let chosen = options.groups.map { names in names.compactMap { grouping.index(of: $0) } }
                ?? Array(grouping.names.indices.filter { grouping.names[$0] != Grouping.missingName }.sorted { members[$0].count > members[$1].count }.prefix(8))
            let order = Array(chosen)
            let groupOf = grouping.groupOf.map { $0 < 0 ? Grouping.noGroup : (order.firstIndex(of: $0) ?? order.count) }
            let others = groupOf.contains(order.count)
            grouping = Grouping(attribute: attribute, names: order.map { grouping.names[$0] } + (others ? ["(other)"] : []), groupOf: groupOf)
            compared = order.count
        }
        let ungrouped = grouping.ungrouped.count
        let kinds = try? network.grouping(by: "kind")
        let reach = transmission.reachFromEach(runs: Swift.min(options.runs, 1000), seed: options.seed, threads: options.threads).mean
        let profiler = try GroupProfiler(graph: graph, partnerKind: kinds?.groupOf ?? network.stakeholders.map { _ in -1 },
                                         kindNames: kinds?.names ?? [], reach: reach,
                                         leftOut: grouping.groupOf.map { $0 < 0 }, betweenness: betweenness.method,
                                         betweennessValues: betweenness.values, threads: options.threads)
        let result = try GroupComparison.compare(profiler, grouping: grouping,
                                                 settings: .init(permutations: options.permutations, bootstrap: 1000, seed: options.seed, threads: options.threads),
                                                 comparedGroups: compared)
        var section = ComparisonSection()
        section.present = true
        section.sentence = "How the groups of \(attribute) differ. Each difference is checked against \(options.permutations) random reshufflings of the group labels over the same network: "
            + "a difference is called significant when fewer than 5% of reshufflings give one as large (p < 0.05)."
            + (ungrouped > 0 ? " \(ungrouped) stakeholder\(ungrouped == 1 ? " has" : "s have") no \(attribute): in no group, never reshuffled, and their ties count neither within nor between groups." : "")
        section.columns = ["figure"] + (0 ..< result.groupNames.count).map { "\(result.groupNames[$0]) (\(result.sizes[$0]))" }
        section.rows = result.measures.indices.map { m in
            ReportPage.TextRow(cells: [result.measures[m].name] + result.groupNames.indices.map { g in
                var text = Self.number(result.values[m][g])
                if let interval = result.intervals[m][g] { text += " [\(Self.number(interval.lower)), \(Self.number(interval.upper))]" }
                return text
            })
        }
        let findings = result.findings()
        section.significant = findings.filter(\.significant).map(\.sentence)
        section.notSignificant = findings.filter { $0.tested && !$0.significant }.map(\.measure).joined(separator: ", ")
        section.untested = findings.filter { !$0.tested }.map(\.measure).joined(separator: ", ")
        section.caution = ([result.multipleTestingNote()].compactMap { $0 } + result.notes.map { $0 + "." }).joined(separator: " ")
        return section
    }
}
