"""Communities beside NetworKit's PLM, whole process with its load, for Scripts/bench.

Usage: bench_communities.py STAKENET EDGES.csv [--weighted] [--seeds N]

Runs `stakenet communities` (Leiden and Louvain, one thread) and NetworKit's PLM (its read of the same
edge list included, 2 threads) once per seed, and prints one JSON line per method: mean modularity over the
seeds, mean seconds, and for StakeNet the ratio of its time to PLM's. Modularity of every partition
is NetworKit's own `Modularity` on the graph read the same way, so both sides are scored alike.
"""
import json
import subprocess
import sys
import time

import networkit as nk


def read(path, weighted):
    """The edge list (header line skipped, ids mapped in order of appearance); NetworKit reads the third
    column as the weight, dropped for the unweighted runs."""
    reader = nk.graphio.EdgeListReader(",", 0, commentPrefix="source", continuous=False, directed=False)
    graph = reader.read(path)
    if not weighted and graph.isWeighted():
        graph = nk.graphtools.toUnweighted(graph)
    return graph, reader.getNodeMap()


def main():
    stakenet, path = sys.argv[1], sys.argv[2]
    weighted = "--weighted" in sys.argv
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 3
    nk.setNumberOfThreads(2)
    graph, mapping = read(path, weighted)
    quality = nk.community.Modularity()

    plm_times, plm_q = [], []
    for seed in range(1, seeds + 1):
        nk.setSeed(seed, True)
        start = time.perf_counter()
        g, _ = read(path, weighted)
        partition = nk.community.PLM(g, refine=False, gamma=1.0).run().getPartition()
        plm_times.append(time.perf_counter() - start)
        plm_q.append(quality.getQuality(partition, g))
    plm_time = sum(plm_times) / seeds
    print(json.dumps({"method": "networkit_plm", "weighted": weighted, "modularity": sum(plm_q) / seeds, "seconds": plm_time}))

    for method in ("leiden", "louvain"):
        times, qs = [], []
        for seed in range(1, seeds + 1):
            command = [stakenet, "communities", path, "--undirected", "--method", method, "--seed", str(seed),
                       "--format", "csv", "--quiet"] + (["--weight", "weight"] if weighted else [])
            start = time.perf_counter()
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            times.append(time.perf_counter() - start)
            # Score StakeNet's partition with NetworKit's modularity on the same graph.
            partition = nk.Partition(graph.numberOfNodes())
            partition.setUpperBound(graph.numberOfNodes() + 1)
            rows = out.splitlines()
            header = rows[0].split(",")
            who, which = header.index("id"), header.index("community")
            for row in rows[1:]:
                cells = row.split(",")
                if cells[who] in mapping:
                    partition[mapping[cells[who]]] = int(cells[which])
            qs.append(quality.getQuality(partition, graph))
        mean_time = sum(times) / seeds
        print(json.dumps({"method": "stakenet_" + method, "weighted": weighted, "modularity": sum(qs) / seeds,
                          "seconds": mean_time, "ratio": mean_time / plm_time}))


if __name__ == "__main__":
    main()
