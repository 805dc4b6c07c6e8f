import Foundation
import NetworkModel
@testable import NetworkPerception
import TestSupport
import Testing

/// Krippendorff's alpha against the `krippendorff` package, ICC(2,1) against pingouin (stored by
/// Scripts/reference/agreement.py), and Spearman's rho and the perceived-influence table by hand.
@Suite struct AgreementTests {
    static func load(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reference/\(name)")))
        return try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
    }

    static func ratings(_ entry: [String: Any]) -> [[Double]] {
        (entry["ratings"] as! [[Any]]).map { row in row.map { ($0 as? Double) ?? .nan } }
    }

    @Test func krippendorffAlphaEqualsThePackage() throws {
        let entries = try Self.load("krippendorff.json")
        #expect(entries.count == 5)
        for entry in entries {
            let got = RatingAgreement.krippendorffAlpha(Self.ratings(entry))
            let expected = entry["alpha"] as! Double
            #expect(isClose(got, expected, relative: 1e-12, absolute: 1e-12), "\(entry["name"]!): \(got) vs \(expected)")
        }
    }

    @Test func iccEqualsPingouin() throws {
        for entry in try Self.load("icc.json") {
            let got = RatingAgreement.icc21(Self.ratings(entry))
            let expected = entry["icc2"] as! Double
            #expect(isClose(got, expected, relative: 1e-12, absolute: 1e-12), "\(entry["name"]!): \(got) vs \(expected)")
        }
        #expect(RatingAgreement.icc21([[1, 2, .nan], [2, 3, 4]]).isNaN)
    }

    @Test func bootstrapIntervalHoldsTheValueAndRepeats() throws {
        let ratings = Self.ratings(try Self.load("krippendorff.json")[1])
        let a = RatingAgreement.krippendorffAlpha(ratings, resamples: 500, seed: 7)
        let b = RatingAgreement.krippendorffAlpha(ratings, resamples: 500, seed: 7)
        let interval = try #require(a.interval)
        #expect(a == b)
        #expect(interval.contains(a.value) && interval.upperBound - interval.lowerBound > 0.01)
    }

    /// Spearman with tied ranks by hand: x = 1,2,2,3 has ranks 1, 2.5, 2.5, 4; y = 4,3,2,1 ranks 4,3,2,1;
    /// Pearson of the ranks is −0.9486832980505138 (= −3/√10).
    @Test func spearmanByHand() {
        #expect(RankCorrelation.ranks([1, 2, 2, 3]) == [1, 2.5, 2.5, 4])
        #expect(isClose(RankCorrelation.spearman([1, 2, 2, 3], [4, 3, 2, 1]), -3 / 10.0.squareRoot()))
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]).isNaN)
    }

    /// Three respondents rating three stakeholders; stakeholder 3 unrated.
    @Test func perceivedInfluenceByHand() {
        let p = { (r: Int32, s: Int32, x: Double) in Perception(respondent: r, stakeholder: s, influence: x) }
        let ratings = [p(0, 0, 5), p(1, 0, 3), p(2, 0, 4), p(0, 1, 1), p(1, 1, 2), p(0, 2, 9)]
        let degree = NodeScores(measure: "degree", values: [1, 3, 2, 7])
        let influence = PerceivedInfluence(ratings: ratings, stakeholderCount: 4, measures: [degree], resamples: 0)
        #expect(influence.stakeholders.map(\.index) == [0, 1, 2])
        #expect(influence.stakeholders.map(\.mean) == [4, 1.5, 9])
        #expect(influence.stakeholders.map(\.median) == [4, 1.5, 9])
        #expect(influence.stakeholders.map(\.respondents) == [3, 2, 1])
        #expect(isClose(influence.stakeholders[0].sd, 1) && isClose(influence.stakeholders[1].sd, 0.5.squareRoot()) && influence.stakeholders[2].sd.isNaN)
        #expect(influence.perceivedRank == [2, 3, 1])
        let comparison = influence.comparisons[0]
        // Rated stakeholders' degrees 1, 3, 2 rank 3, 1, 2: gaps 3−2, 1−3, 2−1.
        #expect(comparison.structuralRank == [3, 1, 2])
        #expect(comparison.gap == [1, -2, 1])
        #expect(isClose(comparison.spearman.value, RankCorrelation.pearson([2, 1, 3], [1, 3, 2])))
        #expect(influence.raters == 3)
        #expect(influence.icc.isNaN)
    }
}
