import NetworkModel

/// Scratch state for simulating one spread at a time, reused across runs.
struct Simulator {
    let network: TransmissionGraph
    /// Σ of in-coming strength per node, for the linear threshold model.
    let inStrength: [Double]
    /// Step each node adopted at (−1: not adopted) after the last run.
    var stepOf: [Int32]
    /// Linear threshold: influence gathered and thresholds (NaN until drawn).
    var influence: [Double]
    var threshold: [Double]
    /// SIR/SIS: whether a node is infected now, recovered (SIR), and adopters in order.
    var infected: [Bool]
    var recovered: [Bool]
    var adopters: [Int32] = []
    var touched: [Int32] = []
    /// Stakeholders taken out of the network: they never adopt, so nothing passes through them.
    var blocked: [Bool]

    init(network: TransmissionGraph, inStrength: [Double]) {
        let n = network.nodeCount
        self.network = network
        self.inStrength = inStrength
        stepOf = [Int32](repeating: -1, count: n)
        influence = [Double](repeating: 0, count: n)
        threshold = [Double](repeating: .nan, count: n)
        infected = [Bool](repeating: false, count: n)
        recovered = [Bool](repeating: false, count: n)
        blocked = [Bool](repeating: false, count: n)
    }

    /// One run; returns the adopters in order of adoption (their steps are in `stepOf`).
    mutating func run(_ model: DiffusionModel, seeds: [Int], limit: Int, generator: inout SeededGenerator) -> [Int32] {
        for v in adopters { stepOf[Int(v)] = -1 }
        for v in touched { influence[Int(v)] = 0; threshold[Int(v)] = .nan; infected[Int(v)] = false; recovered[Int(v)] = false }
        adopters.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        for s in seeds where stepOf[s] < 0 {
            stepOf[s] = 0
            adopters.append(Int32(s))
        }
        let graph = network.graph
        switch model {
        case .independentCascade:
            // The random draw comes before the removal check, so runs with a stakeholder removed use the
            // same random numbers as runs without (criticality's common random numbers).
            spread(limit: limit) { simulator, e, v in
                generator.nextUnit() < simulator.network.probability[e] && !simulator.blocked[v]
            }
        case .linearThreshold:
            spread(limit: limit) { simulator, e, v in
                guard simulator.inStrength[v] > 0, !simulator.blocked[v] else { return false }
                if simulator.threshold[v].isNaN {
                    simulator.threshold[v] = generator.nextUnit()
                    simulator.touched.append(Int32(v))
                }
                simulator.influence[v] += graph.outWeights[e] / simulator.inStrength[v]
                // Thresholds are on (0, 1]: a draw of 0 would mean adopting with no influence at all.
                return simulator.influence[v] >= Swift.max(simulator.threshold[v], .leastNonzeroMagnitude)
            }
        case .fractionalThreshold(let thresholds):
            spread(limit: limit) { simulator, _, v in
                guard !simulator.blocked[v] else { return false }
                if simulator.influence[v] == 0 { simulator.touched.append(Int32(v)) }
                simulator.influence[v] += 1 / Double(graph.inDegree(of: v))
                return simulator.influence[v] >= thresholds[v] - 1e-12
            }
        case .sir(let recovery), .sis(let recovery):
            let immune: Bool = { if case .sir = model { return true } else { return false } }()
            var current = adopters
            for v in current { infected[Int(v)] = true; touched.append(v) }
            var t: Int32 = 0
            var next: [Int32] = []
            while !current.isEmpty && Int(t) < limit {
                next.removeAll(keepingCapacity: true)
                for u in current {
                    for e in graph.outRange(of: Int(u)) {
                        let v = Int(graph.outTargets[e])
                        if !infected[v] && !recovered[v] && generator.nextUnit() < network.probability[e] && !blocked[v] {
                            infected[v] = true
                            touched.append(Int32(v))
                            next.append(Int32(v))
                            if stepOf[v] < 0 { stepOf[v] = t + 1; adopters.append(Int32(v)) }
                        }
                    }
                }
                // Those infected before this step may recover; the newly infected stay infected.
                var still: [Int32] = []
                for u in current {
                    if generator.nextUnit() < recovery {
                        infected[Int(u)] = false
                        if immune { recovered[Int(u)] = true }
                    } else {
                        still.append(u)
                    }
                }
                current = still + next
                t += 1
            }
        case .bass(let external):
            var t: Int32 = 0
            let n = network.nodeCount
            while adopters.count < n && Int(t) < limit {
                var next: [Int32] = []
                for v in 0 ..< n where stepOf[v] < 0 && !blocked[v] {
                    var failure = 1 - external
                    for e in graph.inRange(of: v) {
                        let u = Int(graph.inSources[e])
                        if stepOf[u] >= 0 && stepOf[u] <= t { failure *= 1 - probabilityOfInArc(e, from: u, to: v) }
                    }
                    if generator.nextUnit() >= failure { next.append(Int32(v)) }
                }
                for v in next { stepOf[Int(v)] = t + 1 }
                adopters.append(contentsOf: next)
                t += 1
            }
        }
        return adopters
    }

    /// Spreads step by step from the current adopters: each new adopter's out-arcs e to v not yet adopted are
    /// offered to `adopts`, and v adopts at the next step when it says so. Shared by the cascade and
    /// threshold models, which differ only in that decision.
    @inline(__always)
    private mutating func spread(limit: Int, _ adopts: (inout Simulator, _ arc: Int, _ target: Int) -> Bool) {
        let graph = network.graph
        var frontier = adopters, next: [Int32] = []
        var t: Int32 = 0
        while !frontier.isEmpty && Int(t) < limit {
            next.removeAll(keepingCapacity: true)
            for u in frontier {
                for e in graph.outRange(of: Int(u)) {
                    let v = Int(graph.outTargets[e])
                    if stepOf[v] < 0 && adopts(&self, e, v) {
                        stepOf[v] = t + 1
                        next.append(Int32(v))
                    }
                }
            }
            adopters.append(contentsOf: next)
            swap(&frontier, &next)
            t += 1
        }
    }

    /// The probability of arc u → v, found from the in-adjacency position by a search in u's out-row.
    func probabilityOfInArc(_ inPosition: Int, from u: Int, to v: Int) -> Double {
        let graph = network.graph
        var low = graph.outOffsets[u], high = graph.outOffsets[u + 1]
        let target = Int32(v)
        while low < high {
            let mid = (low + high) / 2
            if graph.outTargets[mid] < target { low = mid + 1 } else { high = mid }
        }
        return network.probability[low]
    }
}
