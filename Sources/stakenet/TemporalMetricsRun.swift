import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel
import NetworkTime

/// `metrics --temporal`: temporal closeness and shortest temporal betweenness.
enum TemporalMeasure: String, CaseIterable {
    case closeness = "temporal_closeness"
    case betweenness = "temporal_betweenness"
    case prefixForemost = "prefix_foremost_betweenness"

    /// The measures named in `--measures`, with the static names standing for their temporal versions.
    static func parseList(_ text: String?, strict: Bool) throws -> [TemporalMeasure] {
        guard let text else { return [.closeness, .betweenness] }
        var result: [TemporalMeasure] = []
        for raw in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_") }) where !raw.isEmpty {
            let measure: TemporalMeasure
            switch raw {
            case "all", "temporal_closeness", "closeness", "harmonic", "out_closeness", "out_harmonic":
                if raw == "all" { return strict ? allCases : [.closeness, .betweenness] }
                measure = .closeness
            case "temporal_betweenness", "betweenness", "shortest_betweenness":
                measure = .betweenness
            case "prefix_foremost_betweenness":
                guard strict else {
                    throw ValidationError("prefix_foremost_betweenness needs --strict: with non-decreasing years, ties of one year can close cycles among stakeholders that arrive in the same year, and counting the simple paths through them is not known to be polynomial")
                }
                measure = .prefixForemost
            case "foremost_betweenness", "fastest_betweenness":
                throw ValidationError("\(raw) is not offered: counting foremost or fastest time-respecting paths is #P-hard (Buß, Molter, Niedermeier and Rymar, KDD 2020), so no exact computation scales; temporal_betweenness counts shortest time-respecting paths, and prefix_foremost_betweenness (with --strict) paths whose every prefix arrives earliest, both polynomial")
            default:
                throw ValidationError("'\(raw)' has no time-respecting version; with --temporal the measures are temporal_closeness, temporal_betweenness and (with --strict) prefix_foremost_betweenness (run without --temporal for the others)")
            }
            if !result.contains(measure) { result.append(measure) }
        }
        guard !result.isEmpty else { throw ValidationError("no measures named; with --temporal: temporal_closeness, temporal_betweenness") }
        return result
    }
}

struct TemporalMetricsRun {
    let command: MetricsCommand

    func run() throws {
        let input = command.input
        let network = try input.load()
        let selection = try command.graphOptions.selection(for: network, quiet: input.quiet)
        let temporal = try command.time.network(of: network, path: input.network, keep: selection.includes)
        let asked = try TemporalMeasure.parseList(command.measures, strict: command.time.strict)
        let n = network.stakeholderCount
        // Closeness needs every stakeholder's own search; a sample of sources serves betweenness alone.
        var sources: [Int]?
        if let k = command.approx, k < n, !asked.contains(.closeness) {
            var generator = SeededGenerator(seed: command.seed)
            var all = Array(0 ..< n)
            generator.shuffle(&all)
            sources = Array(all.prefix(k)).sorted()
        }
        let progress = Progress(quiet: input.quiet)
        let searched = sources?.count ?? n
        progress.say("time-respecting searches from \(searched) stakeholders")
        let result = TemporalCentrality(network: temporal, start: command.time.start, order: command.time.order, sources: sources,
                                        threads: command.threads) { done in progress.say("time-respecting searches: \(done) of \(searched)") }
        progress.done()
        var columns: [NodeScores] = []
        for measure in asked {
            let values: [Double]
            switch measure {
            case .closeness: values = result.closeness
            case .betweenness: values = result.betweenness
            case .prefixForemost: values = result.prefixForemostBetweenness!
            }
            columns.append(NodeScores(measure: measure.rawValue, values: values))
        }
        var note = command.time.convention(temporal) + "; temporal_closeness: Σ 1/(fewest ties to each stakeholder reached) over n − 1; "
            + "temporal_betweenness: shares of the shortest time-respecting paths between ordered pairs, over (n − 1)(n − 2)"
            + (asked.contains(.prefixForemost) ? "; prefix_foremost_betweenness: the same over paths each of whose prefixes arrives earliest" : "")
        if let sources { note += "; betweenness estimated from \(sources.count) of \(n) sources (seed \(command.seed)), scaled by n / \(sources.count)" }
        let table = ScoreTable(network: network, columns: columns)
        let text: String
        switch command.format {
        case .csv:
            text = try table.csv()
            if !input.quiet { Terminal.note(note) }
        case .json: text = try table.json(extra: ["convention": note])
        case .table: text = table.text(top: command.top) + "\n\(note)\n"
        }
        try Output.emit(text, to: command.output, inputs: [input.network])
    }
}
