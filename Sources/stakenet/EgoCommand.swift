import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "One stakeholder's neighbourhood card: alters by kind and sector, ties among them, brokerage and constraint.",
        discussion: """
        Alters are the stakeholders within --radius steps along ties in either direction. Brokerage roles are
        counted in the whole network, by the groups of --by (kind by default; without kinds, or when the
        stakeholder has no value for it, the card has no brokerage line). Stakeholders without a value for
        --by are in no group.

        Examples:
          stakenet ego Networks/mutuals-research ceedr
          stakenet ego Networks/mutuals-research irc --radius 2 --by sector --format json
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Argument(help: "The stakeholder: its id or its label (case and spaces do not matter).")
    var id: String

    @Option(help: "Steps from the stakeholder that count as its neighbourhood.")
    var radius: Int = 1

    @Option(help: ArgumentHelp("Group alters and brokerage roles by this property (default: kind, when stakeholders have kinds).", valueName: "attr"))
    var by: String?

    @Option(help: "table or json.")
    var format: OutputFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if radius < 1 { throw ValidationError("--radius takes a number of at least 1") }
    }

    func run() throws {
        let network = try input.load()
        let ego: Int
        do { ego = try StakeholderNames(network).resolve(id) } catch let error as StakeholderNameError {
            throw CommandFailure(message: "\(input.network): \(error.description)")
        }
        // The default, kind, is used when stakeholders have kinds; a property the user names must exist.
        let grouping: Grouping?
        if let by {
            grouping = try groupingOptions.grouping(of: network, by: by, quiet: input.quiet, leftOutOf: "brokerage")
        } else if network.stakeholders.contains(where: { $0.kind != nil }) {
            grouping = try groupingOptions.grouping(of: network, by: "kind", quiet: input.quiet, leftOutOf: "brokerage")
        } else {
            grouping = nil
        }
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: input.quiet))
        let card = EgoCard(network: network, graph: graph, ego: ego, radius: radius, grouping: grouping)
        let text = format == .json ? try JSONOutput.encode(card, sortedKeys: true) : card.text
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

/// What `stakenet ego` reports about one stakeholder.
struct EgoCard: Encodable {
    struct Count: Encodable { let name: String; let count: Int }
    struct Alter: Encodable { let id: String; let label: String; let kind: String?; let sector: String?; let distance: Int }
    let id: String, label: String, kind: String?, sector: String?
    let radius: Int, out_degree: Int, in_degree: Int
    let alters: [Alter]
    let alters_by_kind: [Count], alters_by_sector: [Count]
    let ties_among_alters: Int, density_among_alters: Double?
    let grouped_by: String?
    /// Ties among alters between groups (`a -> b`, or `a -- b` when undirected), most frequent first
    /// (alters without a group left out).
    let ties_between_alter_groups: [Count]
    /// Brokerage roles by `grouped_by`; nil without a grouping or when the stakeholder has no group.
    let brokerage: [String: Int]?
    let constraint: Double?, effective_size: Double?, efficiency: Double?, hierarchy: Double?

    init(network: StakeholderNetwork, graph: Graph, ego: Int, radius: Int, grouping: Grouping?) {
        let stakeholder = network.stakeholders[ego]
        let neighbourhood = graph.egoNetwork(of: ego, radius: radius)
        func tally(_ values: [String]) -> [Count] {
            var counts: [String: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts.map { Count(name: $0.key, count: $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        }
        id = stakeholder.id
        label = stakeholder.label
        kind = stakeholder.kind?.name
        sector = stakeholder.sector
        self.radius = radius
        out_degree = neighbourhood.outDegree
        in_degree = neighbourhood.inDegree
        alters = zip(neighbourhood.alters, neighbourhood.distance).map { v, d in
            let alter = network.stakeholders[v]
            return Alter(id: alter.id, label: alter.label, kind: alter.kind?.name, sector: alter.sector, distance: d)
        }
        alters_by_kind = tally(neighbourhood.alters.map { network.stakeholders[$0].kind?.name ?? Grouping.missingName })
        alters_by_sector = tally(neighbourhood.alters.map { network.stakeholders[$0].sector ?? Grouping.missingName })
        ties_among_alters = neighbourhood.tiesAmongAlters
        density_among_alters = neighbourhood.densityAmongAlters
        grouped_by = grouping?.attribute
        let members = Set(neighbourhood.alters)
        var pairs: [String] = []
        if let grouping {
            for u in neighbourhood.alters {
                for w in graph.successors(of: u) where members.contains(Int(w)) && Int(w) != u && (graph.isDirected || Int(w) > u) {
                    guard let a = grouping.name(of: u), let b = grouping.name(of: Int(w)) else { continue }
                    pairs.append(graph.isDirected ? "\(a) -> \(b)" : (a <= b ? "\(a) -- \(b)" : "\(b) -- \(a)"))
                }
            }
        }
        ties_between_alter_groups = tally(pairs)
        if let grouping, grouping.groupOf[ego] >= 0 {
            let roles = graph.brokerage(groupOf: grouping.groupOf)
            brokerage = Dictionary(uniqueKeysWithValues: Brokerage.Role.allCases.map { ($0.name, Int(roles.counts[ego][$0.rawValue])) })
        } else {
            brokerage = nil
        }
        let holes = graph.structuralHoles()
        func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
        constraint = defined(holes.constraint[ego])
        effective_size = defined(holes.effectiveSize[ego])
        efficiency = defined(holes.efficiency[ego])
        hierarchy = defined(holes.hierarchy[ego])
    }

    var text: String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
        var text = "\(label) (\(id))" + [kind, sector].compactMap { $0 }.map { ", \($0)" }.joined() + "\n"
        text += "\(alters.count) alters within \(radius) step\(radius == 1 ? "" : "s"); \(out_degree) ties out, \(in_degree) in\n\n"
        text += TextTable(header: ["alter kind", "alters"], rows: alters_by_kind.map { [$0.name, String($0.count)] }).rendered + "\n"
        text += TextTable(header: ["alter sector", "alters"], rows: alters_by_sector.map { [$0.name, String($0.count)] }).rendered + "\n"
        text += "ties among alters: \(ties_among_alters); density among alters: \(number(density_among_alters))\n"
        if let grouped_by, !ties_between_alter_groups.isEmpty {
            text += TextTable(header: ["ties between alters' \(grouped_by)", "ties"], rows: ties_between_alter_groups.map { [$0.name, String($0.count)] }).rendered
        }
        if let grouped_by {
            if let brokerage {
                text += "\nbrokerage by \(grouped_by): " + Brokerage.Role.allCases.map { "\($0.name) \(brokerage[$0.name]!)" }.joined(separator: ", ") + "\n"
            } else {
                text += "\nbrokerage by \(grouped_by): none counted (\(label) has no value for \(grouped_by))\n"
            }
        } else {
            text += "\n"
        }
        text += "structural holes: constraint \(number(constraint)), effective size \(number(effective_size)), efficiency \(number(efficiency)), hierarchy \(number(hierarchy))\n\n"
        text += TextTable(header: ["alter", "label", "kind", "sector", "steps"], rows: alters.map { [$0.id, $0.label, $0.kind ?? "-", $0.sector ?? "-", String($0.distance)] }).rendered
        return text
    }
}
