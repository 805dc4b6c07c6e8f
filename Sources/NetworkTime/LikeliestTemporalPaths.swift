import Foundation

/// The likeliest time-respecting path from any of the sources to every stakeholder: the greatest product
/// of tie probabilities over the paths that use their ties in time (`TemporalOrder`). Dijkstra's algorithm
/// on −log p over states (stakeholder, year of arrival), since a path that arrives later may be likelier
/// and a path that arrives earlier keeps more ties usable; each tie is taken in the first year it can be
/// (arriving earlier never loses an option). The tree of these paths is the time-respecting likeliest
/// diffusion tree.
///
/// - Complexity: O((n·Y + m·Y) log(n·Y)) for Y years, memory O(n·Y).
public struct LikeliestTemporalPaths: Sendable {
    /// The probability of the likeliest path (1 for the sources, 0 when none reaches).
    public let probability: [Double]
    /// The year that path arrives (nil when none reaches).
    public let arrival: [Int?]
    private let parentState: [Int32]
    private let bestState: [Int32]
    private let firstYear: Int
    private let slots: Int

    /// - Parameter tieProbability: the probability of each of the network's ties (by tie index).
    public init(network: TemporalNetwork, from sources: [Int], start: Int? = nil, order: TemporalOrder = .nonDecreasing, tieProbability: [Double]) {
        let begin = start ?? network.years.lowerBound
        let strict = order == .strict
        // Years from one before the start (a source's state in strict mode: ready at the start) to the last.
        let y0 = Swift.min(begin, network.years.lowerBound) - 1
        let y1 = Swift.max(begin, network.years.upperBound)
        let slots = y1 - y0 + 1
        let n = network.nodeCount
        var cost = [Double](repeating: .infinity, count: n * slots)
        var parent = [Int32](repeating: -1, count: n * slots)
        var heap = MinHeap()
        for s in sources {
            let state = s * slots + ((strict ? begin - 1 : begin) - y0)
            cost[state] = 0
            heap.push(0, state)
        }
        while let (c, state) = heap.pop() {
            guard c <= cost[state] else { continue }
            let u = state / slots, a = state % slots + y0
            let ready = strict ? a + 1 : a
            for k in network.outOffsets[u] ..< network.outOffsets[u + 1] {
                let p = tieProbability[Int(network.outTies[k])]
                guard p > 0 else { continue }
                let y = Swift.max(ready, Int(network.outStarts[k]))
                guard y <= Int(network.outEnds[k]) else { continue }
                let next = Int(network.outTargets[k]) * slots + (y - y0)
                let total = c - log(p)
                if total < cost[next] {
                    cost[next] = total
                    parent[next] = Int32(state)
                    heap.push(total, next)
                }
            }
        }
        var probability = [Double](repeating: 0, count: n), arrival = [Int?](repeating: nil, count: n)
        var best = [Int32](repeating: -1, count: n)
        for v in 0 ..< n {
            for slot in 0 ..< slots where cost[v * slots + slot] < .infinity {
                let p = exp(-cost[v * slots + slot])
                if best[v] < 0 || p > probability[v] { probability[v] = p; best[v] = Int32(v * slots + slot); arrival[v] = slot + y0 }
            }
        }
        for s in sources { probability[s] = 1; arrival[s] = begin }
        self.probability = probability
        self.arrival = arrival
        parentState = parent
        bestState = best
        firstYear = y0
        self.slots = slots
    }

    /// The likeliest time-respecting path to v, from a source (empty when none reaches).
    public func path(to v: Int) -> [Int] {
        guard bestState[v] >= 0 else { return [] }
        var chain: [Int] = []
        var state = Int(bestState[v])
        while state >= 0 {
            chain.append(state / slots)
            state = Int(parentState[state])
        }
        return chain.reversed()
    }

    /// Each stakeholder's predecessor on its likeliest path (−1 for sources and the unreached).
    public var parent: [Int] {
        (0 ..< probability.count).map { v in
            guard bestState[v] >= 0, parentState[Int(bestState[v])] >= 0 else { return -1 }
            return Int(parentState[Int(bestState[v])]) / slots
        }
    }
}

/// A binary min-heap of (cost, state).
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ cost: Double, _ state: Int) {
        items.append((cost, state))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p].0 < items[i].0 || (items[p].0 == items[i].0 && items[p].1 <= items[i].1) { break }
            items.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                func less(_ a: Int, _ b: Int) -> Bool { items[a].0 < items[b].0 || (items[a].0 == items[b].0 && items[a].1 < items[b].1) }
                if l < items.count && less(l, m) { m = l }
                if r < items.count && less(r, m) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
