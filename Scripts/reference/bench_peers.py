"""Times the peer libraries on an edge list, for Scripts/bench. Prints one JSON object per line:
{"library", "algorithm", "threads", "seconds", "scope"} where scope is "algorithm" (graph already built)
or "end_to_end" (read the file, build the graph, compute), best of several runs.

Usage: bench_peers.py EDGES.csv [--undirected] [--algorithms betweenness,closeness,pagerank,core_number]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time


def best_time(function, minimum_total=0.5, at_least=3, cap=2.0):
    best, total, runs = float("inf"), 0.0, 0
    while runs < at_least or (total < minimum_total and runs < 1000):
        start = time.perf_counter()
        function()
        seconds = time.perf_counter() - start
        best, total, runs = min(best, seconds), total + seconds, runs + 1
        if seconds > cap:
            break
    return best


def read_edges(path):
    with open(path, newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        return [(int(a), int(b)) for a, b, *_ in rows]


CASCADE_RUNS = 10_000


def cascade_runs(path, library):
    """Independent cascade, p = 0.01 on every tie (both ways), seeds 0..9: runs per second."""
    import networkx as nx
    edges = read_edges(path)
    graph = nx.DiGraph()
    graph.add_edges_from(edges)
    graph.add_edges_from((b, a) for a, b in edges)
    seeds = list(range(10))
    if library == "cynetdiff":
        from cynetdiff.utils import networkx_to_ic_model
        model, _ = networkx_to_ic_model(graph, activation_prob=0.01, rng=1)
        model.set_seeds(seeds)
        def run_all(runs):
            for _ in range(runs):
                model.reset_model()
                model.advance_until_completion()
        runs = CASCADE_RUNS
    else:
        import ndlib.models.ModelConfig as mc
        import ndlib.models.epidemics as ep
        model = ep.IndependentCascadesModel(graph, seed=1)
        config = mc.Configuration()
        config.add_model_initial_configuration("Infected", seeds)
        for a, b in graph.edges():
            config.add_edge_configuration("threshold", (a, b), 0.01)
        model.set_initial_status(config)
        def run_all(runs):
            for _ in range(runs):
                model.reset(seeds)
                while True:
                    iteration = model.iteration()
                    if iteration["node_count"].get(1, 0) == 0 and iteration["iteration"] > 0:
                        break
        runs = 50  # NDlib is slow: its rate is measured on fewer runs
    start = time.perf_counter()
    run_all(runs)
    seconds = time.perf_counter() - start
    return seconds * CASCADE_RUNS / runs


def igraph_runs(path, directed, algorithm):
    import igraph as ig

    def build():
        edges = read_edges(path)
        n = 1 + max(max(a, b) for a, b in edges)
        return ig.Graph(n=n, edges=edges, directed=directed)

    if algorithm in ("louvain", "leiden"):
        graph = build()
        run = (lambda g: g.community_multilevel()) if algorithm == "louvain" else (lambda g: g.community_leiden(objective_function="modularity", n_iterations=-1))
        clustering = run(graph)
        yield 1, "algorithm", best_time(lambda: run(graph)), graph.modularity(clustering.membership)
        yield 1, "end_to_end", best_time(lambda: run(build())), None
        return
    compute = {
        "betweenness": lambda g: g.betweenness(directed=directed),
        "closeness": lambda g: g.closeness(mode="in"),
        "pagerank": lambda g: g.pagerank(damping=0.85, directed=directed),
        "core_number": lambda g: g.coreness(),
    }[algorithm]
    graph = build()
    yield 1, "algorithm", best_time(lambda: compute(graph)), None
    yield 1, "end_to_end", best_time(lambda: compute(build())), None


def networkit_runs(path, directed, algorithm, threads):
    import networkit as nk

    nk.setNumberOfThreads(threads)

    def build():
        edges = read_edges(path)
        n = 1 + max(max(a, b) for a, b in edges)
        graph = nk.Graph(n, directed=directed)
        for a, b in edges:
            graph.addEdge(a, b, checkMultiEdge=True)
        return graph

    if algorithm in ("louvain", "leiden"):
        graph = build()
        run = (lambda g: nk.community.PLM(g, refine=False, gamma=1.0).run().getPartition()) if algorithm == "louvain" else (lambda g: nk.community.ParallelLeiden(g).run().getPartition())
        quality = nk.community.Modularity().getQuality(run(graph), graph)
        yield threads, "algorithm", best_time(lambda: run(graph)), quality
        yield threads, "end_to_end", best_time(lambda: run(build())), None
        return
    compute = {
        "betweenness": lambda g: nk.centrality.Betweenness(g, normalized=True).run(),
        "closeness": lambda g: nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED).run(),
        "pagerank": lambda g: nk.centrality.PageRank(g, damp=0.85).run(),
        "core_number": lambda g: nk.centrality.CoreDecomposition(g).run(),
    }[algorithm]
    graph = build()
    yield threads, "algorithm", best_time(lambda: compute(graph)), None
    yield threads, "end_to_end", best_time(lambda: compute(build())), None


def rustworkx_runs(path, directed, algorithm, threads):
    import rustworkx as rx

    def build():
        edges = read_edges(path)
        n = 1 + max(max(a, b) for a, b in edges)
        graph = rx.PyDiGraph(multigraph=False) if directed else rx.PyGraph(multigraph=False)
        graph.add_nodes_from(range(n))
        graph.extend_from_edge_list(edges)
        return graph

    if algorithm in ("louvain", "leiden"):
        return
    compute = {
        "betweenness": lambda g: rx.betweenness_centrality(g, normalized=True, parallel_threshold=1 if threads > 1 else 10**9),
        "closeness": lambda g: rx.closeness_centrality(g, wf_improved=True),
        "pagerank": lambda g: rx.pagerank(g, alpha=0.85) if directed else rx.pagerank(rx.PyDiGraph.from_adjacency_matrix(rx.adjacency_matrix(g))),
        "core_number": lambda g: rx.core_number(g),
    }[algorithm]
    graph = build()
    yield threads, "algorithm", best_time(lambda: compute(graph)), None
    yield threads, "end_to_end", best_time(lambda: compute(build())), None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("edges")
    parser.add_argument("--undirected", action="store_true")
    parser.add_argument("--algorithms", default="betweenness,closeness,pagerank,core_number,louvain,leiden,cascade")
    parser.add_argument("--library")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    directed = not args.undirected
    if args.library is None:
        # Each library and thread count in its own process, so thread pools start fresh.
        for library, threads in [("igraph", 1), ("networkit", 1), ("networkit", 2), ("rustworkx", 1), ("rustworkx", 2), ("cynetdiff", 1), ("ndlib", 1)]:
            environment = dict(os.environ, RAYON_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
            command = [sys.executable, __file__, args.edges, "--algorithms", args.algorithms, "--library", library, "--threads", str(threads)]
            if args.undirected:
                command.append("--undirected")
            subprocess.run(command, check=True, env=environment)
        return
    for algorithm in args.algorithms.split(","):
        if algorithm == "cascade":
            if args.library in ("cynetdiff", "ndlib"):
                seconds = cascade_runs(args.edges, args.library)
                print(json.dumps({"library": args.library, "algorithm": "cascade", "threads": 1, "scope": "algorithm", "seconds": seconds}), flush=True)
            continue
        if args.library in ("cynetdiff", "ndlib"):
            continue
        if args.library == "igraph":
            runs = igraph_runs(args.edges, directed, algorithm)
        elif args.library == "networkit":
            runs = networkit_runs(args.edges, directed, algorithm, args.threads)
        else:
            runs = rustworkx_runs(args.edges, directed, algorithm, args.threads)
        for threads, scope, seconds, quality in runs:
            row = {"library": args.library, "algorithm": algorithm, "threads": threads, "scope": scope, "seconds": seconds}
            if quality is not None:
                row["modularity"] = quality
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
