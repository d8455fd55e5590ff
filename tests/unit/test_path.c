/* test_path.c — the naive loan-by-loan sampler (the benchmarks' baseline)
** simulates the same model as the cohort and thinning samplers: on independent
** seeds, mean defaults per programme and mean claims per pool agree within 4.5
** combined standard errors (false failure ~7e-6 per check), and the two samples
** of each pool's claims pass a two-sample Kolmogorov-Smirnov test at level 1e-5:
** D <= c sqrt(2 / n), c = sqrt(-ln(1e-5 / 2) / 2) = 2.47 (asymptotic, equal sizes;
** ties from claims of zero only make the test more conservative). */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load_scenario.h"
#include "sim/montecarlo.h"
#include "stats/results.h"
#include "scenario/scenario.h"

#define PATHS 6000

static int cmp_double(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

/* the two-sample Kolmogorov-Smirnov statistic of a[0..n) and b[0..n) (sorted here) */
static double ks_statistic(double *a, double *b, long n) {
  qsort(a, (size_t)n, sizeof *a, cmp_double);
  qsort(b, (size_t)n, sizeof *b, cmp_double);
  long i = 0, j = 0;
  double d = 0;
  while (i < n && j < n) {
    double x = a[i] < b[j] ? a[i] : b[j];
    while (i < n && a[i] == x) i++;
    while (j < n && b[j] == x) j++;
    d = fmax(d, fabs((double)(i - j) / (double)n));
  }
  return d;
}

static void compare(const char *file, const ps_override *sets, int nsets) {
  ps_model m;
  char err[1024];
  if (!load_scenario_with(file, sets, nsets, &m)) return;
  ps_results *r[2];
  ps_outcomes o[2];
  for (int k = 0; k < 2; k++) {
    ps_run_options ro = {.paths = PATHS, .seed = 100 + (uint64_t)k, .threads = 2, .by_loan = k};
    CHECK_EQ_INT(ps_simulate(&m, &ro, &o[k], err, sizeof err), 0);
    CHECK_EQ_INT(ps_results_new(&m, &o[k], NULL, 2, &r[k]), 0);
  }
  for (int g = 0; g < m.nprogrammes; g++) {
    const ps_stats *a = &r[0]->programmes[g].defaults, *b = &r[1]->programmes[g].defaults;
    CHECK_NEAR(a->mean, b->mean, 4.5 * sqrt(a->se * a->se + b->se * b->se));
  }
  for (int p = 0; p < m.npools; p++) {
    const ps_stats *a = &r[0]->pools[p].claims, *b = &r[1]->pools[p].claims;
    CHECK_NEAR(a->mean, b->mean, 4.5 * sqrt(a->se * a->se + b->se * b->se));
    double *x = &o[0].claims[ps_slot(&o[0], p, 0)], *y = &o[1].claims[ps_slot(&o[1], p, 0)];
    double d = ks_statistic(x, y, PATHS);
    if (d > 2.47 * sqrt(2.0 / PATHS)) fprintf(stderr, "%s: pool %d: KS D = %g\n", file, p, d);
    CHECK(d <= 2.47 * sqrt(2.0 / PATHS));
  }
  for (int k = 0; k < 2; k++) {
    ps_results_free(r[k]);
    ps_outcomes_destroy(&o[k]);
  }
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  compare("tests/scenarios/small.lua", NULL, 0);
  compare("tests/scenarios/all_rules.lua", NULL, 0);
  /* a heterogeneous loan tape under a common factor: thinning at each PD bucket's
  ** largest conditional PD against one uniform per loan at its own */
  ps_override tape[] = {{"segments.tpl_pair.rho", "0.3"}, {"segments.tpl_spread.rho", "0.3"},
                        {"segments.tpl_low.rho", "0.3"}, {"cycle", "0.9"}};
  compare("tests/scenarios/tape_hetero.lua", tape, 4);
  return check_summary("test_path");
}
