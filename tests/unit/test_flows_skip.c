/* test_flows_skip.c — the period's flows skipped where the scenario has none (flows.c, path_state.h
** `flows_any`: no rate, funding cost, fee, premium or subsidy) change nothing but speed: every path
** of each scenario is simulated twice, as the engine runs it and with the flows run every period,
** and the two must post the same ledger (every account and kind, to the fen) and leave the same
** bytes in every outcome array. B1 and uniform have no flows; the others have them (a
** rate, interest subsidies, tape rates, fees and premiums of guarantors and insurers), so the
** engine must run them: were one of them taken as without, its interest would be missing. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "engine_twins.h"

/* flows: whether the engine runs the scenario's flows; b runs them every period */
static void flows_on(const ps_model *m, ps_path *a, ps_path *b, int flows) {
  (void)m;
  CHECK_EQ_INT(a->flows_any, flows);
  b->flows_any = 1;
}

int main(void) {
  gsl_set_error_handler_off();
  check_twins("bench/b1.lua", 200, flows_on, 0);
  check_twins("tests/scenarios/uniform.lua", 200, flows_on, 0);
  check_twins("tests/scenarios/runs.lua", 200, flows_on, 1);
  check_twins("tests/scenarios/rules_interest.lua", 50, flows_on, 1);
  check_twins("tests/scenarios/parties_subsidy.lua", 50, flows_on, 1);
  check_twins("tests/scenarios/tape_rates.lua", 100, flows_on, 1);
  check_twins("tests/scenarios/parties_guarantor.lua", 100, flows_on, 1);
  check_twins("tests/scenarios/parties_insurer.lua", 100, flows_on, 1);
  check_twins("tests/scenarios/all_rules.lua", 100, flows_on, 1);
  return check_summary("test_flows_skip");
}
