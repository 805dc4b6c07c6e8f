import Foundation
import NetworkModel

/// Batchelder and Romney's consensus model fitted to reports: each respondent knows the true answer to a
/// question with probability `competence`, and otherwise guesses "yes" with probability `bias`; the answer
/// key is each question's most likely answer given everyone's reports and these parameters.
///
/// Fitted as R sna's `consensus(method = "romney.batchelder")` fits it: start from the majority answer key
/// (strictly more than half say yes), competence 2·(share correct) − 1, bias from each respondent's rate of
/// "yes"; then alternate the maximum-likelihood key with the moment updates of competence and bias until
/// competence changes by at most `tolerance`. One difference: sna takes the base rate of ties `s1`, after
/// its first step, over every cell of the n × n array — the diagonal and, for undirected reports, the upper
/// triangle it has set aside as not asked, and pairs no respondent was asked about — so its `s1` is the
/// density times n(n−1)/n² (directed) or about half the density (undirected). Here it is the share of the
/// questions some respondent could answer that the key says yes to, as the model defines it. On undirected
/// reports the difference matters: on the stored reference arrays (generated from a known true network,
/// Scripts/reference/consensus.R) sna's key gets 8 of 45 and 13 of 91 pairs wrong where this estimate gets
/// none (as the majority key does); on directed ones both are within a few pairs. The tests compare key,
/// competence and bias with the script's transcription of sna's loop with this one change; the script checks
/// that the transcription with sna's own base rate reproduces sna's key.
/// A respondent of competence 1 has bias 0.5 (it no longer matters), where sna leaves it undefined after
/// the first step.
///
/// - Reference: W. H. Batchelder and A. K. Romney, "Test theory without an answer key", Psychometrika
///   53(1), 71–92, 1988; A. K. Romney, S. C. Weller and W. H. Batchelder, "Culture as consensus",
///   American Anthropologist 88(2), 313–338, 1986.
/// - Complexity: O(C·r) per iteration for C reported questions and r respondents (questions nobody
///   reported are never in the key, so they enter only through counts).
public struct RomneyBatchelder: Sendable {
    /// Per respondent; NaN for a respondent who could answer nothing.
    public var competence: [Double]
    public var bias: [Double]
    /// Per candidate question (in `Reports.candidates()` order): whether the key says yes.
    public var answerKey: [Bool]
    public var iterations: Int
    public var converged: Bool

    init(_ reports: Reports, candidates: [(dyad: ReportedDyad, reporters: [Int32])], couldReport: [Int], tolerance: Double, maxIterations: Int) {
        let r = reports.respondentCount
        let questions = (0 ..< r).map { Double(reports.questionCount($0)) }
        let yes = reports.reported.map { Double($0.count) }
        let answerable = Double(max(reports.answerableQuestionCount, 1))
        // Who could answer each candidate, and whether they said yes.
        var knowers: [[Int32]] = []
        var said: [[Bool]] = []
        knowers.reserveCapacity(candidates.count)
        for candidate in candidates {
            let reporters = Set(candidate.reporters)
            let who = (0 ..< r).filter { reports.knows($0, candidate.dyad.source, candidate.dyad.target) }.map(Int32.init)
            knowers.append(who)
            said.append(who.map { reporters.contains($0) })
        }
        let rate = (0 ..< r).map { questions[$0] > 0 ? yes[$0] / questions[$0] : .nan }

        /// Share of each respondent's answers that agree with `key`.
        func correct(_ key: [Bool]) -> [Double] {
            var inKey = [Double](repeating: 0, count: r), hits = [Double](repeating: 0, count: r)
            for c in key.indices where key[c] {
                for (k, respondent) in knowers[c].enumerated() {
                    inKey[Int(respondent)] += 1
                    if said[c][k] { hits[Int(respondent)] += 1 }
                }
            }
            return (0 ..< r).map { i in
                guard questions[i] > 0 else { return .nan }
                let wrong = (yes[i] - hits[i]) + (inKey[i] - hits[i])
                return (questions[i] - wrong) / questions[i]
            }
        }
        func clampedBias(_ competence: Double, _ rate: Double, _ s1: Double) -> Double {
            guard competence < 1 else { return 0.5 }
            return min(max((rate - s1 * competence) / (1 - competence), 0), 1)
        }

        var key = candidates.indices.map { c in 2 * candidates[c].reporters.count > couldReport[c] }
        var s1 = Double(key.lazy.filter { $0 }.count) / answerable
        var competence = correct(key).map { $0.isNaN ? .nan : max(2 * $0 - 1, 0) }
        var bias = (0 ..< r).map { competence[$0].isNaN ? .nan : clampedBias(competence[$0], rate[$0], s1) }
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let old = competence
            for c in key.indices {
                var l1 = 0.0, l0 = 0.0
                for (k, respondent) in knowers[c].enumerated() {
                    let i = Int(respondent), a = competence[i], b = bias[i]
                    guard !a.isNaN else { continue }
                    if said[c][k] {
                        l1 += Foundation.log(a + (1 - a) * b)
                        l0 += Foundation.log((1 - a) * b)
                    } else {
                        l1 += Foundation.log((1 - a) * (1 - b))
                        l0 += Foundation.log(a + (1 - a) * (1 - b))
                    }
                }
                key[c] = l1 > l0
            }
            s1 = Double(key.lazy.filter { $0 }.count) / answerable
            let s0 = 1 - s1
            let share = correct(key)
            for i in 0 ..< r where !share[i].isNaN {
                let chance = s1 * bias[i] + s0 * (1 - bias[i])
                competence[i] = chance < 1 ? max((share[i] - chance) / (1 - chance), 0) : 0
                bias[i] = clampedBias(competence[i], rate[i], s1)
            }
            let change = zip(old, competence).map { $0.isNaN ? 0 : abs($0 - $1) }.max() ?? 0
            if change <= tolerance {
                converged = true
                break
            }
        }
        self.competence = competence
        self.bias = bias
        self.answerKey = key
        self.iterations = iterations
        self.converged = converged
    }

    /// The model fitted to `reports` (whatever consensus method is analysed), for informants' competence.
    public static func fit(_ reports: Reports, tolerance: Double = 1e-6, maxIterations: Int = 1000) -> RomneyBatchelder {
        let candidates = reports.candidates()
        return RomneyBatchelder(reports, candidates: candidates, couldReport: reports.couldReportCounts(candidates),
                                tolerance: tolerance, maxIterations: maxIterations)
    }
}
