"""Writes the reference values StakeNet's tests compare against, and the datasets they are computed on.

Every value comes from NetworkX (the version pinned in Scripts/requirements-reference.txt), on the
classic datasets it ships (Zachary's karate club, Padgett's Florentine families, Davis's southern
women, Les Misérables) and on seeded random graphs. Run through Scripts/reference-values; Scripts/test
runs it again into a temporary folder and fails if the stored files differ.

Layout of --out:
  datasets/NAME/{nodes.csv,edges.csv,network.json}   each network as StakeNet reads it
  structure.json                                      whole-network figures per dataset
"""
import argparse
import csv
import json
import os

import networkx as nx


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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    figures = {"source": f"networkx {nx.__version__}", "datasets": {}}
    for name, graph, description in datasets():
        write_dataset(os.path.join(args.out, "datasets", name), name, graph, description)
        figures["datasets"][name] = structure(graph)
    with open(os.path.join(args.out, "structure.json"), "w", encoding="utf-8") as handle:
        json.dump(figures, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
