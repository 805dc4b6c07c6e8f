import ArgumentParser
import Foundation
import NetworkIO
import NetworkModel
import NetworkTime

/// The options of time-respecting paths (`paths --temporal`, `reach --temporal`).
struct TemporalPathOptions: ParsableArguments {
    @OptionGroup var time: TimeOptions

    var temporal: Bool { time.temporal }
    var strict: Bool { time.strict }
    var start: Int? { time.start }

    @Flag(help: "With --temporal: who could have reached --to by --by-year, and the latest year each could have set out.")
    var backward = false

    @Option(name: .customLong("by-year"), help: ArgumentHelp("With --backward: the year by which --to is reached (default: the ties' latest year).", valueName: "year"))
    var byYear: Int?

    @Option(name: .customLong("path-type"), help: ArgumentHelp("With --temporal: foremost (earliest arrival), shortest (fewest ties), fastest (least time on the way) or likeliest (tie probabilities).", valueName: "type"))
    var pathType: TemporalPathType = .foremost

    func validate(from: String?, to: String?) throws {
        guard temporal else {
            for (name, used) in [("--backward", backward), ("--by-year", byYear != nil), ("--path-type", pathType != .foremost)] where used {
                throw ValidationError("\(name) applies to time-respecting paths: add --temporal")
            }
            if from == nil { throw ValidationError("--from names where the innovation starts") }
            return
        }
        if backward {
            if to == nil { throw ValidationError("--backward needs --to: the stakeholder to be reached") }
            if start != nil { throw ValidationError("--backward looks back from --by-year; --start does not apply") }
            if pathType != .foremost { throw ValidationError("--backward gives the latest departures; --path-type does not apply") }
        } else {
            if from == nil { throw ValidationError("--temporal needs --from (or --backward with --to)") }
            if byYear != nil { throw ValidationError("--by-year goes with --backward") }
        }
    }
}

enum TemporalPathType: String, ExpressibleByArgument, CaseIterable {
    case foremost, shortest, fastest, likeliest
}

/// `paths --temporal`: one row per stakeholder reached.
struct TemporalPathsRun {
    let command: PathsCommand
    let network: StakeholderNetwork

    func run() throws {
        let options = command.time
        let temporal = try options.time.network(of: network, path: command.input.network)
        let order = options.time.order
        let ids = network.stakeholders.map(\.id)
        if let year = options.byYear, !temporal.years.contains(year) {
            throw CommandFailure(message: "--by-year \(year): \(TemporalError.yearOutside(year, temporal.years).description)")
        }
        var header: [String]
        var rows: [[String]] = []
        var sortKeys: [(Double, Double, String)] = []
        func add(_ row: [String], _ a: Double, _ b: Double, _ id: String) { rows.append(row); sortKeys.append((a, b, id)) }
        func joined(_ path: [Int]) -> String { path.map { ids[$0] }.joined(separator: ">") }
        if options.backward {
            let target = try StakeholderIDs.resolve(command.to!, in: network, option: "--to")[0]
            let search = TimeRespectingPaths(network: temporal, to: target, by: options.byYear, order: order)
            header = ["id", "departure", "hops", "path"]
            let times = search.times, hops = search.hops
            for v in network.stakeholders.indices { if let d = times[v], let h = hops[v] { add([ids[v], String(d), String(h), joined(search.path(to: v))], -Double(d), Double(h), ids[v]) } }
        } else {
            let sources = try StakeholderIDs.resolve(command.from!, in: network, option: "--from")
            switch options.pathType {
            case .foremost, .shortest:
                let search = TimeRespectingPaths(network: temporal, from: sources, start: options.start, order: order)
                if options.pathType == .foremost {
                    header = ["id", "arrival", "hops", "path"]
                    let times = search.times, hops = search.hops
                    for v in network.stakeholders.indices { if let a = times[v], let h = hops[v] { add([ids[v], String(a), String(h), joined(search.path(to: v))], Double(a), Double(h), ids[v]) } }
                } else {
                    header = ["id", "hops", "arrival", "path"]
                    let hops = search.shortestHops
                    for v in network.stakeholders.indices {
                        guard let h = hops[v] else { continue }
                        let path = search.shortestPath(to: v)
                        let arrival = ShortestArrival.of(path, in: temporal, start: search.year, order: order)
                        add([ids[v], String(h), arrival.map(String.init) ?? "", joined(path)], Double(h), Double(arrival ?? 0), ids[v])
                    }
                }
            case .fastest:
                let fastest = FastestPaths(network: temporal, from: sources, start: options.start, order: order)
                header = ["id", "departure", "arrival", "duration", "path"]
                for v in network.stakeholders.indices {
                    guard let d = fastest.departure[v], let a = fastest.arrival[v] else { continue }
                    add([ids[v], String(d), String(a), String(a - d), joined(fastest.paths[v])], Double(a - d), Double(a), ids[v])
                }
            case .likeliest:
                let probabilities = try command.probabilities.tieProbabilities(network, path: command.input.network)
                let likeliest = LikeliestTemporalPaths(network: temporal, from: sources, start: options.start, order: order, tieProbability: probabilities)
                header = ["id", "probability", "arrival", "path"]
                for v in network.stakeholders.indices where likeliest.probability[v] > 0 {
                    add([ids[v], CSVText.number(likeliest.probability[v]), likeliest.arrival[v].map(String.init) ?? "", joined(likeliest.path(to: v))], -likeliest.probability[v], Double(likeliest.arrival[v] ?? 0), ids[v])
                }
            }
        }
        let order2 = rows.indices.sorted { (sortKeys[$0].0, sortKeys[$0].1, sortKeys[$0].2) < (sortKeys[$1].0, sortKeys[$1].1, sortKeys[$1].2) }
        rows = order2.map { rows[$0] }
        let convention = "time-respecting paths, \(options.strict ? "strictly increasing years (one tie per year)" : "non-decreasing years (several ties may share a year)"); "
            + "a tie is active from its start to its end year, no start meaning from \(temporal.years.lowerBound), no end to \(temporal.years.upperBound)"
        let text: String
        switch command.format {
        case .csv:
            text = try CSVText.render(header: header, rows: rows)
            if !command.input.quiet { Terminal.write("stakenet: \(convention)\n", to: .standardError) }
        case .json:
            text = try JSONOutput.encode(TemporalPathsDocument(network: network.name, convention: convention, columns: header, rows: rows))
        case .table:
            text = rows.isEmpty ? "no stakeholder is reached (\(convention))\n"
                : "\(convention)\n\n" + TextTable(header: header, rows: rows.map { row in row.enumerated().map { $0.offset == header.count - 1 ? $0.element.replacingOccurrences(of: ">", with: " > ") : $0.element } }).rendered
        }
        try Output.emit(text, to: command.output, inputs: [command.input.network])
    }
}

/// The year a path arrives when each tie is taken as early as it can be.
enum ShortestArrival {
    static func of(_ path: [Int], in network: TemporalNetwork, start: Int, order: TemporalOrder) -> Int? {
        var time = start
        for (index, (u, v)) in zip(path, path.dropFirst()).enumerated() {
            let ready = index == 0 ? start : (order == .strict ? time + 1 : time)
            var best: Int?
            for c in network.outOffsets[u] ..< network.outOffsets[u + 1] where Int(network.outTargets[c]) == v {
                let y = Swift.max(ready, Int(network.outStarts[c]))
                if y <= Int(network.outEnds[c]) { best = Swift.min(best ?? y, y) }
            }
            guard let best else { return nil }
            time = best
        }
        return time
    }
}

struct TemporalPathsDocument: Encodable {
    let network: String
    let convention: String
    let columns: [String]
    let rows: [[String]]
}
