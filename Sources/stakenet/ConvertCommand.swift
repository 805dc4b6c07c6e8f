import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a network between formats: CSV folder, edge list, GraphML, GEXF, JSON, Pajek, UCINET DL, DOT.",
        discussion: """
        Formats follow the file extensions (a path without one is a CSV folder): .csv .tsv .txt (edge list),
        .graphml, .gexf, .json (node-link, as NetworkX and d3), .net (Pajek), .dl (UCINET), .gv .dot (DOT).
        --from and --to override them. What the output format cannot hold (Pajek keeps no stakeholder
        attributes, for example) is said on standard error. The output is written whole or not at all, and
        never over the input.

        Examples:
          stakenet convert Networks/mutuals-research mutuals.graphml
          stakenet convert study.gexf study-folder
          stakenet convert edges.txt network.net --from edgelist --undirected
        """
    )

    @Argument(help: "The network to read.")
    var input: String

    @Argument(help: "Where to write it (a folder for the CSV folder format).")
    var output: String

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp("Read as this format: \(NetworkFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var from: NetworkFormat?

    @Option(help: ArgumentHelp("Write as this format.", valueName: "format"))
    var to: NetworkFormat?

    func run() throws {
        let progress = Progress(quiet: reading.quiet)
        defer { progress.done() }
        // Reports stay reports (a consensus only when --consensus asks for one).
        let network = try reading.load(input, as: from, keepingReports: reading.consensus == nil)
        guard let format = to ?? NetworkFormat.detect(output) else {
            throw CommandFailure(message: "cannot tell the format of '\(output)' from its extension; use --to (\(NetworkFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !reading.quiet {
            let lost = format.losses(of: network)
            if !lost.isEmpty { Terminal.warning("\(format.rawValue) cannot hold \(lost.joined(separator: "; ")); they are left out of \(output)") }
        }
        progress.say("writing \(network.stakeholderCount) stakeholders and \(network.tieCount) ties as \(format.rawValue)")
        if format == .dot {
            try OutputFile.write(Data(DOTNetworkWriter.write(network).utf8), to: output, inputs: [input])
        } else {
            try NetworkWriter.write(network, to: output, as: format, inputs: [input])
        }
    }
}

extension NetworkFormat: ExpressibleByArgument {}
