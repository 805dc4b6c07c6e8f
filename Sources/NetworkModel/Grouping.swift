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

    /// Spellings read as one group because they differ only in case or surrounding spaces (`State`,
    /// `state `): for each such group, its name and the other spellings seen.
    public let spellings: [(group: String, others: [String])]
    /// Whether the property holds numbers (a numeric column used as categories).
    public let isNumeric: Bool

    public init(attribute: String, names: [String], groupOf: [Int], spellings: [(group: String, others: [String])] = [], isNumeric: Bool = false) {
        precondition(groupOf.allSatisfy { $0 == Grouping.noGroup || (0 ..< names.count).contains($0) })
        self.attribute = attribute
        self.names = names
        self.groupOf = groupOf
        self.spellings = spellings
        self.isNumeric = isNumeric
    }

    public static func == (a: Grouping, b: Grouping) -> Bool {
        a.attribute == b.attribute && a.names == b.names && a.groupOf == b.groupOf
    }

    /// The index of a group named `name`, compared as group names are (case and surrounding spaces aside).
    public func index(of name: String) -> Int? {
        names.firstIndex(of: name) ?? names.firstIndex { Grouping.key($0) == Grouping.key(name) }
    }

    /// How values are compared when grouping: trimmed, in lower case.
    static func key(_ value: String) -> String { value.trimmingSpaces.lowercased() }

    /// The same, for readers that unify spellings.
    public static func foldedKey(_ value: String) -> String { key(value) }

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
    /// The closest property name, when one is near enough to be a typo.
    public var suggestion: String?

    public init(attribute: String, known: [String], suggestion: String? = nil) {
        self.attribute = attribute
        self.known = known
        self.suggestion = suggestion
    }

    public var description: String {
        "no stakeholder has a value for '\(attribute)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
            + "; properties in this network: \(known.joined(separator: ", "))"
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

    /// The property a user's name means: a free attribute by its name in any case (spaces, `_` and `-`
    /// alike), or a role by its name or one of its header synonyms (`type` or `category` for `kind`, `name`
    /// for `label`, `node` for `id`), checked in that order. `nil` when no property fits.
    public func property(named name: String) -> String? {
        let free = Set(stakeholders.flatMap(\.attributes.keys))
        if free.contains(name) || ["id", "label", "kind", "sector"].contains(name) { return name }
        let wanted = Self.normalisedName(name)
        if let match = free.sorted().first(where: { Self.normalisedName($0) == wanted }) { return match }
        let roles: [(String, [String])] = [("id", ["id", "node", "node id", "key"]), ("label", ["label", "name"]),
                                           ("kind", ["kind", "type", "node type", "category"]), ("sector", ["sector"])]
        return roles.first { $0.1.contains(wanted) }?.0
    }

    /// The tie attribute a user's name means: by its name in any case (spaces, `_` and `-` alike); `nil` when none fits.
    public func tieProperty(named name: String) -> String? {
        let free = Set(ties.flatMap(\.attributes.keys))
        if free.contains(name) { return name }
        let wanted = Self.normalisedName(name)
        return free.sorted().first { Self.normalisedName($0) == wanted }
    }

    /// Lower case, with `_`, `-` and runs of spaces as one space, as headers are compared.
    static func normalisedName(_ name: String) -> String {
        name.trimmingSpaces.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: " ")
    }

    /// Groups stakeholders by a property's value (list values joined with `|`), the property named as
    /// `property(named:)` finds it. Values that differ only in case or surrounding spaces are one group,
    /// named by their most common spelling (`spellings` lists the others). Stakeholders without a value
    /// are in no group, or, with `missingAsGroup`, in the group `(none)`.
    /// - Throws: `UnknownAttributeError` (with a did-you-mean) when no stakeholder has the property.
    public func grouping(by attribute: String, missingAsGroup: Bool = false) throws -> Grouping {
        let resolved = property(named: attribute) ?? attribute
        let raw = stakeholders.map { $0.value(of: resolved) }
        let values = raw.map(\.text)
        guard values.contains(where: { $0 != nil }) else {
            let known = stakeholderProperties
            let suggestion = known.first { Self.normalisedName($0) == Self.normalisedName(attribute) }
                ?? Self.closest(attribute, among: known)
            throw UnknownAttributeError(attribute: attribute, known: known, suggestion: suggestion)
        }
        // One group per value compared without case and surrounding spaces, named by its commonest spelling.
        var spellings: [String: [String: Int]] = [:]
        var firstMet: [String: Int] = [:]
        for (position, value) in values.enumerated() {
            guard let value else { continue }
            spellings[Grouping.key(value), default: [:]][value.trimmingSpaces, default: 0] += 1
            if firstMet[value.trimmingSpaces] == nil { firstMet[value.trimmingSpaces] = position }
        }
        var nameOf: [String: String] = [:]
        var variants: [(group: String, others: [String])] = []
        for (key, counts) in spellings {
            // The commonest spelling names the group; of equally common ones, the first met.
            let ordered = counts.sorted { ($0.value, firstMet[$1.key]!) > ($1.value, firstMet[$0.key]!) }
            nameOf[key] = ordered[0].key
            let raw = Set(values.compactMap { $0 }.filter { Grouping.key($0) == key })
            if raw.count > 1 { variants.append((ordered[0].key, raw.filter { $0 != ordered[0].key }.sorted())) }
        }
        var names = Array(Set(nameOf.values)).sorted()
        if missingAsGroup && values.contains(where: { $0 == nil }) { names.append(Grouping.missingName) }
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let numeric = raw.allSatisfy { $0.isMissing || $0.numericValue != nil } && raw.contains { $0.numericValue != nil }
        return Grouping(attribute: resolved, names: names, groupOf: values.map { value in
            value.map { index[nameOf[Grouping.key($0)]!]! } ?? (missingAsGroup ? names.count - 1 : Grouping.noGroup)
        }, spellings: variants.sorted { $0.group < $1.group }, isNumeric: numeric)
    }

    /// The candidate nearest to `text` by edit distance, if within a third of its length (at most 3).
    static func closest(_ text: String, among candidates: [String]) -> String? {
        let target = Array(text.lowercased())
        let limit = Swift.min(3, Swift.max(1, target.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            if abs(other.count - target.count) > limit { continue }
            var previous = Array(0 ... other.count)
            for i in 1 ... Swift.max(target.count, 1) where !target.isEmpty {
                var current = [i] + [Int](repeating: 0, count: other.count)
                for j in stride(from: 1, through: other.count, by: 1) {
                    current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (target[i - 1] == other[j - 1] ? 0 : 1))
                }
                previous = current
            }
            let distance = previous[other.count]
            if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }
}
