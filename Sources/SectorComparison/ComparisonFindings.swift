import Foundation

/// A comparison's results said in words, for people who do not read p-values for a living.
public struct ComparisonFinding: Sendable, Equatable {
    public let measure: String
    /// Whether the difference is significant at the level asked for.
    public let significant: Bool
    public let sentence: String
    /// Whether there was a test (no permutations, or a figure undefined for some group, leave it untested).
    public let tested: Bool

    public init(measure: String, significant: Bool, sentence: String, tested: Bool = true) {
        self.measure = measure
        self.significant = significant
        self.sentence = sentence
        self.tested = tested
    }
}

extension GroupComparison {
    /// One finding per tested figure: with two groups, whether they differ; with more, whether the groups
    /// differ overall and which pairs do. Figures without a p-value (no permutations, or undefined for a group)
    /// are said to be untested.
    public func findings(level: Double = 0.05) -> [ComparisonFinding] {
        measures.indices.filter { measures[$0].isTested }.map { m in
            let name = measures[m].name
            let described = (0 ..< comparedGroups).map { "\(groupNames[$0]) \(Self.brief(values[m][$0]))" }.joined(separator: ", ")
            if comparedGroups > 2, let test = overall.first(where: { $0.measure == m }) {
                guard let p = test.p else { return ComparisonFinding(measure: name, significant: false, sentence: "\(name): not tested (\(described)).", tested: false) }
                let pairsFound = pairs.filter { $0.measure == m && ($0.p ?? 1) < level }.map { pair in
                    let (high, low) = pair.difference > 0 ? (pair.first, pair.second) : (pair.second, pair.first)
                    return "\(groupNames[high]) above \(groupNames[low]) (\(Self.pText(pair.p!)))"
                }
                if p < level {
                    let detail = pairsFound.isEmpty ? "" : "; pairs that differ: " + pairsFound.joined(separator: ", ")
                    return ComparisonFinding(measure: name, significant: true,
                                             sentence: "\(name) differs between the groups (\(Self.pText(p)), significant at \(level))\(detail). Values: \(described).")
                }
                return ComparisonFinding(measure: name, significant: false,
                                         sentence: "\(name): no significant difference between the groups (\(Self.pText(p))). Values: \(described).")
            }
            guard let pair = pairs.first(where: { $0.measure == m }), let p = pair.p else {
                return ComparisonFinding(measure: name, significant: false, sentence: "\(name): not tested (\(described)).", tested: false)
            }
            let (high, low) = pair.difference >= 0 ? (pair.first, pair.second) : (pair.second, pair.first)
            if p < level {
                return ComparisonFinding(measure: name, significant: true,
                                         sentence: "\(name) is higher for \(groupNames[high]) (\(Self.brief(values[m][high]))) than for \(groupNames[low]) (\(Self.brief(values[m][low]))): \(Self.pText(p)), significant at \(level).")
            }
            return ComparisonFinding(measure: name, significant: false,
                                     sentence: "\(name): no significant difference (\(described); \(Self.pText(p))).")
        }
    }

    /// A caution about many tests at once: how many would pass by chance alone if the groups did not differ.
    public func multipleTestingNote(level: Double = 0.05) -> String? {
        let tests = findings(level: level).filter(\.tested).count
        guard tests > 1 else { return nil }
        return String(format: "With %d figures tested at the %g level, about %.1f would pass by chance alone even if the groups did not differ: read single borderline results with care.",
                      tests, level, Double(tests) * level)
    }

    /// A number to three significant digits, or n/a.
    public static func brief(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if value == value.rounded() && abs(value) < 1e9 { return String(Int(value)) }
        return String(format: "%.3g", value)
    }

    /// "p = 0.0124", "p = 0.312" or "p < 0.001".
    static func pText(_ p: Double) -> String { p < 0.001 ? "p < 0.001" : "p = " + pValue(p) }

    /// A p-value in four decimals (three above 0.1), with more where rounding would carry it onto 0.05 or
    /// 0.01 from below, so that the digits never contradict the verdict.
    public static func pValue(_ p: Double) -> String {
        var decimals = p < 0.1 ? 4 : 3
        while decimals < 8 {
            let text = String(format: "%.\(decimals)f", p)
            let shown = Double(text)!
            if !([0.05, 0.01].contains { p < $0 && shown >= $0 }) { return text }
            decimals += 1
        }
        return String(p)
    }
}

extension NetworkComparison {
    /// Findings for one network: each figure that stands out from random networks of the same size and
    /// density (two-sided, at `level`), and from rewirings with the same degrees.
    public func findings(level: Double = 0.05) -> [ComparisonFinding] {
        figures.compactMap { figure in
            guard let null = figure.sameDensity, null.z != nil else { return nil }
            let name = figure.statistic.rawValue
            let high = null.pGreaterOrEqual < level / 2, low = null.pLessOrEqual < level / 2
            var sentence: String
            if high || low {
                sentence = "\(name) \(GroupComparison.brief(figure.observed)) is \(high ? "higher" : "lower") than in random networks of the same size and density (mean \(GroupComparison.brief(null.mean)), \(GroupComparison.pText(2 * min(null.pGreaterOrEqual, null.pLessOrEqual))))"
            } else {
                sentence = "\(name) \(GroupComparison.brief(figure.observed)) is what random networks of the same size and density give (mean \(GroupComparison.brief(null.mean)))"
            }
            if let degrees = figure.sameDegrees, degrees.z != nil {
                let dHigh = degrees.pGreaterOrEqual < level / 2, dLow = degrees.pLessOrEqual < level / 2
                sentence += dHigh || dLow ? "; \(dHigh ? "higher" : "lower") than the same stakeholders' ties rewired at random would give"
                    : "; rewiring the same ties at random gives as much"
            }
            return ComparisonFinding(measure: name, significant: high || low, sentence: sentence + ".")
        }
    }
}
