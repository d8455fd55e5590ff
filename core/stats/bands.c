/* bands.c — the balance bands of a run (bands.h). */
#include "stats/bands.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/select.h"
#include "stats/stats.h"
#include "stats/weighted.h"

/* the bands under tail sampling: weighted quantiles of column[0..n) */
static int weighted_bands(const ps_outcomes *o, double *column, size_t n, ps_bands pr, int period) {
  double *w = malloc((n ? n : 1) * sizeof *w);
  if (!w) return PS_ERUNTIME;
  memcpy(w, o->weight, n * sizeof *w);
  int rc = ps_sort_weighted(column, w, n);
  if (rc == PS_OK) { /* the median and 95% in one scan down */
    const double up[] = {0.50, 0.95};
    double v[2];
    ps_wquantiles_sorted(column, w, n, up, 2, v);
    pr.p05[period] = ps_wquantile_sorted(column, w, n, 0.05);
    pr.p50[period] = v[0];
    pr.p95[period] = v[1];
  }
  free(w);
  return rc;
}

/* do n balances hold the same bits as n others? (equal bits, not equal values: a band copied from the
** period before must be the one computed again) */
static int same_bits(const double *a, const double *b, size_t n) {
  return memcmp((const unsigned char *)a, (const unsigned char *)b, n * sizeof *a) == 0;
}

/* ps_bands_mark — the periods in which no band path's balance changed (bands.h). The periods not yet
** seen to change are kept as runs [lo, hi]; each path compares a run's balances with those one period
** earlier in one memcmp, and only a run that differs is looked at period by period (and split). */
int ps_bands_mark(const ps_outcomes *o, int pool, ps_bands pr) {
  int T = o->periods, nruns = T > 1;
  size_t *runs = malloc(4 * ((size_t)T + 1) * sizeof *runs);
  unsigned char *moved = calloc((size_t)T + 1, 1);
  if (!runs || !moved) {
    free(runs);
    free(moved);
    return PS_ERUNTIME;
  }
  size_t *next = runs + 2 * ((size_t)T + 1);
  runs[0] = 1, runs[1] = T - 1;
  for (long i = 0; i < o->band_paths && nruns > 0; i++) {
    const double *row = o->balance + ps_band_slot(o, pool, o->first + i);
    size_t kept = 0;
    for (size_t r = 0; r < (size_t)nruns; r++) {
      size_t lo = runs[2 * r], hi = runs[2 * r + 1];
      if (same_bits(row + lo, row + lo - 1, hi - lo + 1)) {
        next[2 * kept] = lo, next[2 * kept + 1] = hi, kept++;
        continue;
      }
      for (size_t t = lo; t <= hi; t++) { /* the runs of periods still unmoved within it */
        if (!same_bits(row + t, row + t - 1, 1)) moved[t] = 1;
        else if (t > lo && !moved[t - 1] && kept > 0 && next[2 * kept - 1] == t - 1) next[2 * kept - 1] = t;
        else next[2 * kept] = next[2 * kept + 1] = t, kept++;
      }
    }
    size_t *swap = runs;
    runs = next, next = swap, nruns = (int)kept;
  }
  for (int t = 1; t < T; t++) /* balances are finite: NaN is no band */
    if (!moved[t]) pr.p05[t] = pr.p50[t] = pr.p95[t] = NAN;
  free(runs < next ? runs : next);
  free(moved);
  return PS_OK;
}

/* ps_bands_period — the bands of one pool and period (bands.h) */
int ps_bands_period(const ps_outcomes *o, int pool, int period, ps_bands pr, double *column) {
  size_t n = (size_t)o->band_paths;
  if (isnan(pr.p05[period])) return PS_OK; /* marked by ps_bands_mark: as the period before */
  int negative_zero = 0;
  for (size_t i = 0; i < n; i++) {
    double v = o->balance[ps_band_slot(o, pool, (long)i) + (size_t)period];
    column[i] = v;
    negative_zero |= v == 0 && signbit(v);
  }
  if (o->weight) return weighted_bands(o, column, n, pr, period);
  if (!negative_zero && n > 0) { /* the three ranks in one selection: with no -0.0 among the balances, each
                                    is the one value it can be (stats/select.h) */
    const size_t ks[] = {ps_quantile_rank(n, 0.05) - 1, ps_quantile_rank(n, 0.50) - 1, ps_quantile_rank(n, 0.95) - 1};
    double v[3];
    int rc = ps_select_ranks(column, n, ks, 3, v);
    pr.p05[period] = v[0];
    pr.p50[period] = v[1];
    pr.p95[period] = v[2];
    return rc;
  }
  pr.p05[period] = ps_quantile_select(column, n, 0.05);
  pr.p50[period] = ps_quantile_select(column, n, 0.50);
  pr.p95[period] = ps_quantile_select(column, n, 0.95);
  return PS_OK;
}

/* ps_bands_fill — the periods marked as unchanged take the bands of the period before (bands.h) */
void ps_bands_fill(ps_bands pr, int periods) {
  for (int t = 1; t < periods; t++)
    if (isnan(pr.p05[t])) {
      pr.p05[t] = pr.p05[t - 1];
      pr.p50[t] = pr.p50[t - 1];
      pr.p95[t] = pr.p95[t - 1];
    }
}
