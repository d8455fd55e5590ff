/* test_tape_buckets.c — loan tapes drawn by PD bucket (sim/tape_defaults.c, docs/model.md §3):
** one binomial per bucket and period at the bucket's bound over all its groups' loans at risk,
** candidates uniform among them, each thinned to its own conditional PD. Exact in distribution,
** so on tests/scenarios/tape_buckets.lua (2 000 loans, PDs 0.2%..10% a year, seasoned and new,
** tenors 12 and 24, two templates; three marked loans alone in their programmes):
**   1. rho = 0: the defaults D of period t (1, 4, 7 and 12: seasoned and new groups at risk, some
**      maturing) are a sum of independent Bernoullis over the loans at risk in it, loan i with
**      p_i = h_i (1 - h_i)^a_i, h_i = 1 - (1 - pd_i)^(1/12) its monthly hazard and a_i its months
**      at risk before t: E[D] = sum p_i, Var(D) = sum p_i (1 - p_i); the sample mean within 4.5
**      of its exact standard errors, the sample variance within 4.5 of its standard error
**      sqrt((mu4 - sigma^4) / N), mu4 the exact fourth central moment of the Bernoulli sum (false
**      failure ~7e-6 a check);
**   2. rho = 0, the horizon: loan i defaults within the horizon with q_i = 1 - (1 - pd_i)^(R_i/12),
**      R_i its months at risk in the horizon; E[D] = sum q_i and Var(D) = sum q_i (1 - q_i) as above,
**      and each marked loan's default frequency is its q_i (= its PD: 12 months at risk) within
**      4.5 binomial standard errors: each loan defaults at its own PD, not its bucket's bound;
**   3. rho > 0 (tpl_a 0.2; tpl_b 0.1 and a sector loading 0.1), 12 periods: with cycle 0 the
**      factors of different periods are independent, so E[D] = sum q_i still (within 4.5 sample
**      standard errors), and the marked loans' frequencies are their PDs; the mean and variance
**      of D match the naive loan-by-loan sampler's (the same model drawn one uniform per loan and
**      period, on another seed) within 4.5 combined standard errors (a variance's from the
**      sample fourth moment), which checks the correlation each bucket's common draw carries;
**   4. the audited run replays every path's posting log to its ledger, which balances; the
**      outcomes are the same bytes on 1 and 2 threads. */
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sim/montecarlo.h"
#include "scenario/scenario.h"

#define FILE_ "tests/scenarios/tape_buckets.lua"
#define PATHS 20000
#define NAIVE_PATHS 2000
enum { MAIN, M1, M2, M3, NPROG };

/* the moments of a sum of the tape's independent Bernoullis (rho = 0), for the defaults of period t
** (loan i at risk in it: h_i (1 - h_i)^a_i, a_i its months at risk before t) or, t = 0, of the whole
** horizon (q_i = 1 - (1 - pd_i)^(R_i/12), R_i its months at risk in it): mean, variance, fourth
** central moment; marked: the probabilities of the marked loans (programmes m1..m3) */
typedef struct {
  double mean, var, mu4, marked[NPROG];
} bernoulli_sum;

static bernoulli_sum closed_form(const ps_model *m, int t) {
  bernoulli_sum b = {0};
  double kappa4 = 0;
  for (int s = m->nown_segments; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    int from = seg->first > 1 ? seg->first : 1, to = seg->first + seg->tenor - 1;
    if (to > m->periods) to = m->periods;
    if (t > 0 && (t < from || t > to)) continue;
    for (long i = 0; from <= to && i < seg->loan.nitems; i++) {
      double pd = seg->loan_pd ? seg->loan_pd[i] : seg->pd, h = 1 - pow(1 - pd, 1 / 12.0);
      double q = t > 0 ? h * pow(1 - h, t - from) : 1 - pow(1 - pd, (to - from + 1) / 12.0);
      b.mean += q;
      b.var += q * (1 - q);
      kappa4 += q * (1 - q) * (1 - 6 * q * (1 - q)); /* a Bernoulli's fourth cumulant */
      b.marked[seg->programme] = q;
    }
  }
  b.mu4 = kappa4 + 3 * b.var * b.var; /* cumulants add over independent loans */
  return b;
}

/* the sample mean, variance and the standard error of the variance, sqrt((m4 - s^4) / n) */
static void moments(const double *x, long n, double *mean, double *var, double *var_se) {
  double mu = 0, m2 = 0, m4 = 0;
  for (long i = 0; i < n; i++) mu += x[i];
  mu /= (double)n;
  for (long i = 0; i < n; i++) {
    double d = (x[i] - mu) * (x[i] - mu);
    m2 += d;
    m4 += d * d;
  }
  *mean = mu;
  *var = m2 / (double)(n - 1);
  m4 /= (double)n;
  *var_se = sqrt(fmax(m4 - *var * *var, 0) / (double)n);
}

static double marked_rate(const ps_outcomes *o, int g) {
  double s = 0;
  for (long p = 0; p < o->paths; p++) s += o->defaults[ps_slot(o, g, p)];
  return s / (double)o->paths;
}

static int load(const ps_override *sets, int nsets, ps_model *m) {
  char err[1024];
  if (!ps_scenario_load(FILE_, sets, nsets, m, err, sizeof err)) return 0;
  fprintf(stderr, "%s\n", err);
  CHECK(0);
  return -1;
}

static const unsigned char track_all[NPROG] = {1, 1, 1, 1};

static int run(const ps_model *m, long paths, uint64_t seed, int threads, int by_loan, int audit, ps_outcomes *o) {
  char err[1024];
  ps_run_options ro = {.paths = paths, .seed = seed, .threads = threads, .by_loan = by_loan, .audit = audit,
                       .track = track_all};
  int rc = ps_simulate(m, &ro, o, err, sizeof err);
  if (rc) fprintf(stderr, "%s\n", err);
  CHECK_EQ_INT(rc, 0);
  return rc;
}

/* the defaults of period t (0: the whole horizon), summed over the programmes, into d[0..o->paths) */
static void defaults_of(const ps_model *m, const ps_outcomes *o, int t, double *d) {
  for (long p = 0; p < o->paths; p++) {
    d[p] = 0;
    for (int g = 0; g < m->nprogrammes; g++) {
      const double *cum = &o->track_defaults[ps_track_slot(o, g, p)]; /* so far, by period */
      d[p] += t == 0 ? o->defaults[ps_slot(o, g, p)] : cum[t - 1] - (t > 1 ? cum[t - 2] : 0);
    }
  }
}

/* 1 and 2: rho = 0, against the closed form */
static void independent(void) {
  ps_override sets[] = {{"segments.tpl_a.rho", "0"}, {"segments.tpl_b.rho", "0"}, {"segments.tpl_b.rho_sector", "0"}};
  ps_model m;
  ps_outcomes o;
  if (load(sets, 3, &m)) return;
  CHECK(m.ntape_buckets >= 2 && m.ntape_buckets < m.nsegments - m.nown_segments); /* buckets hold several groups */
  if (run(&m, PATHS, 21, 2, 0, 0, &o) == 0) {
    double *d = malloc(PATHS * sizeof *d), mean, var, var_se;
    static const int periods[] = {1, 4, 7, 12, 0}; /* 0: the horizon */
    for (int k = 0; k < 5; k++) {
      bernoulli_sum b = closed_form(&m, periods[k]);
      defaults_of(&m, &o, periods[k], d);
      moments(d, PATHS, &mean, &var, &var_se);
      printf("  %s %2d: E[D] %.4f (closed form %.4f), Var(D) %.4f (%.4f)\n", periods[k] ? "period" : "horizon",
             periods[k], mean, b.mean, var, b.var);
      CHECK_NEAR(mean, b.mean, 4.5 * sqrt(b.var / PATHS));
      CHECK_NEAR(var, b.var, 4.5 * sqrt((b.mu4 - b.var * b.var) / PATHS));
      for (int g = M1; g < NPROG && periods[k] == 0; g++) {
        double q = b.marked[g];
        printf("  marked loan %d: default frequency %.5f, its PD %.5f\n", g, marked_rate(&o, g), q);
        CHECK_NEAR(marked_rate(&o, g), q, 4.5 * sqrt(q * (1 - q) / PATHS));
      }
    }
    free(d);
    ps_outcomes_destroy(&o);
  }
  ps_model_destroy(&m);
}

/* 3: rho > 0, against the closed-form mean and the naive sampler */
static void correlated(void) {
  ps_model m;
  ps_outcomes o[2];
  if (load(NULL, 0, &m)) return;
  bernoulli_sum b = closed_form(&m, 0); /* the mean and the marked loans' rates only */
  if (run(&m, PATHS, 31, 2, 0, 0, &o[0]) == 0) {
    if (run(&m, NAIVE_PATHS, 32, 2, 1, 0, &o[1]) == 0) {
      double *d = malloc(PATHS * sizeof *d), mean[2], var[2], var_se[2];
      for (int k = 0; k < 2; k++) {
        defaults_of(&m, &o[k], 0, d);
        moments(d, o[k].paths, &mean[k], &var[k], &var_se[k]);
      }
      double se[2] = {sqrt(var[0] / PATHS), sqrt(var[1] / NAIVE_PATHS)};
      printf("  rho > 0: E[D] %.3f by bucket, %.3f loan by loan, %.3f closed form; Var(D) %.2f and %.2f\n", mean[0],
             mean[1], b.mean, var[0], var[1]);
      CHECK(var[0] > 2 * b.var); /* the common factors spread the count well beyond independence */
      CHECK_NEAR(mean[0], b.mean, 4.5 * se[0]);
      CHECK_NEAR(mean[0], mean[1], 4.5 * sqrt(se[0] * se[0] + se[1] * se[1]));
      CHECK_NEAR(var[0], var[1], 4.5 * sqrt(var_se[0] * var_se[0] + var_se[1] * var_se[1]));
      for (int g = M1; g < NPROG; g++)
        CHECK_NEAR(marked_rate(&o[0], g), b.marked[g], 4.5 * sqrt(b.marked[g] * (1 - b.marked[g]) / PATHS));
      free(d);
      ps_outcomes_destroy(&o[1]);
    }
    ps_outcomes_destroy(&o[0]);
  }
  ps_model_destroy(&m);
}

/* 4: the ledger, and the same bytes on 1 and 2 threads */
static void ledger_and_threads(void) {
  ps_model m;
  ps_outcomes o[3] = {{0}};
  if (load(NULL, 0, &m)) return;
  int ok = run(&m, 3000, 41, 1, 0, 0, &o[0]) == 0;
  ok &= run(&m, 3000, 41, 2, 0, 0, &o[1]) == 0;
  ok &= run(&m, 500, 41, 2, 0, 1, &o[2]) == 0; /* audit: the posting log replays, the ledger balances */
  if (ok) {
    size_t nprog = (size_t)m.nprogrammes * 3000 * sizeof(double), npool = (size_t)m.npools * 3000 * sizeof(double);
    CHECK(memcmp(o[0].defaults, o[1].defaults, nprog) == 0);
    CHECK(memcmp(o[0].defaulted_exposure, o[1].defaulted_exposure, nprog) == 0);
    CHECK(memcmp(o[0].claims, o[1].claims, npool) == 0);
    CHECK(memcmp(o[0].recovered, o[1].recovered, npool) == 0);
    for (int g = 0; g < m.nprogrammes; g++) { /* the audited run's paths are the same paths */
      const double *a = &o[0].defaults[ps_slot(&o[0], g, 0)], *b = &o[2].defaults[ps_slot(&o[2], g, 0)];
      CHECK(memcmp(a, b, 500 * sizeof(double)) == 0);
    }
  }
  for (int k = 0; k < 3; k++)
    if (o[k].paths) ps_outcomes_destroy(&o[k]);
  ps_model_destroy(&m);
}

int main(void) {
  gsl_set_error_handler_off();
  printf("1, 2. rho 0: the defaults of periods 1, 4, 7, 12 and of the horizon, and the marked loans\n");
  independent();
  printf("3. rho > 0: the closed-form mean and the naive sampler\n");
  correlated();
  printf("4. the ledger, and 1 against 2 threads\n");
  ledger_and_threads();
  return check_summary("test_tape_buckets");
}
