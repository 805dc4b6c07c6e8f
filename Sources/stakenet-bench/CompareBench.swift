import Foundation
import NetworkDiffusion
import NetworkModel
import SectorComparison

/// `stakenet-bench compare [STAKEHOLDERS] [PERMUTATIONS]`: the full group profile of a generated two-sector
/// ecosystem (two sectors of equal size, nine stakeholder kinds, mean degree 10, four times as many ties
/// within a sector as across), timed for its set-up, its reach estimate and its permutation tests on 1 and
/// 2 threads. One JSON object per line.
enum CompareBench {
    static func run(stakeholders n: Int, permutations: Int) throws {
        var generator = SeededGenerator(seed: 1)
        let sector = (0 ..< n).map { $0 < n / 2 ? 0 : 1 }
        let kind = (0 ..< n).map { _ in generator.uniform(below: 9) }
        // Expected degree 10: 8 within the sector, 2 across.
        let within = 8.0 / Double(n / 2), across = 2.0 / Double(n / 2)
        var builder = GraphBuilder(nodeCount: n, isDirected: false, expectedArcs: 5 * n)
        for u in 0 ..< n {
            for v in 0 ..< u where generator.nextUnit() < (sector[u] == sector[v] ? within : across) { builder.addArc(from: u, to: v) }
        }
        let graph = builder.build(isWeighted: false)
        var arcs = GraphBuilder(nodeCount: n, isDirected: true, expectedArcs: 10 * n)
        for u in 0 ..< n { for v in graph.successors(of: u) { arcs.addArc(from: u, to: Int(v)) } }
        let directedGraph = arcs.build(isWeighted: false)
        let transmission = TransmissionGraph(graph: directedGraph, probability: [Double](repeating: 0.05, count: directedGraph.outTargets.count))
        func time(_ body: () throws -> Void) rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        func emit(_ step: String, _ threads: Int, _ seconds: Double) {
            print("{\"algorithm\": \"compare_\(step)\", \"stakeholders\": \(n), \"ties\": \(graph.edgeCount), \"permutations\": \(permutations), \"threads\": \(threads), \"seconds\": \(seconds)}")
        }
        for threads in [1, 2] {
            var reach: [Double] = []
            emit("reach_1000_runs", threads, time { reach = transmission.reachFromEach(runs: 1000, seed: 1, threads: threads).mean })
            var profiler: GroupProfiler?
            emit("setup", threads, try time { profiler = try GroupProfiler(graph: graph, partnerKind: kind, kindNames: (0 ..< 9).map { "kind\($0)" }, reach: reach, threads: threads) })
            let grouping = Grouping(attribute: "sector", names: ["a", "b"], groupOf: sector)
            emit("permutations", threads, try time {
                _ = try GroupComparison.compare(profiler!, grouping: grouping, settings: .init(permutations: permutations, bootstrap: 2000, seed: 1, threads: threads))
            })
        }
    }
}
