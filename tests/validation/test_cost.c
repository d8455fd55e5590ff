/* test_cost.c — a government's cost in public-finance terms (sim/cost.h, docs/model.md).
**
** (1) tests/scenarios/cost_hand.lua by hand, discount factor v_t = 1.05^-t for a flow at the end
** of year t (lending: at the start of its year, v_(t-1)):
**   p, cohort 1: the fund pays 0.3 x 10 x 100万 = 300万 in year 1 and gets back 0.3 x 0.6 x 1000万
**     = 180万 in year 2: 300万/1.05 - 180万/1.05^2 = 1 224 489.80
**   q: interest 1000万 x 5% = 50万 a year, half subsidised (25万), and a 2‰ reward on 1000万 (2万):
**     27万 in years 1 (cohort 1) and 2 (cohort 2): 257 142.86 and 244 897.96
**   cohort 1: 1 481 632.65; cohort 2: 244 897.96; PV cost 1 726 530.61
**   lending covered (both programmes): 2000万 in year 1, 1000万 in year 2: PV 2000万 + 1000万/1.05
**     = 29 523 809.52; subsidy rate 1 726 530.61 / 29 523 809.52 = 0.058480...
**   the budget: a lending_reward of 2万 in years 1 and 2, the ledger's own kind.
** (2) With no discounting the PV cost of each path is the same money as the cash view: its pools'
** net outlay plus what it pays directly (budget kinds other than pool funding), to the fen. */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "check_postings.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"

static void by_hand(void) {
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/cost_hand.lua", NULL, 0, &m, err, sizeof err)) {
    CHECK(!"cost_hand.lua loads");
    fprintf(stderr, "%s\n", err);
    return;
  }
  ps_outcomes o;
  ps_path *w = run_logged_path(&m, &o);
  if (w) {
    double v1 = 1 / 1.05, v2 = v1 * v1;
    double c1 = 3e6 * v1 - 1.8e6 * v2 + 2.7e5 * v1, c2 = 2.7e5 * v2, lending = 2e7 + 1e7 * v1;
    CHECK_EQ_INT(o.ncohorts, 4); /* the book before period 1, then years 1..3 */
    CHECK_NEAR(o.cost_by_cohort[0], 0, 0);
    CHECK_NEAR(o.cost_by_cohort[1], c1, 1e-6);
    CHECK_NEAR(o.cost_by_cohort[2], c2, 1e-6);
    CHECK_NEAR(o.cost_by_cohort[3], 0, 0);
    CHECK_NEAR(o.cost_pv[0], c1 + c2, 1e-6);
    CHECK_NEAR(o.cost_pv[0], 1726530.61, 0.01);
    CHECK_NEAR(o.subsidy_rate[0], (c1 + c2) / lending, 1e-12);
    CHECK_NEAR(o.volume_by_cohort[1], 2e7, 0);
    CHECK_NEAR(o.volume_by_cohort[2], 1e7, 0);
    for (int y = 0; y < 2; y++) {
      CHECK_NEAR(ps_budget_at(&o, 0, 0, y, PS_BUDGET_LENDING_REWARD), 2e4, 0);
      CHECK_NEAR(ps_budget_at(&o, 0, 0, y, PS_BUDGET_INTEREST_SUBSIDY), 2.5e5, 0);
    }
    CHECK_NEAR(ps_budget_at(&o, 0, 0, 2, PS_BUDGET_LENDING_REWARD), 0, 0);
    CHECK_EQ_INT(ps_ledger_net(ps_path_ledger(w), 1, PS_KIND_LENDING_REWARD), 2 * 2000000); /* the bank, fen */
  }
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* (2) on a scenario with every kind of government outlay, no discounting */
static void cash_and_pv_agree(void) {
  ps_override sets[] = {{"discount_rate", "0"}};
  ps_model m;
  char err[1024];
  if (ps_scenario_load("scenarios/mianyang_2022.lua", sets, 1, &m, err, sizeof err)) {
    CHECK(!"mianyang_2022.lua loads");
    fprintf(stderr, "%s\n", err);
    return;
  }
  long paths = 300;
  ps_outcomes o = {0};
  ps_run_options ro = {.paths = paths, .seed = 1, .threads = 1};
  if (ps_simulate(&m, &ro, &o, err, sizeof err)) {
    CHECK(!"mianyang_2022 runs");
    fprintf(stderr, "%s\n", err);
  } else {
    int bad = 0;
    for (int i = 0; i < m.nparties; i++) {
      int g = o.budget_slot[i];
      if (g < 0) continue;
      for (long k = 0; k < paths; k++) {
        double cash = 0;
        for (int p = 0; p < m.npools; p++)
          if (m.pools[p].owner == i) cash += o.paid[ps_slot(&o, p, k)] - o.recovered[ps_slot(&o, p, k)];
        for (int y = 0; y < o.nyears; y++)
          for (int kind = 0; kind < PS_NBUDGET; kind++)
            if (kind != PS_BUDGET_FUNDING)
              cash += ps_budget_at(&o, g, k, y, kind);
        /* fen sums converted to yuan both ways: equal up to the doubles' rounding */
        bad += fabs(o.cost_pv[ps_slot(&o, g, k)] - cash) > 1e-6 * (1 + fabs(cash)) * 1e-3;
      }
    }
    CHECK_EQ_INT(bad, 0);
  }
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  by_hand();
  cash_and_pv_agree();
  return check_summary("test_cost");
}
