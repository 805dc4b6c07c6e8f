import ArgumentParser
import NetworkModel
import NetworkTime

/// `--temporal`, `--strict` and `--start`: the options every command that follows time-respecting paths
/// shares (paths, reach, diffuse, seed).
struct TimeOptions: ParsableArguments {
    @Flag(help: "Only time-respecting paths: ties used in the years they are active, in order.")
    var temporal = false

    @Flag(help: "With --temporal: strictly increasing years (one tie per year) rather than non-decreasing.")
    var strict = false

    @Option(help: ArgumentHelp("With --temporal: the year the innovation sets out (default: the ties' earliest year).", valueName: "year"))
    var start: Int?

    var order: TemporalOrder { strict ? .strict : .nonDecreasing }

    func validate() throws {
        if !temporal, let used = [("--strict", strict), ("--start", start != nil)].first(where: \.1) {
            throw ValidationError("\(used.0) applies to time-respecting paths: add --temporal")
        }
    }

    /// The temporal view of `network` (ties kept by `keep`), with --start checked against its years.
    func network(of network: StakeholderNetwork, path: String, keep: (Tie) -> Bool = { _ in true }) throws -> TemporalNetwork {
        let temporal: TemporalNetwork
        do { temporal = try TemporalNetwork(network: network, keep: keep) } catch let error as TemporalError {
            throw CommandFailure(message: "\(network.tieFile ?? path): \(error.description)")
        }
        if let start, !temporal.years.contains(start) {
            throw CommandFailure(message: "--start \(start): \(TemporalError.yearOutside(start, temporal.years).description)")
        }
        return temporal
    }

    /// The conventions the results rest on, said beside them.
    func convention(_ network: TemporalNetwork) -> String {
        "time-respecting paths setting out in \(start ?? network.years.lowerBound), "
            + (strict ? "strictly increasing years (one tie per year)" : "non-decreasing years (several ties may share a year)")
            + "; a tie is active from its start to its end year, no start meaning from \(network.years.lowerBound), no end to \(network.years.upperBound)"
    }
}
