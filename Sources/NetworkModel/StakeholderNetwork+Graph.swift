extension StakeholderNetwork {
    /// The compact graph of the selected ties; node `i` is `stakeholders[i]`.
    ///
    /// Self-loops are left out unless the selection keeps them; parallel ties combine as the selection
    /// says (`sum` by default). See `GraphSelection.Direction` for how tie directions are read.
    ///
    /// - Complexity: O(n + m).
    /// - Throws: `GraphWeightError` when weights come from an attribute a selected tie lacks.
    public func graph(selecting selection: GraphSelection = GraphSelection()) throws -> Graph {
        let directedGraph: Bool
        switch selection.direction {
        case .asDeclared, .reversed: directedGraph = isDirected
        case .undirected: directedGraph = false
        }
        let reversed = selection.direction == .reversed
        var builder = GraphBuilder(nodeCount: stakeholderCount, isDirected: directedGraph, expectedArcs: tieCount)
        let attribute: TieAttributeColumn?
        if case .attribute(let name) = selection.weighting, selection.parallelTies != .count { attribute = ties.attribute(named: name) } else { attribute = nil }
        for index in ties.indices where selection.includes(ties, at: index) {
            let weight = try weightOf(index, attribute: attribute, selection: selection)
            let (u, v) = reversed ? (Int(ties.targets[index]), Int(ties.sources[index])) : (Int(ties.sources[index]), Int(ties.targets[index]))
            builder.addArc(from: u, to: v, weight: weight)
            if directedGraph, ties.direction(at: index) == .undirected, u != v {
                builder.addArc(from: v, to: u, weight: weight)
            }
        }
        let isWeighted = selection.weighting != .none && selection.parallelTies != .count
        return builder.build(isWeighted: isWeighted, combineByMax: selection.parallelTies == .max)
    }

    private func weightOf(_ index: Int, attribute: TieAttributeColumn?, selection: GraphSelection) throws -> Double {
        if selection.parallelTies == .count { return 1 }
        switch selection.weighting {
        case .none: return 1
        case .strength: return ties.weight(at: index)
        case .attribute(let name):
            let value = attribute?[index] ?? .missing
            // A column mixing numbers and text is typed as text: its numeric cells still count.
            guard let number = value.numericValue ?? value.text.flatMap(Double.init), number.isFinite else {
                throw GraphWeightError(tieIndex: index, line: Int(ties.line(at: index)), attribute: name, found: value.text)
            }
            return number
        }
    }
}
