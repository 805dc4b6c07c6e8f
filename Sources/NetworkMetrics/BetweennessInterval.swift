import Foundation
import NetworkModel

/// Betweenness estimated from sampled sources, with an interval for each stakeholder that holds with
/// probability at least `confidence` on any network.
public struct ApproximateBetweenness: Sendable {
    public let estimate: NodeScores
    /// The interval's ends (`betweenness_lower`, `betweenness_upper`).
    public let lower: NodeScores
    public let upper: NodeScores
    /// The plain standard error of the sample (it understates the error on skewed networks; kept for
    /// comparison with other tools, not for inference).
    public let sampleStandardError: NodeScores
    public let sources: Int
    public let confidence: Double

    /// A conservative standard error: the interval's larger half-width over the normal quantile of the
    /// confidence (1.96 at 95%), so that estimate ± 1.96·SE contains the interval. Named
    /// `betweenness_standard_error` in output.
    public var standardError: NodeScores {
        let z = BetweennessInterval.normalQuantile(0.5 + confidence / 2)
        return NodeScores(measure: "betweenness_standard_error", values: estimate.values.indices.map { v in
            Swift.max(estimate[v] - lower[v], upper[v] - estimate[v]) / z
        })
    }
}

/// The interval of a mean of k draws without replacement from values in [0, R], by Bernstein's inequality
/// with the Bhatia–Davis bound on the variance.
///
/// For draws X_1 … X_k in [0, R] with mean μ, Bernstein's inequality gives
/// P(|X̄ − μ| ≥ t) ≤ 2 exp(−k t² / (2σ² + 2Rt/3)), and it holds for draws without replacement too, whose
/// sums are dominated in convex order by sums with replacement (Hoeffding 1963, Theorem 4). The variance of
/// any distribution on [0, R] with mean μ is at most μ(R − μ) (Bhatia and Davis), so the bound needs no
/// estimate of σ²: with L = ln(2/δ), each μ with |X̄ − μ| > t(μ) = a + √(a² + 2Lμ(R − μ)/k), a = RL/(3k),
/// is rejected at level δ, and the μ not rejected form a confidence interval of level 1 − δ. This is what
/// makes it honest on heavy-tailed networks, where a hub's dependency comes from a few sources the sample
/// may have missed: the bound allows for them, where the sample variance cannot. The price is width: about
/// ±(2RL/(3k) + √(2LμR/k)), so it narrows as 1/√k and, near 0, as 1/k.
///
/// - Complexity: O(log(R/ε)) per interval (bisection).
/// - References: W. Hoeffding, "Probability inequalities for sums of bounded random variables", J. Am.
///   Stat. Assoc. 58(301), 1963, doi:10.1080/01621459.1963.10500830; R. Bhatia and C. Davis, "A better bound
///   on the variance", Am. Math. Monthly 107(4), 2000, doi:10.2307/2589180; S. Boucheron, G. Lugosi and
///   P. Massart, "Concentration inequalities", Oxford, 2013, Theorem 2.10.
public enum BetweennessInterval {
    public static func bounds(mean m: Double, range R: Double, samples k: Int, confidence: Double) -> (lower: Double, upper: Double) {
        guard R > 0, k > 0 else { return (m, m) }
        let L = log(2 / (1 - confidence)), kk = Double(k)
        let a = R * L / (3 * kk)
        func t(_ mu: Double) -> Double { a + (a * a + 2 * L * Swift.max(0, mu * (R - mu)) / kk).squareRoot() }
        // Lower end: the root of m − μ − t(μ) on [0, m] (0 when even μ = 0 is not rejected).
        var lower = 0.0
        if m - t(0) > 0 {
            var (low, high) = (0.0, m)
            for _ in 0 ..< 200 where high - low > 1e-15 * Swift.max(1, R) {
                let mid = (low + high) / 2
                if m - mid - t(mid) > 0 { low = mid } else { high = mid }
            }
            lower = high
        }
        // Upper end: the root of μ − m − t(μ) on [m, R] (convex in μ, ≤ 0 at m).
        var upper = R
        if R - m - t(R) > 0 {
            var (low, high) = (m, R)
            for _ in 0 ..< 200 where high - low > 1e-15 * Swift.max(1, R) {
                let mid = (low + high) / 2
                if mid - m - t(mid) > 0 { high = mid } else { low = mid }
            }
            upper = low
        }
        return (lower, upper)
    }

    /// The standard normal quantile (Acklam's rational approximation refined by one Newton step; error below 1e-12).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p > 1 - 0.02425 {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }
}
