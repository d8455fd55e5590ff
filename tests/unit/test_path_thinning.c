/* test_path_thinning.c — a heterogeneous loan tape (tests/scenarios/tape_hetero.lua,
** the rows written by tests/scenarios/data/hetero.awk) keeps each loan's PD, LGD and
** amount, and the thinning sampler defaults each loan with its own probability.
**
** With rho = 0, 12 monthly periods and every loan at risk for all 12, loan i
** defaults within the horizon with probability p_i (its annual PD), independently.
** So over N paths:
**   - the number of defaults has mean sum p_i and variance sum p_i (1 - p_i); the
**     sample mean is checked within 4 of its exact standard errors (two-sided false
**     failure 6e-5 a check), the sample variance within 4 of its standard errors,
**     sqrt(2/N) relative (the sum of 1 100 Bernoullis is close to normal);
**   - the pair programme's PD 20% loans (1万) and PD 25% loans (2万) share one PD
**     bucket, so one group and one thinning bound: their default counts, recovered
**     per path from the defaults and the defaulted exposure, have means 150 x 0.20
**     and 150 x 0.25 (4 exact binomial standard errors): each defaults at its own rate,
**     not at the bucket's largest PD;
**   - the fund's expected claims are sum over loans of share x amount x p_i, and its
**     expected net outlay share x amount x p_i x LGD_i, where the spread programme's
**     LGD downturn link d gives E[Phi(Phi^-1(LGD_i) - d Z)] = Phi(Phi^-1(LGD_i) /
**     sqrt(1 + d^2)) for Z ~ N(0, 1) independent of the defaults (rho = 0): each
**     within 4 sample standard errors. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sim/montecarlo.h"
#include "scenario/scenario.h"

#define PATHS 20000
enum { PAIR, SPREAD, LOW, NPROG };

/* the rows of hetero.awk, computed again here (the CSV keeps PDs to 6 digits: a
** difference far below the tolerances) */
typedef struct {
  double pd, lgd, amount;
} loan;

static int tape(int programme, int i, loan *out) {
  switch (programme) {
  case PAIR:
    if (i >= 300) return 0;
    *out = (loan){i % 2 ? 0.25 : 0.2, i % 3 ? 0.4 : 0.6, i % 2 ? 20000 : 10000};
    return 1;
  case SPREAD:
    if (i >= 400) return 0;
    *out = (loan){0.001 * pow(300, i / 399.0), 0.3 + 0.5 * (i * 37 % 100) / 99.0, 100000 + (i * 7919 % 400) * 1000};
    return 1;
  default:
    if (i >= 400) return 0;
    *out = (loan){0.005, 0.5, 50000};
    return 1;
  }
}

static const double fund_share[NPROG] = {0.4, 0.5, 0.3}, downturn[NPROG] = {0, 0.5, 0};

static double mean_of(const double *x, long n) {
  double s = 0;
  for (long i = 0; i < n; i++) s += x[i];
  return s / (double)n;
}

static double se_of(const double *x, long n) {
  double mu = mean_of(x, n), ss = 0;
  for (long i = 0; i < n; i++) ss += (x[i] - mu) * (x[i] - mu);
  return sqrt(ss / (double)(n - 1) / (double)n);
}

/* the groups the tape becomes: pair one group with per-loan PDs and LGDs, spread one
** per PD bucket (0.1%..30%: buckets -30..-6 of ten a decade), low one homogeneous
** group with no per-loan arrays */
static void check_groups(const ps_model *m) {
  CHECK_EQ_INT(m->nown_segments, 3);
  CHECK_EQ_INT(m->nsegments, 3 + 1 + 25 + 1);
  int groups[NPROG] = {0}, narrow = 1;
  long loans[NPROG] = {0};
  for (int s = m->nown_segments; s < m->nsegments; s++) {
    const ps_segment *seg = &m->segments[s];
    groups[seg->programme]++;
    loans[seg->programme] += seg->loan.nitems;
    if (seg->programme == PAIR) CHECK(seg->loan_pd && seg->loan_lgd && seg->pd == 0.25);
    if (seg->programme == LOW) CHECK(!seg->loan_pd && !seg->loan_lgd && seg->pd == 0.005 && seg->lgd.mean == 0.5);
    if (seg->programme == SPREAD) /* within a bucket the PDs stay within 10^-0.1 of the largest */
      for (long i = 0; seg->loan_pd && i < seg->loan.nitems; i++) narrow &= seg->loan_pd[i] >= 0.79 * seg->pd;
  }
  CHECK(narrow);
  CHECK(groups[PAIR] == 1 && groups[SPREAD] == 25 && groups[LOW] == 1);
  CHECK(loans[PAIR] == 300 && loans[SPREAD] == 400 && loans[LOW] == 400);
}

int main(void) {
  gsl_set_error_handler_off();
  ps_model m;
  char err[1024];
  if (ps_scenario_load("tests/scenarios/tape_hetero.lua", NULL, 0, &m, err, sizeof err)) {
    fprintf(stderr, "%s\n", err);
    CHECK(0);
    return check_summary("test_path_thinning");
  }
  check_groups(&m);
  ps_outcomes o;
  ps_run_options ro = {.paths = PATHS, .seed = 11, .threads = 2};
  int rc = ps_simulate(&m, &ro, &o, err, sizeof err);
  CHECK_EQ_INT(rc, 0);
  if (rc) {
    fprintf(stderr, "%s\n", err);
    ps_model_destroy(&m);
    return check_summary("test_path_thinning");
  }
  double *total = calloc(PATHS, sizeof(double)), *split = malloc(PATHS * sizeof(double));
  double mean_all = 0, var_all = 0, claims = 0;
  for (int g = 0; g < NPROG; g++) {
    double mean = 0, var = 0, outlay = 0;
    loan l;
    for (int i = 0; tape(g, i, &l); i++) {
      mean += l.pd;
      var += l.pd * (1 - l.pd);
      claims += fund_share[g] * l.amount * l.pd;
      double d = downturn[g];
      double lgd = d > 0 ? gsl_cdf_ugaussian_P(gsl_cdf_ugaussian_Pinv(l.lgd) / sqrt(1 + d * d)) : l.lgd;
      outlay += fund_share[g] * l.amount * l.pd * lgd;
    }
    mean_all += mean;
    var_all += var;
    const double *d = &o.defaults[ps_slot(&o, g, 0)];
    CHECK_NEAR(mean_of(d, PATHS), mean, 4 * sqrt(var / PATHS));
    for (long p = 0; p < PATHS; p++) total[p] += d[p];
    const double *net = &o.outlay_by_programme[g]; /* pool 0: stride nprogrammes */
    double *x = malloc(PATHS * sizeof(double));
    for (long p = 0; p < PATHS; p++) x[p] = net[(size_t)p * (size_t)m.nprogrammes];
    CHECK_NEAR(mean_of(x, PATHS), outlay, 4 * se_of(x, PATHS));
    free(x);
  }
  /* the whole tape: mean and variance of the number of defaults */
  double mu = mean_of(total, PATHS), ss = 0;
  for (long p = 0; p < PATHS; p++) ss += (total[p] - mu) * (total[p] - mu);
  CHECK_NEAR(mu, mean_all, 4 * sqrt(var_all / PATHS));
  CHECK_NEAR(ss / (PATHS - 1), var_all, 4 * sqrt(2.0 / PATHS) * var_all);
  CHECK_NEAR(mean_of(o.claims, PATHS), claims, 4 * se_of(o.claims, PATHS));
  /* pair: D_25 = exposure / 1万 - D, D_20 = D - D_25 */
  const double *d = &o.defaults[ps_slot(&o, PAIR, 0)], *e = &o.defaulted_exposure[ps_slot(&o, PAIR, 0)];
  for (long p = 0; p < PATHS; p++) split[p] = e[p] / 10000 - d[p];
  CHECK_NEAR(mean_of(split, PATHS), 150 * 0.25, 4 * sqrt(150 * 0.25 * 0.75 / PATHS));
  for (long p = 0; p < PATHS; p++) split[p] = d[p] - split[p];
  CHECK_NEAR(mean_of(split, PATHS), 150 * 0.2, 4 * sqrt(150 * 0.2 * 0.8 / PATHS));
  free(total);
  free(split);
  ps_outcomes_destroy(&o);
  ps_model_destroy(&m);
  return check_summary("test_path_thinning");
}
