import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel
import NetworkReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report on a network: summary, map, key stakeholders, communities, diffusion, comparison.",
        discussion: """
        The page works offline (styles, script, maps and charts are inside it) and prints well. Each section
        opens with a sentence on what it shows. With --by, each group gets its own map and the groups are
        compared with permutation tests. Without --seeds, the diffusion section starts from the stakeholders
        an innovation spreads furthest from (influence maximisation). The provenance section lists each input
        file with its SHA-256, the settings, the StakeNet version and the date (SOURCE_DATE_EPOCH if set).

        Examples:
          stakenet report Networks/mutual-spinouts -o report.html --by kind --groups spin-out,leisure-trust
          stakenet report Networks/mutual-spinouts -o report.html --by sector
          stakenet report Networks/mutuals-research -o research.html --seeds case-health-a --title "Who learns from whom"
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var probabilities: ProbabilityOptions
    @OptionGroup var graphviz: GraphvizOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(name: .short, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Scores computed elsewhere (a CSV file with id first, or a folder of them, such as Scripts/spark/run's results): degree, pagerank and betweenness replace the report's own, the others join the key stakeholders' table; the provenance says where each came from.", valueName: "file"))
    var scores: String?

    @Option(help: ArgumentHelp("Compare groups of this stakeholder property, with a map of each.", valueName: "attr"))
    var by: String?

    @Option(help: ArgumentHelp("With --by: compare and map only these groups (comma-separated).", valueName: "names"))
    var groups: String?

    @Option(help: ArgumentHelp("First adopters for the diffusion section (ids or labels, comma-separated).", valueName: "ids"))
    var seeds: String?

    @Option(help: "The report's title (the network's name by default).")
    var title: String?

    @Option(help: "Simulated runs for the adoption curve.")
    var runs: Int = 2000

    @Option(help: "Random relabellings for the comparison's permutation tests.")
    var permutations: Int = 2000

    @Option(help: "Seed for every random draw.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: ArgumentHelp("Estimate betweenness and harmonic closeness from this many sampled sources (by default exact while stakeholders × arcs stays within 10^9, sampled within that budget above; the report says which).", valueName: "sources"))
    var approx: Int?

    @Flag(name: .customLong("exact-betweenness"), help: "Betweenness and harmonic closeness from every stakeholder's shortest paths, however large the network (O(nm)).")
    var exactBetweenness = false

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs takes a number of at least 1") }
        if permutations < 0 { throw ValidationError("--permutations takes a number of 0 or more") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
        if let approx, approx < 1 { throw ValidationError("--approx takes a number of sources of at least 1") }
        if approx != nil && exactBetweenness { throw ValidationError("--approx samples betweenness and --exact-betweenness computes it exactly: give one of them") }
    }

    func run() throws {
        let recorded = try input.load(keepingReports: true)
        let network = try input.reading.analysed(recorded, path: input.network)
        if groups != nil && by == nil { throw ValidationError("--groups names groups of --by ATTR; give --by too") }
        if let by {
            let grouping = try groupingOptions.grouping(of: network, by: by, quiet: input.quiet)
            for name in groups?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) ?? [] where grouping.index(of: name) == nil {
                let hint = ClosestMatch.suggestion(for: name, among: grouping.names).map { "; did you mean '\($0)'?" } ?? ""
                throw CommandFailure(message: "--groups: no stakeholder has \(by) '\(name)'\(hint)")
            }
        }
        var options = ReportOptions()
        if recorded.hasReports {
            options.interviews = recorded
            options.consensus = input.reading.consensusMethod
            options.roster = input.reading.roster
        }
        options.title = title
        options.by = by
        options.missingAsGroup = groupingOptions.missingAsGroup
        options.groups = groups?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        options.seeds = try seeds.map { try StakeholderIDs.resolve($0, in: network, option: "--seeds") }
        options.probability = try probabilities.tieProbability()
        _ = try probabilities.transmissionGraph(network, path: input.network)  // a bad tie probability is an input error with its line
        options.runs = runs
        options.permutations = permutations
        options.seed = seed
        options.threads = threads
        options.approximateSources = approx
        options.exactBetweenness = exactBetweenness
        options.graphviz = graphviz.isolation
        options.inputs = [input.network]
        if let scores {
            let imported = try ImportedScores.load(scores, for: network, quiet: input.quiet)
            for (i, column) in imported.columns.enumerated() {
                if ImportedMeasure.replaceable.contains(column.measure), imported.missing[i] > 0 {
                    throw CommandFailure(message: "\(imported.sources[i]): \(column.measure) is missing for \(imported.missing[i]) of \(network.stakeholderCount) stakeholders; the report uses it in place of its own, so it needs every stakeholder's")
                }
                options.importedScores.append(ImportedMeasure(scores: column, source: imported.sources[i]))
            }
        }
        options.invocation = (["stakenet"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        options.selection = input.reading.whereConditions.map { "only the stakeholders where \($0), and the ties among them (\(network.stakeholderCount) stakeholders, \(network.tieCount) ties)" }
        let progress = Progress(quiet: input.quiet)
        var warnings: [String] = []
        let html = try NetworkReport.html(for: network, options: options, progress: { step in progress.say("report: \(step)") },
                                          warning: { warnings.append($0) })
        progress.done()
        if !input.quiet { for warning in warnings { Terminal.warning(warning) } }
        try OutputFile.write(Data(html.utf8), to: output, inputs: [input.network])
        if !input.quiet { Terminal.write("stakenet: wrote the report to \(output)\n", to: .standardError) }
    }
}
