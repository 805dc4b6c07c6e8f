import Foundation
import NetworkModel

/// How one respondent's report compares with the consensus structure, over the questions they could
/// answer (the pairs in their view, for each relation; see `Reports`).
public struct InformantFigures: Sendable, Equatable {
    public var respondent: Int
    /// Stakeholders in their view, and the questions they could answer.
    public var viewSize: Int
    public var questions: Int
    public var tiesReported: Int
    /// Consensus ties among the pairs they could report.
    public var consensusTies: Int
    /// |reported ∩ consensus| / |reported ∪ consensus| (NaN when both are empty).
    public var jaccard: Double
    /// Reported, not in the consensus.
    public var falsePositives: Int
    /// In the consensus (among pairs they could report), not reported.
    public var falseNegatives: Int
    /// Pearson correlation of their report with the consensus over the questions they could answer
    /// (NaN when either is constant), and its one-sided QAP p-value (share of node permutations of the
    /// consensus within their view correlating at least as strongly).
    public var correlation: Double
    public var qapPValue: Double
    /// Romney–Batchelder competence and bias.
    public var competence: Double
    public var bias: Double
}

extension Reports {
    /// Every respondent's figures against `consensus`, with QAP p-values from `permutations` permutations
    /// (respondent r's drawn from stream r of `seed`, so the same on any number of threads).
    /// - Complexity: O(r·(n + P·(v + t))) for views of v stakeholders, P permutations and t reported ties each.
    public func informants(against consensus: ConsensusStructure, model: RomneyBatchelder, permutations: Int = 1000, seed: UInt64 = 1,
                           threads: Int = Parallel.defaultThreads) -> [InformantFigures] {
        let ties = consensus.ties.map(\.dyad)
        let results = SharedBuffer<InformantFigures?>(repeating: nil, count: respondentCount)
        Parallel.forEachBlock(respondentCount, threads: threads) { r, _ in
            results.pointer[r] = self.figures(r, consensus: ties, model: model, permutations: permutations, seed: seed)
        }
        return results.array.map { $0! }
    }

    func figures(_ r: Int, consensus: [ReportedDyad], model: RomneyBatchelder, permutations: Int, seed: UInt64) -> InformantFigures {
        let report = Set(reported[r])
        let known = consensus.filter { knows(r, $0.source, $0.target) }
        let both = known.lazy.filter { report.contains($0) }.count
        let falsePositives = report.count - both, falseNegatives = known.count - both
        let union = report.count + known.count - both
        let questions = questionCount(r)
        // Pearson correlation of two 0/1 vectors over the questions: the phi coefficient.
        func phi(_ overlap: Int) -> Double {
            let q = Double(questions), x = Double(report.count), y = Double(known.count)
            let denominator = (x * (q - x) * y * (q - y)).squareRoot()
            return denominator > 0 ? (q * Double(overlap) - x * y) / denominator : .nan
        }
        let observed = phi(both)
        var pValue = Double.nan
        if !observed.isNaN && permutations > 0 {
            // Permute the stakeholders of the view; the consensus's ties move with them.
            let view = (0 ..< stakeholderCount).filter { views?[r][$0] ?? true }
            var position = [Int](repeating: -1, count: stakeholderCount)
            for (i, v) in view.enumerated() { position[v] = i }
            let v = view.count
            // The consensus ties of the view, keyed by (relation, position, position): memory by ties, not by
            // pairs, so a roster design over many stakeholders costs no v² table.
            func key(_ relation: Int, _ s: Int, _ t: Int) -> Int64 { (Int64(relation) * Int64(v) + Int64(s)) * Int64(v) + Int64(t) }
            var consensusKeys = Set<Int64>(minimumCapacity: known.count * (isDirected ? 1 : 2))
            for dyad in known {
                let s = position[Int(dyad.source)], t = position[Int(dyad.target)]
                consensusKeys.insert(key(Int(dyad.relation), s, t))
                if !isDirected { consensusKeys.insert(key(Int(dyad.relation), t, s)) }
            }
            let reportedPositions = report.map { (Int($0.relation), position[Int($0.source)], position[Int($0.target)]) }
            var generator = SeededGenerator(seed: seed, stream: UInt64(r))
            var permutation = Array(0 ..< v)
            var atLeast = 0
            for _ in 0 ..< permutations {
                generator.shuffle(&permutation)
                var overlap = 0
                for (relation, s, t) in reportedPositions where consensusKeys.contains(key(relation, permutation[s], permutation[t])) { overlap += 1 }
                if phi(overlap) >= observed - 1e-12 { atLeast += 1 }
            }
            pValue = Double(atLeast + 1) / Double(permutations + 1)
        }
        return InformantFigures(respondent: r, viewSize: viewSize(r), questions: questions, tiesReported: report.count, consensusTies: known.count,
                                jaccard: union > 0 ? Double(both) / Double(union) : .nan, falsePositives: falsePositives, falseNegatives: falseNegatives,
                                correlation: observed, qapPValue: pValue, competence: model.competence[r], bias: model.bias[r])
    }
}

/// Respondents' figures compared across groups (roles): each group's mean, and a permutation test of
/// whether the groups differ more than random groups of the same sizes would (statistic: the between-group
/// sum of squares Σ n_g (mean_g − mean)²; p = (1 + #permutations at least as large) / (1 + P)).
public struct GroupedFigures: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var members: [Int]
        /// Mean of each figure over members with a value, in `GroupedFigures.figures` order.
        public var means: [Double]
    }
    public var figures: [String]
    public var groups: [Group]
    /// Per figure.
    public var pValues: [Double]
    public var permutations: Int

    /// - Parameters:
    ///   - values: per figure, per respondent (NaN: no value; such respondents are left out of that figure).
    ///   - group: each respondent's group, `nil` when it has none (left out, as DESIGN's missing values).
    /// - Complexity: O(F·P·r).
    public init(figures: [String], values: [[Double]], group: [String?], permutations: Int = 5000, seed: UInt64 = 1) {
        let names = Array(Set(group.compactMap { $0 })).sorted()
        let members = names.map { name in group.indices.filter { group[$0] == name } }
        self.figures = figures
        self.permutations = permutations
        self.groups = zip(names, members).map { name, list in
            Group(name: name, members: list, means: values.map { column in
                let present = list.map { column[$0] }.filter { !$0.isNaN }
                return present.isEmpty ? .nan : present.reduce(0, +) / Double(present.count)
            })
        }
        self.pValues = values.enumerated().map { f, column in
            var labels: [Int] = []
            var numbers: [Double] = []
            for (g, list) in members.enumerated() {
                for r in list where !column[r].isNaN {
                    labels.append(g)
                    numbers.append(column[r])
                }
            }
            guard Set(labels).count >= 2 else { return .nan }
            func statistic(_ labels: [Int]) -> Double {
                var sums = [Double](repeating: 0, count: names.count), counts = [Double](repeating: 0, count: names.count)
                for (i, g) in labels.enumerated() { sums[g] += numbers[i]; counts[g] += 1 }
                let mean = numbers.reduce(0, +) / Double(numbers.count)
                return (0 ..< names.count).reduce(0) { total, g in counts[g] > 0 ? total + counts[g] * pow(sums[g] / counts[g] - mean, 2) : total }
            }
            let observed = statistic(labels)
            var generator = SeededGenerator(seed: seed, stream: UInt64(f))
            var shuffled = labels
            var atLeast = 0
            for _ in 0 ..< permutations {
                generator.shuffle(&shuffled)
                if statistic(shuffled) >= observed * (1 - 1e-12) { atLeast += 1 }
            }
            return Double(atLeast + 1) / Double(permutations + 1)
        }
    }
}
