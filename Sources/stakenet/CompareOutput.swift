import Foundation
import NetworkIO
import SectorComparison

/// `stakenet compare NETWORK --by ATTR` as a table, CSV and JSON.
struct GroupComparisonText {
    let network: String
    let result: GroupComparison

    static func number(_ value: Double) -> String { value.isFinite ? String(format: "%.4g", value) : "n/a" }

    var table: String {
        let r = result
        var text = "Comparison of \(network) by \(r.attribute): \(r.groupNames.count) groups"
        text += r.settings.permutations > 0 ? ", \(r.settings.permutations) permutations" : ", no permutation tests"
        text += r.settings.bootstrap > 0 ? ", \(r.settings.bootstrap) bootstrap resamples" : ""
        text += " (seed \(r.settings.seed))\n\n"
        // Intervals and pairwise rows make wide, long tables: shown for up to `detailLimit` groups (CSV and JSON have all).
        let detailed = r.groupNames.count <= Self.detailLimit
        let header = ["figure"] + r.groupNames.indices.map { "\(r.groupNames[$0]) (\(r.sizes[$0]))" }
        text += TextTable(header: header, rows: r.measures.indices.map { m in
            [r.measures[m].name] + r.groupNames.indices.map { g in
                var cell = Self.number(r.values[m][g])
                if detailed, let interval = r.intervals[m][g] { cell += " [\(Self.number(interval.lower)), \(Self.number(interval.upper))]" }
                return cell
            }
        }).rendered
        text += detailed ? "\n[brackets]: bootstrap 95% interval of a figure that averages over members.\n"
            : "\nBootstrap intervals and pairwise differences: --format csv (--rows differences) or --format json.\n"
        let testedMeasures = r.measures.indices.filter { m in
            r.measures[m].isTested && (r.pairs.contains { $0.measure == m && $0.p != nil } || r.overall.contains { $0.measure == m && $0.p != nil })
        }
        if !testedMeasures.isEmpty {
            text += "\nDifferences (two-sided permutation p-values; significant: p < 0.05)\n"
            var rows: [[String]] = []
            for m in testedMeasures {
                if let test = r.overall.first(where: { $0.measure == m }) {
                    rows.append([r.measures[m].name, "all \(r.comparedGroups) groups", "spread \(Self.number(test.statistic))", test.p.map(Self.pCell) ?? "n/a", Self.verdict(test.p)])
                }
                for pair in r.pairs where pair.measure == m && detailed {
                    rows.append([r.measures[m].name, "\(r.groupNames[pair.first]) - \(r.groupNames[pair.second])", Self.number(pair.difference),
                                 pair.p.map(Self.pCell) ?? "n/a", Self.verdict(pair.p)])
                }
            }
            text += TextTable(header: ["figure", "compared", "difference", "p", "at 0.05"], rows: rows).rendered
        }
        let findings = r.findings()
        if r.settings.permutations > 0 && !findings.isEmpty {
            let significant = findings.filter(\.significant), not = findings.filter { $0.tested && !$0.significant }
            let untested = findings.filter { !$0.tested }
            text += "\nIn words\n"
            text += "Significant at 0.05:" + (significant.isEmpty ? " none.\n" : "\n" + significant.map { "  - " + $0.sentence }.joined(separator: "\n") + "\n")
            text += "Not significant: " + (not.isEmpty ? "none.\n" : not.map(\.measure).joined(separator: ", ") + ".\n")
            if !untested.isEmpty { text += "Not tested (undefined for some group): " + untested.map(\.measure).joined(separator: ", ") + ".\n" }
            if let note = r.multipleTestingNote() { text += note + "\n" }
        }
        return text
    }

    static let detailLimit = 4

    static func pCell(_ p: Double) -> String { GroupComparison.pValue(p) }
    static func verdict(_ p: Double?) -> String { p.map { $0 < 0.05 ? "significant" : "not significant" } ?? "not tested" }

    /// One row per group: every figure, and the interval's ends for figures that have one.
    func groupsCSV() throws -> String {
        let r = result
        var header = ["group"]
        for measure in r.measures {
            header.append(measure.name)
            if measure.hasInterval { header += [measure.name + "_low", measure.name + "_high"] }
        }
        let rows = r.groupNames.indices.map { g -> [String] in
            var row = [r.groupNames[g]]
            for m in r.measures.indices {
                row.append(r.measures[m].isCount ? String(Int(r.values[m][g])) : CSVText.number(r.values[m][g]))
                if r.measures[m].hasInterval {
                    row += [r.intervals[m][g].map { CSVText.number($0.lower) } ?? "", r.intervals[m][g].map { CSVText.number($0.upper) } ?? ""]
                }
            }
            return row
        }
        return try CSVText.render(header: header, rows: rows)
    }

    /// One row per tested difference: pairs, and the overall test (second group `(all)`) when there are more than two.
    func differencesCSV() throws -> String {
        let r = result
        var rows: [[String]] = []
        for m in r.measures.indices where r.measures[m].isTested {
            for pair in r.pairs where pair.measure == m {
                rows.append([r.measures[m].name, r.groupNames[pair.first], r.groupNames[pair.second], CSVText.number(pair.difference),
                             pair.p.map(CSVText.number) ?? "", pair.p.map { $0 < 0.05 ? "true" : "false" } ?? "", String(pair.permutationsUsed)])
            }
            if let test = r.overall.first(where: { $0.measure == m }) {
                rows.append([r.measures[m].name, "(all)", "(all)", CSVText.number(test.statistic), test.p.map(CSVText.number) ?? "",
                             test.p.map { $0 < 0.05 ? "true" : "false" } ?? "", String(test.permutationsUsed)])
            }
        }
        return try CSVText.render(header: ["measure", "group", "other_group", "difference", "p", "significant", "permutations"], rows: rows)
    }
}

/// `stakenet compare NETWORK --by ATTR --format json`.
struct GroupComparisonDocument: Encodable {
    struct Group: Encodable {
        let name: String, stakeholders: Int, values: [String: Double?], intervals: [String: [Double]]
    }
    struct Difference: Encodable {
        let measure: String, group: String, other_group: String, difference: Double?, p: Double?, significant: Bool?, permutations: Int
    }
    struct Overall: Encodable {
        let measure: String, spread: Double?, p: Double?, significant: Bool?, permutations: Int
    }
    let network: String, by: String, permutations: Int, bootstrap: Int, seed: UInt64
    let measures: [String], groups: [Group], differences: [Difference], overall: [Overall], findings: [String], notes: [String]

    init(network: String, result r: GroupComparison) {
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        self.network = network
        by = r.attribute
        permutations = r.settings.permutations
        bootstrap = r.settings.bootstrap
        seed = r.settings.seed
        measures = r.measures.map(\.name)
        groups = r.groupNames.indices.map { g in
            Group(name: r.groupNames[g], stakeholders: r.sizes[g],
                  values: Dictionary(uniqueKeysWithValues: r.measures.indices.map { (r.measures[$0].name, finite(r.values[$0][g])) }),
                  intervals: Dictionary(uniqueKeysWithValues: r.measures.indices.compactMap { m in r.intervals[m][g].map { (r.measures[m].name, [$0.lower, $0.upper]) } }))
        }
        differences = r.pairs.map { pair in
            Difference(measure: r.measures[pair.measure].name, group: r.groupNames[pair.first], other_group: r.groupNames[pair.second],
                       difference: finite(pair.difference), p: pair.p, significant: pair.p.map { $0 < 0.05 }, permutations: pair.permutationsUsed)
        }
        overall = r.overall.map { test in
            Overall(measure: r.measures[test.measure].name, spread: finite(test.statistic), p: test.p, significant: test.p.map { $0 < 0.05 }, permutations: test.permutationsUsed)
        }
        findings = r.findings().map(\.sentence)
        notes = r.notes
    }
}

/// `stakenet compare A B …` as a table, CSV and JSON.
struct NetworkComparisonText {
    let names: [String]
    let results: [NetworkComparison]
    let replicates: Int
    let seed: UInt64

    var statistics: [NetworkComparison.Statistic] { results.first?.figures.map(\.statistic) ?? [] }

    var table: String {
        var text = "Whole-network comparison of \(names.count) networks; each against \(replicates) random networks of the same size and density, and \(replicates) rewirings keeping every stakeholder's ties (seed \(seed))\n\n"
        text += TextTable(header: ["figure"] + names, rows: statistics.enumerated().map { s, statistic in
            [statistic.rawValue] + results.map { GroupComparisonText.number($0.figures[s].observed) }
        }).rendered
        for (name, result) in zip(names, results) {
            text += "\n\(name)\n"
            text += TextTable(header: ["figure", "value", "random: mean", "z", "p>=", "p<=", "rewired: mean", "z", "p>=", "p<="],
                              rows: result.figures.map { figure in
                                  [figure.statistic.rawValue, GroupComparisonText.number(figure.observed)] + Self.cells(figure.sameDensity) + Self.cells(figure.sameDegrees)
                              }).rendered
            let findings = result.findings()
            if !findings.isEmpty { text += findings.map { "  - " + $0.sentence }.joined(separator: "\n") + "\n" }
        }
        text += "\nz: how many standard deviations the figure lies from the random networks' mean (n/a where the null model fixes it);\n"
        text += "p>= and p<=: share of random networks with a figure at least / at most as large (as R sna's cug.test).\n"
        return text
    }

    static func cells(_ null: NetworkComparison.NullSummary?) -> [String] {
        guard let null else { return ["n/a", "n/a", "n/a", "n/a"] }
        return [GroupComparisonText.number(null.mean), null.z.map { String(format: "%.2f", $0) } ?? "n/a",
                String(format: "%.3f", null.pGreaterOrEqual), String(format: "%.3f", null.pLessOrEqual)]
    }

    func csv() throws -> String {
        var rows: [[String]] = []
        for (name, result) in zip(names, results) {
            for figure in result.figures {
                let value = figure.statistic.isCount && figure.observed.isFinite ? String(Int(figure.observed)) : CSVText.number(figure.observed)
                var row = [name, figure.statistic.rawValue, value]
                for null in [figure.sameDensity, figure.sameDegrees] {
                    if let null {
                        row += [CSVText.number(null.mean), CSVText.number(null.standardDeviation), null.z.map(CSVText.number) ?? "",
                                CSVText.number(null.pGreaterOrEqual), CSVText.number(null.pLessOrEqual)]
                    } else {
                        row += ["", "", "", "", ""]
                    }
                }
                rows.append(row)
            }
        }
        var header = ["network", "statistic", "value"]
        for prefix in ["random", "rewired"] { header += ["mean", "sd", "z", "p_greater_or_equal", "p_less_or_equal"].map { "\(prefix)_\($0)" } }
        return try CSVText.render(header: header, rows: rows)
    }
}

/// `stakenet compare A B … --format json`.
struct NetworkComparisonDocument: Encodable {
    struct Null: Encodable {
        let replicates: Int, mean: Double, standard_deviation: Double, z: Double?, p_greater_or_equal: Double, p_less_or_equal: Double
        init(_ n: NetworkComparison.NullSummary) {
            replicates = n.replicates; mean = n.mean; standard_deviation = n.standardDeviation; z = n.z
            p_greater_or_equal = n.pGreaterOrEqual; p_less_or_equal = n.pLessOrEqual
        }
    }
    struct Figure: Encodable {
        let statistic: String, value: Double?, random: Null?, rewired: Null?
    }
    struct Network: Encodable {
        let name: String, directed: Bool, figures: [Figure], findings: [String]
    }
    let seed: UInt64
    let networks: [Network]

    init(names: [String], results: [NetworkComparison], seed: UInt64) {
        self.seed = seed
        networks = zip(names, results).map { name, result in
            Network(name: name, directed: result.isDirected, figures: result.figures.map {
                Figure(statistic: $0.statistic.rawValue, value: $0.observed.isFinite ? $0.observed : nil,
                       random: $0.sameDensity.map(Null.init), rewired: $0.sameDegrees.map(Null.init))
            }, findings: result.findings().map(\.sentence))
        }
    }
}
