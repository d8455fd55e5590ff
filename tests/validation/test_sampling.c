/* test_sampling.c — tail sampling (sim/sampling.h, stats/weighted.h) against the closed forms and
** against plain sampling.
**
** The scenario is the one-factor portfolio of the IRB checks (tests/scenarios/validate_model_onefactor.lua:
** one cohort of n identical loans at risk for one year, LGD 0.45, every loss to one pool), run with
** 20 000 paths under plain sampling and under sampling = "importance" aimed at alpha = 0.001. Checked:
**   1. the weighted statistics with every weight 1 are the plain ones (quantiles, probabilities);
**   2. the likelihood ratios average 1, to Z_TOL standard errors of their own sample mean;
**   3. the 99.9% quantile of the loss rate L = LGD D / n under tail sampling against the Vasicek
**      large-portfolio quantile L_q = LGD Phi((Phi^-1(PD) + sqrt(rho) Phi^-1(q)) / sqrt(1 - rho)):
**      the exact q-quantile of the finite portfolio (the binomial mixture, by quadrature) must lie
**      in the weighted quantile's interval at z = Z_TOL (weighted.h: where the tail-probability
**      estimate -/+ z se crosses 1 - q), and L_q in it widened by their computed difference;
**   4. the mean default count (against n PD too), the mean net outlay and the depletion probability
**      of a pool sized near the 99th percentile agree with plain sampling within Z_TOL combined
**      standard errors (each estimator's se computed here from the per-path values);
**   5. the 95% interval of the 99.9% sizing answer (ps_sizing_initial) is narrower than plain
**      sampling's order-statistic interval at the same paths;
**   6. the outcomes and the statistics are the same bytes on 1 and 2 threads;
**   7. the shift's size (sim/sampling.h) is the minimum of the tail estimate's second moment.
** Each statistical check fails a correct engine with probability about 6.8e-6 (two-sided normal
** tail at 4.5 sigma); the seeds are fixed, so the outcome is deterministic. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "vasicek_mixture.h"
#include "poolsim/poolsim.h"
#include "scenario/model.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"
#include "sim/sampling.h"
#include "stats/results.h"
#include "stats/sizing.h"
#include "stats/weighted.h"

#define Z_TOL 4.5
#define FILE_1F "tests/scenarios/validate_model_onefactor.lua"
#define LOANS 50000.0
#define PD 0.02
#define RHO 0.16414553294057307 /* Basel II R(PD) at PD 2%, as the IRB check */
#define LGD 0.45
#define ALPHA 0.001
#define PATHS "20000"

/* the level of a two-sided interval at z standard errors */
static double level_of(double z) { return 1 - 2 * gsl_cdf_ugaussian_Q(z); }

static double vasicek_rate(double q) {
  return gsl_cdf_ugaussian_P((gsl_cdf_ugaussian_Pinv(PD) + sqrt(RHO) * gsl_cdf_ugaussian_Pinv(q)) / sqrt(1 - RHO));
}

static int load(const char *initial, const char *sampling, ps_model *m) {
  char pd[32], rho[32], loans[32], lgd[32];
  snprintf(pd, sizeof pd, "%.17g", PD);
  snprintf(rho, sizeof rho, "%.17g", RHO);
  snprintf(loans, sizeof loans, "%.0f", LOANS);
  snprintf(lgd, sizeof lgd, "%.17g", LGD);
  ps_override sets[] = {{"segments.s.new_loans", loans}, {"segments.s.pd", pd}, {"segments.s.rho", rho},
                        {"segments.s.lgd", lgd}, {"pools.fund.initial", initial}, {"paths", PATHS},
                        {"seed", "1808"}, {"sampling", sampling}};
  char err[1024];
  int rc = ps_scenario_load(FILE_1F, sets, (int)(sizeof sets / sizeof *sets), m, err, sizeof err);
  if (rc) {
    fprintf(stderr, "cannot load %s: %s\n", FILE_1F, err);
    CHECK(rc == PS_OK);
    ps_model_destroy(m);
    return -1;
  }
  return 0;
}

static int run(const ps_model *m, int threads, ps_outcomes *out, ps_results **r) {
  char err[1024];
  ps_run_options o = {.paths = m->paths, .seed = m->seed, .threads = threads, .sampling_alpha = ALPHA};
  if (ps_simulate(m, &o, out, err, sizeof err)) {
    fprintf(stderr, "ps_simulate failed: %s\n", err);
    CHECK(0);
    return -1;
  }
  if (ps_results_new(m, out, NULL, threads, r)) {
    CHECK(0);
    ps_outcomes_destroy(out);
    return -1;
  }
  return 0;
}

/* the mean of w_i x_i (w NULL: 1) and its standard error */
static void mean_se(const double *x, const double *w, long n, double *mean, double *se) {
  double s = 0, ss = 0;
  for (long i = 0; i < n; i++) s += (w ? w[i] : 1) * x[i];
  double m = s / (double)n;
  for (long i = 0; i < n; i++) {
    double d = (w ? w[i] : 1) * x[i] - m;
    ss += d * d;
  }
  *mean = m;
  *se = sqrt(ss / (double)(n - 1) / (double)n);
}

static void agree(const char *what, double a, double se_a, double b, double se_b) {
  double tol = Z_TOL * sqrt(se_a * se_a + se_b * se_b);
  int ok = fabs(a - b) <= tol;
  printf("  %-46s plain %.7g  importance %.7g  (+- %.3g)%s\n", what, a, b, tol, ok ? "" : "  FAILED");
  CHECK(ok);
}

/* 1. with unit weights the weighted estimators are the plain ones */
static void test_unit_weights(void) {
  enum { N = 1000 };
  double x[N], w[N];
  for (int i = 0; i < N; i++) {
    x[i] = (double)((i * 7919) % N) / 10.0; /* 0, 0.1, ..., 99.9 in a scrambled order */
    w[i] = 1;
  }
  CHECK_EQ_INT(ps_sort_weighted(x, w, N), PS_OK);
  int same = 1;
  for (int i = 1; i < N; i++) same &= x[i - 1] <= x[i] && w[i] == 1;
  CHECK(same);
  const double qs[] = {0.01, 0.05, 0.3, 0.5, 0.9, 0.95, 0.99, 0.999};
  for (size_t k = 0; k < sizeof qs / sizeof *qs; k++)
    CHECK_NEAR(ps_wquantile_ci_sorted(x, w, N, qs[k], 0.95).value, ps_quantile_sorted(x, N, qs[k]), 0);
  ps_estimate p = ps_sizing_depletion_at(x, w, N, 89.95); /* 100 of 1000 above */
  CHECK_NEAR(p.value, 0.1, 1e-15);
  CHECK_NEAR(p.hi - p.value, 1.959963984540054 * sqrt(0.1 * 0.9 / (N - 1)), 1e-12); /* se^2 = p(1 - p) / (n - 1) */
  CHECK_NEAR(ps_effective_paths(w, N), N, 1e-9);
  /* a weighted ES: top weight n(1 - q) = 10 of 1000 paths, all weighing 1: the top ten values */
  CHECK_NEAR(ps_wes_sorted(x, w, N, 0.99), (99.0 + 99.9) / 2, 1e-9);

  /* by hand, n = 4: T(v) = sum_{x > v} w / 4 is 1.5/4 at v = 1, 1/4 at 2, 0.5/4 at 3; the 75%
  ** quantile is the smallest v with T(v) <= 1/4: 2. ES_75: the top down to weight 4 * 0.25 = 1,
  ** 4 and 3 with weight 0.5 each: 3.5. The mean is (2 + 2 + 1.5 + 2) / 4. P(x > 2) = 1/4 with
  ** se^2 = (0.5 - 1^2 / 4) / 3 / 4 (the sample variance of w 1{x > 2} over n) */
  double hx[] = {1, 2, 3, 4}, hw[] = {2, 1, 0.5, 0.5};
  CHECK_NEAR(ps_wquantile_ci_sorted(hx, hw, 4, 0.75, 0).value, 2, 0);
  CHECK_NEAR(ps_wquantile_ci_sorted(hx, hw, 4, 0.25, 0).value, 1, 0); /* F(1) = 2/4 >= 1/4 */
  CHECK_NEAR(ps_wes_sorted(hx, hw, 4, 0.75), 3.5, 1e-12);
  ps_stats st;
  CHECK_EQ_INT(ps_wstats_compute(hx, hw, 4, &st), PS_OK);
  CHECK_NEAR(st.mean, 7.5 / 4, 1e-12);
  ps_estimate hp = ps_sizing_depletion_at(hx, hw, 4, 2);
  CHECK_NEAR(hp.value, 0.25, 1e-15);
  CHECK_NEAR(hp.hi - hp.value, 1.959963984540054 * sqrt((0.5 - 0.25) / 3 / 4), 1e-12);
}

/* the shift's size minimises the tail estimate's second moment exp(m^2) Phi(-c - beta m) */
static void test_shift_size(void) {
  const double cs[] = {1.2815515655446004, 2.3263478740408408, 3.0902323061678132}, betas[] = {1, 0.8, 0.5};
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      double c = cs[i], b = betas[j], m = ps_sampling_size(c, b);
#define SECOND(x) (exp((x) * (x)) * gsl_cdf_ugaussian_Q(c + b * (x)))
      CHECK(m > 0 && SECOND(m) <= SECOND(m - 1e-3) && SECOND(m) <= SECOND(m + 1e-3));
#undef SECOND
      if (b == 1) CHECK(m > c && m < c + 1 / c); /* Glasserman-Li: just beyond the quantile */
    }
  CHECK_NEAR(ps_sampling_size(3, 0), 0, 0); /* losses not driven by the factor: no shift */
  CHECK_NEAR(ps_sampling_size(-1, 1), 0, 0); /* alpha above 1/2 */
}

int main(void) {
  gsl_set_error_handler_off();
  test_unit_weights();
  test_shift_size();
  printf("tail sampling: %s, n %.0f, PD %g, rho %.5f, LGD %g, %s paths, alpha %g\n", FILE_1F, LOANS, PD, RHO, LGD,
         PATHS, ALPHA);
  /* the pool holds the 99th percentile of its claims (the defaulted exposure, paid before any
  ** recovery), so it runs short on about 1% of the paths */
  double amount = 10000, exposure = LOANS * amount;
  char initial[64];
  snprintf(initial, sizeof initial, "%.0f", vasicek_rate(0.99) * exposure);
  ps_model mp, mi;
  if (load(initial, "plain", &mp)) return check_summary("test_sampling");
  if (load(initial, "importance", &mi)) {
    ps_model_destroy(&mp);
    return check_summary("test_sampling");
  }
  ps_outcomes op = {0}, oi = {0}, oi1 = {0};
  ps_results *rp = NULL, *ri = NULL, *ri1 = NULL;
  if (run(&mp, 2, &op, &rp) == 0 && run(&mi, 2, &oi, &ri) == 0 && run(&mi, 1, &oi1, &ri1) == 0) {
    long P = oi.paths;
    const double *w = oi.weight;
    CHECK(op.weight == NULL && w != NULL);

    /* 2. the weights average 1 */
    double one = 1, wm, wse;
    double *ones = malloc((size_t)P * sizeof *ones);
    for (long i = 0; ones && i < P; i++) ones[i] = one;
    if (ones) {
      mean_se(ones, w, P, &wm, &wse);
      printf("  mean weight %.6f (se %.4f), effective paths %.0f of %ld\n", wm, wse, ri->effective_paths, P);
      CHECK_NEAR(wm, 1, Z_TOL * wse);
      CHECK(ri->effective_paths > 1 && ri->effective_paths < (double)P);
    }
    CHECK_NEAR(rp->effective_paths, (double)op.paths, 0);

    /* 3. the Vasicek 99.9% quantile of the loss rate */
    double *rate = malloc((size_t)P * sizeof *rate), *ws = malloc((size_t)P * sizeof *ws);
    if (rate && ws) {
      for (long i = 0; i < P; i++) {
        size_t k = ps_slot(&oi, 0, i);
        rate[i] = LGD * oi.claims[k] / exposure; /* claims: the defaulted exposure, whether or not the pool pays */
        ws[i] = w[i];
      }
      CHECK_EQ_INT(ps_sort_weighted(rate, ws, (size_t)P), PS_OK);
      double q = 1 - ALPHA, want = LGD * vasicek_rate(q);
      double exact = LGD * (double)mixture_quantile(PD, RHO, (long)LOANS, q) / LOANS; /* the same for n loans */
      ps_estimate e = ps_wquantile_ci_sorted(rate, ws, (size_t)P, q, level_of(Z_TOL));
      int ok = exact >= e.lo && exact <= e.hi;
      printf("  q99.9 of the loss rate %.6f in [%.6f, %.6f] (z %.1f): exact for n %.0f %.6f%s\n", e.value, e.lo, e.hi,
             Z_TOL, LOANS, exact, ok ? "" : "  FAILED");
      CHECK(ok);
      /* the Vasicek limit, within the interval widened by the computed finite-n correction */
      double corr = fabs(exact - want);
      ok = want >= e.lo - corr && want <= e.hi + corr;
      printf("  q99.9 of the loss rate vs L_q = %.6f (finite-n correction %.6f)%s\n", want, corr, ok ? "" : "  FAILED");
      CHECK(ok);
      /* the 95% interval of the same estimate holds it and is not empty */
      ps_estimate e95 = ps_wquantile_ci_sorted(rate, ws, (size_t)P, q, PS_CI_LEVEL);
      CHECK(e95.lo <= e95.value && e95.value <= e95.hi && e95.lo < e95.hi);
    }
    free(rate);
    free(ws);

    /* 4. means and the depletion probability, plain against importance */
    double a, sa, b, sb;
    mean_se(&op.defaults[ps_slot(&op, 0, 0)], NULL, op.paths, &a, &sa);
    mean_se(&oi.defaults[ps_slot(&oi, 0, 0)], w, P, &b, &sb);
    agree("mean defaults", a, sa, b, sb);
    CHECK_NEAR(b, LOANS * PD, Z_TOL * sqrt(sb * sb + sa * sa)); /* and the closed form n PD */
    CHECK_NEAR(ri->programmes[0].defaults.mean, b, 1e-9 * b); /* the results' weighted mean is this one */
    CHECK_NEAR(ri->programmes[0].defaults.se, sb, 1e-9 * sb);
    double *net = malloc((size_t)P * sizeof *net), *dep = malloc((size_t)P * sizeof *dep);
    double *netp = malloc((size_t)op.paths * sizeof *netp), *depp = malloc((size_t)op.paths * sizeof *depp);
    if (net && dep && netp && depp) {
      for (long i = 0; i < P; i++) {
        size_t k = ps_slot(&oi, 0, i), kp = ps_slot(&op, 0, i);
        net[i] = oi.paid[k] - oi.recovered[k];
        dep[i] = oi.depletion[k] > 0;
        netp[i] = op.paid[kp] - op.recovered[kp];
        depp[i] = op.depletion[kp] > 0;
      }
      mean_se(netp, NULL, op.paths, &a, &sa);
      mean_se(net, w, P, &b, &sb);
      agree("mean net outlay", a, sa, b, sb);
      mean_se(depp, NULL, op.paths, &a, &sa);
      mean_se(dep, w, P, &b, &sb);
      agree("P(depletion) of a 99th-percentile pool", a, sa, b, sb);
      CHECK_NEAR(ri->pools[0].depletion.value, b, 1e-12);
      CHECK(sb < sa); /* the tail estimate is the more precise one */
    }
    free(net);
    free(dep);
    free(netp);
    free(depp);

    /* 5. the 99.9% sizing answer's interval, narrower than plain's at the same paths */
    const ps_pool_result *pp = &rp->pools[0], *pi = &ri->pools[0];
    ps_estimate sp = ps_sizing_initial(pp->sorted_required, pp->sorted_weight, (size_t)rp->paths, ALPHA);
    ps_estimate si = ps_sizing_initial(pi->sorted_required, pi->sorted_weight, (size_t)ri->paths, ALPHA);
    printf("  99.9%% sizing answer: plain %.0f [%.0f, %.0f], importance %.0f [%.0f, %.0f]\n", sp.value, sp.lo, sp.hi,
           si.value, si.lo, si.hi);
    CHECK(si.hi - si.lo < sp.hi - sp.lo);
    CHECK(si.lo <= si.value && si.value <= si.hi);

    /* 6. the same bytes whatever the threads */
    CHECK(memcmp(oi.weight, oi1.weight, (size_t)P * sizeof *oi.weight) == 0);
    CHECK(memcmp(ri->pools[0].sorted_required, ri1->pools[0].sorted_required, (size_t)P * sizeof(double)) == 0);
    CHECK(memcmp(ri->pools[0].sorted_weight, ri1->pools[0].sorted_weight, (size_t)P * sizeof(double)) == 0);
    CHECK(memcmp(&ri->pools[0].net_outlay, &ri1->pools[0].net_outlay, sizeof(ps_stats)) == 0);
    CHECK(memcmp(&ri->pools[0].depletion, &ri1->pools[0].depletion, sizeof(ps_estimate)) == 0);
    CHECK(memcmp(ri->pools[0].band_p05, ri1->pools[0].band_p05, (size_t)mi.periods * sizeof(double)) == 0);
    free(ones);
  }
  ps_results_free(rp);
  ps_results_free(ri);
  ps_results_free(ri1);
  ps_outcomes_destroy(&op);
  ps_outcomes_destroy(&oi);
  ps_outcomes_destroy(&oi1);
  ps_model_destroy(&mp);
  ps_model_destroy(&mi);
  return check_summary("test_sampling");
}
