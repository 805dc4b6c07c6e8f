import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkMetrics
import NetworkModel
import SectorComparison

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Groups of one network, or several networks, side by side with permutation and random-graph tests.",
        discussion: """
        With one network and --by: a profile of every group (ties within and between, density, E-I index,
        members' mean degree, betweenness, PageRank and reach, centralization and clustering of the group's own
        network, the kinds of stakeholders its ties go to, the brokerage roles its members play), each
        difference between groups with a permutation p-value (stakeholders' group labels shuffled, the network
        kept), and bootstrap 95% intervals for figures that average over members. Stakeholders without a value
        form the group (none). mean_reach is the expected spread of an independent cascade from one member,
        along every tie of the network with the probability given (--probability, default 0.1).

        With --by and two or more --period (or --over-time, one period per decade of the ties' years): the
        same profile in each period side by side, each period's network the ties active in it among all the
        stakeholders, and each change from one period to the next tested by swapping each pair's ties
        between the two periods at random (mean_reach left out).

        With two or more networks: whole-network figures side by side, each against 1,000 random networks of
        the same size and density (the CUG test of Anderson, Butts and Carley) and against rewirings that keep
        every stakeholder's number of ties, so networks of different sizes can be compared fairly.

        Examples:
          stakenet compare Networks/mutual-spinouts --by kind --groups spin-out,leisure-trust
          stakenet compare Networks/mutuals-research --by sector
          stakenet compare Networks/mutuals-research --by kind --permutations 10000 --format csv -o groups.csv
          stakenet compare Networks/mutuals-research --by sector --format csv --rows differences
          stakenet compare Networks/mutual-spinouts --by kind --groups spin-out,leisure-trust --period 1995..2005 --period 2010..2019
          stakenet compare health-network/ leisure-network/ --replicates 2000
        """
    )

    @Argument(help: "One network (with --by), or two or more networks to compare whole.")
    var networks: [String]

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var probabilities: ProbabilityOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: ArgumentHelp("Compare the groups of this stakeholder property (sector, kind, or any column).", valueName: "attr"))
    var by: String?

    @Option(help: ArgumentHelp("Compare only these groups (comma-separated); everyone else stays in (other), untested.", valueName: "names"))
    var groups: String?

    @Flag(name: .customLong("over-time"), help: "With --by: one period per decade of the ties' years, side by side, with tests of each change.")
    var overTime = false

    @Option(help: "Random relabellings for the permutation tests (0: none).")
    var permutations: Int = 5000

    @Option(help: "Bootstrap resamples for the 95% intervals (0: none).")
    var bootstrap: Int = 2000

    @Option(help: "Random networks per null model when comparing whole networks.")
    var replicates: Int = 1000

    @Option(help: "Cascade runs for mean_reach (0: leave mean_reach out).")
    var runs: Int = 1000

    @Option(help: "Seed for every random draw.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("With --by: estimate members' betweenness from this many sampled sources (by default exact while stakeholders × arcs stays within 2.5·10^8, sampled within that budget above: group means average away most of the sampling error).", valueName: "sources"))
    var approx: Int?

    @Flag(name: .customLong("exact-betweenness"), help: "With --by: members' betweenness from every stakeholder's shortest paths, however large the network (O(nm)).")
    var exactBetweenness = false

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(help: "With --format csv and --by: one row per group (groups) or per tested difference (differences).")
    var rows: CompareRows = .groups

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        for (name, value) in [("--permutations", permutations), ("--bootstrap", bootstrap), ("--replicates", replicates), ("--runs", runs)] where value < 0 {
            throw ValidationError("\(name) takes a number of 0 or more")
        }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
        if let approx, approx < 1 { throw ValidationError("--approx takes a number of sources of at least 1") }
        if approx != nil && exactBetweenness { throw ValidationError("--approx samples betweenness and --exact-betweenness computes it exactly: give one of them") }
        if (approx != nil || exactBetweenness) && by == nil { throw ValidationError("--approx and --exact-betweenness choose how members' betweenness is computed: add --by ATTR") }
        if (approx != nil || exactBetweenness) && (overTime || graphOptions.periods.count > 1) {
            throw ValidationError("--approx and --exact-betweenness apply to one period's groups; periods compared side by side always compute betweenness exactly, on each permuted network")
        }
        if by != nil && networks.count > 1 {
            throw ValidationError("--by compares the groups of one network; name one network, or leave out --by to compare whole networks")
        }
        if (overTime || graphOptions.periods.count > 1) && by == nil {
            throw ValidationError("periods are compared group by group: add --by ATTR")
        }
        if overTime && !graphOptions.periods.isEmpty { throw ValidationError("--over-time chooses the periods itself; give --period twice or more instead, or leave it out") }
        if by == nil && networks.count < 2 {
            throw ValidationError("give --by ATTR to compare the groups of one network, or name two or more networks to compare them whole")
        }
    }

    func run() throws {
        let progress = Progress(quiet: reading.quiet)
        defer { progress.done() }
        let text: String
        if let by, overTime || graphOptions.periods.count > 1 {
            text = try comparePeriods(by: by, progress: progress)
        } else if let by {
            text = try compareGroups(by: by, progress: progress)
        } else {
            text = try compareNetworks(progress: progress)
        }
        try Output.emit(text, to: output, inputs: networks)
    }

    // MARK: Groups of one network

    func compareGroups(by attribute: String, progress: Progress) throws -> String {
        let path = networks[0]
        let network = try reading.load(path)
        var grouping = try groupingOptions.grouping(of: network, by: attribute, quiet: reading.quiet)
        var compared = grouping.count
        if let groups {
            (grouping, compared) = try selectGroups(groups, of: grouping)
        }
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: reading.quiet))
        let kinds = try? network.grouping(by: "kind")
        let kindNames = kinds?.names ?? []
        let partnerKind = kinds?.groupOf ?? [Int](repeating: -1, count: network.stakeholderCount)
        var reach: [Double]?
        if runs > 0 {
            progress.say("reach from every stakeholder (\(runs) runs)")
            reach = try probabilities.transmissionGraph(network, path: path).reachFromEach(runs: runs, seed: seed, threads: threads).mean
        }
        let method = BetweennessMethod.automatic(for: graph, requested: approx, exact: exactBetweenness, seed: seed,
                                                 budget: BetweennessMethod.groupMeanBudget)
        progress.say(method.isExact ? "centralities" : "centralities (betweenness from sampled sources)")
        let profiler = try GroupProfiler(graph: graph, partnerKind: partnerKind, kindNames: kindNames, reach: reach,
                                         leftOut: grouping.groupOf.map { $0 < 0 }, betweenness: method, threads: threads)
        let total = permutations
        let reporter: (@Sendable (Int) -> Void)? = progress.enabled ? { @Sendable (done: Int) in progress.say("permutation \(done) of \(total)") } : nil
        let result = try GroupComparison.compare(profiler, grouping: grouping,
                                                 settings: .init(permutations: permutations, bootstrap: bootstrap, seed: seed, threads: threads),
                                                 comparedGroups: compared, progress: reporter)
        if !reading.quiet { for note in result.notes { Terminal.warning(note) } }
        let report = GroupComparisonText(network: network.name, result: result)
        switch format {
        case .table: return report.table
        case .csv: return try rows == .groups ? report.groupsCSV() : report.differencesCSV()
        case .json: return try JSONOutput.encode(GroupComparisonDocument(network: network.name, result: result))
        }
    }

    /// The same profile period by period, with permutation tests of each change.
    func comparePeriods(by attribute: String, progress: Progress) throws -> String {
        let path = networks[0]
        let network = try reading.load(path)
        var grouping = try groupingOptions.grouping(of: network, by: attribute, quiet: reading.quiet)
        var compared = grouping.count
        if let groups { (grouping, compared) = try selectGroups(groups, of: grouping) }
        guard let (first, last) = network.tieYears().map({ ($0.lowerBound, $0.upperBound) }) else {
            throw CommandFailure(message: "\(network.tieFile ?? path): no tie records a year (start or end), so there are no periods to compare")
        }
        var periods = try graphOptions.allYears()
        if overTime {
            periods = stride(from: first / 10 * 10, through: last, by: 10).map { Swift.max($0, first) ... Swift.min($0 + 9, last) }
            guard periods.count >= 2 else { throw CommandFailure(message: "--over-time: the ties' years (\(first)–\(last)) lie within one decade; give --period twice or more") }
        }
        // Each period is checked as a single --period would be (tie kinds too), and must keep some tie.
        var general = try graphOptions.selection(for: network, quiet: true, ignoringPeriod: true)
        general.period = nil
        for period in periods where !network.ties.contains(where: { tie in var one = general; one.period = period; return one.includes(tie) }) {
            throw CommandFailure(message: "--period \(period.lowerBound)-\(period.upperBound): no tie of \(network.name) is active then (its ties' years: \(first)–\(last))")
        }
        let kinds = try? network.grouping(by: "kind")
        let total = permutations * (periods.count - 1)
        let reporter: (@Sendable (Int) -> Void)? = progress.enabled ? { @Sendable (done: Int) in progress.say("permutation \(done) of \(total)") } : nil
        let result = try PeriodComparison.compare(network: network, selection: general, periods: periods, grouping: grouping,
                                                  partnerKind: kinds?.groupOf ?? [Int](repeating: -1, count: network.stakeholderCount), kindNames: kinds?.names ?? [],
                                                  permutations: permutations, seed: seed, comparedGroups: compared, threads: threads, progress: reporter)
        let report = PeriodComparisonText(network: network.name, result: result, seed: seed)
        switch format {
        case .table: return report.table
        case .csv: return try report.csv(rows: rows)
        case .json: return try report.json()
        }
    }

    /// The named groups first, in the order given, and everyone else in one group `(other)`.
    func selectGroups(_ list: String, of grouping: Grouping) throws -> (Grouping, Int) {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var chosen: [Int] = []
        for name in names {
            guard let g = grouping.index(of: name) else {
                let hint = ClosestMatch.suggestion(for: name, among: grouping.names).map { "; did you mean '\($0)'?" } ?? ""
                throw CommandFailure(message: "--groups: no stakeholder has \(grouping.attribute) '\(name)'\(hint) (groups: \(grouping.names.joined(separator: ", ")))")
            }
            if !chosen.contains(g) { chosen.append(g) }
        }
        guard chosen.count >= 2 else { throw ValidationError("--groups names at least two groups to compare") }
        let other = chosen.count
        let groupOf = grouping.groupOf.map { $0 < 0 ? Grouping.noGroup : (chosen.firstIndex(of: $0) ?? other) }
        let names2 = chosen.map { grouping.names[$0] } + (groupOf.contains(other) ? ["(other)"] : [])
        return (Grouping(attribute: grouping.attribute, names: names2, groupOf: groupOf), chosen.count)
    }

    // MARK: Whole networks

    func compareNetworks(progress: Progress) throws -> String {
        var names: [String] = [], results: [NetworkComparison] = []
        for (index, path) in networks.enumerated() {
            let network = try reading.load(path)
            let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: reading.quiet))
            let total = replicates, label = "network \(index + 1) of \(networks.count)"
            let reporter: (@Sendable (Int) -> Void)? = progress.enabled ? { @Sendable (done: Int) in progress.say("\(label): random network \(done) of \(total)") } : nil
            results.append(NetworkComparison.compare(graph, settings: .init(replicates: replicates, seed: seed, threads: threads), progress: reporter))
            var name = network.name
            while names.contains(name) { name += "'" }
            names.append(name)
        }
        let report = NetworkComparisonText(names: names, results: results, replicates: replicates, seed: seed)
        switch format {
        case .table: return report.table
        case .csv: return try report.csv()
        case .json: return try JSONOutput.encode(NetworkComparisonDocument(names: names, results: results, seed: seed))
        }
    }
}

enum CompareRows: String, ExpressibleByArgument, CaseIterable {
    case groups, differences
}
