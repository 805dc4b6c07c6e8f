"""Writes the reference values StakeNet's tests compare against, and the datasets they are computed on.

Every value comes from NetworkX (the version pinned in Scripts/reference/requirements.txt), on the
classic datasets it ships (Zachary's karate club, Padgett's Florentine families, Davis's southern
women, Les Misérables) and on seeded random graphs. Run through Scripts/reference-values; Scripts/test
runs it again into a temporary folder and fails if the stored files differ.

Run with PYTHONHASHSEED=0 (the scripts do): NetworkX sums some measures in set order.

Layout of --out:
  datasets/NAME/{nodes.csv,edges.csv,network.json}   each network as StakeNet reads it
  structure.json                                      whole-network figures per dataset
  metrics/NAME--VARIANT.csv                           node measures: unweighted, weighted with
                                                      strength as length 1/w, or weight as distance
  metrics/NAME--VARIANT.refused.json                  measures NetworkX refused (did not converge)

Iterative measures (eigenvector, pagerank, katz, hub, authority) are computed to convergence (tol=1e-13,
up to 10,000 iterations; NetworkX's own defaults stop up to 3e-6 short) and written to 12 significant
digits (and 12 decimals): they are compared within 1e-9, and ARPACK (behind NetworkX's hits) may differ in
the last bits between runs.
  pagerank_igraph.json                                igraph's PageRank (PRPACK) of the same graphs
  timeline.json                                       NetworkX's figures of each year's snapshot of
                                                      Networks/mutual-spinouts (stakenet timeline)
"""
import argparse
import csv
import json
import os

import math
import random

import networkx as nx
import numpy as np


def datasets():
    """(name, graph, description) for every network the references cover, in a fixed order."""
    karate = nx.karate_club_graph()
    yield "karate", karate, "Zachary's karate club (NetworkX karate_club_graph, with its interaction counts as weight)"
    yield "florentine", nx.florentine_families_graph(), "Padgett's Florentine families, marriage ties (NetworkX florentine_families_graph)"
    davis = nx.davis_southern_women_graph()
    for node, data in davis.nodes(data=True):
        data["kind"] = "woman" if data["bipartite"] == 0 else "event"
    yield "davis", davis, "Davis's southern women and the events they attended (NetworkX davis_southern_women_graph)"
    yield "lesmis", nx.les_miserables_graph(), "Les Misérables co-appearances (NetworkX les_miserables_graph)"
    yield "gnp-directed", nx.gnp_random_graph(80, 0.03, seed=42, directed=True), "G(n=80, p=0.03), directed, seed 42"
    yield "gnm-components", nx.gnm_random_graph(120, 100, seed=3), "G(n=120, m=100), undirected, seed 3: many components and isolates"
    yield "gnp-strong", with_groups(nx.gnp_random_graph(30, 0.15, seed=21, directed=True), seed=22), "G(n=30, p=0.15), directed, seed 21: strongly connected; three groups drawn with seed 22"
    yield "directed-components", directed_components(), "Directed G(50, 0.06) and G(15, 0.15) side by side plus 3 isolates, weights 1-5 (seeds 11, 12, 5)"
    yield "groups-missing", groups_missing(), "G(n=45, p=0.08), directed, seed 41: three groups drawn with seed 42, and no group for 9 nodes (missing values)"


def groups_missing():
    """A directed graph whose grouping attribute is missing for some nodes (9 of 45, drawn with seed 43), and
    a numeric attribute, staff, missing for 6 others (seed 44)."""
    graph = with_groups(nx.gnp_random_graph(45, 0.08, seed=41, directed=True), seed=42)
    for node in random.Random(43).sample(sorted(graph.nodes()), 9):
        del graph.nodes[node]["group"]
    rng = random.Random(44)
    for node in sorted(graph.nodes()):
        graph.nodes[node]["staff"] = rng.randint(1, 60)
    for node in rng.sample(sorted(graph.nodes()), 6):
        del graph.nodes[node]["staff"]
    return graph


def directed_components():
    """A weighted directed graph with several weak components and isolates."""
    big = nx.gnp_random_graph(50, 0.06, seed=11, directed=True)
    small = nx.relabel_nodes(nx.gnp_random_graph(15, 0.15, seed=12, directed=True), lambda v: v + 50)
    graph = nx.union(big, small)
    graph.add_nodes_from([65, 66, 67])
    rng = random.Random(5)
    for u, v in graph.edges():
        graph[u][v]["weight"] = float(rng.randint(1, 5))
    # Four groups, one of them with a single member.
    with_groups(graph, seed=6)
    graph.nodes[67]["group"] = "solo"
    return graph


def with_groups(graph, seed):
    """Gives every node a group (red, green or blue), drawn with a seed."""
    rng = random.Random(seed)
    for node in graph.nodes():
        graph.nodes[node]["group"] = rng.choice(["red", "green", "blue"])
    return graph


# Which datasets the node measures are checked on, and in which weightings.
METRIC_VARIANTS = {
    "karate": ["unweighted", "strength", "distance"],
    "florentine": ["unweighted"],
    "davis": ["unweighted"],
    "lesmis": ["unweighted", "strength", "distance"],
    "directed-components": ["unweighted", "strength", "distance"],
}
ITERATIVE = {"eigenvector", "pagerank", "katz", "hub", "authority"}
# Iterative measures run to convergence, not to NetworkX's loose defaults.
CONVERGED = {"max_iter": 10000, "tol": 1e-13}


def igraph_pagerank(graph, weighted):
    """igraph's PageRank (PRPACK, damping 0.85) of a NetworkX graph, by node in graph order."""
    import igraph
    nodes = list(graph.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    simple = nx.DiGraph(graph) if graph.is_directed() else nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in simple.edges()], directed=graph.is_directed())
    weights = [simple[u][v].get("weight", 1.0) for u, v in simple.edges()] if weighted else None
    values = g.pagerank(damping=0.85, weights=weights, implementation="prpack")
    return {str(v): float(rounded(values[index[v]])) for v in nodes}


def write_dataset(folder, name, graph, description):
    os.makedirs(folder, exist_ok=True)
    node_attributes = sorted({key for _, data in graph.nodes(data=True) for key in data if key != "bipartite"})
    with open(os.path.join(folder, "nodes.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id"] + node_attributes)
        for node, data in graph.nodes(data=True):
            writer.writerow([node] + [data.get(key, "") for key in node_attributes])
    weighted = any("weight" in data for _, _, data in graph.edges(data=True))
    with open(os.path.join(folder, "edges.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target"] + (["weight"] if weighted else []))
        for u, v, data in graph.edges(data=True):
            writer.writerow([u, v] + ([repr(float(data["weight"]))] if weighted else []))
    with open(os.path.join(folder, "network.json"), "w", encoding="utf-8") as handle:
        json.dump({"name": name, "directed": graph.is_directed(), "description": description}, handle, indent=2)
        handle.write("\n")


def structure(graph):
    """Whole-network figures, as NetworkX computes them."""
    if graph.is_directed():
        weak = list(nx.weakly_connected_components(graph))
        strong = list(nx.strongly_connected_components(graph))
    else:
        weak = strong = list(nx.connected_components(graph))
    order = {node: i for i, node in enumerate(graph.nodes())}
    members = lambda parts: sorted(sorted(str(n) for n in part) for part in parts)
    return {
        "directed": graph.is_directed(),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "density": nx.density(graph),
        "components": len(weak),
        "largest_component": max((len(c) for c in weak), default=0),
        "strong_components": len(strong),
        "component_members": members(weak),
        "strong_component_members": members(strong),
        "isolates": [str(n) for n in sorted(nx.isolates(graph), key=order.get)],
    }


def node_measures(graph, variant):
    """Every node measure as NetworkX computes it, with StakeNet's conventions for weights:
    path measures read weight w as length 1/w ("strength") or w ("distance"); the rest use w as is."""
    weighted = variant != "unweighted"
    if weighted:
        for _, _, data in graph.edges(data=True):
            data["length"] = 1.0 / data["weight"] if variant == "strength" else data["weight"]
    else:
        graph = nx.DiGraph(graph.edges()) if graph.is_directed() else nx.Graph(graph.edges())
        graph.add_nodes_from(nodes_in_order)
    weight = "weight" if weighted else None
    length = "length" if weighted else None
    directed = graph.is_directed()
    columns, refused = {}, {}
    degree = dict(graph.degree())
    columns["degree"] = degree
    columns["in_degree"] = dict(graph.in_degree()) if directed else degree
    columns["out_degree"] = dict(graph.out_degree()) if directed else degree
    columns["degree_centrality"] = nx.degree_centrality(graph)
    if directed:
        columns["in_degree_centrality"] = nx.in_degree_centrality(graph)
        columns["out_degree_centrality"] = nx.out_degree_centrality(graph)
    columns["strength"] = dict(graph.degree(weight=weight))
    if directed:
        columns["in_strength"] = dict(graph.in_degree(weight=weight))
        columns["out_strength"] = dict(graph.out_degree(weight=weight))
    columns["betweenness"] = nx.betweenness_centrality(graph, weight=length)
    columns["closeness"] = nx.closeness_centrality(graph, distance=length)
    columns["harmonic"] = nx.harmonic_centrality(graph, distance=length)
    reverse = graph.reverse() if directed else graph
    columns["out_closeness"] = nx.closeness_centrality(reverse, distance=length)
    columns["out_harmonic"] = nx.harmonic_centrality(reverse, distance=length)
    components = list(nx.weakly_connected_components(graph) if directed else nx.connected_components(graph))
    try:
        eigenvector = {}
        for component in components:
            eigenvector.update(nx.eigenvector_centrality(graph.subgraph(component), weight=weight, max_iter=CONVERGED["max_iter"],
                                                         tol=CONVERGED["tol"]))
        columns["eigenvector"] = eigenvector
    except nx.PowerIterationFailedConvergence as error:
        refused["eigenvector"] = str(error)
    for name, compute in [("pagerank", lambda: nx.pagerank(graph, weight=weight, **CONVERGED)),
                          ("katz", lambda: nx.katz_centrality(graph, weight=weight, **CONVERGED))]:
        try:
            columns[name] = compute()
        except nx.PowerIterationFailedConvergence as error:
            refused[name] = str(error)
    if graph.number_of_edges() > 0 and name_of(graph) != "davis":
        hubs, authorities = nx.hits(graph if weighted else nx.DiGraph(graph) if directed else nx.Graph(graph), **CONVERGED)
        columns["hub"], columns["authority"] = hubs, authorities
    columns["core_number"] = nx.core_number(graph)
    columns["clustering"] = nx.clustering(graph, weight=weight)
    columns["constraint"] = nx.constraint(graph, weight=weight)
    # With nodes=None and SciPy present, NetworkX 3.6.1 takes a matrix shortcut that divides the mutual
    # weights by the wrong axis's maximum (it disagrees with its own definition on weighted and directed
    # graphs); naming the nodes takes the definitional path, which these references use.
    columns["effective_size"] = nx.effective_size(graph, nodes=list(graph), weight=weight)
    # Efficiency is effective size per contact (NetworkX documents it without a function of its own).
    columns["efficiency"] = {v: columns["effective_size"][v] / len(set(nx.all_neighbors(graph, v)))
                             if set(nx.all_neighbors(graph, v)) else float("nan") for v in graph}
    return columns, refused, len(components)


nodes_in_order = []
current_name = [""]


def name_of(graph):
    return current_name[0]


def write_metrics(folder, name, graph, variant):
    columns, refused, components = node_measures(graph.copy(), variant)
    os.makedirs(folder, exist_ok=True)
    stem = os.path.join(folder, f"{name}--{variant}")
    measures = list(columns)
    with open(stem + ".csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id"] + measures)
        for node in graph.nodes():
            row = [node]
            for measure in measures:
                value = float(columns[measure][node])
                row.append("nan" if math.isnan(value) else rounded(value) if measure in ITERATIVE else repr(value))
            writer.writerow(row)
    with open(stem + ".refused.json", "w", encoding="utf-8") as handle:
        json.dump({"components": components, "refused": refused}, handle, indent=1, sort_keys=True)
        handle.write("\n")


def rounded(value):
    """12 significant digits and no digits below 1e-12, so that solver noise does not change the file."""
    value = round(value, 12)
    return f"{value + 0.0:.12g}" if value != 0 else "0"


def cohesion(graph):
    """Whole-network figures beyond counts, as NetworkX computes them."""
    simple = nx.DiGraph(graph.edges()) if graph.is_directed() else nx.Graph(graph.edges())
    simple.add_nodes_from(graph.nodes())
    figures = {
        "transitivity": nx.transitivity(nx.Graph(simple)),
        "average_clustering": nx.average_clustering(simple),
    }
    try:
        figures["degree_assortativity"] = nx.degree_assortativity_coefficient(simple)
    except (ValueError, ZeroDivisionError):
        figures["degree_assortativity"] = None
    if simple.is_directed():
        figures["reciprocity"] = nx.overall_reciprocity(simple)
    # Path figures of the largest (weakly) connected component; on a directed graph along tie direction,
    # over the pairs joined by a directed path (igraph's unconnected=TRUE convention).
    parts = nx.weakly_connected_components(simple) if simple.is_directed() else nx.connected_components(simple)
    largest = simple.subgraph(max(parts, key=len))
    lengths = [d for source in largest for target, d in nx.single_source_shortest_path_length(largest, source).items() if target != source]
    figures["path_component_size"] = largest.number_of_nodes()
    figures["path_connected_pairs"] = len(lengths)
    figures["diameter"] = max(lengths, default=0)
    figures["average_path_length"] = sum(lengths) / len(lengths) if lengths else 0.0
    if not simple.is_directed() and largest.number_of_nodes() > 1:
        assert figures["diameter"] == nx.diameter(largest)
        assert abs(figures["average_path_length"] - nx.average_shortest_path_length(largest)) < 1e-12
    return figures


HOMOPHILY_CASES = [("karate", "club"), ("davis", "kind"), ("gnp-strong", "group"), ("directed-components", "group"),
                   ("groups-missing", "group")]


def homophily(graph, attribute):
    """E-I index (each tie once; per group over ties touching it), NetworkX's attribute assortativity
    and mixing counts (an undirected tie once, symmetric). Nodes without the attribute are in no group:
    the figures are those of the graph induced by the nodes that have it."""
    simple = nx.DiGraph(graph) if graph.is_directed() else nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    simple = simple.subgraph([v for v in simple if simple.nodes[v].get(attribute) not in (None, "")]).copy()
    group = nx.get_node_attributes(simple, attribute)
    names = sorted(set(group.values()))
    external = sum(1 for u, v in simple.edges() if group[u] != group[v])
    internal = simple.number_of_edges() - external
    per_group = {}
    mixing = {a: {b: 0 for b in names} for a in names}
    for u, v in simple.edges():
        mixing[group[u]][group[v]] += 1
        if not simple.is_directed() and group[u] != group[v]:
            mixing[group[v]][group[u]] += 1
    for name in names:
        e = sum(1 for u, v in simple.edges() if (group[u] == name) != (group[v] == name))
        i = sum(1 for u, v in simple.edges() if group[u] == name and group[v] == name)
        per_group[name] = (e - i) / (e + i) if e + i else None
    return {
        "ei_index": (external - internal) / (external + internal),
        "external": external,
        "internal": internal,
        "group_ei": per_group,
        "assortativity": nx.attribute_assortativity_coefficient(simple, attribute),
        "mixing": mixing,
    }


GROUP_PROFILE_CASES = [("karate", "club"), ("davis", "kind"), ("gnp-strong", "group"), ("directed-components", "group"),
                       ("groups-missing", "group")]


def group_profiles(graph, attribute):
    """Each group's figures for `stakenet compare --by`, from NetworkX: ties within and between, density of
    the induced network, E-I, members' mean degree, betweenness and PageRank, Freeman degree centralization
    and average clustering of the induced network (read as undirected), and the shares of the members' tie
    ends whose other end is in each group (partners by the same attribute). A node without the attribute is
    in no group: its ties are neither within nor between, a member's tie to it is a tie end with no partner
    group; whole-network centralities are those of the whole graph."""
    simple = nx.DiGraph(graph) if graph.is_directed() else nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    group = {v: simple.nodes[v].get(attribute) or None for v in simple}
    names = sorted({g for g in group.values() if g is not None})
    betweenness = nx.betweenness_centrality(simple)
    pagerank = nx.pagerank(simple, weight=None, **CONVERGED)
    degree = dict(simple.degree())
    result = {}
    for name in names:
        members = [v for v in simple if group[v] == name]
        sub = simple.subgraph(members)
        k = len(members)
        within = sub.number_of_edges()
        between = sum(1 for u, v in simple.edges()
                      if (group[u] == name) != (group[v] == name) and group[u] is not None and group[v] is not None)
        if k > 2:
            induced = [d for _, d in sub.degree()]
            maximum = (k - 1) * (2 * k - 4) if simple.is_directed() else (k - 1) * (k - 2)
            centralization = sum(max(induced) - d for d in induced) / maximum
        else:
            centralization = None
        ends = {other: 0 for other in names}
        total_ends = 0
        for u, v in simple.edges():
            for mine, other in ((u, v), (v, u)):
                if group[mine] == name:
                    total_ends += 1
                    if group[other] is not None:
                        ends[group[other]] += 1
        result[name] = {
            "stakeholders": k,
            "ties_within": within,
            "ties_between": between,
            "density_within": nx.density(sub) if k > 1 else None,
            "e_i_index": (between - within) / (between + within) if between + within else None,
            "mean_degree": sum(degree[v] for v in members) / k,
            "mean_betweenness": sum(betweenness[v] for v in members) / k,
            "mean_pagerank": sum(pagerank[v] for v in members) / k,
            "degree_centralization_within": centralization,
            "clustering_within": nx.average_clustering(nx.Graph(sub)),
            "partners": {other: (count / total_ends if total_ends else None) for other, count in ends.items()},
        }
    return result


def write_multiplex(folder):
    """Two networks with three tie kinds each among the same stakeholders, for QAP: `support` and `funding`
    drawn at random, `collaboration` much more likely where support is present and a little where funding is (seeds 31-34)."""
    for name, directed, n, seed in (("multiplex-directed", True, 40, 31), ("multiplex-undirected", False, 30, 33)):
        rng = random.Random(seed)
        pairs = [(i, j) for i in range(n) for j in range(n) if i != j and (directed or i < j)]
        ties = []
        for i, j in pairs:
            support = rng.random() < 0.12
            funding = rng.random() < (0.3 if support else 0.06)
            collaboration = rng.random() < 0.08 + 0.25 * support + 0.04 * funding
            for kind, present in (("support", support), ("funding", funding), ("collaboration", collaboration)):
                if present:
                    ties.append((i, j, kind))
        base = os.path.join(folder, name)
        os.makedirs(base, exist_ok=True)
        with open(os.path.join(base, "nodes.csv"), "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id"])
            for v in range(n):
                writer.writerow([f"s{v}"])
        with open(os.path.join(base, "edges.csv"), "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["source", "target", "kind"])
            for i, j, kind in ties:
                writer.writerow([f"s{i}", f"s{j}", kind])
        with open(os.path.join(base, "network.json"), "w", encoding="utf-8") as handle:
            json.dump({"name": name, "directed": directed, "description": write_multiplex.__doc__.split(":")[0]}, handle, indent=2)
            handle.write("\n")


def modularity_cases(graphs):
    """NetworkX's modularity of given partitions, with resolution 1 and 0.5, weighted where the graph is."""
    cases = []
    def add(name, graph, parts, label):
        weighted = any("weight" in d for _, _, d in graph.edges(data=True))
        for resolution in (1.0, 0.5):
            for weight in (["weight", None] if weighted else [None]):
                cases.append({"dataset": name, "partition": label, "resolution": resolution, "weighted": weight is not None,
                              "groups": [sorted(str(v) for v in part) for part in parts],
                              "modularity": nx.community.modularity(graph, parts, weight=weight, resolution=resolution)})
    karate = graphs["karate"]
    add("karate", karate, [{v for v in karate if karate.nodes[v]["club"] == c} for c in ("Mr. Hi", "Officer")], "club")
    rng = random.Random(9)
    for name in ("lesmis", "gnp-strong", "directed-components", "florentine"):
        graph = graphs[name]
        labels = {v: rng.randrange(4) for v in graph}
        add(name, graph, [{v for v in graph if labels[v] == k} for k in range(4) if any(labels[v] == k for v in graph)], "random4")
    add("lesmis", graphs["lesmis"], nx.community.greedy_modularity_communities(graphs["lesmis"], weight="weight"), "greedy")
    return cases


def two_mode(graph):
    """NetworkX's bipartite degree centrality and projections of Davis's southern women."""
    from networkx.algorithms import bipartite
    women = [v for v in graph if graph.nodes[v]["kind"] == "woman"]
    events = [v for v in graph if graph.nodes[v]["kind"] == "event"]
    result = {"degree_centrality": bipartite.degree_centrality(graph, women)}
    for name, nodes in (("woman", women), ("event", events)):
        for weighting, project in (("count", bipartite.weighted_projected_graph), ("newman", bipartite.collaboration_weighted_projected_graph)):
            projected = project(graph, nodes)
            result[f"{name}-{weighting}"] = sorted([min(u, v), max(u, v), d["weight"]] for u, v, d in projected.edges(data=True))
    return result


def timeline(edges_csv, periods):
    """NetworkX's figures of each period's snapshot of a network's ties (edges.csv with start and end
    columns; a tie is active in a period when its start, if any, is not after the period's last year and
    its end, if any, not before its first): a DiGraph of the active ties, self-loops left out, its nodes
    every stakeholder with an active tie; formed, dissolved and jaccard over the pairs tied either way."""
    with open(edges_csv, newline="", encoding="utf-8") as handle:
        ties = list(csv.DictReader(handle))
    rows, previous = [], None
    for low, high in periods:
        graph = nx.DiGraph()
        count = 0
        for tie in ties:
            start = int(tie["start"]) if tie.get("start") else None
            end = int(tie["end"]) if tie.get("end") else None
            if (start is not None and start > high) or (end is not None and end < low):
                continue
            count += 1
            graph.add_node(tie["source"])
            graph.add_node(tie["target"])
            if tie["source"] != tie["target"]:
                graph.add_edge(tie["source"], tie["target"])
        pairs = {frozenset(e) for e in graph.edges()}
        n = graph.number_of_nodes()
        row = {"period": [low, high], "stakeholders": n, "ties": count, "density": nx.density(graph) if n > 1 else 0.0,
               "components": nx.number_weakly_connected_components(graph),
               "mean_degree": sum(d for _, d in graph.degree()) / n if n else 0.0,
               "transitivity": nx.transitivity(graph.to_undirected()),
               "reciprocity": nx.reciprocity(graph) if graph.number_of_edges() else 0.0,
               "formed": len(pairs - (previous or set())), "dissolved": len((previous or set()) - pairs),
               "jaccard": None if previous is None else (len(pairs & previous) / len(pairs | previous) if pairs | previous else 0.0)}
        # Each stakeholder's measures on the snapshot (stakenet timeline --measures).
        betweenness, harmonic = nx.betweenness_centrality(graph), nx.harmonic_centrality(graph)
        row["measures"] = {v: {"degree": graph.degree(v), "betweenness": betweenness[v], "harmonic": harmonic[v]} for v in graph.nodes()}
        rows.append(row)
        previous = pairs
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    figures = {"source": f"networkx {nx.__version__}", "datasets": {}}
    np.random.seed(0)
    for name, graph, description in datasets():
        write_dataset(os.path.join(args.out, "datasets", name), name, graph, description)
        figures["datasets"][name] = structure(graph)
        figures["datasets"][name].update(cohesion(graph))
        current_name[0] = name
        nodes_in_order[:] = list(graph.nodes())
        for variant in METRIC_VARIANTS.get(name, []):
            write_metrics(os.path.join(args.out, "metrics"), name, graph, variant)
    graphs = {name: graph for name, graph, _ in datasets()}
    with open(os.path.join(args.out, "pagerank_igraph.json"), "w", encoding="utf-8") as handle:
        json.dump({f"{name}--{variant}": igraph_pagerank(graphs[name], variant != "unweighted")
                   for name, variants in METRIC_VARIANTS.items() for variant in variants if variant != "distance"},
                  handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "homophily.json"), "w", encoding="utf-8") as handle:
        json.dump({name: homophily(graphs[name], attribute) for name, attribute in HOMOPHILY_CASES}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "numeric_assortativity.json"), "w", encoding="utf-8") as handle:
        # NetworkX's numeric_assortativity_coefficient on the graph induced by the nodes with a value.
        graph = graphs["groups-missing"]
        simple = nx.DiGraph(graph)
        simple.remove_edges_from(nx.selfloop_edges(simple))
        valued = simple.subgraph([v for v in simple if "staff" in simple.nodes[v]])
        json.dump({"groups-missing": {"staff": nx.numeric_assortativity_coefficient(valued, "staff"),
                                      "staff_undirected": nx.numeric_assortativity_coefficient(nx.Graph(valued), "staff")}},
                  handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "group_profiles.json"), "w", encoding="utf-8") as handle:
        json.dump({name: group_profiles(graphs[name], attribute) for name, attribute in GROUP_PROFILE_CASES}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    write_multiplex(os.path.join(args.out, "multiplex"))
    with open(os.path.join(args.out, "two_mode.json"), "w", encoding="utf-8") as handle:
        json.dump(two_mode(graphs["davis"]), handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "modularity.json"), "w", encoding="utf-8") as handle:
        json.dump(modularity_cases(graphs), handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "structure.json"), "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=1, sort_keys=True)
        handle.write("\n")
    with open(os.path.join(args.out, "timeline.json"), "w", encoding="utf-8") as handle:
        # The bundled two-sector network (directed, with start and end years): every year, and two-year
        # periods from 2005.
        edges = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Networks", "mutual-spinouts", "edges.csv")
        json.dump({"mutual-spinouts": {"yearly": timeline(edges, [(y, y) for y in range(1993, 2020)]),
                                       "two-years-from-2005": timeline(edges, [(y, min(y + 1, 2019)) for y in range(2005, 2020, 2)])}},
                  handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
