import Foundation
import NetworkModel

/// How many stakeholders each stakeholder can reach by time-respecting paths setting out in `start`
/// (forward), and how many can reach it setting out in `start` or later and arriving by the last year
/// (backward): Kempe, Kleinberg and Kumar's temporal reachability for every stakeholder.
///
/// Each count is one label-setting search with a bucket queue over the years (an earliest-arrival search
/// forward, a latest-departure search backward): a stakeholder is settled at the first year it is reached
/// (the last year it can set out), and each contact is looked at once per search. The searches of different
/// stakeholders are independent and run in parallel, each thread reusing its arrays; the counts are the
/// same for any number of threads.
///
/// - Complexity: O(n · (m + Y)) time for Y years, O(n + m + Y) memory per thread.
public enum TemporalReach {
    /// Forward and backward counts for every stakeholder (each not counting itself).
    public static func counts(_ network: TemporalNetwork, start: Int? = nil, order: TemporalOrder = .nonDecreasing, threads: Int = Parallel.defaultThreads,
                              progress: (@Sendable (Int) -> Void)? = nil) -> (forward: [Int], backward: [Int]) {
        let n = network.nodeCount
        let begin = start ?? network.years.lowerBound
        let forward = SharedBuffer(repeating: 0, count: n), backward = SharedBuffer(repeating: 0, count: n)
        let blocks = Parallel.blockCount(for: n)
        let done = ProgressCounter()
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var search = Search(network: network)
            let range = Parallel.range(ofBlock: block, blocks: blocks, count: n)
            for v in range {
                forward.pointer[v] = search.forward(from: v, start: begin, order: order)
                backward.pointer[v] = search.backward(to: v, deadline: network.years.upperBound, earliest: begin, order: order)
            }
            let total = done.add(range.count)
            progress?(total)
        }
        return (forward.array, backward.array)
    }

    /// Forward counts from `sources` only (each not counting itself), in parallel over the sources.
    public static func forward(_ network: TemporalNetwork, from sources: [Int], start: Int? = nil, order: TemporalOrder = .nonDecreasing,
                               threads: Int = Parallel.defaultThreads) -> [Int] {
        let begin = start ?? network.years.lowerBound
        let counts = SharedBuffer(repeating: 0, count: sources.count)
        let blocks = Parallel.blockCount(for: sources.count, minimumPerBlock: 1)
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var search = Search(network: network)
            for i in Parallel.range(ofBlock: block, blocks: blocks, count: sources.count) {
                counts.pointer[i] = search.forward(from: sources[i], start: begin, order: order)
            }
        }
        return counts.array
    }

    /// One thread's arrays for searches, reset after each search through the stakeholders it touched.
    struct Search {
        let network: TemporalNetwork
        /// Forward: earliest arrival (`Int32.max` unset). Backward: latest departure (`Int32.min` unset).
        var arrival: [Int32]
        var departure: [Int32]
        var touched: [Int32] = []
        var buckets: [[Int32]]
        let y0: Int

        init(network: TemporalNetwork) {
            self.network = network
            arrival = [Int32](repeating: .max, count: network.nodeCount)
            departure = [Int32](repeating: .min, count: network.nodeCount)
            y0 = network.years.lowerBound
            buckets = [[Int32]](repeating: [], count: network.years.count)
        }

        /// Stakeholders reached from `source` setting out in `start` (not counting it).
        mutating func forward(from source: Int, start: Int, order: TemporalOrder) -> Int {
            defer {
                for v in touched { arrival[Int(v)] = .max }
                touched.removeAll(keepingCapacity: true)
            }
            let first = Swift.max(start, y0)
            guard first <= network.years.upperBound else { return 0 }
            arrival[source] = Int32(first)
            touched.append(Int32(source))
            buckets[first - y0].append(Int32(source))
            var reached = 0
            for slot in (first - y0) ..< buckets.count {
                var i = 0
                while i < buckets[slot].count {
                    let u = Int(buckets[slot][i])
                    i += 1
                    let t = Int32(slot + y0)
                    guard arrival[u] == t else { continue }
                    if u != source { reached += 1 }
                    let ready = u == source ? Int32(first) : (order == .strict ? t + 1 : t)
                    for c in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                        let y = Swift.max(ready, network.outStarts[c])
                        let v = Int(network.outTargets[c])
                        if y <= network.outEnds[c] && y < arrival[v] {
                            if arrival[v] == .max { touched.append(Int32(v)) }
                            arrival[v] = y
                            buckets[Int(y) - y0].append(Int32(v))
                        }
                    }
                }
                buckets[slot].removeAll(keepingCapacity: true)
            }
            return reached
        }

        /// Stakeholders that can reach `target` by `deadline` setting out no earlier than `earliest`.
        mutating func backward(to target: Int, deadline: Int, earliest: Int, order: TemporalOrder) -> Int {
            defer {
                for v in touched { departure[Int(v)] = .min }
                touched.removeAll(keepingCapacity: true)
            }
            departure[target] = Int32(deadline)
            touched.append(Int32(target))
            buckets[deadline - y0].append(Int32(target))
            var reached = 0
            for slot in stride(from: deadline - y0, through: 0, by: -1) {
                var i = 0
                while i < buckets[slot].count {
                    let v = Int(buckets[slot][i])
                    i += 1
                    let t = Int32(slot + y0)
                    guard departure[v] == t else { continue }
                    if v != target { reached += 1 }
                    let bound = v == target ? t : (order == .strict ? t - 1 : t)
                    for c in network.inOffsets[v] ..< network.inOffsets[v + 1] {
                        let d = Swift.min(bound, network.inEnds[c])
                        let u = Int(network.inSources[c])
                        if d >= network.inStarts[c] && Int(d) >= earliest && d > departure[u] && u != target {
                            if departure[u] == .min { touched.append(Int32(u)) }
                            departure[u] = d
                            buckets[Int(d) - y0].append(Int32(u))
                        }
                    }
                }
                buckets[slot].removeAll(keepingCapacity: true)
            }
            return reached
        }
    }
}
