import Foundation
import NetworkModel
@testable import NetworkPerception
import Testing

/// Informant figures by hand on four stakeholders, and the permutation tests against their exact values.
@Suite struct InformantTests {
    /// r0 sees 0,1,2 and reports 0-1, 1-2; r1 sees 0,1 and reports 0-1; r2 sees everyone and reports 2-3.
    /// The majority consensus is the path 0-1-2-3.
    static func reports() -> Reports {
        let d = { (s: Int32, t: Int32) in ReportedDyad(source: s, target: t) }
        let views = [[true, true, true, false], [true, true, false, false], [true, true, true, true]]
        return Reports(stakeholderCount: 4, isDirected: false, reported: [[d(0, 1), d(1, 2)], [d(0, 1)], [d(2, 3)]], views: views)
    }

    @Test func figuresByHand() throws {
        let reports = Self.reports()
        let consensus = try reports.consensus(.share(0.5))
        let figures = reports.informants(against: consensus, model: RomneyBatchelder.fit(reports), permutations: 2000, seed: 3, threads: 2)
        // r0: 3 questions; reports both consensus ties it could know: Jaccard 1, phi (3·2 − 2·2)/√(2·1·2·1) = 1.
        #expect(figures[0].questions == 3 && figures[0].tiesReported == 2 && figures[0].consensusTies == 2)
        #expect(figures[0].jaccard == 1 && figures[0].falsePositives == 0 && figures[0].falseNegatives == 0 && figures[0].correlation == 1)
        // r1: one question, answered yes: no variance, so no correlation.
        #expect(figures[1].questions == 1 && figures[1].jaccard == 1 && figures[1].correlation.isNaN && figures[1].qapPValue.isNaN)
        // r2: 6 questions; 1 of the 3 consensus ties: Jaccard 1/3, two false negatives, phi 3/√45.
        #expect(figures[2].questions == 6 && figures[2].consensusTies == 3 && figures[2].falseNegatives == 2 && figures[2].falsePositives == 0)
        #expect(abs(figures[2].jaccard - 1.0 / 3) < 1e-15 && abs(figures[2].correlation - 3 / 45.0.squareRoot()) < 1e-12)
        // Exactly: a random relabelling puts r2's pair on one of the path's 3 edges among 6 pairs, so p = 1/2.
        #expect(abs(figures[2].qapPValue - 0.5) < 0.04, "\(figures[2].qapPValue)")
        // The same on one thread.
        let one = reports.informants(against: consensus, model: RomneyBatchelder.fit(reports), permutations: 2000, seed: 3, threads: 1)
        #expect(one.map(\.qapPValue).description == figures.map(\.qapPValue).description)
    }

    /// Values 1,2 in one group and 3,4 in another: of the 6 ways to split them in two pairs, 2 give a
    /// between-group sum of squares as large (4), so p = 1/3.
    @Test func groupTestAgainstItsExactValue() {
        let grouped = GroupedFigures(figures: ["x"], values: [[1, 2, 3, 4, .nan]], group: ["a", "a", "b", "b", nil], permutations: 6000, seed: 5)
        #expect(grouped.groups.map(\.name) == ["a", "b"] && grouped.groups.map(\.means) == [[1.5], [3.5]])
        #expect(abs(grouped.pValues[0] - 1.0 / 3) < 0.03, "\(grouped.pValues[0])")
    }
}
