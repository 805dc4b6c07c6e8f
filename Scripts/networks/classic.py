"""Writes Networks/classic: Zachary's karate club, Padgett's Florentine families (marriage and business
ties), Davis's southern women (two-mode) and Les Misérables, as StakeNet CSV folders.

Karate, Davis and Les Misérables come from NetworkX (pinned in Scripts/reference/requirements.txt);
the Florentine marriage ties from NetworkX's florentine_families_graph, with the Pucci family (no
marriage or business tie among these sixteen families) added, and the fifteen business ties of
Padgett's data as Breiger and Pattison (1986) and UCINET distribute them.

Usage: python Scripts/networks/classic.py OUT_FOLDER   (run with the reference virtualenv's python)
"""
import csv
import json
import os
import sys

import networkx as nx

BUSINESS = [
    ("Barbadori", "Castellani"), ("Barbadori", "Ginori"), ("Barbadori", "Medici"), ("Barbadori", "Peruzzi"),
    ("Bischeri", "Guadagni"), ("Bischeri", "Lamberteschi"), ("Bischeri", "Peruzzi"), ("Castellani", "Lamberteschi"),
    ("Castellani", "Peruzzi"), ("Ginori", "Medici"), ("Guadagni", "Lamberteschi"), ("Lamberteschi", "Peruzzi"),
    ("Medici", "Pazzi"), ("Medici", "Salviati"), ("Medici", "Tornabuoni"),
]


def write(folder, name, description, nodes, node_columns, edges, edge_columns, directed=False):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "nodes.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id"] + node_columns)
        writer.writerows(nodes)
    with open(os.path.join(folder, "edges.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target"] + edge_columns)
        writer.writerows(edges)
    with open(os.path.join(folder, "network.json"), "w", encoding="utf-8") as handle:
        json.dump({"name": name, "directed": directed, "description": description}, handle, indent=2)
        handle.write("\n")


def main():
    out = sys.argv[1]
    karate = nx.karate_club_graph()
    write(os.path.join(out, "karate"), "karate",
          "Zachary's karate club: 34 members, ties of interaction outside the club, weighted by the number of contexts; club is the faction each joined after the split",
          [[f"m{v + 1}", f"Member {v + 1}", data["club"]] for v, data in karate.nodes(data=True)], ["label", "club"],
          [[f"m{u + 1}", f"m{v + 1}", data["weight"]] for u, v, data in karate.edges(data=True)], ["weight"])

    marriage = nx.florentine_families_graph()
    families = sorted(set(marriage.nodes()) | {"Pucci"})
    ties = [[u, v, "marriage"] for u, v in sorted(tuple(sorted(e)) for e in marriage.edges())]
    ties += [[u, v, "business"] for u, v in BUSINESS]
    write(os.path.join(out, "florentine"), "florentine",
          "Padgett's Florentine families around 1430: marriage alliances and business ties among sixteen elite families",
          [[f, f, "family"] for f in families], ["label", "kind"], ties, ["kind"])

    davis = nx.davis_southern_women_graph()
    nodes = [[v, v, "woman" if data["bipartite"] == 0 else "event"] for v, data in davis.nodes(data=True)]
    write(os.path.join(out, "davis"), "davis",
          "Davis, Gardner and Gardner's southern women: 18 women and the 14 social events each attended (two-mode)",
          nodes, ["label", "kind"], [[u, v, "attended"] for u, v in davis.edges()], ["kind"])

    lesmis = nx.les_miserables_graph()
    write(os.path.join(out, "lesmis"), "lesmis",
          "Characters of Victor Hugo's Les Misérables, tied when they appear in the same chapter, weighted by how often",
          [[v, v] for v in lesmis.nodes()], ["label"],
          [[u, v, int(data["weight"])] for u, v, data in lesmis.edges(data=True)], ["weight"])


if __name__ == "__main__":
    main()
