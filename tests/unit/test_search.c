/* test_search.c — sizing by bisection when a rule feeds back on the balance.
** tests/scenarios/search_refill.lua refills its pool below 3% of the loans it
** covers; its balance path is monotone in the initial balance, so for every
** size B the share of paths whose searched required balance exceeds B must be
** exactly the share that runs short when the scenario is rerun with B. */
#include <gsl/gsl_errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sim/montecarlo.h"
#include "scenario/scenario.h"

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/search_refill.lua", NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return check_summary("test_search");
  }
  CHECK(m.balance_feedback);
  long n = m.paths;
  ps_outcomes searched;
  ps_run_options o = {.paths = n, .seed = m.seed, .threads = 2, .search = 1};
  CHECK_EQ_INT(ps_simulate(&m, &o, &searched, err, sizeof err), 0);
  /* agrees with the run itself at the scenario's balance */
  double b0 = (double)m.pools[0].initial / 100;
  long bad = 0;
  for (long i = 0; i < n; i++) bad += (searched.depletion[i] > 0) != (searched.required[i] > b0);
  CHECK_EQ_INT(bad, 0);
  /* and with reruns at the 50% and 90% points of the searched curve */
  double *sorted = malloc((size_t)n * sizeof *sorted);
  memcpy(sorted, searched.required, (size_t)n * sizeof *sorted);
  qsort(sorted, (size_t)n, sizeof *sorted, cmp);
  const double qs[2] = {0.5, 0.9};
  for (int k = 0; k < 2; k++) {
    double b = sorted[(long)(qs[k] * n)];
    int64_t initial = (int64_t)(b * 100);
    ps_outcomes rerun;
    ps_run_options r = {.paths = n, .seed = m.seed, .threads = 2, .initial = &initial};
    CHECK_EQ_INT(ps_simulate(&m, &r, &rerun, err, sizeof err), 0);
    long short_rerun = 0, short_curve = 0;
    for (long i = 0; i < n; i++) {
      short_rerun += rerun.depletion[i] > 0;
      short_curve += searched.required[i] > (double)initial / 100;
    }
    CHECK_EQ_INT(short_rerun, short_curve);
    CHECK(short_rerun > 0 || k == 1);
    ps_outcomes_destroy(&rerun);
  }
  /* the same bytes with one thread */
  ps_outcomes one;
  o.threads = 1;
  CHECK_EQ_INT(ps_simulate(&m, &o, &one, err, sizeof err), 0);
  CHECK(memcmp(one.required, searched.required, (size_t)n * sizeof(double)) == 0);
  ps_outcomes_destroy(&one);
  free(sorted);
  ps_outcomes_destroy(&searched);
  ps_model_destroy(&m);
  return check_summary("test_search");
}
