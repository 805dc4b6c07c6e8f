/// Which mode each stakeholder of a two-mode (affiliation) network belongs to.
public struct TwoModeAssignment: Sendable, Equatable {
    /// `modes[v]`: 0 for the first mode, 1 for the second.
    public let modes: [Int]
    /// What each mode is called (the attribute's values, or `source`/`target`).
    public let names: [String]
}

/// Why stakeholders cannot be split into two modes.
public struct TwoModeError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
}

extension StakeholderNetwork {
    /// Modes from a stakeholder property with exactly two values (the first, sorted, is the first mode).
    public func twoModes(by attribute: String) throws -> TwoModeAssignment {
        let grouping = try grouping(by: attribute)
        guard grouping.count == 2 else {
            throw TwoModeError(description: "'\(attribute)' must take exactly two values to split stakeholders into two modes; it takes \(grouping.count): \(grouping.names.joined(separator: ", "))")
        }
        let ungrouped = grouping.ungrouped
        guard ungrouped.isEmpty else {
            let examples = ungrouped.prefix(5).map { stakeholders[$0].id }.joined(separator: ", ")
            throw TwoModeError(description: "\(ungrouped.count) stakeholder\(ungrouped.count == 1 ? " has" : "s have") no value for '\(attribute)' (\(examples)\(ungrouped.count > 5 ? ", …" : "")), so \(ungrouped.count == 1 ? "it is" : "they are") in neither mode")
        }
        try checkTiesCrossModes(grouping.groupOf, names: grouping.names)
        return TwoModeAssignment(modes: grouping.groupOf, names: grouping.names)
    }

    /// Modes from the ties: stakeholders named as sources are the first mode, targets the second.
    public func twoModesFromTies() throws -> TwoModeAssignment {
        var modes = [Int](repeating: -1, count: stakeholderCount)
        for tie in ties {
            for (end, mode) in [(Int(tie.source), 0), (Int(tie.target), 1)] {
                if modes[end] == 1 - mode {
                    let where_ = tieFile.map { " (\($0):\(tie.line))" } ?? ""
                    throw TwoModeError(description: "'\(stakeholders[end].id)' is both a source and a target of ties\(where_), so sources and targets are not two modes")
                }
                modes[end] = mode
            }
        }
        if let lonely = modes.firstIndex(of: -1) {
            throw TwoModeError(description: "'\(stakeholders[lonely].id)' has no tie, so its mode is unknown; give stakeholders a mode column and use --modes-by")
        }
        return TwoModeAssignment(modes: modes, names: ["source", "target"])
    }

    private func checkTiesCrossModes(_ modes: [Int], names: [String]) throws {
        if let tie = ties.first(where: { modes[Int($0.source)] == modes[Int($0.target)] }) {
            let where_ = tieFile.map { " (\($0):\(tie.line))" } ?? ""
            throw TwoModeError(description: "the tie from '\(stakeholders[Int(tie.source)].id)' to '\(stakeholders[Int(tie.target)].id)'\(where_) joins two stakeholders of mode '\(names[modes[Int(tie.source)]])'; in two-mode data every tie joins the two modes")
        }
    }
}
