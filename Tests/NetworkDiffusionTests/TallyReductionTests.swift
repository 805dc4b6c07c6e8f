import NetworkDiffusion
import NetworkModel
import Testing

/// Blocks' tallies added as they finish, in whatever order, give the sums of adding them all in block order.
@Suite struct TallyReductionTests {
    /// A tally of `runs` made-up runs: adopters in step order over `n` stakeholders.
    static func tally(_ n: Int, runs: Int, _ generator: inout SeededGenerator) -> Tally {
        let tally = Tally(nodeCount: n)
        for _ in 0 ..< runs {
            var steps = [Int32](repeating: -1, count: n)
            var adopted: [Int32] = []
            var step: Int32 = 0
            for v in (0 ..< n).shuffled(using: &generator) where generator.nextUnit() < 0.4 {
                step += Int32(generator.uniform(below: 2))
                steps[v] = step
                adopted.append(Int32(v))
            }
            tally.add(adopted: adopted, steps: steps)
        }
        return tally
    }

    @Test func anyOrderOfFinishingGivesTheSumsInBlockOrder() {
        var generator = SeededGenerator(seed: 3)
        let n = 40, blocks = 12
        let tallies = (0 ..< blocks).map { _ in Self.tally(n, runs: 25, &generator) }
        // The reference: every block's tally added in block order.
        let inOrder = Tally(nodeCount: n)
        for tally in tallies { inOrder.absorb(tally) }
        let expected = inOrder.result(runs: blocks * 25)
        for round in 0 ..< 5 {
            let reduction = TallyReduction(nodeCount: n)
            for block in (0 ..< blocks).shuffled(using: &generator) {
                // A tally from the reduction (reused once a block is added), filled as block `block`'s.
                let fresh = reduction.tally()
                fresh.absorb(tallies[block])
                reduction.finish(fresh, block: block)
            }
            let result = reduction.result(runs: blocks * 25)
            #expect(result.adoptionProbability == expected.adoptionProbability, "round \(round)")
            #expect(result.meanStep.map(\.bitPattern) == expected.meanStep.map(\.bitPattern))
            #expect(result.curve.map(\.mean) == expected.curve.map(\.mean) && result.curve.map(\.upper) == expected.curve.map(\.upper))
            #expect(result.spreadCounts == expected.spreadCounts)
        }
    }
}
