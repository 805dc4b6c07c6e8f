"""Writes Networks/mutual-spinouts: a realistic, anonymised two-sector ecosystem of public service mutuals.

Health and social care spin-outs (formed 2011-2016, as the government's mutuals programmes ran) and leisure
trusts (formed 1993-2003, when councils moved leisure services into trusts), with the commissioners,
funders, policy makers, unions, universities, support providers and user groups around them. Every
stakeholder has a generic name; no tie is attributed to a real organisation. Ties follow the rules below,
drawn with a fixed seed, so the network is the same on every run (python3, standard library only).

Usage: python3 Scripts/networks/mutual_spinouts.py OUT_FOLDER
"""
import csv
import json
import os
import random
import sys

REGIONS = ["north", "midlands", "south", "london"]
SEED = 2026


def build():
    rng = random.Random(SEED)
    nodes = []  # (id, label, kind, sector, region, founded, subsector)
    ties = []   # (source, target, kind, weight, start, end)

    def node(id_, label, kind, sector, region="", founded="", subsector=""):
        nodes.append((id_, label, kind, sector, region, founded, subsector))
        return id_

    def tie(source, target, kind, weight, start="", end=""):
        ties.append((source, target, kind, weight, start, end))

    # Public bodies.
    councils = [node(f"council-{c}", f"Council {c.upper()}", "commissioner", "local-government", REGIONS[i % 4]) for i, c in enumerate("abcdef")]
    nhs = [node(f"nhs-commissioner-{c}", f"NHS commissioning body {c.upper()}", "commissioner", "health-commissioning", REGIONS[i]) for i, c in enumerate("abcd")]
    programme = node("mutuals-support-programme", "A national mutuals support programme", "funder", "government")
    sif = [node(f"social-investment-fund-{c}", f"Social investment fund {c.upper()}", "funder", "social-investment") for c in "ab"]
    foundation = node("grant-foundation", "A grant-making foundation", "funder", "charity")
    sport_funder = node("sport-funder", "A national sport and physical activity funder", "funder", "leisure")
    mutuals_team = node("mutuals-policy-team", "Central government mutuals policy team", "policy-maker", "government")
    health_policy = node("health-policy-team", "A national health policy team", "policy-maker", "government")
    council_association = node("council-association", "A national association of councils", "policy-maker", "local-government")
    union_health = node("union-health-branch", "Regional union branch (health)", "union", "labour")
    union_council = node("union-council-branch", "Regional union branch (local government)", "union", "labour")
    union_national = node("public-service-union", "A national public service union", "union", "labour")
    universities = [node(f"university-{c}", f"University {c.upper()} research centre", "university", "research") for c in "abc"]
    mutuals_network = node("mutuals-network", "A network of public service mutuals", "support-provider", "third-sector")
    trade_association = node("leisure-trade-association", "A trade association of leisure trusts", "support-provider", "leisure")
    coop_agency = node("co-op-development-agency", "A co-operative development agency", "support-provider", "third-sector")
    legal = node("legal-advisers", "Specialist legal advisers", "support-provider", "private")
    business = node("business-advisers", "Business advisers to spin-outs", "support-provider", "private")

    # The two sectors' case organisations.
    subsectors = ["community-health", "community-health", "social-care", "social-care", "mental-health"]
    spinouts = []
    for i in range(14):
        region = REGIONS[rng.randrange(4)]
        sub = subsectors[rng.randrange(len(subsectors))]
        spinouts.append(node(f"spinout-{i + 1:02d}", f"{sub.replace('-', ' ').capitalize()} spin-out {i + 1}", "spin-out",
                             "health-social-care", region, str(rng.randint(2011, 2016)), sub))
    trusts = []
    for i in range(10):
        region = REGIONS[rng.randrange(4)]
        trusts.append(node(f"leisure-trust-{i + 1:02d}", f"Leisure trust {i + 1}", "leisure-trust", "leisure", region,
                           str(rng.randint(1993, 2003)), "leisure"))
    info = {n[0]: n for n in nodes}
    founded = lambda s: int(info[s][5])
    region_of = lambda s: info[s][4]
    councils_in = lambda region: [c for c in councils if region_of(c) == region]

    # Rules for health and social care spin-outs.
    for s in spinouts:
        y = founded(s)
        tie(rng.choice(councils_in(region_of(s))), s, "commissioning", 5, y)
        if info[s][6] != "social-care" and rng.random() < 0.8:
            tie(next(c for c in nhs if region_of(c) == region_of(s)), s, "commissioning", 4, y)
        if rng.random() < 0.85:
            tie(programme, s, "funding", 3, y - 1, y + 1)
        if rng.random() < 0.35:
            tie(rng.choice(sif), s, "funding", 3, y + rng.randint(1, 3))
        if rng.random() < 0.2:
            tie(foundation, s, "funding", 2, y + rng.randint(0, 4))
        if rng.random() < 0.8:
            tie(s, mutuals_network, "membership", 2, y)
        if rng.random() < 0.6:
            tie(legal, s, "support", 2, y - 1, y)
        if rng.random() < 0.5:
            tie(business, s, "support", 2, y - 1, y + 1)
        if rng.random() < 0.3:
            tie(coop_agency, s, "support", 2, y - 1, y)
        if rng.random() < 0.25 and y <= 2013:
            tie(mutuals_team, s, "support", 2, y - 1, y)
        if rng.random() < 0.75:
            tie(union_health, s, "representation", rng.choice([2, 3]), y)
        if rng.random() < 0.3:
            tie(union_national, s, "representation", 2, y)
        if rng.random() < 0.35:
            tie(rng.choice(universities), s, "research", 2, rng.randint(max(y, 2012), 2018))
        if rng.random() < 0.2:
            tie(s, rng.choice(universities), "knowledge-exchange", 1, rng.randint(max(y, 2013), 2019))
    for i, a in enumerate(spinouts):
        for b in spinouts[i + 1:]:
            if rng.random() < 0.12:
                source, target = (a, b) if rng.random() < 0.5 else (b, a)
                tie(source, target, "knowledge-exchange", rng.randint(1, 3), max(founded(a), founded(b)) + rng.randint(0, 3))

    # Rules for leisure trusts.
    for t in trusts:
        y = founded(t)
        tie(rng.choice(councils_in(region_of(t))), t, "commissioning", 5, y)
        if rng.random() < 0.25:
            tie(rng.choice([c for c in councils if region_of(c) != region_of(t)]), t, "commissioning", 4, y + rng.randint(3, 12))
        if rng.random() < 0.5:
            tie(sport_funder, t, "funding", 3, rng.randint(2000, 2015))
        if rng.random() < 0.15:
            tie(foundation, t, "funding", 2, rng.randint(2005, 2018))
        if rng.random() < 0.1:
            tie(rng.choice(sif), t, "funding", 3, rng.randint(2012, 2018))
        if rng.random() < 0.9:
            tie(t, trade_association, "membership", 2, y + 1)
        if rng.random() < 0.2:
            tie(business, t, "support", 2, rng.randint(y, 2015))
        if rng.random() < 0.15:
            tie(coop_agency, t, "support", 2, y - 1, y)
        if rng.random() < 0.85:
            tie(union_council, t, "representation", 3, y)
        if rng.random() < 0.12:
            tie(rng.choice(universities), t, "research", 2, rng.randint(2008, 2018))
    for i, a in enumerate(trusts):
        for b in trusts[i + 1:]:
            if rng.random() < 0.22:
                source, target = (a, b) if rng.random() < 0.5 else (b, a)
                tie(source, target, "knowledge-exchange", rng.randint(1, 3), max(founded(a), founded(b)) + rng.randint(1, 8))
            if rng.random() < 0.08:
                tie(a, b, "partnership", 3, max(founded(a), founded(b)) + rng.randint(2, 10))

    # Across the sectors: spin-outs learning from the older trusts.
    for s in spinouts:
        for t in trusts:
            if rng.random() < 0.03:
                tie(s, t, "knowledge-exchange", 1, founded(s) + rng.randint(0, 3))

    # User groups of some case organisations.
    for org in spinouts[::2] + trusts[:4]:
        users = node(f"users-{org}", f"Users' forum of {info[org][1].lower()}", "user-group", info[org][3], region_of(org))
        tie(users, org, "representation", 3, founded(org) + rng.randint(0, 2))

    # The wider field.
    tie(mutuals_team, programme, "funding", 5, 2011)
    tie(mutuals_team, mutuals_network, "partnership", 3, 2012)
    tie(health_policy, mutuals_team, "partnership", 2, 2011)
    for c in nhs:
        tie(health_policy, c, "commissioning", 3, 2013)
    for c in councils:
        tie(c, council_association, "membership", 2, 1997)
        for n in nhs:
            if region_of(n) == region_of(c):
                tie(c, n, "partnership", 3, 2013)
    tie(council_association, trade_association, "partnership", 2, 2001)
    tie(trade_association, mutuals_network, "partnership", 1, 2014)
    tie(union_health, union_national, "membership", 3, 1993)
    tie(union_council, union_national, "membership", 3, 1993)
    tie(universities[0], universities[1], "research", 2, 2012)
    tie(universities[1], universities[2], "research", 2, 2015)
    tie(coop_agency, mutuals_network, "partnership", 2, 2011)
    # End years come from a stream of their own, so the ties themselves are those drawn above.
    ends = random.Random(SEED + 1)
    return nodes, [with_end(t, ends) for t in ties]


LAST_YEAR = 2019


def with_end(t, rng):
    """A tie's end year by the rules of its kind (empty: still active in 2019, the last year recorded)."""
    source, target, kind, weight, start, end = t
    if end != "" or start == "":
        return t
    span = None
    if kind == "funding":
        if source.startswith("social-investment-fund"):
            span = rng.randint(3, 6)        # social investment: a loan or bond of a few years
        elif source == "grant-foundation":
            span = rng.randint(1, 3)        # a foundation grant
        elif source == "sport-funder":
            span = rng.randint(3, 5)        # a sport funding round
    elif kind == "commissioning":
        if target.startswith(("spinout-", "leisure-trust-")) and rng.random() < 0.3:
            span = rng.randint(5, 12)       # a contract not renewed
    elif kind == "knowledge-exchange":
        span = rng.randint(1, 4)            # a secondment, a shared project, a peer visit programme
    elif kind == "research":
        if target.startswith(("spinout-", "leisure-trust-")):
            span = rng.randint(2, 4)        # a funded study
    elif kind == "partnership":
        if source.startswith("leisure-trust-"):
            span = rng.randint(3, 8)        # a joint venture between trusts
    elif kind == "support":
        span = rng.randint(1, 2)            # advice around a change
    elif kind == "membership" and target == "leisure-trade-association" and rng.random() < 0.15:
        span = rng.randint(5, 15)           # a trust that left the association
    if span is None:
        return t
    last = int(start) + span
    return (source, target, kind, weight, start, "" if last > LAST_YEAR else last)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    nodes, ties = build()
    with open(os.path.join(out, "nodes.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "label", "kind", "sector", "region", "founded", "subsector"])
        writer.writerows(nodes)
    with open(os.path.join(out, "edges.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target", "kind", "weight", "start", "end"])
        writer.writerows(ties)
    with open(os.path.join(out, "network.json"), "w", encoding="utf-8") as handle:
        json.dump({"name": "mutual-spinouts", "directed": True,
                   "description": "An anonymised two-sector ecosystem: health and social care spin-outs and leisure trusts, "
                                  "with their commissioners, funders, policy makers, unions, universities, support providers "
                                  "and user groups (generated by Scripts/networks/mutual_spinouts.py)"}, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    main()
