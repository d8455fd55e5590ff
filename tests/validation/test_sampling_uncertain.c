/* test_sampling_uncertain.c — tail sampling (sampling = "importance") on a scenario with
** poolsim.uncertain parameters (tests/scenarios/uncertain_small.lua: an uncertain PD, LGD, rho and
** cycle, a Poisson volume), against plain sampling of the same scenario.
**
** The shift moves only the systemic factor's innovations; the parameters are drawn from their own
** stream, so each path draws the same parameters under both samplings, and the likelihood ratio
** does not depend on them. Checked:
**   1. the parameters' summaries (mean, p05, p95 over the paths, unweighted) are the same bits
**      under both samplings;
**   2. the run at point values is weighted too, and equals, bit for bit, the scenario with the means
**      written in, run under tail sampling (its required balances and their weights, sorted);
**   3. the 99% and 95% sizing answers, with the parameters drawn and at point values, agree with
**      plain sampling's within Z_TOL combined standard errors (each read off its 95% interval:
**      half its width / 1.96);
**   4. tail sampling's 95% interval of the 99% answer at point values is narrower than plain's;
**   5. 1 and 2 threads give the same bits.
** Each statistical check fails a correct engine with probability about 6.8e-6 (4.5 sigma); the
** seeds are fixed, so the outcome is deterministic. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "stats/results.h"

#define Z_TOL 4.5
#define FILE_U "tests/scenarios/uncertain_small.lua"
#define PATHS "20000"
#define Z95 1.959963984540054

/* FILE_U with PATHS paths, the sampling given and up to 8 more overrides; NULL on failure */
static ps_model *load(const char *sampling, const ps_override *more, int nmore) {
  ps_override sets[10] = {{"paths", PATHS}, {"sampling", sampling}};
  for (int k = 0; k < nmore && k < 8; k++) sets[2 + k] = more[k];
  ps_model *m = NULL;
  char err[1024];
  if (ps_model_new(FILE_U, sets, 2 + (nmore < 8 ? nmore : 8), &m, err, sizeof err)) {
    fprintf(stderr, "cannot load %s: %s\n", FILE_U, err);
    CHECK(0);
    return NULL;
  }
  return m;
}

static ps_results *run(const ps_model *m, int threads) {
  ps_options o = {.threads = threads, .sampling_alpha = 0.01};
  ps_results *r = NULL;
  char err[1024];
  if (ps_scenario_run(m, &o, &r, err, sizeof err)) {
    fprintf(stderr, "run failed: %s\n", err);
    CHECK(0);
    return NULL;
  }
  return r;
}

/* two sizing answers agree within Z_TOL combined standard errors, each from its 95% interval */
static void agree(const char *what, ps_estimate a, ps_estimate b) {
  double sa = (a.hi - a.lo) / (2 * Z95), sb = (b.hi - b.lo) / (2 * Z95);
  double tol = Z_TOL * sqrt(sa * sa + sb * sb);
  int ok = fabs(a.value - b.value) <= tol;
  printf("  %-40s plain %.0f [%.0f, %.0f]  importance %.0f [%.0f, %.0f]  (+- %.0f)%s\n", what, a.value, a.lo, a.hi,
         b.value, b.lo, b.hi, tol, ok ? "" : "  FAILED");
  CHECK(ok);
}

static int same_doubles(const double *a, const double *b, size_t n) { return a && b && memcmp(a, b, n * sizeof *a) == 0; }

int main(void) {
  gsl_set_error_handler_off();
  printf("tail sampling with uncertain parameters: %s, %s paths\n", FILE_U, PATHS);
  ps_model *mp = load("plain", NULL, 0), *mi = load("importance", NULL, 0), *means = NULL;
  /* the means written in (--set KEY=mean for each uncertain parameter, printed to round-trip) */
  if (mi) {
    ps_override sets[8];
    char values[8][40];
    int n = mi->nuncertain < 8 ? mi->nuncertain : 8;
    CHECK(mi->nuncertain >= 4 && mi->nuncertain <= 8);
    for (int k = 0; k < n; k++) {
      snprintf(values[k], sizeof values[k], "%.17g", mi->uncertain[k].dist.mean);
      sets[k] = (ps_override){mi->uncertain[k].key, values[k]};
    }
    means = load("importance", sets, n);
  }
  ps_results *rp = mp ? run(mp, 2) : NULL, *ri = mi ? run(mi, 2) : NULL, *ri1 = mi ? run(mi, 1) : NULL;
  ps_results *rm = means ? run(means, 2) : NULL;
  if (rp && ri && ri1 && rm) {
    size_t P = (size_t)ri->paths;
    CHECK(rp->point_weight == NULL && ri->point_weight != NULL && ri->outcomes.weight != NULL);

    /* 1. the parameters' draws are not shifted */
    for (int k = 0; k < mi->nuncertain; k++) {
      const ps_uncertain_result *a = &rp->uncertain[k], *b = &ri->uncertain[k];
      CHECK(a->mean == b->mean && a->p05 == b->p05 && a->p95 == b->p95);
    }
    printf("  1. the %d parameters' mean, p05 and p95: the same bits under both samplings\n", mi->nuncertain);

    /* 2. the run at point values = the means written in, under tail sampling, bit for bit */
    CHECK_EQ_INT(means->nuncertain, 0);
    int same = same_doubles(ri->point_required, rm->pools[0].sorted_required, P) &&
               same_doubles(ri->point_weight, rm->pools[0].sorted_weight, P);
    printf("  2. the run at point values == the means written in, weights and all: %s\n", same ? "bit for bit" : "DIFFERS");
    CHECK(same);

    /* 3. the sizing answers against plain sampling's */
    const double alphas[] = {0.01, 0.05};
    for (int a = 0; a < 2; a++) {
      char what[64];
      snprintf(what, sizeof what, "sizing at alpha %g", alphas[a]);
      agree(what, ps_results_sizing(rp, &rp->pools[0], alphas[a]), ps_results_sizing(ri, &ri->pools[0], alphas[a]));
      snprintf(what, sizeof what, "sizing at point values, alpha %g", alphas[a]);
      agree(what, ps_results_point_sizing(rp, 0, alphas[a]), ps_results_point_sizing(ri, 0, alphas[a]));
    }

    /* 4. the tail answer at point values is sharper */
    ps_estimate ep = ps_results_point_sizing(rp, 0, 0.01), ei = ps_results_point_sizing(ri, 0, 0.01);
    printf("  4. the 99%% answer's interval at point values: %.0f wide (plain), %.0f (importance)\n", ep.hi - ep.lo,
           ei.hi - ei.lo);
    CHECK(ei.hi - ei.lo < ep.hi - ep.lo);

    /* 5. threads */
    CHECK(same_doubles(ri->point_required, ri1->point_required, P) &&
          same_doubles(ri->point_weight, ri1->point_weight, P));
    ps_estimate e1 = ps_results_point_sizing(ri1, 0, 0.01);
    CHECK(memcmp(&e1, &ei, sizeof e1) == 0);
    printf("  5. 1 and 2 threads: the same bits\n");
  }
  ps_results_free(rp);
  ps_results_free(ri);
  ps_results_free(ri1);
  ps_results_free(rm);
  ps_model_free(mp);
  ps_model_free(mi);
  ps_model_free(means);
  return check_summary("test_sampling_uncertain");
}
