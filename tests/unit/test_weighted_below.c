/* test_weighted_below.c — the weighted quantile and ES scans begun part way down (weighted.h:
** ps_wquantile_scan_below, ps_wes_scan_below), as poolsim-mpi begins them below the values the
** answer does not depend on: from every value v0 of a sorted weighted column whose values above weigh
** at most the limit, the scan of the values at or below v0, with the exact sums of those above,
** gives the bits of the scan from the top (ps_wquantile_ci_scan at level 0, ps_wes_scan); and a
** reader that takes a group of equal values at once gives the bits of one that takes them one by
** one. Columns
** with ties (zeros, a few repeated values) and weights over several orders of magnitude. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/stats.h"
#include "stats/weighted.h"

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
  return (down_seq){{.peek = down_peek, .take = down_take}, v, w, from};
}

/* the same, taking a group of equal values at once: their weights summed in the other order */
static void down_take_equal(ps_wseq *q, double v, ps_exact_sum *w1, ps_exact_sum *w2) {
  down_seq *d = (down_seq *)q;
  size_t k = d->i;
  while (k > 0 && d->v[k - 1] == v) k--;
  for (size_t i = k; i < d->i; i++) {
    ps_exact_add(w1, d->w[i]);
    if (w2) ps_exact_add(w2, d->w[i] * d->w[i]);
  }
  d->i = k;
}

/* an array read up from index `from`, taking equal values one by one or (by_group) at once */
typedef struct {
  ps_wseq seq;
  const double *v, *w;
  size_t i, n;
} up_seq;

static int up_peek(ps_wseq *q, double *v, double *w) {
  up_seq *u = (up_seq *)q;
  if (u->i == u->n) return 0;
  *v = u->v[u->i];
  *w = u->w[u->i];
  return 1;
}

static void up_take(ps_wseq *q) { ((up_seq *)q)->i++; }

static void up_take_equal(ps_wseq *q, double v, ps_exact_sum *w1, ps_exact_sum *w2) {
  up_seq *u = (up_seq *)q;
  size_t k = u->i;
  while (k < u->n && u->v[k] == v) k++;
  for (size_t i = k; i-- > u->i;) { /* from the other end of the group */
    ps_exact_add(w1, u->w[i]);
    if (w2) ps_exact_add(w2, u->w[i] * u->w[i]);
  }
  u->i = k;
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
          CHECK(same_bits(ps_wquantile_scan_below(&part.seq, n, max, q, &wa), want));
          quantiles++;
        }
        if (weight <= ps_wes_limit(n, q)) {
          down_seq all = down_from(v, w, n), part = down_from(v, w, above);
          double want = ps_wes_scan(&all.seq, n, max, q);
          CHECK(same_bits(ps_wes_scan_below(&part.seq, n, max, q, &wa, &wva), want));
          es++;
        }
      }
      j = above - 1; /* the next distinct value */
    }
  }
  /* a group of equal values taken at once (ps_wseq.take_equal): the same bits as one by one, for
  ** the quantiles and their intervals read down and up */
  for (int column = 0; column < 2; column++) {
    size_t n = N;
    for (size_t i = 0; i < n; i++) {
      double u = uniform(&st);
      v[i] = column == 0 ? floor(u * 8) : (u < 0.7 ? 0 : u);
      w[i] = exp(4 * (uniform(&st) - 0.8));
    }
    if (ps_sort_weighted(v, w, n)) return 1;
    static const double qs[] = {0.05, 0.3, 0.5, 0.75, 0.9, 0.99};
    for (int k = 0; k < 6; k++)
      for (int ci = 0; ci < 2; ci++) {
        double level = ci ? 0.95 : 0;
        ps_estimate one, group;
        if (qs[k] >= 0.5) {
          down_seq a = down_from(v, w, n), b = down_from(v, w, n);
          b.seq.take_equal = down_take_equal;
          one = ps_wquantile_ci_scan(&a.seq, n, v[n - 1], qs[k], level);
          group = ps_wquantile_ci_scan(&b.seq, n, v[n - 1], qs[k], level);
        } else {
          up_seq a = {{.peek = up_peek, .take = up_take}, v, w, 0, n}, b = a;
          b.seq.take_equal = up_take_equal;
          one = ps_wquantile_ci_scan(&a.seq, n, v[n - 1], qs[k], level);
          group = ps_wquantile_ci_scan(&b.seq, n, v[n - 1], qs[k], level);
        }
        CHECK(same_bits(one.value, group.value) && same_bits(one.lo, group.lo) && same_bits(one.hi, group.hi));
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
  CHECK(same_bits(full, 1));
  CHECK(!same_bits(ps_wquantile_scan_below(&part.seq, 4, 3, 0.5, &wa), full));
  part = down_from(v, w, 4);
  CHECK(same_bits(ps_wquantile_scan_below(&part.seq, 4, 3, 0.5, &none), full));
  free(v);
  free(w);
  return check_summary("test_weighted_below");
}
