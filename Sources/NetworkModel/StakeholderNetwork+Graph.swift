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
        for (index, tie) in ties.enumerated() where selection.includes(tie) {
            let weight = try weightOf(tie, index: index, selection: selection)
            let (u, v) = reversed ? (Int(tie.target), Int(tie.source)) : (Int(tie.source), Int(tie.target))
            builder.addArc(from: u, to: v, weight: weight)
            if directedGraph, tie.direction == .undirected, u != v {
                builder.addArc(from: v, to: u, weight: weight)
            }
        }
        let isWeighted = selection.weighting != .none && selection.parallelTies != .count
        return builder.build(isWeighted: isWeighted, combineByMax: selection.parallelTies == .max)
    }

    private func weightOf(_ tie: Tie, index: Int, selection: GraphSelection) throws -> Double {
        if selection.parallelTies == .count { return 1 }
        switch selection.weighting {
        case .none: return 1
        case .strength: return tie.weight
        case .attribute(let name):
            let value = tie.attributes[name] ?? .missing
            // A column mixing numbers and text is typed as text: its numeric cells still count.
            guard let number = value.numericValue ?? value.text.flatMap(Double.init), number.isFinite else {
                throw GraphWeightError(tieIndex: index, line: Int(tie.line), attribute: name, found: value.text)
            }
            return number
        }
    }
}
