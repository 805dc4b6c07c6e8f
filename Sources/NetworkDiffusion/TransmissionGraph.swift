import Foundation
import NetworkModel

/// Where each tie's chance of passing an innovation on comes from.
public enum TieProbability: Sendable, Equatable {
    /// The same probability on every tie (`--probability P`).
    case constant(Double)
    /// A numeric tie attribute in [0, 1] (`--probability-from ATTR`).
    case attribute(String)
    /// The tie's strength (its weight column), which must lie in [0, 1] (`--probability-from weight`).
    case strength
    /// A probability per tie kind (`--probability-by-kind funding=0.3,support=0.2`); ties of other kinds use `otherwise`.
    case byKind([TieKind: Double], otherwise: Double)
}

extension TieProbability {
    /// The probability this source gives a tie.
    /// - Throws: `TieProbabilityError` (with the tie's line) when it is missing or outside [0, 1].
    public func probability(of tie: Tie) throws -> Double {
        let p: Double
        switch self {
        case .constant(let value): p = value
        case .byKind(let table, let otherwise): p = tie.kind.flatMap { table[$0] } ?? otherwise
        case .strength: p = tie.weight
        case .attribute(let name):
            let value = tie.attributes[name] ?? .missing
            guard let number = value.numericValue ?? value.text.flatMap(Double.init) else {
                throw TieProbabilityError(line: Int(tie.line), message: "tie attribute '\(name)' is \(value.text.map { "'\($0)'" } ?? "missing"), not a probability")
            }
            p = number
        }
        guard p >= 0, p <= 1, p.isFinite else {
            let what = self == .strength ? "a tie's weight, read as its probability," : "a tie's probability"
            throw TieProbabilityError(line: Int(tie.line), message: "\(what) is \(AttributeValue.format(p)), outside [0, 1]")
        }
        return p
    }
}

/// A tie probability that is not a probability.
public struct TieProbabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let message: String
    public var description: String { message }
}

/// The graph diffusion runs on: arcs along which adoption can pass, each with its probability and its
/// influence weight (the tie's strength, for threshold models), in CSR form.
///
/// Parallel ties between the same two stakeholders are independent chances: they combine into one arc
/// with probability 1 − Π(1 − p_i), and their strengths add. An undirected tie passes both ways.
public struct TransmissionGraph: Sendable {
    public let graph: Graph
    /// Probability of each arc, parallel to `graph.outTargets`.
    public let probability: [Double]

    public init(network: StakeholderNetwork, probability source: TieProbability) throws {
        var builder = GraphBuilder(nodeCount: network.stakeholderCount, isDirected: true, expectedArcs: network.tieCount)
        var strengths = GraphBuilder(nodeCount: network.stakeholderCount, isDirected: true, expectedArcs: network.tieCount)
        for tie in network.ties where !tie.isSelfLoop {
            let p = try source.probability(of: tie)
            // Summing −log(1 − p) over parallel ties multiplies their chances of failing.
            let failure = p >= 1 ? Double.infinity : -log1p(-p)
            for (u, v) in network.isDirected(tie) ? [(tie.source, tie.target)] : [(tie.source, tie.target), (tie.target, tie.source)] {
                builder.addArc(from: Int(u), to: Int(v), weight: failure)
                strengths.addArc(from: Int(u), to: Int(v), weight: tie.weight)
            }
        }
        let hazards = builder.build(isWeighted: true)
        let strength = strengths.build(isWeighted: true)
        graph = strength
        probability = hazards.outWeights.map { $0 == .infinity ? 1 : -expm1(-$0) }
    }

    /// A transmission graph from a graph and per-arc probabilities (for tests and generated networks).
    public init(graph: Graph, probability: [Double]) {
        precondition(graph.isDirected && probability.count == graph.outTargets.count)
        self.graph = graph
        self.probability = probability
    }

    public var nodeCount: Int { graph.nodeCount }
}
