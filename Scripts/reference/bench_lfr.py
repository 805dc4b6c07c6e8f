"""Communities on LFR benchmark graphs and the classic datasets beside NetworKit's PLM, for Scripts/bench.

Usage: bench_lfr.py STAKENET CLASSIC_DIR [--nodes N] [--seeds S]

LFR graphs (NetworKit's generator: power-law degrees, mean 20, max 50, exponent 2; community sizes 20 to
100, exponent 1) at mixing parameters 0.1 to 0.6, and the classic datasets (karate, lesmis, florentine;
unweighted). For each graph and method, the mean over seeds of modularity (NetworKit's `Modularity`, so
both sides are scored alike) and, on LFR, of NMI with the planted partition (1 − NetworKit's
`NMIDistance`). Prints one JSON line per graph and method.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import networkit as nk


def stakenet_partition(stakenet, path, method, seed, mapping, n):
    out = subprocess.run([stakenet, "communities", path, "--undirected", "--method", method, "--seed", str(seed),
                          "--format", "csv", "--quiet"], check=True, capture_output=True, text=True).stdout
    partition = nk.Partition(n)
    partition.setUpperBound(n + 1)
    rows = list(csv.reader(out.splitlines()))
    who, which = rows[0].index("id"), rows[0].index("community")
    for row in rows[1:]:
        partition[mapping[row[who]]] = int(row[which])
    return partition


def evaluate(stakenet, name, graph, path, mapping, truth, seeds):
    quality = nk.community.Modularity()
    n = graph.numberOfNodes()
    runs = {"networkit_plm": lambda seed: (nk.setSeed(seed, True), nk.community.PLM(graph, refine=False, gamma=1.0).run().getPartition())[1],
            "stakenet_leiden": lambda seed: stakenet_partition(stakenet, path, "leiden", seed, mapping, n),
            "stakenet_louvain": lambda seed: stakenet_partition(stakenet, path, "louvain", seed, mapping, n)}
    for method, run in runs.items():
        qs, nmis = [], []
        for seed in range(1, seeds + 1):
            partition = run(seed)
            qs.append(quality.getQuality(partition, graph))
            if truth is not None:
                nmis.append(1 - nk.community.NMIDistance().getDissimilarity(graph, partition, truth))
        row = {"graph": name, "method": method, "modularity": sum(qs) / seeds}
        if nmis:
            row["nmi"] = sum(nmis) / seeds
        print(json.dumps(row), flush=True)


def main():
    stakenet, classic = sys.argv[1], sys.argv[2]
    nodes = int(sys.argv[sys.argv.index("--nodes") + 1]) if "--nodes" in sys.argv else 5000
    seeds = int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 3
    nk.setNumberOfThreads(2)
    work = tempfile.mkdtemp()
    for mu in (0.1, 0.3, 0.5, 0.6):
        nk.setSeed(7, False)
        generator = nk.generators.LFRGenerator(nodes)
        generator.generatePowerlawDegreeSequence(20, 50, -2)
        generator.generatePowerlawCommunitySizeSequence(20, 100, -1)
        generator.setMu(mu)
        generator.run()
        graph, truth = generator.getGraph(), generator.getPartition()
        path = os.path.join(work, f"lfr-{mu}.csv")
        with open(path, "w") as handle:
            handle.write("source,target\n")
            for u, v in graph.iterEdges():
                handle.write(f"{u},{v}\n")
        # Stakeholders are named by node index; isolated nodes (none in LFR) would be missing from the file.
        mapping = {str(v): v for v in range(graph.numberOfNodes())}
        evaluate(stakenet, f"LFR n={nodes} mu={mu}", graph, path, mapping, truth, seeds)
    for name in ("karate", "lesmis", "florentine"):
        folder = os.path.join(classic, name)
        # The classic folders hold nodes.csv and edges.csv; read the ties as StakeNet does, unweighted.
        edges = os.path.join(folder, "edges.csv")
        with open(edges) as handle:
            rows = list(csv.DictReader(handle))
        ids = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
        mapping = {s: i for i, s in enumerate(ids)}
        graph = nk.Graph(len(ids))
        for r in rows:
            u, v = mapping[r["source"]], mapping[r["target"]]
            if u != v and not graph.hasEdge(u, v):
                graph.addEdge(u, v)
        path = os.path.join(work, f"{name}.csv")
        with open(path, "w") as handle:
            handle.write("source,target\n")
            for u, v in graph.iterEdges():
                handle.write(f"{ids[u]},{ids[v]}\n")
        evaluate(stakenet, name, graph, path, mapping, None, seeds)


if __name__ == "__main__":
    main()
