/* naive_run.c — the benchmarks' naive baseline: a scenario run with defaults
** drawn loan by loan (one uniform per live loan per period) instead of the
** engine's cohort and thinning samplers. Not a user option: built by `make
** bench` from the engine's internals, so that bench/run.sh times both samplers
** the same way.
**
**   naive_run SCENARIO PATHS THREADS
**
** prints `"seconds": S` (simulation plus statistics, as run.seconds in the
** engine's JSON) and exits 0, or prints the error and exits 1 or 2. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <gsl/gsl_errno.h>

#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "stats/results.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: naive_run SCENARIO PATHS THREADS\n");
    return PS_EINPUT;
  }
  gsl_set_error_handler_off();
  ps_model m;
  char err[2048];
  if (ps_scenario_load(argv[1], NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    ps_model_destroy(&m);
    return PS_EINPUT;
  }
  ps_run_options ro = {.paths = atol(argv[2]), .seed = m.seed, .threads = atoi(argv[3]), .by_loan = 1};
  ps_outcomes o;
  ps_results *r = NULL;
  double t0 = now();
  int rc = ps_simulate(&m, &ro, &o, err, sizeof err);
  if (rc == 0) {
    rc = ps_results_new(&m, &o, NULL, ro.threads, &r);
    ps_outcomes_destroy(&o);
  }
  double seconds = now() - t0;
  if (rc) fprintf(stderr, "%s\n", err);
  else printf("\"seconds\": %.9g,\n", seconds);
  ps_results_free(r);
  ps_model_destroy(&m);
  return rc ? PS_ERUNTIME : PS_OK;
}
