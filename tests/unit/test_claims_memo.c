/* test_claims_memo.c — a loan's fractions reused whatever its amount when no share of its programme
** is tiered (claims.c fractions, path_state.h `tiered`) change nothing but speed: every path of each
** scenario is simulated twice, as the engine runs it and with every programme taken as tiered (the
** fractions then found again only for the same amount, as before), and the two must post the same
** ledger (every account and kind, to the fen) and leave the same bytes in every outcome array. The
** scenarios: loan amounts drawn from a lognormal under a tiered share and under plain shares
** (all_rules, policy_rules: a tiered share by cover), loan tapes of many amounts (tape_hetero,
** tape_rates, today_firm) and B1. A scenario with tiers must be seen as tiered, one without as not:
** were a tiered programme taken as plain, the first two would differ. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "sim/policy.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"

/* ntiered: how many of its programmes the engine takes as tiered */
static void check_scenario(const char *file, long paths, int ntiered) {
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
  int tiered = 0;
  for (int k = 0; k < m.nprogrammes; k++) tiered += a->tiered[k];
  CHECK_EQ_INT(tiered, ntiered);
  memset(b->tiered, 1, (size_t)m.nprogrammes);
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
  check_scenario("tests/scenarios/all_rules.lua", 200, 1);
  check_scenario("tests/scenarios/policy_rules.lua", 200, 1);
  check_scenario("tests/scenarios/tape_hetero.lua", 200, 0);
  check_scenario("tests/scenarios/tape_rates.lua", 200, 0);
  check_scenario("tests/scenarios/today_firm.lua", 200, 0);
  check_scenario("bench/b1.lua", 200, 0);
  return check_summary("test_claims_memo");
}
