import NetworkModel

extension Graph {
    /// For every node, an upper bound on how many nodes it reaches along arcs, itself included: over the
    /// condensation into strongly connected components, U(C) = |C| + Σ U(D) over the components D that C has
    /// arcs to (shared descendants counted once per route, so U only over-counts), capped at n. Exact on
    /// trees of components; the component's size on an undirected graph.
    ///
    /// - Complexity: O(n + m).
    public func reachUpperBounds() -> [Int] {
        let components = strongComponents()
        let c = components.count, n = nodeCount
        guard isDirected else { return (0 ..< n).map { components.sizes[components.componentOf[$0]] } }
        // Arcs between components, deduplicated per component by a marker.
        var successors = [[Int]](repeating: [], count: c)
        var marker = [Int](repeating: -1, count: c)
        var inDegree = [Int](repeating: 0, count: c)
        for part in 0 ..< c { marker[part] = -1 }
        let members = components.members
        for part in 0 ..< c {
            for v in members[part] {
                for w in self.successors(of: v) {
                    let other = components.componentOf[Int(w)]
                    if other != part && marker[other] != part {
                        marker[other] = part
                        successors[part].append(other)
                        inDegree[other] += 1
                    }
                }
            }
        }
        // Kahn's order on the condensation, then sizes summed from the sinks back.
        var order: [Int] = []
        order.reserveCapacity(c)
        var ready = (0 ..< c).filter { inDegree[$0] == 0 }
        while let part = ready.popLast() {
            order.append(part)
            for other in successors[part] {
                inDegree[other] -= 1
                if inDegree[other] == 0 { ready.append(other) }
            }
        }
        var bound = [Int](repeating: 0, count: c)
        for part in order.reversed() {
            var total = components.sizes[part]
            for other in successors[part] {
                total += bound[other]
                if total >= n { total = n; break }
            }
            bound[part] = total
        }
        return (0 ..< n).map { bound[components.componentOf[$0]] }
    }
}
