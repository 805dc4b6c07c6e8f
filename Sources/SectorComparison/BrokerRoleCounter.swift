import NetworkModel

/// Every broker's Gould–Fernandez role counts under any labelling of the stakeholders, as `Graph.brokerage`
/// (R sna's `brokerage`) counts them, without listing the open two-paths a permutation test would otherwise
/// walk each time.
///
/// The open two-paths i → b → k through broker b are all pairs of b's partners (a predecessor i and a
/// successor k; two neighbours when undirected) less the closed ones (i = k, a partner both ways, or i tied to
/// k). How all pairs fall into the roles follows from how many of b's partners are in each group, which one
/// walk over b's partners gives along with Σ_g a_g·o_g (directed: a_g predecessors and o_g successors in
/// group g) or Σ_g c_g² (undirected: c_g neighbours); the closed pairs, few on a sparse network, are then
/// classified and taken off one by one. So a labelling costs O(m + closed pairs) instead of O(Σ_b d_b²):
/// on a generated 50,000-stakeholder ecosystem, 600,000 steps instead of a million random reads of pairs.
///
/// With broker group B, A predecessors (a_B of them in B), O successors (o_B in B):
/// coordinator a_B·o_B, representative a_B·(O − o_B), gatekeeper (A − a_B)·o_B, consultant
/// Σ_{g≠B} a_g·o_g, liaison (A − a_B)(O − o_B) − consultant. Undirected, with S neighbours (C in B) and
/// Q = Σ_g c_g², over unordered pairs: coordinator C(C − 1)/2, consultant (Q − S)/2 − C(C − 1)/2,
/// representative or gatekeeper C(S − C), liaison ((S − C)² − Q + C²)/2; sna counts each undirected path
/// once each way, so coordinator, consultant and liaison double and representative and gatekeeper are each
/// the mixed count.
///
/// - Reference: R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal approach to brokerage
///   in transaction networks", Sociological Methodology 19, 1989. doi:10.2307/270949
struct BrokerRoleCounter: Sendable {
    let nodeCount: Int
    let isDirected: Bool
    /// Broker b's partners, left-out stakeholders and b itself aside: `from[fromOffsets[b] ..< fromOffsets[b + 1]]`
    /// its predecessors (its neighbours when undirected), `to[toOffsets[b] ..< toOffsets[b + 1]]` its successors
    /// (directed only).
    let from: [Int32], fromOffsets: [Int]
    let to: [Int32], toOffsets: [Int]
    /// Broker b's closed pairs (i, k), i < k when undirected: `closed[2·closedOffsets[b] ..< 2·closedOffsets[b + 1]]`.
    let closed: [Int32], closedOffsets: [Int]
    /// Open two-paths through each broker, counted as sna does (an undirected one once each way).
    let totals: [Double]

    /// `nil` when there are more than `limit` closed pairs (12 bytes each would be kept).
    ///
    /// - Complexity: O(Σ_b d_b² log d) once, for the closed pairs.
    init?(graph: Graph, leftOut: [Bool], limit: Int) {
        let n = graph.nodeCount
        nodeCount = n
        isDirected = graph.isDirected
        func partners(_ list: (Int) -> ArraySlice<Int32>) -> ([Int32], [Int]) {
            var flat: [Int32] = [], offsets = [0]
            offsets.reserveCapacity(n + 1)
            for b in 0 ..< n {
                if !leftOut[b] { for v in list(b) where Int(v) != b && !leftOut[Int(v)] { flat.append(v) } }
                offsets.append(flat.count)
            }
            return (flat, offsets)
        }
        (from, fromOffsets) = partners { graph.predecessors(of: $0) }
        (to, toOffsets) = graph.isDirected ? partners { graph.successors(of: $0) } : ([], [])
        var pairs: [Int32] = [], offsets = [0]
        var totals = [Double](repeating: 0, count: n)
        for b in 0 ..< n {
            let before = pairs.count / 2
            let predecessors = from[fromOffsets[b] ..< fromOffsets[b + 1]]
            let successors = graph.isDirected ? to[toOffsets[b] ..< toOffsets[b + 1]] : predecessors
            for i in predecessors {
                for k in successors {
                    if !graph.isDirected && k <= i { continue }
                    if i == k || graph.hasEdge(from: Int(i), to: Int(k)) { pairs.append(i); pairs.append(k) }
                }
                if pairs.count > 2 * limit { return nil }
            }
            offsets.append(pairs.count / 2)
            let closedHere = Double(pairs.count / 2 - before)
            let p = Double(predecessors.count), s = Double(successors.count)
            totals[b] = graph.isDirected ? p * s - closedHere : 2 * (p * (p - 1) / 2 - closedHere)
        }
        closed = pairs
        closedOffsets = offsets
        self.totals = totals
    }

    /// Role counts (coordinator, consultant, representative, gatekeeper, liaison) summed over each group's
    /// brokers under `labels` (negative: in no group), as `totals[5·g + role]`. `tally` is scratch of any
    /// size; it is grown to the number of groups and left all zero.
    ///
    /// - Complexity: O(m + closed pairs), with every array's address taken once: this is the inner loop of
    ///   a permutation test.
    func groupCounts(labels: [Int32], groupCount G: Int, tally: inout [Int]) -> [Int] {
        var totals = [Int](repeating: 0, count: 5 * G)
        visit(labels: labels, groupCount: G, tally: &tally, into: &totals) { b, gb, roles, _ in
            let base = 5 &* gb
            roles[base] &+= b.0; roles[base &+ 1] &+= b.1; roles[base &+ 2] &+= b.2; roles[base &+ 3] &+= b.3; roles[base &+ 4] &+= b.4
        }
        return totals
    }

    /// Each broker's own role counts under `labels`, as `roles[5·b + role]` (zero for brokers in no group).
    func brokerCounts(labels: [Int32], groupCount G: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: 5 * nodeCount)
        var tally: [Int] = []
        visit(labels: labels, groupCount: G, tally: &tally, into: &counts) { b, _, roles, broker in
            let base = 5 &* broker
            roles[base] = b.0; roles[base &+ 1] = b.1; roles[base &+ 2] = b.2; roles[base &+ 3] = b.3; roles[base &+ 4] = b.4
        }
        return counts
    }

    /// Every broker in a group in turn: `record(counts, broker's group, output, broker)`.
    @inline(__always)
    private func visit(labels: [Int32], groupCount G: Int, tally: inout [Int], into output: inout [Int],
                       _ record: ((Int, Int, Int, Int, Int), Int, UnsafeMutableBufferPointer<Int>, Int) -> Void) {
        if tally.count < G { tally = [Int](repeating: 0, count: G) }
        let directed = isDirected
        labels.withUnsafeBufferPointer { l in
        from.withUnsafeBufferPointer { from in
        fromOffsets.withUnsafeBufferPointer { fromOffsets in
        to.withUnsafeBufferPointer { to in
        toOffsets.withUnsafeBufferPointer { toOffsets in
        closed.withUnsafeBufferPointer { pairs in
        closedOffsets.withUnsafeBufferPointer { closedOffsets in
        tally.withUnsafeMutableBufferPointer { count in
        output.withUnsafeMutableBufferPointer { out in
            for b in 0 ..< nodeCount {
                let gb = l[b]
                if gb < 0 { continue }
                var coordinator: Int, consultant: Int, representative: Int, gatekeeper: Int, liaison: Int
                let first = fromOffsets[b], last = fromOffsets[b &+ 1]
                if directed {
                    for j in first ..< last { count[Int(l[Int(from[j])])] &+= 1 }
                    let inGroup = count[Int(gb)], predecessors = last &- first
                    let start = toOffsets[b], end = toOffsets[b &+ 1]
                    var cross = 0, outInGroup = 0
                    for j in start ..< end {
                        let g = l[Int(to[j])]
                        cross &+= count[Int(g)]
                        outInGroup &+= g == gb ? 1 : 0
                    }
                    let successors = end &- start
                    coordinator = inGroup &* outInGroup
                    representative = inGroup &* (successors &- outInGroup)
                    gatekeeper = (predecessors &- inGroup) &* outInGroup
                    consultant = cross &- coordinator
                    liaison = (predecessors &- inGroup) &* (successors &- outInGroup) &- consultant
                } else {
                    var squares = 0
                    for j in first ..< last {
                        let g = Int(l[Int(from[j])])
                        squares &+= 2 &* count[g] &+ 1
                        count[g] &+= 1
                    }
                    let s = last &- first, c = count[Int(gb)]
                    coordinator = c &* (c &- 1) / 2
                    consultant = (squares &- s) / 2 &- coordinator
                    representative = c &* (s &- c)
                    gatekeeper = 0
                    liaison = ((s &- c) &* (s &- c) &- squares &+ c &* c) / 2
                }
                // Back to zero: the whole tally when it is shorter than the walk.
                if G <= last &- first {
                    for g in 0 ..< G { count[g] = 0 }
                } else {
                    for j in first ..< last { count[Int(l[Int(from[j])])] = 0 }
                }
                // The closed pairs were counted among all pairs: take them off.
                var index = 2 &* closedOffsets[b]
                let end = 2 &* closedOffsets[b &+ 1]
                while index < end {
                    let gi = l[Int(pairs[index])], gk = l[Int(pairs[index &+ 1])]
                    let ib = gi == gb ? 1 : 0, ik = gi == gk ? 1 : 0, bk = gb == gk ? 1 : 0
                    coordinator &-= ib & bk
                    representative &-= ib & (1 &- bk)
                    gatekeeper &-= bk & (1 &- ib)
                    consultant &-= ik & (1 &- ib)
                    liaison &-= (1 &- ib) & (1 &- ik) & (1 &- bk)
                    index &+= 2
                }
                if directed {
                    record((coordinator, consultant, representative, gatekeeper, liaison), Int(gb), out, b)
                } else {
                    // Each undirected path once each way; the way back swaps representative and gatekeeper.
                    let mixed = representative &+ gatekeeper
                    record((2 &* coordinator, 2 &* consultant, mixed, mixed, 2 &* liaison), Int(gb), out, b)
                }
            }
        }}}}}}}}}
    }
}
