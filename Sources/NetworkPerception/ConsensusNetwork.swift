import NetworkModel

extension StakeholderNetwork {
    /// The network `structure` makes of this network's reports: the ties known from other sources (no
    /// respondent) as recorded, and one tie per consensus question. Every tie that respondents reported
    /// carries `support` (how many reported it), `share` (of those who could) and `respondents` (their ids,
    /// joined by "; "); a recorded tie respondents also reported takes these and stands for both. A consensus
    /// tie's weight is the mean of its reports' weights; it runs from the earliest start to the latest end
    /// reported (open when any report is open). Respondents and perceptions stay, for the analyses of views.
    /// - Complexity: O(m log m).
    public func consensusNetwork(_ structure: ConsensusStructure, reports: Reports) -> StakeholderNetwork {
        func key(_ tie: Tie) -> (relation: Int32, source: Int32, target: Int32)? {
            guard let relation = reports.relations.firstIndex(where: { $0 == tie.kind }) else { return nil }
            if reports.isDirected || tie.source < tie.target { return (Int32(relation), tie.source, tie.target) }
            return (Int32(relation), tie.target, tie.source)
        }
        var reportsOf: [ReportedDyad: [Tie]] = [:]
        var recorded: [Tie] = []
        var recordedAt: [ReportedDyad: Int] = [:]
        for tie in ties {
            if tie.respondent == nil {
                if let k = key(tie) { recordedAt[ReportedDyad(relation: k.relation, source: k.source, target: k.target)] = recorded.count }
                recorded.append(tie)
            } else if let k = key(tie) {
                reportsOf[ReportedDyad(relation: k.relation, source: k.source, target: k.target), default: []].append(tie)
            }
        }
        func describe(_ c: ConsensusTie) -> [String: AttributeValue] {
            var attributes: [String: AttributeValue] = [Tie.supportAttribute: .integer(c.support),
                                                        Tie.reportersAttribute: .text(c.reporters.map { respondents[Int($0)].id }.joined(separator: "; "))]
            if !c.share.isNaN { attributes[Tie.shareAttribute] = .number(c.share) }
            return attributes
        }
        var result = recorded
        for c in structure.ties {
            if let at = recordedAt[c.dyad] {
                result[at].attributes.merge(describe(c)) { _, new in new }
                continue
            }
            let list = reportsOf[c.dyad] ?? []
            let weight = list.isEmpty ? 1 : list.reduce(0) { $0 + $1.weight } / Double(list.count)
            let start = list.contains { $0.start == nil } ? nil : list.compactMap(\.start).min()
            let end = list.contains { $0.end == nil } ? nil : list.compactMap(\.end).max()
            result.append(Tie(source: c.dyad.source, target: c.dyad.target, kind: reports.relations[Int(c.dyad.relation)], weight: weight,
                              start: start, end: end, attributes: describe(c), line: list.first?.line ?? 0))
        }
        var copy = replacingTies(with: result)
        copy.consensusRule = structure.method.description
        return copy
    }
}
