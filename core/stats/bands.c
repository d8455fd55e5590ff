/* bands.c — the balance bands of a run (bands.h). */
#include "stats/bands.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "stats/weighted.h"

/* the bands under tail sampling: weighted quantiles of column[0..n) */
static int weighted_bands(const ps_outcomes *o, double *column, size_t n, ps_pool_result *pr, int period) {
  double *w = malloc((n ? n : 1) * sizeof *w);
  if (!w) return PS_ERUNTIME;
  memcpy(w, o->weight, n * sizeof *w);
  int rc = ps_sort_weighted(column, w, n);
  if (rc == PS_OK) {
    pr->band_p05[period] = ps_wquantile_ci_sorted(column, w, n, 0.05, 0).value;
    pr->band_p50[period] = ps_wquantile_ci_sorted(column, w, n, 0.50, 0).value;
    pr->band_p95[period] = ps_wquantile_ci_sorted(column, w, n, 0.95, 0).value;
  }
  free(w);
  return rc;
}

/* the bits of a double */
static inline uint64_t bits(const double *x) {
  uint64_t b;
  memcpy(&b, x, sizeof b);
  return b;
}

/* does every band path close period `period` (> 0) with the balance it closed the period before, to
** the bit? Compared 8 paths at a time: most periods with a change show it in the first paths. */
static int unchanged(const ps_outcomes *o, int pool, int period) {
  size_t n = (size_t)o->band_paths, T = (size_t)o->periods, i = 0;
  if (n == 0) return 1;
  const double *row = o->balance + ps_band_slot(o, pool, o->first) + (size_t)period;
  for (; i + 8 <= n; i += 8, row += 8 * T) {
    const double *a = row, *b = row + 4 * T;
    uint64_t diff = (bits(a) ^ bits(a - 1)) | (bits(a + T) ^ bits(a + T - 1)) | (bits(a + 2 * T) ^ bits(a + 2 * T - 1)) |
                    (bits(a + 3 * T) ^ bits(a + 3 * T - 1)) | (bits(b) ^ bits(b - 1)) | (bits(b + T) ^ bits(b + T - 1)) |
                    (bits(b + 2 * T) ^ bits(b + 2 * T - 1)) | (bits(b + 3 * T) ^ bits(b + 3 * T - 1));
    if (diff) return 0;
  }
  for (; i < n; i++, row += T)
    if (bits(row) != bits(row - 1)) return 0;
  return 1;
}

/* ps_bands_period — the bands of one pool and period (bands.h) */
int ps_bands_period(const ps_outcomes *o, int pool, int period, ps_pool_result *pr, double *column) {
  size_t n = (size_t)o->band_paths;
  if (period > 0 && unchanged(o, pool, period)) { /* balances are finite: NaN is no band */
    pr->band_p05[period] = pr->band_p50[period] = pr->band_p95[period] = NAN;
    return PS_OK;
  }
  for (size_t i = 0; i < n; i++) column[i] = o->balance[ps_band_slot(o, pool, (long)i) + (size_t)period];
  if (o->weight) return weighted_bands(o, column, n, pr, period);
  pr->band_p05[period] = ps_quantile_select(column, n, 0.05);
  pr->band_p50[period] = ps_quantile_select(column, n, 0.50);
  pr->band_p95[period] = ps_quantile_select(column, n, 0.95);
  return PS_OK;
}

/* ps_bands_fill — the periods marked as unchanged take the bands of the period before (bands.h) */
void ps_bands_fill(ps_pool_result *pr, int periods) {
  for (int t = 1; t < periods; t++)
    if (isnan(pr->band_p05[t])) {
      pr->band_p05[t] = pr->band_p05[t - 1];
      pr->band_p50[t] = pr->band_p50[t - 1];
      pr->band_p95[t] = pr->band_p95[t - 1];
    }
}
