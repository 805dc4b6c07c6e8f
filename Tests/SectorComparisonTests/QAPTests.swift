import Foundation
import NetworkIO
import NetworkModel
import SectorComparison
import Testing
import TestSupport

/// QAP correlation and MRQAP against R sna's `gcor`, `qaptest` and `netlm(nullhyp = "qapspp")`
/// (Tests/Fixtures/reference/qap.json, written by Scripts/reference/sna.R) on generated multiplex networks.
@Suite struct QAPTests {
    static func layers(_ name: String) throws -> [String: DyadLayer] {
        let network = try NetworkReader.read(Fixtures.path("reference/multiplex/\(name)")).network
        var result: [String: DyadLayer] = [:]
        for kind in ["collaboration", "support", "funding"] {
            let graph = try network.graph(selecting: GraphSelection(tieKinds: [TieKind(parsing: kind)]))
            result[kind] = DyadLayer(name: kind, graph: graph.unweighted())
        }
        return result
    }

    /// Monte Carlo allowance for two p-values each from `replicates` draws: 4 standard deviations.
    static func allowed(_ a: Double, _ b: Double, replicates: Double) -> Double {
        let p = max((a + b) / 2, 1 / replicates)
        return 4 * (2 * p * (1 - p) / replicates).squareRoot() + 1e-9
    }

    @Test(arguments: ["multiplex-directed", "multiplex-undirected"])
    func correlationMatchesSna(_ name: String) throws {
        let reference = try Fixtures.referenceJSON("qap.json")[name] as! [String: Any]
        let layers = try Self.layers(name)
        let result = try QAPCorrelation.test(layers["funding"]!, layers["collaboration"]!, permutations: 2000, seed: 3, threads: 2)
        #expect(isClose(result.correlation, reference["gcor_funding_collaboration"] as! Double, relative: 1e-12))
        let test = reference["qaptest"] as! [String: Double]
        #expect(abs(result.pGreaterOrEqual - test["p_greater_or_equal"]!) <= Self.allowed(result.pGreaterOrEqual, test["p_greater_or_equal"]!, replicates: 2000))
        #expect(abs(result.pLessOrEqual - test["p_less_or_equal"]!) <= Self.allowed(result.pLessOrEqual, test["p_less_or_equal"]!, replicates: 2000))
        let single = try QAPCorrelation.test(layers["funding"]!, layers["collaboration"]!, permutations: 2000, seed: 3, threads: 1)
        #expect(single.pGreaterOrEqual == result.pGreaterOrEqual && single.nullMean == result.nullMean)
    }

    @Test(arguments: ["multiplex-directed", "multiplex-undirected"])
    func regressionMatchesSna(_ name: String) throws {
        let reference = try Fixtures.referenceJSON("qap.json")[name] as! [String: Any]
        let netlm = reference["netlm"] as! [String: Any]
        let layers = try Self.layers(name)
        let fit = try MRQAP.fit(dependent: layers["collaboration"]!, independents: [layers["support"]!, layers["funding"]!],
                                permutations: 1000, seed: 5, threads: 2)
        #expect(fit.observations == netlm["observations"] as! Int)
        #expect(isClose(fit.rSquared, netlm["r_squared"] as! Double, relative: 1e-9))
        let coefficients = netlm["coefficients"] as! [Double], t = netlm["t"] as! [Double]
        for k in 0 ..< 3 {
            #expect(isClose(fit.coefficients[k].estimate, coefficients[k], relative: 1e-9), "\(name) coefficient \(k)")
            #expect(isClose(fit.coefficients[k].t, t[k], relative: 1e-9), "\(name) t \(k)")
            for (ours, key) in [(fit.coefficients[k].pGreaterOrEqual, "p_greater_or_equal"), (fit.coefficients[k].pLessOrEqual, "p_less_or_equal"),
                                (fit.coefficients[k].pAbsolute, "p_absolute")] {
                let theirs = (netlm[key] as! [Double])[k]
                #expect(abs(ours - theirs) <= Self.allowed(ours, theirs, replicates: 1000), "\(name) \(key) \(k): \(ours) vs sna \(theirs)")
            }
        }
        #expect(fit.coefficients.map(\.name) == ["(intercept)", "support", "funding"])
    }

    /// A layer regressed on itself and a copy is collinear; a layer without ties has no correlation.
    @Test func refusesDegenerateLayers() throws {
        let layers = try Self.layers("multiplex-undirected")
        #expect(throws: QAPError.self) { try MRQAP.fit(dependent: layers["collaboration"]!, independents: [layers["support"]!, layers["support"]!], permutations: 10) }
        let empty = DyadLayer(name: "none", nodeCount: 30, isDirected: false, values: [Double](repeating: 0, count: 435))
        #expect(throws: QAPError.self) { try QAPCorrelation.test(empty, layers["support"]!, permutations: 10) }
    }

    /// A permuted layer is the original with its stakeholders relabelled: dyad (i, j) takes (π(i), π(j)).
    @Test(arguments: [false, true])
    func dyadIndexing(_ directed: Bool) {
        let n = 5
        var seen = Set<Int>()
        for i in 0 ..< n { for j in 0 ..< n where i != j && (directed || i > j) { seen.insert(DyadLayer.index(i, j, n, directed: directed)) } }
        #expect(seen == Set(0 ..< DyadLayer.dyadCount(n, directed: directed)))
        if !directed { #expect(DyadLayer.index(1, 3, n, directed: false) == DyadLayer.index(3, 1, n, directed: false)) }
    }
}
