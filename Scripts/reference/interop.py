"""Interoperability with the peers, both ways.

  interop.py write OUT   writes files as NetworkX and igraph write them (OUT/networkx, OUT/igraph) and
                         OUT/expected.json, what each file holds; StakeNet's tests read every file and
                         compare (Tests/Fixtures/interop; Scripts/test regenerates it and diffs).
  interop.py check DIR   reads the files StakeNet wrote into DIR (DIR/NAME.graphml, .gexf, .json, .net
                         with NetworkX and igraph, .dl with igraph) and compares them with DIR/NAME/ (the CSV folder
                         StakeNet wrote from the same network): same nodes, ties, weights and attributes.
Run with PYTHONHASHSEED=0.
"""
import csv
import json
import math
import os
import re
import sys

import igraph as ig
import networkx as nx


def typed_graph():
    """A directed graph with attributes of every type, odd characters and a self-loop."""
    g = nx.DiGraph(name="typed")
    g.add_node("a", label="Alpha & Co", kind="spin-out", size=3, score=0.5, active=True)
    g.add_node("b", label='Beta "B" <b>', kind="funder", size=10, score=1.25, active=False)
    g.add_node("c", label="Gamma, Ltd", kind="union", size=7, score=2.0, active=True)
    g.add_node("d", label="Délta ünïcode", kind="university", size=1, score=0.0, active=False)
    g.add_edge("a", "b", weight=2.5, kind="funding", since=2012)
    g.add_edge("b", "c", weight=1.0, kind="support", since=2015)
    g.add_edge("c", "a", weight=4.0, kind="funding", since=2010)
    g.add_edge("d", "d", weight=1.0, kind="research", since=2019)
    return g


def karate():
    g = nx.karate_club_graph()
    return nx.relabel_nodes(g, {v: f"m{v}" for v in g})


def expected(g):
    return {
        "directed": g.is_directed(),
        "nodes": {str(v): {k: d for k, d in data.items()} for v, data in g.nodes(data=True)},
        "edges": sorted([[str(u), str(v), data.get("weight", 1.0)] for u, v, data in g.edges(data=True)]),
    }


def write(out):
    os.makedirs(os.path.join(out, "networkx"), exist_ok=True)
    os.makedirs(os.path.join(out, "igraph"), exist_ok=True)
    cases = {"karate": karate(), "typed": typed_graph(), "lesmis": nx.les_miserables_graph()}
    facts = {}
    for name, g in cases.items():
        base = os.path.join(out, "networkx", name)
        nx.write_graphml(g, base + ".graphml")
        nx.write_gexf(g, base + ".gexf")
        # NetworkX stamps GEXF files with today's date: fix it so the stored fixture does not change.
        with open(base + ".gexf", encoding="utf-8") as handle:
            text = re.sub(r'lastmodifieddate="[^"]*"', 'lastmodifieddate="2026-01-01"', handle.read())
        with open(base + ".gexf", "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(base + ".json", "w", encoding="utf-8") as handle:
            json.dump(nx.node_link_data(g), handle, indent=1)
            handle.write("\n")
        if name != "typed":
            nx.write_pajek(g, base + ".net")
        facts[f"networkx/{name}"] = expected(g)
    for name in ("karate", "lesmis"):
        g = cases[name]
        h = ig.Graph.from_networkx(g)
        h.vs["name"] = [str(v) for v in h.vs["_nx_name"]]
        del h.vs["_nx_name"]
        base = os.path.join(out, "igraph", name)
        h.write_graphml(base + ".graphml")
        h.write_pajek(base + ".net")
        facts[f"igraph/{name}"] = expected(g)
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as handle:
        json.dump(facts, handle, indent=1, sort_keys=True, default=str)
        handle.write("\n")


def read_folder(folder):
    """The network StakeNet wrote as a CSV folder: nodes with attributes, ties with weights."""
    with open(os.path.join(folder, "network.json"), encoding="utf-8") as handle:
        settings = json.load(handle)
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    with open(os.path.join(folder, "edges.csv"), encoding="utf-8") as handle:
        edges = sorted((row["source"], row["target"], float(row["weight"] or 1)) for row in csv.DictReader(handle))
    return settings["directed"], nodes, edges


def same_value(ours, theirs):
    if ours in ("", None):
        return theirs in ("", None)
    if isinstance(theirs, bool):
        return str(theirs).lower() == ours.lower()
    if isinstance(theirs, (int, float)):
        return math.isclose(float(ours), float(theirs), rel_tol=1e-12)
    return str(theirs) == ours


def check(folder):
    failures = []
    for name in sorted(os.listdir(folder)):
        base = os.path.join(folder, name)
        if not os.path.isdir(base):
            continue
        directed, nodes, edges = read_folder(base)
        readers = {
            "graphml": [("networkx", lambda p: nx.read_graphml(p)), ("igraph", lambda p: ig.Graph.Read_GraphML(p).to_networkx())],
            "gexf": [("networkx", lambda p: nx.read_gexf(p))],
            "json": [("networkx", lambda p: nx.node_link_graph(json.load(open(p, encoding="utf-8"))))],
            "net": [("networkx", lambda p: nx.read_pajek(p)), ("igraph", lambda p: ig.Graph.Read_Pajek(p).to_networkx())],
            "dl": [("igraph", lambda p: ig.Graph.Read_DL(p, directed=directed).to_networkx())],
        }
        for extension, list_ in readers.items():
            path = base + "." + extension
            if extension == "dl" and "nm=" in open(path, encoding="utf-8").readline():
                continue  # igraph does not read DL files of several matrices (one per tie kind)
            for library, reader in list_:
                where = f"{name}.{extension} read by {library}"
                try:
                    g = reader(path)
                except Exception as error:  # noqa: BLE001 - report any reader failure
                    failures.append(f"{where}: cannot be read: {error}")
                    continue
                if library == "igraph":
                    key = "name"
                    names = {v: data.get(key, data.get("id", v)) for v, data in g.nodes(data=True)}
                    g = nx.relabel_nodes(g, names)
                if extension == "dl" and not directed:
                    # DL lists an undirected tie both ways; igraph reads each way as an edge.
                    g = nx.Graph(g)
                if extension == "net" and library == "networkx":
                    g = nx.relabel_nodes(g, {v: str(v) for v in g})
                got_nodes = {str(v) for v in g.nodes()}
                if got_nodes != set(nodes):
                    failures.append(f"{where}: nodes differ ({len(got_nodes)} vs {len(nodes)})")
                    continue
                got_edges = sorted((str(u), str(v), float(d.get("weight", 1.0))) for u, v, d in g.edges(data=True))
                want_edges = edges
                if not g.is_directed():
                    canon = lambda triple: (min(triple[0], triple[1]), max(triple[0], triple[1]), triple[2])
                    got_edges = sorted(map(canon, got_edges))
                    want_edges = sorted(map(canon, edges))
                if len(got_edges) != len(want_edges) or any(a[:2] != b[:2] or not math.isclose(a[2], b[2]) for a, b in zip(got_edges, want_edges)):
                    failures.append(f"{where}: ties differ ({len(got_edges)} vs {len(want_edges)})")
                if g.is_directed() != directed and extension != "net":
                    failures.append(f"{where}: read as {'directed' if g.is_directed() else 'undirected'}")
                if extension in ("graphml", "gexf", "json") and library == "networkx":
                    for v, row in nodes.items():
                        data = g.nodes[v]
                        for column in ("kind", "sector"):
                            if not same_value(row[column], data.get(column)):
                                failures.append(f"{where}: node {v} {column} {data.get(column)!r} vs {row[column]!r}")
                                break
        # The workbook, as openpyxl reads it: Kumu's two sheets, one row per stakeholder and per tie.
        path = base + ".xlsx"
        if os.path.exists(path):
            import openpyxl
            book = openpyxl.load_workbook(path, read_only=True)
            where = f"{name}.xlsx read by openpyxl"
            if book.sheetnames != ["Elements", "Connections"]:
                failures.append(f"{where}: sheets {book.sheetnames}")
            else:
                elements = list(book["Elements"].iter_rows(values_only=True))
                connections = list(book["Connections"].iter_rows(values_only=True))
                ids = {str(row[0]) for row in elements[1:]}
                if elements[0][:2] != ("ID", "Label") or ids != set(nodes):
                    failures.append(f"{where}: elements differ ({len(ids)} vs {len(nodes)})")
                if connections[0][:2] != ("From", "To") or len(connections) - 1 != len(edges):
                    failures.append(f"{where}: connections differ ({len(connections) - 1} vs {len(edges)})")
                elif any(str(row[0]) not in ids or str(row[1]) not in ids for row in connections[1:]):
                    failures.append(f"{where}: a connection names an element that is not there")
        print(f"{name}: checked", file=sys.stderr)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("interop: every file StakeNet wrote reads back the same in NetworkX, igraph and openpyxl")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        sys.exit(__doc__)
    (write if sys.argv[1] == "write" else check)(sys.argv[2])
