import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a network: stakeholders by kind and sector, ties by kind, density, components, isolates.",
        discussion: """
        Examples:
          stakenet info Networks/mutuals-research
          stakenet info ties.csv --undirected --format json
          stakenet info Networks/mutuals-research --tie-kinds funding,support --period 2010-2012
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions

    @Flag(name: .customLong("exact-paths"), help: "Search from every node for path figures and centralizations, however large the network.")
    var exactPaths = false

    @Option(help: "table (aligned text) or json.")
    var format: OutputFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let network = try input.load()
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: input.quiet))
        let summary = NetworkSummary(network: network, graph: graph, exactLimit: exactPaths ? nil : 10_000)
        let text: String
        switch format {
        case .json: text = try JSONOutput.encode(InfoDocument(summary: summary, network: network))
        case .table: text = InfoCommand.render(summary) + InfoCommand.interviews(network)
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }

    /// Who reported the ties, when respondents did, and which consensus the figures above describe.
    static func interviews(_ network: StakeholderNetwork) -> String {
        guard !network.respondents.isEmpty else { return "" }
        var roles: [String: Int] = [:]
        for r in network.respondents { roles[r.role ?? "no role given", default: 0] += 1 }
        let listing = roles.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var text = "\n" + "respondents: \(network.respondents.count) (\(listing)); \(network.perceptions.count) influence ratings\n"
        if let rule = network.consensusRule { text += "the figures above describe their consensus \(rule) (--consensus METHOD for another)\n" }
        return text
    }

    static func render(_ summary: NetworkSummary) -> String {
        func number(_ value: Double) -> String { String(format: "%.4g", value) }
        var text = "\(summary.name) (\(summary.isDirected ? "directed" : "undirected"))\n"
        if let description = summary.description { text += "\(description)\n" }
        var figures: [[String]] = [
            ["stakeholders", "\(summary.stakeholders)"],
            ["ties", "\(summary.ties)" + (summary.selfLoops > 0 ? " (\(summary.selfLoops) self-loops)" : "")],
            ["\(summary.isDirected ? "arcs" : "edges") in graph", "\(summary.graphEdges)"],
            ["density", number(summary.density)],
            ["mean degree", number(summary.meanDegree)],
            ["components", "\(summary.components) (largest: \(summary.largestComponent) stakeholders)"],
        ]
        if summary.isDirected { figures.append(["strong components", "\(summary.strongComponents)"]) }
        let shown = summary.isolates.prefix(10).joined(separator: ", ") + (summary.isolates.count > 10 ? ", …" : "")
        figures.append(["isolates", summary.isolates.isEmpty ? "0" : "\(summary.isolates.count): \(shown)"])
        if let period = summary.period { figures.append(["period", "\(period.lowerBound)–\(period.upperBound)"]) }
        func optional(_ value: Double?) -> String { value.map(number) ?? "n/a" }
        if summary.isDirected { figures.append(["reciprocity", optional(summary.reciprocity)]) }
        figures.append([summary.isDirected ? "transitivity (undirected view)" : "transitivity", number(summary.transitivity)])
        if summary.isDirected { figures.append(["transitivity_directed (sna gtrans, weak)", optional(summary.directedTransitivity)]) }
        figures.append(["average clustering (\(summary.isDirected ? "Fagiolo, directed" : "Watts-Strogatz"))", number(summary.averageClustering)])
        figures.append(["degree assortativity", optional(summary.degreeAssortativity)])
        if let paths = summary.paths {
            let scope = "largest component, \(paths.componentSize) stakeholders" + (paths.isDirected ? "; directed paths, \(paths.connectedPairs) pairs joined" : "")
            let sampled = paths.sampledSources.map { "; estimated from \($0) sources" } ?? ""
            figures.append(["diameter", "\(paths.diameter)\(paths.sampledSources == nil ? "" : " (at least)") (\(scope))"])
            figures.append(["average path length", "\(number(paths.averagePathLength)) (\(scope)\(sampled))"])
        }
        let degreeLabel = summary.isDirected ? "degree centralization (in+out)" : "degree centralization"
        figures.append([degreeLabel, optional(summary.degreeCentralization)])
        if summary.isDirected {
            figures.append(["in-degree centralization", optional(summary.inDegreeCentralization)])
            figures.append(["out-degree centralization", optional(summary.outDegreeCentralization)])
        }
        let skipped = summary.exactLimit.map { "n/a (over \($0) stakeholders; use --exact-paths)" } ?? "n/a"
        figures.append(["betweenness centralization", summary.betweennessCentralization.map(number) ?? skipped])
        figures.append(["closeness centralization", summary.closenessCentralization.map(number) ?? skipped])
        text += "\n" + TextTable(header: ["figure", "value"], rows: figures).rendered
        for (title, counts) in [("kind", summary.stakeholdersByKind), ("sector", summary.stakeholdersBySector)] {
            text += "\n" + TextTable(header: [title, "stakeholders"], rows: counts.map { [$0.name, "\($0.count)"] }).rendered
        }
        text += "\n" + TextTable(header: ["tie kind", "ties"], rows: summary.tiesByKind.map { [$0.name, "\($0.count)"] }).rendered
        return text
    }
}

/// `info --format json`: the summary, and, when respondents reported the ties, who they are and which
/// consensus the figures describe (`respondents`, `respondent_roles`, `influence_ratings`, `consensus`).
struct InfoDocument: Encodable {
    let summary: NetworkSummary
    let network: StakeholderNetwork

    enum Key: String, CodingKey { case respondents, respondent_roles, influence_ratings, consensus }

    func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        guard !network.respondents.isEmpty else { return }
        var container = encoder.container(keyedBy: Key.self)
        var roles: [String: Int] = [:]
        for r in network.respondents { roles[r.role ?? "no role given", default: 0] += 1 }
        try container.encode(network.respondents.count, forKey: .respondents)
        try container.encode(roles, forKey: .respondent_roles)
        try container.encode(network.perceptions.count, forKey: .influence_ratings)
        try container.encode(network.consensusRule, forKey: .consensus)
    }
}
