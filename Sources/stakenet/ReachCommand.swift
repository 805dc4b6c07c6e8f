import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkTime

struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "How many stakeholders each one can reach, and how many can reach it.",
        discussion: """
        Without --temporal: along ties in their direction, whenever they were active (the out- and
        in-component of each stakeholder, itself not counted), in one sweep over the strongly connected
        components. With --temporal: along time-respecting paths only, setting out in --start (default
        the ties' earliest year) and arriving by the ties' latest year; ties used in non-decreasing years,
        or strictly increasing ones with --strict; a tie is active from its start to its end year, no start
        meaning from the earliest year, no end to the latest. CSV: id,forward_reach,backward_reach.

        Examples:
          stakenet reach Networks/mutual-spinouts --format csv
          stakenet reach Networks/mutual-spinouts --temporal --start 2010 --strict
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions

    @OptionGroup var time: TimeOptions

    @Option(help: "Worker threads (default: all processors; the numbers are the same for any count).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if time.temporal && graphOptions.period != nil { throw ValidationError("--temporal follows the years itself: use --start rather than --period") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
    }

    func run() throws {
        let network = try input.load()
        let selection = try graphOptions.selection(for: network, quiet: input.quiet)
        let forward: [Int], backward: [Int]
        var convention = "reach along ties in their direction, whenever they were active; a stakeholder is not counted in its own reach"
        let progress = Progress(quiet: input.quiet)
        if time.temporal {
            let net = try time.network(of: network, path: input.network, keep: selection.includes)
            let n = network.stakeholderCount
            progress.say("time-respecting reach of \(n) stakeholders")
            (forward, backward) = TemporalReach.counts(net, start: time.start, order: time.order, threads: threads) { done in
                progress.say("time-respecting reach: \(done) of \(n) stakeholders")
            }
            convention = time.convention(net) + "; arriving by \(net.years.upperBound); a stakeholder is not counted in its own reach"
        } else {
            let graph = try GraphBuilding.graph(of: network, selection: selection)
            (forward, backward) = graph.reachCounts()
        }
        progress.done()
        let ids = network.stakeholders.map(\.id)
        let rows = network.stakeholders.indices.map { [ids[$0], String(forward[$0]), String(backward[$0])] }
        let header = ["id", "forward_reach", "backward_reach"]
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: header, rows: rows)
            if !input.quiet { Terminal.write("stakenet: \(convention)\n", to: .standardError) }
        case .json:
            text = try JSONOutput.encode(TemporalPathsDocument(network: network.name, convention: convention, columns: header, rows: rows))
        case .table:
            let sorted = network.stakeholders.indices.sorted { (forward[$0], backward[$0], ids[$1]) > (forward[$1], backward[$1], ids[$0]) }
            text = "\(convention)\n\n" + TextTable(header: header, rows: sorted.map { rows[$0] }).rendered
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}
