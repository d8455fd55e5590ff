/* test_memory_share.c — the memory check before a run weighs what this machine holds: every path's
** outcomes in one process (or when rank 0 gathers them), only its ranks' share when the MPI ranks
** keep their blocks (ps_simulate_node_share). A run whose whole outcomes would not fit in this
** machine's memory but whose half would is refused in one process and let through at a share of
** one half (to a stand-in for the ranks, which says it was reached). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "load_scenario.h"
#include "poolsim/poolsim.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"

static int reached;

/* the ranks' stand-in: the run got past the memory check */
static int stand_in(const ps_model *m, const ps_run_options *o, ps_outcomes *out, char *err, size_t errlen) {
  (void)m, (void)o, (void)out;
  reached++;
  snprintf(err, errlen, "reached the ranks");
  return PS_ERUNTIME;
}

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  ps_override set = {"periods", "10000"}; /* about 47 KB a path: a few hundred thousand paths fill a machine */
  if (!load_scenario_with("tests/scenarios/small.lua", &set, 1, &m)) return check_summary("test_memory_share");
  double have = (double)sysconf(_SC_PHYS_PAGES) * (double)sysconf(_SC_PAGESIZE);
  double per_path = (ps_outcomes_bytes(&m, 2000000) - ps_outcomes_bytes(&m, 1000000)) / 1e6;
  long paths = (long)ceil(1.5 * have / per_path); /* the whole run needs 1.5 times the memory, half of it 0.75 */
  CHECK(ps_outcomes_bytes(&m, paths) > have);
  CHECK(ps_outcomes_bytes(&m, (paths + 1) / 2) < have);
  ps_options o = {.paths = paths, .seed = 1, .threads = 1};
  ps_results *r = NULL;
  char err[512];
  ps_simulate_distribute(stand_in, 2);
  /* everything on this machine: refused before anything runs */
  CHECK_EQ_INT(ps_scenario_run(&m, &o, &r, err, sizeof err), PS_EINPUT);
  CHECK(strstr(err, "more than this machine's") != NULL);
  CHECK_EQ_INT(reached, 0);
  /* one rank of two here, each keeping its block: half the outcomes fit */
  ps_simulate_node_share(0.5);
  CHECK_EQ_INT(ps_scenario_run(&m, &o, &r, err, sizeof err), PS_ERUNTIME);
  CHECK(strcmp(err, "reached the ranks") == 0);
  CHECK_EQ_INT(reached, 1);
  /* ... but not at 3 times the paths: refused, naming the ranks (on machines small enough for it) */
  if (3 * paths <= PS_MAX_PATHS) {
    o.paths = 3 * paths;
    CHECK_EQ_INT(ps_scenario_run(&m, &o, &r, err, sizeof err), PS_EINPUT);
    CHECK(strstr(err, "for the results this machine's ranks hold") != NULL);
    CHECK_EQ_INT(reached, 1);
  }
  CHECK(r == NULL);
  ps_simulate_node_share(1);
  ps_simulate_distribute(NULL, 0);
  ps_model_destroy(&m);
  return check_summary("test_memory_share");
}
