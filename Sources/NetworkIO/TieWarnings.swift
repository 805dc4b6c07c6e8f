import NetworkModel

/// Warnings about ties that are legal but may not be what the user meant, each with a count.
enum TieWarnings {
    static func check(_ network: StakeholderNetwork, declaredByUser: Bool, report: inout ValidationReport) {
        let file = network.tieFile ?? network.name
        var selfLoops: [Tie] = []
        var duplicates: [(tie: Tie, firstLine: Int32)] = []
        var directedInUndirected: [Tie] = []
        var zeroWeights: [Tie] = []
        var seen: [TieKey: Int32] = [:]
        seen.reserveCapacity(network.tieCount)
        for tie in network.ties {
            if tie.isSelfLoop { selfLoops.append(tie) }
            if tie.weight == 0 { zeroWeights.append(tie) }
            if !network.isDirected, tie.direction == .directed, !declaredByUser { directedInUndirected.append(tie) }
            let ordered = network.isDirected(tie)
            let (a, b) = ordered || tie.source <= tie.target ? (tie.source, tie.target) : (tie.target, tie.source)
            let key = TieKey(source: a, target: b, kind: tie.kind, ordered: ordered, start: tie.start, end: tie.end)
            if let first = seen[key] { duplicates.append((tie, first)) } else { seen[key] = tie.line }
        }
        if let first = selfLoops.first {
            report.warning(file, line: line(first), "\(count(selfLoops.count, "tie")) from a stakeholder to itself (self-loop), the first here",
                           hint: "kept in the network; analyses leave self-loops out")
        }
        if let first = duplicates.first {
            report.warning(file, line: line(first.tie),
                           "\(count(duplicates.count, "tie")) repeat\(duplicates.count == 1 ? "s" : "") another tie's stakeholders, kind and period, the first here (repeating line \(first.firstLine))",
                           hint: "kept; analyses combine repeated ties by adding their weights unless told otherwise")
        }
        if let first = directedInUndirected.first {
            report.warning(file, line: line(first), "\(count(directedInUndirected.count, "tie")) marked directed in an undirected network, the first here",
                           hint: "read as undirected; declare \"directed\": true in network.json for a directed network")
        }
        if let first = zeroWeights.first {
            report.warning(file, line: line(first), "\(count(zeroWeights.count, "tie")) of weight 0, the first here",
                           hint: "a zero-strength tie has infinite length in path measures")
        }
    }

    static func line(_ tie: Tie) -> Int? { tie.line > 0 ? Int(tie.line) : nil }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    struct TieKey: Hashable {
        let source: Int32, target: Int32
        let kind: TieKind?
        let ordered: Bool
        let start: Int32?, end: Int32?
    }
}
