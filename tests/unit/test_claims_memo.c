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

#include "engine_twins.h"

/* ntiered: how many of its programmes the engine takes as tiered; b takes every one as tiered */
static void all_tiered(const ps_model *m, ps_path *a, ps_path *b, int ntiered) {
  int tiered = 0;
  for (int k = 0; k < m->nprogrammes; k++) tiered += a->tiered[k];
  CHECK_EQ_INT(tiered, ntiered);
  memset(b->tiered, 1, (size_t)m->nprogrammes);
}

int main(void) {
  gsl_set_error_handler_off();
  check_twins("tests/scenarios/all_rules.lua", 200, all_tiered, 1);
  check_twins("tests/scenarios/policy_rules.lua", 200, all_tiered, 1);
  check_twins("tests/scenarios/tape_hetero.lua", 200, all_tiered, 0);
  check_twins("tests/scenarios/tape_rates.lua", 200, all_tiered, 0);
  check_twins("tests/scenarios/today_firm.lua", 200, all_tiered, 0);
  check_twins("bench/b1.lua", 200, all_tiered, 0);
  return check_summary("test_claims_memo");
}
