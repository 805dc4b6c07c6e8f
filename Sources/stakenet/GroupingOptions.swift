import ArgumentParser
import NetworkModel

/// How stakeholders without a value for a grouping property are treated: in no group (the default), or,
/// with --missing-as-group, in a group of their own named "(none)".
struct GroupingOptions: ParsableArguments {
    @Flag(name: .customLong("missing-as-group"), help: "Put stakeholders without a value for the grouping property in a group of their own, '(none)', instead of in no group.")
    var missingAsGroup = false

    /// The grouping by `attribute`, warning once (unless quiet) how many stakeholders have no value and what
    /// became of them; `purpose` says what they are left out of ("the groups", "brokerage").
    func grouping(of network: StakeholderNetwork, by attribute: String, quiet: Bool, leftOutOf purpose: String = "the groups") throws -> Grouping {
        let grouping = try network.grouping(by: attribute, missingAsGroup: missingAsGroup)
        if !quiet {
            if let note = Self.missingNote(network, grouping, missingAsGroup: missingAsGroup, leftOutOf: purpose) { Terminal.warning(note) }
            for (group, others) in grouping.spellings.prefix(5) {
                Terminal.warning("'\(grouping.attribute)' values \(([group] + others).map { "'\($0)'" }.joined(separator: ", ")) differ only in case or spaces: one group, '\(group)'")
            }
            if grouping.isNumeric {
                Terminal.warning("'\(grouping.attribute)' holds numbers; its \(grouping.count) values are used as groups (categories), not as a scale")
            }
        }
        return grouping
    }

    /// "4 stakeholders have no value for 'sector': left out of the groups (…)", or nil when all have one.
    static func missingNote(_ network: StakeholderNetwork, _ grouping: Grouping, missingAsGroup: Bool, leftOutOf purpose: String) -> String? {
        let missing = missingAsGroup ? grouping.groupOf.filter { $0 == grouping.names.firstIndex(of: Grouping.missingName) }.count : grouping.ungrouped.count
        guard missing > 0 else { return nil }
        let who = missing == 1 ? "1 stakeholder has" : "\(missing) stakeholders have"
        if missingAsGroup { return "\(who) no value for '\(grouping.attribute)': grouped together as '\(Grouping.missingName)' (--missing-as-group)" }
        return "\(who) no value for '\(grouping.attribute)': left out of \(purpose) (--missing-as-group puts them in a group of their own)"
    }
}
