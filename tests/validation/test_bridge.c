/* test_bridge.c — bridge-loan funds (kind = "bridge", sim/bridges.c) against
** closed forms and hand computations, on tests/scenarios/bridge_validate.lua:
**   1. a capacity that does not bind (10亿 against 20 bridges of 100万 a month):
**      every request is served, exactly, on every path; the non-renewals over
**      the year are Binomial(240, pd) with rho = 0: mean and variance checked to
**      Z_TOL standard errors (closed-form standard errors, as test_validation.c);
**      with rho = 0.3 the mean is still 240·pd (the sample sd gives its error);
**   2. a binding capacity, deterministic (pd = 0): 1亿, 50 requests of
**      12 345 678 yuan out 7 days; each month serves floor(B·30.4 / (amount·7))
**      with B the balance grown by the fees, every fee 0.0002·7·amount rounded
**      to the fen; served, declined, fee income and balance to the fen;
**   3. a deterministic ledger (pd = 1, lgd = 0.4, recovery_lag 1): every bridge
**      is unrepaid, posting by posting, with the recoveries and the closing
**      balance computed by hand;
**   4. a pool_floor trigger stops the fund (tests/scenarios/bridge_floor.lua):
**      month 1 lends 3 x 1000万, all unrepaid -> 7000万 < the 8000万 floor; month 2
**      declines its 3 requests, then 1800万 comes back -> 8800万; month 3 lends 3
**      -> 5800万 (nothing to recover from month 2); month 4 declines 3, and month
**      3's 1800万 comes back -> 7600万: 6 served, 6 declined, 2 periods stopped,
**      3600万 recovered;
**   5. drawn amounts (uniform 50万–150万) and LGDs (beta), pd = 0.05, with a capacity that
**      does not bind: served = requests exactly; the claims' mean is
**      240·pd·E[amount] and the recoveries' (1 − E[lgd]) of the claims of months
**      1..11 (errors from the sample sds; tests/scenarios/bridge_drawn.lua);
**   6. size --serve, deterministic (pd = 0, no fee): 40 requests of 1000万 out
**      10 days a month; serving 95% needs 38 a month, floor(B·30.4 / 1e8) >= 38,
**      so B >= 3.8e9 / 30.4 = 1.25亿 on every path, to the bisection's tolerance
**      (1e-4 of it).
** Four mean checks and one variance check at 4.5 sigma: a correct engine fails
** with probability about 5 x 6.8e-6 for a given seed; the rest is exact. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "check_postings.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"
#include "sim/path.h"

#define FILE_ "tests/scenarios/bridge_validate.lua"
#define Z_TOL 4.5

static int load(const ps_override *sets, int nsets, ps_model *m) {
  char err[1024];
  int rc = ps_scenario_load(FILE_, sets, nsets, m, err, sizeof err);
  if (rc) fprintf(stderr, "cannot load %s: %s\n", FILE_, err);
  CHECK_EQ_INT(rc, PS_OK);
  return rc;
}

static int run(const ps_model *m, ps_outcomes *out) {
  char err[1024];
  ps_run_options o = {.paths = m->paths, .seed = m->seed, .threads = 2};
  int rc = ps_simulate(m, &o, out, err, sizeof err);
  if (rc) fprintf(stderr, "ps_simulate: %s\n", err);
  CHECK_EQ_INT(rc, PS_OK);
  return rc;
}

/* 1. capacity that does not bind; rho = 0 and 0.3 */
static void test_unbound(const char *rho) {
  ps_override sets[] = {{"segments.renewals.rho", rho}};
  ps_model m;
  ps_outcomes out;
  if (load(sets, 1, &m)) return;
  if (run(&m, &out) == 0) {
    double n = 20.0 * 12, pd = 0.02, P = (double)out.paths, sum = 0, sum2 = 0;
    long wrong = 0;
    for (long i = 0; i < out.paths; i++) {
      size_t k = ps_slot(&out, 0, i);
      wrong += out.originated[k] != n || out.declined[k] != 0 || out.shortfall[k] != 0 ||
               fabs(out.claims[k] - out.defaults[k] * 1e6) > 1e-6;
      sum += out.defaults[k];
      sum2 += out.defaults[k] * out.defaults[k];
    }
    CHECK_EQ_INT(wrong, 0); /* served = requests, exactly */
    double mean = sum / P, var = (sum2 - P * mean * mean) / (P - 1);
    double want_var = n * pd * (1 - pd);
    if (strcmp(rho, "0") == 0) {
      CHECK_NEAR(mean, n * pd, Z_TOL * sqrt(want_var / P));
      /* the sample variance's standard error from the binomial's fourth central moment */
      double mu4 = want_var * (1 + 3 * (n - 2) * pd * (1 - pd));
      CHECK_NEAR(var, want_var, Z_TOL * sqrt((mu4 - want_var * want_var * (P - 3) / (P - 1)) / P));
    } else {
      CHECK_NEAR(mean, n * pd, Z_TOL * sqrt(var / P));
      CHECK(var > 2 * want_var); /* correlated: overdispersed */
    }
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* 2. a binding capacity, pd = 0: the served counts and fees by hand */
static void test_bound(void) {
  ps_override sets[] = {{"pools.fund.initial", "1e8"},       {"segments.renewals.requests", "50"},
                        {"segments.renewals.amount", "12345678"}, {"segments.renewals.days", "7"},
                        {"segments.renewals.fee", "0.0002"},  {"segments.renewals.pd", "0"},
                        {"periods", "3"},                      {"paths", "4"}};
  ps_model m;
  ps_outcomes out;
  if (load(sets, 8, &m)) return;
  if (run(&m, &out) == 0) {
    /* fee of one bridge: 0.0002 * 7 * 1 234 567 800 fen = 1 728 394.92 -> 1 728 395 fen */
    const int64_t fee = 1728395, amount = 1234567800;
    int64_t balance = 10000000000, served = 0, fees = 0;
    for (int t = 1; t <= 3; t++) { /* B = 1e8 yuan: 3.04e9 / 86 419 746 = 35.18 -> 35; then 35, 35 */
      int64_t k = (int64_t)floor((double)balance * 30.4 / ((double)amount * 7));
      if (k > 50) k = 50;
      served += k;
      fees += k * fee;
      balance += k * fee;
    }
    CHECK_EQ_INT(served, 105);
    CHECK_EQ_INT(fees, 105 * 1728395);
    for (long i = 0; i < out.paths; i++) {
      size_t k = ps_slot(&out, 0, i);
      CHECK_NEAR(out.originated[k], (double)served, 0);
      CHECK_NEAR(out.declined[k], 150.0 - (double)served, 0);
      CHECK_NEAR(out.defaults[k], 0, 0);
      CHECK_NEAR(out.net_result[0], -1e8, 0); /* the city funded the pool; fees stay in it */
    }
    CHECK_NEAR(out.balance[ps_band_slot(&out, 0, 0) + 2], (double)balance / 100, 1e-6);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* 3. pd = 1, lgd 0.4: every bridge unrepaid, posting by posting.
** Accounts: city 0, fund 1, borrowers 2, outside 3. 1亿, 3 requests of 1000万 a
** month for 3 months. Month 1: three served (10 cash-days x 1e7 each, then kept
** out the whole month), each posted fund -> borrowers 1e9 fen; balance 7e7 yuan.
** Month 2: three more -> 4e7; recovery of month 1, 3 x 0.6 x 1e9 = 1.8e9 fen ->
** 5.8e7. Month 3: three more -> 2.8e7; recovery of month 2 -> 4.6e7. Month 3's
** recovery would fall after the horizon. */
static void test_ledger(void) {
  enum { CITY, FUND, FIRMS };
  static const ps_posting expected[] = {
      {0, CITY, FUND, 10000000000, PS_KIND_INITIAL},
      {1, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS}, {1, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS},
      {1, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS}, {2, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS}, {2, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS},
      {2, FIRMS, FUND, 1800000000, PS_KIND_RECOVERY},       {3, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS},
      {3, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS}, {3, FUND, FIRMS, 1000000000, PS_KIND_PRINCIPAL_LOSS},
      {3, FIRMS, FUND, 1800000000, PS_KIND_RECOVERY},
  };
  ps_override sets[] = {{"pools.fund.initial", "1e8"}, {"segments.renewals.requests", "3"},
                        {"segments.renewals.amount", "1e7"}, {"segments.renewals.pd", "1"},
                        {"segments.renewals.lgd", "0.4"},  {"segments.renewals.fee", "0.0002"},
                        {"periods", "3"}};
  ps_model m;
  ps_outcomes o;
  if (load(sets, 7, &m)) return;
  ps_path *w = run_logged_path(&m, &o);
  if (w) {
    const ps_ledger *l = ps_path_ledger(w);
    check_postings(l, expected, sizeof expected / sizeof *expected);
    CHECK_EQ_INT(ps_ledger_balance(l, FUND), 4600000000);
    CHECK_NEAR(o.claims[0], 9e7, 0);
    CHECK_NEAR(o.paid[0], 9e7, 0);
    CHECK_NEAR(o.shortfall[0], 0, 0);
    CHECK_NEAR(o.recovered[0], 3.6e7, 0);
    CHECK_NEAR(o.outlay_by_programme[0], 5.4e7, 0);
    CHECK_NEAR(o.defaults[0], 9, 0);
    CHECK_NEAR(o.originated[0], 9, 0);
    CHECK_NEAR(o.declined[0], 0, 0);
    CHECK_NEAR(o.defaulted_exposure[0], 9e7, 0);
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* 4. a floor that stops the fund, by hand */
static void test_floor(void) {
  ps_model m;
  ps_outcomes out;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/bridge_floor.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return;
  }
  if (run(&m, &out) == 0) {
    for (long i = 0; i < out.paths; i++) {
      size_t k = ps_slot(&out, 0, i);
      CHECK_NEAR(out.originated[k], 6, 0);
      CHECK_NEAR(out.declined[k], 6, 0);
      CHECK_NEAR(out.stopped[k], 2, 0);
      CHECK_NEAR(out.defaults[k], 6, 0);
      CHECK_NEAR(out.recovered[k], 3.6e7, 0);
    }
    const double want[] = {7e7, 8.8e7, 5.8e7, 7.6e7};
    for (int t = 0; t < 4; t++) CHECK_NEAR(out.balance[ps_band_slot(&out, 0, 0) + (size_t)t], want[t], 0);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* 5. drawn amounts and LGDs, capacity not binding */
static void test_drawn(void) {
  ps_model m;
  ps_outcomes out;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/bridge_drawn.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return;
  }
  if (run(&m, &out) == 0) {
    double P = (double)out.paths, c = 0, c2 = 0, r = 0, r2 = 0;
    long wrong = 0;
    for (long i = 0; i < out.paths; i++) {
      size_t k = ps_slot(&out, 0, i);
      wrong += out.originated[k] != 240 || out.declined[k] != 0 || out.paid[k] != out.claims[k];
      c += out.claims[k];
      c2 += out.claims[k] * out.claims[k];
      r += out.recovered[k];
      r2 += out.recovered[k] * out.recovered[k];
    }
    CHECK_EQ_INT(wrong, 0);
    double cm = c / P, rm = r / P;
    CHECK_NEAR(cm, 240 * 0.05 * 1e6, Z_TOL * sqrt((c2 / P - cm * cm) / (P - 1)));
    CHECK_NEAR(rm, 220 * 0.05 * 1e6 * 0.4, Z_TOL * sqrt((r2 / P - rm * rm) / (P - 1)));
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* 6. size --serve on a deterministic fund */
static void test_serve(void) {
  ps_override sets[] = {{"pools.fund.initial", "1e8"}, {"segments.renewals.requests", "40"},
                        {"segments.renewals.amount", "1e7"}, {"segments.renewals.pd", "0"},
                        {"periods", "6"},                   {"paths", "8"}};
  ps_model m;
  ps_outcomes out;
  if (load(sets, 6, &m)) return;
  char err[1024];
  ps_run_options o = {.paths = m.paths, .seed = m.seed, .threads = 2, .search = 1, .serve = 0.95};
  int rc = ps_simulate(&m, &o, &out, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    const double want = 3.8e9 / 30.4;
    for (long i = 0; i < out.paths; i++) CHECK_NEAR(out.required[ps_slot(&out, 0, i)], want * (1 + 0.5e-4), want * 0.5e-4 + 1);
    ps_outcomes_destroy(&out);
  } else fprintf(stderr, "%s\n", err);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  test_unbound("0");
  test_unbound("0.3");
  test_bound();
  test_ledger();
  test_floor();
  test_drawn();
  test_serve();
  return check_summary("test_bridge");
}
