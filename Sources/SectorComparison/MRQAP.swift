import Foundation
import NetworkModel

/// Multiple regression of one relation on others among the same stakeholders, each coefficient tested by
/// QAP with double semi-partialling.
public struct MRQAP: Sendable {
    public struct Coefficient: Sendable {
        /// `(intercept)` or the independent layer's name.
        public let name: String
        public let estimate: Double
        public let standardError: Double
        public let t: Double
        /// Shares of permutations whose t is at least / at most / at least as far from zero as observed
        /// (sna's `netlm` p-values: `pgreq`, `pleeq`, `pgreqabs`).
        public let pGreaterOrEqual: Double
        public let pLessOrEqual: Double
        public let pAbsolute: Double
    }

    public let dependent: String
    public let coefficients: [Coefficient]
    public let rSquared: Double
    public let adjustedRSquared: Double
    /// Dyads regressed over: n(n − 1) directed, n(n − 1)/2 undirected.
    public let observations: Int
    public let permutations: Int
    public let seed: UInt64
}

extension MRQAP {
    /// Ordinary least squares of `dependent` on an intercept and `independents` over all dyads, as R sna's
    /// `netlm(nullhyp = "qapspp")`: for each coefficient k, regress its column on the others, relabel the
    /// stakeholders of the residual matrix at random, regress the dependent on the others and the permuted
    /// residuals, and compare the observed t-value with that model's t for the residuals. Dekker,
    /// Krackhardt and Snijders, "Sensitivity of MRQAP tests to collinearity and autocorrelation
    /// conditions", Psychometrika 72(4), 2007, doi:10.1007/s11336-007-9016-1. Permutation i of
    /// coefficient k draws from stream k·2³² + i + 1 of `seed`, in fixed blocks.
    ///
    /// - Complexity: O(p² · n²) to set up, O(permutations · p · n²) for p coefficients; 8 bytes per dyad per layer.
    /// - Throws: `QAPError` when layers differ in size or direction, or the independents are collinear.
    public static func fit(dependent y: DyadLayer, independents: [DyadLayer], permutations: Int = 1000, seed: UInt64 = 1,
                           threads: Int = Parallel.defaultThreads, progress: (@Sendable (Int) -> Void)? = nil) throws -> MRQAP {
        guard !independents.isEmpty else { throw QAPError(message: "a regression needs at least one independent layer") }
        for x in independents where x.nodeCount != y.nodeCount || x.isDirected != y.isDirected {
            throw QAPError(message: "layers '\(y.name)' and '\(x.name)' are not on the same stakeholders")
        }
        let N = y.values.count
        let columns = [[Double](repeating: 1, count: N)] + independents.map(\.values)
        let names = ["(intercept)"] + independents.map(\.name)
        let p = columns.count
        guard N > p else { throw QAPError(message: "\(N) pairs of stakeholders are too few for \(p) coefficients") }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var sum = 0.0
            for i in 0 ..< a.count { sum += a[i] * b[i] }
            return sum
        }
        let gram = columns.map { a in columns.map { dot(a, $0) } }
        let xy = columns.map { dot($0, y.values) }
        let yy = dot(y.values, y.values)
        guard let full = LeastSquares.fit(gram: gram, xy: xy, yy: yy) else {
            throw QAPError(message: "the independent layers are collinear (one is a combination of the others), so their effects cannot be told apart")
        }
        let degrees = Double(N - p)
        let sigma2 = full.rss / degrees
        let errors = (0 ..< p).map { (full.inverse[$0][$0] * sigma2).squareRoot() }
        let tValues = (0 ..< p).map { full.beta[$0] / errors[$0] }
        let meanY = y.values.reduce(0, +) / Double(N)
        let total = yy - Double(N) * meanY * meanY
        let rSquared = total > 0 ? 1 - full.rss / total : .nan

        let n = y.nodeCount, directed = y.isDirected
        let done = ProgressCounter()
        var coefficients: [Coefficient] = []
        for k in 0 ..< p {
            let others = (0 ..< p).filter { $0 != k }
            // Residuals of column k on the other columns.
            let partial = LeastSquares.fit(gram: others.map { a in others.map { gram[a][$0] } }, xy: others.map { gram[$0][k] },
                                           yy: gram[k][k])!
            var residual = columns[k]
            for (c, column) in others.enumerated() { for d in 0 ..< N { residual[d] -= partial.beta[c] * columns[column][d] } }
            let ee = dot(residual, residual)
            let baseGram = others.map { a in others.map { gram[a][$0] } }
            let baseXY = others.map { xy[$0] }
            let sample = SharedBuffer(repeating: Double.nan, count: Swift.max(1, permutations))
            let blocks = permutations > 0 ? Parallel.blockCount(for: permutations, minimumPerBlock: 8) : 0
            let residualValues = residual
            Parallel.forEachBlock(blocks, threads: threads) { block, _ in
                var permutation = Array(0 ..< n)
                var positions = [Int](repeating: 0, count: N)
                var cross = [Double](repeating: 0, count: others.count)
                let range = Parallel.range(ofBlock: block, blocks: blocks, count: permutations)
                for index in range {
                    var generator = SeededGenerator(seed: seed, stream: UInt64(k) << 32 + UInt64(index) + 1)
                    for v in 0 ..< n { permutation[v] = v }
                    generator.shuffle(&permutation)
                    DyadLayer.permutedPositions(permutation, directed: directed, into: &positions)
                    for c in cross.indices { cross[c] = 0 }
                    var ey = 0.0
                    for d in 0 ..< N {
                        let e = residualValues[positions[d]]
                        ey += e * y.values[d]
                        for (c, column) in others.enumerated() { cross[c] += e * columns[column][d] }
                    }
                    var g = baseGram
                    for c in cross.indices { g[c].append(cross[c]) }
                    g.append(cross + [ee])
                    guard let fit = LeastSquares.fit(gram: g, xy: baseXY + [ey], yy: yy) else { continue }
                    let last = others.count
                    let se = (fit.inverse[last][last] * fit.rss / degrees).squareRoot()
                    sample.pointer[index] = fit.beta[last] / se
                }
                progress?(done.add(range.count))
            }
            let tails = PermutationTails(observed: tValues[k], sample: permutations > 0 ? sample.array.filter(\.isFinite) : [])
            coefficients.append(Coefficient(name: names[k], estimate: full.beta[k], standardError: errors[k], t: tValues[k],
                                            pGreaterOrEqual: tails.pGreaterOrEqual, pLessOrEqual: tails.pLessOrEqual,
                                            pAbsolute: tails.pAbsolute))
        }
        return MRQAP(dependent: y.name, coefficients: coefficients, rSquared: rSquared,
                     adjustedRSquared: rSquared.isFinite ? 1 - (1 - rSquared) * Double(N - 1) / degrees : .nan,
                     observations: N, permutations: permutations, seed: seed)
    }
}
