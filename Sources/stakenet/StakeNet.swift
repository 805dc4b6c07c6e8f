import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkDiffusion
import NetworkIO
import NetworkMetrics
import NetworkModel
import SectorComparison
#if os(Linux)
/// Sets glibc's `M_MMAP_THRESHOLD` (-3 in malloc.h, which Swift's Glibc module does not export) through
/// `mallopt`, looked up with `dlsym` and called as the C function it is; nothing happens if it is absent.
private func fixMmapThreshold(bytes: Int32) {
    typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = dlsym(nil, "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, bytes)
}
#endif

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
        #if os(Linux)
        // A fixed threshold: arrays of 1 MB and more are mapped on their own and given back when freed. glibc
        // otherwise raises the threshold as big arrays come and go, and the memory of arrays that grew by
        // doubling (reverse-reachable sets, tie tables) stays in the heap: seed's peak was 10% higher.
        fixMmapThreshold(bytes: 1 << 20)
        #endif
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
