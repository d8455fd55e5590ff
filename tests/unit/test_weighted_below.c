/* test_weighted_below.c — the weighted quantile and ES scans begun part way down (weighted.h:
** ps_wquantile_scan_below, ps_wes_scan_below), as poolsim-mpi begins them below the values the
** answer does not depend on: from every value v0 of a sorted weighted column whose values above weigh
** at most the limit, the scan of the values at or below v0, with the exact sums of those above,
** gives the bits of the scan from the top (ps_wquantile_ci_scan at level 0, ps_wes_scan). Columns
** with ties (zeros, a few repeated values) and weights over several orders of magnitude. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "stats/stats.h"
#include "stats/weighted.h"

/* deterministic pseudo-random uint64 (SplitMix64 step) */
static uint64_t next_u64(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static double uniform(uint64_t *st) { return (double)(next_u64(st) >> 11) * 0x1p-53; }

static int same(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* a sorted array read down from index `from` (the values [0, from)) */
typedef struct {
  ps_wseq seq;
  const double *v, *w;
  size_t i;
} down_seq;

static int down_peek(ps_wseq *q, double *v, double *w) {
  down_seq *d = (down_seq *)q;
  if (d->i == 0) return 0;
  *v = d->v[d->i - 1];
  *w = d->w[d->i - 1];
  return 1;
}

static void down_take(ps_wseq *q) { ((down_seq *)q)->i--; }

static down_seq down_from(const double *v, const double *w, size_t from) {
  return (down_seq){{down_peek, down_take}, v, w, from};
}

int main(void) {
  enum { N = 3001 };
  double *v = malloc(N * sizeof *v), *w = malloc(N * sizeof *w);
  static const double levels[] = {0.50, 0.90, 0.95, 0.99, 0.995, 0.999};
  uint64_t st = 11;
  long quantiles = 0, es = 0;
  for (int column = 0; column < 4; column++) {
    size_t n = column == 3 ? 7 : N; /* and a column of a few paths */
    for (size_t i = 0; i < n; i++) {
      double u = uniform(&st);
      v[i] = column == 0 ? floor(u * 20) : column == 1 ? (u < 0.6 ? 0 : exp(10 * u)) : u * 1e6;
      w[i] = exp(4 * (uniform(&st) - 0.8)); /* 0.04 to 2.2 */
    }
    if (ps_sort_weighted(v, w, n)) return 1;
    double max = v[n - 1];
    /* v0 = v[j]: the values above it are [above, n) */
    for (size_t j = 0; j < n; j++) {
      size_t above = j + 1;
      while (above < n && v[above] <= v[j]) above++;
      ps_exact_sum wa, wva;
      ps_exact_init(&wa);
      ps_exact_init(&wva);
      for (size_t i = above; i < n; i++) {
        ps_exact_add(&wa, w[i]);
        ps_exact_add(&wva, w[i] * v[i]);
      }
      double weight = ps_exact_value(&wa);
      for (int k = 0; k < 6; k++) {
        double q = levels[k];
        if (weight <= ps_wtarget(n, 1 - q)) {
          down_seq all = down_from(v, w, n), part = down_from(v, w, above);
          double want = ps_wquantile_ci_scan(&all.seq, n, max, q, 0).value;
          CHECK(same(ps_wquantile_scan_below(&part.seq, n, max, q, &wa), want));
          quantiles++;
        }
        if (weight <= ps_wes_limit(n, q)) {
          down_seq all = down_from(v, w, n), part = down_from(v, w, above);
          double want = ps_wes_scan(&all.seq, n, max, q);
          CHECK(same(ps_wes_scan_below(&part.seq, n, max, q, &wa, &wva), want));
          es++;
        }
      }
      j = above - 1; /* the next distinct value */
    }
  }
  /* the cases the condition lets through are many, for both scans */
  CHECK(quantiles > 1000);
  CHECK(es > 500);
  /* past the limit the scan from below is not the scan's: 0, 1, 2, 3 of weight 1, the median (target
  ** 2) is 1; begun below 1 with the weight 3 above counted, the first value seen already has more than
  ** the target above it, and the scan answers the max */
  for (size_t i = 0; i < 4; i++) v[i] = (double)i, w[i] = 1;
  ps_exact_sum wa, none;
  ps_exact_init(&wa);
  ps_exact_init(&none);
  ps_exact_add(&wa, 3); /* more than the target 2 of the median of 4 */
  down_seq all = down_from(v, w, 4), part = down_from(v, w, 1);
  double full = ps_wquantile_ci_scan(&all.seq, 4, 3, 0.5, 0).value;
  CHECK(same(full, 1));
  CHECK(!same(ps_wquantile_scan_below(&part.seq, 4, 3, 0.5, &wa), full));
  part = down_from(v, w, 4);
  CHECK(same(ps_wquantile_scan_below(&part.seq, 4, 3, 0.5, &none), full));
  free(v);
  free(w);
  return check_summary("test_weighted_below");
}
