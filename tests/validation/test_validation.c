/* test_validation.c — the engine against closed forms (SPEC §5, "Correct").
**
** Each check loads a small scenario (tests/scenarios/validate_*.lua, varied with
** the same overrides as `--set`), runs it with ps_simulate on 2 threads with the
** scenario's fixed seed (run from the repository root, as `make test` does),
** and compares per-path outcomes with a closed form:
**   1. rho = 0, one year in one period: the default count is Binomial(n, pd);
**   2. rho = 0, monthly and quarterly steps: the hazard conversion
**      h = 1 - (1 - pd)^dt makes the count over a year Binomial(n, pd) and the
**      count of month k Binomial(n, (1-h)^(k-1) h);
**   3. Vasicek: quantiles of the default rate D/n of a large homogeneous
**      portfolio against L_q = Phi((Phi^-1(PD) + sqrt(rho) Phi^-1(q)) / sqrt(1-rho))
**      (with a conservative bound for the finite-n binomial noise), against
**      the exact quantiles of the finite portfolio's binomial mixture, and the
**      exact mean and variance of D;
**   4. the sizing identity: without feedback, a path depletes the pool exactly
**      when its required initial balance exceeds the initial balance;
**   5. E[claims] = share * n * amount * pd with correlated defaults.
**
** Tolerances are derived, never tuned. A mean is checked to Z_TOL = 4.5 standard
** errors of the estimator, the standard error computed from the number of paths
** and the closed-form variance (one exception, where no closed form exists, uses
** the sample sd: see test_mean_loss); a sample variance to 4.5 of its own standard
** error, sqrt((mu4 - sigma^4 (P-3)/(P-1)) / P), with mu4 the closed-form fourth
** central moment. Two-sided normal tail at 4.5 sigma: 6.8e-6 per check (normal
** approximation of a mean over 20 000 paths). The quantile checks use
** exact binomial tails (vasicek_interval) and fail with probability <= 2e-5
** each. There are 50 mean/variance checks and 12 quantile checks, so by the
** union bound a correct engine fails this test for a given seed with
** probability < 50 * 6.8e-6 + 12 * 2e-5 = 5.8e-4. The seeds are fixed, so the
** outcome is deterministic; that probability is what a change in the order of
** the engine's random draws risks.
**
** The per-path identities (4, and the claim and recovery splits in 1, 3 and 5)
** are deterministic: exact, or within a rounding bound derived where checked. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "vasicek_mixture.h"
#include "scenario/model.h"
#include "sim/montecarlo.h"
#include "sim/outcomes.h"
#include "scenario/scenario.h"

#define Z_TOL 4.5        /* standard errors allowed for a mean or a variance */
#define QUANTILE_EPS 1e-5 /* per side false-failure bound of a quantile check */
#define THREADS 2
#define INV_SQRT_2PI 0.39894228040143267794

/* ---- running the engine ---- */

/* load file with overrides; returns 0 or reports and returns -1 */
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

/* run all of the scenario's paths with its seed; initial: fen per pool or NULL */
static int run(const ps_model *m, const int64_t *initial, ps_outcomes *out) {
  char err[1024];
  ps_run_options o = {.paths = m->paths, .seed = m->seed, .threads = THREADS, .initial = initial};
  if (ps_simulate(m, &o, out, err, sizeof err)) {
    fprintf(stderr, "%s: ps_simulate failed: %s\n", m->file, err);
    CHECK(0);
    return -1;
  }
  return 0;
}

/* ---- reporting ---- */

static void near(const char *what, double got, double want, double tol) {
  int ok = fabs(got - want) <= tol;
  printf("  %-44s %13.7g  want %13.7g +- %-10.4g%s\n", what, got, want, tol, ok ? "" : "  FAILED");
  if (!ok) fprintf(stderr, "test_validation: %s = %.10g, want %.10g +- %.4g\n", what, got, want, tol);
  CHECK(ok);
}

static void within(const char *what, double got, double want, double lo, double hi) {
  int ok = got >= lo && got <= hi;
  printf("  %-44s %13.7g  want %13.7g in [%.7g, %.7g]%s\n", what, got, want, lo, hi, ok ? "" : "  FAILED");
  if (!ok) fprintf(stderr, "test_validation: %s = %.10g, want in [%.10g, %.10g]\n", what, got, lo, hi);
  CHECK(ok);
}

/* ---- sample moments (two passes, in path order) ---- */

static double mean_of(const double *x, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += x[i];
  return s / (double)n;
}

static double var_of(const double *x, long n, double mean) {
  double s = 0;
  for (long i = 0; i < n; i++) s += (x[i] - mean) * (x[i] - mean);
  return s / (double)(n - 1);
}

/* Check the sample mean and variance of P draws against a distribution with
** mean mu, variance sigma2 and fourth central moment mu4: the mean to Z_TOL *
** sqrt(sigma2 / P), the unbiased sample variance to Z_TOL * its standard error,
** Var(s^2) = mu4 / P - sigma2^2 (P - 3) / (P (P - 1)). */
static void check_moments(const char *label, const double *x, long P, double mu, double sigma2, double mu4) {
  char what[128];
  double m = mean_of(x, P), v = var_of(x, P, m);
  double se_mean = sqrt(sigma2 / (double)P);
  double se_var = sqrt(mu4 / (double)P - sigma2 * sigma2 * ((double)P - 3) / ((double)P * ((double)P - 1)));
  snprintf(what, sizeof what, "%s mean", label);
  near(what, m, mu, Z_TOL * se_mean);
  snprintf(what, sizeof what, "%s variance", label);
  near(what, v, sigma2, Z_TOL * se_var);
}

/* Binomial(n, p): variance npq, fourth central moment npq (1 + 3 (n - 2) pq) */
static void check_binomial(const char *label, const double *x, long P, double n, double p) {
  double pq = p * (1 - p);
  check_moments(label, x, P, n * p, n * pq, n * pq * (1 + 3 * (n - 2) * pq));
}

/* ---- 1 and 2: independent defaults ---- */

#define BINOMIAL_FILE "tests/scenarios/validate_binomial.lua"

/* one cohort over `periods` steps of `step` (tenor = periods): the path's
** default count is Binomial(n, want_p) */
static void binomial_run(const char *step, const char *periods, const char *pd, double want_p,
                         const char *label) {
  ps_override sets[] = {{"step", step}, {"periods", periods}, {"segments.s.tenor", periods},
                        {"segments.s.pd", pd}};
  ps_model m;
  ps_outcomes out;
  if (load(BINOMIAL_FILE, sets, 4, &m)) return;
  if (run(&m, NULL, &out) == 0) {
    const ps_segment *s = &m.segments[0];
    double n = s->new_loans;
    const double *d = &out.defaults[ps_slot(&out, 0, 0)];
    check_binomial(label, d, out.paths, n, want_p);

    /* every loan was originated; the pool paid every default in full */
    long bad = 0;
    for (long i = 0; i < out.paths; i++)
      bad += out.originated[ps_slot(&out, 0, i)] != n ||
             fabs(out.claims[ps_slot(&out, 0, i)] - d[i] * s->loan.mean) > 0.005 ||
             out.shortfall[ps_slot(&out, 0, i)] != 0;
    CHECK_EQ_INT(bad, 0);

    /* Per-period counts, read from the pool's balance (no yield, LGD 1, no lag,
    ** share 1: the balance falls by exactly the defaulted exposure). With
    ** exchangeable independent loans the count of period k is marginally
    ** Binomial(n, (1-h)^(k-1) h); their sum is the path's count. */
    if (m.periods > 1) {
      double *count = calloc((size_t)out.paths, sizeof *count);
      double h = s->hazard[0], survive = 1;
      long mismatched = 0;
      for (int t = 1; count && t <= m.periods; t++) {
        for (long i = 0; i < out.paths; i++) {
          const double *bal = &out.balance[ps_slot(&out, 0, i) * (size_t)m.periods];
          double before = t == 1 ? (double)m.pools[0].initial / PS_FEN_PER_YUAN : bal[t - 2];
          count[i] = round((before - bal[t - 1]) / s->loan.mean);
        }
        char what[96];
        snprintf(what, sizeof what, "%s, period %d", label, t);
        double pk = survive * h, mk = mean_of(count, out.paths);
        near(what, mk, n * pk, Z_TOL * sqrt(n * pk * (1 - pk) / (double)out.paths));
        survive *= 1 - h;
      }
      for (long i = 0; count && i < out.paths; i++) {
        const double *bal = &out.balance[ps_slot(&out, 0, i) * (size_t)m.periods];
        double total = round(((double)m.pools[0].initial / PS_FEN_PER_YUAN - bal[m.periods - 1]) / s->loan.mean);
        mismatched += total != d[i];
      }
      CHECK(count != NULL);
      CHECK_EQ_INT(mismatched, 0);
      free(count);
    }
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

static void test_binomial(void) {
  printf("1. rho = 0, one year in one period: D ~ Binomial(1000, pd), 20000 paths\n");
  binomial_run("year", "1", "0.01", 0.01, "year, pd 0.01: D");
  binomial_run("year", "1", "0.05", 0.05, "year, pd 0.05: D");
  binomial_run("year", "1", "0.2", 0.2, "year, pd 0.2: D");

  printf("2. rho = 0, one cohort over a year in shorter steps: D ~ Binomial(1000, pd)\n");
  binomial_run("month", "12", "0.05", 0.05, "12 months, pd 0.05: D");
  binomial_run("month", "12", "0.2", 0.2, "12 months, pd 0.2: D");
  binomial_run("quarter", "4", "0.2", 0.2, "4 quarters, pd 0.2: D");
  binomial_run("month", "1", "0.2", 1 - pow(0.8, 1.0 / 12), "1 month, pd 0.2: D");
  binomial_run("quarter", "1", "0.05", 1 - pow(0.95, 0.25), "1 quarter, pd 0.05: D");
}

/* ---- the one-factor model's moments for a finite portfolio ---- */

/* D | Z ~ Binomial(n, p(Z)), p(z) = Phi((t - sqrt(rho) z) / sqrt(1 - rho)) */
typedef struct {
  double t, rho, n, mu;
  int moment; /* 2 or 4: E[(D - mu)^moment | Z = z] phi(z) */
} vasicek_params;

static double vasicek_p(const vasicek_params *v, double z) {
  return gsl_cdf_ugaussian_P((v->t - sqrt(v->rho) * z) / sqrt(1 - v->rho));
}

static double vasicek_integrand(double z, void *arg) {
  const vasicek_params *v = arg;
  double p = vasicek_p(v, z), n = v->n, q = 1 - p;
  double d = n * p - v->mu, var = n * p * q, phi = exp(-0.5 * z * z) * INV_SQRT_2PI;
  if (v->moment == 2) return (var + d * d) * phi;
  double mu3 = var * (q - p), mu4 = var * (1 + 3 * (n - 2) * p * q);
  return (mu4 + 4 * d * mu3 + 6 * d * d * var + d * d * d * d) * phi;
}

/* E[(D - n pd)^moment] by adaptive quadrature over z in [-12, 12] (the rest of
** the normal mass, 4e-33, cannot move a moment of a count <= n) */
static double vasicek_moment(double pd, double rho, double n, int moment) {
  vasicek_params v = {gsl_cdf_ugaussian_Pinv(pd), rho, n, n * pd, moment};
  gsl_function f = {vasicek_integrand, &v};
  gsl_integration_workspace *w = gsl_integration_workspace_alloc(1000);
  double result = NAN, abserr;
  if (w) {
    int rc = gsl_integration_qag(&f, -12, 12, 0, 1e-11, 1000, GSL_INTEG_GAUSS61, w, &result, &abserr);
    if (rc) result = NAN;
    gsl_integration_workspace_free(w);
  }
  return result;
}

/* ---- 3: Vasicek quantiles ---- */

/* the a-quantile of the limiting default rate p(Z) */
static double vasicek_L(double pd, double rho, double a) {
  return gsl_cdf_ugaussian_P((gsl_cdf_ugaussian_Pinv(pd) + sqrt(rho) * gsl_cdf_ugaussian_Pinv(a)) / sqrt(1 - rho));
}

/* Levels a_lo < q < a_hi such that the k-th order statistic of P draws, k =
** ceil(P q), falls below the a_lo-quantile with probability <= eps, namely
** P(Bin(P, a_lo) >= k) <= eps, and above the a_hi-quantile with probability
** <= eps, P(Bin(P, a_hi) <= k - 1) <= eps (exact binomial tails, bisection). */
static void order_statistic_levels(long P, long k, double q, double eps, double *a_lo, double *a_hi) {
  double lo = 0, hi = q;
  for (int i = 0; i < 200; i++) { /* largest a with Q(k-1; a, P) <= eps */
    double mid = 0.5 * (lo + hi);
    if (gsl_cdf_binomial_Q((unsigned)(k - 1), mid, (unsigned)P) <= eps) lo = mid;
    else hi = mid;
  }
  *a_lo = lo;
  lo = q, hi = 1;
  for (int i = 0; i < 200; i++) { /* smallest a with P(k-1; a, P) <= eps */
    double mid = 0.5 * (lo + hi);
    if (gsl_cdf_binomial_P((unsigned)(k - 1), mid, (unsigned)P) <= eps) hi = mid;
    else lo = mid;
  }
  *a_hi = hi;
}

/* largest m with P(Bin(n, p) <= m - 1) <= g: P(Bin(n, p) < m) <= g */
static long binomial_lower(long n, double p, double g) {
  long lo = 0, hi = n; /* m = 0 always qualifies */
  while (lo < hi) {
    long mid = lo + (hi - lo + 1) / 2;
    if (gsl_cdf_binomial_P((unsigned)(mid - 1), p, (unsigned)n) <= g) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/* smallest m with P(Bin(n, p) > m) <= g */
static long binomial_upper(long n, double p, double g) {
  long lo = 0, hi = n; /* m = n always qualifies */
  while (lo < hi) {
    long mid = lo + (hi - lo) / 2;
    if (gsl_cdf_binomial_Q((unsigned)mid, p, (unsigned)n) <= g) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/* Interval [lo, hi] that the type-1 empirical q-quantile of D/n over P paths
** leaves with probability <= 2 * eps, for D | Z ~ Binomial(n, p(Z)).
**
** Order statistics: with a_lo, a_hi from order_statistic_levels, the quantile
** lies within [xi(a_lo), xi(a_hi)] of the true distribution F_n of D/n, except
** with probability 2 eps. Finite n: take g = eps, pi_lo = L(a_lo - g) and
** x_lo = m_lo / n with m_lo the lower g-tail count of Binomial(n, pi_lo). Then
** P(D/n < x_lo) <= P(p(Z) < pi_lo) + sup_{p >= pi_lo} P(Bin(n, p) < m_lo)
**              <= (a_lo - g) + g = a_lo,
** so xi(a_lo) >= x_lo. Symmetrically pi_hi = L(a_hi + g), x_hi = m_hi / n with
** P(Bin(n, pi_hi) > m_hi) <= g gives F_n(x_hi) >= a_hi, xi(a_hi) <= x_hi. The
** width is thus the order-statistic spread mapped through the closed-form CDF
** plus about 4.3 conditional binomial sds sqrt(p (1-p) / n) at each end. */
static void vasicek_interval(double pd, double rho, long n, long P, double q, double eps, double *lo,
                             double *hi) {
  long k = (long)ceil((double)P * q - 1e-9);
  double a_lo, a_hi, g = eps;
  order_statistic_levels(P, k, q, eps, &a_lo, &a_hi);
  *lo = (double)binomial_lower(n, vasicek_L(pd, rho, a_lo - g), g) / (double)n;
  *hi = (double)binomial_upper(n, vasicek_L(pd, rho, a_hi + g), g) / (double)n;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

#define VASICEK_FILE "tests/scenarios/validate_vasicek.lua"
#define VASICEK_LOANS "50000"

static void vasicek_run(const char *pd_s, const char *rho_s) {
  ps_override sets[] = {{"segments.s.pd", pd_s}, {"segments.s.rho", rho_s}, {"segments.s.new_loans", VASICEK_LOANS}};
  ps_model m;
  ps_outcomes out;
  if (load(VASICEK_FILE, sets, 3, &m)) return;
  if (run(&m, NULL, &out) == 0) {
    const ps_segment *s = &m.segments[0];
    double pd = s->pd, rho = s->rho, n = s->new_loans;
    long P = out.paths;
    char label[96], what[128];
    snprintf(label, sizeof label, "PD %s rho %s n %s", pd_s, rho_s, VASICEK_LOANS);

    /* D/n from the pool's claims: share 1, LGD 1, fixed amount, so claims =
    ** defaulted exposure = D * amount; the two must agree path by path */
    double *rate = malloc((size_t)P * sizeof *rate);
    long bad = 0;
    for (long i = 0; rate && i < P; i++) {
      double d = out.defaults[ps_slot(&out, 0, i)];
      rate[i] = out.claims[ps_slot(&out, 0, i)] / s->loan.mean / n;
      bad += fabs(rate[i] * n - d) > 1e-6;
    }
    CHECK(rate != NULL);
    CHECK_EQ_INT(bad, 0);

    /* exact moments of D for the finite portfolio */
    double var = vasicek_moment(pd, rho, n, 2), mu4 = vasicek_moment(pd, rho, n, 4);
    CHECK(isfinite(var) && isfinite(mu4));
    snprintf(what, sizeof what, "%s: D", label);
    check_moments(what, &out.defaults[ps_slot(&out, 0, 0)], P, n * pd, var, mu4);

    if (rate) {
      qsort(rate, (size_t)P, sizeof *rate, cmp_double);
      const double qs[] = {0.5, 0.9, 0.99};
      for (int j = 0; j < 3; j++) {
        long k = (long)ceil((double)P * qs[j] - 1e-9);
        double lo, hi, got = rate[k - 1];
        vasicek_interval(pd, rho, (long)n, P, qs[j], QUANTILE_EPS, &lo, &hi);
        snprintf(what, sizeof what, "PD %s rho %s: D/n q%g vs L_q", pd_s, rho_s, qs[j]);
        within(what, got, vasicek_L(pd, rho, qs[j]), lo, hi);

        /* Tighter: the same order-statistic levels mapped through the exact
        ** CDF of D/n for n loans (the binomial mixture), so the finite-n
        ** noise is not bounded but computed. Fails with probability <= 2 eps. */
        double a_lo, a_hi;
        order_statistic_levels(P, k, qs[j], QUANTILE_EPS, &a_lo, &a_hi);
        double xi = (double)mixture_quantile(pd, rho, (long)n, qs[j]) / n;
        double xlo = (double)mixture_quantile(pd, rho, (long)n, a_lo) / n;
        double xhi = (double)mixture_quantile(pd, rho, (long)n, a_hi) / n;
        snprintf(what, sizeof what, "PD %s rho %s: D/n q%g vs exact n", pd_s, rho_s, qs[j]);
        within(what, got, xi, xlo, xhi);
      }
    }
    free(rate);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

static void test_vasicek(void) {
  printf("3. Vasicek: one year, 50000 loans, 20000 paths; quantiles of D/n vs L_q and vs the exact mixture\n");
  vasicek_run("0.02", "0.12");
  vasicek_run("0.05", "0.24");
}

/* ---- 4: the sizing identity ---- */

#define SIZING_FILE "tests/scenarios/validate_sizing.lua"

static int64_t to_fen(double yuan) { return (int64_t)llround(yuan * PS_FEN_PER_YUAN); }

/* Compare depletion with R > B path by path, B in fen. band (fen): paths with
** |R - B| <= band are not required to follow the identity (the yield is
** rounded to the fen each period, see test_sizing). Returns the number of
** depleted paths; counts the paths near the boundary in *near_count. */
static long check_identity(const char *label, const ps_outcomes *out, int64_t B, int64_t band, long *near_count) {
  long wrong = 0, wrong_shortfall = 0, depleted = 0, nearb = 0;
  for (long i = 0; i < out->paths; i++) {
    size_t k = ps_slot(out, 0, i);
    int64_t R = to_fen(out->required[k]);
    int dep = out->depletion[k] > 0;
    depleted += dep;
    if (R > B - band && R <= B + band) {
      nearb++;
      printf("    path %ld: R - B = %lld fen, depletion period %d, shortfall %.2f yuan\n", i,
             (long long)(R - B), out->depletion[k], out->shortfall[k]);
    }
    if (R > B + band && !dep) wrong++;
    if (R <= B - band && dep) wrong++;
    if (R <= B - band && out->shortfall[k] != 0) wrong_shortfall++;
    if (dep != (out->shortfall[k] > 0)) wrong_shortfall++;
  }
  printf("  %-44s %ld of %ld paths deplete, %ld within %lld fen of B; %ld/%ld disagree\n", label, depleted,
         out->paths, nearb, (long long)band, wrong, wrong_shortfall);
  CHECK_EQ_INT(wrong, 0);
  CHECK_EQ_INT(wrong_shortfall, 0);
  if (near_count) *near_count = nearb;
  return depleted;
}

/* same required balances in two runs that differ only in the initial balance */
static long count_required_changed(const ps_outcomes *a, const ps_outcomes *b) {
  long changed = 0;
  for (long i = 0; i < a->paths; i++) changed += a->required[ps_slot(a, 0, i)] != b->required[ps_slot(b, 0, i)];
  return changed;
}

static double type1_quantile(const double *x, long n, double q) {
  double *s = malloc((size_t)n * sizeof *s);
  if (!s) return NAN;
  memcpy(s, x, (size_t)n * sizeof *s);
  qsort(s, (size_t)n, sizeof *s, cmp_double);
  double v = s[(long)ceil((double)n * q - 1e-9) - 1];
  free(s);
  return v;
}

static void test_sizing(void) {
  printf("4. sizing identity: depletion <=> required > initial (36 months, 4000 paths)\n");
  ps_model m;
  ps_outcomes a, b;

  /* yield 0: every flow is whole fen, so the identity is exact (band 0) */
  ps_override zero[] = {{"pools.fund.yield", "0"}};
  if (load(SIZING_FILE, zero, 1, &m)) return;
  if (run(&m, NULL, &a) == 0) {
    long P = a.paths;
    long dep = check_identity("yield 0, scenario initial:", &a, m.pools[0].initial, 0, NULL);
    /* B = the median of R: about half the paths deplete, both sides tested */
    int64_t B = to_fen(type1_quantile(&a.required[ps_slot(&a, 0, 0)], P, 0.5));
    CHECK(dep > 0 && dep < P);
    if (run(&m, &B, &b) == 0) {
      long dep_b = check_identity("yield 0, initial = median R:", &b, B, 0, NULL);
      CHECK(dep_b > 0 && dep_b < P);
      /* R does not depend on B when nothing feeds back on the balance */
      CHECK_EQ_INT(count_required_changed(&a, &b), 0);
      /* type-1 median: #{R > B} <= P/2 exactly */
      CHECK(2 * dep_b <= P);
      ps_outcomes_destroy(&b);
    }
    ps_outcomes_destroy(&a);
  }
  ps_model_destroy(&m);

  /* Yield 3%: each period the yield posted is the balance times the per-period
  ** rate rounded to the fen, an error of at most 0.5 fen a period. In
  ** discounted terms (discount factors <= 1) the balance after t periods then
  ** differs from B - need_t by at most 0.5 t fen; R is the running maximum of
  ** need rounded up to the fen (<= 1 fen) and need is a double sum of at most
  ** a few thousand discounted fen amounts (rounding far below 1 fen). So a
  ** path may disagree with the identity only when |R - B| <= 0.5 T + 2 fen,
  ** T = 36 periods: 20 fen. R also counts half a fen a period against the
  ** pool for that rounding, so the disagreement is one-sided: a path with
  ** R <= B never runs short, and at the 95% point at most 5% of paths deplete. */
  ps_override yield[] = {{"pools.fund.yield", "0.03"}};
  if (load(SIZING_FILE, yield, 1, &m)) return;
  int64_t band = (int64_t)ceil(0.5 * m.periods) + 2;
  if (run(&m, NULL, &a) == 0) {
    long P = a.paths, nearb = 0;
    check_identity("yield 3%, scenario initial:", &a, m.pools[0].initial, band, NULL);
    /* the 95% sizing point: B = type-1 0.95 quantile of R, so #{R > B} <= 5% */
    double q95 = type1_quantile(&a.required[ps_slot(&a, 0, 0)], P, 0.95);
    int64_t B = to_fen(q95);
    if (run(&m, &B, &b) == 0) {
      long dep = check_identity("yield 3%, initial = q95 of R:", &b, B, band, &nearb);
      CHECK_EQ_INT(count_required_changed(&a, &b), 0);
      long safe_but_short = 0;
      for (long i = 0; i < P; i++) {
        size_t k = ps_slot(&b, 0, i);
        safe_but_short += to_fen(b.required[k]) <= B && b.depletion[k] > 0;
      }
      CHECK_EQ_INT(safe_but_short, 0);
      double frac = (double)dep / (double)P;
      printf("  %-44s %13.7g  want <= 0.05 (%ld paths within %lld fen of B); B = %.2f yuan\n",
             "yield 3%, depletion fraction at q95:", frac, nearb, (long long)band, q95);
      CHECK(frac <= 0.05);
      ps_outcomes_destroy(&b);
    }
    ps_outcomes_destroy(&a);
  }
  ps_model_destroy(&m);
}

/* ---- 5: mean loss with correlated defaults ---- */

#define MEANLOSS_FILE "tests/scenarios/validate_meanloss.lua"

/* Claims are on the exposure before recovery: per path, the pool's claims
** (paid, plus unsettled beyond the horizon) are share * D * amount. Each loss
** is split to the fen by largest remainder, so a part is within 1 fen of its
** exact share: the per-path tolerance is 1 fen per default (+ half a fen for
** the conversion to yuan). Returns the claims per path (allocated). */
static double *claims_per_path(const ps_model *m, const ps_outcomes *out, double share, long *bad) {
  const ps_segment *s = &m->segments[0];
  double *c = malloc((size_t)out->paths * sizeof *c);
  *bad = 0;
  for (long i = 0; c && i < out->paths; i++) {
    size_t k = ps_slot(out, 0, i);
    c[i] = out->claims[k] + out->unsettled[k];
    double fen_tol = 0.01 * out->defaults[k] + 0.005;
    *bad += fabs(c[i] - share * out->defaults[k] * s->loan.mean) > fen_tol ||
            fabs(out->defaulted_exposure[k] - out->defaults[k] * s->loan.mean) > 0.005 ||
            out->shortfall[k] != 0;
  }
  return c;
}

static void test_mean_loss(void) {
  printf("5. mean claims, share 0.4, rho 0.2: E[claims] = 0.4 n amount pd\n");
  ps_model m;
  ps_outcomes out;
  const double share = 0.4;

  /* one period of a year: Var(claims) = (share amount)^2 Var(D), Var(D) exact */
  if (load(MEANLOSS_FILE, NULL, 0, &m)) return;
  if (run(&m, NULL, &out) == 0) {
    const ps_segment *s = &m.segments[0];
    double n = s->new_loans, a = s->loan.mean, lgd = s->lgd.mean;
    long bad, P = out.paths, bad_recovery = 0;
    double *c = claims_per_path(&m, &out, share, &bad);
    CHECK(c != NULL);
    CHECK_EQ_INT(bad, 0);
    for (long i = 0; i < P; i++) {
      size_t k = ps_slot(&out, 0, i);
      /* recovery lag 0: recoveries (1 - LGD) * exposure come back pro rata to
      ** what was paid, share to the pool (again 1 fen per default) */
      bad_recovery += fabs(out.recovered[k] - share * (1 - lgd) * out.defaulted_exposure[k]) >
                      0.01 * out.defaults[k] + 0.005;
    }
    CHECK_EQ_INT(bad_recovery, 0);
    double varD = vasicek_moment(s->pd, s->rho, n, 2);
    CHECK(isfinite(varD));
    if (c) near("year, 1 period: mean claims (yuan)", mean_of(c, P), share * n * a * s->pd,
                Z_TOL * share * a * sqrt(varD / (double)P));
    free(c);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);

  /* twelve months, a cycle and a claim lag of 2 (claims of the last two
  ** months are unsettled at the horizon and counted with the claims): the
  ** probability that a loan defaults within the year is still pd, so the mean
  ** is the same. The variance of a multi-period count with an AR(1) factor has
  ** no closed form here; the standard error is the sample sd / sqrt(P) (its
  ** relative error is about 1% at P = 20000, inside the 4.5 se margin). */
  ps_override sets[] = {{"step", "month"}, {"periods", "12"}, {"segments.s.tenor", "12"},
                        {"cycle", "0.5"}, {"programmes.p.claim_lag", "2"}, {"programmes.p.recovery_lag", "2"}};
  if (load(MEANLOSS_FILE, sets, 6, &m)) return;
  if (run(&m, NULL, &out) == 0) {
    const ps_segment *s = &m.segments[0];
    long bad, P = out.paths;
    double *c = claims_per_path(&m, &out, share, &bad);
    CHECK(c != NULL);
    CHECK_EQ_INT(bad, 0);
    if (c) {
      double mu = mean_of(c, P), sd = sqrt(var_of(c, P, mu));
      near("12 months, cycle 0.5, lag 2: mean claims", mu, share * s->new_loans * s->loan.mean * s->pd,
           Z_TOL * sd / sqrt((double)P));
    }
    free(c);
    ps_outcomes_destroy(&out);
  }
  ps_model_destroy(&m);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(void) {
  gsl_set_error_handler_off();
  double t0 = now();
  test_binomial();
  test_vasicek();
  test_sizing();
  test_mean_loss();
  printf("(%.1f s)\n", now() - t0);
  return check_summary("test_validation");
}
