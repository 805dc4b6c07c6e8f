/// Ordinary least squares on small systems through the normal equations, for QAP regression.
enum LeastSquares {
    /// The inverse of a symmetric positive-definite matrix by Cholesky factorisation, or `nil` when the
    /// matrix is singular to working precision (relative pivot below 1e-10). O(p³).
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let p = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        let scale = (0 ..< p).map { a[$0][$0] }.max() ?? 0
        for j in 0 ..< p {
            var diagonal = a[j][j]
            for k in 0 ..< j { diagonal -= l[j][k] * l[j][k] }
            guard diagonal > 1e-10 * Swift.max(scale, 1e-300) else { return nil }
            l[j][j] = diagonal.squareRoot()
            for i in j + 1 ..< p {
                var sum = a[i][j]
                for k in 0 ..< j { sum -= l[i][k] * l[j][k] }
                l[i][j] = sum / l[j][j]
            }
        }
        // inverse = L⁻ᵀ L⁻¹, with L⁻¹ by forward substitution.
        var lInverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in 0 ..< p {
            lInverse[i][i] = 1 / l[i][i]
            for j in 0 ..< i {
                var sum = 0.0
                for k in j ..< i { sum -= l[i][k] * lInverse[k][j] }
                lInverse[i][j] = sum / l[i][i]
            }
        }
        var result = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        for i in 0 ..< p {
            for j in 0 ... i {
                var sum = 0.0
                for k in i ..< p { sum += lInverse[k][i] * lInverse[k][j] }
                result[i][j] = sum
                result[j][i] = sum
            }
        }
        return result
    }

    /// A fit from the cross-products X'X, X'y and y'y over `observations` rows: coefficients, the inverse of
    /// X'X, and the residual sum of squares; `nil` when X'X is singular.
    static func fit(gram: [[Double]], xy: [Double], yy: Double) -> (beta: [Double], inverse: [[Double]], rss: Double)? {
        guard let inverse = inverse(gram) else { return nil }
        let p = xy.count
        let beta = (0 ..< p).map { i in (0 ..< p).reduce(0.0) { $0 + inverse[i][$1] * xy[$1] } }
        let explained = (0 ..< p).reduce(0.0) { $0 + beta[$1] * xy[$1] }
        return (beta, inverse, Swift.max(0, yy - explained))
    }
}
