import Foundation
import NetworkModel

/// How influential respondents think each stakeholder is (Net-Map's influence towers), how far they agree,
/// and how perception sets beside structural position.
public struct PerceivedInfluence: Sendable {
    public struct Stakeholder: Sendable {
        public var index: Int
        public var mean: Double
        public var median: Double
        /// Sample standard deviation (n − 1); NaN with one rating.
        public var sd: Double
        public var respondents: Int
    }

    /// A structural measure set beside the mean perceived influence, over the stakeholders rated.
    public struct Comparison: Sendable {
        public var measure: String
        public var spearman: Estimate
        /// Per rated stakeholder (in `stakeholders` order): rank by the measure (1 = highest, ties averaged).
        public var structuralRank: [Double]
        /// Rank by structure minus rank by perception: positive when thought more influential than its
        /// position says (overestimated), negative when underestimated.
        public var gap: [Double]
    }

    /// Stakeholders rated by at least one respondent, in network order.
    public var stakeholders: [Stakeholder]
    /// Rank by mean perceived influence (1 = most influential, ties averaged), per rated stakeholder.
    public var perceivedRank: [Double]
    /// Krippendorff's alpha (interval) over respondents × rated stakeholders, with a bootstrap interval.
    public var alpha: Estimate
    /// ICC(2,1) when every respondent who rated rated every rated stakeholder, else NaN.
    public var icc: Double
    public var raters: Int
    public var comparisons: [Comparison]

    /// - Parameters:
    ///   - ratings: the perceptions to use (a role group's, or all).
    ///   - measures: structural scores per stakeholder of the network (any number).
    ///   - resamples: bootstrap resamples for the intervals, drawn from `seed`.
    /// - Complexity: O(P + B·(r·s)) for P ratings, B resamples, r raters and s rated stakeholders.
    public init(ratings: [Perception], stakeholderCount: Int, measures: [NodeScores] = [], resamples: Int = 1000, seed: UInt64 = 1) {
        var byStakeholder = [[Double]](repeating: [], count: stakeholderCount)
        for rating in ratings { byStakeholder[Int(rating.stakeholder)].append(rating.influence) }
        let rated = (0 ..< stakeholderCount).filter { !byStakeholder[$0].isEmpty }
        stakeholders = rated.map { v in
            let values = byStakeholder[v].sorted()
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
            let sd = values.count > 1 ? (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot() : .nan
            return Stakeholder(index: v, mean: mean, median: median, sd: sd, respondents: values.count)
        }
        let raterIDs = Array(Set(ratings.map(\.respondent))).sorted()
        raters = raterIDs.count
        var column = [Int](repeating: -1, count: stakeholderCount)
        for (i, v) in rated.enumerated() { column[v] = i }
        var rowOf: [Int32: Int] = [:]
        for (i, r) in raterIDs.enumerated() { rowOf[r] = i }
        var matrix = [[Double]](repeating: [Double](repeating: .nan, count: rated.count), count: raterIDs.count)
        for rating in ratings { matrix[rowOf[rating.respondent]!][column[Int(rating.stakeholder)]] = rating.influence }
        alpha = RatingAgreement.krippendorffAlpha(matrix, resamples: resamples, seed: seed)
        icc = RatingAgreement.icc21(matrix)
        let means = stakeholders.map(\.mean)
        let perceived = RankCorrelation.ranks(means.map { -$0 })
        perceivedRank = perceived
        comparisons = measures.enumerated().map { m, scores in
            let values = rated.map { scores.values[$0] }
            let usable = values.indices.filter { values[$0].isFinite }
            let rho = RankCorrelation.spearman(usable.map { means[$0] }, usable.map { values[$0] }, resamples: resamples, seed: seed, stream: UInt64(m + 1))
            let structural = RankCorrelation.ranks(values.map { $0.isFinite ? -$0 : .infinity })
            return Comparison(measure: scores.measure, spearman: rho, structuralRank: structural,
                              gap: structural.indices.map { values[$0].isFinite ? structural[$0] - perceived[$0] : .nan })
        }
    }
}
