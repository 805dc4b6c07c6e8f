import Foundation
import NetworkModel

extension TransmissionGraph {
    /// Simulates `settings.runs` spreads of `model` from `seeds` and summarises them.
    ///
    /// Run r draws from its own stream `SeededGenerator(seed: settings.seed, stream: r)`; runs are split into
    /// fixed blocks whose tallies are added in block order, so the same seed gives the same numbers on any
    /// number of threads.
    ///
    /// - Complexity: O(runs · (n + m)) at worst; a cascade that stays small costs only what it touches.
    public func simulate(_ model: DiffusionModel, seeds: [Int], settings: DiffusionSettings = DiffusionSettings(),
                         removing removed: Set<Int> = [], progress: (@Sendable (Int) -> Void)? = nil) -> DiffusionResult {
        let n = nodeCount
        let runs = Swift.max(1, settings.runs)
        let limit = settings.steps ?? (model.needsStepLimit ? 100 : Int.max)
        let blocks = Swift.min(runs, 32)
        let reduction = TallyReduction(nodeCount: n)
        let inStrength = (0 ..< n).map { v in graph.inWeights[graph.inRange(of: v)].reduce(0, +) }
        let done = ProgressCounter()
        Parallel.forEachBlock(blocks, threads: settings.threads) { block, _ in
            let tally = reduction.tally()
            defer { reduction.finish(tally, block: block) }
            var simulator = Simulator(network: self, inStrength: inStrength)
            for v in removed { simulator.blocked[v] = true }
            for run in Parallel.range(ofBlock: block, blocks: blocks, count: runs) {
                var generator = SeededGenerator(seed: settings.seed, stream: UInt64(run) + 1)
                let adopted = simulator.run(model, seeds: seeds, limit: limit, generator: &generator)
                tally.add(adopted: adopted, steps: simulator.stepOf)
                if let progress, done.add() % 100 == 0 { progress(done.value) }
            }
        }
        return reduction.result(runs: runs)
    }

    /// Criticality: how much the expected spread from `seeds` drops when each stakeholder is taken out of
    /// the network — the bridges an innovation depends on. Every removal reuses the same random streams as
    /// the baseline (common random numbers), so differences are estimated with far less noise than the spreads.
    /// Seeds themselves get NaN.
    ///
    /// - Complexity: n + 1 simulations of `settings.runs` runs.
    /// `progress` is told how many stakeholders are done.
    public func criticality(_ model: DiffusionModel, seeds: [Int], settings: DiffusionSettings, progress: ((Int) -> Void)? = nil) -> [Double] {
        let base = simulate(model, seeds: seeds, settings: settings).expectedSpread.mean
        return (0 ..< nodeCount).map { v in
            progress?(v)
            return seeds.contains(v) ? .nan : base - simulate(model, seeds: seeds, settings: settings, removing: [v]).expectedSpread.mean
        }
    }
}

/// Per-block sums of many runs.
package final class Tally: @unchecked Sendable {
    var adoptions: [Int]
    var stepSums: [Double]
    /// curveSums[t]: Σ over runs still adopting at t of the cumulative adopters by t; endings[t]: Σ and count of
    /// runs whose last adoption was at step t (their total counts for every later step).
    var curveSums: [Double] = []
    var curveSquares: [Double] = []
    var endSums: [Double] = []
    var endSquares: [Double] = []
    var spreadCounts: [Int]

    package init(nodeCount: Int) {
        adoptions = [Int](repeating: 0, count: nodeCount)
        stepSums = [Double](repeating: 0, count: nodeCount)
        spreadCounts = [Int](repeating: 0, count: nodeCount + 1)
    }

    /// Back to no runs, keeping the memory.
    func reset() {
        for v in adoptions.indices { adoptions[v] = 0; stepSums[v] = 0 }
        for k in spreadCounts.indices { spreadCounts[k] = 0 }
        curveSums.removeAll(keepingCapacity: true)
        curveSquares.removeAll(keepingCapacity: true)
        endSums.removeAll(keepingCapacity: true)
        endSquares.removeAll(keepingCapacity: true)
        previous = 0
    }

    /// Adds another tally's runs to these, value by value.
    package func absorb(_ other: Tally) {
        for v in adoptions.indices { adoptions[v] += other.adoptions[v]; stepSums[v] += other.stepSums[v] }
        for k in spreadCounts.indices { spreadCounts[k] += other.spreadCounts[k] }
        grow(to: other.curveSums.count)
        for t in 0 ..< other.curveSums.count {
            curveSums[t] += other.curveSums[t]; curveSquares[t] += other.curveSquares[t]
            endSums[t] += other.endSums[t]; endSquares[t] += other.endSquares[t]
        }
    }

    /// Adds one run: `adopted` lists adopters in order of adoption, `steps[v]` their steps.
    package func add(adopted: [Int32], steps: [Int32]) {
        var cumulative = 0
        var step: Int32 = 0
        var index = 0
        while index < adopted.count {
            let t = steps[Int(adopted[index])]
            // Adopters come in step order; count all of step t, then record the cumulative total.
            while index < adopted.count && steps[Int(adopted[index])] == t {
                let v = Int(adopted[index])
                adoptions[v] += 1
                stepSums[v] += Double(t)
                cumulative += 1
                index += 1
            }
            // Steps without a new adopter between the last one and t keep the previous total.
            while step < t { record(Int(step), cumulative: previous); step += 1 }
            previous = Double(cumulative)
            record(Int(t), cumulative: previous)
            step = t + 1
        }
        let last = Int(step) - 1
        grow(to: Swift.max(last, 0) + 1)
        if last >= 0 {
            endSums[last] += previous
            endSquares[last] += previous * previous
        }
        spreadCounts[cumulative] += 1
        previous = 0
    }

    private var previous = 0.0

    private func grow(to count: Int) {
        while curveSums.count < count {
            curveSums.append(0); curveSquares.append(0); endSums.append(0); endSquares.append(0)
        }
    }

    private func record(_ t: Int, cumulative: Double) {
        grow(to: t + 1)
        curveSums[t] += cumulative
        curveSquares[t] += cumulative * cumulative
    }

    /// The summary of these runs (`runs` of them).
    package func result(runs: Int) -> DiffusionResult {
        let n = adoptions.count
        let length = curveSums.count
        let sums = curveSums, squares = curveSquares
        let total = Double(runs)
        var curve: [DiffusionResult.CurvePoint] = []
        var endedSum = 0.0, endedSquares = 0.0
        for t in 0 ..< length {
            let s = sums[t] + endedSum, q = squares[t] + endedSquares
            let mean = s / total
            let variance = Swift.max(0, q / total - mean * mean) * total / Swift.max(1, total - 1)
            let half = 1.96 * (variance / total).squareRoot()
            curve.append(.init(step: t, mean: mean, lower: mean - half, upper: mean + half))
            endedSum += endSums[t]
            endedSquares += endSquares[t]
        }
        let probability = adoptions.map { Double($0) / total }
        return DiffusionResult(runs: runs, adoptionProbability: probability,
                               standardError: probability.map { ($0 * (1 - $0) / total).squareRoot() },
                               meanStep: (0 ..< n).map { adoptions[$0] > 0 ? stepSums[$0] / Double(adoptions[$0]) : .nan },
                               curve: curve, spreadCounts: spreadCounts)
    }
}

/// Tallies of fixed blocks of runs added up in block order as the blocks finish, so that only the blocks
/// being run and the few done early are held (a tally is three numbers a stakeholder: 32 blocks of a
/// 20-million-stakeholder network held at once took 15 GB), with the same sums, bit for bit, as adding
/// every block's tally in order at the end.
package final class TallyReduction: @unchecked Sendable {
    private let lock = NSLock()
    private let nodeCount: Int
    private let total: Tally
    private var pending: [Int: Tally] = [:]
    private var next = 0
    private var spare: [Tally] = []

    package init(nodeCount: Int) {
        self.nodeCount = nodeCount
        total = Tally(nodeCount: nodeCount)
    }

    /// An empty tally to fill with a block's runs.
    package func tally() -> Tally {
        lock.lock()
        defer { lock.unlock() }
        return spare.popLast() ?? Tally(nodeCount: nodeCount)
    }

    /// Hands over block `block`'s tally: it is added once every block before it has been.
    package func finish(_ tally: Tally, block: Int) {
        lock.lock()
        defer { lock.unlock() }
        pending[block] = tally
        while let ready = pending.removeValue(forKey: next) {
            total.absorb(ready)
            ready.reset()
            spare.append(ready)
            next += 1
        }
    }

    /// The summary of every block handed over (`runs` runs in all).
    package func result(runs: Int) -> DiffusionResult {
        lock.lock()
        defer { lock.unlock() }
        precondition(pending.isEmpty, "a block's tally was handed over before the blocks ahead of it")
        return total.result(runs: runs)
    }
}
