/* test_path_reuse.c — a path's reset leaves nothing of the paths before it: every path run on a
** workspace that ran the paths before it (as a worker does) posts the same ledger, to the fen, and
** leaves the same outcomes as the same path run on a workspace of its own. What the reset empties
** only in part (the claim and recovery queues up to the latest written, the cohorts a segment can
** have, a loan-tape group's one cohort, the tape's trees, the split memos) must not leak: the
** scenarios have claims and recoveries falling due late (quiet), claims in the pipeline, seasoned
** loans and per-firm caps (today_*), a loan tape (tape_hetero) and hooks (all_rules). */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"
#include "sim/path.h"
#include "sim/policy.h"

#define PATHS 40

static void check_scenario(const char *file) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_path *reused = ps_path_new(&m, NULL, 0);
  ps_policy *policy = m.has_hooks ? ps_policy_new(&m) : NULL;
  ps_outcomes a, b;
  int ok = reused && (!m.has_hooks || policy) && ps_outcomes_init(&a, &m, PATHS, 0) == 0 &&
           ps_outcomes_init(&b, &m, PATHS, 0) == 0;
  CHECK(ok);
  if (!ok) return;
  long same_ledger = 0;
  for (long i = 0; i < PATHS; i++) {
    ps_path *own = ps_path_new(&m, NULL, 0);
    ps_policy *own_policy = m.has_hooks ? ps_policy_new(&m) : NULL;
    int ra = ps_path_run(reused, m.seed, i, policy, &a, err, sizeof err);
    int rb = own && (!m.has_hooks || own_policy) ? ps_path_run(own, m.seed, i, own_policy, &b, err, sizeof err) : -1;
    if (ra || rb) {
      fprintf(stderr, "%s: path %ld: %s\n", file, i, err);
      CHECK(0);
      ps_path_free(own);
      ps_policy_free(own_policy);
      break;
    }
    const ps_ledger *x = ps_path_ledger(reused), *y = ps_path_ledger(own);
    same_ledger += memcmp(x->net, y->net, (size_t)x->naccounts * PS_NKINDS * sizeof *x->net) == 0;
    ps_path_free(own);
    ps_policy_free(own_policy);
  }
  CHECK_EQ_INT(same_ledger, PATHS);
  CHECK(same_outcomes(&m, &a, &b));
  ps_outcomes_destroy(&a);
  ps_outcomes_destroy(&b);
  ps_policy_free(policy);
  ps_path_free(reused);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_scenario("tests/scenarios/quiet.lua");
  check_scenario("tests/scenarios/today_pending.lua");
  check_scenario("tests/scenarios/today_seasoned.lua");
  check_scenario("tests/scenarios/today_firm.lua");
  check_scenario("tests/scenarios/today_lag.lua");
  check_scenario("tests/scenarios/tape_hetero.lua");
  check_scenario("tests/scenarios/all_rules.lua");
  check_scenario("scenarios/mianyang_2022_today.lua");
  return check_summary("test_path_reuse");
}
