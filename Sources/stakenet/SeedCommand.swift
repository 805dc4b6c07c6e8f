import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkModel

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Who to seed: the K stakeholders whose adoption spreads an innovation furthest (IMM).",
        discussion: """
        Influence maximisation by IMM (Tang, Shi & Xiao 2015): with probability at least 1 - 1/n, the chosen seeds
        reach (1 - 1/e - epsilon) of the best expected spread any K seeds could. --candidates limits the choice,
        as property=value (values separated by |). Seeds are listed in the order chosen, each with the
        expected spread of the seeds so far.

        Examples:
          stakenet seed Networks/mutuals-research --k 3 --probability 0.3
          stakenet seed Networks/mutuals-research --k 2 --candidates kind=spin-out|leisure-trust --model lt
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var probabilities: ProbabilityOptions

    @Option(help: "How many seeds.")
    var k: Int

    @Option(help: "ic or lt.")
    var model: SeedModelOption = .ic

    @Option(help: ArgumentHelp("Choose only among stakeholders with property=value (values separated by |).", valueName: "filter"))
    var candidates: String?

    @Option(help: "Approximation slack epsilon of the (1 - 1/e - epsilon) guarantee.")
    var epsilon: Double = 0.1

    @Option(help: "Seed for the sampling.")
    var seed: UInt64 = 1

    @Flag(help: "Also show how much the chosen seeds' expected spread drops when each stakeholder is taken out (the bridges).")
    var criticality = false

    @Option(help: "Simulated runs per stakeholder for --criticality.")
    var runs: Int = 2000

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table or csv.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if k < 1 { throw ValidationError("--k takes a number of at least 1") }
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon takes a number between 0 and 1") }
        if format == .json { throw ValidationError("seed writes table or csv") }
        if runs < 1 { throw ValidationError("--runs takes a number of at least 1") }
        if let candidates, !candidates.contains("=") { throw ValidationError("--candidates takes property=value, such as kind=spin-out") }
    }

    func run() throws {
        let network = try input.load()
        let transmission = try probabilities.transmissionGraph(network, path: input.network)
        var allowed: Set<Int>?
        if let candidates {
            let parts = candidates.split(separator: "=", maxSplits: 1).map(String.init)
            let grouping = try network.grouping(by: parts[0])
            let values = Set(parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) })
            allowed = Set(network.stakeholders.indices.filter { values.contains(grouping.names[grouping.groupOf[$0]]) })
            if allowed!.isEmpty { throw CommandFailure(message: "--candidates \(candidates) matches no stakeholder; values of \(parts[0]): \(grouping.names.joined(separator: ", "))") }
        }
        let selection = transmission.maximizeInfluence(k: k, model: model == .lt ? .linearThreshold : .independentCascade,
                                                       epsilon: epsilon, candidates: allowed, seed: seed, threads: threads)
        let rows = selection.seeds.enumerated().map { index, v in
            [String(index + 1), network.stakeholders[v].id, network.stakeholders[v].label, network.stakeholders[v].kind?.name ?? "-", String(format: "%.3f", selection.spread[index])]
        }
        var text: String
        if format == .csv {
            text = try CSVText.render(header: ["rank", "id", "expected_spread"], rows: selection.seeds.enumerated().map { index, v in
                [String(index + 1), network.stakeholders[v].id, CSVText.number(selection.spread[index])]
            })
        } else {
            text = "\(selection.seeds.count) seeds (\(model.rawValue), IMM with epsilon \(epsilon), \(selection.sampleCount) reverse-reachable sets, seed \(seed))\n\n"
                + TextTable(header: ["rank", "id", "label", "kind", "expected spread"], rows: rows).rendered
        }
        if criticality {
            let drops = transmission.criticality(model == .lt ? .linearThreshold : .independentCascade, seeds: selection.seeds,
                                                 settings: DiffusionSettings(runs: runs, seed: seed, threads: threads))
            let order = network.stakeholders.indices.filter { !drops[$0].isNaN }.sorted { (drops[$0], $1) > (drops[$1], $0) }
            if format == .csv {
                text += "\n" + (try CSVText.render(header: ["id", "criticality"], rows: order.map { [network.stakeholders[$0].id, CSVText.number(drops[$0])] }))
            } else {
                text += "\ncriticality: expected adopters lost if the stakeholder is taken out (\(runs) runs each)\n"
                text += TextTable(header: ["id", "label", "kind", "spread lost"], rows: order.prefix(15).map {
                    [network.stakeholders[$0].id, network.stakeholders[$0].label, network.stakeholders[$0].kind?.name ?? "-", String(format: "%.3f", drops[$0])]
                }).rendered
            }
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

enum SeedModelOption: String, ExpressibleByArgument, CaseIterable {
    case ic, lt
}
