/* test_flows_skip.c — the period's flows skipped where the scenario has none (flows.c, path_state.h
** `flows_any`: no rate, funding cost, fee, premium or subsidy) change nothing but speed: every path
** of each scenario is simulated twice, as the engine runs it and with the flows run every period,
** and the two must post the same ledger (every account and kind, to the fen) and leave the same
** bytes in every outcome array. B1 and uniform have no flows; the others have them (a
** rate, interest subsidies, tape rates, fees and premiums of guarantors and insurers), so the
** engine must run them: were one of them taken as without, its interest would be missing. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/policy.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"

/* flows: whether the engine runs the scenario's flows */
static void check_scenario(const char *file, long paths, int flows) {
  ps_model m;
  char err[1024];
  if (ps_scenario_load(file, NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  ps_path *a = ps_path_new(&m, NULL, 0), *b = ps_path_new(&m, NULL, 0);
  ps_policy *pa = m.has_hooks ? ps_policy_new(&m) : NULL, *pb = m.has_hooks ? ps_policy_new(&m) : NULL;
  ps_outcomes oa, ob;
  int ok = a && b && (!m.has_hooks || (pa && pb)) && ps_outcomes_init(&oa, &m, paths, 0) == 0 &&
           ps_outcomes_init(&ob, &m, paths, 0) == 0;
  CHECK(ok);
  if (!ok) return;
  CHECK_EQ_INT(a->flows_any, flows);
  b->flows_any = 1;
  long same_ledger = 0;
  for (long i = 0; i < paths; i++) {
    int ra = ps_path_run(a, m.seed, i, pa, &oa, err, sizeof err);
    int rb = ps_path_run(b, m.seed, i, pb, &ob, err, sizeof err);
    if (ra || rb) {
      fprintf(stderr, "%s: path %ld: %s\n", file, i, err);
      CHECK(0);
      break;
    }
    const ps_ledger *x = ps_path_ledger(a), *y = ps_path_ledger(b);
    same_ledger += memcmp(x->net, y->net, (size_t)x->naccounts * PS_NKINDS * sizeof *x->net) == 0;
  }
  CHECK_EQ_INT(same_ledger, paths);
  CHECK(same_outcomes(&m, &oa, &ob));
  ps_outcomes_destroy(&oa);
  ps_outcomes_destroy(&ob);
  ps_policy_free(pa);
  ps_policy_free(pb);
  ps_path_free(a);
  ps_path_free(b);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_scenario("bench/b1.lua", 200, 0);
  check_scenario("tests/scenarios/uniform.lua", 200, 0);
  check_scenario("tests/scenarios/runs.lua", 200, 1);
  check_scenario("tests/scenarios/rules_interest.lua", 50, 1);
  check_scenario("tests/scenarios/parties_subsidy.lua", 50, 1);
  check_scenario("tests/scenarios/tape_rates.lua", 100, 1);
  check_scenario("tests/scenarios/parties_guarantor.lua", 100, 1);
  check_scenario("tests/scenarios/parties_insurer.lua", 100, 1);
  check_scenario("tests/scenarios/all_rules.lua", 100, 1);
  return check_summary("test_flows_skip");
}
