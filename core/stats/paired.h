/* paired.h — the studies' means and paired differences over the paths of two runs on common random
** numbers, as running sums in path order, so that the same additions are made in the same order
** whether one process holds both runs or MPI ranks hold their blocks of them.
**
** A series is a per-path value of a run read from its outcomes (a pool's net outlay, whether it ran
** short, a party's figure), named by where it lies in a block of outcomes: element i is path
** first + i of the block. The sums of a pair (series a of run A, series b of run B) over paths 0..n-1
** are made in two passes: sa += a, sb += b, sd += b - a, then ss += (b - a - mean)^2 with the mean
** sd / n of the first. A run held in blocks (stats/column.h: ps_column_host) continues the sums block
** after block, each holder over its own paths, so the bits are those of one loop over the run.
**
** Under tail sampling (sim/sampling.h) a series carries its run's weights: element i is then
** w[i] x[i], and a mean sum / n is the importance-sampling estimate (stats/weighted.h). The runs of a
** study share one shift (ps_options.sampling_shift) and so, path by path, their draws and weights. */
#ifndef PS_PAIRED_H
#define PS_PAIRED_H

#include <stddef.h>

#include "poolsim/study.h"

struct ps_column_host;

typedef enum {
  PS_SERIES_ZERO,     /* 0 on every path (a party the run's model lacks) */
  PS_SERIES_VALUE,    /* x[i] (doubles) */
  PS_SERIES_NEGATED,  /* -x[i] */
  PS_SERIES_DIFF,     /* x[i] - minus[i] */
  PS_SERIES_POSITIVE, /* ints: x[i] > 0, as 0 or 1 */
  PS_SERIES_NONZERO   /* ints: x[i] != 0, as 0 or 1 */
} ps_series_kind;

typedef struct ps_series {
  ps_series_kind kind;
  const void *x;       /* doubles, or ints (POSITIVE, NONZERO) */
  const double *minus; /* DIFF */
  const double *w;     /* the paths' weights under tail sampling (element i: w[i] x[i]); NULL: plain */
} ps_series;

/* the series' value at element i, unweighted */
static inline double ps_series_raw(const ps_series *s, size_t i) {
  switch (s->kind) {
  case PS_SERIES_VALUE: return ((const double *)s->x)[i];
  case PS_SERIES_NEGATED: return -((const double *)s->x)[i];
  case PS_SERIES_DIFF: return ((const double *)s->x)[i] - s->minus[i];
  case PS_SERIES_POSITIVE: return ((const int *)s->x)[i] > 0;
  case PS_SERIES_NONZERO: return ((const int *)s->x)[i] != 0;
  default: return 0;
  }
}

/* ps_series_at — the series' value at element i (weighted under tail sampling) */
static inline double ps_series_at(const ps_series *s, size_t i) {
  return s->w ? s->w[i] * ps_series_raw(s, i) : ps_series_raw(s, i);
}

/* one pair's running sums */
typedef struct ps_pair_sums {
  double sa, sb, sd, ss;
} ps_pair_sums;

/* ps_pair_add — continue *s over elements 0..n-1 of a and b: pass 0 the sums of a, b and b - a, pass
** 1 the squares of b - a - mean */
void ps_pair_add(ps_pair_sums *s, const ps_series *a, const ps_series *b, size_t n, int pass, double mean);

/* ps_pair_runs — for npairs pairs, a[k] a series of run A and b[k] of run B over their first n paths:
** out[k] = the means of a and b, the mean of b - a, its standard error and 95% interval. ha and hb:
** the runs' hosts when their blocks are held apart (the series then name the hosts' blocks), both
** NULL when the series hold whole runs. PS_OK, or PS_ERUNTIME (out of memory) */
int ps_pair_runs(struct ps_column_host *ha, struct ps_column_host *hb, const ps_series *a, const ps_series *b,
                 int npairs, long n, ps_difference *out);

#endif
