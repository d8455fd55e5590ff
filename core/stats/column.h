/* column.h — the statistics of a column of per-path values held in parts, the same bits as of the
** whole column, without putting the parts together.
**
** A column is one quantity's value on every path of a run (a pool's required balance, a party's
** net result, ...). Its parts are blocks of consecutive paths, in path order, each sorted on its
** own (stably, the weights along under tail sampling): the blocks of the MPI ranks, say. What the
** functions below ask of a part is what a rank can answer for its block alone: its smallest and
** largest values, exact sums (stats/exact_sum.h), how many of its values and what weight lie at or
** below a value, and its values in order from one end. So:
** - means, sd, se and ES are exact sums merged over the parts;
** - a quantile or an order-statistic bound is the k-th smallest value, found by narrowing each
**   part's range of candidates around pivots taken from the widest range (each round asks every
**   part for its count at or below the pivot);
** - the weighted quantile (tail sampling), its interval and the weighted ES scan the values from
**   one end, read through a k-way merge of the parts (equal values in path order, as the stable
**   sort of the whole has them): the scans of weighted.c over another reader. (A narrowing with
**   the parts' exact sums of weights would find the quantile's value in fewer messages between
**   processes, but sums about n weights a quantile where the scan reads n (1 - q).)
** test_column checks every result against stats.c and weighted.c on the whole column. */
#ifndef PS_COLUMN_H
#define PS_COLUMN_H

#include <stddef.h>

#include "stats/stats.h"

typedef struct {
  const double *sorted; /* ascending (ps_sort_doubles, ps_sort_weighted) */
  const double *weight; /* each one's weight, in that order; NULL under plain sampling */
  size_t n;
  double first; /* the value of the part's first path, in path order (what a column of one value
                   shows: stats.c keeps -0.0, which the sort makes 0.0) */
} ps_column_part;

typedef struct {
  const ps_column_part *part; /* in path order */
  int nparts;
} ps_column;

/* ps_column_stats — ps_stats_compute (plain) or ps_wstats_compute (weighted) of the whole column in
** path order; PS_OK, or PS_ERUNTIME when out of memory */
int ps_column_stats(const ps_column *c, ps_stats *out);
/* ps_column_stats_of — ps_column_stats of x[0..n-1] (weights w[], NULL: plain) as one part: the
** statistics stage (results.c) takes every column's statistics so, the same code whether the
** column is whole or in parts; PS_OK, or PS_ERUNTIME when out of memory */
int ps_column_stats_of(const double *x, const double *w, size_t n, ps_stats *out);
/* ps_column_quantile_ci — ps_quantile_ci_sorted (plain) or ps_wquantile_ci_sorted (weighted) of the
** whole column: the q-quantile with its interval at level (the sizing answer for 1 - q); *e, PS_OK
** or PS_ERUNTIME (out of memory: never with at most 8 parts) */
int ps_column_quantile_ci(const ps_column *c, double q, double level, ps_estimate *e);
/* ps_column_beyond — ps_sizing_depletion_at of the whole column: the share of values above x */
ps_estimate ps_column_beyond(const ps_column *c, double x);

#endif
