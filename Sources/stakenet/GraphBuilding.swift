import NetworkIO
import NetworkModel

/// Building the analysis graph from the command line's choices, with weight problems reported as input errors.
enum GraphBuilding {
    /// `--weight ATTR`: the tie's strength column by any of its names, or another numeric tie column (named in any case).
    static func weighting(for attribute: String?, in network: StakeholderNetwork) -> GraphSelection.Weighting {
        guard let attribute else { return .none }
        if ["weight", "strength", "value"].contains(attribute.lowercased()) { return .strength }
        return .attribute(network.tieProperty(named: attribute) ?? attribute)
    }

    static func graph(of network: StakeholderNetwork, selection: GraphSelection) throws -> Graph {
        do {
            return try network.graph(selecting: selection)
        } catch let error as GraphWeightError {
            throw InputError(file: network.tieFile ?? network.name, line: error.line > 0 ? error.line : nil, field: error.attribute,
                             message: error.message, hint: "give every tie a number in '\(error.attribute)', or choose another --weight")
        }
    }
}
