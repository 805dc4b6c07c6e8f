import Foundation
import NetworkModel

/// Agreement among raters on numbers (influence ratings), with missing ratings allowed.
public enum RatingAgreement {
    /// Krippendorff's alpha with the interval metric, 1 − D_o / D_e, over the units (columns of `ratings`,
    /// one row per rater, NaN where a rater gave no value) with at least two values; NaN when fewer than two
    /// such units' values differ at all.
    /// - Reference: K. Krippendorff, "Computing Krippendorff's alpha-reliability", 2011; equal to the
    ///   `krippendorff` package's `alpha(level_of_measurement="interval")`.
    /// - Complexity: O(raters × units).
    public static func krippendorffAlpha(_ ratings: [[Double]]) -> Double {
        let units = ratings.first?.count ?? 0
        var sums: [(count: Double, sum: Double, squares: Double)] = []
        for u in 0 ..< units {
            var count = 0.0, sum = 0.0, squares = 0.0
            for row in ratings where !row[u].isNaN {
                count += 1; sum += row[u]; squares += row[u] * row[u]
            }
            if count >= 2 { sums.append((count, sum, squares)) }
        }
        return alpha(sums)
    }

    static func alpha(_ units: [(count: Double, sum: Double, squares: Double)]) -> Double {
        let n = units.reduce(0) { $0 + $1.count }
        guard n > 1 else { return .nan }
        // Σ over ordered pairs within a unit of (a − b)² = 2 (m Σx² − (Σx)²).
        var observed = 0.0, total = 0.0, totalSquares = 0.0
        for unit in units {
            observed += 2 * (unit.count * unit.squares - unit.sum * unit.sum) / (unit.count - 1)
            total += unit.sum
            totalSquares += unit.squares
        }
        let expected = 2 * (n * totalSquares - total * total) / (n - 1)
        guard expected > 0 else { return .nan }
        return 1 - observed / expected
    }

    /// Krippendorff's alpha with a percentile bootstrap interval from resampling units (stakeholders) with
    /// replacement, `resamples` times from `seed`.
    public static func krippendorffAlpha(_ ratings: [[Double]], resamples: Int, seed: UInt64, level: Double = 0.95) -> Estimate {
        let value = krippendorffAlpha(ratings)
        let units = ratings.first?.count ?? 0
        var generator = SeededGenerator(seed: seed, stream: 0xA1FA)
        var draws: [Double] = []
        for _ in 0 ..< resamples where units > 0 {
            let picked = (0 ..< units).map { _ in generator.uniform(below: units) }
            let a = krippendorffAlpha(ratings.map { row in picked.map { row[$0] } })
            if !a.isNaN { draws.append(a) }
        }
        return Estimate(value: value, interval: percentileInterval(draws, level: level))
    }

    /// ICC(2,1) of Shrout and Fleiss: two-way random effects, absolute agreement, one rater —
    /// (MSR − MSE) / (MSR + (k − 1) MSE + k (MSC − MSE) / n) for n targets (columns) and k raters (rows),
    /// every rater rating every target (NaN otherwise). Equal to pingouin's `ICC2`.
    /// - Reference: P. E. Shrout and J. L. Fleiss, "Intraclass correlations: uses in assessing rater
    ///   reliability", Psychological Bulletin 86(2), 420–428, 1979.
    public static func icc21(_ ratings: [[Double]]) -> Double {
        let k = Double(ratings.count), n = Double(ratings.first?.count ?? 0)
        guard k >= 2, n >= 2, ratings.allSatisfy({ $0.allSatisfy { !$0.isNaN } }) else { return .nan }
        let grand = ratings.joined().reduce(0, +) / (k * n)
        let targetMeans = (0 ..< Int(n)).map { t in ratings.reduce(0) { $0 + $1[t] } / k }
        let raterMeans = ratings.map { $0.reduce(0, +) / n }
        let ssTargets = k * targetMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let ssRaters = n * raterMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let ssTotal = ratings.joined().reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let ssError = ssTotal - ssTargets - ssRaters
        let msr = ssTargets / (n - 1), msc = ssRaters / (k - 1), mse = ssError / ((n - 1) * (k - 1))
        let denominator = msr + (k - 1) * mse + k * (msc - mse) / n
        return denominator != 0 ? (msr - mse) / denominator : .nan
    }

    static func percentileInterval(_ draws: [Double], level: Double) -> ClosedRange<Double>? {
        guard draws.count >= 20 else { return nil }
        let sorted = draws.sorted()
        func quantile(_ p: Double) -> Double {
            // Type 7 (linear interpolation), as numpy's and R's default.
            let h = p * Double(sorted.count - 1)
            let low = Int(h.rounded(.down)), high = min(low + 1, sorted.count - 1)
            return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
        }
        let tail = (1 - level) / 2
        return quantile(tail) ... quantile(1 - tail)
    }
}

/// A figure with a confidence interval (none when too few resamples gave a value).
public struct Estimate: Sendable, Equatable {
    public var value: Double
    public var interval: ClosedRange<Double>?
}

/// Spearman's rank correlation: Pearson's correlation of the average ranks (ties share their mean rank),
/// as `scipy.stats.spearmanr`. NaN when either side is constant or fewer than 3 pairs.
public enum RankCorrelation {
    /// Average ranks, 1 for the smallest.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i ... j { ranks[order[k]] = rank }
            i = j + 1
        }
        return ranks
    }

    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count == y.count, x.count >= 2 else { return .nan }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); syy += (y[i] - my) * (y[i] - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : .nan
    }

    public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 3 else { return .nan }
        return pearson(ranks(x), ranks(y))
    }

    /// Spearman's rho with a percentile bootstrap interval (pairs resampled with replacement).
    public static func spearman(_ x: [Double], _ y: [Double], resamples: Int, seed: UInt64, stream: UInt64, level: Double = 0.95) -> Estimate {
        let value = spearman(x, y)
        var generator = SeededGenerator(seed: seed, stream: stream)
        var draws: [Double] = []
        let n = x.count
        for _ in 0 ..< resamples where n >= 3 {
            let picked = (0 ..< n).map { _ in generator.uniform(below: n) }
            let rho = spearman(picked.map { x[$0] }, picked.map { y[$0] })
            if !rho.isNaN { draws.append(rho) }
        }
        return Estimate(value: value, interval: RatingAgreement.percentileInterval(draws, level: level))
    }
}
