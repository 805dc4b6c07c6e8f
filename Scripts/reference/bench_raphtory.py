"""Raphtory's temporally_reachable_nodes from the same sources as stakenet-bench temporal-reach, for Scripts/bench.

Each tie active from its start year to its end year (no end: to the ties' last year) becomes one Raphtory edge
event per year it is active. Raphtory asks for t_1 > start_time and strictly increasing times along a path, so
it is run with start_time = START - 1, to match StakeNet's strict paths that set out in START.
Prints one JSON line for loading and one per source searched (the stakeholders reached, the source not counted).

Usage: python bench_raphtory.py EDGES.csv SOURCES.txt START
"""
import csv
import json
import sys
import time

import pandas as pd
from raphtory import Graph, algorithms


def main():
    edges, sources_file, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    began = time.perf_counter()
    with open(edges, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    last = max(int(r["end"] or r["start"]) for r in rows)
    src, dst, year = [], [], []
    for r in rows:
        first = int(r["start"])
        for y in range(first, int(r["end"] or last) + 1):
            src.append(r["source"]); dst.append(r["target"]); year.append(y)
    frame = pd.DataFrame({"src": src, "dst": dst, "time": year})
    graph = Graph()
    graph.load_edges(data=frame, time="time", src="src", dst="dst")
    print(json.dumps({"algorithm": "raphtory_load", "seconds": time.perf_counter() - began, "events": len(frame)}), flush=True)
    sources = [line.strip() for line in open(sources_file, encoding="utf-8") if line.strip()]
    # One line per source as it finishes, so that a run stopped by a time limit still reports what it did.
    for s in sources:
        began = time.perf_counter()
        state = algorithms.temporally_reachable_nodes(graph, max_hops=len(set(year)) * 100, start_time=start - 1, seed_nodes=[s])
        reached = sum(1 for node, history in state.items() if len(history) > 0 and node.name != s)
        print(json.dumps({"algorithm": "raphtory_temporally_reachable_nodes", "source": s, "seconds": time.perf_counter() - began, "reached": reached}), flush=True)


if __name__ == "__main__":
    main()
