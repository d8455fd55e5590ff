/* test_capacity.c — tests/scenarios/capacity.lua by hand: leverage (放大倍数),
** a first-loss payer, a payer's yearly cap, and the moral-hazard PD uplift.
**
** levered: leverage 6 x allocation (the fund's initial 100万) = 600万 at risk.
**   Period 1: book 0 -> 5 loans (500万). Period 2: book 500万 -> room for 1.
**   Period 3: cohort 1 has matured, book 100万 -> 5 loans. Originated 11,
**   declined 4.
** firstloss: one loan of 100万 defaults each year (pd = 1, LGD 1, no lags).
**   Year 1: the fund bears the first 50万; the other 50万 split 0.3/0.3/0.4:
**   fund 15万, guar 15万, bank 20万 -> the fund pays 65万 (balance 35万).
**   Year 2: fund 30万, guar 30万 capped at 20万 a year (cut 10万, borne by the
**   bank) -> the fund pays 30万 (balance 5万). Year 3: the same ask; the fund has
**   5万: shortfall 25万, depleted in period 3. Capped 20万 in all.
**   Claims 65 + 30 + 30 = 125万; paid 100万.
** lossshare: fund2 is asked 90% of each 100万 loss but the payers other than
**   the bank may take at most 80% of the losses claimed so far: 80万 of 100万,
**   then 80万 of the next (160 - 80), and again: 10万 capped each year, 30万 in
**   all; fund2 pays 240万. */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "scenario/scenario.h"

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/capacity.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_capacity");
  }
  ps_outcomes o;
  ps_path *w = ps_path_new(&m, NULL, 1);
  CHECK(w && ps_outcomes_init(&o, &m, 1, 0) == 0);
  CHECK_EQ_INT(ps_path_run(w, m.seed, 0, NULL, &o, err, sizeof err), 0);
  CHECK_NEAR(o.originated[0], 11, 0);
  CHECK_NEAR(o.declined[0], 4, 0);
  CHECK_NEAR(o.originated[1], 3, 0);
  CHECK_NEAR(o.capped[1], 200000, 0);
  CHECK_NEAR(o.claims[0], 1250000, 0);
  CHECK_NEAR(o.paid[0], 1000000, 0);
  CHECK_NEAR(o.shortfall[0], 250000, 0);
  CHECK_EQ_INT(o.depletion[0], 3);
  CHECK_NEAR(o.balance[0], 350000, 0);
  CHECK_NEAR(o.balance[1], 50000, 0);
  /* guarantor: 15万 + 20万 + 20万 */
  CHECK_NEAR(o.losses[2], 550000, 0);
  CHECK_NEAR(o.capped[2], 300000, 0);
  CHECK_NEAR(o.paid[1], 2400000, 0);
  CHECK_EQ_INT(ps_ledger_check_balanced(ps_path_ledger(w)), 0);
  ps_outcomes_destroy(&o);
  ps_path_free(w);
  ps_model_destroy(&m);

  /* moral hazard 0.5 on a programme whose fund covers half of each loss:
  ** pd 0.04 -> 0.04 x (1 + 0.5 x 0.5) = 0.05 a year (yearly steps: hazard = pd) */
  ps_override sets[] = {{"programmes.levered.moral_hazard", "0.5"}, {"segments.lev.pd", "0.04"}};
  rc = ps_scenario_load("tests/scenarios/capacity.lua", sets, 2, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    CHECK_NEAR(m.segments[0].hazard[0], 0.05, 1e-15);
    CHECK_NEAR(m.segments[1].hazard[0], 1, 0); /* no moral hazard there */
    ps_model_destroy(&m);
  }
  return check_summary("test_capacity");
}
