/* test_ledger.c — ps_round_fen is llround for every amount a path rounds:
** halves both ways, the doubles either side of a half, values past 2^52 (all
** integers), and a million random amounts across the range money takes; and
** ps_ledger_post is checked: a posting that would take the ledger's volume (all
** amounts posted) past int64 is refused with PS_EINPUT, changes nothing and is
** kept in l->overflow. */
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

/* the checked post: the volume (all amounts posted) up to the edge of int64 and one fen past it, both
** on one account and spread over accounts and kinds whose nets would each fit */
static void checked_post(void) {
  ps_ledger l;
  CHECK_EQ_INT(ps_ledger_init(&l, 3, 1), PS_OK);
  CHECK_EQ_INT(ps_ledger_post(&l, 1, 0, 1, INT64_MAX - 1, PS_KIND_TOPUP), PS_OK);
  CHECK_EQ_INT(ps_ledger_post(&l, 2, 0, 1, 1, PS_KIND_TOPUP), PS_OK); /* exactly INT64_MAX */
  CHECK_EQ_INT(ps_ledger_net(&l, 1, PS_KIND_TOPUP), INT64_MAX);
  CHECK_EQ_INT(ps_ledger_balance(&l, 0), -INT64_MAX);
  CHECK_EQ_INT(ps_ledger_post(&l, 3, 2, 1, 1, PS_KIND_TOPUP), PS_EINPUT); /* one fen past */
  CHECK_EQ_INT(l.overflow.period, 3);
  CHECK_EQ_INT(l.overflow.from, 2);
  CHECK_EQ_INT(l.overflow.to, 1);
  CHECK_EQ_INT(l.overflow.amount, 1);
  CHECK_EQ_INT(l.overflow.kind, PS_KIND_TOPUP);
  CHECK_EQ_INT(ps_ledger_net(&l, 1, PS_KIND_TOPUP), INT64_MAX); /* nothing moved */
  CHECK_EQ_INT(ps_ledger_net(&l, 2, PS_KIND_TOPUP), 0);
  CHECK_EQ_INT(l.nlog, 2);                                      /* nor was logged */
  CHECK_EQ_INT(l.volume, INT64_MAX);
  CHECK_EQ_INT(ps_ledger_check_balanced(&l), 0);
  CHECK_EQ_INT(ps_ledger_post(&l, 3, 2, 1, 0, PS_KIND_TOPUP), PS_OK); /* nothing is a no-op */
  /* money back and forth: each net stays small, the volume grows; 2^61 fen four times is 2^63 */
  ps_ledger_reset(&l);
  CHECK_EQ_INT(l.overflow.amount, 0);
  CHECK_EQ_INT(l.volume, 0);
  int64_t q = INT64_C(1) << 61;
  CHECK_EQ_INT(ps_ledger_post(&l, 1, 0, 2, q, PS_KIND_COMPENSATION), PS_OK);
  CHECK_EQ_INT(ps_ledger_post(&l, 1, 2, 0, q, PS_KIND_RECOVERY), PS_OK);
  CHECK_EQ_INT(ps_ledger_post(&l, 2, 1, 2, q, PS_KIND_YIELD), PS_OK);
  CHECK_EQ_INT(ps_ledger_post(&l, 3, 1, 2, q, PS_KIND_YIELD), PS_EINPUT); /* 2^63 > INT64_MAX */
  CHECK_EQ_INT(l.overflow.kind, PS_KIND_YIELD);
  CHECK_EQ_INT(l.overflow.period, 3);
  CHECK_EQ_INT(ps_ledger_net(&l, 2, PS_KIND_YIELD), q);
  CHECK_EQ_INT(ps_ledger_balance(&l, 2), q);
  CHECK_EQ_INT(l.volume, 3 * q);
  CHECK_EQ_INT(ps_ledger_post(&l, 3, 1, 2, q - 1, PS_KIND_YIELD), PS_OK); /* the last fen that fits */
  CHECK_EQ_INT(l.volume, INT64_MAX);
  CHECK_EQ_INT(ps_ledger_balance(&l, 2), 2 * q - 1);
  CHECK_EQ_INT(ps_ledger_check_balanced(&l), 0);
  ps_ledger_destroy(&l);
}

int main(void) {
  checked_post();
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
