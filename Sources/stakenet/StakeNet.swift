import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkDiffusion
import NetworkIO
import NetworkMetrics
import NetworkModel
import SectorComparison

/// The `stakenet` command: one subcommand per file, each parsing arguments and composing library calls.
@main
struct StakeNet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakenet",
        abstract: "Stakeholder network analysis: who influences whom in an ecosystem of organisations.",
        discussion: """
        NETWORK is a folder holding nodes.csv and edges.csv (and optionally network.json), an edge-list .csv file,
        or a .graphml, .gexf, .json (node-link), .net (Pajek), .dl (UCINET) or .gv/.dot (Graphviz) file.
        Exit status: 0 success, 1 bad input or failed analysis, 2 bad usage.
        """,
        version: StakeNetVersion.current,
        subcommands: [InfoCommand.self, ValidateCommand.self, MetricsCommand.self, BrokerageCommand.self, HomophilyCommand.self, CommunitiesCommand.self, EgoCommand.self, TwoModeCommand.self, RenderCommand.self, DiffuseCommand.self, PathsCommand.self, ReachCommand.self, TimelineCommand.self, SeedCommand.self, CompareCommand.self, QAPCommand.self, ConsensusCommand.self, InformantsCommand.self, PerceptionsCommand.self, ConvertCommand.self, ExportCommand.self, GenerateCommand.self, ReportCommand.self]
    )

    /// Runs the command line, mapping outcomes to the documented exit statuses.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserFacingError {
            if !error.userMessage.isEmpty { Terminal.error(error.userMessage) }
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            Terminal.write(fullMessage(for: error) + "\n", to: .standardError)
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// A failure already explained to the user (or to be explained by `message`): exit status 1.
struct CommandFailure: Error {
    var message: String = ""
}

/// An error of bad input or a failed analysis, as the tool says it (exit status 1).
protocol UserFacingError: Error {
    var userMessage: String { get }
}

extension CommandFailure: UserFacingError { var userMessage: String { message } }
extension InputError: UserFacingError { var userMessage: String { description } }
extension AnalysisError: UserFacingError { var userMessage: String { description + advice } }
extension RenderError: UserFacingError { var userMessage: String { description } }
extension UnknownAttributeError: UserFacingError { var userMessage: String { description } }
extension TwoModeError: UserFacingError { var userMessage: String { description } }
extension ComparisonError: UserFacingError { var userMessage: String { description } }
extension TieProbabilityError: UserFacingError { var userMessage: String { description } }
extension QAPError: UserFacingError { var userMessage: String { description } }
