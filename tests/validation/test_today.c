/* test_today.c — the fund as it stands today (SPEC 2.3a, issue 15 §1), against closed forms
** and hand-computed ledgers:
**   1. a seasoned cohort (tests/scenarios/today_seasoned.lua): 300 loans lent in period -5 for
**      12 quarters are at risk in periods 1..6 only; with a flat PD and no correlation each
**      defaults independently with probability 1 - (1 - h)^6, h = 1 - (1 - pd)^(1/4), so the
**      count per path is Binomial(n, q): its mean over P paths is checked to Z_TOL standard
**      errors sqrt(n q (1 - q) / P); none is counted as originated, all 300 as seasoned;
**   2. seasoned principal (today_amortizing.lua), to the fen: an amortizing loan defaulting at
**      age a has amount x (tenor - a) / tenor left; with an outstanding column, exactly that
**      outstanding; a bullet loan its outstanding;
**   3. pending claims (today_pending.lua): the posting log by hand, paid first in the period,
**      before the yield; the sizing shadow; a refill of last year's outlay counts them in the
**      fiscal year they are paid in (today_pending_refill.lua);
**   4. cap_per_firm (today_firm.lua): the cuts by hand, the same in a second path on the same
**      workspace (the per-firm sums restart with each path);
**   5. recovery_lag = poolsim.uniform{min = 1, max = 5} (today_lag.lua): every lag in 1..5
**      and their mean within Z_TOL standard errors of 3, the sd of a discrete uniform on 5
**      values being sqrt((5^2 - 1) / 12) = sqrt(2).
** Z_TOL = 4.5: a two-sided normal tail of 6.8e-6 per statistical check (2 of them). The seeds
** are fixed, so the outcome is deterministic. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "check_postings.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"
#include "sim/path.h"

#define Z_TOL 4.5

static int load(const char *file, ps_model *m) {
  char err[1024];
  int rc = ps_scenario_load(file, NULL, 0, m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) fprintf(stderr, "%s: %s\n", file, err);
  return rc;
}

static void test_seasoned_defaults(void) {
  ps_model m;
  if (load("tests/scenarios/today_seasoned.lua", &m)) return;
  ps_outcomes o;
  memset(&o, 0, sizeof o);
  char err[1024];
  ps_run_options opt = {.paths = m.paths, .seed = m.seed, .threads = 2};
  int ok = ps_simulate(&m, &opt, &o, err, sizeof err) == 0; /* allocates o */
  CHECK(ok);
  if (!ok) fprintf(stderr, "%s\n", err);
  if (ok) {
    double n = 300, h = 1 - pow(1 - 0.08, 0.25), q = 1 - pow(1 - h, 6), mean = 0, originated = 0;
    for (long k = 0; k < m.paths; k++) {
      mean += o.defaults[k];
      originated += o.originated[k];
    }
    mean /= (double)m.paths;
    CHECK_NEAR(mean, n * q, Z_TOL * sqrt(n * q * (1 - q) / (double)m.paths));
    CHECK_NEAR(originated, 0, 0);
    long seasoned = 0;
    for (int s = 0; s < m.nsegments; s++)
      if (m.segments[s].first <= 0) seasoned += m.segments[s].new_loans;
    CHECK_EQ_INT(seasoned, 300);
  }
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

static void test_seasoned_principal(void) {
  ps_model m;
  if (load("tests/scenarios/today_amortizing.lua", &m)) return;
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (w) {
    /* S1: 123456789 fen x (7 - 3) / 7 = 70546736.57 -> 70546737; S2: 33333333; S3: 25000000 */
    CHECK_NEAR(o.defaulted_exposure[0], 705467.37, 1e-6);
    CHECK_NEAR(o.defaulted_exposure[1], 333333.33, 1e-6);
    CHECK_NEAR(o.defaulted_exposure[2], 250000.00, 1e-6);
    CHECK_EQ_INT(ps_ledger_net(ps_path_ledger(w), 1, PS_KIND_PRINCIPAL_LOSS), -(70546737 + 33333333 + 25000000));
    CHECK_NEAR(o.originated[0] + o.originated[1] + o.originated[2], 0, 0);
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* Accounts: gov 0, bank 1, fund 2, fund2 3, borrowers 4, outside 5. fund: 1e8 fen; period 1:
** pending 3e7 first (to the bank), then yield on 7e7 = 7e6 -> 7.7e7; period 2: yield 7.7e6 ->
** 8.47e7; period 3: pending 2e8 -> pays 8.47e7, shortfall 1.153e8, then no yield (balance 0).
** fund2 (no programme: the outside world) pays 1e6 in period 2. Required: 3e7 + the half fen a
** period of yield rounding in periods 1 and 2 (0.5/1.1 + 0.5/1.21) + 2e8 / 1.21, then period
** 3's half fen (0.5/1.331): 195289257.44 -> ceil 195289258 fen. */
static void test_pending(void) {
  enum { GOV, BANK, FUND, FUND2, FIRMS, OUTSIDE };
  static const ps_posting expected[] = {
      {0, GOV, FUND, 100000000, PS_KIND_INITIAL},   {0, GOV, FUND2, 5000000, PS_KIND_INITIAL},
      {1, FUND, BANK, 30000000, PS_KIND_COMPENSATION}, {1, OUTSIDE, FUND, 7000000, PS_KIND_YIELD},
      {2, FUND2, OUTSIDE, 1000000, PS_KIND_COMPENSATION}, {2, OUTSIDE, FUND, 7700000, PS_KIND_YIELD},
      {3, FUND, BANK, 84700000, PS_KIND_COMPENSATION},
  };
  ps_model m;
  if (load("tests/scenarios/today_pending.lua", &m)) return;
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (w) {
    const ps_ledger *l = ps_path_ledger(w);
    check_postings(l, expected, sizeof expected / sizeof *expected);
    CHECK_NEAR(o.claims[0], 2300000, 1e-9);
    CHECK_NEAR(o.paid[0], 1147000, 1e-9);
    CHECK_NEAR(o.shortfall[0], 1153000, 1e-9);
    CHECK_EQ_INT(o.depletion[0], 3);
    CHECK_NEAR(o.required[0], 1952892.58, 1e-9);
    CHECK_NEAR(o.claims[1], 10000, 1e-9);
    CHECK_EQ_INT(o.depletion[1], 0);
    CHECK_EQ_INT(ps_ledger_check_balanced(l), 0);
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* a pending claim paid in period 5 (the first of fiscal year 2) is year 2's outlay: refill = "last_year"
** tops it up in period 9, and nothing in period 5 */
static void test_pending_refill(void) {
  enum { GOV, BANK, FUND, FIRMS, OUTSIDE };
  static const ps_posting expected[] = {
      {0, GOV, FUND, 100000000, PS_KIND_INITIAL},
      {5, FUND, BANK, 10000000, PS_KIND_COMPENSATION},
      {9, GOV, FUND, 10000000, PS_KIND_TOPUP},
  };
  ps_model m;
  if (load("tests/scenarios/today_pending_refill.lua", &m)) return;
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (w) check_postings(ps_path_ledger(w), expected, sizeof expected / sizeof *expected);
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* fund 0.8, cap 1e8 fen a firm: 甲 asks 8e7 + 8e7 in period 1 (the second cut by 6e7) and 4e7
** in period 2 (cut whole); 乙 4e7, paid. The fund pays 1.4e8, the cut 1e8 is capped and the
** government pays it to the bank. Two paths on one workspace: the same both times. */
static void test_cap_per_firm(void) {
  ps_model m;
  if (load("tests/scenarios/today_firm.lua", &m)) return;
  ps_outcomes o;
  char err[1024] = "out of memory";
  ps_path *w = ps_path_new(&m, NULL, 1);
  int ok = w && ps_outcomes_init(&o, &m, 2, 0) == 0;
  for (long k = 0; ok && k < 2; k++) {
    ok = ps_path_run(w, m.seed, k, NULL, &o, err, sizeof err) == 0;
    if (!ok) break;
    CHECK_NEAR(o.paid[k], 1400000, 1e-9);
    CHECK_NEAR(o.capped[k], 1000000, 1e-9);
    CHECK_EQ_INT(ps_ledger_net(ps_path_ledger(w), 0, PS_KIND_COMPENSATION), -100000000);
    CHECK_EQ_INT(ps_ledger_net(ps_path_ledger(w), 1, PS_KIND_COMPENSATION), 240000000);
  }
  CHECK(ok);
  if (!ok) fprintf(stderr, "%s\n", err);
  CHECK_EQ_INT(m.nfirms, 2);
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

static void test_recovery_lag(void) {
  ps_model m;
  if (load("tests/scenarios/today_lag.lua", &m)) return;
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (w) {
    const ps_ledger *l = ps_path_ledger(w);
    long n = 0, outside = 0;
    double sum = 0;
    for (size_t k = 0; k < l->nlog; k++) {
      const ps_posting *p = &l->log[k];
      if (p->kind != PS_KIND_RECOVERY || p->from != ps_account_firms(&m)) continue;
      int lag = p->period - 1; /* every loan defaults in period 1 */
      n++;
      sum += lag;
      outside += lag < 1 || lag > 5;
    }
    CHECK_EQ_INT(n, 2000);
    CHECK_EQ_INT(outside, 0);
    CHECK_NEAR(sum / (double)n, 3, Z_TOL * sqrt(2.0 / 2000));
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  test_seasoned_defaults();
  test_seasoned_principal();
  test_pending();
  test_pending_refill();
  test_cap_per_firm();
  test_recovery_lag();
  return check_summary("test_today");
}
