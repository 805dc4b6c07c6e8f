import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkModel
import NetworkTime

struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Who to seed: the K stakeholders whose adoption spreads an innovation furthest (IMM).",
        discussion: """
        Influence maximisation by IMM (Tang, Shi & Xiao 2015): with probability at least 1 - 1/n, the chosen seeds
        reach (1 - 1/e - epsilon) of the best expected spread any K seeds could. --candidates limits the choice,
        as property=value (values separated by |). Seeds are listed in the order chosen, each with the
        expected spread of the seeds so far. With --criticality, CSV and JSON list every stakeholder with
        its criticality, the seeds with their rank and spread (one table: id,seed_rank,expected_spread,criticality).
        --temporal (ic only) chooses first adopters for the year --start (default the ties' earliest year):
        spreads follow the ties' years as diffuse --temporal does (--strict for one tie per year).

        Examples:
          stakenet seed Networks/mutuals-research --k 3 --probability 0.3
          stakenet seed Networks/mutuals-research --k 2 --candidates kind=spin-out|leisure-trust --model lt
          stakenet seed Networks/mutual-spinouts --k 3 --temporal --start 2012 --probability 0.3
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var probabilities: ProbabilityOptions
    @OptionGroup var time: TimeOptions

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

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if k < 1 { throw ValidationError("--k takes a number of at least 1") }
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon takes a number between 0 and 1") }
        if runs < 1 { throw ValidationError("--runs takes a number of at least 1") }
        if let candidates, !candidates.contains("=") { throw ValidationError("--candidates takes property=value, such as kind=spin-out") }
        if time.temporal && model != .ic { throw ValidationError("--temporal chooses seeds for the independent cascade (--model ic) in time") }
        if time.temporal && criticality { throw ValidationError("--criticality is not yet offered with --temporal") }
    }

    func run() throws {
        let network = try input.load()
        var allowed: Set<Int>?
        if let candidates {
            let parts = candidates.split(separator: "=", maxSplits: 1).map(String.init)
            let grouping = try network.grouping(by: parts[0])
            var groups = Set<Int>()
            for value in parts[1].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let g = grouping.index(of: grouping.attribute == "kind" ? StakeholderKind(parsing: value).name : value) else {
                    let hint = ClosestMatch.suggestion(for: value, among: grouping.names).map { "; did you mean '\($0)'?" } ?? ""
                    throw CommandFailure(message: "--candidates: no stakeholder has \(parts[0]) '\(value)'\(hint) (values: \(grouping.names.joined(separator: ", ")))")
                }
                groups.insert(g)
            }
            allowed = Set(network.stakeholders.indices.filter { groups.contains(grouping.groupOf[$0]) })
            if allowed!.isEmpty { throw CommandFailure(message: "--candidates \(candidates) matches no stakeholder; values of \(parts[0]): \(grouping.names.joined(separator: ", "))") }
        }
        let progress = Progress(quiet: input.quiet)
        progress.say("choosing \(k) seed\(k == 1 ? "" : "s") by IMM (reverse-reachable sets)")
        let selection: SeedSelection
        var transmission: TransmissionGraph?
        var convention: String?
        if time.temporal {
            let temporal = try time.network(of: network, path: input.network)
            let cascade = try TemporalCascade(network: temporal, tieProbability: try probabilities.tieProbabilities(network, path: input.network),
                                              start: time.start, order: time.order)
            convention = time.convention(temporal)
            selection = cascade.maximizeInfluence(k: k, epsilon: epsilon, candidates: allowed, seed: seed, threads: threads)
        } else {
            let graph = try probabilities.transmissionGraph(network, path: input.network)
            transmission = graph
            selection = graph.maximizeInfluence(k: k, model: model == .lt ? .linearThreshold : .independentCascade,
                                                epsilon: epsilon, candidates: allowed, seed: seed, threads: threads)
        }
        let count = network.stakeholderCount
        let ids = network.stakeholders.map(\.id)
        let drops = criticality ? transmission!.criticality(model == .lt ? .linearThreshold : .independentCascade, seeds: selection.seeds,
                                                          settings: DiffusionSettings(runs: runs, seed: seed, threads: threads)) { done in
            progress.say("criticality: stakeholder \(done + 1) of \(count)")
        } : nil
        progress.done()
        // Stakeholders by criticality, largest first (the seeds themselves have none).
        let order = drops.map { drops in network.stakeholders.indices.filter { !drops[$0].isNaN }.sorted { (drops[$0], $1) > (drops[$1], $0) } } ?? []
        let rankOf = Dictionary(uniqueKeysWithValues: selection.seeds.enumerated().map { ($1, $0) })
        let text: String
        switch format {
        case .csv where drops == nil:
            text = try CSVText.render(header: ["rank", "id", "expected_spread"], rows: selection.seeds.enumerated().map { index, v in
                [String(index + 1), ids[v], CSVText.number(selection.spread[index])]
            })
            if let convention, !input.quiet { Terminal.write("stakenet: \(convention)\n", to: .standardError) }
        case .csv:
            text = try CSVText.render(header: ["id", "seed_rank", "expected_spread", "criticality"], rows: (selection.seeds + order).map { v in
                let rank = rankOf[v]
                return [ids[v], rank.map { String($0 + 1) } ?? "", rank.map { CSVText.number(selection.spread[$0]) } ?? "",
                        drops.map { $0[v].isNaN ? "" : CSVText.number($0[v]) } ?? ""]
            })
        case .json:
            text = try JSONOutput.encode(SeedOutput(
                network: network.name, model: model.rawValue, convention: convention, epsilon: epsilon, seed: seed, reverseReachableSets: selection.sampleCount,
                seeds: selection.seeds.enumerated().map { .init(rank: $0.offset + 1, id: ids[$0.element], expectedSpread: selection.spread[$0.offset]) },
                criticality: drops.map { drops in order.map { .init(id: ids[$0], spreadLost: drops[$0]) } }, criticalityRuns: drops == nil ? nil : runs))
        case .table:
            let rows = selection.seeds.enumerated().map { index, v in
                [String(index + 1), ids[v], network.stakeholders[v].label, network.stakeholders[v].kind?.name ?? "-", String(format: "%.3f", selection.spread[index])]
            }
            var table = "\(selection.seeds.count) seeds (\(model.rawValue), IMM with epsilon \(epsilon), \(selection.sampleCount) reverse-reachable sets, seed \(seed))\n"
                + (convention.map { "\($0)\n" } ?? "") + "\n"
                + TextTable(header: ["rank", "id", "label", "kind", "expected spread"], rows: rows).rendered
            if let drops {
                table += "\ncriticality: expected adopters lost if the stakeholder is taken out (\(runs) runs each)\n"
                table += TextTable(header: ["id", "label", "kind", "spread lost"], rows: order.prefix(15).map {
                    [ids[$0], network.stakeholders[$0].label, network.stakeholders[$0].kind?.name ?? "-", String(format: "%.3f", drops[$0])]
                }).rendered
            }
            text = table
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

enum SeedModelOption: String, ExpressibleByArgument, CaseIterable {
    case ic, lt
}

/// `stakenet seed --format json`.
struct SeedOutput: Encodable {
    struct Seed: Encodable {
        let rank: Int
        let id: String
        let expectedSpread: Double
        enum CodingKeys: String, CodingKey { case rank, id, expectedSpread = "expected_spread" }
    }

    struct Criticality: Encodable {
        let id: String
        let spreadLost: Double
        enum CodingKeys: String, CodingKey { case id, spreadLost = "spread_lost" }
    }

    let network: String
    let model: String
    /// With --temporal: the conventions of time.
    let convention: String?
    let epsilon: Double
    let seed: UInt64
    let reverseReachableSets: Int
    let seeds: [Seed]
    let criticality: [Criticality]?
    let criticalityRuns: Int?

    enum CodingKeys: String, CodingKey {
        case network, model, convention, epsilon, seed, seeds, criticality
        case reverseReachableSets = "reverse_reachable_sets", criticalityRuns = "criticality_runs"
    }
}
