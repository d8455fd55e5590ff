/* test_exact_bulk.c — the array sums of stats/exact_sum.h (ps_exact_add_values, ps_exact_add_squares:
** by exponent, in 128-bit buckets; ps_exact_add_times: n copies in one product) against ps_exact_add of
** each term, bit for bit, also after more terms and merges: random bits over every exponent,
** subnormals, values near DBL_MAX (whose bucket group makes the array go term by term), cancellation,
** zeros of both signs, infinities and NaN, lengths about the threshold and long ones; and n copies
** against the product computed in 128-bit integers. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "splitmix.h"
#include "stats/exact_sum.h"

enum { BITS, MONEY, SUBNORMAL, HUGE_, CANCEL, ZEROS, SPECIAL, NKINDS };

static double draw(uint64_t *st, int kind, size_t i) {
  uint64_t u = next_u64(st);
  double d;
  switch (kind) {
  case BITS: /* any finite double */
    do {
      u = next_u64(st);
      memcpy(&d, &u, sizeof d);
    } while (!isfinite(d));
    return d;
  case MONEY: return u % 3 ? round((uniform(st) - 0.2) * 1e11) / 100 : 0.0;
  case SUBNORMAL: return (uniform(st) - 0.5) * 1e-310 + (u % 4 ? 0 : DBL_MIN);
  case HUGE_: return (u % 2 ? DBL_MAX : -DBL_MAX) * uniform(st) + (u % 3 ? 1.0 : 0.0);
  case CANCEL: return i % 2 ? -ldexp(1.0, (int)(u % 2000) - 1000) : ldexp(1.0, (int)(u % 2000) - 1000);
  case ZEROS: return u % 5 ? (u % 2 ? 0.0 : -0.0) : (uniform(st) - 0.5) * 1e6;
  default: return u % 97 == 0 ? (u % 2 ? INFINITY : -INFINITY) : u % 89 == 0 ? NAN : uniform(st);
  }
}

/* the sums of x by ps_exact_add and by the array calls the same bits, also with more terms after */
static int one_array(const double *x, size_t n, double c) {
  ps_exact_sum a, b, a2, b2, fresh_a, fresh_b;
  ps_exact_init(&fresh_a);
  ps_exact_init(&fresh_b);
  for (size_t i = 0; i < n; i++) ps_exact_add(&fresh_a, x[i]);
  ps_exact_add_values(&fresh_b, x, n);
  double fa = ps_exact_value(&fresh_a), fb = ps_exact_value(&fresh_b);
  if (!same_bits(fa, fb) && !(isnan(fa) && isnan(fb))) return 0;
  ps_exact_init(&a);
  ps_exact_init(&b);
  ps_exact_init(&a2);
  ps_exact_init(&b2);
  ps_exact_add(&a, 0.75); /* a sum already begun */
  ps_exact_add(&b, 0.75);
  for (size_t i = 0; i < n; i++) {
    ps_exact_add(&a, x[i]);
    ps_exact_add(&a2, (x[i] - c) * (x[i] - c));
  }
  ps_exact_add_values(&b, x, n);
  ps_exact_add_squares(&b2, x, n, c);
  double va = ps_exact_value(&a), vb = ps_exact_value(&b);
  int ok = (same_bits(va, vb) || (isnan(va) && isnan(vb))) &&
           (same_bits(ps_exact_value(&a2), ps_exact_value(&b2)) ||
            (isnan(ps_exact_value(&a2)) && isnan(ps_exact_value(&b2))));
  ps_exact_add(&a, -1e-300); /* and on from there */
  ps_exact_add(&b, -1e-300);
  ps_exact_merge(&a, &a2);
  ps_exact_merge(&b, &b2);
  va = ps_exact_value(&a), vb = ps_exact_value(&b);
  return ok && (same_bits(va, vb) || (isnan(va) && isnan(vb)));
}

static void test_arrays(void) {
  uint64_t st = 7;
  const size_t lengths[] = {0, 1, 31, 32, 33, 64, 255, 1000, 4097, 100000};
  double *x = malloc(100000 * sizeof *x);
  CHECK(x != NULL);
  if (!x) return;
  int failed = 0;
  for (int kind = 0; kind < NKINDS; kind++)
    for (int l = 0; l < 10; l++)
      for (int rep = 0; rep < 3; rep++) {
        size_t n = lengths[l];
        for (size_t i = 0; i < n; i++) x[i] = draw(&st, kind, i);
        double c = kind == HUGE_ || kind == BITS ? 0 : draw(&st, MONEY, 0);
        if (!one_array(x, n, c)) {
          failed++;
          fprintf(stderr, "  arrays: kind %d, n %zu\n", kind, n);
        }
      }
  CHECK_EQ_INT(failed, 0);
  /* a long array of one value and its negation but one: exact cancellation to that one */
  for (size_t i = 0; i < 1001; i++) x[i] = i == 1000 ? 0.1 : i % 2 ? -1e15 / 3 : 1e15 / 3;
  ps_exact_sum s;
  ps_exact_init(&s);
  ps_exact_add_values(&s, x, 1001);
  CHECK(same_bits(ps_exact_value(&s), 0.1));
  free(x);
}

/* the nearest double to m 2^e, m a 128-bit integer (ties to even), for a result in the normal range */
static double nearest_scaled(unsigned __int128 m, int e) {
  int shift = 0;
  while ((m >> shift) >= ((unsigned __int128)1 << 53)) shift++;
  unsigned __int128 kept = m >> shift, rest = m - (kept << shift);
  unsigned __int128 half = shift ? (unsigned __int128)1 << (shift - 1) : 0;
  if (shift && (rest > half || (rest == half && (kept & 1)))) kept++;
  return ldexp((double)(uint64_t)kept, shift + e);
}

static void test_times(void) {
  uint64_t st = 11;
  int failed = 0;
  for (int rep = 0; rep < 2000; rep++) { /* against n ps_exact_add */
    size_t n = next_u64(&st) % 3000;
    double x = draw(&st, rep % 3 == 0 ? BITS : rep % 3 == 1 ? MONEY : SUBNORMAL, 0);
    ps_exact_sum a, b;
    ps_exact_init(&a);
    ps_exact_init(&b);
    for (size_t i = 0; i < n; i++) ps_exact_add(&a, x);
    ps_exact_add_times(&b, x, n);
    if (!same_bits(ps_exact_value(&a), ps_exact_value(&b))) failed++;
  }
  CHECK_EQ_INT(failed, 0);
  /* many copies: 0.1 = m 2^-56 exactly, so 10^12 copies are 10^12 m 2^-56, rounded once */
  ps_exact_sum s;
  double tenth = 0.1;
  uint64_t m = (uint64_t)ldexp(tenth, 56);
  CHECK(ldexp((double)m, -56) == tenth);
  ps_exact_init(&s);
  ps_exact_add_times(&s, tenth, 1000000000000u);
  CHECK(same_bits(ps_exact_value(&s), nearest_scaled((unsigned __int128)m * 1000000000000u, -56)));
  ps_exact_init(&s);
  ps_exact_add_times(&s, -tenth, 1000000000000u);
  CHECK(same_bits(ps_exact_value(&s), -nearest_scaled((unsigned __int128)m * 1000000000000u, -56)));
  /* 2^62 + 12345 copies of a value whose bit lies high in its limb: the product passes 2^97, so its
  ** top digit is past the 128 bits shifted (fold_one's fifth digit) */
  double big = ldexp(1.0 + ldexp(1, -52), 33); /* (2^52 + 1) 2^(p - 1074), p = 1055: p % 32 == 31 */
  unsigned __int128 copies = ((unsigned __int128)1 << 62) + 12345;
  ps_exact_init(&s);
  ps_exact_add_times(&s, big, (size_t)copies);
  CHECK(same_bits(ps_exact_value(&s), nearest_scaled(copies * (((uint64_t)1 << 52) + 1), 1055 - 1074)));
  ps_exact_init(&s); /* past DBL_MAX, and back */
  ps_exact_add_times(&s, DBL_MAX, 3);
  CHECK(ps_exact_value(&s) == INFINITY);
  ps_exact_add_times(&s, -DBL_MAX, 2);
  CHECK(ps_exact_value(&s) == DBL_MAX);
  ps_exact_init(&s);
  ps_exact_add_times(&s, -0.0, 5);
  CHECK(same_bits(ps_exact_value(&s), 0.0));
  ps_exact_add_times(&s, INFINITY, 5);
  CHECK(ps_exact_value(&s) == INFINITY);
  ps_exact_add_times(&s, -INFINITY, 1);
  CHECK(isnan(ps_exact_value(&s)));
}

int main(void) {
  test_arrays();
  test_times();
  return check_summary("test_exact_bulk");
}
