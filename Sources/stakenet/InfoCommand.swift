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

    @Option(help: "table (aligned text) or json.")
    var format: OutputFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let network = try input.load()
        let graph = try network.graph(selecting: graphOptions.selection())
        let summary = NetworkSummary(network: network, graph: graph)
        let text: String
        switch format {
        case .json: text = try JSONOutput.encode(summary)
        case .table: text = InfoCommand.render(summary)
        }
        try Output.emit(text, to: output, inputs: [input.network])
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
        text += "\n" + TextTable(header: ["figure", "value"], rows: figures).rendered
        for (title, counts) in [("kind", summary.stakeholdersByKind), ("sector", summary.stakeholdersBySector)] {
            text += "\n" + TextTable(header: [title, "stakeholders"], rows: counts.map { [$0.name, "\($0.count)"] }).rendered
        }
        text += "\n" + TextTable(header: ["tie kind", "ties"], rows: summary.tiesByKind.map { [$0.name, "\($0.count)"] }).rendered
        return text
    }
}
