/* test_policy_reset.c — one Lua state serves a worker's paths (sim/policy.c,
** lua/lua_reset.c), yet hooks see a fresh state on every path: the hooks of
** tests/scenarios/hook_fresh.lua fail the run if anything an earlier path wrote
** (an upvalue, a global, a library or metatable field, a replaced function) is
** still there, and the upvalue's count of on_period calls, topped up at the last
** period, is the same on every path; with 1 and 2 threads, to the byte. */
#include <gsl/gsl_errno.h>
#include <string.h>

#include "check.h"
#include "same_outcomes.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"

int main(void) {
  gsl_set_error_handler_off();
  const char *file = "tests/scenarios/hook_fresh.lua";
  ps_model m;
  char err[1024];
  if (ps_scenario_load(file, NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return check_summary("test_policy_reset");
  }
  const long paths = 300;
  ps_outcomes runs[2];
  int ok = 1;
  for (int i = 0; i < 2; i++) {
    ps_run_options o = {.paths = paths, .seed = m.seed, .threads = i + 1, .audit = 1};
    int rc = ps_simulate(&m, &o, &runs[i], err, sizeof err);
    if (rc) fprintf(stderr, "%s (%d threads)\n", err, i + 1);
    CHECK_EQ_INT(rc, 0);
    ok &= rc == 0;
  }
  if (ok) {
    CHECK(same_outcomes(&m, &runs[0], &runs[1]));
    int all = 1; /* the count the upvalue reached, topped up as yuan: 12 on every path */
    for (long p = 0; p < paths; p++) all &= runs[0].topups[p] == 12;
    CHECK(all);
    double defaults = 0; /* on_default ran (its global check with it) */
    for (long p = 0; p < paths; p++) defaults += runs[0].defaults[p];
    CHECK(defaults > 0);
    for (int i = 0; i < 2; i++) ps_outcomes_destroy(&runs[i]);
  }
  ps_model_destroy(&m);
  return check_summary("test_policy_reset");
}
