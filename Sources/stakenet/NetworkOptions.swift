import ArgumentParser
import Foundation
import GraphvizRendering
import NetworkIO
import NetworkModel

/// Where the network is and how to read it: shared by every command that reads one.
struct NetworkOptions: ParsableArguments {
    @Argument(help: "A folder with nodes.csv and edges.csv (and optionally network.json), an edge-list .csv, or a .graphml, .gexf, .json, .net, .dl or .gv file.")
    var network: String

    @OptionGroup var reading: ReadingOptions

    var quiet: Bool { reading.quiet }
    var readOptions: NetworkReadOptions { reading.readOptions }

    /// Reads the network, printing warnings unless quiet; throws the first error.
    func load() throws -> StakeholderNetwork { try reading.load(network) }
}

/// How to read networks, for commands that read one or several.
struct ReadingOptions: ParsableArguments {
    @Flag(name: .customLong("directed"), help: "Read the network as directed, whatever its files say.")
    var forceDirected = false

    @Flag(name: .customLong("undirected"), help: "Read the network as undirected, whatever its files say.")
    var forceUndirected = false

    @Flag(name: .shortAndLong, help: "Print no warnings or progress.")
    var quiet = false

    func validate() throws {
        if forceDirected && forceUndirected {
            throw ValidationError("--directed and --undirected cannot both be given")
        }
    }

    var readOptions: NetworkReadOptions {
        NetworkReadOptions(directed: forceDirected ? true : (forceUndirected ? false : nil))
    }

    /// Reads a network (in `format`, else as its extension says), printing warnings unless quiet; throws the first error.
    func load(_ path: String, as format: NetworkFormat? = nil) throws -> StakeholderNetwork {
        if format == .dot || (format == nil && DOTNetworkReader.handles(path)) { return try DOTNetworkReader.read(path, options: readOptions) }
        let (network, warnings) = try NetworkReader.read(path, options: readOptions, format: format)
        if !quiet { for warning in warnings { Terminal.warning(warning.description) } }
        return network
    }
}

/// Which ties make up the graph that analyses run on.
struct GraphOptions: ParsableArguments {
    @Option(name: .customLong("tie-kinds"), help: ArgumentHelp("Only ties of these kinds, comma-separated.", valueName: "kinds"))
    var tieKinds: String?

    @Option(help: ArgumentHelp("Only ties active in these years: 2010-2015, or one year.", valueName: "years"))
    var period: String?

    @Option(help: "How ties between the same stakeholders combine: sum (weights add), max, or count.")
    var parallel: ParallelOption = .sum

    @Flag(name: .customLong("keep-self-loops"), help: "Keep ties from a stakeholder to itself.")
    var keepSelfLoops = false

    func validate() throws { _ = try years() }

    func years() throws -> ClosedRange<Int>? {
        guard let period else { return nil }
        let parts = period.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1 ... 2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!) else {
            throw ValidationError("--period takes years as 2010-2015 or 2012, not '\(period)'")
        }
        guard first <= last else { throw ValidationError("--period \(period) starts after it ends") }
        return first ... last
    }

    func selection(weighting: GraphSelection.Weighting = .none) throws -> GraphSelection {
        let kinds = tieKinds.map { Set($0.split(separator: ",").map { TieKind(parsing: String($0)) }) }
        return GraphSelection(tieKinds: kinds, period: try years(), direction: .asDeclared,
                              parallelTies: parallel.value, weighting: weighting, keepSelfLoops: keepSelfLoops)
    }
}

enum ParallelOption: String, ExpressibleByArgument, CaseIterable {
    case sum, max, count
    var value: GraphSelection.ParallelTies { GraphSelection.ParallelTies(rawValue: rawValue)! }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
