import NetworkModel

/// Values that differ only in case or surrounding spaces (`State`, `state`, `STATE `) are one value: a kind,
/// sector or tie kind spelled several ways is read as its commonest spelling, with a warning naming the
/// spellings, so that it makes one group and one legend colour; free attributes keep their text (grouping
/// by them merges the spellings, `Grouping.spellings`) and `variants` lists them for `stakenet validate`.
enum ValueSpellings {
    /// Unifies the spellings of stakeholder kinds and sectors, and of tie kinds, warning once per role.
    static func unify(_ stakeholders: inout [Stakeholder], _ ties: inout TieColumns, stakeholderFile: String, tieFile: String, report: inout ValidationReport) {
        if let chosen = spellings(stakeholders.compactMap { $0.kind?.name }) {
            for index in stakeholders.indices {
                if let kind = stakeholders[index].kind, let name = chosen.name[Grouping.foldedKey(kind.name)], name != kind.name {
                    stakeholders[index].kind = StakeholderKind(name: name)
                }
            }
            warn(chosen.variants, role: "kind", file: stakeholderFile, report: &report)
        }
        if let chosen = spellings(stakeholders.compactMap(\.sector)) {
            for index in stakeholders.indices {
                if let sector = stakeholders[index].sector, let name = chosen.name[Grouping.foldedKey(sector)], name != sector { stakeholders[index].sector = name }
            }
            warn(chosen.variants, role: "sector", file: stakeholderFile, report: &report)
        }
        // Tie kinds are counted by code, so a million ties cost a million array reads, not a million string lookups.
        var tiesOfKind = [Int](repeating: 0, count: ties.kinds.count + 1)
        for code in ties.kindCodes { tiesOfKind[Int(code)] += 1 }
        if let chosen = spellings(counted: ties.kinds.enumerated().map { ($1.name, tiesOfKind[$0 + 1]) }) {
            ties.renameKinds { kind in chosen.name[Grouping.foldedKey(kind.name)].map { TieKind(name: $0) } ?? kind }
            warn(chosen.variants, role: "tie kind", file: tieFile, report: &report)
        }
    }

    /// For values with several spellings: the spelling each folds to (the commonest; of equally common
    /// ones, the first met), and the variants.
    static func spellings(_ values: [String]) -> (name: [String: String], variants: [(String, [String])])? {
        // Each value is counted as written (one lookup), then only the distinct ones are folded.
        var tally: [String: Int] = [:]
        var order: [String] = []
        for value in values {
            if let count = tally[value] { tally[value] = count + 1 } else { tally[value] = 1; order.append(value) }
        }
        return spellings(counted: order.map { ($0, tally[$0]!) })
    }

    /// `spellings(_:)` of values already counted: each distinct value with how often it is written, in the order first met.
    static func spellings(counted: [(value: String, count: Int)]) -> (name: [String: String], variants: [(String, [String])])? {
        var tally: [String: Int] = [:]
        var firstMet: [String: Int] = [:]
        for (position, (value, count)) in counted.enumerated() where count > 0 {
            tally[value, default: 0] += count
            if firstMet[value] == nil { firstMet[value] = position }
        }
        var counts: [String: [String: Int]] = [:]
        for (value, count) in tally { counts[Grouping.foldedKey(value), default: [:]][value] = count }
        let several = counts.filter { $0.value.count > 1 }
        guard !several.isEmpty else { return nil }
        var name: [String: String] = [:], variants: [(String, [String])] = []
        for (key, spelled) in several.sorted(by: { $0.key < $1.key }) {
            let ordered = spelled.sorted { ($0.value, firstMet[$1.key]!) > ($1.value, firstMet[$0.key]!) }
            name[key] = ordered[0].key
            variants.append((ordered[0].key, ordered.dropFirst().map(\.key)))
        }
        return (name, variants)
    }

    static func warn(_ variants: [(String, [String])], role: String, file: String, report: inout ValidationReport) {
        let listed = variants.prefix(5).map { chosen, others in "'\(chosen)' (also \(others.map { "'\($0)'" }.joined(separator: ", ")))" }
        report.warning(file, "\(role) values that differ only in case or spaces were read as one: \(listed.joined(separator: "; "))\(variants.count > 5 ? "; …" : "")",
                       hint: "write each value one way to silence this")
    }

    /// Free text attributes of stakeholders whose values are spelled several ways, for `validate`.
    static func attributeVariants(_ network: StakeholderNetwork) -> [(attribute: String, variants: [(String, [String])])] {
        var names = Set<String>()
        for stakeholder in network.stakeholders where !stakeholder.attributes.isEmpty { names.formUnion(stakeholder.attributes.keys) }
        return names.sorted().compactMap { name in
            let values = network.stakeholders.compactMap { stakeholder -> String? in
                if case let .text(text)? = stakeholder.attributes[name] { return text.trimmingSpaces }
                return nil
            }
            return spellings(values).map { (name, $0.variants) }
        }
    }
}
