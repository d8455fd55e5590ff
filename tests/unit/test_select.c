/* test_select.c — several order statistics found by selection (stats/select.h) against the sorted
** array (stats.h ps_sort_doubles), and the statistics of a column taken through it (column.c,
** ps_column_stats_of) against ps_stats_compute and a sorted column, bit for bit: random, tied,
** +-0.0, extreme (+-DBL_MAX, subnormals, infinities), sorted, reversed, organ-pipe and sawtooth
** inputs, every length up to a few hundred and some long ones, ranks anywhere, repeated and unordered. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/column.h"
#include "stats/select.h"
#include "stats/sizing.h"
#include "stats/stats.h"
#include "stats/weighted.h"

enum { RANDOM, TIES, ZEROS, EXTREME, SORTED, REVERSED, ORGAN, SAWTOOTH, NKINDS };

/* x[0..n-1] of kind `kind` */
static void fill(uint64_t *st, double *x, size_t n, int kind) {
  static const double ties[] = {0.0, -0.0, 1.5, 2.5, 1e6, -3.0, 0.01, 0.0};
  static const double extreme[] = {DBL_MAX, -DBL_MAX, 4.9e-324, -4.9e-324, 2.2250738585072014e-308,
                                   INFINITY, -INFINITY, 0.0, -0.0, 1.0, -1.0, 1e300};
  for (size_t i = 0; i < n; i++) {
    double u = uniform(st);
    switch (kind) {
    case RANDOM: x[i] = (u - 0.3) * 1e7; break;
    case TIES: x[i] = ties[next_u64(st) % 8]; break;
    case ZEROS: x[i] = next_u64(st) % 10 ? (next_u64(st) % 2 ? 0.0 : -0.0) : floor(u * 5) - 2; break;
    case EXTREME: x[i] = next_u64(st) % 3 ? extreme[next_u64(st) % 12] : (u - 0.5) * 1e-300; break;
    case SORTED: x[i] = (double)i / 4; break;
    case REVERSED: x[i] = (double)(n - i) / 4; break;
    case ORGAN: x[i] = (double)(i < n / 2 ? i : n - i); break;
    default: x[i] = (double)(i % 7) - (double)(i % 3); break;
    }
  }
}

/* x holds the values of `sorted` (the same multiset, zeros as zeros) */
static int same_values(const double *x, const double *sorted, size_t n, double *tmp) {
  memcpy(tmp, x, n * sizeof *tmp);
  if (ps_sort_doubles(tmp, n)) return 0;
  return memcmp(tmp, sorted, n * sizeof *tmp) == 0;
}

/* ranks ks of x: the values of the sorted copy, and none out of place around each */
static int one_select(const double *x0, size_t n, const size_t *ks, size_t nk, double *x, double *sorted,
                      double *tmp) {
  double out[PS_SELECT_RANKS];
  memcpy(x, x0, n * sizeof *x);
  memcpy(sorted, x0, n * sizeof *x);
  if (ps_sort_doubles(sorted, n) || ps_select_ranks(x, n, ks, nk, out)) return 0;
  for (size_t j = 0; j < nk; j++) {
    size_t k = ks[j];
    if (!same_bits(out[j], sorted[k])) return 0;
    for (size_t p = 0; p < n; p++)
      if ((p < k && x[p] > x[k]) || (p > k && x[p] < x[k])) return 0;
  }
  return same_values(x, sorted, n, tmp);
}

static void test_ranks(void) {
  uint64_t st = 18;
  size_t cap = 70000;
  double *x0 = malloc(cap * sizeof *x0), *x = malloc(cap * sizeof *x), *sorted = malloc(cap * sizeof *sorted),
         *tmp = malloc(cap * sizeof *tmp);
  CHECK(x0 && x && sorted && tmp);
  if (!x0 || !x || !sorted || !tmp) return;
  int failed = 0;
  for (int kind = 0; kind < NKINDS; kind++)
    for (size_t n = 1; n <= cap; n = n < 300 ? n + 1 : n * 2 + 17) {
      size_t ks[PS_SELECT_RANKS], nk = 1 + next_u64(&st) % PS_SELECT_RANKS;
      fill(&st, x0, n, kind);
      for (size_t j = 0; j < nk; j++) /* anywhere, the ends and repeats among them */
        ks[j] = j == 0 ? n - 1 : j == 1 ? 0 : j == 2 ? ks[0] : next_u64(&st) % n;
      if (!one_select(x0, n, ks, nk, x, sorted, tmp)) {
        failed++;
        fprintf(stderr, "  select: kind %d, n %zu, %zu ranks\n", kind, n, nk);
      }
    }
  CHECK_EQ_INT(failed, 0);
  free(x0);
  free(x);
  free(sorted);
  free(tmp);
}

/* a hand example: ranks 1, 4 and 0 of eight values with ties and both zeros */
static void test_by_hand(void) {
  double x[] = {3, -0.0, 7, 1, 0.0, 3, -2, 5};
  const size_t ks[] = {1, 4, 0, 4};
  double out[4];
  CHECK_EQ_INT(ps_select_ranks(x, 8, ks, 4, out), PS_OK);
  /* sorted: -2, 0, 0, 1, 3, 3, 5, 7 */
  CHECK(same_bits(out[0], 0.0) && same_bits(out[1], 3.0) && same_bits(out[2], -2.0) && same_bits(out[3], 3.0));
}

static int same_stats(const ps_stats *a, const ps_stats *b) {
  return same_bits(a->mean, b->mean) && same_bits(a->sd, b->sd) && same_bits(a->se, b->se) && same_bits(a->min, b->min) &&
         same_bits(a->max, b->max) && same_bits(a->p50, b->p50) && same_bits(a->p90, b->p90) && same_bits(a->p95, b->p95) &&
         same_bits(a->p99, b->p99) && same_bits(a->p995, b->p995) && same_bits(a->p999, b->p999) && same_bits(a->es95, b->es95) &&
         same_bits(a->es99, b->es99);
}

/* ps_column_stats_of against ps_stats_compute (plain) or ps_wstats_compute (weighted), and against
** ps_column_stats of the column sorted into one part */
static void test_column_stats(void) {
  uint64_t st = 2026;
  size_t cap = 4200;
  double *x = malloc(cap * sizeof *x), *w = malloc(cap * sizeof *w), *sx = malloc(cap * sizeof *sx),
         *sw = malloc(cap * sizeof *sw);
  CHECK(x && w && sx && sw);
  if (!x || !w || !sx || !sw) return;
  int failed = 0;
  for (int weighted = 0; weighted < 2; weighted++)
    for (int kind = 0; kind < NKINDS; kind++)
      for (size_t n = 1; n <= cap; n = n < 80 ? n + 1 : n * 3 + 1) {
        if (kind == EXTREME) /* finite here: an infinite value makes the sd NaN either way */
          for (size_t i = 0; i < n; i++) x[i] = (uniform(&st) - 0.5) * (next_u64(&st) % 2 ? 1e300 : 1e-300);
        else fill(&st, x, n, kind);
        for (size_t i = 0; i < n; i++) w[i] = 0.05 + 3 * uniform(&st);
        ps_stats got, want, part_stats;
        memcpy(sx, x, n * sizeof *sx);
        memcpy(sw, w, n * sizeof *sw);
        int ok = ps_column_stats_of(x, weighted ? w : NULL, n, &got) == PS_OK &&
                 (weighted ? ps_wstats_compute(x, w, n, &want) : ps_stats_compute(x, n, &want)) == PS_OK &&
                 (weighted ? ps_sort_weighted(sx, sw, n) : ps_sort_doubles(sx, n)) == PS_OK;
        ps_column_part part = {sx, weighted ? sw : NULL, n, x[0]};
        ps_column_local c;
        ps_column_local_init(&c, &part, 1);
        ok = ok && ps_column_stats(&c.src, &part_stats) == PS_OK && same_stats(&got, &want) &&
             same_stats(&got, &part_stats);
        if (!ok) {
          failed++;
          fprintf(stderr, "  stats: weighted %d, kind %d, n %zu\n", weighted, kind, n);
        }
      }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(w);
  free(sx);
  free(sw);
}

/* the bands (bands.c) take the 5%, 50% and 95% ranks of a column with no -0.0 by one selection where they
** called ps_quantile_select three times in turn on the same array: the same bits */
static void test_as_bands(void) {
  uint64_t st = 5;
  size_t cap = 3000;
  double *x = malloc(cap * sizeof *x), *a = malloc(cap * sizeof *a), *b = malloc(cap * sizeof *b);
  CHECK(x && a && b);
  if (!x || !a || !b) return;
  int failed = 0;
  for (int kind = 0; kind < NKINDS; kind++)
    for (size_t n = 1; n <= cap; n = n < 100 ? n + 1 : n * 2 + 3) {
      fill(&st, x, n, kind);
      for (size_t i = 0; i < n; i++) x[i] = x[i] == 0 ? 0.0 : x[i]; /* no -0.0 */
      memcpy(a, x, n * sizeof *a);
      memcpy(b, x, n * sizeof *b);
      double want[3] = {ps_quantile_select(a, n, 0.05), ps_quantile_select(a, n, 0.50), ps_quantile_select(a, n, 0.95)};
      const size_t ks[] = {ps_quantile_rank(n, 0.05) - 1, ps_quantile_rank(n, 0.50) - 1, ps_quantile_rank(n, 0.95) - 1};
      double got[3];
      if (ps_select_ranks(b, n, ks, 3, got) || !same_bits(got[0], want[0]) || !same_bits(got[1], want[1]) ||
          !same_bits(got[2], want[2])) {
        failed++;
        fprintf(stderr, "  bands: kind %d, n %zu\n", kind, n);
      }
    }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(a);
  free(b);
}

/* the convergence table (sizing.c) takes a prefix's answers by one selection under plain sampling: the
** bits of the sorted prefix's ps_sizing_initial, for 3 and 5 levels (15 ranks) and for 6 (18 ranks: sorted) */
static void test_convergence(void) {
  uint64_t st = 77;
  enum { N = 3000, A = 6 };
  const double alphas[A] = {0.1, 0.05, 0.01, 0.5, 0.002, 0.3};
  double *x = malloc(N * sizeof *x), *sorted = malloc(N * sizeof *sorted);
  CHECK(x && sorted);
  if (!x || !sorted) return;
  ps_estimate at[PS_CONVERGENCE_STEPS * A];
  ps_convergence_point steps[PS_CONVERGENCE_STEPS];
  for (int k = 0; k < PS_CONVERGENCE_STEPS; k++) steps[k].initial = at + k * A;
  int failed = 0;
  const int nalphas[] = {3, 5, 6};
  for (int kind = 0; kind < NKINDS; kind++)
    for (int na = 0; na < 3; na++)
      for (size_t n = 20; n <= N; n = n * 3 + 1) {
        fill(&st, x, n, kind == EXTREME ? ZEROS : kind);
        int made = ps_sizing_convergence(x, NULL, n, alphas, nalphas[na], steps);
        failed += made < 1;
        for (int k = 0; k < made; k++) {
          size_t m = (size_t)steps[k].paths;
          memcpy(sorted, x, m * sizeof *sorted);
          failed += ps_sort_doubles(sorted, m) != PS_OK;
          for (int a = 0; a < nalphas[na]; a++) {
            ps_estimate e = ps_sizing_initial(sorted, NULL, m, alphas[a]), g = steps[k].initial[a];
            if (!same_bits(e.value, g.value) || !same_bits(e.lo, g.lo) || !same_bits(e.hi, g.hi)) {
              failed++;
              fprintf(stderr, "  convergence: kind %d, n %zu, m %zu, alpha %g\n", kind, n, m, alphas[a]);
            }
          }
        }
      }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(sorted);
}

int main(void) {
  test_by_hand();
  test_convergence();
  test_as_bands();
  test_ranks();
  test_column_stats();
  return check_summary("test_select");
}
