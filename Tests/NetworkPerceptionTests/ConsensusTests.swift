import Foundation
import NetworkModel
@testable import NetworkPerception
import TestSupport
import Testing

/// Consensus structures against R sna's `consensus` on generated roster report arrays
/// (Tests/Fixtures/reference/consensus.json, from Scripts/reference/consensus.R).
@Suite struct ConsensusTests {
    struct Case {
        var name: String
        var reports: Reports
        var expected: [String: Set<[Int]>]
        var romneyBatchelder: [String: Any]
    }

    static func cases() throws -> [Case] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("reference/consensus.json")))
        let list = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        return list.map { entry in
            let n = entry["n"] as! Int, directed = entry["directed"] as! Bool
            let reported = (entry["reports"] as! [[[Int]]]).map { $0.map { ReportedDyad(source: Int32($0[0]), target: Int32($0[1])) } }
            let reports = Reports(stakeholderCount: n, isDirected: directed, reported: reported, organisation: (0 ..< n).map { Int32($0) })
            let sna = (entry["sna"] as! [String: [[Int]]]).mapValues { Set($0) }
            return Case(name: entry["name"] as! String, reports: reports, expected: sna, romneyBatchelder: entry["romney_batchelder"] as! [String: Any])
        }
    }

    static func pairs(_ structure: ConsensusStructure) -> Set<[Int]> {
        Set(structure.ties.map { [Int($0.dyad.source), Int($0.dyad.target)] })
    }

    @Test func everyMethodEqualsSna() throws {
        let methods: [(String, ConsensusMethod)] = [
            ("central.graph", .share(0.5)), ("LAS.intersection", .lasIntersection), ("LAS.union", .lasUnion),
            ("OR.row", .lasRow), ("OR.col", .lasColumn), ("union", .union), ("intersection", .intersection),
        ]
        let cases = try Self.cases()
        #expect(cases.count == 5)
        for c in cases {
            for (name, method) in methods {
                guard let expected = c.expected[name] else {
                    #expect(c.reports.isDirected == false && (method == .lasRow || method == .lasColumn), "\(c.name) lacks \(name)")
                    #expect(throws: ConsensusError.self) { try c.reports.consensus(method) }
                    continue
                }
                let got = Self.pairs(try c.reports.consensus(method))
                #expect(got == expected, "\(c.name) \(name): \(got.symmetricDifference(expected).sorted { $0.lexicographicallyPrecedes($1) })")
            }
        }
    }

    /// The Romney–Batchelder model: key, competence and bias as the script's transcription of sna's loop
    /// computes them with the base rate over the cells asked about (the transcription with sna's own base
    /// rate reproduces sna's key; the script checks that).
    @Test func romneyBatchelderEqualsTheReference() throws {
        for c in try Self.cases() {
            let structure = try c.reports.consensus(.romneyBatchelder)
            let key = Set((c.romneyBatchelder["key"] as! [[Int]]))
            #expect(Self.pairs(structure) == key, "\(c.name)")
            let model = try #require(structure.model)
            #expect(model.converged)
            let competence = c.romneyBatchelder["competence"] as! [Double], bias = c.romneyBatchelder["bias"] as! [Double]
            for r in competence.indices {
                #expect(isClose(model.competence[r], competence[r], relative: 1e-9, absolute: 1e-9), "\(c.name) competence \(r): \(model.competence[r]) vs \(competence[r])")
                #expect(isClose(model.bias[r], bias[r], relative: 1e-9, absolute: 1e-9), "\(c.name) bias \(r): \(model.bias[r]) vs \(bias[r])")
            }
        }
    }

    /// Thresholds and shares by hand on three respondents of four stakeholders, and views: a pair outside a
    /// respondent's view does not count against a tie.
    @Test func thresholdsSharesAndViewsByHand() throws {
        // r0 sees 0,1,2 and reports 0-1, 1-2; r1 sees 0,1 and reports 0-1; r2 sees 0,1,2,3 and reports 2-3.
        let d = { (s: Int32, t: Int32) in ReportedDyad(source: s, target: t) }
        let views = [[true, true, true, false], [true, true, false, false], [true, true, true, true]]
        let reports = Reports(stakeholderCount: 4, isDirected: false, reported: [[d(0, 1), d(2, 1)], [d(1, 0)], [d(2, 3)]], views: views)
        let all = try reports.consensus(.union)
        #expect(Self.pairs(all) == [[0, 1], [1, 2], [2, 3]])
        let byPair = Dictionary(uniqueKeysWithValues: all.ties.map { ([Int($0.dyad.source), Int($0.dyad.target)], $0) })
        #expect(byPair[[0, 1]]?.support == 2 && byPair[[0, 1]]?.couldReport == 3)
        #expect(byPair[[1, 2]]?.support == 1 && byPair[[1, 2]]?.couldReport == 2)
        #expect(byPair[[2, 3]]?.support == 1 && byPair[[2, 3]]?.couldReport == 1)
        #expect(Self.pairs(try reports.consensus(.threshold(2))) == [[0, 1]])
        #expect(Self.pairs(try reports.consensus(.share(0.5))) == [[0, 1], [1, 2], [2, 3]])
        #expect(Self.pairs(try reports.consensus(.share(0.6))) == [[0, 1], [2, 3]])
        #expect(Self.pairs(try reports.consensus(.intersection)) == [[2, 3]])
        // 3 pairs seen by r0, 1 by r1, 6 by r2; some respondent sees all 6.
        #expect(reports.questionCount(0) == 3 && reports.questionCount(1) == 1 && reports.questionCount(2) == 6)
        #expect(reports.answerableQuestionCount == 6)
        #expect(throws: ConsensusError.self) { try reports.consensus(.lasUnion) }
    }

    @Test func methodNamesRoundTrip() throws {
        for name in ["union", "intersection", "threshold:3", "share:0.5", "share:1", "las-intersection", "las-union", "las-row", "las-column", "romney-batchelder"] {
            #expect(try ConsensusMethod(parsing: name).description == name)
        }
        #expect(try ConsensusMethod(parsing: "central.graph") == .share(0.5))
        #expect(throws: ConsensusError.self) { try ConsensusMethod(parsing: "share:0") }
        #expect(throws: ConsensusError.self) { try ConsensusMethod(parsing: "threshold:x") }
        #expect(throws: ConsensusError.self) { try ConsensusMethod(parsing: "majority-vote") }
    }
}
