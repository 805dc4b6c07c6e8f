import NetworkModel

/// A subset of stakeholders by their properties (`--where`): conditions joined by `;` (all must hold), each
/// `property=value[,value…]` (any of the values), `property!=value[,value…]` (none of them), or a comparison
/// of numbers (`founded>=2000`, `<`, `<=`, `>`). Properties are named as everywhere (any case, role or
/// header); values compare as groups do (case and surrounding spaces aside). A stakeholder without a value
/// for a property meets no condition on it (missing values are missing). The subset keeps the ties among
/// the stakeholders it keeps.
public struct StakeholderFilter: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public struct Condition: Sendable, Equatable {
        public let property: String
        public let comparison: Comparison
        public let values: [String]
    }

    public let conditions: [Condition]
    /// The text as given, for messages and provenance.
    public let text: String

    /// - Throws: `StakeholderFilterError` for a condition without a comparison, property or value, or a
    ///   comparison of something that is not a number.
    public init(_ text: String) throws {
        self.text = text
        var conditions: [Condition] = []
        for piece in text.split(separator: ";") {
            let part = String(piece).trimmingSpaces
            if part.isEmpty { continue }
            guard let (comparison, range) = Self.firstOperator(in: part) else {
                throw StakeholderFilterError(message: "--where: '\(part)' compares nothing; write property=value, property!=value or property>=number")
            }
            let property = String(part[..<range.lowerBound]).trimmingSpaces
            let rest = String(part[range.upperBound...]).trimmingSpaces
            let values = rest.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !property.isEmpty, !values.isEmpty else {
                throw StakeholderFilterError(message: "--where: '\(part)' needs a property and a value, as in kind=spin-out")
            }
            if ![Comparison.equal, .notEqual].contains(comparison) {
                guard values.count == 1, Double(values[0]) != nil else {
                    throw StakeholderFilterError(message: "--where: '\(part)' compares with \(comparison.rawValue), which needs one number, not '\(rest)'")
                }
            }
            conditions.append(Condition(property: property, comparison: comparison, values: values))
        }
        guard !conditions.isEmpty else { throw StakeholderFilterError(message: "--where names no condition") }
        self.conditions = conditions
    }

    /// The comparison that comes first in a condition (the longer of two starting at the same place, so
    /// that `>=` is not read as `>`).
    static func firstOperator(in part: String) -> (Comparison, Range<String.Index>)? {
        var best: (Comparison, Range<String.Index>)?
        for comparison in Comparison.allCases {
            guard let range = part.range(of: comparison.rawValue) else { continue }
            if let current = best {
                let earlier = range.lowerBound < current.1.lowerBound
                let longer = range.lowerBound == current.1.lowerBound && comparison.rawValue.count > current.0.rawValue.count
                if !earlier && !longer { continue }
            }
            best = (comparison, range)
        }
        return best
    }

    /// The stakeholders meeting every condition, in network order.
    /// - Throws: `StakeholderFilterError` for a property no stakeholder has, or a value of `=` no stakeholder
    ///   has (with a did-you-mean), or a subset without stakeholders.
    public func matching(_ network: StakeholderNetwork) throws -> [Int] {
        var keep = [Bool](repeating: true, count: network.stakeholderCount)
        for condition in conditions {
            guard let property = network.property(named: condition.property),
                  network.stakeholders.contains(where: { !$0.value(of: property).isMissing }) else {
                let known = network.stakeholderProperties
                let hint = ClosestMatch.suggestion(for: condition.property, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw StakeholderFilterError(message: "--where: no stakeholder has a value for '\(condition.property)'; \(hint)properties: \(known.joined(separator: ", "))")
            }
            let values = network.stakeholders.map { $0.value(of: property) }
            // Kinds are also named by their loose spellings (`spin out`, `Trade union`).
            let conditionValues = property == "kind" ? condition.values.map { StakeholderKind(parsing: $0).name } : condition.values
            if condition.comparison == .equal || condition.comparison == .notEqual {
                let present = Set(values.compactMap { $0.text }.map { Grouping.foldedKey($0) })
                for value in conditionValues where !present.contains(Grouping.foldedKey(value)) && condition.comparison == .equal {
                    let spelled = Array(Set(values.compactMap(\.text))).sorted()
                    let hint = ClosestMatch.suggestion(for: value, among: spelled).map { "did you mean '\($0)'? " } ?? ""
                    throw StakeholderFilterError(message: "--where: no stakeholder has \(property) '\(value)'; \(hint)values: \(spelled.prefix(20).joined(separator: ", "))\(spelled.count > 20 ? ", …" : "")")
                }
                let wanted = Set(conditionValues.map { Grouping.foldedKey($0) })
                for v in keep.indices where keep[v] {
                    guard let text = values[v].text else { keep[v] = false; continue }
                    let hit = wanted.contains(Grouping.foldedKey(text))
                    keep[v] = condition.comparison == .equal ? hit : !hit
                }
            } else {
                let bound = Double(condition.values[0])!
                for v in keep.indices where keep[v] {
                    guard let number = values[v].numericValue ?? values[v].text.flatMap({ Double($0.trimmingSpaces) }) else { keep[v] = false; continue }
                    switch condition.comparison {
                    case .less: keep[v] = number < bound
                    case .lessOrEqual: keep[v] = number <= bound
                    case .greater: keep[v] = number > bound
                    default: keep[v] = number >= bound
                    }
                }
            }
        }
        let kept = keep.indices.filter { keep[$0] }
        guard !kept.isEmpty else { throw StakeholderFilterError(message: "--where \(text) keeps none of the \(network.stakeholderCount) stakeholders of \(network.name)") }
        return kept
    }

    /// The network of the stakeholders meeting every condition and the ties among them, named for it.
    public func apply(to network: StakeholderNetwork) throws -> StakeholderNetwork {
        let kept = try matching(network)
        return network.subnetwork(keeping: kept, name: "\(network.name) (where \(text))")
    }
}

/// A `--where` that cannot be read or applied.
public struct StakeholderFilterError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
