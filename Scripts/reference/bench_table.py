"""Prints Scripts/bench's results (JSON lines) as one table."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
title = sys.argv[2] if len(sys.argv) > 2 else ""
columns = [("stakenet", 1), ("stakenet", 2), ("igraph", 1), ("networkit", 1), ("networkit", 2), ("rustworkx", 1), ("rustworkx", 2)]


def seconds(library, threads, algorithm, scope):
    for row in rows:
        if (row["library"], row["threads"], row["algorithm"], row["scope"]) == (library, threads, algorithm, scope):
            return row["seconds"]
    return None


def show(value):
    if value is None:
        return "-"
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


print(title)
header = ["algorithm", "scope"] + [f"{name} {threads}T" for name, threads in columns] + ["StakeNet 1T / fastest peer 1T", "StakeNet 2T / fastest peer"]
table = [header]
for algorithm in ["betweenness", "closeness", "pagerank", "core_number", "louvain", "leiden"]:
    for scope in ["algorithm", "end_to_end"]:
        values = [seconds(name, threads, algorithm, scope) for name, threads in columns]
        peers_one = [v for (name, threads), v in zip(columns, values) if name != "stakenet" and threads == 1 and v is not None]
        peers_any = [v for (name, _), v in zip(columns, values) if name != "stakenet" and v is not None]
        ratio_one = f"{values[0] / min(peers_one):.2f}" if values[0] and peers_one else "-"
        ratio_two = f"{values[1] / min(peers_any):.2f}" if values[1] and peers_any else "-"
        table.append([algorithm, scope.replace("_", " ")] + [show(v) for v in values] + [ratio_one, ratio_two])
widths = [max(len(row[i]) for row in table) for i in range(len(header))]
for row in table:
    print("  ".join(cell.ljust(width) if i < 2 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))))

print()
print("communities: modularity of the partition found (same graph)")
for algorithm in ["louvain", "leiden"]:
    found = [(row["library"], row["threads"], row["modularity"]) for row in rows if row["algorithm"] == algorithm and "modularity" in row]
    print(f"  {algorithm}: " + ", ".join(f"{library} {threads}T {quality:.4f}" for library, threads, quality in found))

print()
print("independent cascade, p = 0.01, 10 seeds, 10,000 runs on the same graph: runs per second")
for library, threads in [("stakenet", 1), ("stakenet", 2), ("cynetdiff", 1), ("ndlib", 1)]:
    value = seconds(library, threads, "cascade", "algorithm")
    if value:
        print(f"  {library} {threads}T: {10_000 / value:,.0f} runs/s")
