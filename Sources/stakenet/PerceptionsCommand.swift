import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkPerception

struct PerceptionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "perceptions",
        abstract: "Perceived influence (Net-Map towers): each stakeholder's ratings, respondents' agreement, and perception against structure.",
        discussion: """
        Reads perceptions.csv (respondent, stakeholder, influence). Per stakeholder: influence_mean,
        influence_median, influence_sd (n − 1), respondents (how many rated it), rank_perceived (1 = thought
        most influential); for each --against measure (computed, unweighted, on the consensus network) its
        value, rank_<measure> and gap_<measure> = rank by structure − rank by perception: positive when thought
        more influential than its position says (overestimated), negative when underestimated.
        Agreement: Krippendorff's alpha (interval) over respondents × stakeholders, with a bootstrap interval
        (stakeholders resampled); ICC(2,1) when every respondent rated every stakeholder rated. Against each
        measure: Spearman's rho with a bootstrap interval. --by role repeats the figures per group of respondents.

        Examples:
          stakenet perceptions Networks/mutual-spinouts-interviews
          stakenet perceptions Networks/mutual-spinouts-interviews --against pagerank,betweenness --by role --format csv
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Structural measures to set beside perceived influence (names as stakenet metrics).", valueName: "measures"))
    var against: String = "pagerank,betweenness,degree"

    @Option(help: ArgumentHelp("Repeat the figures for respondents grouped by this respondents column (role, or any other).", valueName: "attr"))
    var by: String?

    @Option(help: "Bootstrap resamples for the intervals (0: none).")
    var resamples: Int = 1000

    @Option(help: "Seed for the bootstrap.")
    var seed: UInt64 = 1

    @Option(help: "table, csv (one row per stakeholder rated) or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if resamples < 0 { throw ValidationError("--resamples takes a number of 0 or more") }
        do { _ = try Measure.parseList(against) } catch let error as AnalysisError { throw ValidationError("--against: \(error)") }
    }

    func run() throws {
        let views = try Views(input: input, needsReports: false)
        let network = views.network
        guard !network.perceptions.isEmpty else {
            throw CommandFailure(message: "\(input.network): holds no influence ratings (a perceptions.csv with respondent, stakeholder and influence columns, or a workbook sheet 'perceptions')")
        }
        let measures = try Measure.parseList(against)
        let graph = try GraphBuilding.graph(of: network, selection: graphOptions.selection(for: network, quiet: input.quiet))
        let results = try graph.compute(measures, strict: against.lowercased() != "all")
        for (measure, reason) in results.skipped where !input.quiet { Terminal.warning("\(measure.rawValue) left out: \(reason)") }
        let scores = results.columns
        let all = PerceivedInfluence(ratings: network.perceptions, stakeholderCount: network.stakeholderCount, measures: scores, resamples: resamples, seed: seed)
        var byGroup: [(name: String, influence: PerceivedInfluence)] = []
        if let by {
            let groups = try Views.groups(of: network, by: by, quiet: input.quiet)
            for name in Set(groups.compactMap { $0 }).sorted() {
                let ratings = network.perceptions.filter { groups[Int($0.respondent)] == name }
                guard !ratings.isEmpty else { continue }
                byGroup.append((name, PerceivedInfluence(ratings: ratings, stakeholderCount: network.stakeholderCount, measures: scores, resamples: resamples, seed: seed)))
            }
        }
        func csvNumber(_ x: Double) -> String { x.isNaN ? "" : CSVText.number(x) }
        func brief(_ x: Double) -> String { x.isNaN ? "n/a" : String(format: "%.3f", x) }
        func interval(_ e: Estimate) -> String {
            e.interval.map { "\(brief(e.value)) [\(brief($0.lowerBound)), \(brief($0.upperBound))]" } ?? brief(e.value)
        }
        var header = ["id", "label", "influence_mean", "influence_median", "influence_sd", "respondents", "rank_perceived"]
        for m in all.comparisons { header += [m.measure, "rank_\(m.measure)", "gap_\(m.measure)"] }
        for group in byGroup { header.append("influence_mean_\(group.name)") }
        func rows(number: (Double) -> String) -> [[String]] {
            all.stakeholders.enumerated().map { i, s in
                let st = network.stakeholders[s.index]
                var row = [st.id, st.label, number(s.mean), number(s.median), number(s.sd), String(s.respondents), number(all.perceivedRank[i])]
                for (m, c) in all.comparisons.enumerated() { row += [number(scores[m].values[s.index]), number(c.structuralRank[i]), number(c.gap[i])] }
                for group in byGroup { row.append(group.influence.stakeholders.first { $0.index == s.index }.map { number($0.mean) } ?? "") }
                return row
            }
        }
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: header, rows: rows(number: csvNumber))
        case .json:
            func summary(_ p: PerceivedInfluence) -> [String: Any] {
                func estimate(_ e: Estimate) -> [String: Any] {
                    ["value": e.value.isNaN ? NSNull() : e.value, "lower": e.interval.map { $0.lowerBound as Any } ?? NSNull(), "upper": e.interval.map { $0.upperBound as Any } ?? NSNull()]
                }
                return ["raters": p.raters, "stakeholders_rated": p.stakeholders.count, "krippendorff_alpha": estimate(p.alpha), "icc_2_1": p.icc.isNaN ? NSNull() : p.icc,
                        "spearman": Dictionary(uniqueKeysWithValues: p.comparisons.map { ($0.measure, estimate($0.spearman)) })]
            }
            var document: [String: Any] = ["network": network.name, "consensus": views.structure.method.description, "resamples": resamples, "seed": seed, "all": summary(all)]
            document["stakeholders"] = rows(number: csvNumber).map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
            if let by { document["by"] = by; document["groups"] = Dictionary(uniqueKeysWithValues: byGroup.map { ($0.name, summary($0.influence)) }) }
            text = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
        case .table:
            var out = "Perceived influence in \(network.name): \(network.perceptions.count) ratings of \(all.stakeholders.count) stakeholders by \(all.raters) respondents\n"
            if network.consensusRule != nil { out += "structure: the consensus \(views.structure.method) (\(views.structure.method.explanation))\n" }
            out += "agreement: Krippendorff's alpha (interval) \(interval(all.alpha))\(all.icc.isNaN ? "; ICC(2,1) n/a (not every respondent rated every stakeholder)" : "; ICC(2,1) \(brief(all.icc))")\n"
            for c in all.comparisons { out += "perception against \(c.measure): Spearman's rho \(interval(c.spearman))\n" }
            if resamples > 0 { out += "intervals: 95% percentile bootstrap, \(resamples) resamples of stakeholders (seed \(seed))\n" }
            if !byGroup.isEmpty {
                out += "\nBy \(by!)\n"
                out += TextTable(header: [by!, "raters", "rated", "alpha"] + all.comparisons.map { "rho \($0.measure)" }, rows: byGroup.map { g in
                    [g.name, String(g.influence.raters), String(g.influence.stakeholders.count), brief(g.influence.alpha.value)] + g.influence.comparisons.map { brief($0.spearman.value) }
                }).rendered
            }
            out += "\n"
            let order = all.stakeholders.indices.sorted { all.perceivedRank[$0] < all.perceivedRank[$1] }
            // Per-group means stay in the CSV and JSON: the table would be too wide to read.
            let width = header.count - byGroup.count
            let table = rows(number: brief).map { Array($0.prefix(width)) }
            out += TextTable(header: Array(header.prefix(width)), rows: order.map { table[$0] }).rendered
            text = out
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}
