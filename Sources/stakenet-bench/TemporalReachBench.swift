import Foundation
import NetworkIO
import NetworkModel
import NetworkTime

/// Time-respecting reach from given sources, for the comparison with Raphtory in Scripts/bench:
/// `stakenet-bench temporal-reach EDGES.csv SOURCES.txt START`. Prints one JSON line per step: reading the
/// ties, building the temporal view, and the forward searches from the sources (strict and non-decreasing
/// years, 1 and 2 threads), with the stakeholders reached in all.
enum TemporalReachBench {
    static func run(edges: String, sourcesFile: String, start: Int) throws {
        func seconds(_ since: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - since) / 1e9 }
        func emit(_ step: String, _ time: Double, threads: Int = 1, reached: Int? = nil) {
            var line = "{\"algorithm\": \"temporal_reach_\(step)\", \"threads\": \(threads), \"seconds\": \(time)"
            if let reached { line += ", \"reached\": \(reached)" }
            print(line + "}")
        }
        var clock = DispatchTime.now().uptimeNanoseconds
        let network = try NetworkReader.read(edges).network
        emit("read", seconds(clock))
        clock = DispatchTime.now().uptimeNanoseconds
        let temporal = try TemporalNetwork(network: network)
        emit("build", seconds(clock))
        let ids = try String(contentsOfFile: sourcesFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let sources = try ids.map { id -> Int in
            guard let v = network.index(of: id) else { throw CocoaError(.fileReadCorruptFile) }
            return v
        }
        for order in [TemporalOrder.strict, .nonDecreasing] {
            for threads in [1, 2] {
                clock = DispatchTime.now().uptimeNanoseconds
                let counts = TemporalReach.forward(temporal, from: sources, start: start, order: order, threads: threads)
                emit(order == .strict ? "strict" : "non_decreasing", seconds(clock), threads: threads, reached: counts.reduce(0, +))
            }
        }
    }
}
