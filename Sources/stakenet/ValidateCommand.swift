import ArgumentParser
import GraphvizRendering
import NetworkModel
import Foundation
import NetworkIO

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "List every problem in a network's files, each as FILE:LINE: message.",
        discussion: """
        Errors stop a network being read; warnings say how something unusual was read. Exits 1 when there are errors.

        Examples:
          stakenet validate Networks/mutuals-research
          stakenet validate my-study/ --format json
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(help: "table (one problem a line) or json.")
    var format: OutputFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// DOT files are read through Graphviz (one error at most); the rest by NetworkReader, every problem listed.
    func validated() -> (StakeholderNetwork?, ValidationReport) {
        guard DOTNetworkReader.handles(input.network) else { return NetworkReader.validate(input.network, options: input.readOptions) }
        var report = ValidationReport()
        do {
            return (try DOTNetworkReader.read(input.network, options: input.readOptions), report)
        } catch let error as InputError {
            report.add(error.problem)
        } catch {
            report.error(input.network, "\(error)")
        }
        return (nil, report)
    }

    func run() throws {
        let (network, report) = validated()
        let problems = input.quiet ? report.errors : report.problems
        switch format {
        case .json:
            try Output.emit(try JSONOutput.encode(ValidationOutput(network: input.network, problems: problems,
                                                                   stakeholders: network?.stakeholderCount, ties: network?.tieCount)),
                            to: output, inputs: [input.network])
        case .table:
            var text = ""
            for problem in problems {
                var line = problem
                if problem.severity == .warning { line.message = "warning: " + line.message }
                text += line.description + "\n"
            }
            let errors = report.errors.count, warnings = report.warnings.count
            if let network {
                text += "\(input.network): valid: \(network.stakeholderCount) stakeholders, \(network.tieCount) ties"
                if network.hasReports {
                    let reports = network.ties.lazy.filter { $0.respondent != nil }.count
                    text += " (\(reports) reports by \(network.respondents.count) respondents\(network.tieCount > reports ? ", \(network.tieCount - reports) known from other sources" : "")"
                        + "\(network.perceptions.isEmpty ? "" : "; \(network.perceptions.count) influence ratings"))"
                }
                text += warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")\n" : "\n"
            } else {
                text += "\(input.network): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            }
            try Output.emit(text, to: output, inputs: [input.network])
        }
        if report.hasErrors { throw CommandFailure() }
    }
}

/// `stakenet validate --format json`.
struct ValidationOutput: Encodable {
    struct Problem: Encodable {
        let severity: String, file: String, line: Int?, field: String?, message: String, hint: String?
    }
    let network: String
    let valid: Bool
    let stakeholders: Int?
    let ties: Int?
    let problems: [Problem]

    init(network: String, problems: [InputProblem], stakeholders: Int?, ties: Int?) {
        self.network = network
        self.valid = stakeholders != nil
        self.stakeholders = stakeholders
        self.ties = ties
        self.problems = problems.map {
            Problem(severity: $0.severity.rawValue, file: $0.file, line: $0.line, field: $0.field, message: $0.message, hint: $0.hint)
        }
    }
}
