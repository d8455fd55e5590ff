/* test_ledger.c — ps_round_fen is llround for every amount a path rounds:
** halves both ways, the doubles either side of a half, values past 2^52 (all
** integers), and a million random amounts across the range money takes. */
#include <math.h>
#include <stdint.h>

#include "check.h"
#include "sim/ledger.h"
#include "sim/rng.h"

static long mismatches;

static void same(double x) {
  if (ps_round_fen(x) != (int64_t)llround(x)) {
    if (++mismatches <= 10) fprintf(stderr, "ps_round_fen(%.17g) = %lld, llround = %lld\n", x,
                                    (long long)ps_round_fen(x), (long long)llround(x));
  }
}

int main(void) {
  const double edges[] = {0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                          1e15 + 0.5, -1e15 - 0.5, 4503599627370495.5, -4503599627370495.5, 4503599627370497.0,
                          9007199254740993.0, 1e18, -1e18, 123456789.49999999, 0.1 * 3 * 1e8};
  for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
    double x = edges[i];
    same(x);
    same(nextafter(x, INFINITY));
    same(nextafter(x, -INFINITY));
  }
  for (int64_t k = -1000; k <= 1000; k++) same((double)k + 0.5);
  gsl_rng *r = ps_rng_new();
  ps_rng_seed_stream(r, 1, 0, PS_STREAM_DEFAULTS);
  for (int i = 0; i < 1000000; i++) { /* magnitudes from 1e-3 to 1e15 fen, both signs */
    double x = pow(10, -3 + 18 * gsl_rng_uniform(r)) * (gsl_rng_uniform(r) < 0.5 ? -1 : 1);
    same(x);
    same(floor(x) + 0.5);
  }
  gsl_rng_free(r);
  CHECK_EQ_INT(mismatches, 0);
  return check_summary("test_ledger");
}
