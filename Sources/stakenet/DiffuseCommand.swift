import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkModel
import NetworkTime

struct DiffuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diffuse",
        abstract: "Simulate an innovation spreading from its first adopters: who follows, how likely, how soon.",
        discussion: """
        Models: ic (independent cascade), lt (linear threshold, weighted by tie strength), threshold (fractional
        threshold: --threshold or --threshold-from), sir and sis (--recovery; sir with recovery 0 is SI), bass
        (--external for adoption on one's own). Tie probabilities: --probability (every tie, default 0.1),
        --probability-from ATTR (a tie column in [0, 1]) or --probability-by-kind funding=0.3,support=0.2.
        Parallel ties are independent chances. The same --seed gives the same numbers on any number of threads.
        CSV: id,adoption_probability,standard_error,mean_step (mean_step empty when never adopted).
        --temporal (ic only) follows the ties' years: the first adopters adopt in --start (default the ties'
        earliest year); each adopter has one chance per tie, in the first year from its adoption (after it,
        with --strict) in which the tie is active; steps are years, and CSV adds mean_year.

        Examples:
          stakenet diffuse Networks/mutuals-research --seeds ceedr --runs 10000
          stakenet diffuse Networks/mutuals-research --seeds case-health-a --model lt --format csv -o spread.csv
          stakenet diffuse Networks/mutuals-research --seeds ceedr --probability-by-kind research=0.4,knowledge-exchange=0.6
          stakenet diffuse Networks/mutual-spinouts --seeds council-a --temporal --start 2010 --probability 0.3
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(help: ArgumentHelp("First adopters: stakeholders by id or label, comma-separated.", valueName: "ids"))
    var seeds: String

    @Option(help: "ic, lt, threshold, sir, sis or bass.")
    var model: ModelOption = .ic

    @Option(help: "Simulated runs.")
    var runs: Int = 10_000

    @Option(help: "At most this many steps per run (sis and bass default to 100).")
    var steps: Int?

    @Option(help: "Seed for the simulation.")
    var seed: UInt64 = 1

    @OptionGroup var probabilities: ProbabilityOptions

    @OptionGroup var time: TimeOptions

    @Option(help: "threshold model: the share of adopting in-neighbours needed, for every stakeholder.")
    var threshold: Double?

    @Option(name: .customLong("threshold-from"), help: ArgumentHelp("threshold model: a stakeholder column holding each one's threshold.", valueName: "attr"))
    var thresholdFrom: String?

    @Option(help: "sir/sis: probability of recovering each step.")
    var recovery: Double = 0.2

    @Option(help: "bass: probability of adopting on one's own each step.")
    var external: Double = 0.01

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: ArgumentHelp("Show only the K likeliest adopters.", valueName: "K"))
    var top: Int?

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs takes a number of at least 1") }
        if let steps, steps < 1 { throw ValidationError("--steps takes a number of at least 1") }
        for (name, value) in [("--threshold", threshold), ("--recovery", Optional(recovery)), ("--external", Optional(external))] {
            if let value, !(0 ... 1).contains(value) { throw ValidationError("\(name) takes a number from 0 to 1, not \(value)") }
        }
        if model == .threshold && (threshold == nil) == (thresholdFrom == nil) { throw ValidationError("the threshold model needs --threshold or --threshold-from") }
        if time.temporal && model != .ic {
            throw ValidationError("--temporal runs the independent cascade (--model ic): each adopter's one chance per tie comes in the first year the tie is active")
        }
    }

    func run() throws {
        let network = try input.load()
        let seedNodes = try StakeholderIDs.resolve(seeds, in: network, option: "--seeds")
        let progress = Progress(quiet: input.quiet)
        let total = runs
        var reporter: (@Sendable (Int) -> Void)?
        if progress.enabled {
            reporter = { @Sendable (done: Int) in progress.say("run \(done) of \(total)") }
        }
        let settings = DiffusionSettings(runs: runs, steps: steps, seed: seed, threads: threads)
        if time.temporal {
            let temporal = try time.network(of: network, path: input.network)
            let cascade = try TemporalCascade(network: temporal, tieProbability: try probabilities.tieProbabilities(network, path: input.network),
                                              start: time.start, order: time.order)
            let result = cascade.simulate(seeds: seedNodes, settings: settings, progress: reporter)
            progress.done()
            try emit(network, result, seedNodes, start: cascade.start, convention: time.convention(temporal))
            return
        }
        let transmission = try probabilities.transmissionGraph(network, path: input.network)
        let diffusionModel: DiffusionModel
        switch model {
        case .ic: diffusionModel = .independentCascade
        case .lt: diffusionModel = .linearThreshold
        case .sir: diffusionModel = .sir(recovery: recovery)
        case .sis: diffusionModel = .sis(recovery: recovery)
        case .bass: diffusionModel = .bass(external: external)
        case .threshold: diffusionModel = .fractionalThreshold(thresholds: try thresholds(network))
        }
        let result = transmission.simulate(diffusionModel, seeds: seedNodes, settings: settings, progress: reporter)
        progress.done()
        try emit(network, result, seedNodes, start: nil, convention: nil)
    }

    /// Writes the result; `start` is the calendar year of step 0 for a temporal spread.
    func emit(_ network: StakeholderNetwork, _ result: DiffusionResult, _ seedNodes: [Int], start: Int?, convention: String?) throws {
        let text: String
        switch format {
        case .csv:
            var header = ["id", "adoption_probability", "standard_error", "mean_step"]
            if start != nil { header.append("mean_year") }
            text = try CSVText.render(header: header, rows: network.stakeholders.indices.map { v in
                [network.stakeholders[v].id, CSVText.number(result.adoptionProbability[v]), CSVText.number(result.standardError[v]), CSVText.number(result.meanStep[v])]
                    + (start.map { [CSVText.number(Double($0) + result.meanStep[v])] } ?? [])
            })
            if let convention, !input.quiet { Terminal.write("stakenet: \(convention)\n", to: .standardError) }
        case .json:
            text = try JSONOutput.encode(DiffusionDocument(network: network, result: result, seeds: seedNodes, model: model.rawValue, seed: seed,
                                                           start: start, convention: convention), sortedKeys: true)
        case .table: text = table(network, result, seedNodes, start: start, convention: convention)
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }

    func thresholds(_ network: StakeholderNetwork) throws -> [Double] {
        guard let given = thresholdFrom else { return network.stakeholders.map { _ in threshold! } }
        let thresholdFrom = network.property(named: given) ?? given
        return try network.stakeholders.map { stakeholder in
            let value = stakeholder.value(of: thresholdFrom)
            guard let number = value.numericValue, (0 ... 1).contains(number) else {
                throw InputError(file: network.stakeholderFile ?? input.network, field: thresholdFrom,
                                 message: "stakeholder '\(stakeholder.id)' has threshold \(value.text.map { "'\($0)'" } ?? "missing")",
                                 hint: "thresholds are numbers from 0 to 1, or use --threshold for everyone")
            }
            return number
        }
    }

    func table(_ network: StakeholderNetwork, _ result: DiffusionResult, _ seedNodes: [Int], start: Int?, convention: String?) -> String {
        let spread = result.expectedSpread
        var text = "\(model.rawValue) from \(seedNodes.map { network.stakeholders[$0].id }.joined(separator: ", ")): \(result.runs) runs, seed \(seed)\n"
        if let convention { text += "\(convention)\n" }
        text += String(format: "expected adopters %.3f (standard error %.3f) of %d stakeholders\n\n", spread.mean, spread.standardError, network.stakeholderCount)
        // A temporal spread runs year by year: its curve is in calendar years, and shown whole.
        text += TextTable(header: [start == nil ? "step" : "year", "adopters by then", "95% interval"], rows: result.curve.prefix(start == nil ? 20 : result.curve.count).map {
            [String($0.step + (start ?? 0)), String(format: "%.3f", $0.mean), String(format: "%.3f – %.3f", $0.lower, $0.upper)]
        }).rendered
        let order = network.stakeholders.indices.sorted { (result.adoptionProbability[$0], $1) > (result.adoptionProbability[$1], $0) }
        text += "\n" + TextTable(header: ["id", "label", "kind", "adoption probability", "standard error", start == nil ? "mean step" : "mean year"], rows: order.prefix(top ?? order.count).map { v in
            [network.stakeholders[v].id, network.stakeholders[v].label, network.stakeholders[v].kind?.name ?? "-",
             String(format: "%.4f", result.adoptionProbability[v]), String(format: "%.4f", result.standardError[v]),
             result.meanStep[v].isNaN ? "-" : String(format: "%.2f", result.meanStep[v] + Double(start ?? 0))]
        }).rendered
        return text
    }
}

enum ModelOption: String, ExpressibleByArgument, CaseIterable {
    case ic, lt, threshold, sir, sis, bass
}

/// `stakenet diffuse --format json`.
struct DiffusionDocument: Encodable {
    struct Row: Encodable { let id: String; let adoption_probability: Double; let standard_error: Double; let mean_step: Double?; let mean_year: Double? }
    struct Point: Encodable { let step: Int; let year: Int?; let mean: Double; let lower: Double; let upper: Double }
    let network: String, model: String, seeds: [String], runs: Int, seed: UInt64
    /// A temporal spread: the year of step 0, and the conventions of time.
    let start: Int?, convention: String?
    let expected_spread: Double, expected_spread_standard_error: Double
    let curve: [Point], spread_distribution: [String: Int], stakeholders: [Row]

    init(network: StakeholderNetwork, result: DiffusionResult, seeds: [Int], model: String, seed: UInt64, start: Int? = nil, convention: String? = nil) {
        self.network = network.name
        self.start = start
        self.convention = convention
        self.model = model
        self.seeds = seeds.map { network.stakeholders[$0].id }
        runs = result.runs
        self.seed = seed
        (expected_spread, expected_spread_standard_error) = result.expectedSpread
        curve = result.curve.map { Point(step: $0.step, year: start.map { [step = $0.step] in $0 + step }, mean: $0.mean, lower: $0.lower, upper: $0.upper) }
        spread_distribution = Dictionary(uniqueKeysWithValues: result.spreadCounts.enumerated().filter { $0.element > 0 }.map { (String($0.offset), $0.element) })
        stakeholders = network.stakeholders.indices.map { v in
            Row(id: network.stakeholders[v].id, adoption_probability: result.adoptionProbability[v], standard_error: result.standardError[v],
                mean_step: result.meanStep[v].isNaN ? nil : result.meanStep[v],
                mean_year: result.meanStep[v].isNaN ? nil : start.map { Double($0) + result.meanStep[v] })
        }
    }
}
