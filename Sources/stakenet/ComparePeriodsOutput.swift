import Foundation
import NetworkIO
import SectorComparison

/// `stakenet compare NETWORK --by ATTR --period A..B --period C..D` as a table, CSV and JSON.
struct PeriodComparisonText {
    let network: String
    let result: PeriodComparison
    let seed: UInt64

    func periodName(_ p: Int) -> String {
        let years = result.periods[p]
        return years.count == 1 ? String(years.lowerBound) : "\(years.lowerBound)-\(years.upperBound)"
    }

    static let method = "each period holds the ties active in it among all stakeholders (a group's members are the same in every period); "
        + "a change is tested against swapping each pair's ties between the two periods at random (two-sided permutation p-value); mean_reach is left out"

    var table: String {
        let r = result, G = r.groupNames.count
        var text = "Comparison of \(network) by \(r.attribute) over \(r.periods.count) periods (" + r.periods.indices.map { "\(periodName($0)): \(r.tieCounts[$0]) ties" }.joined(separator: ", ")
        text += r.permutations > 0 ? "), \(r.permutations) permutations (seed \(seed))\n" : "), no permutation tests\n"
        text += Self.method + "\n\n"
        let header = ["figure", "group"] + r.periods.indices.map(periodName) + r.periods.indices.dropLast().flatMap { ["change \(periodName($0))→\(periodName($0 + 1))", "p"] }
        var rows: [[String]] = []
        for m in r.measures.indices {
            for g in 0 ..< G {
                var row = [r.measures[m].name, r.groupNames[g]] + r.periods.indices.map { GroupComparisonText.number(r.values[$0][m * G + g]) }
                for p in r.periods.indices.dropLast() {
                    if let change = r.changes.first(where: { $0.measure == m && $0.group == g && $0.from == p }) {
                        row += [GroupComparisonText.number(change.change), change.p.map(GroupComparisonText.pCell) ?? "n/a"]
                    } else {
                        row += ["", ""]
                    }
                }
                rows.append(row)
            }
        }
        text += TextTable(header: header, rows: rows).rendered
        let significant = r.changes.filter { ($0.p ?? 1) < 0.05 }
        if r.permutations > 0 {
            text += "\nIn words\n"
            text += "Changes significant at 0.05:" + (significant.isEmpty ? " none.\n" : "\n" + significant.map { change in
                "  - \(r.measures[change.measure].name) of \(r.groupNames[change.group]) went \(change.change > 0 ? "up" : "down") by \(GroupComparisonText.number(abs(change.change))) "
                    + "from \(periodName(change.from)) to \(periodName(change.to)) (p = \(GroupComparisonText.pCell(change.p!)))."
            }.joined(separator: "\n") + "\n")
            let tested = r.changes.filter { $0.p != nil }.count
            if tested > 0 { text += String(format: "Of %d changes tested, about %.1f would pass at 0.05 by chance alone.\n", tested, Double(tested) * 0.05) }
        }
        return text
    }

    /// One row per period and group (`--rows groups`), or per change (`--rows differences`).
    func csv(rows kind: CompareRows) throws -> String {
        let r = result, G = r.groupNames.count
        switch kind {
        case .groups:
            return try CSVText.render(header: ["period", "group"] + r.measures.map(\.name), rows: r.periods.indices.flatMap { p in
                (0 ..< G).map { g in [periodName(p), r.groupNames[g]] + r.measures.indices.map { CSVText.number(r.values[p][$0 * G + g]) } }
            })
        case .differences:
            return try CSVText.render(header: ["measure", "group", "from", "to", "value_from", "value_to", "change", "p"], rows: r.changes.map { c in
                [r.measures[c.measure].name, r.groupNames[c.group], periodName(c.from), periodName(c.to),
                 CSVText.number(r.values[c.from][c.measure * G + c.group]), CSVText.number(r.values[c.to][c.measure * G + c.group]),
                 CSVText.number(c.change), c.p.map(CSVText.number) ?? ""]
            })
        }
    }

    struct Document: Encodable {
        struct Period: Encodable { let period: String; let ties: Int; let groups: [String: [String: Double?]] }
        struct Change: Encodable { let measure: String; let group: String; let from: String; let to: String; let change: Double?; let p: Double? }
        let network: String, attribute: String, method: String, permutations: Int, seed: UInt64
        let periods: [Period], changes: [Change]
    }

    func json() throws -> String {
        let r = result, G = r.groupNames.count
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        let periods = r.periods.indices.map { p in
            Document.Period(period: periodName(p), ties: r.tieCounts[p], groups: Dictionary(uniqueKeysWithValues: (0 ..< G).map { g in
                (r.groupNames[g], Dictionary(uniqueKeysWithValues: r.measures.indices.map { (r.measures[$0].name, finite(r.values[p][$0 * G + g])) }))
            }))
        }
        let changes = r.changes.map { Document.Change(measure: r.measures[$0.measure].name, group: r.groupNames[$0.group], from: periodName($0.from), to: periodName($0.to), change: finite($0.change), p: $0.p) }
        return try JSONOutput.encode(Document(network: network, attribute: r.attribute, method: Self.method, permutations: r.permutations, seed: seed, periods: periods, changes: changes))
    }
}
