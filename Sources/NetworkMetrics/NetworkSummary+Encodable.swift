import NetworkModel

/// JSON form of a summary (`stakenet info --format json`): snake_case keys, counts as objects in display order.
extension NetworkSummary: Encodable {
    enum CodingKeys: String, CodingKey {
        case name, description, directed, nodes, ties
        case stakeholdersByKind = "stakeholders_by_kind", stakeholdersBySector = "stakeholders_by_sector", tiesByKind = "ties_by_kind"
        case graphEdges = "graph_edges", selfLoops = "self_loops", density, components
        case largestComponent = "largest_component", strongComponents = "strong_components", isolates
        case meanDegree = "mean_degree", periodStart = "period_start", periodEnd = "period_end"
        case reciprocity, transitivity, transitivityDefinition = "transitivity_definition", directedTransitivity = "transitivity_directed"
        case directedTransitivityDefinition = "transitivity_directed_definition", averageClustering = "average_clustering"
        case averageClusteringDefinition = "average_clustering_definition", degreeAssortativity = "degree_assortativity"
        case diameter, averagePathLength = "average_path_length", pathComponent = "path_figures_component"
        case pathComponentSize = "path_figures_component_size", pathSampledSources = "path_figures_sampled_sources"
        case degreeCentralization = "degree_centralization", inDegreeCentralization = "in_degree_centralization"
        case outDegreeCentralization = "out_degree_centralization", betweennessCentralization = "betweenness_centralization"
        case closenessCentralization = "closeness_centralization"
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
        try container.encode(stakeholders, forKey: .nodes)
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
        try container.encode(reciprocity, forKey: .reciprocity)
        try container.encode(transitivity, forKey: .transitivity)
        try container.encode("triangles over connected triples of the undirected view (NetworkX transitivity, igraph transitivity_undirected)", forKey: .transitivityDefinition)
        if isDirected {
            try container.encode(directedTransitivity, forKey: .directedTransitivity)
            try container.encode("two-paths i->j->k closed by i->k (R sna gtrans, measure weak); null when there is no two-path", forKey: .directedTransitivityDefinition)
        }
        try container.encode(averageClustering, forKey: .averageClustering)
        try container.encode(clusteringVariant, forKey: .averageClusteringDefinition)
        try container.encode(degreeAssortativity, forKey: .degreeAssortativity)
        try container.encode(paths?.diameter, forKey: .diameter)
        try container.encode(paths?.averagePathLength, forKey: .averagePathLength)
        try container.encode(paths.map { $0.isDirected ? "largest weakly connected component, directed paths between the pairs joined by one" : "largest connected component" }, forKey: .pathComponent)
        try container.encode(paths?.componentSize, forKey: .pathComponentSize)
        try container.encode(paths?.sampledSources, forKey: .pathSampledSources)
        try container.encode(degreeCentralization, forKey: .degreeCentralization)
        try container.encode(inDegreeCentralization, forKey: .inDegreeCentralization)
        try container.encode(outDegreeCentralization, forKey: .outDegreeCentralization)
        try container.encode(betweennessCentralization, forKey: .betweennessCentralization)
        try container.encode(closenessCentralization, forKey: .closenessCentralization)
    }
}
