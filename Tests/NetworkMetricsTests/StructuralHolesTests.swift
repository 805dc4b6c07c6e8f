import Foundation
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Burt's hierarchy has no offline reference implementation: these cases are worked by hand, the
/// working written beside each. (Constraint and effective size are checked against NetworkX in
/// MetricsReferenceTests.)
@Suite struct StructuralHolesTests {
    func holes(_ edges: [(String, String)], directed: Bool = false) throws -> (StructuralHoles, StakeholderNetwork) {
        let network = StakeholderNetwork(isDirected: directed, edges: edges)
        return (try network.graph().structuralHoles(), network)
    }

    @Test func evenlySpreadConstraintHasNoHierarchy() throws {
        // Ego with three unconnected contacts: p = 1/3 each, c_ij = (1/3)² = 1/9, C = 1/3.
        // Each c_ij equals the mean C/N = 1/9, so every r_j = 1 and ln 1 = 0: H = 0.
        let (result, network) = try holes([("ego", "a"), ("ego", "b"), ("ego", "c")])
        let ego = network.index(of: "ego")!
        #expect(isClose(result.constraint[ego], 1.0 / 3))
        #expect(result.hierarchy[ego] == 0)
        #expect(result.effectiveSize[ego] == 3 && result.efficiency[ego] == 1)
    }

    @Test func unevenConstraintWorkedByHand() throws {
        // ego–a, ego–b, a–b, b–x (undirected, unweighted).
        // p(ego,a) = p(ego,b) = 1/2; a's contacts {ego, b} so p(a,b) = 1/2; b's contacts {ego, a, x} so p(b,a) = 1/3.
        // c(ego,a) = (1/2 + p(ego,b)·p(b,a))² = (1/2 + 1/6)² = 4/9
        // c(ego,b) = (1/2 + p(ego,a)·p(a,b))² = (1/2 + 1/4)² = 9/16
        // C = 4/9 + 9/16 = 145/144; mean over N = 2 contacts: 145/288
        // r_a = (4/9)/(145/288) = 128/145, r_b = (9/16)/(145/288) = 162/145
        // H = (r_a ln r_a + r_b ln r_b) / (2 ln 2)
        // Effective size: each contact is redundant with the other by p · m = 1/2 · 1, so E = 2 − 1 = 1 (Borgatti: 2 − 2·1/2).
        let (result, network) = try holes([("ego", "a"), ("ego", "b"), ("a", "b"), ("b", "x")])
        let ego = network.index(of: "ego")!
        let ra = 128.0 / 145, rb = 162.0 / 145
        #expect(isClose(result.constraint[ego], 145.0 / 144))
        #expect(isClose(result.hierarchy[ego], (ra * log(ra) + rb * log(rb)) / (2 * log(2.0))))
        #expect(result.hierarchy[ego] > 0 && result.hierarchy[ego] < 0.01)
        #expect(isClose(result.effectiveSize[ego], 1) && isClose(result.efficiency[ego], 0.5))
    }

    @Test func oneContactAndNoContact() throws {
        // A single contact takes all of the ego's investment: c = 1², C = 1; hierarchy needs two contacts.
        var network = StakeholderNetwork(isDirected: false, edges: [("ego", "a")])
        network = StakeholderNetwork(name: "n", isDirected: false, stakeholders: network.stakeholders + [Stakeholder(id: "alone")], ties: network.ties)
        let result = try network.graph().structuralHoles()
        #expect(result.constraint[0] == 1 && result.hierarchy[0].isNaN && result.effectiveSize[0] == 1)
        let alone = network.index(of: "alone")!
        #expect(result.constraint[alone].isNaN && result.effectiveSize[alone].isNaN && result.hierarchy[alone].isNaN)
    }

    @Test func directionDoesNotMatterButStrengthDoes() throws {
        // Mutual strength a_ij + a_ji: a directed star scores as its undirected version.
        let (directed, _) = try holes([("ego", "a"), ("b", "ego"), ("ego", "c")], directed: true)
        let (undirected, _) = try holes([("ego", "a"), ("ego", "b"), ("ego", "c")])
        #expect(directed.constraint == undirected.constraint)
        // With strengths 3 and 1 to two unconnected contacts: p = 3/4 and 1/4, C = 9/16 + 1/16 = 5/8,
        // mean 5/16, r = 9/5 and 1/5: H = (9/5 ln 9/5 + 1/5 ln 1/5) / (2 ln 2).
        let stakeholders = ["ego", "a", "b"].map { Stakeholder(id: $0) }
        let network = StakeholderNetwork(name: "w", isDirected: false, stakeholders: stakeholders,
                                         ties: [Tie(source: 0, target: 1, weight: 3), Tie(source: 0, target: 2, weight: 1)])
        let weighted = try network.graph(selecting: GraphSelection(weighting: .strength)).structuralHoles()
        #expect(isClose(weighted.constraint[0], 5.0 / 8))
        #expect(isClose(weighted.hierarchy[0], (9.0 / 5 * log(9.0 / 5) + 1.0 / 5 * log(1.0 / 5)) / (2 * log(2.0))))
    }
}
