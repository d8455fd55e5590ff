/* test_weighted_scan.c — the weighted quantile without an interval (weighted.c quantile_scan, level 0),
** which rounds the exact running sum of the weights only near its target, against the scan that
** rounds it after every value (the definition, written out here), bit for bit: random and equal
** weights, weights of very different sizes, many tied values, unit weights whose sums land exactly
** on the target, every level from 0.001 to 0.999; and with an interval (unchanged) as well. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/exact_sum.h"
#include "stats/stats.h"
#include "stats/weighted.h"

/* the level-0 weighted q-quantile of ascending sorted[] with weights ws[], the exact sum rounded after
** each distinct value: the smallest v with the weight above it at most n(1 - q) (q >= 0.5, read down),
** or with the weight at or below it at least n q (read up) */
static double by_definition(const double *sorted, const double *ws, size_t n, double q) {
  ps_exact_sum x1;
  ps_exact_init(&x1);
  double value = sorted[n - 1];
  if (q >= 0.5) {
    double target = ps_wtarget(n, 1 - q);
    for (size_t i = n; i > 0;) {
      double v = sorted[i - 1];
      if (ps_exact_value(&x1) > target) break;
      value = v;
      while (i > 0 && sorted[i - 1] == v) ps_exact_add(&x1, ws[--i]);
    }
  } else {
    double target = ps_wtarget(n, q);
    for (size_t i = 0; i < n;) {
      double v = sorted[i];
      while (i < n && sorted[i] == v) ps_exact_add(&x1, ws[i++]);
      if (ps_exact_value(&x1) >= target) return v;
    }
  }
  return value;
}

static void test_against_definition(void) {
  uint64_t st = 31;
  enum { CAP = 5000 };
  double *x = malloc(CAP * sizeof *x), *w = malloc(CAP * sizeof *w);
  CHECK(x && w);
  if (!x || !w) return;
  const double qs[] = {0.001, 0.01, 0.05, 0.1, 0.3, 0.4999, 0.5, 0.7, 0.9, 0.95, 0.99, 0.995, 0.999};
  int failed = 0;
  for (int kind = 0; kind < 4; kind++)
    for (size_t n = 1; n <= CAP; n = n < 40 ? n + 1 : n * 2 + 1) {
      for (size_t i = 0; i < n; i++) {
        x[i] = kind == 2 ? (double)(next_u64(&st) % 7) : floor(uniform(&st) * 1e6) / 100;
        w[i] = kind == 0 ? 0.05 + 3 * uniform(&st)                    /* random */
               : kind == 1 ? ldexp(1.0 + uniform(&st), (int)(next_u64(&st) % 40) - 20) /* sizes far apart */
               : kind == 2 ? (next_u64(&st) % 3 ? 0.5 : 1.7)          /* ties in values and weights */
                           : 1.0;                                       /* unit: sums land on the targets */
      }
      if (ps_sort_weighted(x, w, n)) {
        failed++;
        continue;
      }
      for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++) {
        double want = by_definition(x, w, n, qs[k]);
        ps_estimate got = ps_wquantile_ci_sorted(x, w, n, qs[k], 0);
        if (!same_bits(got.value, want)) {
          failed++;
          fprintf(stderr, "  kind %d, n %zu, q %g: %.17g, want %.17g\n", kind, n, qs[k], got.value, want);
        }
        /* with an interval the sum is rounded every step, as before: its value is the same one */
        if (!same_bits(ps_wquantile_ci_sorted(x, w, n, qs[k], PS_CI_LEVEL).value, want)) failed++;
      }
    }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(w);
}

/* unit weights give the plain type-1 quantile (weighted.h), also through the shortcut */
static void test_unit_weights(void) {
  double x[1000], w[1000];
  for (int i = 0; i < 1000; i++) x[i] = (double)(i + 1), w[i] = 1.0;
  CHECK(ps_wquantile_ci_sorted(x, w, 1000, 0.9, 0).value == ps_quantile_sorted(x, 1000, 0.9));
  CHECK(ps_wquantile_ci_sorted(x, w, 1000, 0.999, 0).value == ps_quantile_sorted(x, 1000, 0.999));
  CHECK(ps_wquantile_ci_sorted(x, w, 1000, 0.05, 0).value == ps_quantile_sorted(x, 1000, 0.05));
  CHECK(ps_wquantile_ci_sorted(x, w, 1000, 0.5, 0).value == ps_quantile_sorted(x, 1000, 0.5));
}

/* Weights whose sum in floating point stays below the target while the exact sum reaches and passes it:
** from the end read, 100 - 2^-46 and then 2^-48 each (each added to 100 - 2^-46 in floating point rounds
** back to it); the target n(1 - q) = n q = 100. The exact sum rounds to 100 from 2 small weights on
** (100 - 2^-47, a tie, to the even 100) and past it, to 100 + 2^-46, from 7 on */
static void test_sum_below_in_floating_point(void) {
  enum { N = 1000 };
  double x[N], w[N];
  for (int i = 0; i < N; i++) x[i] = (double)i, w[i] = 1.0;
  for (int side = 0; side < 2; side++) { /* 0: read down (q = 0.9), 1: read up (q = 0.1) */
    for (int i = 0; i < N; i++) w[i] = 1.0;
    for (int j = 0; j < 12; j++) w[side ? j : N - 1 - j] = j == 0 ? 100 - ldexp(1, -46) : ldexp(1, -48);
    double q = side ? 0.1 : 0.9, want = by_definition(x, w, N, q);
    CHECK(same_bits(ps_wquantile_ci_sorted(x, w, N, q, 0).value, want));
    if (!side) { /* with other levels in one scan */
      const double qs[] = {0.5, 0.9, 0.999};
      double got[3];
      ps_wquantiles_sorted(x, w, N, qs, 3, got);
      CHECK(same_bits(got[1], want));
    }
    /* down: the weight above the 9th value from the top is the large one and 7 small, past 100: the
    ** answer is the 8th from the top, N - 8; up: the weight at or below the 3rd value (2) is 100 - 2^-47,
    ** which rounds (a tie) to the even 100: it reaches the target */
    CHECK(want == (side ? 2.0 : (double)(N - 8)));
  }
}

/* the weighted ES as ps_wes_scan takes it (the definition: the weight taken rounded after every path, the
** last path taken in part), on ascending sorted[] with weights ws[] */
static double es_by_definition(const double *sorted, const double *ws, size_t n, double q) {
  ps_exact_sum sum, weight;
  ps_exact_init(&sum);
  ps_exact_init(&weight);
  double want = (double)n * (1.0 - q), taken = 0;
  for (size_t i = n; (taken < want || taken == 0) && i > 0; i--) {
    double w = ws[i - 1];
    if (taken > 0 && taken + w > want) w = want - taken;
    ps_exact_add(&sum, w * sorted[i - 1]);
    ps_exact_add(&weight, w);
    taken = ps_exact_value(&weight);
  }
  return taken > 0 ? ps_exact_value(&sum) / taken : sorted[n - 1];
}

/* ps_wes_sorted, the level-0 quantiles and several at once (ps_wquantiles_sorted) (wstats: sums in floating point, exact ones in bulk) against the
** definitions, bit for bit: values with +-0 and ties, extreme values, weights spanning 2^-600..2^600, zero
** weights, and weights that are not all finite and >= 0 (the scans as before) */
static void test_es_and_extremes(void) {
  uint64_t st = 77;
  enum { CAP = 3000 };
  double *x = malloc(CAP * sizeof *x), *w = malloc(CAP * sizeof *w);
  CHECK(x && w);
  if (!x || !w) return;
  const double qs[] = {0.001, 0.05, 0.3, 0.5, 0.9, 0.95, 0.99, 0.995, 0.999};
  int failed = 0, checked = 0;
  for (int kind = 0; kind < 7; kind++)
    for (size_t n = 1; n <= CAP; n = n < 70 ? n + 1 : n * 3 + 1) {
      for (size_t i = 0; i < n; i++) {
        uint64_t r = next_u64(&st);
        x[i] = kind == 1   ? (r % 3 == 0 ? 0.0 : r % 3 == 1 ? -0.0 : (double)(r % 5) - 2) /* +-0 and ties */
               : kind == 2 ? ldexp(uniform(&st) - 0.5, (int)(r % 2000) - 1000)        /* extreme values */
                           : floor(uniform(&st) * 1e6) / 100;
        w[i] = kind == 0   ? 0.05 + 3 * uniform(&st)
               : kind == 3 ? ldexp(1.0 + uniform(&st), (int)(next_u64(&st) % 1200) - 600) /* 2^-600..2^600 */
               : kind == 4 ? (r % 4 == 0 ? 0.0 : ldexp(1.0 + uniform(&st), (int)(next_u64(&st) % 60) - 30))
               : kind == 5 ? (r % 7 == 0 ? -0.5 : 1.0)                                 /* not all >= 0 */
               : kind == 6 ? (i == n / 2 ? INFINITY : 0.7)                             /* not all finite */
                           : ldexp(1.0, (int)(r % 9) - 4);
      }
      if (ps_sort_weighted(x, w, n)) {
        failed++;
        continue;
      }
      for (size_t k = 0; k < sizeof qs / sizeof qs[0]; k++) {
        double e = ps_wes_sorted(x, w, n, qs[k]), want = es_by_definition(x, w, n, qs[k]);
        checked++;
        if (!same_bits(e, want) && !(isnan(e) && isnan(want))) {
          failed++;
          fprintf(stderr, "  ES kind %d, n %zu, q %g: %.17g, want %.17g\n", kind, n, qs[k], e, want);
        }
        if (kind < 5 && !same_bits(ps_wquantile_sorted(x, w, n, qs[k]), by_definition(x, w, n, qs[k]))) {
          failed++;
          fprintf(stderr, "  quantile kind %d, n %zu, q %g\n", kind, n, qs[k]);
        }
      }
      /* several levels in one scan (the column's six, the bands' two, and levels out of order) */
      const double six[] = {0.50, 0.90, 0.95, 0.99, 0.995, 0.999}, two[] = {0.5, 0.95}, mixed[] = {0.9, 0.5, 0.99};
      const double *sets[] = {six, two, mixed};
      const size_t sizes[] = {6, 2, 3};
      for (int set = 0; kind < 5 && set < 3; set++) {
        double got[6];
        ps_wquantiles_sorted(x, w, n, sets[set], sizes[set], got);
        for (size_t j = 0; j < sizes[set]; j++)
          if (!same_bits(got[j], by_definition(x, w, n, sets[set][j]))) {
            failed++;
            fprintf(stderr, "  quantiles kind %d, n %zu, set %d, q %g\n", kind, n, set, sets[set][j]);
          }
      }
    }
  CHECK_EQ_INT(failed, 0);
  CHECK(checked > 1000);
  free(x);
  free(w);
}

/* the ES whose weights summed in floating point fall short of want = n(1 - q) while their exact sum
** reaches it (as test_sum_below_in_floating_point): from the top want - u (u its ulp), then u / 4 each.
** The definition stops after two or three small ones (the exact sum then rounds to want); a start that
** took the paths whole while the sum in floating point stays below want would take all eleven, each
** -10^30 times u / 4 */
static void test_es_sum_below_in_floating_point(void) {
  enum { N = 1000 };
  double x[N], w[N], want_w = N * (1.0 - 0.9), u = want_w - nextafter(want_w, 0);
  for (int big = 0; big < 2; big++) {
    for (int i = 0; i < N; i++) x[i] = i == N - 1 ? 1.0 : -1e30, w[i] = 0.001;
    for (int j = 0; j < 12; j++) w[N - 1 - j - big * 50] = j == 0 ? want_w - u : u / 4;
    double want = es_by_definition(x, w, N, 0.9), got = ps_wes_sorted(x, w, N, 0.9);
    CHECK(same_bits(got, want));
    if (!big) CHECK(want < -1.9 * (u / 4) * 1e30 / want_w && want > -3.1 * (u / 4) * 1e30 / want_w);
  }
}

int main(void) {
  test_es_sum_below_in_floating_point();
  test_es_and_extremes();
  test_unit_weights();
  test_sum_below_in_floating_point();
  test_against_definition();
  return check_summary("test_weighted_scan");
}
