import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel
import NetworkPerception

struct ConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "One network from many respondents' reports: union, intersection, thresholds, locally aggregated structures, Romney–Batchelder.",
        discussion: """
        The ties table names who reported each tie (a respondent, reported_by or informant column); rows
        without one are ties known from other sources, kept as they are. Methods:
          union                 a tie any respondent reported
          intersection          a tie every respondent who could report it reported
          threshold:K           a tie at least K respondents reported
          share:F               a tie reported by at least the share F of those who could (share:0.5, the default,
                                is Krackhardt's consensus structure and R sna's central.graph)
          las-intersection      i–j when respondents of i and of j both report it (Krackhardt's locally aggregated
          las-union             structures; respondents.csv's organisation says whose they are); las-union: either
          las-row, las-column   i -> j as i's (row) or j's (column) own respondents report it (directed networks)
          romney-batchelder     the answer key of the Romney–Batchelder model (respondents weighted by competence)
        Who could report a tie: a respondent whose map holds both stakeholders (those their ties touch, their
        own organisation, those they rated), or everyone with --roster. The output's ties carry support (how
        many reported it), share (of those who could) and respondents (who). Equal to R sna's consensus on
        roster report arrays (see docs).

        Examples:
          stakenet consensus Networks/mutual-spinouts-interviews --method share:0.5 -o consensus
          stakenet consensus Networks/mutual-spinouts-interviews --method las-union -o consensus.graphml
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(help: ArgumentHelp("How reports become ties: \(ConsensusMethod.names.joined(separator: ", ")) (default \(ConsensusMethod.standard), or --consensus's).", valueName: "method"))
    var method: String?

    @Option(name: .short, help: ArgumentHelp("Write the consensus network here, in the format its extension says (a folder without one); without it, its ties as CSV on standard output.", valueName: "out"))
    var output: String?

    func validate() throws {
        if let method {
            do { _ = try ConsensusMethod(parsing: method) } catch let error as ConsensusError { throw ValidationError("--method: \(error.description)") }
        }
    }

    func run() throws {
        let read = try input.load(keepingReports: true)
        guard read.hasReports else {
            throw CommandFailure(message: "\(input.network): no tie names the respondent who reported it, so there is nothing to merge (give the ties table a respondent column)")
        }
        let chosen = try method.map(ConsensusMethod.init(parsing:)) ?? input.reading.consensusMethod
        let reports = Reports(read, roster: input.reading.roster)
        let structure: ConsensusStructure
        do { structure = try reports.consensus(chosen) } catch let error as ConsensusError {
            throw CommandFailure(message: "\(input.network): \(error.description)")
        }
        let network = read.consensusNetwork(structure, reports: reports)
        if !input.quiet {
            let single = structure.ties.filter { $0.support == 1 }.count
            Terminal.note("\(chosen) (\(chosen.explanation)): \(structure.ties.count) of \(structure.reportedTies.count) reported ties from \(reports.respondentCount) respondents; \(single) reported by one respondent only")
            if !structure.unusedRespondents.isEmpty {
                Terminal.warning("\(structure.unusedRespondents.count) respondents have no organisation, so \(chosen) cannot use their reports")
            }
            if let model = structure.model, !model.converged {
                Terminal.warning("the Romney–Batchelder estimates did not settle in \(model.iterations) iterations; the key is the last one")
            }
        }
        guard let output else {
            Terminal.write(try CSVNetworkWriter.edgesCSV(network))
            return
        }
        guard let format = NetworkFormat.detect(output) else {
            throw CommandFailure(message: "cannot tell the format of '\(output)' from its extension (\(NetworkFormat.knownExtensions), or no extension for a CSV folder)")
        }
        if !input.quiet {
            let lost = format.losses(of: network)
            if !lost.isEmpty { Terminal.warning("\(format.rawValue) cannot hold \(lost.joined(separator: "; ")); they are left out of \(output)") }
        }
        if format == .dot {
            try OutputFile.write(Data(DOTNetworkWriter.write(network).utf8), to: output, inputs: [input.network])
        } else {
            try NetworkWriter.write(network, to: output, as: format, inputs: [input.network])
        }
    }
}
