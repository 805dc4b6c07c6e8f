import Foundation
import GraphvizRendering
import NetworkDiffusion
import NetworkModel
import NetworkTime
import SectorComparison

/// "Change over time", when ties have years: the timeline as a chart and a table, the map period by period
/// as small multiples (one layout), and diffusion that follows the ties' years beside the one that does not.
extension ReportBuilder {
    struct TimeSection {
        var present = false
        var sentence = ""
        var chart = ""
        var rows: [ReportPage.TextRow] = []
        var panels = ReportPage.Figure(svg: "", caption: "")
        var hasPanels = false
        var diffusionSentence = ""
        var diffusionChart = ""
        static let none = TimeSection()
    }

    func timeSection(seeds: [Int], pagerank: NodeScores, staticSpread: Double) throws -> TimeSection {
        guard let temporal = try? TemporalNetwork(network: network) else { return .none }
        let years = temporal.years
        var section = TimeSection()
        section.present = true
        // About eight periods over the years recorded.
        let step = Swift.max(1, (years.count + 7) / 8)
        let timeline = Timeline(network: network, from: years.lowerBound, to: years.upperBound, step: step)
        section.rows = timeline.periods.map { p in
            ReportPage.TextRow(cells: [p.label, String(p.stakeholders), String(p.ties), Self.number(p.density), String(p.formed), String(p.dissolved),
                                       p.jaccard.map(Self.number) ?? "–"])
        }
        let first = timeline.periods.first, last = timeline.periods.last
        let formed = timeline.periods.dropFirst().map(\.formed).reduce(0, +), dissolved = timeline.periods.map(\.dissolved).reduce(0, +)
        section.sentence = "How the network changed. A tie is active from its start year to its end year (no start: from \(years.lowerBound); no end: to \(years.upperBound)). "
            + "In \(first?.label ?? "") \(first?.ties ?? 0) ties joined \(first?.stakeholders ?? 0) stakeholders; by \(last?.label ?? "") \(last?.ties ?? 0) joined \(last?.stakeholders ?? 0). "
            + "Over the periods \(formed) pairs of stakeholders became tied and \(dissolved) stopped being tied. The map above has a year slider that shows the ties active in a year."
        section.chart = TimelineChart.svg(timeline.periods)

        // Small multiples: at most six panels, the whole network laid out once.
        if network.stakeholderCount <= options.mapLimit {
            let spans = FacetPanel.spans(of: years, step: Swift.max(1, (years.count + 5) / 6), limit: 6)
            let diagramOptions = DiagramOptions(sizeBy: pagerank, colorBy: options.by ?? "kind", labels: .none,
                                                caption: "one panel per period: the ties active then, stakeholders without one faded",
                                                date: options.date ?? Diagram.reproducibleDate())
            let whole = try Diagram(network: network, options: diagramOptions)
            let panels = try FacetPanel.periods(spans, of: network, options: diagramOptions)
            let picture = try GraphvizRenderer.render(facets: panels, whole: whole, layout: Layout.suggested(for: network), format: .svg, seed: Int(options.seed),
                                                      isolation: options.graphviz, target: "the maps by period")
            for message in picture.warnings { warning?(message) }
            section.panels = ReportPage.Figure(svg: InlineSVG.make(picture.bytes, label: "The map of \(network.name) in \(spans.count) periods"),
                                               caption: "The network period by period, every stakeholder in the same place in each panel: the ties active in the period are drawn, stakeholders with none are faded.")
            section.hasPanels = true
        }

        // Diffusion that respects time, from the same first adopters in the first year.
        if !seeds.isEmpty, let cascade = try? TemporalCascade(network: temporal, tieProbability: network.ties.map { $0.isSelfLoop ? 0 : ((try? options.probability.probability(of: $0)) ?? 0) }) {
            let result = cascade.simulate(seeds: seeds, settings: DiffusionSettings(runs: options.runs, seed: options.seed, threads: options.threads))
            let spread = result.expectedSpread.mean
            section.diffusionSentence = "Diffusion in time: the same first adopters adopting in \(years.lowerBound), each adopter's one chance per tie coming in the first year from its adoption in which the tie is active (none once it has ended). "
                + "On average \(Self.number(spread)) stakeholders adopt by \(years.upperBound), against \(Self.number(staticSpread)) when every tie is taken as always present: "
                + (spread < staticSpread - 0.5 ? "time closes paths that the map alone suggests." : "time closes few of the paths here.")
            section.diffusionChart = AdoptionChart.svg(result.curve, stakeholders: network.stakeholderCount, firstYear: years.lowerBound)
        }
        return section
    }
}

/// The timeline as an SVG chart: stakeholders and ties by period (lines), pairs formed and dissolved
/// (bars). Only numbers and period labels made of digits go into it.
enum TimelineChart {
    static func svg(_ periods: [Timeline.Period]) -> String {
        let width = 640.0, height = 300.0, left = 56.0, right = 16.0, top = 24.0, bottom = 48.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let count = Swift.max(1, periods.count)
        let highest = Swift.max(1, periods.map { Double(Swift.max($0.ties, $0.stakeholders, $0.formed, $0.dissolved)) }.max() ?? 1)
        let yMax = AdoptionChart.niceCeiling(highest)
        func x(_ i: Int) -> Double { left + plotWidth * (Double(i) + 0.5) / Double(count) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - Swift.min(value, yMax) / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-labelledby=\"timeline-title timeline-desc\" class=\"chart\">"
        out += "<title id=\"timeline-title\">Timeline</title>"
        out += "<desc id=\"timeline-desc\">Stakeholders and ties active in each of \(periods.count) periods (lines), and the pairs that became tied or stopped being tied since the period before (bars).</desc>"
        out += "<g stroke=\"#444\" stroke-width=\"1\"><line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\"/>"
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\"/></g>"
        out += "<g font-size=\"11\" fill=\"#222\">"
        for i in 0 ... 4 {
            let value = yMax * Double(i) / 4
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(GroupComparison.brief(value))</text>"
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(value)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(y(value)))\" stroke=\"#ddd\"/>"
        }
        let labelEvery = Swift.max(1, count / 8)
        for (i, period) in periods.enumerated() where i % labelEvery == 0 {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(period.label)</text>"
        }
        out += "</g>"
        // Bars: formed (green) and dissolved (vermilion), side by side.
        let bar = plotWidth / Double(count) * 0.3
        for (i, period) in periods.enumerated() {
            out += "<rect x=\"\(f(x(i) - bar))\" y=\"\(f(y(Double(period.formed))))\" width=\"\(f(bar))\" height=\"\(f(top + plotHeight - y(Double(period.formed))))\" fill=\"#009E73\" fill-opacity=\"0.7\"/>"
            out += "<rect x=\"\(f(x(i)))\" y=\"\(f(y(Double(period.dissolved))))\" width=\"\(f(bar))\" height=\"\(f(top + plotHeight - y(Double(period.dissolved))))\" fill=\"#D55E00\" fill-opacity=\"0.7\"/>"
        }
        for (values, colour, dash) in [(periods.map { Double($0.ties) }, "#0072B2", ""), (periods.map { Double($0.stakeholders) }, "#000000", " stroke-dasharray=\"5 3\"")] {
            out += "<polyline points=\"\(values.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash)/>"
        }
        // Legend.
        let legend: [(String, String)] = [("ties", "#0072B2"), ("stakeholders", "#000000"), ("pairs tied since the period before", "#009E73"), ("pairs no longer tied", "#D55E00")]
        var lx = left
        out += "<g font-size=\"11\" fill=\"#222\">"
        for (name, colour) in legend {
            out += "<rect x=\"\(f(lx))\" y=\"\(f(height - 18))\" width=\"12\" height=\"8\" fill=\"\(colour)\"/><text x=\"\(f(lx + 16))\" y=\"\(f(height - 10))\">\(name)</text>"
            lx += 24 + Double(name.count) * 6
        }
        return out + "</g></svg>"
    }
}
