/* paired.c — means and paired differences of two runs in path order (paired.h). */
#include "stats/paired.h"

#include <math.h>
#include <stdlib.h>

#include "stats/column.h"

#define Z95 1.959964 /* the two-sided 95% normal quantile of the paired intervals */

/* ps_pair_add — see paired.h; the additions one loop over a run's paths makes */
void ps_pair_add(ps_pair_sums *s, const ps_series *a, const ps_series *b, size_t n, int pass, double mean) {
  if (pass == 0) {
    for (size_t i = 0; i < n; i++) {
      double x = ps_series_at(a, i), y = ps_series_at(b, i);
      s->sa += x;
      s->sb += y;
      s->sd += y - x;
    }
    return;
  }
  for (size_t i = 0; i < n; i++) {
    double x = ps_series_at(a, i), y = ps_series_at(b, i);
    s->ss += (y - x - mean) * (y - x - mean);
  }
}

/* both passes' sums of the pairs, the second from the first's means */
static int pass_over(struct ps_column_host *ha, struct ps_column_host *hb, const ps_series *a, const ps_series *b,
                     int npairs, long n, int pass, const double *means, ps_pair_sums *sums) {
  if (ha) return ha->pair(ha, hb, a, b, npairs, n, pass, means, sums);
  for (int k = 0; k < npairs; k++) ps_pair_add(&sums[k], &a[k], &b[k], n > 0 ? (size_t)n : 0, pass, means[k]);
  return PS_OK;
}

/* ps_pair_runs — see paired.h */
int ps_pair_runs(struct ps_column_host *ha, struct ps_column_host *hb, const ps_series *a, const ps_series *b,
                 int npairs, long n, ps_difference *out) {
  if (npairs <= 0) return PS_OK;
  ps_pair_sums *sums = calloc((size_t)npairs, sizeof *sums);
  double *means = calloc((size_t)npairs, sizeof *means);
  int rc = sums && means ? pass_over(ha, hb, a, b, npairs, n, 0, means, sums) : PS_ERUNTIME;
  for (int k = 0; rc == PS_OK && k < npairs; k++) means[k] = n > 0 ? sums[k].sd / (double)n : 0;
  if (rc == PS_OK) rc = pass_over(ha, hb, a, b, npairs, n, 1, means, sums);
  for (int k = 0; rc == PS_OK && k < npairs; k++) {
    double mean = means[k], se = n > 1 ? sqrt(sums[k].ss / (double)(n - 1) / (double)n) : 0;
    out[k] = (ps_difference){n > 0 ? sums[k].sa / (double)n : 0, n > 0 ? sums[k].sb / (double)n : 0, mean, se,
                             mean - Z95 * se, mean + Z95 * se};
  }
  free(sums);
  free(means);
  return rc;
}
