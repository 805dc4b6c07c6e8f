import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities (Leiden or Louvain) and their modularity.",
        discussion: """
        Ties are read as undirected (a directed network's ties either way). Higher --resolution finds more,
        smaller communities. The same --seed always gives the same communities. CSV output is id,community;
        the modularity goes to standard error (and into table and JSON output).

        Examples:
          stakenet communities Networks/mutuals-research
          stakenet communities Networks/mutuals-research --method louvain --resolution 0.8 --format csv -o communities.csv
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "leiden or louvain.")
    var method: CommunityMethodOption = .leiden

    @Option(help: "Resolution: above 1 finds more, smaller communities; below 1 fewer, larger ones.")
    var resolution: Double = 1

    @Option(help: "Seed for the order nodes are visited in (and Leiden's random merges).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Weight ties by this tie column: weight (the strength column) or another numeric column.", valueName: "attr"))
    var weight: String?

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if !(resolution > 0 && resolution.isFinite) { throw ValidationError("--resolution takes a positive number") }
    }

    func run() throws {
        let network = try input.load()
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, weighting: GraphBuilding.weighting(for: weight, in: network), quiet: input.quiet))
        let progress = Progress(quiet: input.quiet)
        progress.say("finding communities (\(method.rawValue)) among \(graph.nodeCount) stakeholders")
        let partition = graph.communities(method: method.value, resolution: resolution, seed: seed)
        progress.done()
        let modularity = graph.modularity(of: partition, resolution: resolution, asUndirected: true)
        let members = partition.members
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: ["id", "community"], rows: network.stakeholders.indices.map { [network.stakeholders[$0].id, String(partition.communityOf[$0] + 1)] })
            if !input.quiet { Terminal.write("stakenet: \(members.count) communities, modularity \(modularity)\n", to: .standardError) }
        case .json:
            text = try JSONOutput.encode(CommunitiesDocument(network: network, partition: partition, modularity: modularity,
                                                             method: method.rawValue, resolution: resolution, seed: seed))
        case .table:
            var table = "\(members.count) communities in \(network.name) (\(method.rawValue), resolution \(resolution), seed \(seed)); modularity \(String(format: "%.4f", modularity))\n\n"
            table += TextTable(header: ["community", "size", "kinds", "members"], rows: members.enumerated().map { c, nodes in
                var kinds: [String: Int] = [:]
                for v in nodes { kinds[network.stakeholders[v].kind?.name ?? "(none)", default: 0] += 1 }
                let kindText = kinds.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                let names = nodes.prefix(6).map { TextTable.shortened(network.stakeholders[$0].label, to: 30) }.joined(separator: ", ") + (nodes.count > 6 ? ", …" : "")
                return [String(c + 1), String(nodes.count), kindText, names]
            }).rendered
            text = table
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

enum CommunityMethodOption: String, ExpressibleByArgument, CaseIterable {
    case leiden, louvain
    var value: CommunityMethod { CommunityMethod(rawValue: rawValue)! }
}

/// `stakenet communities --format json`.
struct CommunitiesDocument: Encodable {
    struct Community: Encodable { let community: Int; let members: [String] }
    let network: String, method: String, resolution: Double, seed: UInt64, modularity: Double, communities: [Community]

    init(network: StakeholderNetwork, partition: Partition, modularity: Double, method: String, resolution: Double, seed: UInt64) {
        self.network = network.name
        self.method = method
        self.resolution = resolution
        self.seed = seed
        self.modularity = modularity
        communities = partition.members.enumerated().map { Community(community: $0 + 1, members: $1.map { network.stakeholders[$0].id }) }
    }
}
