import NetworkModel

/// Warnings about ties that are legal but may not be what the user meant, each with a count.
enum TieWarnings {
    static func check(_ network: StakeholderNetwork, declaredByUser: Bool, report: inout ValidationReport) {
        let file = network.tieFile ?? network.name
        var selfLoops: [Tie] = []
        var directedInUndirected: [Tie] = []
        var zeroWeights: [Tie] = []
        for tie in network.ties {
            if tie.isSelfLoop { selfLoops.append(tie) }
            if tie.weight == 0 { zeroWeights.append(tie) }
            if !network.isDirected, tie.direction == .directed, !declaredByUser { directedInUndirected.append(tie) }
        }
        let duplicates = repeatedTies(in: network)
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

    /// Ties that repeat an earlier tie's ends (unordered when the tie is undirected), kind, period and respondent,
    /// each with the line of the first such tie. The pairs of ends are sorted as plain 64-bit keys to find
    /// the few that occur more than once; only ties with those ends are then compared field by field.
    /// - Complexity: O(m log m) time, 8 bytes per tie while sorting.
    static func repeatedTies(in network: StakeholderNetwork) -> [(tie: Tie, firstLine: Int32)] {
        func pairKey(_ tie: Tie) -> UInt64 {
            let ordered = network.isDirected(tie) || tie.source <= tie.target
            let (a, b) = ordered ? (tie.source, tie.target) : (tie.target, tie.source)
            return UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        }
        var keys = network.ties.map(pairKey)
        keys.sort()
        var repeated = Set<UInt64>()
        for i in keys.indices.dropFirst() where keys[i] == keys[i - 1] { repeated.insert(keys[i]) }
        keys = []
        guard !repeated.isEmpty else { return [] }
        var groups: [UInt64: [Int]] = [:]
        for (i, tie) in network.ties.enumerated() {
            let key = pairKey(tie)
            if repeated.contains(key) { groups[key, default: []].append(i) }
        }
        var result: [(tie: Tie, firstLine: Int32)] = []
        for group in groups.values {
            for (position, i) in group.enumerated().dropFirst() {
                let tie = network.ties[i]
                if let earlier = group[..<position].first(where: { sameRecord(network.ties[$0], tie, in: network) }) {
                    result.append((tie, network.ties[earlier].line))
                }
            }
        }
        return result.sorted { ($0.tie.line, $0.firstLine) < ($1.tie.line, $1.firstLine) }
    }

    static func sameRecord(_ a: Tie, _ b: Tie, in network: StakeholderNetwork) -> Bool {
        // Two respondents reporting the same tie are two reports, not a repeat.
        a.kind == b.kind && a.start == b.start && a.end == b.end && network.isDirected(a) == network.isDirected(b) && a.respondent == b.respondent
    }
}
