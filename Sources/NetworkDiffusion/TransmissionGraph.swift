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

    /// - Complexity: O(n + m log d): the graph is built once, then each tie's chance is added to its arc's,
    ///   found by binary search in its row; 8 bytes per arc beyond the graph.
    public init(network: StakeholderNetwork, probability source: TieProbability) throws {
        let ties = network.ties
        var strengths = GraphBuilder(nodeCount: network.stakeholderCount, isDirected: true, expectedArcs: ties.count)
        for index in ties.indices where ties.sources[index] != ties.targets[index] {
            let u = Int(ties.sources[index]), v = Int(ties.targets[index]), weight = ties.weight(at: index)
            strengths.addArc(from: u, to: v, weight: weight)
            if !network.isDirected(tieAt: index) { strengths.addArc(from: v, to: u, weight: weight) }
        }
        let strength = strengths.build(isWeighted: true)
        // Summing −log(1 − p) over parallel ties multiplies their chances of failing (added in the ties' order).
        var hazard = [Double](repeating: 0, count: strength.outTargets.count)
        for index in ties.indices where ties.sources[index] != ties.targets[index] {
            let tie = ties[index]
            let p = try source.probability(of: tie)
            let failure = p >= 1 ? Double.infinity : -log1p(-p)
            let u = Int(tie.source), v = Int(tie.target)
            hazard[Self.position(of: v, inRowOf: u, strength)] += failure
            if !network.isDirected(tieAt: index) { hazard[Self.position(of: u, inRowOf: v, strength)] += failure }
        }
        graph = strength
        probability = hazard.map { $0 == .infinity ? 1 : -expm1(-$0) }
    }

    /// Where the arc `u → v` is in `graph.outTargets` (it is there).
    static func position(of v: Int, inRowOf u: Int, _ graph: Graph) -> Int {
        var low = graph.outOffsets[u], high = graph.outOffsets[u + 1]
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if graph.outTargets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A transmission graph from a graph and per-arc probabilities (for tests and generated networks).
    public init(graph: Graph, probability: [Double]) {
        precondition(graph.isDirected && probability.count == graph.outTargets.count)
        self.graph = graph
        self.probability = probability
    }

    public var nodeCount: Int { graph.nodeCount }
}
