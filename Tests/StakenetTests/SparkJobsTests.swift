import Foundation
import NetworkDiffusion
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// `stakenet export --spark`, the GraphX jobs of `Scripts/spark` in `local[2]` mode, and `metrics --scores`:
/// the results computed on Spark against StakeNet's own on generated networks of 10^5 ties (directed) and
/// 10^4 ties (undirected). Spark needs the JDK and pyspark, which Scripts/test installs before it sets
/// STAKENET_SPARK=1; without it the suite is skipped.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["STAKENET_SPARK"] == "1", "Scripts/test installs Spark and sets STAKENET_SPARK=1"), .serialized)
struct SparkJobsTests {
    static let runs = 200

    /// Generates, exports and runs every job; returns the network, the folder and the results folder.
    static func exportAndRun(_ generate: [String], jobs: [String] = []) throws -> (network: StakeholderNetwork, folder: TemporaryFolder, results: String) {
        let folder = try TemporaryFolder(files: [:])
        let networkPath = folder.path + "/network", export = folder.path + "/export", results = folder.path + "/results"
        let generated = try StakenetBinary.run(["generate"] + generate + ["-o", networkPath, "--quiet"])
        try #require(generated.status == 0, "\(generated.standardError)")
        let exported = try StakenetBinary.run(["export", networkPath, "--spark", export, "--quiet"])
        try #require(exported.status == 0, "\(exported.standardError)")
        let process = Process()
        process.executableURL = Fixtures.packageRoot.appendingPathComponent("Scripts/spark/run")
        process.arguments = ["local[2]", export, results] + jobs + ["runs=\(runs)", "seed=7"]
        process.currentDirectoryURL = Fixtures.packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.standardError
        try process.run()
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "Scripts/spark/run failed: \(String(decoding: said, as: UTF8.self).suffix(3000))")
        let network = try NetworkReader.read(networkPath).network
        return (network, folder, results)
    }

    static func column(_ results: String, _ job: String, in network: StakeholderNetwork) throws -> [Double] {
        let scores = try ScoreFiles.read(results + "/\(job).csv", for: network)
        #expect(scores.columns.map(\.measure) == [job])
        #expect(scores.missing == [0], "every stakeholder has a \(job)")
        return scores.columns[0].values
    }

    /// Whether two labellings split the stakeholders the same way.
    static func samePartition(_ a: [Double], _ b: [Int]) -> Bool {
        guard a.count == b.count else { return false }
        var forward: [Double: Int] = [:], backward: [Int: Double] = [:]
        for (x, y) in zip(a, b) {
            if let seen = forward[x], seen != y { return false }
            if let seen = backward[y], seen != x { return false }
            forward[x] = y
            backward[y] = x
        }
        return true
    }

    @Test func directedRegisterOnSparkEqualsStakeNet() throws {
        let (network, folder, results) = try Self.exportAndRun(["--stakeholders", "20000", "--mean-degree", "10"])
        _ = folder
        #expect(network.isDirected && network.tieCount > 90_000)
        let graph = try network.graph()
        var weighted = GraphSelection(); weighted.weighting = .strength
        let strengthGraph = try network.graph(selecting: weighted)

        #expect(try Self.column(results, "degree", in: network) == graph.degree().values)
        let strength = try Self.column(results, "strength", in: network)
        let expectedStrength = strengthGraph.strength().values
        #expect(zip(strength, expectedStrength).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, abs($1)) })
        let pagerank = try Self.column(results, "pagerank", in: network)
        let expectedPagerank = try graph.pagerank().values
        let worst = zip(pagerank, expectedPagerank).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-6, "PageRank differs by \(worst)")

        #expect(Self.samePartition(try Self.column(results, "component", in: network), graph.weakComponents().componentOf))
        let strong = graph.strongComponents()
        #expect(strong.count > 1)
        #expect(Self.samePartition(try Self.column(results, "strong_component", in: network), strong.componentOf))

        // Label propagation: a partition of everyone; its modularity, stated, beside Leiden's.
        let labels = try Self.column(results, "community", in: network)
        var numbering: [Double: Int] = [:]
        let partition = Partition(labels: labels.map { label in numbering[label] ?? { numbering[label] = numbering.count; return numbering.count - 1 }() })
        let undirected = try network.graph(selecting: GraphSelection(direction: .undirected))
        let q = undirected.modularity(of: partition)
        print("label propagation on Spark: \(numbering.count) communities, modularity \(q)")
        #expect(q > 0.05 && q < 1)

        // Reach: the same live-edge draws as StakeNet's (stream r + 1 of the seed, arcs in StakeNet's order).
        let reach = try Self.column(results, "reach", in: network)
        let expected = try TransmissionGraph(network: network, probability: .constant(0.1)).reachFromEach(runs: Self.runs, seed: 7)
        #expect(zip(reach, expected.mean).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, $1) }, "cascade reach equals StakeNet's for the same seed")
        // And so within Monte Carlo error of it, stakeholder by stakeholder.
        #expect(zip(reach.indices, reach).allSatisfy { v, r in abs(r - expected.mean[v]) <= 4 * expected.standardError[v] + 1e-9 })

        // metrics --scores joins the results folder to the stakeholders.
        let joined = try StakenetBinary.run(["metrics", folder.path + "/network", "--scores", results, "--format", "csv", "--quiet"])
        #expect(joined.status == 0)
        let header = joined.standardOutput.prefix(while: { $0 != "\n" })
        #expect(header == "id,community,component,degree,pagerank,reach,strength,strong_component")
    }

    @Test func undirectedNetworkReachAndComponents() throws {
        let (network, folder, results) = try Self.exportAndRun(["--stakeholders", "3000", "--mean-degree", "6", "--undirected"], jobs: ["degree", "component", "reach"])
        _ = folder
        #expect(!network.isDirected)
        let graph = try network.graph()
        #expect(try Self.column(results, "degree", in: network) == graph.degree().values)
        #expect(Self.samePartition(try Self.column(results, "component", in: network), graph.weakComponents().componentOf))
        let reach = try Self.column(results, "reach", in: network)
        let expected = try TransmissionGraph(network: network, probability: .constant(0.1)).reachFromEach(runs: Self.runs, seed: 7)
        #expect(zip(reach, expected.mean).allSatisfy { abs($0 - $1) <= 1e-9 * max(1, $1) })
    }
}
