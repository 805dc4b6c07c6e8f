/// A division of a network's stakeholders into groups by the value of one property (`sector`, `kind`, …).
public struct Grouping: Sendable, Equatable {
    /// The property grouped by.
    public let attribute: String
    /// Group names, sorted, with stakeholders lacking a value grouped last under `missingName`.
    public let names: [String]
    /// `groupOf[v]`: index into `names` of stakeholder v's group.
    public let groupOf: [Int]

    public static let missingName = "(none)"

    public init(attribute: String, names: [String], groupOf: [Int]) {
        self.attribute = attribute
        self.names = names
        self.groupOf = groupOf
    }

    public var count: Int { names.count }

    /// Stakeholders of each group, in network order.
    public var members: [[Int]] {
        var result = [[Int]](repeating: [], count: names.count)
        for (v, g) in groupOf.enumerated() { result[g].append(v) }
        return result
    }
}

/// A property no stakeholder has.
public struct UnknownAttributeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let attribute: String
    public let known: [String]

    public var description: String {
        "no stakeholder has a value for '\(attribute)'; properties in this network: \(known.joined(separator: ", "))"
    }
}

extension StakeholderNetwork {
    /// The properties stakeholders can be grouped or styled by: `id`, `label`, `kind`, `sector` and every
    /// free attribute some stakeholder has, in that order (free attributes sorted).
    public var stakeholderProperties: [String] {
        var free = Set<String>()
        for stakeholder in stakeholders { free.formUnion(stakeholder.attributes.keys) }
        return ["id", "label", "kind", "sector"] + free.sorted()
    }

    /// Groups stakeholders by a property's value (list values joined with `|`); those without one form
    /// the group `(none)`. - Throws: `UnknownAttributeError` when no stakeholder has the property.
    public func grouping(by attribute: String) throws -> Grouping {
        let values = stakeholders.map { $0.value(of: attribute).text }
        guard values.contains(where: { $0 != nil }) else {
            throw UnknownAttributeError(attribute: attribute, known: stakeholderProperties)
        }
        var names = Array(Set(values.compactMap { $0 })).sorted()
        if values.contains(where: { $0 == nil }) { names.append(Grouping.missingName) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return Grouping(attribute: attribute, names: names, groupOf: values.map { index[$0 ?? Grouping.missingName]! })
    }
}
