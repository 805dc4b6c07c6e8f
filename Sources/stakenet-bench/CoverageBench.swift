import Foundation
import NetworkMetrics
import NetworkModel

/// How often the approximate betweenness's intervals contain the exact value, among the most central
/// stakeholders of a generated ecosystem: `stakenet-bench coverage STAKEHOLDERS SOURCES [SEED] [TOP] [MEAN_DEGREE]`.
/// Prints one JSON line: the coverage of the 95% interval and of the plain ±1.96·(sample SE) interval,
/// the spread of (estimate − exact)/SE for both standard errors, and the median interval width.
enum CoverageBench {
    static func run(stakeholders: Int, sources: Int, seed: UInt64, top: Int, meanDegree: Double) throws {
        var generator = EcosystemGenerator(stakeholders: stakeholders)
        generator.meanDegree = meanDegree
        generator.seed = seed
        let network = generator.generate()
        let graph = try network.graph()
        let clock = DispatchTime.now().uptimeNanoseconds
        let exact = graph.betweenness()
        let exactSeconds = Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9
        let sampled = graph.approximateBetweenness(sampleSize: sources, seed: seed)
        let standardError = sampled.standardError
        let best = Array(exact.ranking.prefix(top))
        var covered = 0, plainCovered = 0
        var z: [Double] = [], plainZ: [Double] = [], widths: [Double] = []
        for v in best {
            if sampled.lower[v] <= exact[v] && exact[v] <= sampled.upper[v] { covered += 1 }
            let plain = sampled.sampleStandardError[v]
            if abs(sampled.estimate[v] - exact[v]) <= 1.96 * plain { plainCovered += 1 }
            if standardError[v] > 0 { z.append((sampled.estimate[v] - exact[v]) / standardError[v]) }
            if plain > 0 { plainZ.append((sampled.estimate[v] - exact[v]) / plain) }
            widths.append(sampled.upper[v] - sampled.lower[v])
        }
        func spread(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(values.count - 1, 1))).squareRoot()
        }
        widths.sort()
        let line = "{\"stakeholders\": \(stakeholders), \"ties\": \(network.tieCount), \"sources\": \(sources), \"seed\": \(seed), \"top\": \(best.count), "
            + "\"coverage\": \(Double(covered) / Double(best.count)), \"plain_coverage\": \(Double(plainCovered) / Double(best.count)), "
            + "\"z_spread\": \(spread(z)), \"plain_z_spread\": \(spread(plainZ)), \"median_width\": \(widths[widths.count / 2]), "
            + "\"median_exact\": \(best.map { exact[$0] }.sorted()[best.count / 2]), \"exact_seconds\": \(exactSeconds)}\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
