"""Writes Networks/mutual-spinouts-interviews: Net-Map interviews about Networks/mutual-spinouts.

Respondents at every level of four health and social care spin-outs and three leisure trusts (a director,
a trustee, two members of staff and a user of each), and two policy makers, two union representatives and
two support providers, each reporting the ties of Networks/mutual-spinouts they could know of, with
omissions and errors that depend on their role, and an influence tower (0-10 counters) for each stakeholder
on their map. Commissioning contracts are also known from the public contracts register: those ties are
recorded without a respondent. The rules (python3, standard library only, fixed seed):

- What a respondent could know (their map): a director knows every tie of their organisation and the ties
  among its partners; a trustee their organisation's funding, commissioning, membership and representation
  ties; staff their organisation's support, partnership, knowledge-exchange, research and commissioning ties;
  a user their organisation's ties to user groups, commissioners and unions; a policy maker every funding and
  commissioning tie and their own organisation's ties; a union representative every representation and
  membership tie touching a union, and their own; a support provider their organisation's ties and the funding
  and support ties of the organisations it supports.
- Recall: each tie they could know is reported with probability director 0.9, trustee 0.75, staff 0.6,
  user 0.45, policy maker 0.7, union 0.7, support provider 0.8.
- Errors: a tie that does not exist, between two stakeholders on their map, of a kind drawn from the real
  kinds, with probability per pair director 0.005, trustee 0.01, staff 0.015, user 0.03, others 0.01.
- Towers: influence = round(1 + 7 * (rank of the stakeholder's true weighted degree) + perception bias +
  noise), clipped to 0-10, where the bias is +2 for funders and policy makers seen from inside an
  organisation (directors, trustees, staff, users), +1.5 for commissioners seen by staff and users, +2 for
  unions seen by union representatives, and noise is Gaussian with sd 1 (directors) to 2 (users). Attitude
  toward the innovation (-, 0, +): + for support providers and funders, - for unions seen by directors.

Usage: python3 Scripts/networks/mutual_spinouts_interviews.py SOURCE_FOLDER OUT_FOLDER
"""
import csv
import json
import os
import random
import sys

SEED = 2027
RECALL = {"director": 0.9, "trustee": 0.75, "staff": 0.6, "user": 0.45, "policy-maker": 0.7, "union": 0.7, "support-provider": 0.8}
ERROR = {"director": 0.005, "trustee": 0.01, "staff": 0.015, "user": 0.03}
NOISE = {"director": 1.0, "trustee": 1.3, "staff": 1.6, "user": 2.0, "policy-maker": 1.2, "union": 1.4, "support-provider": 1.2}
INSIDE = {"director", "trustee", "staff", "user"}


def main():
    source, out = sys.argv[1], sys.argv[2]
    rng = random.Random(SEED)
    with open(os.path.join(source, "nodes.csv"), newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(source, "edges.csv"), newline="") as f:
        edges = list(csv.DictReader(f))
    kind_of = {n["id"]: n["kind"] for n in nodes}
    by_kind = {}
    for n in nodes:
        by_kind.setdefault(n["kind"], []).append(n["id"])

    def touching(org):
        return [e for e in edges if org in (e["source"], e["target"])]

    def other(e, org):
        return e["target"] if e["source"] == org else e["source"]

    respondents = []  # (id, role, organisation, sector)
    for org in ["spinout-01", "spinout-03", "spinout-07", "spinout-12", "leisure-trust-01", "leisure-trust-03", "leisure-trust-08"]:
        sector = next(n["sector"] for n in nodes if n["id"] == org)
        short = org.replace("spinout-", "so").replace("leisure-trust-", "lt")
        for role, count in [("director", 1), ("trustee", 1), ("staff", 2), ("user", 1)]:
            for k in range(count):
                respondents.append((f"{short}-{role}{'' if count == 1 else k + 1}", role, org, sector))
    for role, kind in [("policy-maker", "policy-maker"), ("union", "union"), ("support-provider", "support-provider")]:
        for k, org in enumerate(by_kind[kind][:2]):
            respondents.append((f"{role}-{k + 1}", role, org, next(n["sector"] for n in nodes if n["id"] == org)))

    def knowable(role, org):
        own = touching(org)
        if role == "director":
            partners = {other(e, org) for e in own}
            return own + [e for e in edges if e["source"] in partners and e["target"] in partners]
        if role == "trustee":
            return [e for e in own if e["kind"] in ("funding", "commissioning", "membership", "representation")]
        if role == "staff":
            return [e for e in own if e["kind"] in ("support", "partnership", "knowledge-exchange", "research", "commissioning")]
        if role == "user":
            return [e for e in own if kind_of[other(e, org)] in ("user-group", "commissioner", "union")]
        if role == "policy-maker":
            return own + [e for e in edges if e["kind"] in ("funding", "commissioning")]
        if role == "union":
            return own + [e for e in edges if e["kind"] in ("representation", "membership") and "union" in (kind_of[e["source"]], kind_of[e["target"]])]
        supported = {other(e, org) for e in own}
        return own + [e for e in edges if e["kind"] in ("funding", "support") and (e["source"] in supported or e["target"] in supported)]

    # True weighted degree, as a rank in [0, 1].
    strength = {n["id"]: 0.0 for n in nodes}
    for e in edges:
        w = float(e["weight"] or 1)
        strength[e["source"]] += w
        strength[e["target"]] += w
    order = sorted(strength, key=lambda v: (strength[v], v))
    rank = {v: i / (len(order) - 1) for i, v in enumerate(order)}
    kinds = sorted({e["kind"] for e in edges})

    rows = []
    # The public contracts register: commissioning ties, recorded without a respondent.
    for e in edges:
        if e["kind"] == "commissioning" and rng.random() < 0.5:
            rows.append([e["source"], e["target"], e["kind"], e["weight"], e["start"], e["end"], ""])
    perceptions = []
    for rid, role, org, _ in respondents:
        seen = {id(e): e for e in knowable(role, org)}
        reported = [e for e in seen.values() if rng.random() < RECALL[role]]
        on_map = sorted({org} | {v for e in reported for v in (e["source"], e["target"])})
        existing = {(e["source"], e["target"]) for e in edges}
        invented = []
        for s in on_map:
            for t in on_map:
                if s != t and (s, t) not in existing and rng.random() < ERROR.get(role, 0.01):
                    invented.append({"source": s, "target": t, "kind": rng.choice(kinds), "weight": str(rng.randint(1, 3)), "start": "", "end": ""})
        for e in reported + invented:
            rows.append([e["source"], e["target"], e["kind"], e["weight"], e["start"], e["end"], rid])
        for v in on_map:
            bias = 0.0
            if role in INSIDE and kind_of[v] in ("funder", "policy-maker"):
                bias += 2
            if role in ("staff", "user") and kind_of[v] == "commissioner":
                bias += 1.5
            if role == "union" and kind_of[v] == "union":
                bias += 2
            tower = round(1 + 7 * rank[v] + bias + rng.gauss(0, NOISE[role]))
            tower = max(0, min(10, tower))
            attitude = "+" if kind_of[v] in ("support-provider", "funder") else ("-" if role == "director" and kind_of[v] == "union" else "0")
            perceptions.append([rid, v, tower, attitude])

    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "nodes.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(list(nodes[0].keys()))
        for n in nodes:
            writer.writerow(list(n.values()))
    with open(os.path.join(out, "edges.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["source", "target", "kind", "weight", "start", "end", "respondent"])
        writer.writerows(rows)
    with open(os.path.join(out, "respondents.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["id", "role", "organisation", "sector"])
        writer.writerows(respondents)
    with open(os.path.join(out, "perceptions.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["respondent", "stakeholder", "influence", "attitude"])
        writer.writerows(perceptions)
    with open(os.path.join(out, "network.json"), "w") as f:
        json.dump({"name": "mutual-spinouts-interviews", "directed": True,
                   "description": "Net-Map interviews about the mutual-spinouts ecosystem: 41 respondents' reports of the ties they know, "
                                  "with influence towers (generated by Scripts/networks/mutual_spinouts_interviews.py)"}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
