import Foundation
import NetworkIO
import NetworkMetrics
import NetworkModel
import Testing
import TestSupport

/// Gould–Fernandez brokerage against R sna's `brokerage()` (Tests/Fixtures/reference/brokerage, written by
/// Scripts/reference/sna.R): counts exactly, expectations and z-scores within 1e-9.
@Suite struct BrokerageTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String, path: String, by: String
        var testDescription: String { "\(name) by \(by)" }
    }

    static let cases = [
        Case(name: "karate", path: Fixtures.dataset("karate"), by: "club"),
        Case(name: "davis", path: Fixtures.dataset("davis"), by: "kind"),
        Case(name: "gnp-strong", path: Fixtures.dataset("gnp-strong"), by: "group"),
        Case(name: "directed-components", path: Fixtures.dataset("directed-components"), by: "group"),
        Case(name: "mutuals-research", path: Fixtures.network("mutuals-research"), by: "kind"),
        // 9 of 45 stakeholders without a group: sna's brokerage of the network among the others.
        Case(name: "groups-missing", path: Fixtures.dataset("groups-missing"), by: "group"),
    ]

    @Test(arguments: cases)
    func matchesSna(_ testCase: Case) throws {
        let file = Fixtures.path("reference/brokerage/\(testCase.name).csv")
        let table = try CSVTable(text: String(contentsOfFile: file, encoding: .utf8), file: file)
        let network = try NetworkReader.read(testCase.path).network
        let grouping = try network.grouping(by: testCase.by)
        let result = try network.graph().brokerage(groupOf: grouping.groupOf)
        func cells(_ prefix: String, _ row: Int) -> [Double?] {
            Brokerage.Role.allCases.map { role in
                let column = table.header.firstIndex(of: prefix + role.name)!
                return Double(table.columns[column][row])
            }
        }
        func close(_ a: Double, _ b: Double) -> Bool { isClose(a, b, relative: 1e-9, absolute: 1e-12) }
        for row in 0 ..< table.rowCount {
            let id = table.columns[0][row]
            if id != "(network)", table.columns[1][row].isEmpty {
                // No group: no figures.
                let v = try #require(network.index(of: id))
                #expect(grouping.groupOf[v] == Grouping.noGroup)
                #expect(result.counts[v].allSatisfy(\.isNaN) && result.expected[v].allSatisfy(\.isNaN), "\(id)")
                continue
            }
            let counts = cells("", row).map { $0! }, expected = cells("expected_", row).map { $0! }
            let deviations = cells("sd_", row).map { $0! }, z = cells("z_", row)
            let (observed, mean, deviation): ([Double], [Double], [Double])
            if id == "(network)" {
                (observed, mean, deviation) = (result.totals, result.totalsExpected, result.totalsStandardDeviation)
            } else {
                let v = try #require(network.index(of: id))
                #expect(grouping.names[grouping.groupOf[v]] == table.columns[1][row])
                (observed, mean, deviation) = (result.counts[v], result.expected[v], result.standardDeviation[v])
            }
            #expect(observed == counts, "\(id)")
            #expect(zip(mean, expected).allSatisfy { close($0, $1) }, "\(id) expected")
            #expect(zip(deviation, deviations).allSatisfy { close($0, $1) }, "\(id) sd")
            for r in 0 ..< 6 {
                let ours = Brokerage.z(observed[r], mean[r], deviation[r])
                if let reference = z[r] { #expect(ours.map { close($0, reference) } == true, "\(id) z \(r)") } else { #expect(ours == nil, "\(id) z \(r)") }
            }
        }
    }

    @Test func handCheckedStar() throws {
        // a → b → c with groups x, y, z: b is a liaison once; add a → c and b brokers nothing.
        let stakeholders = [("a", "x"), ("b", "y"), ("c", "z")].map { Stakeholder(id: $0.0, sector: $0.1) }
        let path = StakeholderNetwork(name: "p", isDirected: true, stakeholders: stakeholders, ties: [Tie(source: 0, target: 1), Tie(source: 1, target: 2)])
        let grouping = try path.grouping(by: "sector")
        #expect(try path.graph().brokerage(groupOf: grouping.groupOf).counts[1] == [0, 0, 0, 0, 1, 1])
        let closed = StakeholderNetwork(name: "t", isDirected: true, stakeholders: stakeholders,
                                        ties: [Tie(source: 0, target: 1), Tie(source: 1, target: 2), Tie(source: 0, target: 2)])
        #expect(try closed.graph().brokerage(groupOf: grouping.groupOf).counts[1] == [0, 0, 0, 0, 0, 0])
        #expect(throws: UnknownAttributeError.self) { try path.grouping(by: "sectr") }
    }
}
