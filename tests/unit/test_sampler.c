/* test_sampler.c — the naive loan-by-loan sampler (the benchmarks' baseline)
** simulates the same model as the cohort sampler: on independent seeds, mean
** defaults per programme and mean claims per pool agree within 4.5 combined
** standard errors (false failure ~7e-6 per check). */
#include <gsl/gsl_errno.h>
#include <math.h>

#include "check.h"
#include "montecarlo.h"
#include "results.h"
#include "scenario.h"

static void compare(const char *file, const ps_override *sets, int nsets) {
  ps_model m;
  char err[1024];
  if (ps_scenario_load(file, sets, nsets, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  ps_results r[2];
  for (int k = 0; k < 2; k++) {
    ps_outcomes o;
    ps_run_options ro = {.paths = 6000, .seed = 100 + (uint64_t)k, .threads = 2, .by_loan = k};
    CHECK_EQ_INT(ps_simulate(&m, &ro, &o, err, sizeof err), 0);
    CHECK_EQ_INT(ps_results_compute(&m, &o, NULL, 2, &r[k]), 0);
    ps_outcomes_free(&o);
  }
  for (int g = 0; g < m.nprogrammes; g++) {
    const ps_stats *a = &r[0].programmes[g].defaults, *b = &r[1].programmes[g].defaults;
    CHECK_NEAR(a->mean, b->mean, 4.5 * sqrt(a->se * a->se + b->se * b->se));
  }
  for (int p = 0; p < m.npools; p++) {
    const ps_stats *a = &r[0].pools[p].claims, *b = &r[1].pools[p].claims;
    CHECK_NEAR(a->mean, b->mean, 4.5 * sqrt(a->se * a->se + b->se * b->se));
  }
  ps_results_free(&r[0]);
  ps_results_free(&r[1]);
  ps_model_free(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  compare("tests/scenarios/small.lua", NULL, 0);
  compare("tests/scenarios/all_rules.lua", NULL, 0);
  return check_summary("test_sampler");
}
