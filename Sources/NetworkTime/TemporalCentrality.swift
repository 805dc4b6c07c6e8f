import NetworkModel

/// Temporal closeness and shortest temporal betweenness: the static measures with paths replaced by
/// time-respecting ones that set out in `start`.
///
/// A path here is a sequence of ties that can be used in order (each taken in the first year it can be,
/// which loses nothing); a **shortest** one from s to v uses the fewest ties among the time-respecting
/// paths from s to v, whenever it arrives.
/// - `temporalCloseness(s)` = Σ_{v ≠ s} 1 / d(s, v) / (n − 1), d the fewest ties on a time-respecting path
///   (unreached: 0) — harmonic closeness (Marchiori and Latora 2000) on temporal distances, as temporal
///   closeness is usually defined (Pan and Saramäki, Phys. Rev. E 2011). With every tie always active it
///   is the static harmonic closeness over n − 1.
/// - `temporalBetweenness(w)` = Σ over ordered pairs s ≠ v, both ≠ w, of the share of the shortest
///   time-respecting paths from s to v that pass through w, over (n − 1)(n − 2) — the shortest temporal
///   betweenness of Buß, Molter, Niedermeier and Rymar ("Algorithmic aspects of temporal betweenness",
///   KDD 2020; Network Science 2024), in the normalisation the static `betweenness` uses, which it equals
///   when every tie is always active and no two ties join the same pair. Paths from s to v and from v to s
///   differ in time, so an undirected network's pairs are counted both ways.
///
/// Counting is Brandes' accumulation over states (stakeholder, year of arrival): a breadth-first search
/// by number of ties over states counts the shortest paths into each state (every prefix of a shortest
/// path is a shortest path to its state, since what can follow depends only on the arrival year), and a
/// reverse sweep adds up each state's share. Foremost and fastest betweenness are not offered: counting
/// foremost or fastest temporal paths is #P-hard (Buß et al. 2020).
///
/// With `.strict` years, `prefixForemostBetweenness` counts the **prefix-foremost** paths instead (Buß et
/// al.): those each of whose prefixes arrives at its end as early as anything can. Each such path moves to
/// a later year at every tie (the first may stay in the start year), so they form an acyclic graph over
/// the stakeholders in order of their earliest arrival, and Brandes' accumulation over it counts them. With
/// non-decreasing years, ties of one year can close cycles among stakeholders that arrive in the same year,
/// and counting simple paths through those is not known to be polynomial; it is not offered.
///
/// - Complexity: O(Y·(n + m)) time per source for Y years from the start, O(n·Y) memory per thread; the
///   sources run in parallel in fixed blocks, summed in block order, so results are the same on any number
///   of threads.
public struct TemporalCentrality: Sendable {
    public let closeness: [Double]
    public let betweenness: [Double]
    /// Prefix-foremost betweenness, normalised as `betweenness` (strict years only; nil otherwise).
    public let prefixForemostBetweenness: [Double]?
    /// The sources searched (all stakeholders unless sampled).
    public let sourceCount: Int

    /// - Parameter sources: the stakeholders to search from (nil: all). Betweenness from a sample is scaled
    ///   by n / its size (an unbiased estimate); closeness is given only for the sources searched (NaN else).
    public init(network: TemporalNetwork, start: Int? = nil, order: TemporalOrder = .nonDecreasing, sources: [Int]? = nil,
                threads: Int = Parallel.defaultThreads, progress: (@Sendable (Int) -> Void)? = nil) {
        let n = network.nodeCount
        let begin = start ?? network.years.lowerBound
        let list = sources ?? Array(0 ..< n)
        let blocks = Parallel.blockCount(for: list.count, minimumPerBlock: 4)
        let partial = SharedBuffer(repeating: [Double](), count: blocks)
        let partialForemost = SharedBuffer(repeating: [Double](), count: blocks)
        let close = SharedBuffer(repeating: Double.nan, count: n)
        let done = ProgressCounter()
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var search = Search(network: network, start: begin, order: order)
            var sums = [Double](repeating: 0, count: n), foremost = sums
            let range = Parallel.range(ofBlock: block, blocks: blocks, count: list.count)
            for index in range {
                close.pointer[list[index]] = search.run(from: list[index], into: &sums)
                if order == .strict { search.prefixForemost(from: list[index], into: &foremost) }
            }
            partial.pointer[block] = sums
            partialForemost.pointer[block] = foremost
            progress?(done.add(range.count))
        }
        var total = [Double](repeating: 0, count: n), totalForemost = total
        for block in 0 ..< blocks {
            for v in 0 ..< n { total[v] += partial.pointer[block][v]; totalForemost[v] += partialForemost.pointer[block][v] }
        }
        let scale = (n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1) * Double(n) / Double(Swift.max(1, list.count))
        betweenness = total.map { $0 * scale }
        prefixForemostBetweenness = order == .strict ? totalForemost.map { $0 * scale } : nil
        closeness = close.array
        sourceCount = list.count
    }

    /// One thread's state arrays, reset after each search through the states it reached.
    struct Search {
        let network: TemporalNetwork
        let start: Int32
        let strict: Bool
        let slots: Int
        /// Per state v·slots + (year − start): ties on the shortest paths into it (−1: unreached), their
        /// number, and the accumulated share of what lies beyond.
        var hops: [Int32]
        var paths: [Double]
        var beyond: [Double]
        /// Fewest ties to each stakeholder, and the states in order of discovery.
        var nearest: [Int32]
        /// Shortest paths to each stakeholder: those into its nearest states.
        var shortest: [Double]
        /// Prefix-foremost: earliest arrival, paths counted, share beyond, stakeholders in order of arrival.
        var arrival: [Int32]
        var count: [Double]
        var share: [Double]
        var queue: [Int32] = []
        var buckets: [[Int32]]
        var order: [Int32] = []
        var reached: [Int32] = []

        init(network: TemporalNetwork, start: Int, order: TemporalOrder) {
            self.network = network
            self.start = Int32(start)
            strict = order == .strict
            slots = Swift.max(1, network.years.upperBound - start + 1)
            let states = network.nodeCount * slots
            hops = [Int32](repeating: -1, count: states)
            paths = [Double](repeating: 0, count: states)
            beyond = [Double](repeating: 0, count: states)
            nearest = [Int32](repeating: -1, count: network.nodeCount)
            shortest = [Double](repeating: 0, count: network.nodeCount)
            arrival = [Int32](repeating: .max, count: network.nodeCount)
            count = shortest
            share = shortest
            buckets = [[Int32]](repeating: [], count: slots)
        }

        /// The successors of state x = (u, t): for each contact usable from year `ready`, the state it arrives in.
        @inline(__always)
        func successor(_ contact: Int, ready: Int32) -> Int? {
            let y = Swift.max(ready, network.outStarts[contact])
            guard y <= network.outEnds[contact] else { return nil }
            return Int(network.outTargets[contact]) * slots + Int(y - start)
        }

        /// Searches from `source`, adds its betweenness shares to `sums`, and returns its closeness.
        mutating func run(from source: Int, into sums: inout [Double]) -> Double {
            defer {
                for x in order { hops[Int(x)] = -1; paths[Int(x)] = 0; beyond[Int(x)] = 0 }
                for v in reached { nearest[Int(v)] = -1; shortest[Int(v)] = 0 }
                order.removeAll(keepingCapacity: true)
                reached.removeAll(keepingCapacity: true)
            }
            let n = network.nodeCount
            guard Int(start) <= network.years.upperBound else { return 0 }
            let origin = source * slots
            hops[origin] = 0
            paths[origin] = 1
            order.append(Int32(origin))
            nearest[source] = 0
            reached.append(Int32(source))
            var head = 0
            while head < order.count {
                let x = Int(order[head])
                head += 1
                let u = x / slots, t = start + Int32(x % slots)
                // The source sets out in the start year, strict or not.
                let ready = x == origin ? start : (strict ? t + 1 : t)
                for c in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                    guard let z = successor(c, ready: ready) else { continue }
                    if hops[z] < 0 {
                        hops[z] = hops[x] + 1
                        order.append(Int32(z))
                        let v = z / slots
                        if nearest[v] < 0 { nearest[v] = hops[z]; reached.append(Int32(v)) }
                    }
                    if hops[z] == hops[x] + 1 { paths[z] += paths[x] }
                }
            }
            var harmonic = 0.0
            for v in reached where Int(v) != source { harmonic += 1 / Double(nearest[Int(v)]) }
            for x in order {
                let v = Int(x) / slots
                if hops[Int(x)] == nearest[v] { shortest[v] += paths[Int(x)] }
            }
            // Reverse sweep: beyond(x) = Σ over successors z on shortest paths of (own(z) + beyond(z)), with
            // own(z) = 1 / (shortest paths to z's stakeholder) when z is one of its nearest states.
            for index in stride(from: order.count - 1, through: 0, by: -1) {
                let x = Int(order[index])
                let u = x / slots, t = start + Int32(x % slots)
                let ready = x == origin ? start : (strict ? t + 1 : t)
                var share = 0.0
                for c in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                    guard let z = successor(c, ready: ready), hops[z] == hops[x] + 1 else { continue }
                    let v = z / slots
                    let own = hops[z] == nearest[v] && v != source ? 1 / shortest[v] : 0
                    share += own + beyond[z]
                }
                beyond[x] = share
                if x != origin && u != source { sums[u] += paths[x] * share }
            }
            return n > 1 ? harmonic / Double(n - 1) : 0
        }

        /// Earliest arrivals, the prefix-foremost paths counted over them in order of arrival, and their
        /// shares added to `sums` (strict years).
        mutating func prefixForemost(from source: Int, into sums: inout [Double]) {
            defer {
                for v in reached { arrival[Int(v)] = .max; count[Int(v)] = 0; share[Int(v)] = 0 }
                reached.removeAll(keepingCapacity: true)
                queue.removeAll(keepingCapacity: true)
            }
            guard Int(start) <= network.years.upperBound else { return }
            // Earliest arrivals by a bucket queue over years (strict: each tie moves to a later year, the
            // source's first may stay in the start year).
            arrival[source] = start
            reached.append(Int32(source))
            buckets[0].append(Int32(source))
            for slot in 0 ..< slots {
                var i = 0
                while i < buckets[slot].count {
                    let u = buckets[slot][i]
                    i += 1
                    // Appended only when it improves, so a stakeholder is in its earliest year's bucket once.
                    guard arrival[Int(u)] == start + Int32(slot) else { continue }
                    queue.append(u)
                    let ready = Int(u) == source ? start : start + Int32(slot) + 1
                    for c in network.outOffsets[Int(u)] ..< network.outOffsets[Int(u) + 1] {
                        let y = Swift.max(ready, network.outStarts[c]), v = Int(network.outTargets[c])
                        guard y <= network.outEnds[c], y < arrival[v] else { continue }
                        if arrival[v] == .max { reached.append(Int32(v)) }
                        arrival[v] = y
                        buckets[Int(y - start)].append(Int32(v))
                    }
                }
                buckets[slot].removeAll(keepingCapacity: true)
            }
            // `queue` holds the stakeholders in order of arrival, the source first. A tie u → v lies on a
            // prefix-foremost path when it arrives in v's earliest year.
            count[source] = 1
            for u in queue {
                let ready = Int(u) == source ? start : arrival[Int(u)] + 1
                for c in network.outOffsets[Int(u)] ..< network.outOffsets[Int(u) + 1] {
                    let y = Swift.max(ready, network.outStarts[c]), v = Int(network.outTargets[c])
                    if y <= network.outEnds[c] && y == arrival[v] && v != source { count[v] += count[Int(u)] }
                }
            }
            for u in queue.reversed() {
                let ready = Int(u) == source ? start : arrival[Int(u)] + 1
                var total = 0.0
                for c in network.outOffsets[Int(u)] ..< network.outOffsets[Int(u) + 1] {
                    let y = Swift.max(ready, network.outStarts[c]), v = Int(network.outTargets[c])
                    if y <= network.outEnds[c] && y == arrival[v] && v != source { total += count[Int(u)] / count[v] * (1 + share[v]) }
                }
                share[Int(u)] = total
                if Int(u) != source { sums[Int(u)] += total }
            }
        }
    }
}
