import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Every node measure against NetworkX on the classic datasets and a generated directed graph with
/// isolates and several components, unweighted and weighted both ways
/// (Tests/Fixtures/reference/metrics, written by Scripts/reference/values.py).
@Suite struct MetricsReferenceTests {
    struct Reference: CustomTestStringConvertible, Sendable {
        let dataset: String
        let variant: String
        var testDescription: String { "\(dataset) \(variant)" }
    }

    static let references: [Reference] = {
        let folder = Fixtures.path("reference/metrics")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.sorted().map { file in
            let parts = (file as NSString).deletingPathExtension.components(separatedBy: "--")
            return Reference(dataset: parts[0], variant: parts[1])
        }
    }()

    /// Everything within 1e-9: the iterative measures too, since both sides run them to convergence
    /// (NetworkX with tol=1e-13; StakeNet to an L1 change of 1e-12).
    static let iterative: Set<String> = ["eigenvector", "pagerank", "katz", "hub", "authority"]

    @Test func everyReferenceFileIsFound() {
        #expect(Self.references.count == 11)
    }

    @Test(arguments: references)
    func matchesNetworkX(_ reference: Reference) throws {
        let stem = Fixtures.path("reference/metrics/\(reference.dataset)--\(reference.variant)")
        let table = try CSVTable(text: String(contentsOfFile: stem + ".csv", encoding: .utf8), file: stem + ".csv")
        let refusedJSON = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: stem + ".refused.json"))) as! [String: Any]
        let refused = Set((refusedJSON["refused"] as! [String: Any]).keys)

        let network = try NetworkReader.read(Fixtures.dataset(reference.dataset)).network
        let weighting: GraphSelection.Weighting = reference.variant == "unweighted" ? .none : .strength
        let graph = try network.graph(selecting: GraphSelection(weighting: weighting))
        let options = MeasureOptions(weightsMean: reference.variant == "distance" ? .distance : .strength, perComponent: true)

        let ids = table.columns[0]
        #expect(ids.count == graph.nodeCount)
        for (c, name) in table.header.enumerated().dropFirst() {
            let measure = try #require(Measure(rawValue: name), "unknown measure \(name)")
            let scores = try graph.compute([measure], options: options).columns[0]
            let tolerance = 1e-9
            var worst = 0.0
            for (row, id) in ids.enumerated() {
                let node = try #require(network.index(of: id))
                let expected = try #require(Double(table.columns[c][row]))
                if expected.isNaN {
                    // NetworkX gives Burt's measures no value for a node without contacts, and on a directed
                    // graph also for one without out-going ties; StakeNet only for the former (documented).
                    let hasContacts = graph.outDegree(of: node) + graph.inDegree(of: node) > 0
                    #expect(scores[node].isNaN || (graph.isDirected && graph.outDegree(of: node) == 0 && hasContacts), "\(name) of \(id)")
                    continue
                }
                let difference = abs(scores[node] - expected)
                worst = max(worst, difference.isNaN ? .infinity : difference / max(1, abs(expected)))
            }
            #expect(worst <= tolerance, "\(name): worst relative difference \(worst)")
        }
        // PageRank equals igraph's PRPACK too (a direct solver, not power iteration).
        if reference.variant != "distance" {
            let prpack = try #require(Fixtures.referenceJSON("pagerank_igraph.json")["\(reference.dataset)--\(reference.variant)"] as? [String: Double])
            #expect(prpack.count == graph.nodeCount)
            let pagerank = try graph.pagerank()
            for (id, value) in prpack {
                let node = try #require(network.index(of: id))
                #expect(abs(pagerank[node] - value) <= 1e-9, "pagerank of \(id): \(pagerank[node]) against PRPACK's \(value)")
            }
        }
        for name in refused {
            let measure = try #require(Measure(rawValue: name))
            #expect(throws: AnalysisError.self, "\(name) should not converge, as in NetworkX") {
                try graph.compute([measure], options: options)
            }
        }
    }
}
