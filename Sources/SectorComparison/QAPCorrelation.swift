import Foundation
import NetworkModel

/// The correlation of two relations among the same stakeholders, with its QAP permutation test.
public struct QAPCorrelation: Sendable {
    /// Pearson's correlation over all dyads, as R sna's `gcor`.
    public let correlation: Double
    public let permutations: Int
    public let seed: UInt64
    public let nullMean: Double
    public let nullStandardDeviation: Double
    /// Shares of permutations with a correlation at least / at most the observed one, and at least as far
    /// from zero, as sna's `qaptest` (the observed labelling not counted).
    public let pGreaterOrEqual: Double
    public let pLessOrEqual: Double
    public let pAbsolute: Double
}

/// A QAP analysis that cannot be made.
public struct QAPError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension QAPCorrelation {
    /// Krackhardt's QAP test ("QAP partialling as a test of spuriousness", Social Networks 9(2), 1987,
    /// doi:10.1016/0378-8733(87)90015-3; "Predicting with networks", Social Networks 10(4), 1988,
    /// doi:10.1016/0378-8733(88)90004-4): the stakeholders of `y` are relabelled at random, rows and
    /// columns together, which keeps each relation's structure and breaks only their alignment. The
    /// means and spreads of both vectors do not change under relabelling, so each permutation costs one
    /// pass over x's non-zero dyads. Permutation i draws from stream i + 1 of `seed`, in fixed blocks.
    ///
    /// - Complexity: O(n² + permutations · (n + nnz(x))).
    /// - Throws: `QAPError` when the layers differ in size or direction, or one has no variance.
    public static func test(_ x: DyadLayer, _ y: DyadLayer, permutations: Int = 5000, seed: UInt64 = 1,
                            threads: Int = Parallel.defaultThreads) throws -> QAPCorrelation {
        guard x.nodeCount == y.nodeCount, x.isDirected == y.isDirected else {
            throw QAPError(message: "layers '\(x.name)' and '\(y.name)' are not on the same stakeholders")
        }
        let N = Double(x.values.count)
        let meanX = x.values.reduce(0, +) / N, meanY = y.values.reduce(0, +) / N
        let sxx = x.values.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        let syy = y.values.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        for (layer, spread) in [(x, sxx), (y, syy)] where !(spread > 0) {
            throw QAPError(message: "layer '\(layer.name)' has the same value on every pair of stakeholders, so it correlates with nothing")
        }
        let n = x.nodeCount, directed = x.isDirected
        // x's non-zero dyads as (i, j, value).
        var cells: [(Int32, Int32, Double)] = []
        for i in 0 ..< n {
            for j in 0 ..< n where j != i && (directed || j < i) {
                let value = x.values[DyadLayer.index(i, j, n, directed: directed)]
                if value != 0 { cells.append((Int32(i), Int32(j), value)) }
            }
        }
        let scale = 1 / (sxx * syy).squareRoot()
        let cellList = cells
        @Sendable func correlation(_ permutation: [Int]) -> Double {
            var cross = 0.0
            for (i, j, value) in cellList { cross += value * y.values[DyadLayer.index(permutation[Int(i)], permutation[Int(j)], n, directed: directed)] }
            return (cross - N * meanX * meanY) * scale
        }
        let observed = correlation(Array(0 ..< n))
        let sample = SharedBuffer(repeating: 0.0, count: Swift.max(1, permutations))
        let blocks = permutations > 0 ? Parallel.blockCount(for: permutations, minimumPerBlock: 16) : 0
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var permutation = Array(0 ..< n)
            for index in Parallel.range(ofBlock: block, blocks: blocks, count: permutations) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(index) + 1)
                for v in 0 ..< n { permutation[v] = v }
                generator.shuffle(&permutation)
                sample.pointer[index] = correlation(permutation)
            }
        }
        let values = permutations > 0 ? sample.array : []
        let tail = PermutationTails(observed: observed, sample: values)
        return QAPCorrelation(correlation: observed, permutations: permutations, seed: seed, nullMean: tail.mean,
                              nullStandardDeviation: tail.standardDeviation, pGreaterOrEqual: tail.pGreaterOrEqual,
                              pLessOrEqual: tail.pLessOrEqual, pAbsolute: tail.pAbsolute)
    }
}

/// Where an observed statistic falls in a permutation sample, as sna reports it: shares of the sample at
/// least, at most, and at least as far from zero as observed (a relative slack of 1e-12 for rounding).
struct PermutationTails {
    let mean: Double
    let standardDeviation: Double
    let pGreaterOrEqual: Double
    let pLessOrEqual: Double
    let pAbsolute: Double

    init(observed: Double, sample: [Double]) {
        let count = Double(sample.count)
        guard count > 0 else {
            (mean, standardDeviation, pGreaterOrEqual, pLessOrEqual, pAbsolute) = (.nan, .nan, .nan, .nan, .nan)
            return
        }
        let average = sample.reduce(0, +) / count
        mean = average
        standardDeviation = count > 1 ? (sample.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (count - 1)).squareRoot() : 0
        let slack = 1e-12 * Swift.max(1, abs(observed))
        pGreaterOrEqual = Double(sample.filter { $0 >= observed - slack }.count) / count
        pLessOrEqual = Double(sample.filter { $0 <= observed + slack }.count) / count
        pAbsolute = Double(sample.filter { abs($0) >= abs(observed) - slack }.count) / count
    }
}
