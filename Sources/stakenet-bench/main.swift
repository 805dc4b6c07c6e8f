// stakenet-bench: times StakeNet's algorithms in-process (algorithm time only, graph already built),
// for Scripts/bench. Prints one JSON object per line: {"algorithm", "threads", "seconds", "repeats"}.
// Usage: stakenet-bench EDGES.csv [--undirected] [--threads 1,2] [--algorithms betweenness,closeness,pagerank,core_number]
//        stakenet-bench compare [STAKEHOLDERS] [PERMUTATIONS]   (see CompareBench)
//        stakenet-bench coverage [STAKEHOLDERS] [SOURCES] [SEED] [TOP] [MEAN_DEGREE]   (see CoverageBench)
//        stakenet-bench temporal-reach EDGES.csv SOURCES.txt START   (see TemporalReachBench)
import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import NetworkDiffusion

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
if arguments.first == "compare" {
    do {
        try CompareBench.run(stakeholders: arguments.count > 1 ? Int(arguments[1]) ?? 5000 : 5000,
                             permutations: arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("stakenet-bench: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "coverage" {
    do {
        let number = { (i: Int, fallback: Int) in arguments.count > i ? Int(arguments[i]) ?? fallback : fallback }
        try CoverageBench.run(stakeholders: number(1, 10_000), sources: number(2, 200), seed: UInt64(number(3, 1)), top: number(4, 100), meanDegree: Double(number(5, 6)))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("stakenet-bench: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "temporal-reach", arguments.count >= 4 {
    do {
        try TemporalReachBench.run(edges: arguments[1], sourcesFile: arguments[2], start: Int(arguments[3]) ?? 0)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("stakenet-bench: \(error)\n".utf8))
        exit(1)
    }
}
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: stakenet-bench EDGES.csv [--undirected] [--threads 1,2] [--algorithms a,b]\n".utf8))
    exit(2)
}
let directed = !arguments.contains("--undirected")
let threadCounts = (option("--threads") ?? "1,2").split(separator: ",").compactMap { Int($0) }
let algorithms = (option("--algorithms") ?? "betweenness,closeness,pagerank,core_number").split(separator: ",").map(String.init)

enum BenchGraphs {
    /// The same graph as a directed one, every edge both ways.
    static func directed(_ graph: Graph) -> Graph {
        var builder = GraphBuilder(nodeCount: graph.nodeCount, isDirected: true, expectedArcs: graph.outTargets.count)
        for u in 0 ..< graph.nodeCount { for w in graph.successors(of: u) { builder.addArc(from: u, to: Int(w)) } }
        return builder.build(isWeighted: false)
    }
}

do {
    let network = try NetworkReader.read(path, options: NetworkReadOptions(directed: directed)).network
    let graph = try network.graph()
    for algorithm in algorithms {
        for threads in threadCounts {
            let run: () throws -> Void
            var quality: Double?
            switch algorithm {
            case "cascade":
                // Independent cascade, p = 0.01 on every arc, seeds 0…9, 10,000 runs.
                let transmission = TransmissionGraph(graph: graph.isDirected ? graph : BenchGraphs.directed(graph), probability: [Double](repeating: 0.01, count: (graph.isDirected ? graph : BenchGraphs.directed(graph)).outTargets.count))
                run = { _ = transmission.simulate(.independentCascade, seeds: Array(0 ..< 10), settings: DiffusionSettings(runs: 10_000, seed: 1, threads: threads)) }
            case "louvain", "leiden":
                let method = CommunityMethod(rawValue: algorithm)!
                quality = graph.modularity(of: graph.communities(method: method, seed: 1))
                run = { _ = graph.communities(method: method, seed: 1) }
            case "betweenness": run = { _ = graph.betweenness(threads: threads) }
            case "closeness": run = { _ = graph.closeness(threads: threads) }
            case "pagerank": run = { _ = try graph.pagerank() }
            case "core_number": run = { _ = graph.coreNumber() }
            default:
                FileHandle.standardError.write(Data("unknown algorithm \(algorithm)\n".utf8))
                exit(2)
            }
            // Repeat fast algorithms until at least half a second has passed; report the best run.
            var best = Double.infinity, total = 0.0, repeats = 0
            while repeats < 3 || (total < 0.5 && repeats < 1000) {
                let start = DispatchTime.now().uptimeNanoseconds
                try run()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, seconds)
                total += seconds
                repeats += 1
                if seconds > 2 { break }
            }
            let qualityField = quality.map { ", \"modularity\": \($0)" } ?? ""
            FileHandle.standardOutput.write(Data("{\"algorithm\": \"\(algorithm)\", \"threads\": \(threads), \"seconds\": \(best), \"repeats\": \(repeats)\(qualityField)}\n".utf8))
        }
    }
} catch {
    FileHandle.standardError.write(Data("stakenet-bench: \(error)\n".utf8))
    exit(1)
}
