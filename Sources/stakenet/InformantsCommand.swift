import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel
import NetworkPerception

struct InformantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "informants",
        abstract: "How each respondent's view of the network compares with the consensus, and whether roles see it alike.",
        discussion: """
        Per respondent, over the pairs of stakeholders they could report (both on their map — the stakeholders
        their ties touch, their own organisation, those they rated — or every pair with --roster):
          view, questions        stakeholders on their map, and the questions (pairs x tie kinds) they could answer
          ties_reported          ties they reported
          consensus_ties         consensus ties among the pairs they could report
          jaccard                reported and consensus ties in common over those in either
          false_positives        reported, not in the consensus; false_negatives: in it, not reported
          qap_correlation        correlation of their report with the consensus over their questions, and
          qap_p_value            its one-sided QAP p-value (stakeholders of their map permuted)
          competence, bias       Romney–Batchelder estimates (whatever --consensus is)
        --by role (or any respondents.csv column) adds each group's means and a permutation test of whether
        the groups differ more than random groups of the same sizes (between-group sum of squares).

        Examples:
          stakenet informants Networks/mutual-spinouts-interviews
          stakenet informants Networks/mutual-spinouts-interviews --by role --consensus las-union --format csv
        """
    )

    @OptionGroup var input: NetworkOptions

    @Option(help: ArgumentHelp("Compare respondents grouped by this respondents column (role, or any other).", valueName: "attr"))
    var by: String?

    @Option(help: "Permutations for each respondent's QAP test and for the group tests (0: none).")
    var permutations: Int = 1000

    @Option(help: "Seed for the permutations.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (results are identical for any number).")
    var threads: Int = Parallel.defaultThreads

    @Option(help: "table, csv (one row per respondent, or per group with --by) or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if permutations < 0 { throw ValidationError("--permutations takes a number of 0 or more") }
        if threads < 1 { throw ValidationError("--threads takes a number of at least 1") }
    }

    static let figureNames = ["ties_reported", "jaccard", "false_positives", "false_negatives", "qap_correlation", "competence", "bias"]

    func run() throws {
        let views = try Views(input: input)
        let progress = Progress(quiet: input.quiet)
        progress.say("comparing \(views.reports.respondentCount) respondents with the consensus")
        let model = views.model()
        let figures = views.reports.informants(against: views.structure, model: model, permutations: permutations, seed: seed, threads: threads)
        progress.done()
        let network = views.read
        func organisation(_ r: Int) -> String { network.respondents[r].organisation.map { network.stakeholders[Int($0)].id } ?? "" }
        func values(_ f: InformantFigures) -> [Double] {
            [Double(f.tiesReported), f.jaccard, Double(f.falsePositives), Double(f.falseNegatives), f.correlation, f.competence, f.bias]
        }
        var grouped: GroupedFigures?
        if let by {
            let groups = try Views.groups(of: network, by: by, quiet: input.quiet)
            grouped = GroupedFigures(figures: Self.figureNames, values: Self.figureNames.indices.map { i in figures.map { values($0)[i] } },
                                     group: groups, permutations: permutations, seed: seed)
        }
        let header = ["respondent", "role", "organisation", "view", "questions", "ties_reported", "consensus_ties", "jaccard", "false_positives",
                      "false_negatives", "qap_correlation", "qap_p_value", "competence", "bias"]
        func row(_ f: InformantFigures, number: (Double) -> String) -> [String] {
            let r = network.respondents[f.respondent]
            return [r.id, r.role ?? "", organisation(f.respondent), String(f.viewSize), String(f.questions), String(f.tiesReported), String(f.consensusTies),
                    number(f.jaccard), String(f.falsePositives), String(f.falseNegatives), number(f.correlation), number(f.qapPValue),
                    number(f.competence), number(f.bias)]
        }
        func csvNumber(_ x: Double) -> String { x.isNaN ? "" : CSVText.number(x) }
        func brief(_ x: Double) -> String { x.isNaN ? "n/a" : String(format: "%.3f", x) }
        let text: String
        switch format {
        case .csv:
            if let grouped {
                text = try CSVText.render(header: ["group", "respondents"] + Self.figureNames.map { "mean_\($0)" } + Self.figureNames.map { "\($0)_p_value" },
                                          rows: grouped.groups.map { g in [g.name, String(g.members.count)] + g.means.map(csvNumber) + grouped.pValues.map(csvNumber) })
            } else {
                text = try CSVText.render(header: header, rows: figures.map { row($0, number: csvNumber) })
            }
        case .json:
            var document: [String: Any] = ["network": network.name, "consensus": views.structure.method.description, "consensus_rule": views.structure.method.explanation,
                                           "roster": input.reading.roster, "permutations": permutations, "seed": seed]
            document["respondents"] = figures.map { f -> [String: Any] in
                var entry: [String: Any] = [:]
                for (name, value) in zip(header, row(f, number: csvNumber)) { entry[name] = value }
                return entry
            }
            if let grouped {
                document["by"] = by
                document["groups"] = grouped.groups.map { g -> [String: Any] in
                    var entry: [String: Any] = ["group": g.name, "respondents": g.members.count]
                    for (name, mean) in zip(Self.figureNames, g.means) { entry["mean_\(name)"] = mean.isNaN ? NSNull() : mean }
                    return entry
                }
                document["p_values"] = Dictionary(uniqueKeysWithValues: zip(Self.figureNames, grouped.pValues.map { $0.isNaN ? NSNull() as Any : $0 as Any }))
            }
            text = String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n"
        case .table:
            var out = "Respondents of \(network.name) against the consensus \(views.structure.method) (\(views.structure.method.explanation))\n"
            out += "\(views.structure.ties.count) consensus ties; who could report a pair: \(input.reading.roster ? "every respondent (--roster)" : "respondents with both stakeholders on their map")\n"
            out += "QAP: \(permutations) permutations per respondent (seed \(seed)); competence and bias: Romney–Batchelder\(model.converged ? "" : " (did not settle)")\n\n"
            out += TextTable(header: header, rows: figures.map { row($0, number: brief) }).rendered
            if let grouped {
                out += "\nBy \(by!): group means, and p-values of a permutation test that the groups differ (\(permutations) permutations)\n"
                let names = ["ties", "jaccard", "false+", "false-", "qap r", "competence", "bias"]
                var rows = grouped.groups.map { g in [g.name, String(g.members.count)] + g.means.map(brief) }
                rows.append(["p-value", ""] + grouped.pValues.map { $0.isNaN ? "n/a" : String(format: "%.4f", $0) })
                out += TextTable(header: [by!, "respondents"] + names, rows: rows).rendered
            }
            text = out
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

/// A multi-respondent network, its reports and their consensus, for `informants` and `perceptions`.
struct Views {
    let read: StakeholderNetwork
    let reports: Reports
    let structure: ConsensusStructure
    /// The consensus network (what other commands analyse).
    let network: StakeholderNetwork

    init(input: NetworkOptions, needsReports: Bool = true) throws {
        read = try input.load(keepingReports: true)
        if needsReports && !read.hasReports {
            throw CommandFailure(message: "\(input.network): no tie names the respondent who reported it (give the ties table a respondent column, and respondents.csv for their roles)")
        }
        reports = Reports(read, roster: input.reading.roster)
        let method = input.reading.consensusMethod
        do { structure = try reports.consensus(method) } catch let error as ConsensusError {
            throw CommandFailure(message: "\(input.network): \(error.description)")
        }
        network = read.hasReports ? read.consensusNetwork(structure, reports: reports) : read
    }

    /// The Romney–Batchelder estimates: the consensus's own when it is that model's, else fitted for them.
    func model() -> RomneyBatchelder { structure.model ?? RomneyBatchelder.fit(reports) }

    /// Each respondent's group by a respondents column (role, id, organisation or a free one, in any case);
    /// respondents without a value are in no group, as a warning says.
    static func groups(of network: StakeholderNetwork, by attribute: String, quiet: Bool) throws -> [String?] {
        let known = ["id", "role", "organisation"] + Set(network.respondents.flatMap(\.attributes.keys)).sorted()
        guard let name = known.first(where: { $0.lowercased() == attribute.lowercased() }) else {
            let hint = ClosestMatch.suggestion(for: attribute, among: known).map { "did you mean '\($0)'? " } ?? ""
            throw CommandFailure(message: "--by: respondents have no '\(attribute)'; \(hint)they have \(known.joined(separator: ", "))")
        }
        let groups: [String?] = network.respondents.map { r in
            if name == "organisation" { return r.organisation.map { network.stakeholders[Int($0)].id } }
            return r.value(of: name).text
        }
        let missing = groups.filter { $0 == nil }.count
        if missing == groups.count { throw CommandFailure(message: "--by \(attribute): no respondent has a value (is there a respondents.csv with that column?)") }
        if missing > 0 && !quiet { Terminal.warning("\(missing) respondent\(missing == 1 ? " has" : "s have") no \(name) and \(missing == 1 ? "is" : "are") in no group") }
        return groups
    }
}
