/* test_programme.c — exact splits in fen: parts always sum to the whole, each
** within one fen of its exact proportion; the per-loan cap. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "sim/programme.h"
#include "sim/rng.h"

int main(void) {
  gsl_set_error_handler_off();
  /* hand cases */
  int64_t out[4];
  double w3[3] = {0.3, 0.2, 0.5};
  ps_split_fen(100, w3, 3, out);
  CHECK(out[0] == 30 && out[1] == 20 && out[2] == 50);
  double w2[2] = {1, 2}; /* 10/3, 20/3: remainders 1/3 and 2/3 -> the second gets the fen */
  ps_split_fen(10, w2, 2, out);
  CHECK(out[0] == 3 && out[1] == 7);
  double wz[3] = {0, 1, 0};
  ps_split_fen(12345, wz, 3, out);
  CHECK(out[0] == 0 && out[1] == 12345 && out[2] == 0);
  double wt[2] = {1, 1}, wt3[3] = {1, 1, 1}; /* a tie goes to the earlier payer */
  ps_split_fen(3, wt, 2, out);
  CHECK(out[0] == 2 && out[1] == 1);
  /* a negative total floors each part down (-33.3 -> -34, not the truncation's -33), then hands the two
  ** fen left back by the largest remainders, the earlier first on the tie: -33, -33, -34 */
  ps_split_fen(-100, wt3, 3, out);
  CHECK(out[0] == -33 && out[1] == -33 && out[2] == -34);

  /* random cases: exact sums and the one-fen bound */
  gsl_rng *r = ps_rng_new();
  ps_rng_seed_stream(r, 5, 0, PS_STREAM_DEFAULTS);
  int exact = 1, close = 1;
  for (int k = 0; k < 100000; k++) {
    int n = 1 + (int)gsl_rng_uniform_int(r, 4);
    double w[4], sum = 0;
    for (int i = 0; i < n; i++) sum += w[i] = gsl_rng_uniform_int(r, 3) == 0 ? 0 : gsl_rng_uniform(r);
    if (sum == 0) w[0] = sum = 1;
    int64_t total = (int64_t)(gsl_rng_uniform(r) * 1e12), s = 0;
    ps_split_fen(total, w, n, out);
    for (int i = 0; i < n; i++) {
      s += out[i];
      close &= fabs((double)out[i] - (double)total * w[i] / sum) < 1.0 + 1e-3;
    }
    exact &= s == total;
  }
  CHECK(exact);
  CHECK(close);
  gsl_rng_free(r);

  /* programme with shares bank 0.3, guarantor 0.2, pool 0.5 and a cap of 4e7 fen */
  ps_share shares[3] = {{.account = 1, .share = 0.3}, {.account = 2, .share = 0.2}, {.account = 3, .share = 0.5}};
  ps_programme p = {.bank = 1, .shares = shares, .nshares = 3, .cap_per_loan = 40000000};
  int64_t due[3], keeps;
  double scratch[3];
  ps_programme_split(&p, 100000000, NULL, 100000000, due, &keeps, scratch);
  CHECK(due[0] == 30000000 && due[1] == 11428571 && due[2] == 28571429);
  CHECK_EQ_INT(keeps, 60000000);
  ps_programme_split(&p, 50000000, NULL, 50000000, due, &keeps, scratch); /* 3.5e7 < cap: plain shares */
  CHECK(due[0] == 15000000 && due[1] == 10000000 && due[2] == 25000000);
  CHECK_EQ_INT(keeps, 15000000);
  p.cap_per_loan = 0; /* no cap */
  ps_programme_split(&p, 100000000, NULL, 100000000, due, &keeps, scratch);
  CHECK(due[1] == 20000000 && due[2] == 50000000 && keeps == 30000000);

  /* Guangzhou-style tiers for the fund (40% to 500万, 30% to 1500万, 20% to
  ** 3000万, nothing above), +15 points for IP pledges, never above 50%; the
  ** bank takes the rest. Amounts in fen. */
  ps_tier tiers[3] = {{500000000, 0.40}, {1500000000, 0.30}, {3000000000, 0.20}};
  ps_share tiered[2] = {{.account = 1, .rest = 1}, {.account = 3, .tiers = tiers, .ntiers = 3, .ceiling = 0.5}};
  ps_programme g = {.bank = 1, .shares = tiered, .nshares = 2};
  double no_points[2] = {0, 0}, ip[2] = {0, 0.15};
  CHECK_NEAR(ps_share_fraction(&tiered[1], 400000000, 0), 0.40, 0);
  CHECK_NEAR(ps_share_fraction(&tiered[1], 500000000, 0), 0.40, 0); /* "up to" includes the bound */
  CHECK_NEAR(ps_share_fraction(&tiered[1], 500000001, 0), 0.30, 0);
  CHECK_NEAR(ps_share_fraction(&tiered[1], 5000000000, 0), 0, 0);
  CHECK_NEAR(ps_share_fraction(&tiered[1], 1000000000, 0.15), 0.45, 1e-15);
  CHECK_NEAR(ps_share_fraction(&tiered[1], 400000000, 0.15), 0.50, 0); /* 0.55 capped */
  ps_programme_split(&g, 400000000, no_points, 400000000, due, &keeps, scratch);
  CHECK(due[0] == 240000000 && due[1] == 160000000 && keeps == 240000000);
  ps_programme_split(&g, 1000000000, ip, 800000000, due, &keeps, scratch); /* exposure below the amount: amortised */
  CHECK(due[0] == 440000000 && due[1] == 360000000);
  ps_programme_split(&g, 5000000000, ip, 5000000000, due, &keeps, scratch); /* above 3000万: 0 + 15 points */
  CHECK(due[1] == 750000000 && due[0] == 4250000000);
  return check_summary("test_programme");
}
