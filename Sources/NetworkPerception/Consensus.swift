import NetworkModel

/// A tie of a consensus structure: the question, who reported it, and of how many who could.
public struct ConsensusTie: Sendable, Equatable {
    public var dyad: ReportedDyad
    /// Respondents who reported it (for the locally aggregated structures, those of its two stakeholders).
    public var reporters: [Int32]
    /// How many respondents could report it (the denominator of `share`).
    public var couldReport: Int

    public var support: Int { reporters.count }
    public var share: Double { couldReport > 0 ? Double(reporters.count) / Double(couldReport) : .nan }
}

/// Many reports made one network.
public struct ConsensusStructure: Sendable {
    public var method: ConsensusMethod
    /// The ties, sorted by question.
    public var ties: [ConsensusTie]
    /// Every reported question with its support, in or out of the consensus (for disputed ties).
    public var reportedTies: [ConsensusTie]
    /// Respondents whose reports the method could not use (no organisation, for the LAS methods).
    public var unusedRespondents: [Int]
    /// The Romney–Batchelder estimates, when that method made it.
    public var model: RomneyBatchelder?
}

extension Reports {
    /// The respondents of each stakeholder (`organisation`), for the locally aggregated structures.
    func respondentsByOrganisation() -> [[Int32]] {
        var members = [[Int32]](repeating: [], count: stakeholderCount)
        for (r, organisation) in organisation.enumerated() {
            if let organisation { members[Int(organisation)].append(Int32(r)) }
        }
        return members
    }

    /// How many respondents could report each candidate question.
    func couldReportCounts(_ candidates: [(dyad: ReportedDyad, reporters: [Int32])]) -> [Int] {
        guard views != nil else { return Array(repeating: respondentCount, count: candidates.count) }
        return candidates.map { candidate in
            (0 ..< respondentCount).reduce(0) { $0 + (knows($1, candidate.dyad.source, candidate.dyad.target) ? 1 : 0) }
        }
    }

    /// The consensus structure `method` makes of these reports.
    ///
    /// Equal to R sna's `consensus` on a roster report array (one respondent per stakeholder, each its own
    /// organisation, for the LAS methods): `share:0.5` is `central.graph`, `las-*` are `LAS.intersection`,
    /// `LAS.union`, `OR.row`, `OR.col`, and `romney-batchelder` is `romney.batchelder` (see `RomneyBatchelder`
    /// for where its estimates differ). With several respondents per organisation, an organisation reports a
    /// tie when at least one of its respondents does.
    /// - Throws: `ConsensusError.notApplicable` for the LAS methods when no respondent has an organisation,
    ///   and for `las-row`/`las-column` on undirected reports.
    /// - Complexity: O(C·r) for C reported questions and r respondents; Romney–Batchelder O(C·r) per iteration.
    public func consensus(_ method: ConsensusMethod, tolerance: Double = 1e-6, maxIterations: Int = 1000) throws -> ConsensusStructure {
        let candidates = candidates()
        var reportedTies: [ConsensusTie] = []
        var kept: [Bool] = []
        var unused: [Int] = []
        var model: RomneyBatchelder?
        if method.isLocallyAggregated {
            if !isDirected && (method == .lasRow || method == .lasColumn) {
                throw ConsensusError.notApplicable("\(method) reads which end of a tie its respondents belong to, and these reports are undirected; use las-union or las-intersection")
            }
            let members = respondentsByOrganisation()
            unused = organisation.indices.filter { organisation[$0] == nil && !reported[$0].isEmpty }
            if members.allSatisfy(\.isEmpty) {
                throw ConsensusError.notApplicable("\(method) counts the reports of each stakeholder's own respondents, and no respondent has an organisation; give one in respondents.csv's organisation column")
            }
            for candidate in candidates {
                let s = Int(candidate.dyad.source), t = Int(candidate.dyad.target)
                let ofSource = candidate.reporters.filter { organisation[Int($0)] == Int32(s) }
                let ofTarget = candidate.reporters.filter { organisation[Int($0)] == Int32(t) }
                let local: Set<Int32>
                let relevant: Int
                let inside: Bool
                switch method {
                case .lasRow:
                    local = Set(ofSource); relevant = members[s].count; inside = !ofSource.isEmpty
                case .lasColumn:
                    local = Set(ofTarget); relevant = members[t].count; inside = !ofTarget.isEmpty
                case .lasIntersection:
                    local = Set(ofSource + ofTarget); relevant = Set(members[s] + members[t]).count; inside = !ofSource.isEmpty && !ofTarget.isEmpty
                default:
                    local = Set(ofSource + ofTarget); relevant = Set(members[s] + members[t]).count; inside = !local.isEmpty
                }
                reportedTies.append(ConsensusTie(dyad: candidate.dyad, reporters: local.sorted(), couldReport: relevant))
                kept.append(inside)
            }
        } else {
            let counts = couldReportCounts(candidates)
            for (c, candidate) in candidates.enumerated() {
                reportedTies.append(ConsensusTie(dyad: candidate.dyad, reporters: candidate.reporters, couldReport: counts[c]))
            }
            switch method {
            case .union: kept = reportedTies.map { $0.support >= 1 }
            case .intersection: kept = reportedTies.map { $0.support >= 1 && $0.support == $0.couldReport }
            case .threshold(let k): kept = reportedTies.map { $0.support >= k }
            case .share(let f): kept = reportedTies.map { $0.support >= 1 && Double($0.support) >= f * Double($0.couldReport) * (1 - 1e-12) }
            case .romneyBatchelder:
                let fitted = RomneyBatchelder(self, candidates: candidates, couldReport: counts, tolerance: tolerance, maxIterations: maxIterations)
                kept = fitted.answerKey
                model = fitted
            default: break
            }
        }
        let ties = zip(reportedTies, kept).filter(\.1).map(\.0)
        return ConsensusStructure(method: method, ties: ties, reportedTies: reportedTies, unusedRespondents: unused, model: model)
    }
}
