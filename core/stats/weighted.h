/* weighted.h — statistics of per-path outcomes that carry a weight each: the likelihood ratios of
** tail sampling (sim/sampling.h, docs/model.md "Tail sampling").
**
** With weights w_i (mean 1 in expectation) every estimate is the importance-sampling one:
** - a mean is sum w_i x_i / n, its se the sample sd (n - 1) of w_i x_i over sqrt(n); the sd shown is
**   sqrt(sum w_i (x_i - mean)^2 / n);
** - a probability P(A) is sum_{i in A} w_i / n with the normal-approximation interval
**   P^ -/+ z se, se from the sample sd of w_i 1{i in A}, clamped to [0, 1];
** - the q-quantile is read from the side of the distribution that holds the smaller share, where
**   tail sampling puts its paths: for q >= 1/2 the smallest v with T(v) = sum_{x_i > v} w_i / n
**   <= 1 - q, else the smallest v with F(v) = sum_{x_i <= v} w_i / n >= q. Its interval inverts
**   the estimate's error: the values where T(v) -/+ z se(v) (F(v) +/- z se(v)) cross 1 - q (q);
** - ES_q is the weighted mean of the top of the distribution down to weight n(1 - q), the last
**   path taken in part.
** Every sum is exact (stats/exact_sum.h), rounded once where it is read, so the results do not
** depend on the order of the paths, nor on threads; ES's last path taken in part is the last in
** the stable sort (equal values in path order). */
#ifndef PS_WEIGHTED_H
#define PS_WEIGHTED_H

#include <stddef.h>

#include "stats/stats.h"
#include "stats/exact_sum.h"

/* ps_wstats_compute — *out from x[0..n-1] weighted by w[0..n-1] (neither is modified); PS_OK, or
** PS_ERUNTIME when out of memory. The definition on one array: the statistics stage reads columns
** (stats/column.h), which test_column checks against it */
int ps_wstats_compute(const double *x, const double *w, size_t n, ps_stats *out);

/* the weighted q-quantile with its interval at `level`, of sorted[0..n-1] (ascending) with the
** weights ws[] in the same order; n == 0 gives zeros */
ps_estimate ps_wquantile_ci_sorted(const double *sorted, const double *ws, size_t n, double q, double level);

/* its value alone (level 0), in fewer instructions when every weight is finite and >= 0 (the same bits) */
double ps_wquantile_sorted(const double *sorted, const double *ws, size_t n, double q);
/* out[j] = ps_wquantile_sorted(sorted, ws, n, q[j]) for nq levels, in one scan down when they are
** ascending and >= 0.5, at most 8 (else one by one) */
void ps_wquantiles_sorted(const double *sorted, const double *ws, size_t n, const double *q, size_t nq, double *out);

/* the weighted ES at q of sorted[0..n-1] with weights ws[]: ps_wes_scan of them read down, the same
** bits, in fewer instructions when every weight is finite and >= 0 */
double ps_wes_sorted(const double *sorted, const double *ws, size_t n, double q);

/* n values with a weight each, in ascending order (equal values in path order), read from one
** end: the scans above read a sorted array so, and stats/column.c the merged sorted blocks of
** several parts without putting them together */
typedef struct ps_wseq ps_wseq;
struct ps_wseq {
  /* the next value from the end read (the largest left, reading down) and its weight; 0: none left */
  int (*peek)(ps_wseq *q, double *v, double *w);
  void (*take)(ps_wseq *q); /* past that value */
  /* optional (NULL: by peek and take): past every value equal to v that comes next (v: what peek
  ** gives), adding their weights to *w1 and, unless w2 is NULL, their squares to *w2 (exactly, so in
  ** any order: a holder of many of them sums its own) */
  void (*take_equal)(ps_wseq *q, double v, ps_exact_sum *w1, ps_exact_sum *w2);
};
/* ps_wquantile_ci_sorted over seq, read down when q >= 0.5 and up otherwise; max: the largest of the
** n values */
ps_estimate ps_wquantile_ci_scan(ps_wseq *seq, size_t n, double max, double q, double level);
/* ps_wes_sorted over `down`, read down */
double ps_wes_scan(ps_wseq *down, size_t n, double max, double q);

/* The same scans begun part way down: `down` gives the values at or below some value v0 of the
** column, and the exact sums over the values above v0 stand for those read before (the sums are
** exact, so the order in which they were made does not matter). The q-quantile (q >= 0.5, the value
** alone) is ps_wquantile_ci_scan's when *above, the sum of their weights, rounded, is at most
** ps_wtarget(n, 1 - q): every value above v0 passes there. The ES is ps_wes_scan's when the weights
** w_above (rounded) are at most ps_wes_limit(n, q): every path above v0 is taken whole; wv_above is
** the sum of their w * v. */
double ps_wquantile_scan_below(ps_wseq *down, size_t n, double max, double q, const ps_exact_sum *above);
double ps_wes_limit(size_t n, double q);
double ps_wes_scan_below(ps_wseq *down, size_t n, double max, double q, const ps_exact_sum *w_above,
                         const ps_exact_sum *wv_above);

/* P(A) from the sums s1 = sum_{i in A} w_i and s2 = sum_{i in A} w_i^2 over n paths, with its
** normal-approximation interval at level */
ps_estimate ps_wprob(double s1, double s2, size_t n, double level);

/* the standard error of the mean of y_i over n paths from s1 = sum y_i and s2 = sum y_i^2 */
double ps_wse(double s1, double s2, size_t n);
/* n p snapped to the nearest integer within rounding error: what the weighted quantile of level p
** compares the weight below (or, for 1 - p, above) with */
double ps_wtarget(size_t n, double p);

/* the effective number of paths (sum w)^2 / sum w^2 of w[0..n-1] (n for equal weights) */
double ps_effective_paths(const double *w, size_t n);

#endif
