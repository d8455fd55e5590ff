/* test_scenario.c — what the loader makes of a scenario: derived per-period
** rates, distribution parameters, amounts in fen, share order, defaults, and
** --set overrides applied before validation. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "scenario/scenario.h"

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/small.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_scenario");
  }
  CHECK(strcmp(m.name, "small test scheme") == 0);
  CHECK_EQ_INT(m.periods, 24);
  CHECK_EQ_INT(m.step, PS_STEP_MONTH);
  CHECK_NEAR(m.dt, 1.0 / 12, 1e-15);
  CHECK_EQ_INT(m.seed, 7);
  CHECK_EQ_INT(m.paths, 2000);
  CHECK_NEAR(m.cycle, 0.8, 0);
  CHECK_EQ_INT(m.nparties, 3);
  CHECK_EQ_INT(m.npools, 1);

  /* pool: 500万 = 5e8 fen; top-up of 100万 in period 13 only; monthly yield */
  const ps_pool *pool = &m.pools[0];
  CHECK_EQ_INT(pool->initial, 500000000);
  CHECK_EQ_INT(pool->topups[13], 100000000);
  CHECK_EQ_INT(pool->topups[12] + pool->topups[14], 0);
  CHECK_NEAR(pool->yield_per_period, pow(1.015, 1.0 / 12) - 1, 1e-15);
  CHECK_EQ_INT(pool->owner, 0);

  /* segment a_small: hazard 1 - 0.96^(1/12) = 0.0033961...; lognormal with
  ** mean 2e6, sd 1e6: sigma^2 = ln(1.25), mu = ln(2e6) - sigma^2/2; beta
  ** mean 0.6, sd 0.2: k = 0.24/0.04 - 1 = 5, alpha = 3, beta = 2 */
  const ps_segment *s = &m.segments[0];
  CHECK_NEAR(s->hazard[0], 1 - pow(0.96, 1.0 / 12), 1e-15);
  CHECK_NEAR(s->hazard[0], 0.0033961, 1e-7);
  CHECK_EQ_INT(s->loan.kind, PS_DIST_LOGNORMAL);
  CHECK_NEAR(s->loan.p2 * s->loan.p2, log(1.25), 1e-12);
  CHECK_NEAR(s->loan.p1, log(2e6) - 0.5 * log(1.25), 1e-12);
  CHECK_EQ_INT(s->lgd.kind, PS_DIST_BETA);
  CHECK_NEAR(s->lgd.p1, 3, 1e-12);
  CHECK_NEAR(s->lgd.p2, 2, 1e-12);
  CHECK(s->first == 1 && s->last == 12 && s->tenor == 12 && !s->amortizing);
  CHECK(m.segments[1].amortizing && m.segments[1].lgd.kind == PS_DIST_FIXED);

  /* programme prog_a: shares sorted by account (bank_a = 1, fund = 3), cap in fen, lags */
  const ps_programme *p = &m.programmes[0];
  CHECK_EQ_INT(p->nshares, 2);
  CHECK(p->shares[0].account == 1 && p->shares[0].share == 0.6);
  CHECK(p->shares[1].account == ps_account_of_pool(&m, 0) && p->shares[1].share == 0.4);
  CHECK_EQ_INT(p->cap_per_loan, 100000000);
  CHECK(p->claim_lag == 3 && p->recovery_lag == 9);
  CHECK(m.segments[0].programme == 0 && m.segments[1].programme == 1);
  CHECK(!m.has_on_period);
  ps_model_destroy(&m);

  /* poolsim.uniform{min=, max=}: the range in p1, p2; mean and sd of the uniform */
  rc = ps_scenario_load("tests/scenarios/uniform.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    const ps_dist *loan = &m.segments[0].loan, *lgd = &m.segments[0].lgd;
    CHECK(loan->kind == PS_DIST_UNIFORM && loan->p1 == 1e5 && loan->p2 == 3e5 && loan->mean == 2e5);
    CHECK_NEAR(loan->sd, 2e5 / sqrt(12), 1e-9);
    CHECK(lgd->kind == PS_DIST_UNIFORM && lgd->p1 == 0.2 && lgd->p2 == 0.6);
    CHECK_NEAR(lgd->mean, 0.4, 1e-15);
    ps_model_destroy(&m);
  }

  /* --set changes values before validation and is remembered */
  ps_override sets[] = {{"pools.fund.initial", "2.5e8"}, {"segments.b_term.pd", "0.5"}, {"step", "quarter"},
                        {"pools.fund.topups.13", "0"}};
  rc = ps_scenario_load("tests/scenarios/small.lua", sets, 4, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    CHECK_EQ_INT(m.pools[0].initial, 25000000000LL);
    CHECK_EQ_INT(m.pools[0].topups[13], 0);
    CHECK_NEAR(m.segments[1].hazard[0], 1 - pow(0.5, 0.25), 1e-15);
    CHECK_EQ_INT(m.nsets, 4);
    CHECK(strcmp(m.set_keys[1], "segments.b_term.pd") == 0 && strcmp(m.set_values[1], "0.5") == 0);
    ps_model_destroy(&m);
  }

  /* a tiered share's bonus flags come sorted by name, whatever order pairs()
  ** gives in the Lua state (points then add up to the same bits every run) */
  for (int k = 0; k < 8; k++) {
    rc = ps_scenario_load("tests/scenarios/rules_tiered.lua", NULL, 0, &m, err, sizeof err);
    CHECK_EQ_INT(rc, PS_OK);
    if (rc) break;
    int tiered = 0;
    for (int g = 0; g < m.nprogrammes; g++)
      for (int i = 0; i < m.programmes[g].nshares; i++) {
        const ps_share *sh = &m.programmes[g].shares[i];
        if (sh->nbonus < 2) continue;
        tiered++;
        for (int b = 1; b < sh->nbonus; b++) CHECK(strcmp(sh->bonus[b - 1].flag, sh->bonus[b].flag) < 0);
      }
    CHECK(tiered > 0);
    ps_model_destroy(&m);
  }
  return check_summary("test_scenario");
}
