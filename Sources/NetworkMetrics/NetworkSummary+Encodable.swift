import NetworkModel

/// JSON form of a summary (`stakenet info --format json`): snake_case keys, counts as objects in display order.
extension NetworkSummary: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, description, directed, stakeholders, ties
        case stakeholdersByKind = "stakeholders_by_kind", stakeholdersBySector = "stakeholders_by_sector", tiesByKind = "ties_by_kind"
        case graphEdges = "graph_edges", selfLoops = "self_loops", density, components
        case largestComponent = "largest_component", strongComponents = "strong_components", isolates
        case meanDegree = "mean_degree", periodStart = "period_start", periodEnd = "period_end"
    }

    struct NameKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(isDirected, forKey: .directed)
        try container.encode(stakeholders, forKey: .stakeholders)
        try container.encode(ties, forKey: .ties)
        for (key, counts) in [(CodingKeys.stakeholdersByKind, stakeholdersByKind), (.stakeholdersBySector, stakeholdersBySector), (.tiesByKind, tiesByKind)] {
            var object = container.nestedContainer(keyedBy: NameKey.self, forKey: key)
            for count in counts { try object.encode(count.count, forKey: NameKey(stringValue: count.name)) }
        }
        try container.encode(graphEdges, forKey: .graphEdges)
        try container.encode(selfLoops, forKey: .selfLoops)
        try container.encode(density, forKey: .density)
        try container.encode(components, forKey: .components)
        try container.encode(largestComponent, forKey: .largestComponent)
        try container.encode(strongComponents, forKey: .strongComponents)
        try container.encode(isolates, forKey: .isolates)
        try container.encode(meanDegree, forKey: .meanDegree)
        try container.encodeIfPresent(period?.lowerBound, forKey: .periodStart)
        try container.encodeIfPresent(period?.upperBound, forKey: .periodEnd)
    }
}
