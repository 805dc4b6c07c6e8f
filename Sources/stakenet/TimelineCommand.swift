import ArgumentParser
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkTime

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "How the network changed: one row per period, with the ties formed and dissolved.",
        discussion: """
        A tie is active in every year from its start to its end inclusive (no start: since always; no end:
        still active). Each period's snapshot holds the ties active in it and the stakeholders with such a
        tie; its figures combine ties between the same two stakeholders and leave self-loops out (as
        NetworkX on the snapshot): density, weakly connected components, mean degree (in plus out),
        transitivity (ties read both ways), reciprocity (directed networks). formed/dissolved: pairs of
        stakeholders tied in this period and not the one before, and the reverse; jaccard: pairs tied in
        both over pairs tied in either. --by adds the E-I index (pairs between groups minus pairs within,
        over both) and each group's density.
        CSV columns: period,stakeholders,ties,density,components,mean_degree,transitivity,reciprocity,
        formed,dissolved,jaccard (then e_i_index and density:GROUP with --by).
        --measures gives instead each stakeholder's series of any metrics measure, computed on each
        period's snapshot (its stakeholders and active ties, as NetworkX would on that snapshot): one row
        per period, stakeholder and measure (CSV columns period,id,measure,value).

        Examples:
          stakenet timeline Networks/mutual-spinouts
          stakenet timeline Networks/mutual-spinouts --from 2000 --step 5 --by sector --format csv
          stakenet timeline Networks/mutual-spinouts --step 5 --measures degree,betweenness --format csv -o series.csv
        """
    )

    @OptionGroup var input: NetworkOptions
    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("First year (default: the ties' earliest).", valueName: "year"))
    var from: Int?

    @Option(help: ArgumentHelp("Last year (default: the ties' latest).", valueName: "year"))
    var to: Int?

    @Option(help: "Years between the starts of periods.")
    var step: Int = 1

    @Option(help: ArgumentHelp("Years in each period (default: --step).", valueName: "years"))
    var window: Int?

    @Option(help: ArgumentHelp("Stakeholder property for the E-I index and the densities within groups.", valueName: "attr"))
    var by: String?

    @Option(help: ArgumentHelp("Each stakeholder's series of these metrics measures, period by period (long table: period,id,measure,value).", valueName: "measures"))
    var measures: String?

    @Option(help: "table, csv or json.")
    var format: TableFormat = .table

    @Option(name: .short, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if step < 1 { throw ValidationError("--step takes a number of years of at least 1") }
        if let window, window < 1 { throw ValidationError("--window takes a number of years of at least 1") }
        if let from, let to, from > to { throw ValidationError("--from \(from) comes after --to \(to)") }
        if graphOptions.period != nil { throw ValidationError("timeline goes through the years itself: use --from and --to rather than --period") }
        if let measures {
            do { _ = try Measure.parseList(measures) } catch let error as AnalysisError { throw ValidationError(error.description) }
            if by != nil { throw ValidationError("--by adds figures to the period table; --measures gives stakeholders' series instead: choose one") }
        }
    }

    func run() throws {
        let network = try input.load()
        let selection = try graphOptions.selection(for: network, quiet: input.quiet)
        guard let (first, last) = network.tieYears(keeping: selection.includes).map({ ($0.lowerBound, $0.upperBound) }) else {
            throw CommandFailure(message: "\(network.tieFile ?? input.network): no tie records a year (start or end), so the network has no timeline")
        }
        let grouping = try by.map { try network.grouping(by: $0) }
        if let grouping, !input.quiet {
            let missing = grouping.groupOf.filter { $0 < 0 }.count
            if missing > 0 { Terminal.warning("\(missing) of \(network.stakeholderCount) stakeholders have no \(grouping.attribute); their ties are left out of the E-I index and the densities within groups") }
        }
        if let measures { return try series(network, measures: try Measure.parseList(measures), selection: selection, from: from ?? first, to: to ?? last) }
        let timeline = Timeline(network: network, from: from ?? first, to: to ?? last, step: step, window: window, grouping: grouping, keep: selection.includes)
        var header = ["period", "stakeholders", "ties", "density", "components", "mean_degree", "transitivity", "reciprocity", "formed", "dissolved", "jaccard"]
        if let grouping { header += ["e_i_index"] + grouping.names.map { "density:\($0)" } }
        func number(_ value: Double?) -> String { value.map(CSVText.number) ?? "" }
        let rows = timeline.periods.map { p -> [String] in
            var row = [p.label, String(p.stakeholders), String(p.ties), number(p.density), String(p.components), number(p.meanDegree), number(p.transitivity),
                       number(p.reciprocity), String(p.formed), String(p.dissolved), number(p.jaccard)]
            if grouping != nil { row += [number(p.eiIndex)] + p.groupDensity.map(number) }
            return row
        }
        let text: String
        switch format {
        case .csv:
            text = try CSVText.render(header: header, rows: rows)
        case .json:
            text = try JSONOutput.encode(TimelineDocument(network: network.name, columns: header, rows: rows))
        case .table:
            let short = rows.map { row in row.enumerated().map { i, cell in (3 ... 7).contains(i) || i == 10 || i >= 11 ? (Double(cell).map { String(format: "%.3g", $0) } ?? cell) : cell } }
            text = "\(network.name), \(timeline.periods.count) periods from \(from ?? first) to \(to ?? last) (a tie is active from its start to its end year)\n\n"
                + TextTable(header: header, rows: short).rendered
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

extension TimelineCommand {
    /// Each stakeholder's measures on each period's snapshot: the stakeholders with a tie active in it and
    /// those ties, as the period table counts them.
    func series(_ network: StakeholderNetwork, measures: [Measure], selection: GraphSelection, from first: Int, to last: Int) throws -> Void {
        let length = window ?? step
        var rows: [[String]] = []
        var skipped: [String: String] = [:]
        let progress = Progress(quiet: input.quiet)
        for start in stride(from: first, through: last, by: step) {
            let years = start ... Swift.min(start + length - 1, last)
            let label = years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)"
            progress.say("measures for \(label)")
            var chosen = selection
            chosen.period = years
            var active = Set<Int>()
            for tie in network.ties where chosen.includes(tie) && !tie.isSelfLoop { active.insert(Int(tie.source)); active.insert(Int(tie.target)) }
            guard !active.isEmpty else { continue }
            let kept = active.sorted()
            let snapshot = network.subnetwork(keeping: kept)
            let graph = try snapshot.graph(selecting: chosen)
            var strength = chosen
            strength.weighting = .strength
            let options = MeasureOptions(strengthGraph: try snapshot.graph(selecting: strength))
            let results = try graph.compute(measures, options: options, strict: false)
            for (measure, reason) in results.skipped { skipped[measure.rawValue] = "\(reason)" }
            for column in results.columns {
                for (i, v) in kept.enumerated() { rows.append([label, network.stakeholders[v].id, column.measure, CSVText.number(column.values[i])]) }
            }
        }
        progress.done()
        if !input.quiet { for (measure, reason) in skipped.sorted(by: { $0.key < $1.key }) { Terminal.warning("\(measure) left out of some periods: \(reason)") } }
        let header = ["period", "id", "measure", "value"]
        let text: String
        switch format {
        case .csv: text = try CSVText.render(header: header, rows: rows)
        case .json: text = try JSONOutput.encode(TimelineDocument(network: network.name, columns: header, rows: rows))
        case .table: text = "\(network.name): measures on each period's snapshot (its stakeholders and the ties active in it)\n\n" + TextTable(header: header, rows: rows).rendered
        }
        try Output.emit(text, to: output, inputs: [input.network])
    }
}

struct TimelineDocument: Encodable {
    let network: String
    let columns: [String]
    let rows: [[String]]
}
