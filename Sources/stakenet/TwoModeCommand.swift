import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct TwoModeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "two-mode",
        abstract: "Affiliation (two-mode) data: degree in each mode, and projection onto one mode.",
        discussion: """
        Stakeholders x programmes, events or boards: say which stakeholders are in which mode with --modes-by
        (a stakeholder column with two values, such as kind) or --by-ties (sources are the first mode,
        targets the second). Every tie must join the two modes.
        --project first|second makes the one-mode network of that mode, tied where two share an affiliation,
        weighted by --weighting count (shared affiliations) or newman (collaboration weight); with -o FOLDER it
        is written as a network folder every command reads, otherwise its ties are printed as CSV.

        Examples:
          stakenet two-mode Tests/Fixtures/reference/datasets/davis --modes-by kind
          stakenet two-mode Tests/Fixtures/reference/datasets/davis --modes-by kind --project second --weighting newman -o women
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(name: .customLong("modes-by"), help: ArgumentHelp("The stakeholder property that names each stakeholder's mode (two values).", valueName: "attr"))
    var modesBy: String?

    @Flag(name: .customLong("by-ties"), help: "Sources of ties are the first mode, targets the second.")
    var byTies = false

    @Option(help: ArgumentHelp("Project onto the first or second mode.", valueName: "mode"))
    var project: ModeOption?

    @Option(help: "How projected ties are weighted: count or newman.")
    var weighting: ProjectionWeightingOption = .count

    @Option(help: "table, csv or json (for the degree table).")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file (or, with --project, this network folder).", valueName: "path"))
    var output: String?

    func validate() throws {
        if (modesBy == nil) == !byTies { throw ValidationError("give either --modes-by ATTR or --by-ties") }
    }

    func run() throws {
        let network = try input.load()
        let assignment = try modesBy.map { try network.twoModes(by: $0) } ?? network.twoModesFromTies()
        let graph = try network.graph()
        if let project {
            let mode = project == .first ? 0 : 1
            let projection = graph.projection(modes: assignment.modes, onto: mode, weighting: weighting.value)
            let projected = Self.network(from: projection, of: network, modeName: assignment.names[mode], weighting: weighting.rawValue)
            if let output {
                try CSVNetworkWriter.write(projected, toFolder: output, inputs: [input.network])
                if !input.quiet {
                    Terminal.write("stakenet: wrote \(projected.stakeholderCount) stakeholders and \(projected.tieCount) ties to \(output)\n", to: .standardError)
                }
            } else {
                Terminal.write(try CSVText.render(header: ["source", "target", "weight"], rows: projected.ties.map {
                    [projected.stakeholders[Int($0.source)].id, projected.stakeholders[Int($0.target)].id, CSVText.number($0.weight)]
                }))
            }
            return
        }
        let (degree, centrality) = graph.twoModeDegree(modes: assignment.modes)
        let modeColumn = NodeScores(measure: "mode", values: assignment.modes.map { Double($0 + 1) })
        let table = ScoreTable(network: network, columns: [degree, centrality, modeColumn], countColumns: ["two_mode_degree", "mode"])
        let text: String
        switch format {
        case .csv: text = try table.csv()
        case .json: text = try table.json()
        case .table:
            text = "modes: 1 = \(assignment.names[0]) (\(assignment.modes.filter { $0 == 0 }.count)), 2 = \(assignment.names[1]) (\(assignment.modes.filter { $0 == 1 }.count))\n\n" + table.text()
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }

    /// The projection as a network of the chosen mode's stakeholders (their attributes kept), undirected.
    static func network(from projection: Projection, of network: StakeholderNetwork, modeName: String, weighting: String) -> StakeholderNetwork {
        var ties: [Tie] = []
        for u in 0 ..< projection.graph.nodeCount {
            for e in projection.graph.outRange(of: u) where Int(projection.graph.outTargets[e]) > u {
                ties.append(Tie(source: Int32(u), target: projection.graph.outTargets[e], weight: projection.graph.outWeights[e]))
            }
        }
        return StakeholderNetwork(name: "\(network.name)-\(modeName)", description: "Projection of \(network.name) onto its \(modeName) stakeholders, weighted by \(weighting)",
                                  isDirected: false, stakeholders: projection.nodes.map { network.stakeholders[$0] }, ties: ties)
    }
}

enum ModeOption: String, ExpressibleByArgument, CaseIterable {
    case first, second
}

enum ProjectionWeightingOption: String, ExpressibleByArgument, CaseIterable {
    case count, newman
    var value: ProjectionWeighting { ProjectionWeighting(rawValue: rawValue)! }
}
