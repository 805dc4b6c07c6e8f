import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct HomophilyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "homophily",
        abstract: "Whether ties stay within groups: E-I index with a permutation test, assortativity, mixing matrix.",
        discussion: """
        E-I index (Krackhardt & Stern): (external - internal)/(external + internal) ties, from -1 (all ties
        within groups) to +1 (all between); per group over the ties touching it. The permutation test relabels
        stakeholders at random, keeping group sizes, as UCINET does. Assortativity is Newman's r (NetworkX's
        attribute_assortativity_coefficient). The mixing matrix counts ties between groups (rows: from). On a
        numeric property the groups are its values, and its numeric assortativity (Newman's r for a scale, as
        NetworkX's numeric_assortativity_coefficient) is added.
        Stakeholders without a value for --by are in no group: ties with such an end are left out of every
        figure, and the test relabels only the others (--missing-as-group makes them a group, '(none)').

        Examples:
          stakenet homophily Networks/mutuals-research --by sector
          stakenet homophily Networks/mutuals-research --by kind --permutations 20000 --seed 7 --format json
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: ArgumentHelp("Group stakeholders by this property (sector, kind, or any stakeholder column).", valueName: "attr"))
    var by: String

    @Option(help: "Random relabellings for the E-I permutation test (0: none).")
    var permutations: Int = 5000

    @Option(help: "Seed for the permutation test.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv (one row per group) or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations takes a number of 0 or more") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
    }

    func run() throws {
        let network = try input.load()
        let grouping = try groupingOptions.grouping(of: network, by: by, quiet: input.quiet)
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: input.quiet))
        let progress = Progress(quiet: input.quiet)
        let total = permutations
        let result = graph.homophily(groupOf: grouping.groupOf, groupCount: grouping.count, permutations: permutations, seed: seed, threads: threads,
                                     progress: progress.enabled ? { @Sendable done in progress.say("permutation \(done) of \(total)") } : nil)
        progress.done()
        let sizes = grouping.members.map(\.count)
        // A numeric property is also a scale: Newman's numeric assortativity.
        let numeric = grouping.isNumeric ? graph.numericAssortativity(network.stakeholders.map { $0.value(of: grouping.attribute).numericValue }) : nil
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: ["group", "stakeholders", "internal_ties", "external_ties", "e_i_index"], rows: grouping.names.indices.map { g in
                [grouping.names[g], String(sizes[g]), String(result.groupInternal[g]), String(result.groupExternal[g]), result.groupEI[g].map(CSVText.number) ?? ""]
            })
        case .json:
            text = try JSONOutput.encode(HomophilyDocument(network: network.name, grouping: grouping, sizes: sizes, result: result, numeric: numeric), sortedKeys: true)
        case .table:
            text = table(network, grouping, sizes, result, numeric: numeric)
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }

    func table(_ network: StakeholderNetwork, _ grouping: Grouping, _ sizes: [Int], _ result: Homophily, numeric: Double?) -> String {
        func brief(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "n/a" }
        var text = "Homophily of \(network.name) by \(by) (\(grouping.count) groups)\n"
        let ungrouped = grouping.ungrouped.count
        if ungrouped > 0 {
            text += "\(ungrouped) stakeholder\(ungrouped == 1 ? "" : "s") without a value for \(by) left out, with their ties\n"
        }
        text += "\n"
        text += "E-I index      \(brief(result.eiIndex))  (\(result.externalTies) ties between groups, \(result.internalTies) within)\n"
        if let test = result.permutation {
            text += "permutations   \(test.permutations) (seed \(test.seed)): expected \(brief(test.mean)), sd \(brief(test.standardDeviation)), range \(brief(test.minimum)) to \(brief(test.maximum))\n"
            text += "               p(E-I >= observed) = \(String(format: "%.4f", test.pGreaterOrEqual)), p(E-I <= observed) = \(String(format: "%.4f", test.pLessOrEqual))\n"
            let significant = min(test.pGreaterOrEqual, test.pLessOrEqual) < 0.025
            text += "               " + (significant
                ? "ties are \(test.pLessOrEqual < test.pGreaterOrEqual ? "more within" : "more between") groups than chance (two-sided p < 0.05)\n"
                : "no difference from chance at the 0.05 level (two-sided)\n")
        }
        text += "assortativity  \(brief(result.assortativity))  (Newman's r)\n"
        if grouping.isNumeric {
            text += "numeric assortativity  \(brief(numeric))  (\(grouping.attribute) as a number: Newman's r, as NetworkX's numeric_assortativity_coefficient)\n"
        }
        text += "\n"
        text += TextTable(header: ["group", "stakeholders", "within", "between", "E-I"], rows: grouping.names.indices.map { g in
            [grouping.names[g], String(sizes[g]), String(result.groupInternal[g]), String(result.groupExternal[g]), brief(result.groupEI[g])]
        }).rendered
        text += "\nmixing matrix (ties\(network.isDirected ? " from row group to column group" : " between groups"))\n"
        text += TextTable(header: [""] + grouping.names, rows: grouping.names.indices.map { g in [grouping.names[g]] + result.mixing[g].map(String.init) }).rendered
        return text
    }
}

/// `stakenet homophily --format json`.
struct HomophilyDocument: Encodable {
    struct Group: Encodable {
        let name: String, stakeholders: Int, internal_ties: Int, external_ties: Int, e_i_index: Double?
    }
    struct Test: Encodable {
        let permutations: Int, seed: UInt64, expected: Double, standard_deviation: Double, minimum: Double, maximum: Double
        let p_greater_or_equal: Double, p_less_or_equal: Double
    }
    let network: String, by: String, without_value: Int, e_i_index: Double?, external_ties: Int, internal_ties: Int
    let assortativity: Double?, numeric_assortativity: Double?, permutation_test: Test?, groups: [Group], mixing: [String: [String: Int]]

    init(network: String, grouping: Grouping, sizes: [Int], result: Homophily, numeric: Double?) {
        numeric_assortativity = numeric
        self.network = network
        by = grouping.attribute
        without_value = grouping.ungrouped.count
        e_i_index = result.eiIndex
        external_ties = result.externalTies
        internal_ties = result.internalTies
        assortativity = result.assortativity
        permutation_test = result.permutation.map {
            Test(permutations: $0.permutations, seed: $0.seed, expected: $0.mean, standard_deviation: $0.standardDeviation,
                 minimum: $0.minimum, maximum: $0.maximum, p_greater_or_equal: $0.pGreaterOrEqual, p_less_or_equal: $0.pLessOrEqual)
        }
        groups = grouping.names.indices.map {
            Group(name: grouping.names[$0], stakeholders: sizes[$0], internal_ties: result.groupInternal[$0],
                  external_ties: result.groupExternal[$0], e_i_index: result.groupEI[$0])
        }
        var matrix: [String: [String: Int]] = [:]
        for (g, name) in grouping.names.enumerated() {
            matrix[name] = Dictionary(uniqueKeysWithValues: grouping.names.enumerated().map { ($1, result.mixing[g][$0]) })
        }
        mixing = matrix
    }
}
