/* binomial.h — gsl_ran_binomial's count, inline for the engine's generator (sim/rng.h).
**
** A path draws one binomial per segment (or PD bucket) and period; with the means a scheme's segments
** have (a few defaults a period), GSL 2.7's gsl_ran_binomial takes them by inversion (Kachitvichyanukul
** and Schmeiser's BINV, n p < 14): f = (1 - p)^n by repeated squaring, then one uniform u, and the count
** is the first x with u < f(x) as u -= f(x) and f(x + 1) = f(x) (p / q) (n - x) / (x + 1). ps_binomial
** does the same arithmetic in the same order on the same uniform, inline and without GSL's calls through
** the generator's type, so the count and the stream after it are the same to the bit
** (tests/unit/test_binomial.c checks it against gsl_ran_binomial); p > 1/2, n p >= 14 (GSL's BTPE) and
** other generators are GSL's own. */
#ifndef PS_BINOMIAL_H
#define PS_BINOMIAL_H

#include <gsl/gsl_randist.h>
#include <limits.h>

#include "sim/rng.h"

/* q^n by repeated squaring, as gsl_pow_uint (the same products in the same order) */
static inline double ps_binomial_pow(double q, unsigned n) {
  double value = 1;
  do {
    if (n & 1) value *= q;
    n >>= 1;
    q *= q;
  } while (n);
  return value;
}

/* the count for uniform u, f0 = q^n and s = p / q: the first x with u < f(x), as u -= f(x) and
** f(x + 1) = f(x) s (n - x) / (x + 1); UINT_MAX when u (within rounding of 1) outruns 110 terms, after
** which GSL draws again */
static inline unsigned ps_binomial_search(double u, double f0, double s, unsigned n) {
  double f = f0;
  for (int ix = 0; ix <= 110; ix++) {
    if (u < f) return (unsigned)ix;
    u -= f;
    f *= s * (double)(n - (unsigned)ix) / (double)(ix + 1); /* unsigned n - ix, as GSL's */
  }
  return UINT_MAX;
}

/* ps_binomial — gsl_ran_binomial(r, p, n): the same count from the same draws */
static inline unsigned ps_binomial(gsl_rng *r, double p, unsigned n) {
  if (r->type != ps_rng_xoshiro256ss || n == 0 || !(p <= 0.5)) return gsl_ran_binomial(r, p, n);
  double q = 1 - p, np = n * p;
  if (!(np < 14)) return gsl_ran_binomial(r, p, n); /* BTPE */
  double s = p / q, f0 = ps_binomial_pow(q, n);
  for (;;) {
    unsigned x = ps_binomial_search((double)(ps_xoshiro_next(r->state) >> 11) * 0x1.0p-53, f0, s, n); /* gsl_rng_uniform */
    if (x != UINT_MAX) return x;
  }
}

#endif
