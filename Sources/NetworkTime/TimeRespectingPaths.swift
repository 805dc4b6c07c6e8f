/// Which years a time-respecting path may use its ties in.
public enum TemporalOrder: Sendable, Equatable {
    /// Non-decreasing years: several ties may be chained within one year (years are coarse).
    case nonDecreasing
    /// Strictly increasing years: one tie per year.
    case strict
}

/// Time-respecting paths from some stakeholders (forward) or to one (backward), by rounds of the
/// Bellman–Ford kind: round k holds, for each stakeholder, the earliest year it can be reached using at
/// most k ties (forward), or the latest year it can set out and still arrive in time (backward). From
/// the rounds come Wu et al.'s path types ("Path problems in temporal graphs", PVLDB 7(9), 2014):
/// **foremost** (earliest arrival; with the fewest ties among the earliest-arriving paths),
/// **shortest** (fewest ties), and, backward, the **latest departure**; `fastest` (least time from
/// setting out to arriving) repeats the forward search from each year the sources can set out in. The
/// paths themselves are read back from the rounds.
///
/// Reachability by time-respecting paths is Kempe, Kleinberg and Kumar's ("Connectivity and inference
/// problems for temporal networks", JCSS 64(4), 2002); with intervals of activity, a tie (u → v,
/// s…e) is usable from u at the year u is ready (its arrival; the year after it with `.strict`; a source
/// is ready at the start year), if that is at most e, and reaches v at the later of that year and s.
///
/// - Complexity: O(K · m) for K rounds (K is at most the most ties any chosen path needs, and at most
///   n), memory O(K · n).
public struct TimeRespectingPaths: Sendable {
    public let network: TemporalNetwork
    public let order: TemporalOrder
    /// Forward: from these, at `year`. Backward: to `sources[0]`, by `year`.
    public let sources: [Int]
    public let year: Int
    public let forward: Bool
    /// `rounds[k][v]`: forward, the earliest arrival using at most k ties (`unreached`); backward, the
    /// latest departure (`unreachedBackward`).
    let rounds: [[Int32]]
    private let isSource: [Bool]

    public static let unreached = Int32.max
    public static let unreachedBackward = Int32.min

    /// Forward from `sources`, setting out at `start` (default: the earliest year).
    public init(network: TemporalNetwork, from sources: [Int], start: Int? = nil, order: TemporalOrder = .nonDecreasing) {
        self.network = network
        self.order = order
        self.sources = sources
        self.year = start ?? network.years.lowerBound
        forward = true
        var source = [Bool](repeating: false, count: network.nodeCount)
        for s in sources { source[s] = true }
        isSource = source
        var current = [Int32](repeating: Self.unreached, count: network.nodeCount)
        for s in sources { current[s] = Int32(year) }
        var all = [current]
        let strict = order == .strict
        while true {
            var next = current
            var changed = false
            for u in 0 ..< network.nodeCount where current[u] != Self.unreached {
                let ready = source[u] ? Int32(year) : (strict ? current[u] + 1 : current[u])
                for c in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                    let t = Swift.max(ready, network.outStarts[c])
                    let v = Int(network.outTargets[c])
                    if t <= network.outEnds[c] && t < next[v] { next[v] = t; changed = true }
                }
            }
            if !changed { break }
            all.append(next)
            current = next
        }
        rounds = all
    }

    /// Backward to `target`, arriving by `deadline` (default: the latest year).
    public init(network: TemporalNetwork, to target: Int, by deadline: Int? = nil, order: TemporalOrder = .nonDecreasing) {
        self.network = network
        self.order = order
        sources = [target]
        year = deadline ?? network.years.upperBound
        forward = false
        var source = [Bool](repeating: false, count: network.nodeCount)
        source[target] = true
        isSource = source
        var current = [Int32](repeating: Self.unreachedBackward, count: network.nodeCount)
        current[target] = Int32(year)
        var all = [current]
        let strict = order == .strict
        while true {
            var next = current
            var changed = false
            for v in 0 ..< network.nodeCount where current[v] != Self.unreachedBackward {
                let bound = v == target ? Int32(year) : (strict ? current[v] - 1 : current[v])
                for c in network.inOffsets[v] ..< network.inOffsets[v + 1] {
                    let d = Swift.min(bound, network.inEnds[c])
                    let u = Int(network.inSources[c])
                    if d >= network.inStarts[c] && d > next[u] && u != target { next[u] = d; changed = true }
                }
            }
            if !changed { break }
            all.append(next)
            current = next
        }
        rounds = all
    }

    /// Forward: the earliest year each stakeholder can be reached (nil: never). Backward: the latest year
    /// it can set out and still reach the target in time.
    public var times: [Int?] {
        let last = rounds[rounds.count - 1]
        return last.map { $0 == Self.unreached || $0 == Self.unreachedBackward ? nil : Int($0) }
    }

    /// The fewest ties among the paths that achieve `times` (0 for the sources), or nil.
    public var hops: [Int?] {
        let last = rounds[rounds.count - 1]
        var out = [Int?](repeating: nil, count: network.nodeCount)
        for v in 0 ..< network.nodeCount where last[v] != Self.unreached && last[v] != Self.unreachedBackward {
            out[v] = rounds.firstIndex { $0[v] == last[v] }
        }
        return out
    }

    /// The fewest ties of any time-respecting path (Wu et al.'s shortest), or nil.
    public var shortestHops: [Int?] {
        let none = forward ? Self.unreached : Self.unreachedBackward
        return (0 ..< network.nodeCount).map { v in rounds.firstIndex { $0[v] != none } }
    }

    /// A path achieving `times[v]` with `hops[v]` ties: stakeholders from a source to v (forward), or from
    /// v to the target (backward); empty when v is not reached.
    public func path(to v: Int) -> [Int] {
        guard let h = hops[v], let t = times[v] else { return [] }
        return walk(v, hops: h, time: Int32(t))
    }

    /// A path with the fewest ties (`shortestHops[v]`), arriving (forward) as early as that allows.
    public func shortestPath(to v: Int) -> [Int] {
        guard let h = shortestHops[v] else { return [] }
        return walk(v, hops: h, time: rounds[h][v])
    }

    /// Reads a path back from the rounds: v reached by `time` within `hops` ties.
    private func walk(_ v: Int, hops: Int, time: Int32) -> [Int] {
        var chain = [v]
        var node = v, k = hops, t = time
        let strict = order == .strict
        while k > 0 && !isSource[node] {
            var found = false
            if forward {
                for c in network.inOffsets[node] ..< network.inOffsets[node + 1] {
                    let u = Int(network.inSources[c])
                    let at = rounds[k - 1][u]
                    guard at != Self.unreached else { continue }
                    let ready = isSource[u] ? Int32(year) : (strict ? at + 1 : at)
                    let used = Swift.max(ready, network.inStarts[c])
                    if used <= network.inEnds[c] && used <= t {
                        chain.append(u); node = u; t = at; found = true
                        break
                    }
                }
            } else {
                for c in network.outOffsets[node] ..< network.outOffsets[node + 1] {
                    let w = Int(network.outTargets[c])
                    let at = rounds[k - 1][w]
                    guard at != Self.unreachedBackward else { continue }
                    let bound = isSource[w] ? Int32(year) : (strict ? at - 1 : at)
                    let used = Swift.min(bound, network.outEnds[c])
                    if used >= network.outStarts[c] && used >= t {
                        chain.append(w); node = w; t = at; found = true
                        break
                    }
                }
            }
            if !found { break }
            k -= 1
        }
        return forward ? chain.reversed() : chain
    }
}

/// Wu et al.'s fastest time-respecting paths: the least time from setting out (the year a source uses its
/// first tie) to arriving, found by searching forward from each year the sources' ties let them set out.
///
/// - Complexity: O(Y · K · m) for Y candidate years.
public struct FastestPaths: Sendable {
    public let departure: [Int?]
    public let arrival: [Int?]
    public let paths: [[Int]]

    public var duration: [Int?] { zip(departure, arrival).map { d, a in d.flatMap { d in a.map { $0 - d } } } }

    public init(network: TemporalNetwork, from sources: [Int], start: Int? = nil, order: TemporalOrder = .nonDecreasing) {
        let first = start ?? network.years.lowerBound
        // A source sets out in a year one of its ties is active (from the start on).
        var candidates = Set<Int>()
        for s in sources {
            for c in network.outOffsets[s] ..< network.outOffsets[s + 1] where Int(network.outEnds[c]) >= first {
                for y in Swift.max(first, Int(network.outStarts[c])) ... Int(network.outEnds[c]) { candidates.insert(y) }
            }
        }
        var departure = [Int?](repeating: nil, count: network.nodeCount), arrival = departure
        var paths = [[Int]](repeating: [], count: network.nodeCount)
        for s in sources { departure[s] = first; arrival[s] = first; paths[s] = [s] }
        for y in candidates.sorted() {
            let search = TimeRespectingPaths(network: network, from: sources, start: y, order: order)
            let times = search.times
            for v in 0 ..< network.nodeCount {
                guard let a = times[v], !sources.contains(v) else { continue }
                if let best = arrival[v], let d = departure[v], best - d <= a - y { continue }
                departure[v] = y
                arrival[v] = a
                paths[v] = search.path(to: v)
            }
        }
        self.departure = departure
        self.arrival = arrival
        self.paths = paths
    }
}
