import NetworkModel

/// How a network changed: one snapshot per period, its figures, and the ties formed and dissolved since
/// the period before.
///
/// A period's snapshot holds the tie records active in it (`Tie.isActive(in:)`: from its start to its end
/// year inclusive, missing years open); its stakeholders are those with such a tie. Figures are those of
/// the snapshot with ties between the same two stakeholders combined and self-loops left out, as
/// NetworkX computes them on a `DiGraph` (directed networks) or `Graph` of the snapshot: density over the
/// snapshot's stakeholders, weakly connected components, mean degree (in plus out), transitivity of the
/// ties read both ways, reciprocity (directed networks). `formed` and `dissolved` count the pairs of
/// stakeholders tied (either way) in this period and not the one before, and the reverse; `jaccard` the
/// pairs tied in both over the pairs tied in either.
///
/// - Complexity: O(P · (m + Σ d²)) for P periods.
public struct Timeline: Sendable {
    public struct Period: Sendable, Equatable {
        public let years: ClosedRange<Int>
        public let stakeholders: Int
        public let ties: Int
        public let density: Double
        public let components: Int
        public let meanDegree: Double
        public let transitivity: Double
        /// Directed networks only.
        public let reciprocity: Double?
        public let formed: Int
        public let dissolved: Int
        /// Undefined for the first period.
        public let jaccard: Double?
        /// With a grouping: Krackhardt and Stern's E–I index of the pairs between grouped stakeholders,
        /// and each group's density among its stakeholders in the snapshot, pairs tied either way (nil
        /// when it has fewer than 2).
        public let eiIndex: Double?
        public let groupDensity: [Double?]

        public var label: String { years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)" }
    }

    public let periods: [Period]

    /// - Parameters: periods start at `from` and every `step` years after, up to `to`, each `window` years
    ///   long (cut at `to`); `keep` selects ties (kinds); `grouping`, when given, adds the E–I index and
    ///   the densities within groups.
    public init(network: StakeholderNetwork, from: Int, to: Int, step: Int = 1, window: Int? = nil, grouping: Grouping? = nil,
                keep: (Tie) -> Bool = { _ in true }) {
        precondition(step >= 1 && from <= to)
        let length = window ?? step
        let n = network.stakeholderCount
        var previous = Set<Int>()
        var out: [Period] = []
        var start = from
        while start <= to {
            let years = start ... Swift.min(start + length - 1, to)
            var arcs = Set<Int>(), pairs = Set<Int>()
            var present = Set<Int>()
            var tieCount = 0
            for tie in network.ties where keep(tie) && tie.isActive(in: years) {
                tieCount += 1
                let (a, b) = (Int(tie.source), Int(tie.target))
                present.insert(a); present.insert(b)
                guard a != b else { continue }
                pairs.insert(Swift.min(a, b) * n + Swift.max(a, b))
                if network.isDirected {
                    arcs.insert(a * n + b)
                    if !network.isDirected(tie) { arcs.insert(b * n + a) }
                }
            }
            let k = Double(present.count)
            let linked = network.isDirected ? Double(arcs.count) : Double(pairs.count)
            let possible = network.isDirected ? k * (k - 1) : k * (k - 1) / 2
            let density = possible > 0 ? linked / possible : 0
            let meanDegree = k > 0 ? 2 * linked / k : 0
            // Components and transitivity on the ties read both ways.
            var neighbours: [Int: [Int]] = [:]
            for pair in pairs { let (a, b) = (pair / n, pair % n); neighbours[a, default: []].append(b); neighbours[b, default: []].append(a) }
            var parent = Dictionary(uniqueKeysWithValues: present.map { ($0, $0) })
            func find(_ x: Int) -> Int { var x = x; while parent[x]! != x { parent[x] = parent[parent[x]!]!; x = parent[x]! }; return x }
            for pair in pairs { let (a, b) = (find(pair / n), find(pair % n)); if a != b { parent[a] = b } }
            let components = Set(present.map(find)).count
            var closed = 0, triples = 0
            for list in neighbours.values {
                let d = list.count
                triples += d * (d - 1)
                for i in 0 ..< d {
                    for j in (i + 1) ..< d where pairs.contains(Swift.min(list[i], list[j]) * n + Swift.max(list[i], list[j])) { closed += 2 }
                }
            }
            let transitivity = closed == 0 ? 0 : Double(closed) / Double(triples)
            var reciprocity: Double?
            if network.isDirected {
                let returned = arcs.filter { arcs.contains(($0 % n) * n + $0 / n) }.count
                reciprocity = arcs.isEmpty ? 0 : Double(returned) / Double(arcs.count)
            }
            let formed = pairs.subtracting(previous).count, dissolved = previous.subtracting(pairs).count
            let union = pairs.union(previous).count
            let jaccard: Double? = out.isEmpty ? nil : (union == 0 ? 0 : Double(pairs.intersection(previous).count) / Double(union))
            var ei: Double?
            var groupDensity: [Double?] = []
            if let grouping {
                var inside = 0, external = 0
                var within = [Int](repeating: 0, count: grouping.names.count)
                for pair in pairs {
                    let (ga, gb) = (grouping.groupOf[pair / n], grouping.groupOf[pair % n])
                    guard ga >= 0, gb >= 0 else { continue }
                    if ga == gb { inside += 1; within[ga] += 1 } else { external += 1 }
                }
                ei = inside + external == 0 ? nil : Double(external - inside) / Double(external + inside)
                var members = [Int](repeating: 0, count: grouping.names.count)
                for v in present where grouping.groupOf[v] >= 0 { members[grouping.groupOf[v]] += 1 }
                groupDensity = grouping.names.indices.map { g in
                    let m = Double(members[g])
                    return m >= 2 ? Double(within[g]) / (m * (m - 1) / 2) : nil
                }
            }
            out.append(Period(years: years, stakeholders: present.count, ties: tieCount, density: density, components: components, meanDegree: meanDegree,
                              transitivity: transitivity, reciprocity: reciprocity, formed: formed, dissolved: dissolved, jaccard: jaccard,
                              eiIndex: ei, groupDensity: groupDensity))
            previous = pairs
            start += step
        }
        periods = out
    }
}
