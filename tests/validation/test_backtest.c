/* test_backtest.c — back-testing (poolsim backtest) against figures known by
** hand, on tests/scenarios/backtest.lua (no correlation, no lags, one fund).
**
** p_sure: three loans of 100万 default in year 1 (pd = 1), so the forecast of
**   its defaults is a point mass at 3 in year 1 and at 0 later, and of its
**   claims (the fund's 60%) at 180万 and 0: an actual equal to the mass sits at
**   the mid-rank 50% inside both bands; one above it at 100% above the 99% band
**   (the forecast under-predicted), one below at 0% below it.
** p_binom: 200 loans at risk in year 1 only, PD 5%, no correlation: the
**   defaults X ~ Binomial(200, 0.05), so an actual k sits at the mid-rank
**   F(k - 1) + f(k) / 2. Each path adds 0, 1/2 or 1 to the estimate, whose sd
**   is then at most sqrt(q (1 - q) / paths): the tolerance is 5 of those. The
**   claims are 50万 a default, so their percentile at 50万 k is the defaults'.
** p_spread: 100 loans at risk for four years, PD 10% a year: a loan defaults in
**   year t with probability 0.9^(t-1) 0.1, the years being disjoint events, so
**   X1 + X3 ~ Binomial(100, 0.1 + 0.081) and X1 + X3 + X4 ~ Binomial(100,
**   0.1 + 0.081 + 0.0729): the cumulative figures of a file giving years 1, 3
**   and 4 (not 2). They are also recounted path by path from the outcomes. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report/report_backtest.h"
#include "scenario/actual.h"
#include "scenario/scenario.h"
#include "sim/montecarlo.h"
#include "stats/backtest.h"
#include "stats/stats.h"

#define PATHS 20000L

typedef struct {
  ps_actual a;
  ps_outcomes o;
  ps_backtest *b;
} bt_run;

/* parse csv, run m tracking its programmes, compare; PS_OK or the failing code */
static int bt_run_csv(const ps_model *m, const char *csv, bt_run *r) {
  char err[1024];
  unsigned char track[8];
  memset(r, 0, sizeof *r);
  int rc = ps_actual_parse("actual.csv", csv, strlen(csv), m, &r->a, err, sizeof err);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return rc;
  }
  ps_backtest_track(m, &r->a, track);
  ps_run_options ro = {.paths = PATHS, .seed = m->seed, .threads = 2, .track = track};
  if ((rc = ps_simulate(m, &ro, &r->o, err, sizeof err))) {
    fprintf(stderr, "%s\n", err);
    return rc;
  }
  return ps_backtest_compare(m, &r->a, &r->o, m->seed, &r->b);
}

static void bt_free(bt_run *r) {
  ps_backtest_free(r->b);
  ps_outcomes_destroy(&r->o);
  ps_actual_destroy(&r->a);
}

/* the mid-rank of k under Binomial(n, p) */
static double binomial_midrank(int k, double p, int n) {
  double below = k > 0 ? gsl_cdf_binomial_P((unsigned)(k - 1), p, (unsigned)n) : 0;
  return below + 0.5 * gsl_ran_binomial_pdf((unsigned)k, p, (unsigned)n);
}

/* the type-1 q-quantile of Binomial(n, p): the smallest k with F(k) >= q */
static int binomial_quantile(double q, double p, int n) {
  int k = 0;
  while (gsl_cdf_binomial_P((unsigned)k, p, (unsigned)n) < q) k++;
  return k;
}

static double mc_tol(double q) { return 5 * sqrt(q * (1 - q) / (double)PATHS) + 1e-12; }

static void check_point(ps_backtest_point p, double actual, double percentile, double mass, int out90, int out99) {
  CHECK_NEAR(p.actual, actual, 0);
  CHECK_NEAR(p.percentile, percentile, 0);
  CHECK_NEAR(p.p005, mass, 0);
  CHECK_NEAR(p.p05, mass, 0);
  CHECK_NEAR(p.p50, mass, 0);
  CHECK_NEAR(p.p95, mass, 0);
  CHECK_NEAR(p.p995, mass, 0);
  CHECK_EQ_INT(p.outside90, out90);
  CHECK_EQ_INT(p.outside99, out99);
}

/* the point mass of p_sure, actuals on it, above it and below it */
static void point_mass(const ps_model *m) {
  bt_run r;
  int rc = bt_run_csv(m, "period,programme,defaults,claims\n1,p_sure,3,1800000\n2,p_sure,1,0\n", &r);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    const ps_backtest *b = r.b;
    CHECK_EQ_INT(ps_backtest_nprogrammes(b), 1);
    CHECK(strcmp(ps_backtest_programme(b, 0), "p_sure") == 0);
    CHECK_EQ_INT(ps_backtest_npoints(b, 0, PS_BACKTEST_DEFAULTS), 2);
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_DEFAULTS, 0, 0), 3, 0.5, 3, 0, 0);
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_DEFAULTS, 1, 0), 1, 1, 0, 1, 1);
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_DEFAULTS, 1, 1), 4, 1, 3, 1, 1); /* 3 + 1 against 3 + 0 */
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_CLAIMS, 0, 0), 1800000, 0.5, 1800000, 0, 0);
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_CLAIMS, 1, 0), 0, 0.5, 0, 0, 0);
    check_point(ps_backtest_point_at(b, 0, PS_BACKTEST_CLAIMS, 1, 1), 1800000, 0.5, 1800000, 0, 0);
    /* the verdict: year 2's defaults above the 99% band, and so their sum; then the summaries */
    CHECK_EQ_INT(b->nfindings, 4);
    if (b->nfindings == 4) {
      char text[512];
      const ps_backtest_finding *f = b->findings;
      CHECK(f[0].band == 99 && f[0].direction == 1 && f[0].period == 2 && !f[0].cumulative);
      CHECK(f[1].band == 99 && f[1].direction == 1 && f[1].period == 2 && f[1].cumulative);
      CHECK(f[2].band == 0 && f[2].npoints == 2 && f[2].outside90 == 1 && f[2].outside99 == 1);
      CHECK(f[3].band == 0 && f[3].measure == PS_BACKTEST_CLAIMS && f[3].outside90 == 0);
      ps_bt_finding_text(b, &f[0], PS_LANG_EN, text, sizeof text);
      CHECK(strcmp(text, "the forecast under-predicted defaults of programme p_sure in year 2 (period 2): above its 99% "
                         "band") == 0);
    }
  }
  bt_free(&r);
  rc = bt_run_csv(m, "period,programme,claims,defaults\n1,p_sure,1799999.99,2\n", &r);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc == PS_OK) {
    check_point(ps_backtest_point_at(r.b, 0, PS_BACKTEST_DEFAULTS, 0, 0), 2, 0, 3, -1, -1);
    check_point(ps_backtest_point_at(r.b, 0, PS_BACKTEST_CLAIMS, 0, 0), 1799999.99, 0, 1800000, -1, -1);
    CHECK(r.b->findings[0].direction == -1 && r.b->findings[0].band == 99);
  }
  bt_free(&r);
}

/* p_binom: the mid-rank against the binomial's, the bands against its quantiles */
static void binomial(const ps_model *m) {
  bt_run r;
  int rc = bt_run_csv(m, "period,programme,defaults,claims\n1,p_binom,10,6500000\n", &r);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    bt_free(&r);
    return;
  }
  const double p = 0.05;
  ps_backtest_point d = ps_backtest_point_at(r.b, 0, PS_BACKTEST_DEFAULTS, 0, 0);
  double q = binomial_midrank(10, p, 200);
  CHECK_NEAR(d.percentile, q, mc_tol(q));
  /* below only would be F(9), half a pmf away: the tolerance tells the two apart */
  CHECK(fabs(q - gsl_cdf_binomial_P(9, p, 200)) > 2 * mc_tol(q));
  CHECK_NEAR(d.p005, binomial_quantile(0.005, p, 200), 1);
  CHECK_NEAR(d.p05, binomial_quantile(0.05, p, 200), 1);
  CHECK_NEAR(d.p50, binomial_quantile(0.5, p, 200), 1);
  CHECK_NEAR(d.p95, binomial_quantile(0.95, p, 200), 1);
  CHECK_NEAR(d.p995, binomial_quantile(0.995, p, 200), 1);
  /* the same forecast placed around other actuals */
  size_t n = (size_t)r.o.paths;
  double *x = malloc(n * sizeof *x);
  CHECK(x != NULL);
  if (x) {
    for (size_t i = 0; i < n; i++) x[i] = r.o.track_defaults[ps_track_slot(&r.o, 1, (long)i)];
    CHECK_EQ_INT(ps_sort_doubles(x, n), PS_OK);
    const int ks[] = {4, 7, 13, 16};
    for (size_t j = 0; j < sizeof ks / sizeof *ks; j++) {
      ps_backtest_point pt;
      ps_backtest_place(x, n, ks[j], &pt);
      double want = binomial_midrank(ks[j], p, 200);
      CHECK_NEAR(pt.percentile, want, mc_tol(want));
    }
    ps_backtest_point pt;
    ps_backtest_place(x, n, 13, &pt); /* claims: 50万 a default */
    CHECK_NEAR(ps_backtest_point_at(r.b, 0, PS_BACKTEST_CLAIMS, 0, 0).percentile, pt.percentile, 0);
    ps_backtest_place(x, n, 25, &pt); /* P(X >= 25) ~ 1e-5 */
    CHECK_EQ_INT(pt.outside99, 1);
    ps_backtest_place(x, n, 0, &pt); /* P(X = 0) = 0.95^200 ~ 3.5e-5 */
    CHECK_EQ_INT(pt.outside99, -1);
    CHECK_NEAR(pt.percentile, binomial_midrank(0, p, 200), mc_tol(0.001));
    free(x);
  }
  bt_free(&r);
}

/* p_spread: cumulative figures over years 1, 3 and 4 */
static void cumulative(const ps_model *m) {
  bt_run r;
  int rc = bt_run_csv(m, "period,programme,defaults\n4,p_spread,9\n1,p_spread,10\n3,p_spread,8\n", &r);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    bt_free(&r);
    return;
  }
  CHECK_EQ_INT(ps_backtest_npoints(r.b, 0, PS_BACKTEST_CLAIMS), 0);
  const int periods[] = {1, 3, 4}, sums[] = {10, 18, 27};
  const double p_sum[] = {0.1, 0.1 + 0.9 * 0.9 * 0.1, 0.1 + 0.9 * 0.9 * 0.1 + 0.9 * 0.9 * 0.9 * 0.1};
  for (int j = 0; j < 3; j++) {
    ps_backtest_point c = ps_backtest_point_at(r.b, 0, PS_BACKTEST_DEFAULTS, j, 1);
    CHECK_EQ_INT(c.period, periods[j]);
    CHECK_NEAR(c.actual, sums[j], 0);
    double want = binomial_midrank(sums[j], p_sum[j], 100);
    CHECK_NEAR(c.percentile, want, mc_tol(want));
    /* recounted path by path: the sum of the years so far against the actual sum */
    double below = 0, equal = 0;
    for (long i = 0; i < r.o.paths; i++) {
      const double *kept = &r.o.track_defaults[ps_track_slot(&r.o, 2, i)];
      double s = kept[0];
      if (j >= 1) s += kept[2] - kept[1];
      if (j >= 2) s += kept[3] - kept[2];
      below += s < sums[j];
      equal += s == sums[j];
    }
    CHECK_NEAR(c.percentile, (below + equal / 2) / (double)r.o.paths, 1e-12);
  }
  bt_free(&r);
}

/* tracking keeps more and changes nothing: the same outcomes as a run without it (so the forecast
** is the run's), and each path's figures up to the last period are its totals */
static void same_paths(const ps_model *m) {
  char err[1024];
  unsigned char track[3] = {1, 0, 1};
  ps_outcomes plain, kept;
  ps_run_options ro = {.paths = 2000, .seed = m->seed, .threads = 2};
  CHECK_EQ_INT(ps_simulate(m, &ro, &plain, err, sizeof err), PS_OK);
  ro.track = track;
  ro.threads = 1;
  CHECK_EQ_INT(ps_simulate(m, &ro, &kept, err, sizeof err), PS_OK);
  size_t n = (size_t)plain.paths * (size_t)m->nprogrammes;
  CHECK(memcmp(plain.defaults, kept.defaults, n * sizeof(double)) == 0);
  CHECK(memcmp(plain.claims, kept.claims, (size_t)plain.paths * sizeof(double)) == 0);
  CHECK(plain.track_slot == NULL && kept.track_slot != NULL && kept.ntracked == 2);
  long agree = 0;
  for (long i = 0; i < kept.paths; i++)
    for (int k = 0; k < m->nprogrammes; k++)
      if (track[k]) {
        size_t last = ps_track_slot(&kept, k, i) + (size_t)(m->periods - 1);
        agree += kept.track_defaults[last] == kept.defaults[ps_slot(&kept, k, i)];
        agree += k != 0 || kept.track_claims[last] == 180000000; /* p_sure's claims: 3 x 60% of 100万, fen */
      }
  CHECK_EQ_INT(agree, 4 * kept.paths);
  ps_outcomes_destroy(&plain);
  ps_outcomes_destroy(&kept);
}

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  int rc = ps_scenario_load("tests/scenarios/backtest.lua", NULL, 0, &m, err, sizeof err);
  CHECK_EQ_INT(rc, PS_OK);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    return check_summary("test_backtest");
  }
  point_mass(&m);
  binomial(&m);
  cumulative(&m);
  same_paths(&m);
  ps_model_destroy(&m);
  return check_summary("test_backtest");
}
