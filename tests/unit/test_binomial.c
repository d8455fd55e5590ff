/* test_binomial.c — ps_binomial (sim/binomial.h) is gsl_ran_binomial to the bit: on 2 x 10^6 draws from
** two generators of the engine's type on the same stream, one through ps_binomial and one through GSL,
** with p from 0 to 1 (small PDs most, p = 0, 1/2 and past 1/2 too) and n from 0 to 10^5 (n p on either side
** of GSL's switch to BTPE at 14), every count is the same and so is the next number of each stream; and
** the inline path is taken for most of them (a test of the copy, not of GSL against itself). Random
** uniforms rarely fall within rounding of a boundary between two counts, where the order of the
** arithmetic decides, so the uniforms are also chosen there: for 20 000 (p, n), every boundary
** u = f(0) + ... + f(x) of the first counts (summed as GSL would) and the 8 doubles either side, given
** to gsl_ran_binomial through a generator type that returns them (fixed_type) and to
** ps_binomial_search, give the same count; and ps_binomial_pow is gsl_pow_uint to the bit. */
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

#include "check.h"
#include "sim/binomial.h"
#include "sim/rng.h"

/* a generator type whose uniform is `fixed`: gsl_ran_binomial's count for a chosen u */
static double fixed;
static void fixed_set(void *state, unsigned long seed) { (void)state, (void)seed; }
static unsigned long fixed_get(void *state) { return (void)state, 0; }
static double fixed_get_double(void *state) { return (void)state, fixed; }
static const gsl_rng_type fixed_type = {"fixed", 0xffffffffUL, 0, sizeof(int), fixed_set, fixed_get, fixed_get_double};

/* the boundaries of (p, n) and the doubles near them: ps_binomial_search against GSL; returns how many differ */
static long boundaries(gsl_rng *g, double p, unsigned n, long *tried) {
  double q = 1 - p, s = p / q, f = gsl_pow_uint(q, n), u = 0;
  long differ = 0;
  for (int x = 0; x < 8 && u < 1; x++) {
    u += f;
    f *= s * (double)(n - (unsigned)x) / (double)(x + 1);
    double v = u;
    for (int k = 0; k < 8; k++) v = nextafter(v, 0);
    for (int k = 0; k < 17; k++, v = nextafter(v, 2)) {
      if (!(v >= 0 && v < 1)) continue;
      fixed = v;
      unsigned mine = ps_binomial_search(v, gsl_pow_uint(q, n), s, n);
      if (mine == UINT_MAX) continue; /* GSL would draw again */
      differ += mine != gsl_ran_binomial(g, p, n);
      (*tried)++;
    }
  }
  return differ;
}

int main(void) {
  gsl_rng *a = ps_rng_new(), *b = ps_rng_new(), *pick = gsl_rng_alloc(gsl_rng_mt19937);
  ps_rng_seed_stream(a, 20261207, 1, PS_STREAM_DEFAULTS);
  ps_rng_seed_stream(b, 20261207, 1, PS_STREAM_DEFAULTS);
  long differ = 0, streams = 0, inline_path = 0, total = 0, positive = 0;
  for (int i = 0; i < 2000000; i++) {
    double p;
    switch (i % 5) {
    case 0: p = pow(10, -6 + 6 * gsl_rng_uniform(pick)); break; /* 1e-6 .. 1 */
    case 1: p = 0.05 * gsl_rng_uniform(pick); break;
    case 2: p = gsl_rng_uniform(pick); break;
    case 3: p = i % 15 == 3 ? 0 : 0.5; break;
    default: p = 0.001 + 0.01 * gsl_rng_uniform(pick);
    }
    unsigned n = i % 7 == 0 ? (unsigned)gsl_rng_uniform_int(pick, 100001) : (unsigned)gsl_rng_uniform_int(pick, 3000);
    unsigned x = ps_binomial(a, p, n), y = gsl_ran_binomial(b, p, n);
    differ += x != y;
    positive += x > 0;
    inline_path += n > 0 && p <= 0.5 && n * p < 14;
    total++;
    if (i % 97 == 0) streams += gsl_rng_get(a) != gsl_rng_get(b); /* the streams stay in step */
  }
  printf("%ld draws, %ld by the inline path, %ld positive: %ld differ, %ld streams out of step\n", total, inline_path,
         positive, differ, streams);
  CHECK_EQ_INT(differ, 0);
  CHECK_EQ_INT(streams, 0);
  CHECK(inline_path > total / 3);
  CHECK(positive > total / 4);
  /* uniforms at the boundaries, and the power */
  gsl_rng *g = gsl_rng_alloc(&fixed_type);
  long tried = 0, near = 0, powers = 0;
  for (int i = 0; i < 20000; i++) {
    double p = i % 2 ? pow(10, -5 + 5 * gsl_rng_uniform(pick)) * 0.5 : 0.02 * gsl_rng_uniform(pick);
    unsigned n = 1 + (unsigned)gsl_rng_uniform_int(pick, i % 3 ? 3000 : 200000);
    if (!(n * p < 14)) continue;
    near += boundaries(g, p, n, &tried);
    powers += ps_binomial_pow(1 - p, n) != gsl_pow_uint(1 - p, n);
  }
  printf("%ld uniforms at the counts' boundaries: %ld differ; %ld powers differ\n", tried, near, powers);
  CHECK_EQ_INT(near, 0);
  CHECK_EQ_INT(powers, 0);
  CHECK(tried > 1000000);
  gsl_rng_free(g);
  /* another generator type: GSL's own draw */
  gsl_rng *m1 = gsl_rng_alloc(gsl_rng_mt19937), *m2 = gsl_rng_alloc(gsl_rng_mt19937);
  int same = 1;
  for (int i = 0; i < 1000; i++) same &= ps_binomial(m1, 0.01, 500) == gsl_ran_binomial(m2, 0.01, 500);
  CHECK(same);
  gsl_rng_free(a), gsl_rng_free(b), gsl_rng_free(pick), gsl_rng_free(m1), gsl_rng_free(m2);
  return check_summary("test_binomial");
}
