/* stats.h — summary statistics of per-path outcomes, with Monte Carlo error.
**
** All functions are pure: no globals, no allocation except where stated.
** Quantiles use the inverted empirical CDF (type 1): q-quantile = x_(ceil(n*q)),
** the smallest sample value v with #{x <= v} >= n*q. This is the definition the
** sizing rule needs: the smallest initial balance B with #{R_i > B} <= n*alpha is
** the (1-alpha) quantile of the per-path required balances R_i. */
#ifndef PS_STATS_H
#define PS_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "poolsim/poolsim.h"

/* the statistics object of SPEC 4.4 */
typedef struct {
  double mean, sd, se, min, max;
  double p50, p90, p95, p99, p995, p999;
  double es95, es99;
} ps_stats;

/* an estimate with a two-sided confidence interval */
typedef struct {
  double value, lo, hi;
} ps_estimate;

/* the confidence level used for every interval poolsim reports */
#define PS_CI_LEVEL 0.95

/* The functions on one array below are the definitions: the statistics stage reads columns
** (stats/column.h), which test_column checks against them.
**
** Sorts a copy of x[0..n-1] and fills *out. Mean, sd and ES are summed exactly
** (stats/exact_sum.h), so the result does not depend on the order of the paths
** nor on how they were spread over threads or MPI ranks;
** sd uses n-1; se = sd/sqrt(n). n == 0 gives all zeros. Returns PS_OK, or
** PS_ERUNTIME when the copy cannot be allocated. */
int ps_stats_compute(const double *x, size_t n, ps_stats *out);

/* sort x[0..n-1] ascending (a radix sort: O(n), the same order as qsort with
** -0.0 and 0.0 taken as equal, and -0.0 made 0.0 whatever n, so that sorted parts
** hold the bits the sorted whole holds; no NaNs); PS_OK, or PS_ERUNTIME when out of memory */
int ps_sort_doubles(double *x, size_t n);

/* the same for x[0..n-1] with a weight each in w[0..n-1], moved along (stable: equal values keep
** their order); PS_OK, or PS_ERUNTIME when out of memory */
int ps_sort_weighted(double *x, double *w, size_t n);

/* x[0..n-1] copied into sorted[0..n-1] and sorted; with weights w (else NULL), those copied into
** sorted_w and moved along (ps_sort_weighted); PS_OK, or PS_ERUNTIME when out of memory */
int ps_sort_copy(const double *x, const double *w, size_t n, double *sorted, double *sorted_w);

/* type-1 quantile of sorted[0..n-1] (ascending), q in [0,1]; q == 0 gives min */
double ps_quantile_sorted(const double *sorted, size_t n, double q);

/* the same quantile of x[0..n-1] found by selection, O(n) instead of a sort;
** reorders x */
double ps_quantile_select(double *x, size_t n, double q);

/* expected shortfall at level q: the mean of the largest m = max(1, round(n*(1-q)))
** values of sorted[0..n-1] */
double ps_es_sorted(const double *sorted, size_t n, double q);

/* quantile with a distribution-free order-statistic interval: ranks
** l = floor(nq - z*sqrt(nq(1-q))), u = ceil(nq + z*sqrt(nq(1-q))) + 1 clamped to
** [1, n], z = Phi^-1((1+level)/2); value as ps_quantile_sorted */
ps_estimate ps_quantile_ci_sorted(const double *sorted, size_t n, double q, double level);

/* the 1-based ranks behind the values above, for n >= 1: of the type-1 q-quantile; of its interval
** (lo and hi); the number of largest values ES averages */
size_t ps_quantile_rank(size_t n, double q);
void ps_quantile_ci_ranks(size_t n, double q, double level, size_t *lo, size_t *hi);
size_t ps_es_count(size_t n, double q);

/* ps_order_key — an unsigned key whose order is the order of the doubles (-0.0 as 0.0) */
uint64_t ps_order_key(double d);
/* ps_from_key — the double whose order key is k (0.0 for the key of -0.0 and 0.0) */
double ps_from_key(uint64_t k);

/* probability k/n with the Wilson score interval at the given level */
ps_estimate ps_prob_wilson(size_t k, size_t n, double level);

#endif
