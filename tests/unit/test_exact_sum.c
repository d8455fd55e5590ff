/* test_exact_sum.c — exact sums of doubles (stats/exact_sum.h) against sums known exactly: integers
** summed in 128-bit integers, hand cases of cancellation and of ties, and the sum's independence of
** the order of its terms and of how they were split between merged partial sums; and the means, sd
** and ES of stats.h and weighted.h, which sum this way, the same bits in any order of the paths. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/exact_sum.h"
#include "stats/stats.h"
#include "stats/weighted.h"

/* the nearest double to the integer v (ties to even), by hand: the reference for the sums below */
static double nearest(__int128 v) {
  int neg = v < 0;
  unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
  int shift = 0;
  while ((u >> shift) >= ((unsigned __int128)1 << 53)) shift++;
  unsigned __int128 kept = u >> shift, rest = u - (kept << shift), half = shift ? (unsigned __int128)1 << (shift - 1) : 0;
  if (shift && (rest > half || (rest == half && (kept & 1)))) kept++;
  double d = ldexp((double)(uint64_t)kept, shift);
  return neg ? -d : d;
}

static void test_hand_cases(void) {
  const double cancel[] = {1e308, 1, -1e308};
  CHECK(ps_exact_sum_of(cancel, 3) == 1);
  const double big[] = {DBL_MAX, DBL_MAX, -DBL_MAX}; /* no overflow on the way */
  CHECK(ps_exact_sum_of(big, 3) == DBL_MAX);
  const double over[] = {DBL_MAX, DBL_MAX};
  CHECK(ps_exact_sum_of(over, 2) == INFINITY);
  const double tiny[] = {DBL_TRUE_MIN, DBL_TRUE_MIN, DBL_TRUE_MIN};
  CHECK(ps_exact_sum_of(tiny, 3) == 3 * DBL_TRUE_MIN);
  const double wide[] = {DBL_TRUE_MIN, 1.0, -1.0};
  CHECK(ps_exact_sum_of(wide, 3) == DBL_TRUE_MIN);
  const double tenths[] = {0.1, 0.2, -0.3}; /* exactly 2^-55 in binary (the naive sum gives 2^-54) */
  CHECK(ps_exact_sum_of(tenths, 3) == ldexp(1, -55));
  double two53 = ldexp(1, 53);
  const double tie_even[] = {two53, 1};      /* half-way: to the even 2^53 */
  CHECK(ps_exact_sum_of(tie_even, 2) == two53);
  const double tie_up[] = {two53, 2, 1};     /* 2^53 + 3: half-way, to the even 2^53 + 4 */
  CHECK(ps_exact_sum_of(tie_up, 3) == two53 + 4);
  const double sticky[] = {two53, 1, ldexp(1, -60)}; /* just past half-way: up */
  CHECK(ps_exact_sum_of(sticky, 3) == two53 + 2);
  const double neg_tie[] = {-two53, -2, -1}; /* the same, negative */
  CHECK(ps_exact_sum_of(neg_tie, 3) == -two53 - 4);
  const double zero[] = {0.5, -0.25, -0.25};
  CHECK(same_bits(ps_exact_sum_of(zero, 3), 0.0));
  CHECK(same_bits(ps_exact_sum_of(NULL, 0), 0.0));
  const double inf[] = {1, INFINITY, 2};
  CHECK(ps_exact_sum_of(inf, 3) == INFINITY);
  const double nan_[] = {INFINITY, -INFINITY};
  CHECK(isnan(ps_exact_sum_of(nan_, 2)));
  const double neg[] = {-1.5, 0.25};
  CHECK(ps_exact_sum_of(neg, 2) == -1.25);
}

/* integers of up to 62 bits times powers of two from 2^0 to 2^40, of both signs: their sum is an
** integer of 128 bits, exact, then rounded by hand */
static void test_against_integers(void) {
  uint64_t st = 11;
  for (int trial = 0; trial < 200; trial++) {
    size_t n = 1 + next_u64(&st) % 2000;
    ps_exact_sum s;
    ps_exact_init(&s);
    __int128 want = 0;
    for (size_t i = 0; i < n; i++) {
      int64_t k = (int64_t)(next_u64(&st) >> (11 + next_u64(&st) % 50)); /* exact in a double */
      if (next_u64(&st) & 1) k = -k;
      int e = (int)(next_u64(&st) % 41);
      ps_exact_add(&s, ldexp((double)k, e));
      want += (__int128)k * ((__int128)1 << e);
    }
    double got = ps_exact_value(&s), w = nearest(want);
    CHECK(same_bits(got, w));
    if (!same_bits(got, w)) break;
  }
}

/* doubles of every size: the same bits in any order, and merged from two partial sums */
static void test_order_and_merge(void) {
  uint64_t st = 5;
  size_t n = 5000;
  double *x = malloc(n * sizeof *x);
  CHECK(x != NULL);
  if (!x) return;
  for (size_t i = 0; i < n; i++) {
    double v = ldexp((double)(next_u64(&st) >> 11), (int)(next_u64(&st) % 200) - 150);
    x[i] = next_u64(&st) & 1 ? -v : v;
  }
  double one = ps_exact_sum_of(x, n);
  int all_same = 1, merged_same = 1, stats_same = 1;
  ps_stats first, again, wfirst, wagain;
  double *w = malloc(n * sizeof *w);
  CHECK(w != NULL);
  if (!w) {
    free(x);
    return;
  }
  for (size_t i = 0; i < n; i++) w[i] = 0.5 + (double)(next_u64(&st) >> 11) * 0x1p-53;
  CHECK(ps_stats_compute(x, n, &first) == 0 && ps_wstats_compute(x, w, n, &wfirst) == 0);
  for (int t = 0; t < 20; t++) {
    for (size_t i = n - 1; i > 0; i--) { /* Fisher-Yates */
      size_t j = next_u64(&st) % (i + 1);
      double v = x[i], u = w[i];
      x[i] = x[j];
      x[j] = v;
      w[i] = w[j];
      w[j] = u;
    }
    all_same &= same_bits(ps_exact_sum_of(x, n), one);
    /* the statistics built on the sums: the same bits in any order of the paths (the weighted ones
    ** but for ES, whose last path taken in part is the last of equal values in path order: none here) */
    CHECK(ps_stats_compute(x, n, &again) == 0 && ps_wstats_compute(x, w, n, &wagain) == 0);
    stats_same &= same_bits(again.mean, first.mean) && same_bits(again.sd, first.sd) &&
                  same_bits(again.es95, first.es95) && same_bits(again.es99, first.es99) &&
                  same_bits(wagain.mean, wfirst.mean) && same_bits(wagain.sd, wfirst.sd) &&
                  same_bits(wagain.se, wfirst.se) && same_bits(wagain.es99, wfirst.es99);
    size_t cut = next_u64(&st) % n;
    ps_exact_sum a, b;
    ps_exact_init(&a);
    ps_exact_init(&b);
    for (size_t i = 0; i < cut; i++) ps_exact_add(&a, x[i]);
    for (size_t i = cut; i < n; i++) ps_exact_add(&b, x[i]);
    ps_exact_merge(&a, &b);
    merged_same &= same_bits(ps_exact_value(&a), one);
  }
  CHECK(all_same);
  CHECK(merged_same);
  CHECK(stats_same);
  /* and a naive sum in two orders differs here, so the test can tell */
  double up = 0, down = 0;
  for (size_t i = 0; i < n; i++) up += x[i];
  for (size_t i = n; i > 0; i--) down += x[i - 1];
  CHECK(!same_bits(up, down) || !same_bits(up, one));
  free(w);
  free(x);
}

int main(void) {
  test_hand_cases();
  test_against_integers();
  test_order_and_merge();
  return check_summary("test_exact_sum");
}
