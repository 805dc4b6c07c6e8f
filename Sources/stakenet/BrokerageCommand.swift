import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct BrokerageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokerage",
        abstract: "Gould-Fernandez brokerage roles of every stakeholder, by a grouping attribute.",
        discussion: """
        For every two-path a -> b -> c with no tie a -> c, broker b is a coordinator (all in one group), consultant
        (a and c in one group, b in another), representative (b in a's group), gatekeeper (b in c's group) or
        liaison (three groups). Expected counts and z-scores follow R sna's brokerage() null model; where its
        variance is zero the z-score is undefined and shown as n/a (an empty cell in CSV, null in JSON).
        On undirected networks every tie runs both ways, so each path is counted in both directions (as sna).
        Stakeholders without a value for --by are in no group: no two-path through them is classified, the
        figures are those of the network among the others (as sna's brokerage of it), and theirs are left
        empty (--missing-as-group makes them a group of their own, '(none)').

        Examples:
          stakenet brokerage Networks/mutuals-research --by kind
          stakenet brokerage Networks/mutuals-research --by sector --format csv -o brokerage.csv
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: ArgumentHelp("Group stakeholders by this property (sector, kind, or any stakeholder column).", valueName: "attr"))
    var by: String

    @Option(help: ArgumentHelp("Show only the K stakeholders who broker most.", valueName: "K"))
    var top: Int?

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    static let roles = Brokerage.Role.allCases.map(\.name)

    func run() throws {
        let network = try input.load()
        let grouping = try groupingOptions.grouping(of: network, by: by, quiet: input.quiet, leftOutOf: "brokerage")
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: input.quiet))
        let result = graph.brokerage(groupOf: grouping.groupOf)
        let text: String
        switch format {
        case .csv: text = try csv(network, grouping, result)
        case .json: text = try JSONOutput.encode(BrokerageDocument(network, grouping, result), sortedKeys: true)
        case .table: text = table(network, grouping, result)
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }

    func csv(_ network: StakeholderNetwork, _ grouping: Grouping, _ result: Brokerage) throws -> String {
        let header = ["id", "group"] + Self.roles + Self.roles.map { "expected_" + $0 } + Self.roles.map { "z_" + $0 }
        let rows = network.stakeholders.indices.map { v -> [String] in
            guard let group = grouping.name(of: v) else { return [network.stakeholders[v].id, ""] + [String](repeating: "", count: 18) }
            let z = (0 ..< 6).map { Brokerage.z(result.counts[v][$0], result.expected[v][$0], result.standardDeviation[v][$0]) }
            return [network.stakeholders[v].id, group]
                + result.counts[v].map { String(Int($0)) } + result.expected[v].map(CSVText.number) + z.map { $0.map(CSVText.number) ?? "" }
        }
        return try CSVText.render(header: header, rows: rows)
    }

    func table(_ network: StakeholderNetwork, _ grouping: Grouping, _ result: Brokerage) -> String {
        func brief(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }
        let order = network.stakeholders.indices.filter { grouping.groupOf[$0] >= 0 }.sorted { (result.counts[$0][5], $1) > (result.counts[$1][5], $0) }
        let rows = order.prefix(top ?? order.count).map { v -> [String] in
            [network.stakeholders[v].id, network.stakeholders[v].label, grouping.names[grouping.groupOf[v]]]
                + result.counts[v].map { String(Int($0)) }
                + [brief(Brokerage.z(result.counts[v][5], result.expected[v][5], result.standardDeviation[v][5]))]
        }
        var text = "Brokerage roles by \(by) (\(grouping.count) groups)\n"
        let ungrouped = grouping.ungrouped.count
        if ungrouped > 0 { text += "\(ungrouped) stakeholder\(ungrouped == 1 ? "" : "s") without a value for \(by) left out: no path through them is counted\n" }
        text += "\n"
        text += TextTable(header: ["id", "label", "group"] + Self.roles + ["z_total"], rows: rows).rendered
        text += "\nnetwork"
        let totals = (0 ..< 6).map { r -> [String] in
            [Self.roles[r], String(Int(result.totals[r])), String(format: "%.2f", result.totalsExpected[r]),
             brief(Brokerage.z(result.totals[r], result.totalsExpected[r], result.totalsStandardDeviation[r]))]
        }
        text += "\n" + TextTable(header: ["role", "observed", "expected", "z"], rows: totals).rendered
        text += "\nz: (observed − expected)/sd under sna's null model; n/a where that variance is zero (a group too small for the role).\n"
        return text
    }
}

/// `stakenet brokerage --format json`.
struct BrokerageDocument: Encodable {
    struct Figures: Encodable {
        let observed: [String: Int], expected: [String: Double], z: [String: Double?]
    }
    struct Row: Encodable {
        let id: String, label: String, group: String?, roles: Figures?
    }
    let network: String, by: String, groups: [String: Int], without_value: Int, network_totals: Figures, stakeholders: [Row], note: String

    init(_ network: StakeholderNetwork, _ grouping: Grouping, _ result: Brokerage) {
        func figures(_ observed: [Double], _ expected: [Double], _ deviation: [Double]) -> Figures {
            let roles = BrokerageCommand.roles
            return Figures(observed: Dictionary(uniqueKeysWithValues: zip(roles, observed.map { Int($0) })),
                           expected: Dictionary(uniqueKeysWithValues: zip(roles, expected)),
                           z: Dictionary(uniqueKeysWithValues: (0 ..< 6).map { (roles[$0], Brokerage.z(observed[$0], expected[$0], deviation[$0])) }))
        }
        self.network = network.name
        by = grouping.attribute
        groups = Dictionary(uniqueKeysWithValues: zip(grouping.names, result.groupSizes))
        without_value = grouping.ungrouped.count
        network_totals = figures(result.totals, result.totalsExpected, result.totalsStandardDeviation)
        stakeholders = network.stakeholders.indices.map { v in
            Row(id: network.stakeholders[v].id, label: network.stakeholders[v].label, group: grouping.name(of: v),
                roles: grouping.groupOf[v] < 0 ? nil : figures(result.counts[v], result.expected[v], result.standardDeviation[v]))
        }
        note = "z is null where the null model's variance is zero; group and roles are null for stakeholders without a value (left out)"
    }
}
