import ArgumentParser
import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkModel

/// Where tie probabilities come from: shared by diffuse, paths and seed.
struct ProbabilityOptions: ParsableArguments {
    @Option(help: "Probability that a tie passes the innovation on, for every tie (default 0.1).")
    var probability: Double?

    @Option(name: .customLong("probability-from"), help: ArgumentHelp("Tie column holding each tie's probability.", valueName: "attr"))
    var probabilityFrom: String?

    @Option(name: .customLong("probability-by-kind"), help: ArgumentHelp("Probability per tie kind: funding=0.3,support=0.2 (others: --probability).", valueName: "list"))
    var probabilityByKind: String?

    func validate() throws {
        if let probability, !(0 ... 1).contains(probability) { throw ValidationError("--probability takes a number from 0 to 1, not \(probability)") }
        if probabilityFrom != nil && probabilityByKind != nil { throw ValidationError("--probability-from and --probability-by-kind cannot both be given") }
        _ = try kindProbabilities()
    }

    func kindProbabilities() throws -> [TieKind: Double]? {
        guard let probabilityByKind else { return nil }
        var table: [TieKind: Double] = [:]
        for entry in probabilityByKind.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), (0 ... 1).contains(value) else {
                throw ValidationError("--probability-by-kind takes kind=probability pairs with probabilities from 0 to 1, not '\(entry)'")
            }
            table[TieKind(parsing: parts[0])] = value
        }
        return table
    }

    /// Where tie probabilities come from, as chosen.
    func tieProbability() throws -> TieProbability {
        if let probabilityFrom {
            // The strength column by any of its names; any other tie column by its name.
            return ["weight", "strength", "value"].contains(probabilityFrom.lowercased()) ? .strength : .attribute(probabilityFrom)
        }
        if let table = try kindProbabilities() { return .byKind(table, otherwise: probability ?? 0.1) }
        return .constant(probability ?? 0.1)
    }

    /// The network's transmission graph; a tie probability outside [0, 1] is an input error naming its line.
    /// Each tie's probability (by tie index), as the transmission graph reads them.
    func tieProbabilities(_ network: StakeholderNetwork, path: String) throws -> [Double] {
        var source = try tieProbability()
        if case let .attribute(name) = source { source = .attribute(network.tieProperty(named: name) ?? name) }
        do {
            return try network.ties.map { $0.isSelfLoop ? 0 : try source.probability(of: $0) }
        } catch let error as TieProbabilityError {
            throw InputError(file: network.tieFile ?? path, line: error.line > 0 ? error.line : nil, field: probabilityFrom.map { ["weight", "strength", "value"].contains($0.lowercased()) ? "weight" : $0 },
                             message: error.message, hint: "tie probabilities are numbers from 0 to 1")
        }
    }

    func transmissionGraph(_ network: StakeholderNetwork, path: String) throws -> TransmissionGraph {
        var source = try tieProbability()
        if case let .attribute(name) = source { source = .attribute(network.tieProperty(named: name) ?? name) }
        do {
            return try TransmissionGraph(network: network, probability: source)
        } catch let error as TieProbabilityError {
            throw InputError(file: network.tieFile ?? path, line: error.line > 0 ? error.line : nil, field: probabilityFrom.map { ["weight", "strength", "value"].contains($0.lowercased()) ? "weight" : $0 },
                             message: error.message, hint: "tie probabilities are numbers from 0 to 1")
        }
    }
}

/// Reading the stakeholders named on the command line: by id, label, or either ignoring case and spaces.
enum StakeholderIDs {
    static func resolve(_ list: String, in network: StakeholderNetwork, option: String) throws -> [Int] {
        let nodes: [Int]
        do {
            nodes = try StakeholderNames(network).resolveList(list)
        } catch let error as StakeholderNameError {
            throw CommandFailure(message: "\(option): \(error.description)")
        }
        guard !nodes.isEmpty else { throw CommandFailure(message: "\(option) names no stakeholder") }
        return nodes
    }
}
