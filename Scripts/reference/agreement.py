"""Agreement on ratings as the reference packages compute it, for StakeNet's tests.

    agreement.py alpha OUT   Krippendorff's alpha (interval) by the `krippendorff` package -> OUT/krippendorff.json
    agreement.py icc OUT     ICC(2,1) by pingouin (Scripts/reference/requirements-icc.txt) -> OUT/icc.json

Ratings are generated here (seeded): raters x units matrices of influence ratings (whole numbers 0-10, as
Net-Map towers of counters), some with missing ratings (null), from a latent influence per unit plus rater
severity and noise. Run through Scripts/reference-values; Scripts/test re-runs `alpha`.
"""
import json
import os
import sys

import numpy as np


def matrices(complete):
    rng = np.random.default_rng(20261202)
    cases = []
    for name, raters, units, missing, noise in [("small", 4, 6, 0.2, 1.0), ("towers", 9, 14, 0.35, 1.5), ("noisy", 6, 20, 0.3, 4.0),
                                                 ("agreeing", 5, 8, 0.1, 0.3), ("wide", 15, 30, 0.5, 2.0)]:
        latent = rng.uniform(0, 10, units)
        severity = rng.normal(0, 1, raters)
        ratings = np.clip(np.rint(latent[None, :] + severity[:, None] + rng.normal(0, noise, (raters, units))), 0, 10)
        if not complete:
            mask = rng.uniform(size=(raters, units)) < missing
            ratings = np.where(mask, np.nan, ratings)
        cases.append((name, ratings))
    return cases


def rows(ratings):
    return [[None if np.isnan(x) else float(x) for x in row] for row in ratings]


def main():
    what, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    if what == "alpha":
        import krippendorff
        entries = [{"name": name, "ratings": rows(r), "alpha": float(krippendorff.alpha(reliability_data=r, level_of_measurement="interval"))}
                   for name, r in matrices(complete=False)]
        with open(os.path.join(out, "krippendorff.json"), "w") as f:
            json.dump(entries, f, indent=1)
    elif what == "icc":
        import pandas as pd
        import pingouin
        entries = []
        for name, r in matrices(complete=True):
            raters, units = r.shape
            frame = pd.DataFrame([(u, k, r[k, u]) for k in range(raters) for u in range(units)], columns=["unit", "rater", "rating"])
            table = pingouin.intraclass_corr(data=frame, targets="unit", raters="rater", ratings="rating")
            icc2 = float(table.set_index("Type").loc["ICC(A,1)", "ICC"])  # ICC2 of Shrout and Fleiss (two-way random, absolute, one rater)
            entries.append({"name": name, "ratings": rows(r), "icc2": icc2})
        with open(os.path.join(out, "icc.json"), "w") as f:
            json.dump(entries, f, indent=1)
    else:
        sys.exit("usage: agreement.py alpha|icc OUT")


if __name__ == "__main__":
    main()
