/* test_results.c — who drives the tail: the programmes' and the segments'
** Euler contributions to the ES95 and ES99 of each pool's net outlay sum to
** that ES (layers and loan tapes included), and a programme that never touches
** a pool contributes nothing to it. */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/montecarlo.h"
#include "stats/results.h"
#include "scenario/scenario.h"

static void check_file(const char *file) {
  ps_model m;
  char err[1024];
  if (!load_scenario(file, &m)) return;
  ps_outcomes o;
  ps_run_options ro = {.paths = 2000, .seed = m.seed, .threads = 2};
  ps_results *r;
  CHECK_EQ_INT(ps_simulate(&m, &ro, &o, err, sizeof err), 0);
  CHECK_EQ_INT(ps_results_new(&m, &o, NULL, 2, &r), 0);
  for (int p = 0; p < m.npools; p++) {
    double s95 = 0, s99 = 0;
    for (int g = 0; g < m.nprogrammes; g++) {
      s95 += r->pools[p].es95_by_programme[g];
      s99 += r->pools[p].es99_by_programme[g];
    }
    CHECK_NEAR(s95, r->pools[p].net_outlay.es95, 1e-6 * fabs(r->pools[p].net_outlay.es95) + 1e-6);
    CHECK_NEAR(s99, r->pools[p].net_outlay.es99, 1e-6 * fabs(r->pools[p].net_outlay.es99) + 1e-6);
    double g95 = 0, g99 = 0; /* by segment too */
    for (int d = 0; d < m.ndrivers; d++) {
      g95 += r->pools[p].es95_by_segment[d];
      g99 += r->pools[p].es99_by_segment[d];
    }
    CHECK_NEAR(g95, r->pools[p].net_outlay.es95, 1e-6 * fabs(r->pools[p].net_outlay.es95) + 1e-6);
    CHECK_NEAR(g99, r->pools[p].net_outlay.es99, 1e-6 * fabs(r->pools[p].net_outlay.es99) + 1e-6);
  }
  ps_results_free(r);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  check_file("tests/scenarios/small.lua");
  check_file("tests/scenarios/all_rules.lua");
  check_file("tests/scenarios/tape_small.lua");
  /* all_rules: the programme "tiered" never pays into the pool "xol" */
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/all_rules.lua", NULL, 0, &m, err, sizeof err) == 0) {
    ps_outcomes o;
    ps_run_options ro = {.paths = 300, .seed = m.seed, .threads = 2};
    ps_results *r;
    if (ps_simulate(&m, &ro, &o, err, sizeof err) == 0 && ps_results_new(&m, &o, NULL, 2, &r) == 0) {
      CHECK_NEAR(r->pools[1].es99_by_programme[0], 0, 0);
      CHECK(r->pools[1].es99_by_programme[2] > 0); /* zyb's layer does */
      ps_results_free(r);
      ps_outcomes_destroy(&o);
    }
    ps_model_destroy(&m);
  }
  return check_summary("test_results");
}
