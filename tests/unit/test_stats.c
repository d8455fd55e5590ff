/* test_stats.c — summary statistics against hand-computed values and published
** Wilson intervals (Newcombe 1998, Stat Med 17:857, Table I, method 3). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/sizing.h"
#include "stats/stats.h"

/* x[i] = i + 1 */
static void fill_ramp(double *x, size_t n) {
  for (size_t i = 0; i < n; i++) x[i] = (double)(i + 1);
}

static void test_mean_sd_se(void) {
  ps_stats s;
  /* mean 5, squared deviations sum to 32, sd = sqrt(32/7), se = sqrt(32/7/8) */
  const double a[] = {2, 4, 4, 4, 5, 5, 7, 9};
  CHECK_EQ_INT(ps_stats_compute(a, 8, &s), 0);
  CHECK_NEAR(s.mean, 5.0, 1e-15);
  CHECK_NEAR(s.sd, sqrt(32.0 / 7.0), 1e-15);
  CHECK_NEAR(s.se, sqrt(4.0 / 7.0), 1e-15);
  CHECK(s.min == 2.0 && s.max == 9.0);

  /* mean 2.5, squared deviations 2.25+0.25+0.25+2.25 = 5, sd = sqrt(5/3) */
  const double b[] = {4, 1, 3, 2};
  CHECK_EQ_INT(ps_stats_compute(b, 4, &s), 0);
  CHECK_NEAR(s.mean, 2.5, 1e-15);
  CHECK_NEAR(s.sd, sqrt(5.0 / 3.0), 1e-15);
  CHECK_NEAR(s.se, sqrt(5.0 / 3.0) / 2.0, 1e-15);

  /* a large offset: a one-pass sum-of-squares formula loses sd = 1 here */
  const double c[] = {1e9 + 1, 1e9 + 2, 1e9 + 3};
  CHECK_EQ_INT(ps_stats_compute(c, 3, &s), 0);
  CHECK_NEAR(s.mean, 1e9 + 2, 1e-6);
  CHECK_NEAR(s.sd, 1.0, 1e-9);
}

static void test_small_n(void) {
  ps_stats s, zero;
  memset(&zero, 0, sizeof zero);
  memset(&s, 0xff, sizeof s);
  CHECK_EQ_INT(ps_stats_compute(NULL, 0, &s), 0);
  CHECK(memcmp(&s, &zero, sizeof s) == 0);

  const double one[] = {3.5};
  CHECK_EQ_INT(ps_stats_compute(one, 1, &s), 0);
  CHECK(s.mean == 3.5 && s.sd == 0.0 && s.se == 0.0);
  CHECK(s.min == 3.5 && s.max == 3.5 && s.p50 == 3.5 && s.p999 == 3.5);
  CHECK(s.es95 == 3.5 && s.es99 == 3.5);

  CHECK(ps_quantile_sorted(NULL, 0, 0.5) == 0.0);
  CHECK(ps_es_sorted(NULL, 0, 0.95) == 0.0);
  ps_estimate e = ps_quantile_ci_sorted(NULL, 0, 0.5, PS_CI_LEVEL);
  CHECK(e.value == 0.0 && e.lo == 0.0 && e.hi == 0.0);
}

static void test_quantiles(void) {
  double x[1000];
  fill_ramp(x, 10);
  /* x_(ceil(10q)) */
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.0), 1, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.1), 1, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.11), 2, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.5), 5, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.55), 6, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.9), 9, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 0.95), 10, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 10, 1.0), 10, 0);

  fill_ramp(x, 1000);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.0), 1, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.001), 1, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.0011), 2, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.95), 950, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.951), 951, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.995), 995, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 0.999), 999, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 1000, 1.0), 1000, 0);

  /* in binary 100*0.07 = 7.000000000000001 and 100*0.14 = 14.000000000000002;
  ** the rank is still 7 and 14 */
  CHECK_NEAR(ps_quantile_sorted(x, 100, 0.07), 7, 0);
  CHECK_NEAR(ps_quantile_sorted(x, 100, 0.14), 14, 0);
}

/* the sizing rule: on 1..n the (1-alpha) quantile is n - n*alpha, the smallest
** B with #{x > B} <= n*alpha (1000*(1-0.059) is 941.0000000000001 in binary) */
static void test_sizing_rule(void) {
  double x[1000];
  fill_ramp(x, 1000);
  int wrong = 0;
  for (int a = 1; a <= 100; a++)
    wrong += ps_quantile_sorted(x, 1000, 1.0 - a / 1000.0) != 1000.0 - a;
  for (int a = 1; a <= 20; a++)
    wrong += ps_quantile_sorted(x, 100, 1.0 - a / 100.0) != 100.0 - a;
  CHECK_EQ_INT(wrong, 0);
}

static void test_expected_shortfall(void) {
  double x[100];
  fill_ramp(x, 100);
  CHECK_NEAR(ps_es_sorted(x, 100, 0.95), 98.0, 1e-12);   /* mean(96..100) */
  CHECK_NEAR(ps_es_sorted(x, 100, 0.99), 100.0, 1e-12);  /* m = 1 */
  CHECK_NEAR(ps_es_sorted(x, 100, 1.0), 100.0, 1e-12);   /* m = max(1, 0) */
  CHECK_NEAR(ps_es_sorted(x, 100, 0.0), 50.5, 1e-12);    /* m = n */
  CHECK_NEAR(ps_es_sorted(x, 10, 0.75), 9.0, 1e-12);     /* m = round(2.5) = 3 */
}

static void test_full_stats(void) {
  double x[1000];
  fill_ramp(x, 1000);
  ps_stats s;
  CHECK_EQ_INT(ps_stats_compute(x, 1000, &s), 0);
  CHECK_NEAR(s.mean, 500.5, 1e-12);
  CHECK_NEAR(s.sd, sqrt(1000.0 * 1001.0 / 12.0), 1e-9);  /* n(n+1)/12 */
  CHECK_NEAR(s.se, sqrt(1001.0 / 12.0), 1e-10);
  CHECK(s.min == 1 && s.max == 1000);
  CHECK(s.p50 == 500 && s.p90 == 900 && s.p95 == 950);
  CHECK(s.p99 == 990 && s.p995 == 995 && s.p999 == 999);
  CHECK_NEAR(s.es95, 975.5, 1e-12);  /* mean(951..1000) */
  CHECK_NEAR(s.es99, 995.5, 1e-12);  /* mean(991..1000) */
}

/* ranks worked by hand with z(0.95) = 1.959964, z(0.90) = 1.644854 */
static void test_quantile_ci(void) {
  double x[1000];
  fill_ramp(x, 1000);
  /* nq = 950, sqrt(nq(1-q)) = sqrt(47.5) = 6.8920: 13.508 -> [936, 965] */
  ps_estimate e = ps_quantile_ci_sorted(x, 1000, 0.95, 0.95);
  CHECK(e.value == 950 && e.lo == 936 && e.hi == 965);
  /* 1.644854 * 6.8920 = 11.336 -> [938, 963] */
  e = ps_quantile_ci_sorted(x, 1000, 0.95, 0.90);
  CHECK(e.value == 950 && e.lo == 938 && e.hi == 963);
  /* n = 100, q = 0.5: 1.959964 * 5 = 9.800 -> [40, 61] */
  e = ps_quantile_ci_sorted(x, 100, 0.5, 0.95);
  CHECK(e.value == 50 && e.lo == 40 && e.hi == 61);
  /* n = 100, q = 0.999: 99.9 +- 0.62 -> [99, 102], upper clamped to 100 */
  e = ps_quantile_ci_sorted(x, 100, 0.999, 0.95);
  CHECK(e.value == 100 && e.lo == 99 && e.hi == 100);
  /* q = 0: l = 0 clamped to 1, u = 0 + 1 */
  e = ps_quantile_ci_sorted(x, 100, 0.0, 0.95);
  CHECK(e.value == 1 && e.lo == 1 && e.hi == 1);
  /* a single value */
  e = ps_quantile_ci_sorted(x, 1, 0.95, 0.95);
  CHECK(e.value == 1 && e.lo == 1 && e.hi == 1);
  /* always brackets the point value */
  int outside = 0;
  for (int i = 0; i <= 1000; i++) {
    e = ps_quantile_ci_sorted(x, 1000, i / 1000.0, PS_CI_LEVEL);
    outside += !(e.lo <= e.value && e.value <= e.hi);
  }
  CHECK_EQ_INT(outside, 0);
}

static void test_wilson(void) {
  ps_estimate e = ps_prob_wilson(0, 10, 0.95);
  CHECK_NEAR(e.value, 0.0, 0);
  CHECK_NEAR(e.lo, 0.0, 1e-12);
  CHECK_NEAR(e.hi, 0.2775, 6e-5);
  e = ps_prob_wilson(5, 10, 0.95);
  CHECK_NEAR(e.value, 0.5, 0);
  CHECK_NEAR(e.lo, 0.2366, 6e-5);
  CHECK_NEAR(e.hi, 0.7634, 6e-5);
  /* by hand: centre 0.028127, half-width 0.026360 */
  e = ps_prob_wilson(1, 100, 0.95);
  CHECK_NEAR(e.value, 0.01, 1e-15);
  CHECK_NEAR(e.lo, 0.0018, 6e-5);
  CHECK_NEAR(e.hi, 0.0545, 6e-5);
  /* Newcombe (1998), Table I, method 3 */
  e = ps_prob_wilson(81, 263, 0.95);
  CHECK_NEAR(e.lo, 0.2553, 6e-5);
  CHECK_NEAR(e.hi, 0.3662, 6e-5);
  e = ps_prob_wilson(15, 148, 0.95);
  CHECK_NEAR(e.lo, 0.0624, 6e-5);
  CHECK_NEAR(e.hi, 0.1605, 6e-5);
  e = ps_prob_wilson(0, 20, 0.95);
  CHECK_NEAR(e.lo, 0.0, 0);
  CHECK_NEAR(e.hi, 0.1611, 6e-5);
  e = ps_prob_wilson(1, 29, 0.95);
  CHECK_NEAR(e.lo, 0.0061, 6e-5);
  CHECK_NEAR(e.hi, 0.1718, 6e-5);
  /* symmetric in k <-> n-k, and k = n reaches 1 */
  e = ps_prob_wilson(10, 10, 0.95);
  CHECK_NEAR(e.lo, 1.0 - 0.2775, 6e-5);
  CHECK_NEAR(e.hi, 1.0, 0);
  /* a higher level gives a wider interval */
  ps_estimate w95 = ps_prob_wilson(5, 10, 0.95), w99 = ps_prob_wilson(5, 10, 0.99);
  CHECK(w99.lo < w95.lo && w99.hi > w95.hi);
  /* always inside [0, 1] and around k/n */
  int bad = 0;
  for (size_t n = 1; n <= 200; n++)
    for (size_t k = 0; k <= n; k++) {
      e = ps_prob_wilson(k, n, 0.95);
      bad += !(0.0 <= e.lo && e.lo <= e.value && e.value <= e.hi && e.hi <= 1.0);
    }
  CHECK_EQ_INT(bad, 0);
  /* n = 0 */
  e = ps_prob_wilson(0, 0, 0.95);
  CHECK(e.value == 0.0 && e.lo == 0.0 && e.hi == 1.0);
}

/* the input is left alone, a permutation of it gives the same order statistics,
** and the same input gives bit-identical results */
static void test_input_untouched_and_permutation(void) {
  enum { N = 1001 };
  double x[N], keep[N], perm[N];
  uint64_t state = 42;
  for (size_t i = 0; i < N; i++) x[i] = (double)(next_u64(&state) >> 11) * 0x1p-53 * 1e6 - 3e5;
  memcpy(keep, x, sizeof x);
  memcpy(perm, x, sizeof x);
  for (size_t i = N - 1; i > 0; i--) {
    size_t j = (size_t)(next_u64(&state) % (i + 1));
    double t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  CHECK(memcmp(perm, x, sizeof x) != 0);

  ps_stats a, b, again;
  CHECK_EQ_INT(ps_stats_compute(x, N, &a), 0);
  CHECK(memcmp(x, keep, sizeof x) == 0);
  CHECK_EQ_INT(ps_stats_compute(x, N, &again), 0);
  CHECK(memcmp(&a, &again, sizeof a) == 0);
  CHECK_EQ_INT(ps_stats_compute(perm, N, &b), 0);
  CHECK(a.min == b.min && a.max == b.max);
  CHECK(a.p50 == b.p50 && a.p90 == b.p90 && a.p95 == b.p95);
  CHECK(a.p99 == b.p99 && a.p995 == b.p995 && a.p999 == b.p999);
  CHECK(a.es95 == b.es95 && a.es99 == b.es99);
  CHECK_NEAR(b.mean, a.mean, 1e-12 * fabs(a.mean));
  CHECK_NEAR(b.sd, a.sd, 1e-12 * a.sd);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* selection gives exactly the sorted type-1 quantile, with ties and without */
static void test_quantile_select(void) {
  enum { M = 1001 };
  static double x[M], sorted[M];
  const double qs[] = {0.0, 0.001, 0.05, 0.5, 0.95, 0.999, 1.0};
  unsigned state = 12345u;
  int all_same = 1;
  for (int pass = 0; pass < 200; pass++) {
    size_t n = 1 + (size_t)(pass * 5) % M;
    for (size_t i = 0; i < n; i++) {
      state = state * 1103515245u + 12345u;
      x[i] = pass % 2 ? (double)(state % 7) : (double)state / 4294967296.0; /* ties on odd passes */
      sorted[i] = x[i];
    }
    qsort(sorted, n, sizeof(double), cmp_double);
    for (size_t k = 0; k < sizeof qs / sizeof *qs; k++) {
      double want = ps_quantile_sorted(sorted, n, qs[k]);
      all_same &= ps_quantile_select(x, n, qs[k]) == want;
    }
  }
  CHECK(all_same);
}

/* the radix sort orders like qsort: negatives, zeros of both signs, ties, huge */
static void test_sort(void) {
  enum { M = 5000 };
  static double x[M], y[M];
  unsigned state = 99u;
  int same = 1;
  for (int pass = 0; pass < 20; pass++) {
    size_t n = pass < 5 ? (size_t)(pass * 20 + 1) : M; /* the small-array path too */
    for (size_t i = 0; i < n; i++) {
      state = state * 1664525u + 1013904223u;
      double v = ((double)state / 4294967296.0 - 0.5) * (pass % 3 == 0 ? 1e12 : 10);
      if (state % 17 == 0) v = 0.0;
      if (state % 19 == 0) v = -0.0;
      if (state % 23 == 0) v = 3.0; /* ties */
      x[i] = y[i] = v;
    }
    qsort(y, n, sizeof(double), cmp_double);
    CHECK_EQ_INT(ps_sort_doubles(x, n), 0);
    for (size_t i = 0; i < n; i++) same &= x[i] == y[i];
  }
  CHECK(same);
}

/* the sizing answer from the first n/16 ... n paths: each the answer of that prefix alone (a ramp
** written backwards, so no prefix is already sorted), prefixes under 16 paths left out */
static void test_convergence(void) {
  enum { N = 1000, A = 2 };
  double required[N], alphas[A] = {0.1, 0.01}, sorted[N];
  for (int i = 0; i < N; i++) required[i] = (double)(N - i);
  ps_estimate at[PS_CONVERGENCE_STEPS * A];
  ps_convergence_point steps[PS_CONVERGENCE_STEPS];
  for (int k = 0; k < PS_CONVERGENCE_STEPS; k++) steps[k].initial = at + k * A;
  int n = ps_sizing_convergence(required, NULL, N, alphas, A, steps);
  CHECK_EQ_INT(n, 5);
  long want[5] = {62, 125, 250, 500, 1000};
  for (int k = 0; k < n && k < 5; k++) {
    CHECK_EQ_INT(steps[k].paths, want[k]);
    /* the prefix holds N .. N - m + 1: its type-1 (1 - alpha) quantile is N - m + ceil(m (1 - alpha)) */
    for (int a = 0; a < A; a++) {
      long m = want[k];
      memcpy(sorted, required, (size_t)m * sizeof *sorted);
      CHECK_EQ_INT(ps_sort_doubles(sorted, (size_t)m), 0);
      ps_estimate e = ps_sizing_initial(sorted, NULL, (size_t)m, alphas[a]);
      CHECK(steps[k].initial[a].value == e.value && steps[k].initial[a].lo == e.lo && steps[k].initial[a].hi == e.hi);
      CHECK_NEAR(e.value, (double)(N - m) + ceil((double)m * (1 - alphas[a]) - 1e-9), 0);
    }
  }
  CHECK_EQ_INT(ps_sizing_convergence(required, NULL, 20, alphas, A, steps), 1); /* only the 20 paths themselves */
}

/* ps_sort_weighted against a stable sort by (value, -0.0 as 0.0; position), the weights (here each value's
** position, and a second run with weights of every magnitude) following their values: small columns
** (insertion sort), columns whose keys differ in 1 to 8 bytes (an odd or even number of passes: the
** weights end in either of the radix sort's arrays), ties and zeros of both signs */
typedef struct {
  double x;
  size_t i;
} pos_value;
static int by_value_pos(const void *a, const void *b) {
  const pos_value *p = a, *q = b;
  double x = p->x == 0 ? 0 : p->x, y = q->x == 0 ? 0 : q->x;
  if (x != y) return x < y ? -1 : 1;
  return (p->i > q->i) - (p->i < q->i);
}
static void test_sort_weighted(void) {
  uint64_t st = 4242;
  enum { CAP = 2000 };
  double *x = malloc(CAP * sizeof *x), *w = malloc(CAP * sizeof *w), *w2 = malloc(CAP * sizeof *w2),
         *x0 = malloc(CAP * sizeof *x0);
  pos_value *r = malloc(CAP * sizeof *r);
  CHECK(x && w && w2 && x0 && r);
  if (!x || !w || !w2 || !x0 || !r) return;
  int failed = 0;
  for (int kind = 0; kind < 5; kind++)
    for (size_t n = 1; n <= CAP; n = n < 80 ? n + 1 : n * 2 + 7) {
      for (size_t i = 0; i < n; i++) {
        uint64_t u = next_u64(&st);
        double v = kind == 0   ? 1000.0 + (double)(u % 256)                              /* one byte differs */
                   : kind == 1 ? 1000.0 + (double)(u % 70000)                            /* a few */
                   : kind == 2 ? (u % 3 == 0 ? 0.0 : u % 3 == 1 ? -0.0 : (double)(u % 7) - 3) /* ties, +-0 */
                   : kind == 3 ? ldexp(uniform(&st) - 0.5, (int)(u % 2000) - 1000)       /* all eight */
                               : floor(uniform(&st) * 1e8) / 100;
        x[i] = x0[i] = v;
        w[i] = (double)i;
        w2[i] = ldexp(1.0 + uniform(&st), (int)(next_u64(&st) % 1200) - 600);
        r[i] = (pos_value){v, i};
      }
      double *x2 = malloc(n * sizeof *x2), *w2s = malloc(n * sizeof *w2s);
      if (!x2 || !w2s || ps_sort_weighted(x, w, n)) failed++;
      qsort(r, n, sizeof *r, by_value_pos);
      for (size_t j = 0; x2 && w2s && j < n; j++) {
        double want = r[j].x == 0 ? 0.0 : r[j].x;
        if (!same_bits(x[j], want) || w[j] != (double)r[j].i) failed++;
        x2[j] = x0[j];
        w2s[j] = w2[j];
      }
      if (x2 && w2s && ps_sort_weighted(x2, w2s, n) == PS_OK)
        for (size_t j = 0; j < n; j++) failed += !same_bits(w2s[j], w2[r[j].i]);
      free(x2);
      free(w2s);
    }
  CHECK_EQ_INT(failed, 0);
  free(x);
  free(w);
  free(w2);
  free(x0);
  free(r);
}

int main(void) {
  test_sort_weighted();
  test_convergence();
  test_sort();
  test_quantile_select();
  test_mean_sd_se();
  test_small_n();
  test_quantiles();
  test_sizing_rule();
  test_expected_shortfall();
  test_full_stats();
  test_quantile_ci();
  test_wilson();
  test_input_untouched_and_permutation();
  return check_summary("test_stats");
}
