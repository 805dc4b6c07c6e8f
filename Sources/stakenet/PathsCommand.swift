import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkModel

struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Likeliest diffusion paths: the routes an innovation most probably takes.",
        discussion: """
        A path's probability is the product of its ties' probabilities (the chance every tie on it passes the
        innovation on). With --to: the K likeliest loop-free paths (Yen's algorithm). Without: the likeliest
        diffusion tree from the --from stakeholders, one path to every stakeholder they can reach; its
        stakeholders can be drawn with stakenet render --highlight (the table prints the ids).
        CSV: target,rank,probability,path with the path's ids joined by '>'; JSON: the same, paths as lists of ids.

        With --temporal, only time-respecting paths: ties used in non-decreasing years (several in one year),
        or strictly increasing ones with --strict. A tie is active from its start to its end year inclusive;
        no start means from the ties' earliest year, no end to their latest. --path-type foremost (default:
        the earliest year each stakeholder could be reached from --from, setting out in --start; CSV
        id,arrival,hops,path, hops the fewest ties among the earliest-arriving paths), shortest (fewest
        ties: id,hops,arrival,path), fastest (least time from setting out: id,departure,arrival,duration,path)
        or likeliest (with the tie probabilities: id,probability,arrival,path). --backward --to X --by-year Y:
        who could have reached X by Y, and the latest year each could have set out (id,departure,hops,path).

        Examples:
          stakenet paths Networks/mutuals-research --from esrc --to case-health-a --k 3 --probability 0.5
          stakenet paths Networks/mutuals-research --from ceedr --probability-by-kind research=0.4 --format csv
          stakenet paths Networks/mutual-spinouts --from council-a --temporal --start 2010 --format csv
          stakenet paths Networks/mutual-spinouts --temporal --backward --to spinout-01 --by-year 2015
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var probabilities: ProbabilityOptions

    @Option(help: ArgumentHelp("Where the innovation starts: stakeholders by id or label, comma-separated.", valueName: "ids"))
    var from: String?

    @OptionGroup var time: TemporalPathOptions

    @Option(help: ArgumentHelp("Where it should arrive, by id or label (gives the K likeliest paths).", valueName: "id"))
    var to: String?

    @Option(help: "How many paths with --to.")
    var k: Int = 1

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if k < 1 { throw ValidationError("--k takes a number of at least 1") }
        try time.validate(from: from, to: to)
    }

    func run() throws {
        let network = try input.load()
        if time.temporal {
            try TemporalPathsRun(command: self, network: network).run()
            return
        }
        let sources = try StakeholderIDs.resolve(from ?? "", in: network, option: "--from")
        let transmission = try probabilities.transmissionGraph(network, path: input.network)
        var rows: [(target: Int, rank: Int, path: DiffusionPath)] = []
        var destination: Int?
        if let to {
            let target = try StakeholderIDs.resolve(to, in: network, option: "--to")[0]
            destination = target
            for source in sources {
                for (rank, path) in transmission.likeliestPaths(from: source, to: target, count: k).enumerated() { rows.append((target, rank + 1, path)) }
            }
            rows.sort { ($0.path.probability, -$0.rank) > ($1.path.probability, -$1.rank) }
        } else {
            let tree = transmission.likeliestTree(from: sources)
            for v in network.stakeholders.indices where tree.probability[v] > 0 && !sources.contains(v) {
                var nodes = [v]
                while tree.parent[nodes.last!] >= 0 { nodes.append(tree.parent[nodes.last!]) }
                rows.append((v, 1, DiffusionPath(nodes: nodes.reversed(), probability: tree.probability[v])))
            }
            rows.sort { ($0.path.probability, $1.target) > ($1.path.probability, $0.target) }
        }
        let ids = network.stakeholders.map(\.id)
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: ["target", "rank", "probability", "path"], rows: rows.map {
                [ids[$0.target], String($0.rank), CSVText.number($0.path.probability), $0.path.nodes.map { ids[$0] }.joined(separator: ">")]
            })
        case .json:
            text = try JSONOutput.encode(PathsOutput(network: network.name, from: sources.map { ids[$0] }, to: destination.map { ids[$0] },
                                                     paths: rows.map { .init(target: ids[$0.target], rank: $0.rank, probability: $0.path.probability,
                                                                             path: $0.path.nodes.map { ids[$0] }) }))
        case .table:
            var table = TextTable(header: ["target", "rank", "probability", "path"], rows: rows.map {
                [ids[$0.target], String($0.rank), String(format: "%.4g", $0.path.probability), $0.path.nodes.map { ids[$0] }.joined(separator: " > ")]
            }).rendered
            if rows.isEmpty { table = "no path with a positive probability\n" }
            let onPaths = Set(rows.flatMap(\.path.nodes)).sorted().map { ids[$0] }
            if !onPaths.isEmpty { table += "\nto draw them: stakenet render \(input.network) -o paths.svg --highlight \(onPaths.joined(separator: ","))\n" }
            text = table
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

/// `stakenet paths --format json`.
struct PathsOutput: Encodable {
    struct Path: Encodable {
        let target: String
        let rank: Int
        let probability: Double
        let path: [String]
    }

    let network: String
    let from: [String]
    let to: String?
    let paths: [Path]
}
