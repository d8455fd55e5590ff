/* test_uncertain.c — demand risk and estimation risk (issue 15, SPEC 2.3a) against closed forms.
**
**   1. an uncertain PD, independent defaults (tests/scenarios/uncertain_pd.lua): the PD drawn per
**      path has the beta's mean and variance; given the draw p the count D is Binomial(n, p), so
**      D - n p has mean 0 and variance E[n p (1 - p)]; over the paths
**      E[D] = n E[p] and Var(D) = E[n p (1 - p)] + n^2 Var(p);
**   2. a Poisson volume (tests/scenarios/uncertain_volume.lua), demand_rho = 0: the loans
**      originated over T periods are Poisson(T lambda): mean and variance T lambda;
**   3. demand_rho = b, cycle 0: E[exp(b Z - b^2/2)] = 1 keeps the mean T lambda, and the variance
**      is T (lambda + lambda^2 (e^{b^2} - 1)); with rho > 0 the default rate falls as Z rises, so
**      the correlation of the volume with the default rate has the sign of -b
**      (tests/scenarios/uncertain_demand_link.lua);
**   4. the run at point values equals, bit for bit, the plain scenario with the means written in
**      (tests/scenarios/uncertain_small.lua with --set KEY=mean for each uncertain parameter),
**      and a run with uncertain parameters is the same whatever the threads;
**   5. what the loader keeps (the means in place of the numbers, the keys, the volumes), and a
**      loan-tape template's drawn rho shared by its groups (tests/scenarios/uncertain_tape.lua).
**
** Tolerances as in test_validation.c: a mean to Z_TOL standard errors from the closed-form
** variance; a sample variance to Z_TOL standard errors sqrt((mu4 - sigma^4 (P-3)/(P-1)) / P),
** mu4 the closed-form fourth central moment where one is at hand (Poisson, beta), else the
** sample's (the mixtures of 1 and 3); a correlation to Z_TOL / sqrt(P) away from 0. Each of
** these 15 checks fails a correct engine with probability about 6.8e-6 (two-sided normal tail at
** 4.5 sigma, normal approximation over 20 000 paths), the suite with < 1.1e-4 (union bound);
** the seeds are fixed, so the outcome is deterministic. The checks of 4 are exact. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"
#include "sim/path.h"
#include "sim/path_state.h"
#include "stats/results.h"

#define Z_TOL 4.5
#define THREADS 2

static int load(const char *file, const ps_override *sets, int nsets, ps_model *m) {
  char err[1024];
  int rc = ps_scenario_load(file, sets, nsets, m, err, sizeof err);
  if (rc != PS_OK) {
    fprintf(stderr, "cannot load %s: %s\n", file, err);
    ps_model_destroy(m);
    CHECK(rc == PS_OK);
    return -1;
  }
  return 0;
}

static int run(const ps_model *m, int threads, ps_outcomes *out) {
  char err[1024];
  ps_run_options o = {.paths = m->paths, .seed = m->seed, .threads = threads};
  if (ps_simulate(m, &o, out, err, sizeof err)) {
    fprintf(stderr, "%s: ps_simulate failed: %s\n", m->file, err);
    CHECK(0);
    return -1;
  }
  return 0;
}

static void near(const char *what, double got, double want, double tol) {
  int ok = fabs(got - want) <= tol;
  printf("  %-52s %13.7g  want %13.7g +- %-10.4g%s\n", what, got, want, tol, ok ? "" : "  FAILED");
  CHECK(ok);
}

static double mean_of(const double *x, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += x[i];
  return s / (double)n;
}

/* the k-th central sample moment (k = 2: with n - 1) */
static double moment_of(const double *x, long n, double mean, int k) {
  double s = 0;
  for (long i = 0; i < n; i++) s += pow(x[i] - mean, k);
  return s / (double)(k == 2 ? n - 1 : n);
}

/* sample mean and variance of P values against mean mu, variance sigma2, fourth central moment
** mu4 (mu4 < 0: the sample's own) */
static void check_moments(const char *label, const double *x, long P, double mu, double sigma2, double mu4) {
  char what[128];
  double m = mean_of(x, P), v = moment_of(x, P, m, 2);
  if (mu4 < 0) mu4 = moment_of(x, P, m, 4);
  double se_var = sqrt(mu4 / (double)P - sigma2 * sigma2 * ((double)P - 3) / ((double)P * ((double)P - 1)));
  snprintf(what, sizeof what, "%s: mean", label);
  near(what, m, mu, Z_TOL * sqrt(sigma2 / (double)P));
  snprintf(what, sizeof what, "%s: variance", label);
  near(what, v, sigma2, Z_TOL * se_var);
}

/* ---- 1. an uncertain PD ---- */

static void test_uncertain_pd(void) {
  printf("1. an uncertain PD beta{mean 0.05, sd 0.02}, n = 1000, rho = 0, 20000 paths\n");
  ps_model m;
  ps_outcomes out;
  if (load("tests/scenarios/uncertain_pd.lua", NULL, 0, &m)) return;
  if (run(&m, THREADS, &out) == 0) {
    CHECK_EQ_INT(m.nuncertain, 1);
    const ps_dist *d = &m.uncertain[0].dist;
    long P = out.paths;
    double n = m.segments[0].new_loans, mu = d->mean, var = d->sd * d->sd;
    const double *p = out.drawn, *D = &out.defaults[ps_slot(&out, 0, 0)];
    /* the beta's fourth central moment from its parameters a, b */
    double a = d->p1, b = d->p2, s = a + b;
    double mu4 = 3 * a * b * (a * b * (s - 2) + 2 * s * s) / (s * s * s * s * (s + 1) * (s + 2) * (s + 3));
    check_moments("the PD drawn per path", p, P, mu, var, mu4);
    double *resid = malloc((size_t)P * sizeof *resid);
    double e_npq = n * (mu - var - mu * mu);
    if (resid) {
      double cond = 0;
      for (long i = 0; i < P; i++) {
        resid[i] = D[i] - n * p[i];
        cond += n * p[i] * (1 - p[i]);
      }
      cond /= (double)P;
      check_moments("D - n p given the path's p", resid, P, 0, e_npq, -1);
      near("  (the same variance: mean of n p (1 - p) over paths)", cond, e_npq, Z_TOL * n * sqrt(var / (double)P));
      free(resid);
    }
    CHECK(resid != NULL);
    check_moments("D: E[n p (1 - p)] + n^2 Var(p)", D, P, n * mu, e_npq + n * n * var, -1);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* ---- 2 and 3. Poisson volumes ---- */

#define VOLUME_FILE "tests/scenarios/uncertain_volume.lua"

/* the loans originated over the year with demand_rho b: mean T lambda, variance
** T (lambda + lambda^2 (e^{b^2} - 1)); for b = 0 the Poisson's fourth central moment */
static void volume_run(const char *b_text, double b) {
  ps_override sets[] = {{"segments.s.demand_rho", b_text}};
  ps_model m;
  ps_outcomes out;
  if (load(VOLUME_FILE, sets, 1, &m)) return;
  if (run(&m, THREADS, &out) == 0) {
    double T = m.periods, lambda = m.segments[0].volume.mean;
    double mean = T * lambda, var = T * (lambda + lambda * lambda * expm1(b * b));
    char label[96];
    snprintf(label, sizeof label, "originated over %g months, demand_rho %s", T, b_text);
    check_moments(label, &out.originated[ps_slot(&out, 0, 0)], out.paths, mean, var, b == 0 ? mean + 3 * mean * mean : -1);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

/* tests/scenarios/uncertain_demand_link.lua: the sign of corr(volume, default rate) is -sign(b) */
static void correlation_run(const char *b_text, double b) {
  ps_override sets[] = {{"segments.s.demand_rho", b_text}};
  ps_model m;
  ps_outcomes out;
  if (load("tests/scenarios/uncertain_demand_link.lua", sets, 1, &m)) return;
  if (run(&m, THREADS, &out) == 0) {
    long P = out.paths, used = 0;
    const double *N = &out.originated[ps_slot(&out, 0, 0)], *D = &out.defaults[ps_slot(&out, 0, 0)];
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (long i = 0; i < P; i++) {
      if (N[i] == 0) continue;
      double x = N[i], y = D[i] / N[i];
      sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y, used++;
    }
    double k = (double)used, cov = sxy / k - sx * sy / (k * k);
    double r = cov / sqrt((sxx / k - sx * sx / (k * k)) * (syy / k - sy * sy / (k * k)));
    char what[96];
    snprintf(what, sizeof what, "corr(volume, default rate), demand_rho %s", b_text);
    int ok = b > 0 ? r < -Z_TOL / sqrt(k) : r > Z_TOL / sqrt(k);
    printf("  %-52s %13.7g  want %s %.4g%s\n", what, r, b > 0 ? "<" : ">", (b > 0 ? -1 : 1) * Z_TOL / sqrt(k),
           ok ? "" : "  FAILED");
    CHECK(ok);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

static void test_volumes(void) {
  printf("2. a Poisson volume: lambda 50 a month for 12 months, 20000 paths\n");
  volume_run("0", 0);
  printf("3. demand_rho: the mean is kept, the variance grows; the sign of its link to defaults\n");
  volume_run("0.8", 0.8);
  volume_run("-0.5", -0.5);
  correlation_run("0.8", 0.8);
  correlation_run("-0.8", -0.8);
}

/* ---- what the loader keeps, and a template's rho shared with its tape groups ---- */

static void test_loaded(void) {
  printf("5. the loaded model: point values, keys, volumes; a tape template's drawn rho\n");
  ps_model m;
  if (load("tests/scenarios/uncertain_small.lua", NULL, 0, &m) == 0) {
    static const char *const keys[] = {"cycle", "segments.a_small.pd", "segments.a_small.rho", "segments.b_term.lgd"};
    CHECK_EQ_INT(m.nuncertain, 4);
    for (int k = 0; k < 4 && k < m.nuncertain; k++) CHECK(strcmp(m.uncertain[k].key, keys[k]) == 0);
    CHECK(m.cycle == 0.75 && m.segments[0].pd == 0.04 && m.segments[0].rho == (0.1 + 0.2) / 2);
    CHECK(m.segments[1].lgd.kind == PS_DIST_FIXED && m.segments[1].lgd.mean == 0.5);
    CHECK(m.has_volumes && m.segments[0].volume.poisson && m.segments[0].volume.mean == 10 &&
          m.segments[0].volume.demand_rho == -0.3 && m.segments[0].new_loans == 0);
    CHECK(!m.segments[1].volume.poisson && m.segments[1].new_loans == 4);
    ps_model_destroy(&m);
  }
  if (load("tests/scenarios/uncertain_tape.lua", NULL, 0, &m)) return;
  ps_path *w = ps_path_new(&m, NULL, 0);
  CHECK(w != NULL);
  long mismatched = 0, groups = 0;
  char err[256];
  for (long path = 0; w && path < m.paths; path++) {
    CHECK(ps_path_run(w, m.seed, path, NULL, NULL, err, sizeof err) == PS_OK);
    const ps_model *pm = ps_path_model(w);
    double rho = pm->segments[0].rho;
    mismatched += !(rho >= 0.1 && rho <= 0.3) || m.segments[0].rho != 0.2;
    for (int s = m.nown_segments; s < m.nsegments; s++) {
      if (pm->segments[s].driver != 0) continue;
      groups++;
      mismatched += pm->segments[s].rho != rho;
    }
  }
  printf("  tape groups of the template that share its draw: %ld (mismatched %ld)\n", groups, mismatched);
  CHECK(groups > 0);
  CHECK_EQ_INT(mismatched, 0);
  ps_path_free(w);
  ps_model_destroy(&m);
}

/* ---- 4. the run at point values ---- */

#define SMALL_FILE "tests/scenarios/uncertain_small.lua"

static void test_point_values(void) {
  printf("4. the run at point values is the plain scenario with the means written in\n");
  ps_model *m = NULL, *plain = NULL;
  char err[1024];
  if (ps_model_new(SMALL_FILE, NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return;
  }
  /* --set KEY=mean for each uncertain parameter, the mean printed to round-trip */
  int n = m->nuncertain;
  ps_override sets[8];
  char values[8][40];
  CHECK(n >= 4 && n <= 8);
  for (int k = 0; k < n && k < 8; k++) {
    snprintf(values[k], sizeof values[k], "%.17g", m->uncertain[k].dist.mean);
    sets[k] = (ps_override){m->uncertain[k].key, values[k]};
  }
  if (ps_model_new(SMALL_FILE, sets, n < 8 ? n : 8, &plain, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    ps_model_free(m);
    return;
  }
  CHECK_EQ_INT(plain->nuncertain, 0);
  ps_options o = {.threads = THREADS};
  ps_results *r = NULL, *rp = NULL;
  if (ps_scenario_run(m, &o, &r, err, sizeof err) || ps_scenario_run(plain, &o, &rp, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
  } else {
    size_t P = (size_t)r->paths;
    CHECK(r->point_required != NULL);
    CHECK(rp->point_required == NULL); /* no second run without uncertain parameters */
    /* the studies skip the run at point values (ps_options.no_point_values): the same run without it */
    ps_options skip = o;
    skip.no_point_values = 1;
    ps_results *rs = NULL;
    if (ps_scenario_run(m, &skip, &rs, err, sizeof err) == 0) {
      CHECK(rs->point_required == NULL);
      CHECK(memcmp(rs->pools[0].sorted_required, r->pools[0].sorted_required, P * sizeof(double)) == 0);
      ps_results_free(rs);
    } else CHECK(0);
    int same = r->point_required && memcmp(r->point_required, rp->pools[0].sorted_required, P * sizeof(double)) == 0;
    printf("  sizing curve at point values == the plain scenario's: %s\n", same ? "bit for bit" : "DIFFERS");
    CHECK(same);
    /* and the parameters do matter: the curve with draws differs from it */
    CHECK(memcmp(r->pools[0].sorted_required, rp->pools[0].sorted_required, P * sizeof(double)) != 0);
    /* every outcome of the point model's run, bit for bit */
    ps_model point = *m;
    point.nuncertain = 0;
    ps_outcomes a, b;
    if (run(&point, THREADS, &a) == 0) {
      if (run(plain, THREADS, &b) == 0) {
        size_t np = P * (size_t)m->nprogrammes;
        CHECK(memcmp(a.claims, b.claims, P * sizeof(double)) == 0);
        CHECK(memcmp(a.paid, b.paid, P * sizeof(double)) == 0);
        CHECK(memcmp(a.recovered, b.recovered, P * sizeof(double)) == 0);
        CHECK(memcmp(a.defaults, b.defaults, np * sizeof(double)) == 0);
        CHECK(memcmp(a.originated, b.originated, np * sizeof(double)) == 0);
        CHECK(memcmp(a.defaulted_exposure, b.defaulted_exposure, np * sizeof(double)) == 0);
        ps_outcomes_destroy(&b);
      }
      ps_outcomes_destroy(&a);
    }
    /* the draws and the results are the same whatever the threads */
    ps_outcomes one, two;
    if (run(m, 1, &one) == 0) {
      if (run(m, 3, &two) == 0) {
        CHECK(memcmp(one.drawn, two.drawn, P * (size_t)n * sizeof(double)) == 0);
        CHECK(memcmp(one.required, two.required, P * sizeof(double)) == 0);
        CHECK(memcmp(one.originated, two.originated, P * (size_t)m->nprogrammes * sizeof(double)) == 0);
        ps_outcomes_destroy(&two);
      }
      ps_outcomes_destroy(&one);
    }
    /* the draws stay inside their distributions' supports */
    long outside = 0;
    for (int k = 0; k < n; k++) {
      const ps_dist *d = &m->uncertain[k].dist;
      for (size_t i = 0; i < P; i++) {
        double x = r->outcomes.drawn[(size_t)k * P + i];
        outside += d->kind == PS_DIST_UNIFORM ? !(x >= d->p1 && x <= d->p2) : !(x > 0 && x < 1);
      }
    }
    CHECK_EQ_INT(outside, 0);
  }
  ps_results_free(r);
  ps_results_free(rp);
  ps_model_free(m);
  ps_model_free(plain);
}

int main(void) {
  gsl_set_error_handler_off();
  test_uncertain_pd();
  test_volumes();
  test_point_values();
  test_loaded();
  return check_summary("test_uncertain");
}
