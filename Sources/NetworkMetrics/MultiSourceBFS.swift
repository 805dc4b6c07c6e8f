import NetworkModel

/// Breadth-first search from up to 64 sources at once, one bit per source in a machine word, so each
/// tie is crossed once per level for all of them together rather than once per source.
///
/// For each source it reports how many nodes it reaches, the sum of their distances, the sum of the
/// inverse distances and the largest distance: everything closeness, harmonic centrality, diameter
/// and mean path length need.
///
/// - Complexity: O(ℓ·m) word operations per batch of 64 sources (ℓ the number of levels), plus one step
///   per (source, reached node) pair; O(n) words of memory.
/// - Reference: M. Then, M. Kaufmann, F. Chirigati, T.-A. Hoang-Vu, K. Pham, A. Kemper, T. Neumann and
///   H. T. Vo, "The more the merrier: efficient multi-source graph traversal", PVLDB 8(4), 2014.
///   doi:10.14778/2735496.2735507
final class MultiSourceBFS {
    static let width = 64
    let n: Int
    private let seen: UnsafeMutablePointer<UInt64>
    private let frontier: UnsafeMutablePointer<UInt64>
    private let reaching: UnsafeMutablePointer<UInt64>
    private var current: [Int32]
    private var candidates: [Int32]

    init(nodeCount: Int) {
        n = nodeCount
        seen = .allocate(capacity: n); seen.initialize(repeating: 0, count: n)
        frontier = .allocate(capacity: n); frontier.initialize(repeating: 0, count: n)
        reaching = .allocate(capacity: n); reaching.initialize(repeating: 0, count: n)
        current = []
        candidates = []
        current.reserveCapacity(n)
        candidates.reserveCapacity(n)
    }

    deinit {
        seen.deallocate(); frontier.deallocate(); reaching.deallocate()
    }

    /// Searches from `sources` (at most 64) along `adjacency`; writes each source's sums to `results[i]`.
    func run(sources: ArraySlice<Int>, adjacency: Adjacency, results: UnsafeMutablePointer<DistanceSum>) {
        var reached = [Int](repeating: 1, count: sources.count)
        var total = [Double](repeating: 0, count: sources.count)
        var inverse = [Double](repeating: 0, count: sources.count)
        var farthest = [Double](repeating: 0, count: sources.count)
        var atLevel = [Int](repeating: 0, count: Self.width)
        traverse(sources: sources, adjacency: adjacency, reach: { _, fresh in
            var bits = fresh
            while bits != 0 {
                atLevel[bits.trailingZeroBitCount] &+= 1
                bits &= bits &- 1
            }
        }, levelDone: { level in
            let distance = Double(level)
            for bit in 0 ..< sources.count where atLevel[bit] > 0 {
                let count = atLevel[bit]
                reached[bit] &+= count
                total[bit] += distance * Double(count)
                inverse[bit] += Double(count) / distance
                farthest[bit] = distance
                atLevel[bit] = 0
            }
        })
        for bit in 0 ..< sources.count {
            results[bit] = DistanceSum(reached: reached[bit], total: total[bit], inverseTotal: inverse[bit], farthest: farthest[bit])
        }
    }

    /// Searches from `sources` (at most 64) along `adjacency`, adding to `inverse[w]`, for every node w
    /// reached, the sum of 1/d(s, w) over the sources s ≠ w: harmonic centrality seen from the targets.
    func accumulateInverseDistances(sources: ArraySlice<Int>, adjacency: Adjacency, into inverse: UnsafeMutablePointer<Double>) {
        var level = 1
        traverse(sources: sources, adjacency: adjacency, reach: { node, fresh in
            inverse[Int(truncatingIfNeeded: node)] += Double(fresh.nonzeroBitCount) / Double(level)
        }, levelDone: { done in level = done + 1 })
    }

    /// The bit-parallel search itself: level by level, `reach(w, bits)` for each node w newly reached at
    /// this level by the sources in `bits`, then `levelDone(level)`.
    @inline(__always)
    private func traverse(sources: ArraySlice<Int>, adjacency: Adjacency, reach: (Int32, UInt64) -> Void, levelDone: (Int) -> Void) {
        precondition(sources.count <= Self.width)
        let offsets = adjacency.offsets.baseAddress!, neighbours = adjacency.neighbours.baseAddress!
        seen.update(repeating: 0, count: n)
        current.removeAll(keepingCapacity: true)
        for (bit, source) in sources.enumerated() {
            let mask = UInt64(1) << UInt64(bit)
            if seen[source] == 0 { current.append(Int32(truncatingIfNeeded: source)) }
            seen[source] |= mask
            frontier[source] |= mask
        }
        var level = 0
        while !current.isEmpty {
            level &+= 1
            candidates.removeAll(keepingCapacity: true)
            for node in current {
                let v = Int(truncatingIfNeeded: node)
                let bits = frontier[v]
                var e = offsets[v]
                let end = offsets[v &+ 1]
                while e < end {
                    let w = Int(truncatingIfNeeded: neighbours[e])
                    let before = reaching[w]
                    if before == 0 { candidates.append(Int32(truncatingIfNeeded: w)) }
                    reaching[w] = before | bits
                    e &+= 1
                }
            }
            for node in current { frontier[Int(truncatingIfNeeded: node)] = 0 }
            current.removeAll(keepingCapacity: true)
            for node in candidates {
                let w = Int(truncatingIfNeeded: node)
                let fresh = reaching[w] & ~seen[w]
                reaching[w] = 0
                guard fresh != 0 else { continue }
                seen[w] |= fresh
                frontier[w] = fresh
                current.append(node)
                reach(node, fresh)
            }
            levelDone(level)
        }
    }
}
