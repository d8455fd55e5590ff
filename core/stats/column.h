/* column.h — the statistics of a column of per-path values, from the questions a holder of the
** column can answer, the same bits as of the whole column in one array.
**
** A column is one quantity's value on every path of a run (a pool's required balance, a party's
** net result, ...). It may be held in parts: blocks of consecutive paths, each sorted on its own
** (stably, the weights along under tail sampling), such as the MPI ranks' blocks. The statistics
** ask a ps_column_source only what the holders of the parts can answer together, each for its
** own part, merging their answers exactly:
** - exact sums (stats/exact_sum.h): the moments, and the sums above a value (ES, shares);
** - how many values have an order key (stats.h: ps_order_key) at or below each of several keys:
**   the k-th smallest value (a quantile, an order-statistic bound, ES's threshold) is found by
**   bisection on the key, at most 64 rounds for any number of ks asked together;
** - the values in the order of the whole column's stable sort, read from one end: the weighted
**   quantile (tail sampling), its interval and the weighted ES scan them (weighted.h, ps_wseq).
** ps_column_local answers them for parts in memory (one part in one process); test_column
** checks every result against stats.c and weighted.c on the whole column. */
#ifndef PS_COLUMN_H
#define PS_COLUMN_H

#include <stddef.h>
#include <stdint.h>

#include "sim/outcomes.h"
#include "stats/exact_sum.h"
#include "stats/stats.h"
#include "stats/weighted.h"

typedef struct ps_column_source ps_column_source;
struct ps_column_source {
  size_t n;      /* values */
  int weighted;  /* each has a weight (tail sampling) */
  double first;  /* the first path's value (what a column of one value shows: stats.c keeps its
                    -0.0, which a sort makes 0.0) */
  double min, max;
  const double *whole; /* all n values sorted, when one array holds them (one process): a k-th value is
                          read there instead of searched for; NULL otherwise */
  const double *whole_w; /* weighted, with whole: their weights in that order (the scans read the arrays) */
  /* plain: s1 = sum x (second 0), s2 = sum (x - centre)^2 (second 1); weighted: s1 = sum w x and
  ** s2 = sum (w x)^2 (second 0), s2 = sum w (x - centre)^2 (second 1); s1 and s2 initialised here */
  int (*sums)(ps_column_source *s, double centre, int second, ps_exact_sum *s1, ps_exact_sum *s2);
  /* for each of nk keys, the number of values whose order key is at most keys[j] */
  int (*count)(ps_column_source *s, const uint64_t *keys, size_t nk, size_t *out);
  /* over the values above t: how many, their sum, and (weighted) the sums of w and w^2 */
  int (*above)(ps_column_source *s, double t, size_t *count, ps_exact_sum *sum, ps_exact_sum *w1, ps_exact_sum *w2);
  /* a reader of the values with their weights, down from the largest or up from the smallest
  ** (weighted columns), one at a time; closed by close. PS_OK, or PS_ERUNTIME */
  int (*open)(ps_column_source *s, int down, ps_wseq **seq);
  void (*close)(ps_column_source *s, ps_wseq *seq);
  /* optional (NULL: read from the top): a reader down as open's, beginning at a value v0 of the column
  ** whose values above it weigh at most `limit` (their weights summed exactly, rounded; nothing
  ** skipped when it finds none), with the exact sums of those weights and of w * v over them
  ** (weighted.h: ps_wquantile_scan_below, ps_wes_scan_below); closed by close */
  int (*open_below)(ps_column_source *s, double limit, ps_wseq **seq, ps_exact_sum *w_above, ps_exact_sum *wv_above);
};

/* a part in memory */
typedef struct {
  const double *sorted; /* ascending (ps_sort_doubles, ps_sort_weighted) */
  const double *weight; /* each one's weight, in that order; NULL under plain sampling */
  size_t n;
  double first; /* the value of the part's first path, in path order */
} ps_column_part;

/* at most this many parts in memory make one source */
#define PS_COLUMN_PARTS 64

/* parts in memory, in path order, as a source (its members past src are its own) */
typedef struct {
  ps_column_source src;
  const ps_column_part *part;
  int nparts;
  struct { /* the reader: a k-way merge of the parts, equal values in path order */
    ps_wseq seq;
    size_t at[PS_COLUMN_PARTS]; /* down: part p's values left are [0, at[p]); up: [at[p], n) */
    int down, next;             /* next: the part peek chose */
  } reader;
} ps_column_local;

/* ps_column_local_init — *c answers for part[0..nparts-1], nparts <= PS_COLUMN_PARTS (the parts
** stay the caller's) */
void ps_column_local_init(ps_column_local *c, const ps_column_part *part, int nparts);

/* ps_column_stats — ps_stats_compute (plain) or ps_wstats_compute (weighted) of the whole column in
** path order; PS_OK, or PS_ERUNTIME when out of memory */
int ps_column_stats(ps_column_source *s, ps_stats *out);
/* ps_column_stats_of — ps_column_stats of x[0..n-1] (weights w[], NULL: plain) as one part in
** memory: the statistics stage (results.c) takes every column's statistics so */
int ps_column_stats_of(const double *x, const double *w, size_t n, ps_stats *out);
/* ps_column_quantiles — out[j]: the type-1 q[j]-quantile (ps_quantile_sorted) of the column's
** values, unweighted, for nq <= 8 levels asked together; PS_OK or the source's code */
int ps_column_quantiles(ps_column_source *s, const double *q, size_t nq, double *out);
/* ps_column_quantile_ci — ps_quantile_ci_sorted (plain) or ps_wquantile_ci_sorted (weighted) of the
** whole column: the q-quantile with its interval at level (the sizing answer for 1 - q); *e, PS_OK
** or PS_ERUNTIME */
int ps_column_quantile_ci(ps_column_source *s, double q, double level, ps_estimate *e);
/* ps_column_select — out[j]: the ks[j]-th smallest value (0-based, < n) of the column, for nk <= 8
** ks asked together (by bisection on the order key); PS_OK or the source's code */
int ps_column_select(ps_column_source *s, const size_t *ks, size_t nk, double *out);

/* A run whose paths other processes hold as well as this one (the MPI ranks, mpi/mpi_column.h):
** outcomes.h's host. A column is named by where it would be in this process's block of outcomes
** (block): x[i * stride] over its paths i, less minus[i] when minus is given, times sign; an int
** column by x alone. The host asks the holders and merges their answers exactly. Each returns
** PS_OK, or PS_ERUNTIME (out of memory). */
typedef struct ps_column_host ps_column_host;
struct ps_series;    /* stats/paired.h */
struct ps_pair_sums; /* stats/paired.h */
struct ps_column_host {
  const ps_outcomes *block; /* this process's block of the run (the arrays columns are named by) */
  /* the column over the run's first `upto` paths (all when upto >= the run's) as a source (weighted:
  ** with the run's weights); closed by close */
  int (*open)(ps_column_host *h, const double *x, size_t stride, const double *minus, double sign, int weighted,
              long upto, ps_column_source **src);
  void (*close)(ps_column_host *h, ps_column_source *src);
  /* an int column's values v != 0 with v <= by (by 0: any): how many, and (weighted) the sums of
  ** their weights and squared weights */
  int (*ints)(ps_column_host *h, const int *x, int by, int weighted, size_t *count, ps_exact_sum *w1, ps_exact_sum *w2);
  /* over the top m paths by (value of the column x - minus, path index), the (n - m)-th smallest
  ** value being t: sums[c] = the sum of cols[c][i * stride] (weighted: times the path's weight, the
  ** lowest of the m taking last_w instead when last_w >= 0) */
  int (*tail)(ps_column_host *h, const double *x, const double *minus, size_t m, double t, int weighted, double last_w,
              const double *const *cols, size_t ncols, size_t stride, ps_exact_sum *sums);
  /* paths from..from+count-1 of the run, or fewer (at least one), every array but the bands, into *out
  ** (initialised here as a block: ps_outcomes_init_block; destroy it after use) */
  int (*paths)(ps_column_host *h, long from, long count, ps_outcomes *out);
  /* over the first n paths of this run and run `other` (held in blocks of the same paths), in path
  ** order: continue sums[k] with series a[k] of this run and b[k] of other, each naming its host's
  ** block (stats/paired.h: ps_pair_add, pass 0 or 1, means[k] in pass 1) */
  int (*pair)(ps_column_host *h, ps_column_host *other, const struct ps_series *a, const struct ps_series *b,
              int npairs, long n, int pass, const double *means, struct ps_pair_sums *sums);
};

/* ps_outcomes_chunks — fn(ctx, c) for blocks c of o's paths in path order, all of them: o itself in one
** process, else blocks of a few thousand paths fetched from the holders (without the bands), so that
** a per-path reader (paths.csv, a histogram) sees every path in order in bounded memory. PS_OK, fn's
** code, or PS_ERUNTIME */
int ps_outcomes_chunks(const ps_outcomes *o, int (*fn)(void *ctx, const ps_outcomes *c), void *ctx);

/* ps_column_beyond — ps_sizing_depletion_at of the whole column: the share of values above x;
** *e, PS_OK or PS_ERUNTIME */
int ps_column_beyond(ps_column_source *s, double x, ps_estimate *e);

#endif
