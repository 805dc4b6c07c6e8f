/// A division of a network's stakeholders into groups by the value of one property (`sector`, `kind`, …).
///
/// **Missing values are missing** (DESIGN.md): a stakeholder without a value for the property belongs to no
/// group (`groupOf[v] == Grouping.noGroup`), unless the grouping was made with `missingAsGroup`, which
/// puts them in a group of their own named `missingName`.
public struct Grouping: Sendable, Equatable {
    /// The property grouped by.
    public let attribute: String
    /// Group names, sorted (with `missingAsGroup`, `missingName` last).
    public let names: [String]
    /// `groupOf[v]`: index into `names` of stakeholder v's group, or `noGroup`.
    public let groupOf: [Int]

    public static let missingName = "(none)"
    /// The group of a stakeholder without a value.
    public static let noGroup = -1

    public init(attribute: String, names: [String], groupOf: [Int]) {
        precondition(groupOf.allSatisfy { $0 == Grouping.noGroup || (0 ..< names.count).contains($0) })
        self.attribute = attribute
        self.names = names
        self.groupOf = groupOf
    }

    public var count: Int { names.count }

    /// The group name of stakeholder v, `nil` when it has no group.
    public func name(of v: Int) -> String? { groupOf[v] == Grouping.noGroup ? nil : names[groupOf[v]] }

    /// Stakeholders of each group, in network order (those without a group in none).
    public var members: [[Int]] {
        var result = [[Int]](repeating: [], count: names.count)
        for (v, g) in groupOf.enumerated() where g != Grouping.noGroup { result[g].append(v) }
        return result
    }

    /// Stakeholders without a group.
    public var ungrouped: [Int] { groupOf.indices.filter { groupOf[$0] == Grouping.noGroup } }

    /// Whether every stakeholder is in a group.
    public var isComplete: Bool { !groupOf.contains(Grouping.noGroup) }
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

    /// Groups stakeholders by a property's value (list values joined with `|`). Those without one are in no
    /// group, or, with `missingAsGroup`, in the group `(none)`.
    /// - Throws: `UnknownAttributeError` when no stakeholder has the property.
    public func grouping(by attribute: String, missingAsGroup: Bool = false) throws -> Grouping {
        let values = stakeholders.map { $0.value(of: attribute).text }
        guard values.contains(where: { $0 != nil }) else {
            throw UnknownAttributeError(attribute: attribute, known: stakeholderProperties)
        }
        var names = Array(Set(values.compactMap { $0 })).sorted()
        if missingAsGroup && values.contains(where: { $0 == nil }) { names.append(Grouping.missingName) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return Grouping(attribute: attribute, names: names, groupOf: values.map { value in
            value.map { index[$0]! } ?? (missingAsGroup ? names.count - 1 : Grouping.noGroup)
        })
    }
}
