import NetworkModel

/// Warnings about ties that are legal but may not be what the user meant, each with a count.
enum TieWarnings {
    static func check(_ network: StakeholderNetwork, declaredByUser: Bool, report: inout ValidationReport) {
        let file = network.tieFile ?? network.name
        let ties = network.ties
        // Each warning counts its ties and names the first; the columns are read directly (no `Tie` per tie).
        var selfLoops = 0, firstSelfLoop = -1
        for i in ties.indices where ties.sources[i] == ties.targets[i] {
            if selfLoops == 0 { firstSelfLoop = i }
            selfLoops += 1
        }
        var zeroWeights = 0, firstZeroWeight = -1
        for (i, weight) in ties.weights.enumerated() where weight == 0 {
            if zeroWeights == 0 { firstZeroWeight = i }
            zeroWeights += 1
        }
        var directedInUndirected = 0, firstDirected = -1
        if !network.isDirected, !declaredByUser {
            for (i, direction) in ties.directions.enumerated() where direction == .directed {
                if directedInUndirected == 0 { firstDirected = i }
                directedInUndirected += 1
            }
        }
        let duplicates = repeatedTies(in: network)
        if selfLoops > 0 {
            report.warning(file, line: line(ties, firstSelfLoop), "\(count(selfLoops, "tie")) from a stakeholder to itself (self-loop), the first here",
                           hint: "kept in the network; analyses leave self-loops out")
        }
        if let first = duplicates.first {
            report.warning(file, line: line(ties, first.tie),
                           "\(count(duplicates.count, "tie")) repeat\(duplicates.count == 1 ? "s" : "") another tie's stakeholders, kind and period, the first here (repeating line \(first.firstLine))",
                           hint: "kept; analyses combine repeated ties by adding their weights unless told otherwise")
        }
        if directedInUndirected > 0 {
            report.warning(file, line: line(ties, firstDirected), "\(count(directedInUndirected, "tie")) marked directed in an undirected network, the first here",
                           hint: "read as undirected; declare \"directed\": true in network.json for a directed network")
        }
        if zeroWeights > 0 {
            report.warning(file, line: line(ties, firstZeroWeight), "\(count(zeroWeights, "tie")) of weight 0, the first here",
                           hint: "a zero-strength tie has infinite length in path measures")
        }
    }

    static func line(_ ties: TieColumns, _ index: Int) -> Int? {
        let line = ties.line(at: index)
        return line > 0 ? Int(line) : nil
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// Ties that repeat an earlier tie's ends (unordered when the tie is undirected), kind, period and respondent,
    /// each (by index) with the line of the first such tie. The ties' second ends are bucketed by first end
    /// (a counting sort), and a stamp per stakeholder finds a second end met twice in one bucket; only ties
    /// with such ends are then compared field by field.
    /// - Complexity: O(n + m) time; 4 bytes per tie and 20 per stakeholder.
    static func repeatedTies(in network: StakeholderNetwork) -> [(tie: Int, firstLine: Int32)] {
        let ties = network.ties
        func isDirected(_ i: Int) -> Bool {
            switch ties.direction(at: i) {
            case .asNetwork: return network.isDirected
            case .directed: return true
            case .undirected: return false
            }
        }
        func pairKey(_ i: Int) -> UInt64 {
            let source = ties.sources[i], target = ties.targets[i]
            let ordered = isDirected(i) || source <= target
            let (a, b) = ordered ? (source, target) : (target, source)
            return UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
        }
        let n = network.stakeholderCount
        var repeated = Set<UInt64>()
        do {
            var offsets = [Int](repeating: 0, count: n + 1)
            for i in ties.indices { offsets[Int(pairKey(i) >> 32) + 1] += 1 }
            for a in 0 ..< n { offsets[a + 1] += offsets[a] }
            var next = offsets
            var seconds = [Int32](repeating: 0, count: ties.count)
            for i in ties.indices {
                let key = pairKey(i)
                let a = Int(key >> 32)
                seconds[next[a]] = Int32(truncatingIfNeeded: key)
                next[a] += 1
            }
            next = []
            var stamp = [Int32](repeating: -1, count: n)
            for a in 0 ..< n {
                for position in offsets[a] ..< offsets[a + 1] {
                    let b = Int(seconds[position])
                    if stamp[b] == Int32(a) {
                        repeated.insert(UInt64(a) << 32 | UInt64(b))
                    } else {
                        stamp[b] = Int32(a)
                    }
                }
            }
        }
        guard !repeated.isEmpty else { return [] }
        var groups: [UInt64: [Int]] = [:]
        for i in ties.indices {
            let key = pairKey(i)
            if repeated.contains(key) { groups[key, default: []].append(i) }
        }
        // Two respondents reporting the same tie are two reports, not a repeat.
        let respondents = ties.attribute(named: Tie.respondentAttribute)
        func sameRecord(_ a: Int, _ b: Int) -> Bool {
            ties.kind(at: a) == ties.kind(at: b) && ties.start(at: a) == ties.start(at: b) && ties.end(at: a) == ties.end(at: b)
                && isDirected(a) == isDirected(b) && respondentID(respondents, a) == respondentID(respondents, b)
        }
        var result: [(tie: Int, firstLine: Int32)] = []
        for group in groups.values {
            for (position, i) in group.enumerated().dropFirst() {
                if let earlier = group[..<position].first(where: { sameRecord($0, i) }) {
                    result.append((i, ties.line(at: earlier)))
                }
            }
        }
        return result.sorted { (ties.line(at: $0.tie), $0.firstLine) < (ties.line(at: $1.tie), $1.firstLine) }
    }

    /// The respondent of tie `index` as `Tie.respondent` reads it.
    static func respondentID(_ column: TieAttributeColumn?, _ index: Int) -> String? {
        guard let column, case .text(let id) = column[index], !id.isEmpty else { return nil }
        return id
    }
}
