import NetworkModel

extension Graph {
    /// For every node, how many other nodes it reaches along arcs (its out-component less itself) and how
    /// many reach it (its in-component less itself); on an undirected graph both are its component's
    /// size less one.
    ///
    /// One pass over the condensation into strongly connected components, from the sinks back: each
    /// component's set of reachable components is the union of its successors' sets (bitsets of one bit
    /// per component), so every node's count comes out of one sweep rather than a search per node; the
    /// in-counts are the same sweep on the reversed arcs. Above `bitsetLimit` bytes of sets, it falls back
    /// to one breadth-first search per component.
    ///
    /// - Complexity: O(c² / 64 + m · c / 64) for c components, memory O(c² / 8) bytes (or O(c · (n + m))
    ///   time and O(n) memory by searches).
    public func reachCounts(bitsetLimit: Int = 1 << 31) -> (out: [Int], in: [Int]) {
        let components = strongComponents()
        let n = nodeCount, c = components.count
        guard isDirected else {
            let counts = (0 ..< n).map { components.sizes[components.componentOf[$0]] - 1 }
            return (counts, counts)
        }
        // Arcs between components, each once.
        var successors = [[Int32]](repeating: [], count: c), predecessors = [[Int32]](repeating: [], count: c)
        var marker = [Int](repeating: -1, count: c)
        let members = components.members
        for part in 0 ..< c {
            for v in members[part] {
                for w in self.successors(of: v) {
                    let other = components.componentOf[Int(w)]
                    if other != part && marker[other] != part {
                        marker[other] = part
                        successors[part].append(Int32(other))
                        predecessors[other].append(Int32(part))
                    }
                }
            }
        }
        let sizes = components.sizes
        func sweep(_ next: [[Int32]]) -> [Int] {
            let words = (c + 63) / 64
            var total = [Int](repeating: 0, count: c)
            if c * words * 8 <= bitsetLimit {
                // Components in an order where each comes after all it reaches (reverse topological).
                var order: [Int] = [], state = [UInt8](repeating: 0, count: c)
                for root in 0 ..< c where state[root] == 0 {
                    var stack: [(Int, Int)] = [(root, 0)]
                    state[root] = 1
                    while let (part, index) = stack.last {
                        if index < next[part].count {
                            stack[stack.count - 1].1 += 1
                            let other = Int(next[part][index])
                            if state[other] == 0 { state[other] = 1; stack.append((other, 0)) }
                        } else {
                            state[part] = 2
                            order.append(part)
                            stack.removeLast()
                        }
                    }
                }
                var sets = [UInt64](repeating: 0, count: c * words)
                for part in order {
                    let base = part * words
                    sets[base + part / 64] |= 1 << UInt64(part % 64)
                    for other in next[part] {
                        let from = Int(other) * words
                        for w in 0 ..< words { sets[base + w] |= sets[from + w] }
                    }
                    var count = 0
                    for w in 0 ..< words {
                        var bits = sets[base + w]
                        while bits != 0 {
                            let b = bits.trailingZeroBitCount
                            count += sizes[w * 64 + b]
                            bits &= bits - 1
                        }
                    }
                    total[part] = count
                }
            } else {
                var seen = [Int](repeating: -1, count: c)
                for part in 0 ..< c {
                    var queue = [part], head = 0, count = 0
                    seen[part] = part
                    while head < queue.count {
                        let x = queue[head]; head += 1
                        count += sizes[x]
                        for other in next[x] where seen[Int(other)] != part { seen[Int(other)] = part; queue.append(Int(other)) }
                    }
                    total[part] = count
                }
            }
            return (0 ..< n).map { total[components.componentOf[$0]] - 1 }
        }
        return (sweep(successors), sweep(predecessors))
    }
}
