import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Centrality and position measures for every stakeholder.",
        discussion: """
        Measures: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).
        Without --measures: \(Measure.standard.map(\.rawValue).joined(separator: ", ")).
        Conventions follow NetworkX (betweenness normalised, closeness with the Wasserman-Faust correction,
        PageRank alpha 0.85, Katz alpha 0.1, hub/authority summing to 1). On directed networks closeness and
        harmonic use distances to the stakeholder, out_closeness and out_harmonic distances from it.
        Unweighted unless --weight: path measures then read a tie of strength w as length 1/w
        (--weight-as distance: length w); the other measures use the weight as strength. strength always
        sums the ties' weights (the weight column; with --weight ATTR, that column), as igraph and Gephi do.
        Eigenvector, PageRank, Katz, hub and authority iterate until the L1 change is below 1e-12 of the
        vector's L1 norm (--tolerance loosens it for very large networks); they then equal NetworkX run with
        tol=1e-13 and igraph's PRPACK within 1e-9.

        --temporal: time-respecting measures setting out in --start (--strict for one tie per year):
        temporal_closeness (harmonic, over n - 1, on the fewest ties of a time-respecting path),
        temporal_betweenness (shortest time-respecting paths, Buss et al. 2020; normalised as betweenness)
        and, with --strict, prefix_foremost_betweenness; --approx K samples the sources of betweenness.
        Foremost and fastest betweenness are refused: counting those paths is #P-hard.

        Examples:
          stakenet metrics Networks/mutuals-research
          stakenet metrics Networks/mutuals-research --measures betweenness,pagerank --weight weight --top 10
          stakenet metrics big.csv --measures betweenness --approx 500 --seed 7 --format csv -o betweenness.csv
          stakenet metrics Networks/mutual-spinouts --temporal --start 2010 --strict --measures all
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var time: TimeOptions

    @Option(help: ArgumentHelp("Comma-separated measure names, or all.", valueName: "measures"))
    var measures: String?

    @Option(help: ArgumentHelp("Weight ties by this tie column: weight (the strength column) or another numeric column.", valueName: "attr"))
    var weight: String?

    @Option(name: .customLong("weight-as"), help: "How path measures read weights: strength (length 1/w) or distance (length w).")
    var weightAs: WeightMeaningOption = .strength

    @Option(help: ArgumentHelp("Estimate betweenness from this many sampled sources (adds betweenness_lower and betweenness_upper, a 95% interval that holds on any network, and betweenness_standard_error).", valueName: "sources"))
    var approx: Int?

    @Option(help: "Seed for --approx sampling.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("per-component"), help: "Score eigenvector centrality within each component of a disconnected network.")
    var perComponent = false

    @Option(name: .customLong("max-iterations"), help: ArgumentHelp("Iterations allowed to eigenvector, pagerank, katz, hub and authority (default 1000; 10000 for hub and authority).", valueName: "N"))
    var maxIterations: Int?

    @Option(help: ArgumentHelp("Where eigenvector, pagerank, katz, hub and authority stop: the L1 change relative to the vector's L1 norm (default 1e-12).", valueName: "x"))
    var tolerance: Double?

    @Option(help: ArgumentHelp("Show only the K highest-ranked stakeholders (by the first measure).", valueName: "K"))
    var top: Int?

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(help: ArgumentHelp("Join scores computed elsewhere: a CSV file with id first, or a folder of them (Scripts/spark/run's results). Without --measures, only they are shown.", valueName: "file"))
    var scores: String?

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if let approx, approx < 1 { throw ValidationError("--approx takes a number of sources of at least 1") }
        if let top, top < 1 { throw ValidationError("--top takes a number of at least 1") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iterations takes a number of at least 1") }
        if let tolerance, !(tolerance > 0 && tolerance < 1) { throw ValidationError("--tolerance takes a number between 0 and 1, such as 1e-9") }
        if time.temporal {
            if scores != nil { throw ValidationError("--scores joins scores of the whole network; it does not apply with --temporal") }
            _ = try TemporalMeasure.parseList(measures, strict: time.strict)
            if graphOptions.period != nil { throw ValidationError("--temporal follows the years itself: use --start rather than --period") }
            for (name, used) in [("--weight", weight != nil), ("--per-component", perComponent), ("--weight-as", weightAs != .strength),
                                 ("--tolerance", tolerance != nil), ("--max-iterations", maxIterations != nil)] where used {
                throw ValidationError("\(name) does not apply to time-respecting measures")
            }
        } else if let measures {
            if measures.lowercased().contains("temporal_") || measures.lowercased().contains("foremost") {
                throw ValidationError("temporal_closeness, temporal_betweenness and prefix_foremost_betweenness follow time-respecting paths: add --temporal")
            }
            do { _ = try Measure.parseList(measures) } catch let error as AnalysisError { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        if time.temporal { return try TemporalMetricsRun(command: self).run() }
        let network = try input.load()
        let selection = try graphOptions.selection(for: network, weighting: GraphBuilding.weighting(for: weight, in: network), quiet: input.quiet)
        let graph = try GraphBuilding.graph(of: network, selection: selection)
        let imported = try scores.map { try ImportedScores.load($0, for: network, quiet: input.quiet) }
        let asked = try measures.map(Measure.parseList) ?? (imported == nil ? Measure.standard : [])
        // strength sums the tie weights even when the other measures are unweighted.
        var strengthGraph: Graph?
        if weight == nil, asked.contains(where: { [.strength, .inStrength, .outStrength].contains($0) }) {
            var weighted = selection
            weighted.weighting = .strength
            strengthGraph = try GraphBuilding.graph(of: network, selection: weighted)
        }
        let options = MeasureOptions(weightsMean: weightAs.value, approximateSources: approx, seed: seed, perComponent: perComponent,
                                     maxIterations: maxIterations, tolerance: tolerance, strengthGraph: strengthGraph, threads: threads)
        let progress = Progress(quiet: input.quiet)
        let results = try graph.compute(asked, options: options, strict: measures != nil && measures != "all") { progress.say("computing \($0)") }
        progress.done()
        for (measure, reason) in results.skipped where !input.quiet {
            Terminal.warning("\(measure.rawValue) left out: \(reason)")
        }
        if let imported {
            for column in imported.columns where results.columns.contains(where: { $0.measure == column.measure }) {
                throw CommandFailure(message: "--scores has a column '\(column.measure)', which is also computed here; leave it out of --measures to compare, or rename it")
            }
        }
        let table = ScoreTable(network: network, columns: results.columns + (imported?.columns ?? []),
                               countColumns: Set(Measure.allCases.filter(\.isCount).map(\.rawValue)))
        // What the sampled betweenness's interval guarantees, said wherever it is shown.
        var note: String?
        if let approx, asked.contains(.betweenness) {
            let used = Swift.min(approx, graph.nodeCount)
            note = "betweenness estimated from \(used) of \(graph.nodeCount) sources (seed \(seed)); betweenness_lower and betweenness_upper "
                + "bound a 95% interval that holds for each stakeholder whatever the network (Bernstein's inequality with the Bhatia-Davis "
                + "variance bound); betweenness_standard_error is its larger half-width over 1.96. More sources narrow it."
        }
        let text: String
        switch format {
        case .csv:
            text = try table.csv()
            if let note, !input.quiet { Terminal.note(note) }
        case .json: text = try table.json(extra: note.map { ["betweenness_interval": $0] } ?? [:])
        case .table: text = table.text(top: top) + (note.map { "\n\($0)\n" } ?? "")
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

extension AnalysisError {
    /// What the user can do, as the options of `stakenet metrics` allow.
    var advice: String {
        switch self {
        case .disconnected: return " (add --per-component)"
        case .notConverged: return " (allow more with --max-iterations, loosen --tolerance, or leave the measure out)"
        case .invalid: return ""
        }
    }
}

enum WeightMeaningOption: String, ExpressibleByArgument, CaseIterable {
    case strength, distance
    var value: WeightMeaning { WeightMeaning(rawValue: rawValue)! }
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension ImportedScores {
    /// Reads scores for `network`, saying on standard error which file each column came from and how many
    /// stakeholders a table leaves without a value.
    static func load(_ path: String, for network: StakeholderNetwork, quiet: Bool) throws -> ImportedScores {
        let imported = try ScoreFiles.read(path, for: network)
        if !quiet {
            for (i, column) in imported.columns.enumerated() {
                Terminal.note("\(column.measure) read from \(imported.sources[i])")
                if imported.missing[i] > 0 {
                    Terminal.warning("\(imported.missing[i]) of \(network.stakeholderCount) stakeholders have no \(column.measure) in \(imported.sources[i]); they are left blank")
                }
            }
        }
        return imported
    }
}
