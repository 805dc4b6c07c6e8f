"""Times the peers' readers for Scripts/bench's reading section: one JSON line per reader with its time
inside Python (the read alone, best of REPEATS) and the process's peak memory.

Usage: bench_reading.py ncol FILE | dataframe NODES EDGES | graphml FILE
"""
import json
import resource
import sys
import time

import igraph

REPEATS = 3


def best(read):
    seconds = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        graph = read()
        seconds = min(seconds, time.perf_counter() - start)
        del graph
    return seconds


def main():
    what = sys.argv[1]
    if what == "ncol":
        seconds = best(lambda: igraph.Graph.Read_Ncol(sys.argv[2], weights=True, directed=False))
        reader = "igraph Graph.Read_Ncol"
    elif what == "dataframe":
        import pandas

        def read():
            nodes = pandas.read_csv(sys.argv[2])
            edges = pandas.read_csv(sys.argv[3])
            return igraph.Graph.DataFrame(edges, directed=True, vertices=nodes, use_vids=False)

        seconds = best(read)
        reader = "pandas read_csv + igraph Graph.DataFrame"
    elif what == "graphml":
        seconds = best(lambda: igraph.Graph.Read_GraphML(sys.argv[2]))
        reader = "igraph Graph.Read_GraphML"
    else:
        raise SystemExit(f"unknown reader {what}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"reader": reader, "seconds": seconds, "peak_bytes": peak}))


if __name__ == "__main__":
    main()
