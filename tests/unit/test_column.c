/* test_column.c — statistics of a column held in sorted parts (stats/column.h) against those of the
** whole column (stats.c, weighted.c, and the share above a value counted here), bit for bit:
** columns with many ties (zeros, -0.0, a few repeated values), negative values, unequal and empty
** parts, plain and weighted. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/column.h"
#include "stats/weighted.h"

static int same_stats(const ps_stats *a, const ps_stats *b) {
  return same_bits(a->mean, b->mean) && same_bits(a->sd, b->sd) && same_bits(a->se, b->se) && same_bits(a->min, b->min) &&
         same_bits(a->max, b->max) && same_bits(a->p50, b->p50) && same_bits(a->p90, b->p90) && same_bits(a->p95, b->p95) &&
         same_bits(a->p99, b->p99) && same_bits(a->p995, b->p995) && same_bits(a->p999, b->p999) && same_bits(a->es95, b->es95) &&
         same_bits(a->es99, b->es99);
}

static int same_estimate(ps_estimate a, ps_estimate b) {
  return same_bits(a.value, b.value) && same_bits(a.lo, b.lo) && same_bits(a.hi, b.hi);
}

/* the share of the whole sorted column above x, counted here (what ps_sizing_depletion_at gave
** before it read a column): Wilson, or the weights' sums with the normal interval */
static ps_estimate share_above(const double *sx, const double *sw, size_t n, double x) {
  size_t k = 0;
  ps_exact_sum s1, s2;
  ps_exact_init(&s1);
  ps_exact_init(&s2);
  for (size_t i = 0; i < n; i++)
    if (sx[i] > x) {
      k++;
      if (sw) {
        ps_exact_add(&s1, sw[i]);
        ps_exact_add(&s2, sw[i] * sw[i]);
      }
    }
  return sw ? ps_wprob(ps_exact_value(&s1), ps_exact_value(&s2), n, PS_CI_LEVEL) : ps_prob_wilson(k, n, PS_CI_LEVEL);
}

/* a value of kind `kind`: 0 many ties (as required balances, most of them 0), 1 spread, 2 one value */
static double draw(uint64_t *st, int kind) {
  static const double ties[] = {0.0, -0.0, 0.0, 0.0, 1.5, 2.5, 1e6, -3.0};
  if (kind == 2) return -0.0;
  if (kind == 0) return next_u64(st) % 4 ? ties[next_u64(st) % 8] : floor(uniform(st) * 50);
  return (uniform(st) - 0.3) * 1e7;
}

/* one column of n values split in nparts at random cuts, compared with the whole */
static int one_case(uint64_t *st, size_t n, int nparts, int kind, int weighted) {
  double *x = malloc(n * sizeof *x), *w = malloc(n * sizeof *w), *sx = malloc(n * sizeof *sx),
         *sw = malloc(n * sizeof *sw), *px = malloc(n * sizeof *px), *pw = malloc(n * sizeof *pw);
  size_t *cut = calloc((size_t)nparts + 1, sizeof *cut);
  ps_column_part *part = calloc((size_t)nparts, sizeof *part);
  int ok = x && w && sx && sw && px && pw && cut && part;
  for (size_t i = 0; ok && i < n; i++) {
    x[i] = draw(st, kind);
    w[i] = next_u64(st) % 5 ? 0.05 + 3 * uniform(st) : 0.5; /* some equal weights too */
  }
  for (int p = 1; ok && p < nparts; p++) cut[p] = next_u64(st) % (n + 1);
  cut[nparts] = n;
  for (int p = 1; ok && p < nparts; p++) /* ascending cuts: parts of any length, some empty */
    for (int q = p; q > 0 && cut[q] < cut[q - 1]; q--) {
      size_t t = cut[q];
      cut[q] = cut[q - 1];
      cut[q - 1] = t;
    }
  for (int p = 0; ok && p < nparts; p++) {
    size_t a = cut[p], m = cut[p + 1] - a;
    memcpy(px + a, x + a, m * sizeof *px);
    memcpy(pw + a, w + a, m * sizeof *pw);
    ok = (weighted ? ps_sort_weighted(px + a, pw + a, m) : ps_sort_doubles(px + a, m)) == PS_OK;
    part[p] = (ps_column_part){px + a, weighted ? pw + a : NULL, m, m ? x[a] : 0};
  }
  if (ok) {
    memcpy(sx, x, n * sizeof *sx);
    memcpy(sw, w, n * sizeof *sw);
    ok = (weighted ? ps_sort_weighted(sx, sw, n) : ps_sort_doubles(sx, n)) == PS_OK;
  }
  if (ok) {
    ps_column_local c;
    ps_column_local_init(&c, part, nparts);
    ps_stats whole, parts;
    ok = (weighted ? ps_wstats_compute(x, w, n, &whole) : ps_stats_compute(x, n, &whole)) == PS_OK &&
         ps_column_stats(&c.src, &parts) == PS_OK && same_stats(&whole, &parts);
    const double qs[] = {0.9, 0.95, 0.99, 0.3, 0.5};
    for (int k = 0; ok && k < 5; k++) {
      ps_estimate e, want = weighted ? ps_wquantile_ci_sorted(sx, sw, n, qs[k], PS_CI_LEVEL)
                                     : ps_quantile_ci_sorted(sx, n, qs[k], PS_CI_LEVEL);
      ok = ps_column_quantile_ci(&c.src, qs[k], PS_CI_LEVEL, &e) == PS_OK && same_estimate(e, want);
    }
    const double levels[] = {0.05, 0.5, 0.95}; /* unweighted quantiles, weights or not */
    double v[3];
    ok = ok && ps_column_quantiles(&c.src, levels, 3, v) == PS_OK;
    for (int k = 0; ok && k < 3; k++) ok = same_bits(v[k], ps_quantile_sorted(sx, n, levels[k]));
    const double at[] = {0.0, 1.5, -1.0, 2e6, 1234.5};
    for (int k = 0; ok && k < 5; k++) {
      ps_estimate e;
      ok = ps_column_beyond(&c.src, at[k], &e) == PS_OK &&
           same_estimate(e, share_above(sx, weighted ? sw : NULL, n, at[k]));
    }
  }
  free(x);
  free(w);
  free(sx);
  free(sw);
  free(px);
  free(pw);
  free(cut);
  free(part);
  return ok;
}

static void test_against_whole(void) {
  uint64_t st = 3;
  const size_t sizes[] = {1, 2, 7, 64, 333, 2000};
  const int nparts[] = {1, 2, 3, 5};
  for (int weighted = 0; weighted < 2; weighted++)
    for (int kind = 0; kind < 3; kind++)
      for (int s = 0; s < 6; s++)
        for (int p = 0; p < 4; p++)
          for (int rep = 0; rep < 3; rep++) {
            int ok = one_case(&st, sizes[s], nparts[p], kind, weighted);
            CHECK(ok);
            if (!ok) fprintf(stderr, "  n %zu, %d parts, kind %d, weighted %d\n", sizes[s], nparts[p], kind, weighted);
          }
}

/* ps_column_stats_of (one column in memory: the statistics stage's route, with its shortcuts for a
** column of one value and, weighted, of zeros) against stats.c and weighted.c on the same column, bit for
** bit: zeros of both signs (first -0.0 or 0.0), one nonzero value, ties, spread values; weights of every
** magnitude, and weights with an infinity or a NaN (no shortcut: the sums' NaN as the definition's) */
static void test_stats_of(void) {
  uint64_t st = 17;
  enum { N = 700 };
  double *x = malloc(N * sizeof *x), *w = malloc(N * sizeof *w);
  CHECK(x && w);
  if (!x || !w) return;
  int failed = 0;
  for (int kind = 0; kind < 5; kind++)
    for (int wk = 0; wk < 5; wk++)
      for (size_t n = 1; n <= N; n = n * 3 + 1) {
        for (size_t i = 0; i < n; i++) {
          uint64_t u = next_u64(&st);
          x[i] = kind == 0   ? (u % 2 ? -0.0 : 0.0)
                 : kind == 1 ? (i == 0 ? -0.0 : u % 2 ? -0.0 : 0.0)
                 : kind == 2 ? 2.5
                 : kind == 3 ? draw(&st, 0)
                             : draw(&st, 1);
          w[i] = wk == 0   ? 0.05 + 3 * uniform(&st)
                 : wk == 1 ? ldexp(1.0 + uniform(&st), (int)(next_u64(&st) % 1200) - 600)
                 : wk == 2 ? (i == n / 2 ? INFINITY : 0.5)
                 : wk == 3 ? (i == n - 1 ? NAN : 1.5)
                           : -0.0;
        }
        ps_stats got, want;
        int rc = ps_column_stats_of(x, w, n, &got) | ps_wstats_compute(x, w, n, &want);
        if (rc || !same_stats(&got, &want)) {
          failed++;
          fprintf(stderr, "  weighted: kind %d, weights %d, n %zu: mean %g/%g p50 %g/%g\n", kind, wk, n, got.mean,
                  want.mean, got.p50, want.p50);
        }
        rc = ps_column_stats_of(x, NULL, n, &got) | ps_stats_compute(x, n, &want);
        if (rc || !same_stats(&got, &want)) failed++;
      }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(w);
}

int main(void) {
  test_stats_of();
  test_against_whole();
  return check_summary("test_column");
}
