import NetworkModel

/// A network's ties as activity intervals in years, on compact arrays: for each stakeholder its
/// out-contacts (and, for backward searches, its in-contacts) with the first and last year each is
/// active, sorted by source. A directed tie is one contact; an undirected tie two, one each way;
/// self-loops carry nothing anywhere and are left out.
///
/// **Conventions.** A tie with `start` s and `end` e is active in every year from s to e inclusive; no
/// `start` means active from the network's earliest year, no `end` active to its latest (the years of
/// the ties' own `start` and `end`); a tie without either is always active.
public struct TemporalNetwork: Sendable {
    public let nodeCount: Int
    /// The earliest and latest year any tie records.
    public let years: ClosedRange<Int>
    /// Out-contacts of v at `outOffsets[v] ..< outOffsets[v + 1]`.
    public let outOffsets: [Int]
    public let outTargets: [Int32]
    public let outStarts: [Int32]
    public let outEnds: [Int32]
    /// The tie (index into the network's ties) each out-contact comes from.
    public let outTies: [Int32]
    /// In-contacts of v at `inOffsets[v] ..< inOffsets[v + 1]`.
    public let inOffsets: [Int]
    public let inSources: [Int32]
    public let inStarts: [Int32]
    public let inEnds: [Int32]
    public let inTies: [Int32]

    /// - Parameter keep: which ties take part (a `GraphSelection`'s tie kinds; the period is not applied:
    ///   the years are the point).
    /// - Throws: `TemporalError.noYears` when no tie records a year.
    /// - Complexity: O(n + m).
    public init(network: StakeholderNetwork, keep: (Tie) -> Bool = { _ in true }) throws {
        let ties = network.ties
        guard let years = network.tieYears(keeping: keep) else { throw TemporalError.noYears }
        self.years = years
        let low = years.lowerBound, high = years.upperBound
        nodeCount = network.stakeholderCount
        let n = nodeCount
        var outCount = [Int](repeating: 0, count: n + 1), inCount = [Int](repeating: 0, count: n + 1)
        var contacts: [(u: Int32, v: Int32, s: Int32, e: Int32, tie: Int32)] = []
        contacts.reserveCapacity(ties.count * 2)
        for (index, tie) in ties.enumerated() where !tie.isSelfLoop && keep(tie) {
            let s = tie.start ?? Int32(low), e = tie.end ?? Int32(high)
            guard s <= e else { continue }
            contacts.append((tie.source, tie.target, s, e, Int32(index)))
            if !network.isDirected(tie) { contacts.append((tie.target, tie.source, s, e, Int32(index))) }
        }
        for c in contacts { outCount[Int(c.u) + 1] += 1; inCount[Int(c.v) + 1] += 1 }
        for v in 0 ..< n { outCount[v + 1] += outCount[v]; inCount[v + 1] += inCount[v] }
        var outPos = outCount, inPos = inCount
        let m = contacts.count
        var ot = [Int32](repeating: 0, count: m), os = ot, oe = ot, oi = ot
        var isrc = ot, ist = ot, ie = ot, ii = ot
        for c in contacts {
            let a = outPos[Int(c.u)]; outPos[Int(c.u)] += 1
            ot[a] = c.v; os[a] = c.s; oe[a] = c.e; oi[a] = c.tie
            let b = inPos[Int(c.v)]; inPos[Int(c.v)] += 1
            isrc[b] = c.u; ist[b] = c.s; ie[b] = c.e; ii[b] = c.tie
        }
        outOffsets = outCount; outTargets = ot; outStarts = os; outEnds = oe; outTies = oi
        inOffsets = inCount; inSources = isrc; inStarts = ist; inEnds = ie; inTies = ii
    }

    public var contactCount: Int { outTargets.count }
}

public enum TemporalError: Error, Equatable, CustomStringConvertible {
    case noYears
    case yearOutside(Int, ClosedRange<Int>)

    public var description: String {
        switch self {
        case .noYears:
            return "no tie records a year (start or end), so every path respects time; use the command without --temporal"
        case let .yearOutside(year, range):
            return "year \(year) is outside the years the ties record (\(range.lowerBound)–\(range.upperBound))"
        }
    }
}
