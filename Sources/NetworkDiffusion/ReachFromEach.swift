import Foundation
import NetworkModel

/// The expected spread of an independent cascade started by each stakeholder alone.
public struct ReachFromEach: Sendable {
    public let runs: Int
    public let seed: UInt64
    /// `mean[v]`: expected number of adopters (v included) when v alone adopts first.
    public let mean: [Double]
    /// Standard error of each mean over the runs.
    public let standardError: [Double]
}

extension TransmissionGraph {
    /// Expected independent-cascade spread from every stakeholder as the only seed, estimated on sampled
    /// live-edge graphs: in each run every arc is kept with its probability, and the spread from v is the
    /// number of stakeholders v reaches along kept arcs. Kempe, Kleinberg and Tardos showed this has the
    /// cascade's distribution ("Maximizing the spread of influence through a social network", KDD 2003,
    /// doi:10.1145/956750.956769), so one sample serves every seed at once.
    ///
    /// When every arc has a reverse arc of the same probability (an undirected network), only one of the
    /// two can ever carry the cascade, so each tie gets one draw and the reach of v is the size of its
    /// component in the kept ties (union–find). Otherwise reach is counted by a search from every node.
    /// Run r draws from stream r of `seed`; runs are added in fixed blocks, so the result is the same on
    /// any number of threads.
    ///
    /// - Complexity: O(runs · m · α(n)) when symmetric; O(runs · Σ_v reach(v)) otherwise.
    public func reachFromEach(runs: Int, seed: UInt64, threads: Int = Parallel.defaultThreads) -> ReachFromEach {
        let n = nodeCount
        let runs = Swift.max(1, runs)
        let blocks = Swift.min(runs, 32)
        let sums = SharedBuffer(repeating: 0.0, count: blocks * n)
        let squares = SharedBuffer(repeating: 0.0, count: blocks * n)
        let symmetric = isSymmetric
        Parallel.forEachBlock(blocks, threads: threads) { block, _ in
            var reach = [Int32](repeating: 0, count: n)
            var scratch = ReachScratch(nodeCount: n, arcCount: symmetric ? 0 : probability.count)
            for run in Parallel.range(ofBlock: block, blocks: blocks, count: runs) {
                var generator = SeededGenerator(seed: seed, stream: UInt64(run) + 1)
                if symmetric { componentReach(&generator, &scratch, into: &reach) } else { searchReach(&generator, &scratch, into: &reach) }
                let base = block * n
                for v in 0 ..< n {
                    let r = Double(reach[v])
                    sums.pointer[base + v] += r
                    squares.pointer[base + v] += r * r
                }
            }
        }
        var mean = [Double](repeating: 0, count: n), error = [Double](repeating: 0, count: n)
        let total = Double(runs)
        for v in 0 ..< n {
            var s = 0.0, q = 0.0
            for block in 0 ..< blocks { s += sums.pointer[block * n + v]; q += squares.pointer[block * n + v] }
            mean[v] = s / total
            let variance = runs > 1 ? Swift.max(0, (q - s * s / total) / (total - 1)) : 0
            error[v] = (variance / total).squareRoot()
        }
        return ReachFromEach(runs: runs, seed: seed, mean: mean, standardError: error)
    }

    /// Whether every arc u → v has an arc v → u with the same probability.
    var isSymmetric: Bool {
        for u in 0 ..< nodeCount {
            for position in graph.outRange(of: u) {
                let v = Int(graph.outTargets[position])
                guard let back = reverseArc(from: v, to: u), probability[back] == probability[position] else { return false }
            }
        }
        return true
    }

    private func reverseArc(from u: Int, to v: Int) -> Int? {
        let range = graph.outRange(of: u)
        let targets = graph.outTargets
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if targets[mid] < Int32(v) { low = mid + 1 } else { high = mid }
        }
        return low < range.upperBound && targets[low] == Int32(v) ? low : nil
    }

    /// One draw per tie (u < v), union–find over kept ties; reach = component size.
    private func componentReach(_ generator: inout SeededGenerator, _ scratch: inout ReachScratch, into reach: inout [Int32]) {
        let n = nodeCount
        for v in 0 ..< n { scratch.parent[v] = Int32(v); scratch.size[v] = 1 }
        for u in 0 ..< n {
            for position in graph.outRange(of: u) {
                let v = Int(graph.outTargets[position])
                guard v > u, generator.nextUnit() < probability[position] else { continue }
                scratch.union(u, v)
            }
        }
        for v in 0 ..< n { reach[v] = scratch.size[Int(scratch.find(v))] }
    }

    /// One draw per arc, then a breadth-first search from every node over kept arcs.
    private func searchReach(_ generator: inout SeededGenerator, _ scratch: inout ReachScratch, into reach: inout [Int32]) {
        let n = nodeCount
        for position in 0 ..< probability.count { scratch.kept[position] = generator.nextUnit() < probability[position] }
        for source in 0 ..< n {
            scratch.stamp &+= 1
            let stamp = scratch.stamp
            scratch.seen[source] = stamp
            scratch.queue[0] = Int32(source)
            var head = 0, tail = 1
            while head < tail {
                let u = Int(scratch.queue[head]); head += 1
                for position in graph.outRange(of: u) where scratch.kept[position] {
                    let v = Int(graph.outTargets[position])
                    if scratch.seen[v] != stamp { scratch.seen[v] = stamp; scratch.queue[tail] = Int32(v); tail += 1 }
                }
            }
            reach[source] = Int32(tail)
        }
    }
}

/// Per-worker buffers for `reachFromEach`.
struct ReachScratch {
    var parent: [Int32]
    var size: [Int32]
    var kept: [Bool]
    var seen: [UInt64]
    var queue: [Int32]
    var stamp: UInt64 = 0

    init(nodeCount n: Int, arcCount: Int) {
        parent = [Int32](repeating: 0, count: n)
        size = [Int32](repeating: 1, count: n)
        kept = [Bool](repeating: false, count: arcCount)
        seen = [UInt64](repeating: 0, count: n)
        queue = [Int32](repeating: 0, count: Swift.max(n, 1))
    }

    mutating func find(_ v: Int) -> Int32 {
        var root = Int32(v)
        while parent[Int(root)] != root { root = parent[Int(root)] }
        var x = Int32(v)
        while parent[Int(x)] != root { let next = parent[Int(x)]; parent[Int(x)] = root; x = next }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        var x = find(a), y = find(b)
        guard x != y else { return }
        if size[Int(x)] < size[Int(y)] { swap(&x, &y) }
        parent[Int(y)] = x
        size[Int(x)] += size[Int(y)]
    }
}
