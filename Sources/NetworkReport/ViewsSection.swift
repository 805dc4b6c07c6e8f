import Foundation
import NetworkIO
import NetworkModel
import NetworkPerception
import SectorComparison

/// "Whose view?", when the ties are respondents' reports: who was interviewed, the consensus rule, how far
/// respondents agree with it (and whether roles differ), the respondents furthest from it, perceived against
/// structural influence, and the ties in dispute.
extension ReportBuilder {
    struct ViewsSection {
        var present = false
        var sentence = ""
        var roles: [ReportPage.Pair] = []
        var agreement: [String] = []
        var furthest: [ReportPage.TextRow] = []
        var perceptionSentence = ""
        var scatter = ""
        var hasScatter = false
        var disputed: [ReportPage.TextRow] = []
        static let none = ViewsSection()
    }

    func viewsSection(pagerank: NodeScores) throws -> ViewsSection {
        guard let recorded = options.interviews, recorded.hasReports else { return .none }
        var section = ViewsSection()
        section.present = true
        let reports = Reports(recorded, roster: options.roster)
        let structure = try reports.consensus(options.consensus)
        let model = structure.model ?? RomneyBatchelder.fit(reports)
        let figures = reports.informants(against: structure, model: model, permutations: Swift.min(options.permutations, 1000), seed: options.seed, threads: options.threads)
        let respondents = recorded.respondents
        let reportCount = recorded.ties.lazy.filter { $0.respondent != nil }.count
        let recordedCount = recorded.tieCount - reportCount
        var byRole: [String: Int] = [:]
        for r in respondents { byRole[r.role ?? "no role given", default: 0] += 1 }
        section.roles = byRole.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { .init(name: $0.key, value: String($0.value)) }
        section.sentence = "\(respondents.count) respondents described the network: \(reportCount) reports of \(structure.reportedTies.count) different ties"
            + (recordedCount > 0 ? ", beside \(recordedCount) ties known from other sources (documents, registers)" : "") + ". "
            + "This report analyses their consensus \(options.consensus): \(options.consensus.explanation). It keeps \(structure.ties.count) of the \(structure.reportedTies.count) ties reported. "
            + (options.roster ? "Every respondent was asked about every pair of stakeholders. "
                : "A respondent could report a tie when both its stakeholders are on their own map (those their ties touch, their organisation, and those they rated); the figures below count only those pairs.")

        // Agreement in words.
        let jaccards = figures.map(\.jaccard).filter { !$0.isNaN }
        let meanJaccard = jaccards.isEmpty ? Double.nan : jaccards.reduce(0, +) / Double(jaccards.count)
        let significant = figures.filter { !$0.qapPValue.isNaN && $0.qapPValue < 0.05 }.count
        let tested = figures.filter { !$0.qapPValue.isNaN }.count
        section.agreement.append("On average a respondent's report and the consensus share \(Self.percent(meanJaccard)) of the ties either holds (Jaccard \(Self.number(meanJaccard))) over the pairs they could report; "
            + "\(significant) of \(tested) respondents' reports correlate with the consensus more than chance would give (QAP, p < 0.05).")
        let competence = figures.map(\.competence).filter { !$0.isNaN }
        if !competence.isEmpty {
            section.agreement.append("The Romney–Batchelder model puts respondents' competence (the chance of knowing the true answer rather than guessing) between \(Self.number(competence.min()!)) and \(Self.number(competence.max()!)), \(Self.number(competence.reduce(0, +) / Double(competence.count))) on average\(model.converged ? "" : " (its estimates did not settle)").")
        }
        let groups = respondents.map(\.role)
        if Set(groups.compactMap { $0 }).count >= 2 {
            let grouped = GroupedFigures(figures: ["jaccard", "false_negatives", "false_positives"], values: [figures.map(\.jaccard), figures.map { Double($0.falseNegatives) }, figures.map { Double($0.falsePositives) }],
                                         group: groups, permutations: Swift.max(options.permutations, 200), seed: options.seed)
            let p = grouped.pValues[0]
            let best = grouped.groups.filter { !$0.means[0].isNaN }.max { $0.means[0] < $1.means[0] }, worst = grouped.groups.filter { !$0.means[0].isNaN }.min { $0.means[0] < $1.means[0] }
            if let best, let worst {
                section.agreement.append((p < 0.05 ? "Roles do not see the same network" : "There is no clear evidence that roles see the network differently")
                    + ": mean agreement (Jaccard) runs from \(Self.number(worst.means[0])) (\(worst.name)) to \(Self.number(best.means[0])) (\(best.name)); permutation test of the roles' differences p = \(String(format: "%.3f", p)).")
            }
        }
        // The respondents furthest from the consensus.
        let order = figures.indices.sorted { (figures[$0].jaccard.isNaN ? 2 : figures[$0].jaccard, $0) < (figures[$1].jaccard.isNaN ? 2 : figures[$1].jaccard, $1) }
        section.furthest = order.prefix(8).map { i in
            let f = figures[i], r = respondents[f.respondent]
            return ReportPage.TextRow(cells: [r.id, r.role ?? "–", r.organisation.map { recorded.stakeholders[Int($0)].label } ?? "–", String(f.tiesReported),
                                              f.jaccard.isNaN ? "–" : Self.number(f.jaccard), String(f.falsePositives), String(f.falseNegatives),
                                              f.competence.isNaN ? "–" : Self.number(f.competence)])
        }

        // Perceived against structural influence.
        if !network.perceptions.isEmpty {
            let influence = PerceivedInfluence(ratings: network.perceptions, stakeholderCount: network.stakeholderCount, measures: [pagerank],
                                               resamples: Swift.min(options.permutations, 1000), seed: options.seed)
            let alpha = influence.alpha
            let words = alpha.value.isNaN ? "cannot be estimated" : alpha.value >= 0.8 ? "good" : alpha.value >= 0.667 ? "tentative" : "low"
            let rho = influence.comparisons[0].spearman
            func interval(_ e: Estimate) -> String { e.interval.map { " (95% interval \(Self.number($0.lowerBound)) to \(Self.number($0.upperBound)))" } ?? "" }
            section.perceptionSentence = "\(influence.raters) respondents rated the influence of \(influence.stakeholders.count) stakeholders (\(network.perceptions.count) ratings). "
                + "Their agreement is \(words): Krippendorff's alpha \(Self.number(alpha.value))\(interval(alpha)) (Krippendorff counts 0.8 as reliable and 0.667 as the least for tentative conclusions). "
                + "Perceived influence and PageRank in the consensus network rank stakeholders alike to a Spearman correlation of \(Self.number(rho.value))\(interval(rho)). "
                + "Above the diagonal are stakeholders thought more influential than their position in the network says; below it, those whose position gives them more influence than people credit."
            let points = influence.stakeholders.enumerated().map { i, s in
                PerceptionChart.Point(label: network.stakeholders[s.index].label, structuralRank: influence.comparisons[0].structuralRank[i],
                                      perceivedRank: influence.perceivedRank[i], gap: influence.comparisons[0].gap[i])
            }
            section.scatter = PerceptionChart.svg(points, measure: "PageRank")
            section.hasScatter = true
        }

        // Ties in dispute: reported by some who could report them and not by others, most contested first.
        let inConsensus = Set(structure.ties.map(\.dyad))
        let contested = structure.reportedTies.filter { $0.couldReport > 1 && $0.support < $0.couldReport }
            .sorted { (abs($0.share - 0.5), -$0.couldReport, $0.dyad) < (abs($1.share - 0.5), -$1.couldReport, $1.dyad) }
        // The most contested kept and the most contested left out, side by side.
        let kept = contested.filter { inConsensus.contains($0.dyad) }.prefix(6), dropped = contested.filter { !inConsensus.contains($0.dyad) }.prefix(6)
        let disputed = Array(kept) + Array(dropped)
        section.disputed = disputed.map { t in
            ReportPage.TextRow(cells: [recorded.stakeholders[Int(t.dyad.source)].label, recorded.stakeholders[Int(t.dyad.target)].label,
                                       reports.relations[Int(t.dyad.relation)]?.name ?? "tie", "\(t.support) of \(t.couldReport)", inConsensus.contains(t.dyad) ? "yes" : "no"])
        }
        return section
    }
}

/// Perceived against structural influence: one point per stakeholder rated, by its rank on each (1 = most
/// influential, top right), the diagonal where they agree, and the stakeholders furthest from it named.
enum PerceptionChart {
    struct Point {
        var label: String
        var structuralRank: Double
        var perceivedRank: Double
        var gap: Double
    }

    static func svg(_ points: [Point], measure: String) -> String {
        let width = 640.0, height = 480.0, left = 56.0, right = 24.0, top = 40.0, bottom = 48.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let n = Swift.max(2.0, Double(points.count))
        // Rank 1 at the right and the top.
        func x(_ rank: Double) -> Double { left + plotWidth * (n - rank) / (n - 1) }
        func y(_ rank: Double) -> Double { top + plotHeight * (rank - 1) / (n - 1) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"perception-title perception-desc\" class=\"chart\">"
        out += "<title id=\"perception-title\">Perceived against structural influence</title>"
        out += "<desc id=\"perception-desc\">\(points.count) stakeholders by their rank in perceived influence (vertical) and in \(XMLWriting.escape(measure)) (horizontal); most influential at the top right.</desc>"
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#444\"/>"
        out += "<line x1=\"\(f(x(n)))\" y1=\"\(f(y(n)))\" x2=\"\(f(x(1)))\" y2=\"\(f(y(1)))\" stroke=\"#999\" stroke-dasharray=\"5 3\"/>"
        out += "<g font-size=\"11\" fill=\"#222\">"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">rank by \(XMLWriting.escape(measure)) in the consensus network (right: highest)</text>"
        out += "<text transform=\"translate(16 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">rank by perceived influence (top: highest)</text>"
        out += "<text x=\"\(f(left))\" y=\"\(f(top - 24))\" fill=\"#D55E00\">● above the diagonal: thought more influential than their position says</text>"
        out += "<text x=\"\(f(left))\" y=\"\(f(top - 10))\" fill=\"#0072B2\">● below it: placed to be more influential than people think</text>"
        out += "</g>"
        let named = Set(points.indices.sorted { abs(points[$0].gap) > abs(points[$1].gap) }.prefix(points.count <= 20 ? points.count : 10))
        for (i, p) in points.enumerated() {
            let colour = p.gap > 0 ? "#D55E00" : p.gap < 0 ? "#0072B2" : "#555555"
            out += "<circle cx=\"\(f(x(p.structuralRank)))\" cy=\"\(f(y(p.perceivedRank)))\" r=\"4\" fill=\"\(colour)\" fill-opacity=\"0.8\"><title>\(XMLWriting.escape(p.label)): perceived rank \(GroupComparison.brief(p.perceivedRank)), \(XMLWriting.escape(measure)) rank \(GroupComparison.brief(p.structuralRank))</title></circle>"
            if named.contains(i) {
                let anchor = x(p.structuralRank) > left + plotWidth * 0.7 ? "end" : "start"
                let dx = anchor == "end" ? -6.0 : 6.0
                out += "<text x=\"\(f(x(p.structuralRank) + dx))\" y=\"\(f(y(p.perceivedRank) + 4))\" font-size=\"10\" text-anchor=\"\(anchor)\" fill=\"#222\">\(XMLWriting.escape(String(p.label.prefix(32))))</text>"
            }
        }
        return out + "</svg>"
    }
}
