"""B1 drawn loan by loan with NumPy: the external baseline of issue 6.

The straightforward vectorised implementation of poolsim's B1 model
(bench/b1.lua; docs/model.md sections 2-3): 36 monthly periods, 100 loans
originated a month for 24 months, bullet, tenor 12, annual PD 3% as the
hazard h = 1 - (1 - pd)^(1/12), one systemic factor Z_t iid N(0, 1) a period
(cycle 0), rho 0.15, so given Z_t each live loan defaults with probability
Phi((Phi^-1(h) - sqrt(rho) Z_t) / sqrt(1 - rho)). One Bernoulli per live loan
per period, vectorised across a batch of paths. A default claims the fund's
50% of the 200万 principal.

It draws the defaults and claims only (no recoveries, no ledger), so it does
less work than poolsim per path and the speed ratio is conservative. It prints
one line: paths, seconds, and the mean, standard error and 95th percentile of
the fund's claims in yuan, to check against poolsim's pools.fund.claims.

usage: /usr/bin/python3 bench/numpy_b1.py PATHS [SEED]
"""
import math
import statistics
import sys
import time

import numpy as np

PERIODS, FIRST, LAST, NEW, TENOR = 36, 1, 24, 100, 12
PD, RHO, CLAIM = 0.03, 0.15, 0.5 * 200e4
BATCH = 1000


def main():
    paths = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = np.random.default_rng(seed)
    h = 1.0 - (1.0 - PD) ** (1.0 / 12.0)
    c = statistics.NormalDist().inv_cdf(h)
    phi = np.vectorize(lambda x: 0.5 * math.erfc(-x / math.sqrt(2.0)))
    cohorts = LAST - FIRST + 1
    claims = np.empty(paths)
    start = time.perf_counter()
    for lo in range(0, paths, BATCH):
        b = min(BATCH, paths - lo)
        alive = np.ones((b, cohorts, NEW), dtype=bool)
        defaults = np.zeros(b, dtype=np.int64)
        for t in range(1, PERIODS + 1):
            # cohorts s (1-based) at risk in period t: s <= t <= s + TENOR - 1
            first = max(FIRST, t - TENOR + 1) - FIRST
            last = min(LAST, t) - FIRST
            if first > last:
                continue
            z = rng.standard_normal(b)
            p = phi((c - math.sqrt(RHO) * z) / math.sqrt(1.0 - RHO))
            live = alive[:, first:last + 1, :]
            hit = (rng.random(live.shape) < p[:, None, None]) & live
            defaults += hit.sum(axis=(1, 2))
            live &= ~hit
        claims[lo:lo + b] = defaults * CLAIM
    seconds = time.perf_counter() - start
    mean = claims.mean()
    se = claims.std(ddof=1) / math.sqrt(paths)
    p95 = np.sort(claims)[math.ceil(0.95 * paths) - 1]
    print(f"{paths} {seconds:.3f} {mean:.0f} {se:.0f} {p95:.0f}")


if __name__ == "__main__":
    main()
