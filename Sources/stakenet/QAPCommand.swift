import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel
import SectorComparison

struct QAPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qap",
        abstract: "Whether one kind of tie goes with others: QAP correlation and MRQAP regression.",
        discussion: """
        Each layer is one relation among the same stakeholders: the ties of one kind (--layers funding,support)
        or the ties of one network (stakenet qap A B, stakeholders matched by id). Correlations are Pearson's
        over all pairs of stakeholders (R sna's gcor), tested by QAP: stakeholders are relabelled at random,
        which keeps each relation's structure and breaks only their alignment (Krackhardt 1988). With two or
        more layers the first is regressed on the others (MRQAP), each coefficient tested by Dekker,
        Krackhardt and Snijders' double semi-partialling (R sna's netlm, nullhyp = "qapspp"). p-values are
        shares of permutations, as sna reports them. A tie counts 1 (its strength with --weight). --same adds
        layers of shared properties (1 where two stakeholders have the same sector …), to ask whether ties
        follow them; with --same alone, the network's ties (all kinds) are the layer explained. Stakeholders
        without a value for a --same property are left out, with every pair they are in (as sna's gcor and
        netlm leave out missing dyads); --missing-as-group makes them a group of their own.

        Examples:
          stakenet qap Networks/mutuals-research --layers support,funding
          stakenet qap Networks/mutuals-research --layers collaboration,support,funding --permutations 5000
          stakenet qap Networks/mutual-spinouts --layers knowledge-exchange --same sector,region
          stakenet qap Networks/mutual-spinouts --same sector
          stakenet qap advice-network/ friendship-network/ --format json
        """
    )

    @Argument(help: "One network with --layers, or two or more networks on the same stakeholders.")
    var networks: [String]

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var groupingOptions: GroupingOptions

    @Option(help: ArgumentHelp("Tie kinds to use as layers, comma-separated; the first is the one explained.", valueName: "kinds"))
    var layers: String?

    @Option(help: ArgumentHelp("Add a layer per stakeholder property: 1 where two stakeholders share its value (same_sector …).", valueName: "attrs"))
    var same: String?

    @Flag(help: "Use tie strengths (weights, summed over parallel ties) instead of 1 per tie.")
    var weight = false

    @Option(help: "Random relabellings per test.")
    var permutations: Int = 2000

    @Option(help: "Seed for the permutations.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Dyad vectors are dense: refuse analyses that would need more than this many bytes for them.
    static let memoryLimit = 4 << 30

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations takes a number of 0 or more") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
        if layers != nil && networks.count > 1 {
            throw ValidationError("--layers takes the tie kinds of one network; with several networks each network is a layer")
        }
        if layers == nil && same == nil && networks.count < 2 {
            throw ValidationError("give --layers kind,kind to compare tie kinds of one network, --same ATTR to ask whether its ties follow a property, or name two or more networks")
        }
    }

    func run() throws {
        let progress = Progress(quiet: reading.quiet)
        defer { progress.done() }
        let (title, loaded, network) = try loadLayers()
        var dyadLayers = loaded
        let attributes = (same ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let groupings = try attributes.map { attribute in
            try groupingOptions.grouping(of: network, by: attribute, quiet: reading.quiet, leftOutOf: "the analysis, with every pair they are in")
        }
        // Pairs with a stakeholder lacking a value are left out: the analysis runs among the others.
        let kept = network.stakeholders.indices.filter { v in groupings.allSatisfy { $0.groupOf[v] >= 0 } }
        if kept.count < network.stakeholderCount {
            guard kept.count >= 3 else {
                throw CommandFailure(message: "only \(kept.count) stakeholders have a value for every --same property (\(attributes.joined(separator: ", "))); QAP needs at least 3")
            }
            dyadLayers = dyadLayers.map { $0.restricted(to: kept) }
        }
        for (attribute, grouping) in zip(attributes, groupings) {
            dyadLayers.append(sameValueLayer(grouping, attribute, among: kept, directed: network.isDirected))
        }
        guard dyadLayers.count >= 2 else {
            throw ValidationError("QAP needs at least two layers: name two tie kinds with --layers, or add --same ATTR")
        }
        var correlations: [(Int, Int, QAPCorrelation)] = []
        for a in dyadLayers.indices {
            for b in a + 1 ..< dyadLayers.count {
                progress.say("correlation of \(dyadLayers[a].name) and \(dyadLayers[b].name)")
                correlations.append((a, b, try QAPCorrelation.test(dyadLayers[a], dyadLayers[b], permutations: permutations, seed: seed, threads: threads)))
            }
        }
        let total = permutations * dyadLayers.count
        let reporter: (@Sendable (Int) -> Void)? = progress.enabled ? { @Sendable (done: Int) in progress.say("regression: permutation \(done) of \(total)") } : nil
        let regression = try MRQAP.fit(dependent: dyadLayers[0], independents: Array(dyadLayers.dropFirst()), permutations: permutations,
                                       seed: seed, threads: threads, progress: reporter)
        let report = QAPText(title: title, layers: dyadLayers.map(\.name), correlations: correlations, regression: regression)
        let text: String
        switch format {
        case .table: text = report.table
        case .csv: text = try report.csv()
        case .json: text = try JSONOutput.encode(report.document)
        }
        try Output.emit(text, to: output, inputs: networks)
    }

    /// 1 for every pair of the `kept` stakeholders with the same value of `attribute`.
    func sameValueLayer(_ grouping: Grouping, _ attribute: String, among kept: [Int], directed: Bool) -> DyadLayer {
        let n = kept.count
        var values = [Double](repeating: 0, count: DyadLayer.dyadCount(n, directed: directed))
        for i in 0 ..< n {
            for j in 0 ..< n where j != i && (directed || j < i) {
                if grouping.groupOf[kept[i]] == grouping.groupOf[kept[j]] { values[DyadLayer.index(i, j, n, directed: directed)] = 1 }
            }
        }
        return DyadLayer(name: "same_" + attribute, nodeCount: n, isDirected: directed, values: values)
    }

    /// The layers, all over the stakeholders of the first network in its order, and that network.
    func loadLayers() throws -> (String, [DyadLayer], StakeholderNetwork) {
        if layers == nil && networks.count == 1 {
            // --same alone: the network's ties, of every kind chosen, are the layer explained.
            let network = try reading.load(networks[0])
            let selection = try graphOptions.selection(for: network, weighting: weight ? .strength : .none, quiet: reading.quiet)
            try checkSize(network.stakeholderCount, layers: 1, directed: network.isDirected)
            return (network.name, [DyadLayer(name: "ties", graph: try GraphBuilding.graph(of: network, selection: selection))], network)
        }
        let selection = try graphOptions.selection(weighting: weight ? .strength : .none)
        if let layers {
            let network = try reading.load(networks[0])
            _ = try graphOptions.selection(for: network, quiet: true)  // a period or tie kind the network lacks is an error
            let kinds = layers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard kinds.count >= 2 || same != nil else { throw ValidationError("--layers needs at least two tie kinds (or one and --same ATTR)") }
            let present = Set(network.ties.compactMap(\.kind))
            try checkSize(network.stakeholderCount, layers: kinds.count, directed: network.isDirected)
            let dyadLayers = try kinds.map { name -> DyadLayer in
                let kind = TieKind(parsing: name)
                guard present.contains(kind) else {
                    let known = present.map(\.name).sorted()
                    let hint = ClosestMatch.suggestion(for: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                    throw CommandFailure(message: "--layers: no tie has the kind '\(name)'\(hint) (kinds in \(network.name): \(known.joined(separator: ", ")))")
                }
                var layerSelection = selection
                layerSelection.tieKinds = [kind]
                return DyadLayer(name: kind.name, graph: try GraphBuilding.graph(of: network, selection: layerSelection))
            }
            return (network.name, dyadLayers, network)
        }
        let loaded = try networks.map { try reading.load($0) }
        let first = loaded[0]
        try checkSize(first.stakeholderCount, layers: loaded.count, directed: first.isDirected)
        var names: [String] = []
        let dyadLayers = try zip(networks, loaded).map { path, network -> DyadLayer in
            guard network.isDirected == first.isDirected else {
                throw CommandFailure(message: "\(path) is \(network.isDirected ? "directed" : "undirected") but \(networks[0]) is not; read both one way with --directed or --undirected")
            }
            _ = try graphOptions.selection(for: network, quiet: reading.quiet)
            let aligned = try align(network, path: path, to: first)
            var name = network.name
            while names.contains(name) { name += "'" }
            names.append(name)
            return DyadLayer(name: name, graph: try GraphBuilding.graph(of: aligned, selection: selection))
        }
        return (names.joined(separator: ", "), dyadLayers, first)
    }

    /// `network` with its stakeholders in `reference`'s order. Stakeholders are matched by id, else by
    /// label (as people name them: case and spaces aside); both networks must hold the same stakeholders.
    func align(_ network: StakeholderNetwork, path: String, to reference: StakeholderNetwork) throws -> StakeholderNetwork {
        let names = StakeholderNames(network)
        var position = [Int32](repeating: -1, count: network.stakeholderCount)
        for (r, stakeholder) in reference.stakeholders.enumerated() {
            let match = network.index(of: stakeholder.id) ?? (try? names.resolve(stakeholder.label))
            guard let v = match, position[v] < 0 else {
                throw CommandFailure(message: "stakeholder '\(stakeholder.id)' of \(networks[0]) is not in \(path) (by id or label); QAP compares ties among the same stakeholders")
            }
            position[v] = Int32(r)
        }
        if let v = position.firstIndex(of: -1) {
            throw CommandFailure(message: "stakeholder '\(network.stakeholders[v].id)' of \(path) is not in \(networks[0]); QAP compares ties among the same stakeholders")
        }
        let ties = network.ties.map { tie -> Tie in
            var moved = tie
            moved.source = position[Int(tie.source)]
            moved.target = position[Int(tie.target)]
            return moved
        }
        return StakeholderNetwork(name: network.name, isDirected: network.isDirected, stakeholders: reference.stakeholders, ties: ties)
    }

    func checkSize(_ n: Int, layers: Int, directed: Bool) throws {
        let bytes = DyadLayer.dyadCount(n, directed: directed) * 8 * (layers + 2)
        if bytes > Self.memoryLimit {
            throw CommandFailure(message: "QAP on \(n) stakeholders needs about \(bytes >> 20) MB for its pair vectors; this command handles up to about \(Self.memoryLimit >> 30) GB (select fewer stakeholders)")
        }
    }
}

/// `stakenet qap` as a table, CSV and JSON.
struct QAPText {
    let title: String
    let layers: [String]
    let correlations: [(Int, Int, QAPCorrelation)]
    let regression: MRQAP

    static func n(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "n/a" }
    static func p(_ x: Double) -> String { x.isFinite ? String(format: "%.4f", x) : "n/a" }

    var table: String {
        var text = "QAP of \(title): \(layers.count) layers, \(regression.permutations) permutations per test (seed \(regression.seed))\n\n"
        text += "Correlations (Pearson over all pairs of stakeholders; QAP p-values)\n"
        text += TextTable(header: ["layer", "layer", "r", "p(r>=)", "p(r<=)", "p(|r|>=)", "at 0.05"], rows: correlations.map { a, b, c in
            [layers[a], layers[b], Self.n(c.correlation), Self.p(c.pGreaterOrEqual), Self.p(c.pLessOrEqual), Self.p(c.pAbsolute),
             c.pAbsolute < 0.05 ? "significant" : "not significant"]
        }).rendered
        text += "\nRegression of \(regression.dependent) on \(layers.dropFirst().joined(separator: ", ")) (MRQAP, double semi-partialling)\n"
        text += "\(regression.observations) pairs of stakeholders, R² \(Self.n(regression.rSquared)), adjusted R² \(Self.n(regression.adjustedRSquared))\n"
        text += TextTable(header: ["coefficient", "estimate", "std. error", "t", "p(t>=)", "p(t<=)", "p(|t|>=)", "at 0.05"],
                          rows: regression.coefficients.map { c in
                              [c.name, Self.n(c.estimate), Self.n(c.standardError), Self.n(c.t), Self.p(c.pGreaterOrEqual), Self.p(c.pLessOrEqual),
                               Self.p(c.pAbsolute), c.pAbsolute < 0.05 ? "significant" : "not significant"]
                          }).rendered
        text += "\nIn words\n"
        let smallest = regression.permutations > 0 ? "p < \(Self.n(1 / Double(regression.permutations)))" : "p n/a"
        for coefficient in regression.coefficients.dropFirst() {
            let p = coefficient.pAbsolute == 0 ? smallest : "p = \(Self.p(coefficient.pAbsolute))"
            text += "  - " + (coefficient.pAbsolute < 0.05
                ? "\(regression.dependent) is \(coefficient.estimate > 0 ? "more" : "less") likely where \(coefficient.name) is present (\(coefficient.estimate > 0 ? "+" : "")\(Self.n(coefficient.estimate)) per unit), the others held equal: significant (\(p)).\n"
                : "\(coefficient.name) makes no significant difference to \(regression.dependent) once the others are held equal (\(p)).\n")
        }
        return text
    }

    func csv() throws -> String {
        var rows = correlations.map { a, b, c in
            ["correlation", layers[a], layers[b], CSVText.number(c.correlation), "", "", CSVText.number(c.pGreaterOrEqual),
             CSVText.number(c.pLessOrEqual), CSVText.number(c.pAbsolute)]
        }
        rows += regression.coefficients.map { c in
            ["regression", regression.dependent, c.name, CSVText.number(c.estimate), CSVText.number(c.standardError), CSVText.number(c.t),
             CSVText.number(c.pGreaterOrEqual), CSVText.number(c.pLessOrEqual), CSVText.number(c.pAbsolute)]
        }
        return try CSVText.render(header: ["test", "layer", "other", "value", "standard_error", "t", "p_greater_or_equal", "p_less_or_equal", "p_absolute"], rows: rows)
    }

    struct Document: Encodable {
        struct Correlation: Encodable {
            let layer: String, other: String, r: Double, p_greater_or_equal: Double, p_less_or_equal: Double, p_absolute: Double
            let null_mean: Double, null_standard_deviation: Double
        }
        struct Coefficient: Encodable {
            let name: String, estimate: Double, standard_error: Double, t: Double
            let p_greater_or_equal: Double, p_less_or_equal: Double, p_absolute: Double
        }
        struct Regression: Encodable {
            let dependent: String, observations: Int, r_squared: Double?, adjusted_r_squared: Double?, coefficients: [Coefficient]
        }
        let layers: [String], permutations: Int, seed: UInt64, correlations: [Correlation], regression: Regression
    }

    var document: Document {
        Document(layers: layers, permutations: regression.permutations, seed: regression.seed,
                 correlations: correlations.map { a, b, c in
                     .init(layer: layers[a], other: layers[b], r: c.correlation, p_greater_or_equal: c.pGreaterOrEqual, p_less_or_equal: c.pLessOrEqual,
                           p_absolute: c.pAbsolute, null_mean: c.nullMean, null_standard_deviation: c.nullStandardDeviation)
                 },
                 regression: .init(dependent: regression.dependent, observations: regression.observations,
                                   r_squared: regression.rSquared.isFinite ? regression.rSquared : nil,
                                   adjusted_r_squared: regression.adjustedRSquared.isFinite ? regression.adjustedRSquared : nil,
                                   coefficients: regression.coefficients.map {
                                       .init(name: $0.name, estimate: $0.estimate, standard_error: $0.standardError, t: $0.t,
                                             p_greater_or_equal: $0.pGreaterOrEqual, p_less_or_equal: $0.pLessOrEqual, p_absolute: $0.pAbsolute)
                                   }))
    }
}
